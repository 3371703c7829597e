/*
 * dview.c - the selected row's detail as the detail pane wraps it, built
 * once per row and width: scrolling it, choosing its links (keys and
 * clicks), opening one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

char *
ui_detail_title(const struct ui *ui)
{
	int32_t			 row = ui_row(ui);
	const struct gap	*g;

	if (row == INT32_MIN)
		return NULL;
	if (!ROW_IS_GAP(row))
		return detail_record_name(ui->reg, row);
	g = &ui->reg->gaps[ROW_GAP_INDEX(row)];
	if (g->lo == g->hi)
		return xasprintf("Unassigned %d, a gap no row lists",
		    (int)g->lo);
	return xasprintf("Unassigned %d-%d, a gap no row lists", (int)g->lo,
	    (int)g->hi);
}

void
ui_dview_free(struct ui_detail_view *v)
{
	if (v == NULL)
		return;
	if (v->built) {
		free(v->lines);
		detail_free(&v->d);
	}
	free(v->people);
	free(v);
}

const struct ui_detail_view *
ui_detail_view(const struct ui *ui)
{
	/* The cache is the ui's own: rebuilt even for a const ui. */
	struct ui_detail_view	*v = ui->dview;
	int32_t			 row = ui_row(ui);
	int			 width = ui->layout.body[PANE_DETAIL].w;

	if (v->built && v->row == row && v->width == width)
		return v;
	if (v->built) {
		free(v->lines);
		detail_free(&v->d);
	}
	memset(&v->d, 0, sizeof v->d);
	v->lines = NULL;
	v->n = 0;
	v->text_x = 0;
	v->built = 1;
	v->row = row;
	v->width = width;
	if (row != INT32_MIN) {
		detail_build(&v->d, ui->reg, row);
		ui_since_detail(ui, &v->d, row);
		ui_host_detail(ui, &v->d, row);
		v->n = detail_wrap(&v->d, width, &v->lines, &v->text_x);
	}
	return v;
}

/* The largest first line: the view's last line at the pane's bottom. */
static size_t
ui_detail_max(const struct ui *ui, const struct ui_detail_view *v)
{
	size_t	 rows = (size_t)ui_pane_rows(ui, PANE_DETAIL);

	return v->n > rows ? v->n - rows : 0;
}

size_t
ui_detail_top(const struct ui *ui)
{
	size_t	 max = ui_detail_max(ui, ui_detail_view(ui));

	return ui->detail_top < max ? ui->detail_top : max;
}

/* What the scrolling steps below work on: the view, and its height. */
struct ui_dview {
	const struct detail		*d;
	const struct detail_line	*lines;
	size_t				 n;
	size_t				 rows;		/* its height */
	size_t				 max;		/* the largest top */
};

static void
ui_dview_open(struct ui *ui, struct ui_dview *v)
{
	const struct ui_detail_view	*dv = ui_detail_view(ui);

	v->d = &dv->d;
	v->lines = dv->lines;
	v->n = dv->n;
	v->rows = (size_t)ui_pane_rows(ui, PANE_DETAIL);
	v->max = ui_detail_max(ui, dv);
	ui->detail_top = ui_detail_top(ui);
}

/* Is any line of link l on screen? */
static int
ui_dview_shows(const struct ui *ui, const struct ui_dview *v, size_t l)
{
	size_t	 first, last;

	if (!detail_link_lines(v->d, l, v->lines, v->n, &first, &last))
		return 0;
	return last >= ui->detail_top && first < ui->detail_top + v->rows;
}

/* Scroll so that link l shows, its first line at least. */
static void
ui_dview_reveal(struct ui *ui, const struct ui_dview *v, size_t l)
{
	size_t	 first, last;

	if (!detail_link_lines(v->d, l, v->lines, v->n, &first, &last))
		return;
	if (last >= ui->detail_top + v->rows)
		ui->detail_top = last - v->rows + 1;
	if (first < ui->detail_top || first >= ui->detail_top + v->rows)
		ui->detail_top = first;
	if (ui->detail_top > v->max)
		ui->detail_top = v->max;
}

/*
 * After a scroll: when the chosen link went off screen, choose the
 * first link on screen (dir > 0) or the last (dir < 0), if any.
 */
static void
ui_dview_follow(struct ui *ui, const struct ui_dview *v, int dir)
{
	long	 sel = ui_detail_link(ui, v->d), i;

	if (sel < 0 || ui_dview_shows(ui, v, (size_t)sel))
		return;
	for (i = 0; i < (long)v->d->n_links; i++) {
		if (ui_dview_shows(ui, v, dir > 0 ? (size_t)i :
		    v->d->n_links - 1 - (size_t)i)) {
			ui->detail_link = dir > 0 ? i :
			    (long)v->d->n_links - 1 - i;
			return;
		}
	}
}

