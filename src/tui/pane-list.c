/*
 * pane-list.c - the list pane: one row per record (or gap), port,
 * protocol, service name and description, with search matches
 * highlighted.  Only the visible rows are drawn.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "diff.h"
#include "draw.h"
#include "pane.h"
#include "pattern.h"
#include "registry.h"
#include "sanitize.h"
#include "ui.h"
#include "xmalloc.h"

#define LIST_PORT_W	11
#define LIST_PROTO_W	4

/* Add text with the search matches in it highlighted, up to limit. */
static void
pane_list_text(const struct ui *ui, struct sline *sl, const char *s,
    size_t len, attr_t a, attr_t hl, int limit)
{
	size_t	 at = 0, ms, me;
	int	 guard = 0;

	while (ui->search != NULL && at < len && guard++ < 64 &&
	    pattern_span(ui->search, s, len, at, &ms, &me) == 1) {
		if (ms < at || me > len || me < ms)
			break;
		if (me == ms) {		/* empty match: step one character */
			me = ms + 1;
			while (me < len && ((unsigned char)s[me] & 0xc0) == 0x80)
				me++;
			sline_add(sl, s + at, me - at, a, limit);
			at = me;
			continue;
		}
		sline_add(sl, s + at, ms - at, a, limit);
		sline_add(sl, s + ms, me - ms, hl, limit);
		at = me;
	}
	if (at < len)
		sline_add(sl, s + at, len - at, a, limit);
}

/*
 * PCRE2's JIT searches the text in aligned 16- or 32-byte loads that may
 * reach up to 31 bytes past its end, into the buffer's unused capacity
 * or past the allocation (the bytes there never change a match).  Under
 * valgrind they were 129 "conditional jump depends on uninitialised
 * value" reports; the same search with (*NO_JIT) reads none.  So the
 * buffer keeps PANE_LIST_PAD bytes of zeros after the text.
 */
#define PANE_LIST_PAD	64

static void
pane_list_pad(struct buf *b)
{
	static const char	 zeros[PANE_LIST_PAD];
	size_t			 len = b->len;

	buf_add(b, zeros, sizeof zeros);
	b->len = len;
	memset(b->data + len, 0, b->cap - len);
}

/* Safe single-line form of registry text: newlines become spaces. */
static void
pane_list_safe(struct buf *b, const char *s)
{
	const char	*nl;

	buf_clear(b);
	if (s == NULL) {
		buf_adds(b, "");
		return;
	}
	while ((nl = strchr(s, '\n')) != NULL) {
		sanitize_buf(b, s, nl - s, 0);
		buf_addc(b, ' ');
		s = nl + 1;
	}
	sanitize_buf(b, s, strlen(s), 0);
	if (b->data == NULL)
		buf_adds(b, "");
	pane_list_pad(b);
}

static void
pane_list_row(const struct ui *ui, int y, const struct rect *body,
    size_t pos, int name_w, struct buf *b)
{
	const struct registry	*reg = ui->reg;
	const struct record	*r = NULL;
	const struct gap	*g = NULL;
	struct sline		 sl;
	int32_t			 row = ui_row_at(ui, pos);
	int32_t			 lo, hi;
	enum role		 role = ROLE_NORMAL;
	attr_t			 a, hl;
	char			 port[32], extra[48];
	int			 x, matched = 0;

	if (ROW_IS_GAP(row)) {
		g = &reg->gaps[ROW_GAP_INDEX(row)];
		lo = g->lo;
		hi = g->hi;
		role = ROLE_GAP;
	} else {
		r = &reg->records[row];
		lo = r->port_lo;
		hi = r->port_hi;
		if (r->kind == KIND_UNASSIGNED)
			role = ROLE_GAP;
		else if (r->kind == KIND_RESERVED)
			role = ROLE_RESERVED;
		matched = ui_is_match(ui, row);
		if (ui_change(ui, row) == DIFF_REMOVED)
			role = ROLE_REMOVED;
	}
	if (pos == ui->cursor)
		role = ui->focus == PANE_LIST ? ROLE_CURSOR : ROLE_CURSOR_DIM;
	a = draw_attr(role);
	hl = draw_attr(ROLE_MATCH);

	field_port_format(port, lo, hi);

	sline_start(&sl, y, body->x, body->w);
	/* The marker column: a search match, else the change since the
	   --since edition, else SPEC 7's marks (in use here, services(5)
	   name differs). */
	if (matched && pos != ui->cursor)
		extra[0] = '*';
	else if (*ui_change_mark(ui, row) != ' ')
		extra[0] = *ui_change_mark(ui, row);
	else
		extra[0] = ui_host_marker(ui_host_marks(ui, row));
	extra[1] = '\0';
	sline_adds(&sl, extra, a);
	x = sl.col;
	if (ui_col_shown(ui, UI_COL_PORT)) {
		sline_adds(&sl, port, a);
		sline_pad(&sl, x + LIST_PORT_W + 1, a);
		x = sl.col;
	}
	if (ui_col_shown(ui, UI_COL_PROTO)) {
		if (r != NULL && r->proto != PROTO_NONE)
			sline_adds(&sl, proto_name(r->proto), a);
		sline_pad(&sl, x + LIST_PROTO_W + 1, a);
		x = sl.col;
	}
	if (ui_col_shown(ui, UI_COL_NAME)) {
		if (r != NULL && r->service != NULL) {
			pane_list_safe(b, r->service);
			pane_list_text(ui, &sl, b->data, b->len, a, hl,
			    x + name_w);
		}
		sline_pad(&sl, x + name_w + 1, a);
	}
	if (!ui_col_shown(ui, UI_COL_DESC))
		;
	else if (g != NULL || (r != NULL && r->kind == KIND_UNASSIGNED)) {
		pane_list_safe(b, r != NULL && r->description != NULL ?
		    r->description : "Unassigned");
		pane_list_text(ui, &sl, b->data, b->len, a, hl, -1);
		if (lo >= 0 && hi != lo) {
			snprintf(extra, sizeof extra, " (%d ports)",
			    (int)(hi - lo + 1));
			pane_list_text(ui, &sl, extra, strlen(extra), a, hl,
			    -1);
		}
	} else if (r != NULL && r->description != NULL) {
		pane_list_safe(b, r->description);
		pane_list_text(ui, &sl, b->data, b->len, a, hl, -1);
	}
	sline_pad(&sl, -1, a);
}

