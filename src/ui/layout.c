/*
 * layout.c - pane rectangles from the terminal size.
 */
#include "config.h"

#include <string.h>

#include "layout.h"

static void
layout_rect(struct rect *r, int y, int x, int h, int w)
{
	r->y = y;
	r->x = x;
	r->h = h > 0 ? h : 0;
	r->w = w > 0 ? w : 0;
}

/* A pane of h lines (header included) at (y, x), w wide. */
static void
layout_pane(struct layout *l, enum layout_pane p, int y, int x, int h, int w)
{
	layout_rect(&l->header[p], y, x, 1, w);
	layout_rect(&l->body[p], y + 1, x, h - 1, w);
}

void
layout_compute(struct layout *l, int rows, int cols)
{
	int	 area, content, list, detail, contacts, lw, rw;

	memset(l, 0, sizeof *l);
	l->rows = rows > 0 ? rows : 0;
	l->cols = cols > 0 ? cols : 0;
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l->too_small = 1;
		return;
	}

	layout_rect(&l->help, 2, (cols - LAYOUT_HELP_W(cols)) / 2, rows - 4,
	    LAYOUT_HELP_W(cols));
	layout_rect(&l->title, 0, 0, 1, cols);
	layout_rect(&l->status, rows - 2, 0, 1, cols);
	layout_rect(&l->message, rows - 1, 0, 1, cols);
	area = rows - 3;		/* lines 1 .. rows - 3 */

	if (cols >= LAYOUT_WIDE_COLS) {
		l->wide = 1;
		lw = cols * 11 / 20;
		rw = cols - lw - 1;
		layout_pane(l, PANE_LIST, 1, 0, area, lw);
		layout_rect(&l->separator, 1, lw, area, 1);
		detail = area * 3 / 5;
		if (detail < 2)
			detail = 2;
		contacts = area - detail;
		layout_pane(l, PANE_DETAIL, 1, lw + 1, detail, rw);
		layout_pane(l, PANE_CONTACTS, 1 + detail, lw + 1, contacts, rw);
		return;
	}

	content = area - 3;		/* three header lines */
	list = content * 4 / 9;
	detail = content * 3 / 9;
	if (list < 1)
		list = 1;
	if (detail < 1)
		detail = 1;
	contacts = content - list - detail;
	if (contacts < 1) {
		contacts = 1;
		list = content - detail - contacts;
	}
	layout_pane(l, PANE_LIST, 1, 0, list + 1, cols);
	layout_pane(l, PANE_DETAIL, 2 + list, 0, detail + 1, cols);
	layout_pane(l, PANE_CONTACTS, 3 + list + detail, 0, contacts + 1, cols);
}

void
layout_share(struct layout *l, int detail, int contacts)
{
	const struct rect	*db = &l->body[PANE_DETAIL];
	int			 d = db->h, c = l->body[PANE_CONTACTS].h;
	int			 total = d + c, x = db->x, w = db->w;
	int			 y = l->header[PANE_DETAIL].y;

	if (l->too_small)
		return;
	if (detail < 1)
		detail = 1;
	if (contacts < 1)
		contacts = 1;
	if (detail > d && contacts < c)
		d = detail < total - contacts ? detail : total - contacts;
	else if (contacts > c && detail < d)
		d = total - contacts > detail ? total - contacts : detail;
	else
		return;
	layout_pane(l, PANE_DETAIL, y, x, d + 1, w);
	layout_pane(l, PANE_CONTACTS, y + d + 1, x, total - d + 1, w);
}

static int
layout_in(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

int
layout_hit(const struct layout *l, int y, int x, int *row)
{
	int	 p;

	*row = -1;
	if (l->too_small)
		return -1;
	for (p = 0; p < PANE_COUNT; p++) {
		if (layout_in(&l->header[p], y, x))
			return p;
		if (layout_in(&l->body[p], y, x)) {
			*row = y - l->body[p].y;
			return p;
		}
	}
	return -1;
}