void
ui_detail_scroll(struct ui *ui, long delta)
{
	struct ui_dview	 v;
	long		 top;

	ui_dview_open(ui, &v);
	top = (long)ui->detail_top + delta;
	if (top < 0)
		top = 0;
	if ((size_t)top > v.max)
		top = (long)v.max;
	ui->detail_top = (size_t)top;
	ui_dview_follow(ui, &v, delta < 0 ? -1 : 1);
}

/*
 * j or k in the detail pane: choose the next (dir > 0) or previous link
 * when it is on screen or on the line just past it, else scroll a line.
 */
void
ui_detail_step(struct ui *ui, int dir)
{
	struct ui_dview	 v;
	size_t		 first, last;
	long		 sel, next;

	ui_dview_open(ui, &v);
	sel = ui_detail_link(ui, v.d);
	if (v.d->n_links > 0) {
		if (sel < 0)
			next = dir > 0 ? 0 : (long)v.d->n_links - 1;
		else
			next = sel + dir;
		if (next >= 0 && (size_t)next < v.d->n_links &&
		    detail_link_lines(v.d, (size_t)next, v.lines, v.n,
		    &first, &last) && (dir > 0 ?
		    first <= ui->detail_top + v.rows :
		    last + 1 >= ui->detail_top)) {
			ui->detail_link = next;
			ui_dview_reveal(ui, &v, (size_t)next);
			return;
		}
	}
	if (dir < 0 && ui->detail_top > 0)
		ui->detail_top--;
	else if (dir > 0 && ui->detail_top < v.max)
		ui->detail_top++;
	ui_dview_follow(ui, &v, dir);
}

/* g or G in the detail pane: the top or bottom, and its first or last
   link. */
void
ui_detail_end(struct ui *ui, int dir)
{
	struct ui_dview	 v;

	ui_dview_open(ui, &v);
	ui->detail_top = dir > 0 ? v.max : 0;
	if (v.d->n_links > 0)
		ui->detail_link = dir > 0 ? (long)v.d->n_links - 1 : 0;
}

long
ui_detail_link(const struct ui *ui, const struct detail *d)
{
	if (ui->detail_link >= 0 && (size_t)ui->detail_link < d->n_links)
		return ui->detail_link;
	return detail_link_default(d);
}

/* A click on detail line line: choose the link there, if one is. */
void
ui_detail_click(struct ui *ui, size_t line)
{
	struct ui_dview	 v;
	size_t		 i, first, last;

	ui_dview_open(ui, &v);
	for (i = 0; i < v.d->n_links; i++) {
		if (detail_link_lines(v.d, i, v.lines, v.n, &first, &last) &&
		    first <= line && line <= last) {
			ui->detail_link = (long)i;
			break;
		}
	}
}

int
ui_open(struct ui *ui)
{
	const struct detail_person *people;
	const struct detail	*d;
	size_t			 n;
	long			 sel;
	char			*link = NULL;
	int32_t			 row = ui_row(ui);

	if (row == INT32_MIN)
		return UI_NONE;
	people = ui_people(ui, &n);
	if (ui->focus == PANE_CONTACTS && ui->contact_sel < n) {
		link = detail_person_link(ui->reg,
		    people[ui->contact_sel].person);
		if (link == NULL) {
			ui_message(ui, 1, "No http, https or mailto URI for "
			    "this person");
			return UI_DRAW_STATUS;
		}
	} else {
		d = &ui_detail_view(ui)->d;
		if ((sel = ui_detail_link(ui, d)) >= 0)
			link = xstrdup(d->links[sel].uri);
	}
	if (link == NULL || !detail_uri_allowed(link)) {
		free(link);
		ui_message(ui, 1, "Nothing to open here (only http, https "
		    "and mailto)");
		return UI_DRAW_STATUS;
	}
	free(ui->open_uri);
	ui->open_uri = link;
	return UI_OPEN|UI_DRAW_STATUS;
}

void
ui_opened(struct ui *ui, const char *error)
{
	if (error != NULL)
		ui_message(ui, 1, "Cannot open %s: %s", ui->open_uri, error);
	else
		ui_message(ui, 0, "Opening %s", ui->open_uri);
}

int
ui_act_open(struct ui *ui)
{
	return ui_open(ui);
}