/* The column names of the columns shown, the focused one underlined. */
static void
pane_list_head(const struct ui *ui, struct sline *sl, attr_t ha,
    int name_w, int lim)
{
	static const char *const names[UI_COL_COUNT] = {
		"Port", "Prot", "Service", "Description",
	};
	const int	 w[UI_COL_COUNT] = {
		LIST_PORT_W + 1, LIST_PROTO_W + 1, name_w + 1, 0,
	};
	int		 c, x;

	for (c = 0; c < UI_COL_COUNT; c++) {
		if (!ui_col_shown(ui, c))
			continue;
		x = sl->col;
		sline_add(sl, names[c], strlen(names[c]), c == ui->col ?
		    ha | A_UNDERLINE : ha, lim);
		if (w[c] > 0)
			sline_pad(sl, x + w[c] < lim ? x + w[c] : lim, ha);
	}
}

void
pane_list_draw(const struct ui *ui, const struct rect *head,
    const struct rect *body)
{
	struct sline	 sl;
	struct buf	 b = { 0 };
	attr_t		 ha;
	char		 right[128];
	char		*s;
	size_t		 pos;
	int		 y, name_w, x, lim;

	ha = draw_attr(ui->focus == PANE_LIST ? ROLE_HEADER_FOCUS :
	    ROLE_HEADER);
	name_w = body->w >= 60 ? 15 : 10;

	/* Header: column names, then what the list holds.  The count
	   comes first: the column names are cut to leave it room, down
	   to "Port Prot"; only then is the count cut. */
	if (ui->view == &ui->persons &&
	    (ui->person >= 0 || ui->person_id != NULL)) {
		const struct person *p = ui->person >= 0 ?
		    &ui->reg->people[ui->person] : NULL;

		s = sanitize(p == NULL ? ui->person_id : p->name != NULL ?
		    p->name : p->org != NULL ? p->org : p->id, 0);
		snprintf(right, sizeof right, " %.80s: %zu ", s, ui->view->n);
		free(s);
	} else if (ui->filter != NULL)
		snprintf(right, sizeof right, " filtered: %zu of %zu ",
		    ui->view->n, ui->all.n);
	else
		snprintf(right, sizeof right, " %zu rows ", ui->view->n);
	sline_start(&sl, head->y, head->x, head->w);
	sline_adds(&sl, ui->focus == PANE_LIST ? ">" : " ", ha);
	x = sl.col;
	lim = sl.end - draw_width(right, strlen(right));
	if (ui->filter != NULL && ui->view != &ui->persons &&
	    lim < x + LIST_PORT_W + 1 + LIST_PROTO_W + 1) {
		snprintf(right, sizeof right, " %zu of %zu ", ui->view->n,
		    ui->all.n);			/* too narrow: the numbers */
		lim = sl.end - draw_width(right, strlen(right));
	}
	if (lim < x + LIST_PORT_W + 1 + LIST_PROTO_W + 1)
		lim = x + LIST_PORT_W + 1 + LIST_PROTO_W + 1;
	pane_list_head(ui, &sl, ha, name_w, lim);
	sline_pad(&sl, sl.end - draw_width(right, strlen(right)), ha);
	sline_add(&sl, right, strlen(right), ha, -1);
	sline_pad(&sl, -1, ha);

	for (y = 0; y < body->h; y++) {
		pos = ui->top + (size_t)y;
		if (pos >= ui->view->n) {
			if (pos == 0 && y == 0) {
				sline_start(&sl, body->y, body->x, body->w);
				sline_adds(&sl, " No rows", draw_attr(
				    ROLE_NOTE));
			}
			break;
		}
		pane_list_row(ui, body->y + y, body, pos, name_w, &b);
	}
	buf_free(&b);
}
