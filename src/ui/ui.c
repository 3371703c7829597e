/*
 * ui.c - the browser's state and actions, without a terminal.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "detail.h"
#include "pattern.h"
#include "query.h"
#include "registry.h"
#include "ui.h"
#include "xmalloc.h"

/* --- Views ------------------------------------------------------------ */

static void
view_free(struct view *v)
{
	free(v->rows);
	free(v->pos);
	free(v->gaps);
	free(v->assigned);
	memset(v, 0, sizeof *v);
}

/* Fill pos, gaps and assigned from rows, in one pass. */
static void
view_index(struct view *v, const struct registry *reg)
{
	const struct record	*r;
	size_t			 i;
	int32_t			 row;

	free(v->pos);
	free(v->gaps);
	free(v->assigned);
	v->pos = xreallocarray(NULL, reg->n_records + 1, sizeof *v->pos);
	memset(v->pos, 0xff, reg->n_records * sizeof *v->pos);	/* -1 */
	/* At most every row: untouched room costs only address space. */
	v->gaps = xreallocarray(NULL, v->n + 1, sizeof *v->gaps);
	v->assigned = xreallocarray(NULL, v->n + 1, sizeof *v->assigned);
	v->n_gaps = v->n_assigned = 0;
	for (i = 0; i < v->n; i++) {
		row = v->rows[i];
		if (ROW_IS_GAP(row)) {
			v->gaps[v->n_gaps++] = (uint32_t)i;
			continue;
		}
		v->pos[row] = (int32_t)i;
		r = &reg->records[row];
		if (r->kind == KIND_UNASSIGNED && r->port_lo >= 0)
			v->gaps[v->n_gaps++] = (uint32_t)i;
		else if (r->kind == KIND_ASSIGNED && r->port_lo >= 0)
			v->assigned[v->n_assigned++] = (uint32_t)i;
	}
}

/* The first gap from g on that no record lists (n_gaps if none). */
static size_t
view_next_synth(const struct registry *reg, size_t g)
{
	while (g < reg->n_gaps && reg->gaps[g].record >= 0)
		g++;
	return g;
}

/*
 * Every record in registry order, with the gaps no record lists placed
 * in port order among the records that have a port (after the last of
 * them when they lie beyond it, as 49152-65535 does).
 */
static void
view_build_all(struct view *v, const struct registry *reg)
{
	size_t	 i, g, n_synth = 0, last = (size_t)-1;

	for (i = 0; i < reg->n_gaps; i++) {
		if (reg->gaps[i].record < 0)
			n_synth++;
	}
	for (i = reg->n_records; i > 0; i--) {
		if (reg->records[i - 1].port_lo >= 0) {
			last = i - 1;
			break;
		}
	}
	v->rows = xreallocarray(NULL, reg->n_records + n_synth + 1,
	    sizeof *v->rows);
	v->n = 0;
	g = view_next_synth(reg, 0);
	if (last == (size_t)-1) {
		for (; g < reg->n_gaps; g = view_next_synth(reg, g + 1))
			v->rows[v->n++] = ROW_GAP(g);
	}
	for (i = 0; i < reg->n_records; i++) {
		if (reg->records[i].port_lo >= 0) {
			while (g < reg->n_gaps &&
			    reg->gaps[g].lo < reg->records[i].port_lo) {
				v->rows[v->n++] = ROW_GAP(g);
				g = view_next_synth(reg, g + 1);
			}
		}
		v->rows[v->n++] = (int32_t)i;
		if (i == last) {
			for (; g < reg->n_gaps; g = view_next_synth(reg, g + 1))
				v->rows[v->n++] = ROW_GAP(g);
		}
	}
	view_index(v, reg);
}

static void
view_build_list(struct view *v, const struct registry *reg,
    const uint32_t *list, size_t n)
{
	size_t	 i;

	free(v->rows);
	v->rows = xreallocarray(NULL, n + 1, sizeof *v->rows);
	for (i = 0; i < n; i++)
		v->rows[i] = (int32_t)list[i];
	v->n = n;
	view_index(v, reg);
}

/* Position of row id in v, or -1. */
static long
view_find(const struct view *v, int32_t row)
{
	size_t	 i;

	if (!ROW_IS_GAP(row))
		return v->pos[row];
	for (i = 0; i < v->n_gaps; i++) {
		if (v->rows[v->gaps[i]] == row)
			return v->gaps[i];
	}
	return -1;
}

/* First index in a (ascending, n) whose value is > x; n if none. */
static size_t
upper_bound(const uint32_t *a, size_t n, size_t x)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First index in a whose value is >= x. */
static size_t
lower_bound(const uint32_t *a, size_t n, size_t x)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (a[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* --- Basics ------------------------------------------------------------ */

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

struct ui *
ui_new(struct registry *reg)
{
	struct ui	*ui;

	ui = xcalloc(1, sizeof *ui);
	ui->reg = reg;
	ui->hay = haystack_new(reg);
	view_build_all(&ui->all, reg);
	ui->view = &ui->all;
	ui->person = -1;
	ui->detail_link = -1;
	ui->search_dir = 1;
	ui->list_rows = 1;
	ui->detail_rows = 1;
	ui->detail_cols = 40;
	ui->contacts_rows = 2;
	ui->help_rows = 10;
	ui->help_cols = LAYOUT_HELP_W(80) - 4;
	ui->scratch = xreallocarray(NULL, reg->n_records + 1,
	    sizeof *ui->scratch);
	ui->matches = xreallocarray(NULL, reg->n_records + 1,
	    sizeof *ui->matches);
	ui->match_pos = xreallocarray(NULL, reg->n_records + 1,
	    sizeof *ui->match_pos);
	ui->scan_ns = 20;
	ui->narrow_ns = 150;
	return ui;
}

void
ui_free(struct ui *ui)
{
	if (ui == NULL)
		return;
	view_free(&ui->all);
	view_free(&ui->filtered);
	view_free(&ui->persons);
	if (ui->search != NULL)
		pattern_free(ui->search);
	if (ui->saved_search != NULL)
		pattern_free(ui->saved_search);
	if (ui->filter != NULL)
		pattern_free(ui->filter);
	free(ui->search_expr);
	free(ui->saved_expr);
	free(ui->filter_expr);
	free(ui->open_uri);
	free(ui->scratch);
	free(ui->matches);
	free(ui->match_pos);
	free(ui->saved_matches);
	free(ui->prompt_expr);
	free(ui->prompt_rows);
	if (ui->hay != NULL)
		haystack_free(ui->hay);
	free(ui);
}

int32_t
ui_row_at(const struct ui *ui, size_t pos)
{
	if (pos >= ui->view->n)
		return INT32_MIN;
	return ui->view->rows[pos];
}

int32_t
ui_row(const struct ui *ui)
{
	return ui_row_at(ui, ui->cursor);
}

int32_t
ui_record(const struct ui *ui)
{
	int32_t	 row = ui_row(ui);

	if (row == INT32_MIN || ROW_IS_GAP(row))
		return -1;
	return row;
}

size_t
ui_people(const struct ui *ui, struct detail_person *out, size_t cap)
{
	int32_t	 row = ui_row(ui);

	if (row == INT32_MIN)
		return 0;
	return detail_people(ui->reg, row, out, cap);
}

int
ui_is_match(const struct ui *ui, int32_t rec)
{
	size_t	 i;

	if (rec < 0 || ui->search == NULL || ui->n_matches == 0)
		return 0;
	i = lower_bound(ui->matches, ui->n_matches, (size_t)rec);
	return i < ui->n_matches && ui->matches[i] == (uint32_t)rec;
}

/* Scroll the list so that the cursor shows; centre it when far. */
static void
ui_fix_top(struct ui *ui, int centre)
{
	size_t	 rows = ui->list_rows > 0 ? (size_t)ui->list_rows : 1;

	if (ui->view->n == 0) {
		ui->cursor = ui->top = 0;
		return;
	}
	if (ui->cursor >= ui->view->n)
		ui->cursor = ui->view->n - 1;
	if (centre && (ui->cursor < ui->top || ui->cursor >= ui->top + rows))
		ui->top = ui->cursor > rows / 3 ? ui->cursor - rows / 3 : 0;
	if (ui->cursor < ui->top)
		ui->top = ui->cursor;
	if (ui->cursor >= ui->top + rows)
		ui->top = ui->cursor - rows + 1;
	if (ui->top + rows > ui->view->n)
		ui->top = ui->view->n > rows ? ui->view->n - rows : 0;
}

/* Select position pos of the view. */
static void
ui_select(struct ui *ui, size_t pos, int centre)
{
	if (ui->view->n == 0)
		pos = 0;
	else if (pos >= ui->view->n)
		pos = ui->view->n - 1;
	if (pos != ui->cursor) {
		ui->detail_top = 0;
		ui->detail_link = -1;
		ui->contact_sel = 0;
		ui->contact_top = 0;
	}
	ui->cursor = pos;
	ui_fix_top(ui, centre);
}

/* Select row id in the view, or the nearest row after it; 0 if absent. */
static int
ui_select_row(struct ui *ui, int32_t row, int centre)
{
	long	 p;
	size_t	 i;

	if (row == INT32_MIN)
		return 0;
	if ((p = view_find(ui->view, row)) >= 0) {
		ui_select(ui, (size_t)p, centre);
		return 1;
	}
	/* Nearest following record in registry order. */
	if (!ROW_IS_GAP(row)) {
		for (i = 0; i < ui->view->n; i++) {
			if (!ROW_IS_GAP(ui->view->rows[i]) &&
			    ui->view->rows[i] > row)
				break;
		}
		ui_select(ui, i, centre);
	} else
		ui_select(ui, 0, centre);
	return 0;
}

/* Recompute the positions of the matches in the current view. */
static void
ui_match_positions(struct ui *ui)
{
	size_t	 i;
	int32_t	 p;

	ui->n_match_pos = 0;
	if (ui->search == NULL)
		return;
	for (i = 0; i < ui->n_matches; i++) {
		p = ui->view->pos[ui->matches[i]];
		if (p >= 0)
			ui->match_pos[ui->n_match_pos++] = (uint32_t)p;
	}
}

/* Switch to view v keeping the selected row where possible. */
static void
ui_set_view(struct ui *ui, struct view *v, int32_t keep)
{
	int32_t	 was = ui_row(ui);
	size_t	 detail_top = ui->detail_top;
	size_t	 contact_sel = ui->contact_sel;
	size_t	 contact_top = ui->contact_top;
	long	 detail_link = ui->detail_link;

	ui->view = v;
	ui->cursor = ui->top = 0;
	ui_select_row(ui, keep, 1);
	/* The same row keeps its detail and contacts as they were; another
	   (maybe at the same position) starts afresh. */
	if (ui_row(ui) == was) {
		ui->detail_top = detail_top;
		ui->detail_link = detail_link;
		ui->contact_sel = contact_sel;
		ui->contact_top = contact_top;
	} else {
		ui->detail_top = 0;
		ui->detail_link = -1;
		ui->contact_sel = 0;
		ui->contact_top = 0;
	}
	ui_match_positions(ui);
}

static void
ui_jump_push(struct ui *ui)
{
	int32_t	 row = ui_row(ui);

	if (row == INT32_MIN)
		return;
	if (ui->n_jumps > 0 && ui->jumps[ui->n_jumps - 1] == row)
		return;
	if (ui->n_jumps == UI_JUMPS) {
		memmove(ui->jumps, ui->jumps + 1,
		    (UI_JUMPS - 1) * sizeof *ui->jumps);
		ui->n_jumps--;
	}
	ui->jumps[ui->n_jumps++] = row;
}

/* Jump to position pos (remembering where we were). */
static void
ui_jump(struct ui *ui, size_t pos)
{
	if (pos == ui->cursor)
		return;
	ui_jump_push(ui);
	ui_select(ui, pos, 1);
}

void
ui_resize(struct ui *ui, const struct layout *l)
{
	if (l->too_small)
		return;
	ui->list_rows = l->body[PANE_LIST].h;
	ui->detail_rows = l->body[PANE_DETAIL].h;
	ui->detail_cols = l->body[PANE_DETAIL].w;
	ui->contacts_rows = l->body[PANE_CONTACTS].h;
	ui->help_rows = l->help.h - 2;
	if (ui->help_rows < 1)
		ui->help_rows = 1;
	ui->help_cols = l->help.w - 4;
	if (ui->help_cols < 1)
		ui->help_cols = 1;
	ui_fix_top(ui, 0);
}

/* --- Moving ------------------------------------------------------------ */

/* The selected row's detail as the detail pane wraps it. */
struct ui_dview {
	struct detail		 d;
	struct detail_line	*lines;
	size_t			 n;
	size_t			 rows;		/* its height */
	size_t			 max;		/* the largest top */
};

static void
ui_dview_open(struct ui *ui, struct ui_dview *v)
{
	int32_t	 row = ui_row(ui);
	int	 x;

	memset(v, 0, sizeof *v);
	if (row != INT32_MIN) {
		detail_build(&v->d, ui->reg, row);
		v->n = detail_wrap(&v->d, ui->detail_cols, &v->lines, &x);
	}
	v->rows = ui->detail_rows > 0 ? (size_t)ui->detail_rows : 1;
	v->max = v->n > v->rows ? v->n - v->rows : 0;
	if (ui->detail_top > v->max)
		ui->detail_top = v->max;
}

static void
ui_dview_close(struct ui_dview *v)
{
	free(v->lines);
	detail_free(&v->d);
}

/* Is any line of link l on screen? */
static int
ui_dview_shows(const struct ui *ui, const struct ui_dview *v, size_t l)
{
	size_t	 first, last;

	if (!detail_link_lines(&v->d, l, v->lines, v->n, &first, &last))
		return 0;
	return last >= ui->detail_top && first < ui->detail_top + v->rows;
}

/* Scroll so that link l shows, its first line at least. */
static void
ui_dview_reveal(struct ui *ui, const struct ui_dview *v, size_t l)
{
	size_t	 first, last;

	if (!detail_link_lines(&v->d, l, v->lines, v->n, &first, &last))
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
	long	 sel = ui_detail_link(ui, &v->d), i;

	if (sel < 0 || ui_dview_shows(ui, v, (size_t)sel))
		return;
	for (i = 0; i < (long)v->d.n_links; i++) {
		if (ui_dview_shows(ui, v, dir > 0 ? (size_t)i :
		    v->d.n_links - 1 - (size_t)i)) {
			ui->detail_link = dir > 0 ? i :
			    (long)v->d.n_links - 1 - i;
			return;
		}
	}
}

static void
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
	ui_dview_close(&v);
}

/*
 * j or k in the detail pane: choose the next (dir > 0) or previous link
 * when it is on screen or on the line just past it, else scroll a line.
 */
static void
ui_detail_step(struct ui *ui, int dir)
{
	struct ui_dview	 v;
	size_t		 first, last;
	long		 sel, next;

	ui_dview_open(ui, &v);
	sel = ui_detail_link(ui, &v.d);
	if (v.d.n_links > 0) {
		if (sel < 0)
			next = dir > 0 ? 0 : (long)v.d.n_links - 1;
		else
			next = sel + dir;
		if (next >= 0 && (size_t)next < v.d.n_links &&
		    detail_link_lines(&v.d, (size_t)next, v.lines, v.n,
		    &first, &last) && (dir > 0 ?
		    first <= ui->detail_top + v.rows :
		    last + 1 >= ui->detail_top)) {
			ui->detail_link = next;
			ui_dview_reveal(ui, &v, (size_t)next);
			ui_dview_close(&v);
			return;
		}
	}
	if (dir < 0 && ui->detail_top > 0)
		ui->detail_top--;
	else if (dir > 0 && ui->detail_top < v.max)
		ui->detail_top++;
	ui_dview_follow(ui, &v, dir);
	ui_dview_close(&v);
}

/* g or G in the detail pane: the top or bottom, and its first or last
   link. */
static void
ui_detail_end(struct ui *ui, int dir)
{
	struct ui_dview	 v;

	ui_dview_open(ui, &v);
	ui->detail_top = dir > 0 ? v.max : 0;
	if (v.d.n_links > 0)
		ui->detail_link = dir > 0 ? (long)v.d.n_links - 1 : 0;
	ui_dview_close(&v);
}

long
ui_detail_link(const struct ui *ui, const struct detail *d)
{
	if (ui->detail_link >= 0 && (size_t)ui->detail_link < d->n_links)
		return ui->detail_link;
	return detail_link_default(d);
}

/* How many people fit in the contacts pane (two lines each). */
static size_t
ui_contacts_visible(const struct ui *ui)
{
	return ui->contacts_rows >= 2 ? (size_t)ui->contacts_rows / 2 : 1;
}

static void
ui_contact_select(struct ui *ui, long sel)
{
	struct detail_person	 people[UI_PEOPLE_MAX];
	size_t			 n, vis = ui_contacts_visible(ui);

	n = ui_people(ui, people, UI_PEOPLE_MAX);
	if (n > UI_PEOPLE_MAX)
		n = UI_PEOPLE_MAX;
	if (sel >= (long)n)
		sel = (long)n - 1;
	if (sel < 0)
		sel = 0;
	ui->contact_sel = (size_t)sel;
	if (ui->contact_sel < ui->contact_top)
		ui->contact_top = ui->contact_sel;
	if (ui->contact_sel >= ui->contact_top + vis)
		ui->contact_top = ui->contact_sel - vis + 1;
}

int
ui_move(struct ui *ui, long delta)
{
	long	 pos;

	switch (ui->focus) {
	case PANE_DETAIL:
		for (; delta > 0; delta--)
			ui_detail_step(ui, 1);
		for (; delta < 0; delta++)
			ui_detail_step(ui, -1);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, (long)ui->contact_sel + delta);
		break;
	default:
		if (ui->view->n == 0)
			break;
		pos = (long)ui->cursor + delta;
		if (pos < 0)
			pos = 0;
		if ((size_t)pos >= ui->view->n)
			pos = (long)ui->view->n - 1;
		ui_select(ui, (size_t)pos, 0);
		break;
	}
	return UI_REDRAW;
}

int
ui_page(struct ui *ui, int dir)
{
	long	 page, pos, top;

	switch (ui->focus) {
	case PANE_DETAIL:
		page = ui->detail_rows > 1 ? ui->detail_rows - 1 : 1;
		ui_detail_scroll(ui, dir * page);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, (long)ui->contact_sel +
		    dir * (long)ui_contacts_visible(ui));
		break;
	default:
		if (ui->view->n == 0)
			break;
		page = ui->list_rows > 1 ? ui->list_rows - 1 : 1;
		pos = (long)ui->cursor + dir * page;
		top = (long)ui->top + dir * page;
		if (pos < 0)
			pos = 0;
		if ((size_t)pos >= ui->view->n)
			pos = (long)ui->view->n - 1;
		if (top < 0)
			top = 0;
		ui->top = (size_t)top;
		ui_select(ui, (size_t)pos, 0);
		break;
	}
	return UI_REDRAW;
}

int
ui_first(struct ui *ui)
{
	switch (ui->focus) {
	case PANE_DETAIL:
		ui_detail_end(ui, -1);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, 0);
		break;
	default:
		ui_jump(ui, 0);
		break;
	}
	return UI_REDRAW;
}

int
ui_last(struct ui *ui)
{
	switch (ui->focus) {
	case PANE_DETAIL:
		ui_detail_end(ui, 1);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, UI_PEOPLE_MAX);
		break;
	default:
		if (ui->view->n > 0)
			ui_jump(ui, ui->view->n - 1);
		break;
	}
	return UI_REDRAW;
}

/* First port of a row, or -1. */
static int32_t
ui_row_port(const struct ui *ui, int32_t row)
{
	if (row == INT32_MIN)
		return -1;
	if (ROW_IS_GAP(row))
		return ui->reg->gaps[ROW_GAP_INDEX(row)].lo;
	return ui->reg->records[row].port_lo;
}

int
ui_next_assignment(struct ui *ui, int dir)
{
	const struct view	*v = ui->view;
	int32_t			 here = ui_row_port(ui, ui_row(ui)), port;
	size_t			 i;

	if (v->n == 0)
		return UI_REDRAW;
	if (dir > 0) {
		i = upper_bound(v->assigned, v->n_assigned, ui->cursor);
		while (i < v->n_assigned &&
		    ui_row_port(ui, v->rows[v->assigned[i]]) == here)
			i++;
		if (i == v->n_assigned) {
			ui_message(ui, 0, "No next assignment");
			return UI_REDRAW;
		}
	} else {
		i = lower_bound(v->assigned, v->n_assigned, ui->cursor);
		while (i > 0 &&
		    ui_row_port(ui, v->rows[v->assigned[i - 1]]) == here)
			i--;
		if (i == 0) {
			ui_message(ui, 0, "No previous assignment");
			return UI_REDRAW;
		}
		i--;
		/* The first row of that port number. */
		port = ui_row_port(ui, v->rows[v->assigned[i]]);
		while (i > 0 &&
		    ui_row_port(ui, v->rows[v->assigned[i - 1]]) == port)
			i--;
	}
	ui_jump(ui, v->assigned[i]);
	return UI_REDRAW;
}

int
ui_next_gap(struct ui *ui, int dir)
{
	const struct view	*v = ui->view;
	size_t			 i;

	if (v->n == 0)
		return UI_REDRAW;
	if (dir > 0) {
		i = upper_bound(v->gaps, v->n_gaps, ui->cursor);
		if (i == v->n_gaps) {
			ui_message(ui, 0, "No next gap");
			return UI_REDRAW;
		}
	} else {
		i = lower_bound(v->gaps, v->n_gaps, ui->cursor);
		if (i == 0) {
			ui_message(ui, 0, "No previous gap");
			return UI_REDRAW;
		}
		i--;
	}
	ui_jump(ui, v->gaps[i]);
	return UI_REDRAW;
}

/* --- Going to a port or name --------------------------------------------- */

static void
ui_leave_persons(struct ui *ui, int32_t keep)
{
	if (ui->view != &ui->persons)
		return;
	ui->person = -1;
	ui_set_view(ui, ui->filter != NULL ? &ui->filtered : &ui->all, keep);
}

static void
ui_clear_filter(struct ui *ui, int32_t keep)
{
	if (ui->filter == NULL)
		return;
	pattern_free(ui->filter);
	ui->filter = NULL;
	free(ui->filter_expr);
	ui->filter_expr = NULL;
	if (ui->view == &ui->filtered)
		ui_set_view(ui, &ui->all, keep);
	view_free(&ui->filtered);
}

/* Show row id: leave the person list or filter if it hides the row. */
static int
ui_show_row(struct ui *ui, int32_t row)
{
	long	 p;

	if ((p = view_find(ui->view, row)) < 0 && ui->view == &ui->persons) {
		ui_leave_persons(ui, ui_row(ui));
		p = view_find(ui->view, row);
	}
	if (p < 0 && ui->filter != NULL) {
		ui_clear_filter(ui, ui_row(ui));
		p = view_find(ui->view, row);
		ui_message(ui, 0, "Filter cleared to show it");
	}
	if (p < 0)
		return 0;
	ui_jump(ui, (size_t)p);
	return 1;
}

int
ui_goto(struct ui *ui, const char *s)
{
	struct query	 q;
	const char	*why;
	size_t		 n, i, best;
	int32_t		 row = INT32_MIN, g;
	char		 buf[UI_LINE_MAX];

	while (*s == ' ')
		s++;
	snprintf(buf, sizeof buf, "%s", s);
	for (n = strlen(buf); n > 0 && buf[n - 1] == ' '; n--)
		buf[n - 1] = '\0';
	if (buf[0] == '\0')
		return UI_REDRAW;
	if (query_parse(buf, &q, &why) != 0) {
		ui_message(ui, 1, "%s: %s", buf, why);
		return UI_REDRAW;
	}
	if (q.kind == QUERY_NAME)
		n = registry_by_name(ui->reg, q.name, q.proto, ui->scratch,
		    ui->reg->n_records);
	else
		n = query_run(ui->reg, &q, ui->scratch, ui->reg->n_records);
	if (n > ui->reg->n_records)
		n = ui->reg->n_records;
	if (n > 0) {
		/* Prefer a row that starts at the port asked for. */
		best = 0;
		for (i = 0; q.kind != QUERY_NAME && i < n; i++) {
			if (ui->reg->records[ui->scratch[i]].port_lo == q.lo) {
				best = i;
				break;
			}
		}
		row = (int32_t)ui->scratch[best];
	} else if (q.kind != QUERY_NAME &&
	    (g = registry_gap_at(ui->reg, q.lo)) >= 0) {
		row = ui->reg->gaps[g].record >= 0 ?
		    ui->reg->gaps[g].record : ROW_GAP(g);
	}
	if (row == INT32_MIN && q.kind != QUERY_NAME &&
	    !registry_covers(ui->reg, q.lo, q.hi)) {
		if (ui->reg->cover_lo < 0)
			ui_message(ui, 1, "%s: this file lists no port", buf);
		else
			ui_message(ui, 1, "%s: not covered by this file, which "
			    "lists ports %d-%d only", buf,
			    (int)ui->reg->cover_lo, (int)ui->reg->cover_hi);
		return UI_REDRAW;
	}
	if (row == INT32_MIN) {
		ui_message(ui, 1, "Nothing at %s", buf);
		return UI_REDRAW;
	}
	if (!ui_show_row(ui, row))
		ui_message(ui, 1, "%s is not in this list", buf);
	return UI_REDRAW;
}

/* --- Search and filter -------------------------------------------------- */

int
ui_pattern_narrows(const char *from, const char *to)
{
	size_t		 n, i;
	int		 upper = 0;
	unsigned char	 c;

	if (from == NULL || to == NULL || *from == '\0')
		return 0;
	n = strlen(from);
	if (strncmp(from, to, n) != 0 || to[n] == '\0')
		return 0;
	for (i = 0; to[i] != '\0'; i++) {
		c = (unsigned char)to[i];
		if (strchr("\\^$.|?*+()[]{}", c) != NULL)
			return 0;
		if (i < n && c >= 'A' && c <= 'Z')
			upper = 1;
		if (i >= n && (c >= 0x80 || c == ':' ||
		    (c >= 'A' && c <= 'Z' && !upper)))
			return 0;
	}
	return 1;
}

static double
ui_now_ns(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/*
 * The records p (compiled from expr) matches, into rows (room for every
 * record); returns how many and sets *limited.  rows holds n_prev
 * records, those prev matched (NULL: nothing known): when expr is prev,
 * they are the answer; when expr only narrows prev, each is matched
 * again if that costs less than scanning every record.
 */
static size_t
ui_find(struct ui *ui, struct pattern *p, const char *expr,
    const char *prev, uint32_t *rows, size_t n_prev, int *limited)
{
	size_t	 n_all = ui->reg->n_records, i, n = 0;
	double	 t0 = ui_now_ns();
	int	 r, narrow;

	*limited = 0;
	if (prev != NULL && strcmp(prev, expr) == 0)
		return n_prev;
	narrow = prev != NULL && ui->narrow != UI_NARROW_NEVER &&
	    ui_pattern_narrows(prev, expr);
	if (narrow && ui->narrow == UI_NARROW_AUTO)
		narrow = n_prev * ui->narrow_ns <= n_all * ui->scan_ns;
	if (!narrow) {
		n = pattern_scan(p, ui->hay, rows, n_all, limited);
		if (n > n_all)
			n = n_all;
		if (n_all >= 1000)
			ui->scan_ns = (ui_now_ns() - t0) / n_all;
		return n;
	}
	for (i = 0; i < n_prev; i++) {
		r = pattern_match(p, ui->hay, rows[i]);
		if (r == PATTERN_MATCH)
			rows[n++] = rows[i];
		else if (r == PATTERN_LIMIT)
			*limited = 1;
	}
	if (n_prev >= 1000) {
		ui->narrow_ns = (ui_now_ns() - t0) / n_prev;
		if (ui->narrow_ns < 10)
			ui->narrow_ns = 10;
	}
	ui->narrowed++;
	return n;
}

/* Compile expr into a pattern, or set the message. */
static struct pattern *
ui_compile(struct ui *ui, const char *expr)
{
	struct pattern	*p;
	char		*err = NULL;

	if (ui->hay == NULL) {
		ui_message(ui, 1, "Search is not available");
		return NULL;
	}
	p = pattern_new(expr, &err);
	if (p == NULL) {
		ui_message(ui, 1, "%s", err != NULL ? err : "bad pattern");
		free(err);
	}
	return p;
}

/*
 * Make p (and expr) the current search and find its matches: from the
 * current search's when expr only narrows it.
 */
static void
ui_search_set(struct ui *ui, struct pattern *p, const char *expr, int dir)
{
	const char	*prev = NULL;
	int		 limited = 0;

	if (ui->search != NULL && ui->search_expr != NULL &&
	    !ui->search_limited)
		prev = ui->search_expr;
	if (p != NULL)
		ui->n_matches = ui_find(ui, p, expr, prev, ui->matches,
		    ui->n_matches, &limited);
	else
		ui->n_matches = 0;
	if (ui->search != NULL)
		pattern_free(ui->search);
	free(ui->search_expr);
	ui->search = p;
	ui->search_expr = expr != NULL ? xstrdup(expr) : NULL;
	ui->search_dir = dir;
	ui->search_limited = limited;
	if (limited)
		ui_message(ui, 1, "Pattern too complex: some rows were not "
		    "searched");
	ui_match_positions(ui);
}

/* The filter prompt's answer for p (expr): from its last when it can. */
static size_t
ui_prompt_find(struct ui *ui, struct pattern *p, const char *expr,
    int *limited)
{
	const char	*prev = NULL;

	if (ui->prompt_rows == NULL)
		ui->prompt_rows = xreallocarray(NULL, ui->reg->n_records + 1,
		    sizeof *ui->prompt_rows);
	else if (ui->prompt_expr != NULL && !ui->prompt_limited)
		prev = ui->prompt_expr;
	ui->n_prompt_rows = ui_find(ui, p, expr, prev, ui->prompt_rows,
	    ui->n_prompt_rows, limited);
	if (prev == NULL || strcmp(prev, expr) != 0) {
		free(ui->prompt_expr);
		ui->prompt_expr = xstrdup(expr);
		ui->prompt_limited = *limited;
	} else
		*limited = ui->prompt_limited;
	return ui->n_prompt_rows;
}

/* The match position after (dir > 0) or before from; wraps.  -1: none. */
static long
ui_match_from(struct ui *ui, size_t from, int dir, int *wrapped)
{
	size_t	 i;

	*wrapped = 0;
	if (ui->n_match_pos == 0)
		return -1;
	if (dir > 0) {
		i = upper_bound(ui->match_pos, ui->n_match_pos, from);
		if (i == ui->n_match_pos) {
			*wrapped = 1;
			i = 0;
		}
	} else {
		i = lower_bound(ui->match_pos, ui->n_match_pos, from);
		if (i == 0) {
			*wrapped = 1;
			i = ui->n_match_pos;
		}
		i--;
	}
	return ui->match_pos[i];
}

/* Index (1-based) of the match at the cursor, or 0. */
static size_t
ui_match_index(const struct ui *ui)
{
	size_t	 i;

	i = lower_bound(ui->match_pos, ui->n_match_pos, ui->cursor);
	if (i < ui->n_match_pos && ui->match_pos[i] == ui->cursor)
		return i + 1;
	return 0;
}

/* What to add to a search's messages when it hit the limits. */
#define UI_LIMITED(ui) ((ui)->search_limited ? \
	" (pattern too complex: some rows were not searched)" : "")

static void
ui_match_message(struct ui *ui, int wrapped, int dir)
{
	size_t	 i = ui_match_index(ui);

	if (wrapped)
		ui_message(ui, ui->search_limited,
		    "Search wrapped to the %s: match %zu of %zu%s",
		    dir > 0 ? "top" : "bottom", i, ui->n_match_pos,
		    UI_LIMITED(ui));
	else if (i > 0)
		ui_message(ui, ui->search_limited, "Match %zu of %zu%s", i,
		    ui->n_match_pos, UI_LIMITED(ui));
}

int
ui_search(struct ui *ui, const char *expr, int dir)
{
	struct pattern	*p;
	long		 pos;
	int		 wrapped;

	if (expr == NULL || *expr == '\0') {
		if (ui->search == NULL) {
			ui_message(ui, 1, "No previous search");
			return UI_REDRAW;
		}
		ui->search_dir = dir;
		return ui_next_match(ui, 1);
	}
	if ((p = ui_compile(ui, expr)) == NULL)
		return UI_REDRAW;
	ui_search_set(ui, p, expr, dir);
	pos = ui_match_from(ui, ui->cursor, dir, &wrapped);
	if (pos < 0) {
		ui_message(ui, 1, "Pattern not found: %s%s", expr,
		    UI_LIMITED(ui));
		return UI_REDRAW;
	}
	ui_jump(ui, (size_t)pos);
	ui_match_message(ui, wrapped, dir);
	return UI_REDRAW;
}

int
ui_next_match(struct ui *ui, int dir)
{
	long	 pos;
	int	 wrapped, d = dir * ui->search_dir;

	if (ui->search == NULL) {
		ui_message(ui, 1, "No previous search");
		return UI_REDRAW;
	}
	pos = ui_match_from(ui, ui->cursor, d, &wrapped);
	if (pos < 0) {
		ui_message(ui, 1, "Pattern not found: %s%s", ui->search_expr,
		    UI_LIMITED(ui));
		return UI_REDRAW;
	}
	ui_jump(ui, (size_t)pos);
	ui_match_message(ui, wrapped, d);
	return UI_REDRAW;
}

int
ui_set_filter(struct ui *ui, const char *expr)
{
	struct pattern	*p;
	size_t		 n;
	int		 limited = 0;
	int32_t		 keep;

	if (expr == NULL || *expr == '\0') {
		if (ui->view == &ui->persons)
			ui_leave_persons(ui, ui_row(ui));
		if (ui->filter != NULL)
			ui_message(ui, 0, "Filter cleared");
		ui_clear_filter(ui, ui_row(ui));
		return UI_REDRAW;
	}
	if ((p = ui_compile(ui, expr)) == NULL)
		return UI_REDRAW;
	n = ui_prompt_find(ui, p, expr, &limited);
	if (n == 0) {
		pattern_free(p);
		ui_message(ui, 1, "No rows match %s%s: filter unchanged", expr,
		    limited ? " (pattern too complex)" : "");
		return UI_REDRAW;
	}
	if (ui->view == &ui->persons)
		ui_leave_persons(ui, ui_row(ui));
	keep = ui_row(ui);
	if (ui->filter != NULL)
		pattern_free(ui->filter);
	free(ui->filter_expr);
	ui->filter = p;
	ui->filter_expr = xstrdup(expr);
	view_build_list(&ui->filtered, ui->reg, ui->prompt_rows, n);
	ui_set_view(ui, &ui->filtered, keep);
	ui_message(ui, limited, "%zu row%s match%s%s", n, n == 1 ? "" : "s",
	    n == 1 ? "es" : "", limited ? " (pattern too complex for some)" :
	    "");
	return UI_REDRAW;
}

/* --- Contacts and people ---------------------------------------------- */

static int
ui_person_list(struct ui *ui, const struct detail_person *dp)
{
	const struct person	*p;
	const uint32_t		*recs;
	size_t			 n;
	int32_t			 from = ui_row(ui);
	char			*name;

	if (dp->person < 0) {
		name = xstrdup(dp->id);
		ui_message(ui, 1, "%s is not in the people table", name);
		free(name);
		return UI_REDRAW;
	}
	p = &ui->reg->people[dp->person];
	recs = registry_person_records(ui->reg, (uint32_t)dp->person, &n);
	if (n == 0 || recs == NULL) {
		ui_message(ui, 1, "No assignments for %s", dp->id);
		return UI_REDRAW;
	}
	if (ui->view != &ui->persons) {
		ui->person_from = from;
		ui->person_focus = ui->focus;
	}
	view_build_list(&ui->persons, ui->reg, recs, n);
	ui->person = dp->person;
	ui_set_view(ui, &ui->persons, from);
	ui->focus = PANE_LIST;
	ui_message(ui, 0, "%zu assignment%s of %s (Esc returns)", n,
	    n == 1 ? "" : "s", p->name != NULL ? p->name :
	    p->org != NULL ? p->org : p->id);
	return UI_REDRAW;
}

int
ui_contacts(struct ui *ui)
{
	struct detail_person	 people[UI_PEOPLE_MAX];
	size_t			 n;

	n = ui_people(ui, people, UI_PEOPLE_MAX);
	if (n > UI_PEOPLE_MAX)
		n = UI_PEOPLE_MAX;
	if (n == 0) {
		ui_message(ui, 0, "No people named by this row");
		return UI_REDRAW;
	}
	if (ui->focus != PANE_CONTACTS) {
		ui->focus = PANE_CONTACTS;
		ui_contact_select(ui, (long)ui->contact_sel);
		return UI_REDRAW;
	}
	if (ui->contact_sel >= n)
		ui->contact_sel = n - 1;
	return ui_person_list(ui, &people[ui->contact_sel]);
}

int
ui_focus_cycle(struct ui *ui, int dir)
{
	ui->focus = (enum layout_pane)((ui->focus + PANE_COUNT + dir) %
	    PANE_COUNT);
	return UI_REDRAW;
}

int
ui_back(struct ui *ui)
{
	int32_t	 row;
	long	 p;

	if (ui->view == &ui->persons) {
		ui_leave_persons(ui, ui->person_from);
		ui->focus = ui->person_focus;
		return UI_REDRAW;
	}
	while (ui->n_jumps > 0) {
		row = ui->jumps[--ui->n_jumps];
		if ((p = view_find(ui->view, row)) >= 0) {
			ui_select(ui, (size_t)p, 1);
			return UI_REDRAW;
		}
	}
	ui_message(ui, 0, "No earlier position");
	return UI_REDRAW;
}

int
ui_open(struct ui *ui)
{
	struct detail_person	 people[UI_PEOPLE_MAX];
	struct detail		 d;
	size_t			 n;
	long			 sel;
	char			*link = NULL;
	int32_t			 row = ui_row(ui);

	if (row == INT32_MIN)
		return UI_REDRAW;
	n = ui_people(ui, people, UI_PEOPLE_MAX);
	if (n > UI_PEOPLE_MAX)
		n = UI_PEOPLE_MAX;
	if (ui->focus == PANE_CONTACTS && ui->contact_sel < n) {
		link = detail_person_link(ui->reg,
		    people[ui->contact_sel].person);
		if (link == NULL) {
			ui_message(ui, 1, "No http, https or mailto URI for "
			    "this person");
			return UI_REDRAW;
		}
	} else {
		detail_build(&d, ui->reg, row);
		if ((sel = ui_detail_link(ui, &d)) >= 0)
			link = xstrdup(d.links[sel].uri);
		detail_free(&d);
	}
	if (link == NULL || !detail_uri_allowed(link)) {
		free(link);
		ui_message(ui, 1, "Nothing to open here (only http, https "
		    "and mailto)");
		return UI_REDRAW;
	}
	free(ui->open_uri);
	ui->open_uri = link;
	return UI_OPEN|UI_REDRAW;
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
ui_help(struct ui *ui)
{
	ui->help = !ui->help;
	ui->help_top = 0;
	return UI_REDRAW;
}

int
ui_cancel(struct ui *ui)
{
	if (ui->help) {
		ui->help = 0;
		return UI_REDRAW;
	}
	if (ui->view == &ui->persons)
		return ui_back(ui);
	if (ui->filter != NULL) {
		ui_clear_filter(ui, ui_row(ui));
		ui_message(ui, 0, "Filter cleared");
		return UI_REDRAW;
	}
	if (ui->search != NULL) {
		ui_search_set(ui, NULL, NULL, ui->search_dir);
		return UI_REDRAW;
	}
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

/* --- Mouse ------------------------------------------------------------- */

/* A click on detail line line: choose the link there, if one is. */
static void
ui_detail_click(struct ui *ui, size_t line)
{
	struct ui_dview	 v;
	size_t		 i, first, last;

	ui_dview_open(ui, &v);
	for (i = 0; i < v.d.n_links; i++) {
		if (detail_link_lines(&v.d, i, v.lines, v.n, &first, &last) &&
		    first <= line && line <= last) {
			ui->detail_link = (long)i;
			break;
		}
	}
	ui_dview_close(&v);
}

int
ui_click(struct ui *ui, int pane, int row)
{
	if (pane < 0 || pane >= PANE_COUNT || ui->prompt != PROMPT_NONE)
		return UI_NONE;
	if (ui->help) {
		ui->help = 0;
		return UI_REDRAW;
	}
	ui->focus = (enum layout_pane)pane;
	if (row < 0)
		return UI_REDRAW;
	if (pane == PANE_LIST && ui->top + (size_t)row < ui->view->n)
		ui_select(ui, ui->top + (size_t)row, 0);
	else if (pane == PANE_CONTACTS)
		ui_contact_select(ui, (long)(ui->contact_top + (size_t)row / 2));
	else if (pane == PANE_DETAIL)
		ui_detail_click(ui, ui->detail_top + (size_t)row);
	return UI_REDRAW;
}

int
ui_wheel(struct ui *ui, int pane, int dir)
{
	enum layout_pane	 focus = ui->focus;
	long			 top;
	size_t			 n;

	if (ui->prompt != PROMPT_NONE)
		return UI_NONE;
	if (ui->help) {
		top = (long)ui->help_top + 3 * dir;
		ui->help_top = top < 0 ? 0 : (size_t)top;
		n = ui_help_wrap(ui->help_cols, NULL, 0);
		if (ui->help_top + (size_t)ui->help_rows > n)
			ui->help_top = n > (size_t)ui->help_rows ?
			    n - (size_t)ui->help_rows : 0;
		return UI_REDRAW;
	}
	if (pane < 0 || pane >= PANE_COUNT)
		pane = ui->focus;
	if (pane == PANE_LIST && ui->view->n > 0) {
		top = (long)ui->top + 3 * dir;
		if (top < 0)
			top = 0;
		ui->top = (size_t)top;
		if (ui->cursor < ui->top)
			ui_select(ui, ui->top, 0);
		else if (ui->list_rows > 0 &&
		    ui->cursor >= ui->top + (size_t)ui->list_rows)
			ui_select(ui, ui->top + (size_t)ui->list_rows - 1, 0);
		ui_fix_top(ui, 0);
		return UI_REDRAW;
	}
	if (pane == PANE_DETAIL) {
		ui_detail_scroll(ui, 3 * dir);
		return UI_REDRAW;
	}
	ui->focus = (enum layout_pane)pane;
	ui_move(ui, 3 * dir);
	ui->focus = focus;
	return UI_REDRAW;
}

/* --- Help -------------------------------------------------------------- */

static const char *ui_help_head[] = {
	"Keys (j/k scroll this help; q, Esc or h closes it)",
	"",
};
/* Paragraphs: ui_help_wrap wraps them to the overlay. */
static const char *ui_help_tail[] = {
	"",
	"Mouse: a click selects a row or focuses a pane; the wheel scrolls.",
	"Search and filter: PCRE2 over every field of a row; smart case "
	    "(case-insensitive unless the pattern has an uppercase letter).",
	"Prefixes narrow it: name: desc: proto: port: who: ref: note: date:",
	"At a prompt: Enter accepts, Esc cancels, Ctrl-U clears.",
	"Links (underlined in the detail pane): j/k there move the "
	    "highlight, o opens it with $BROWSER or xdg-open, never a shell.",
};
#define UI_HELP_HEAD	(sizeof ui_help_head / sizeof ui_help_head[0])
#define UI_HELP_TAIL	(sizeof ui_help_tail / sizeof ui_help_tail[0])

size_t
ui_help_lines(void)
{
	return UI_HELP_HEAD + (ACT_COUNT - 1) + UI_HELP_TAIL;
}

void
ui_help_line(size_t i, const char **keys, const char **text)
{
	*keys = NULL;
	*text = "";
	if (i < UI_HELP_HEAD) {
		*text = ui_help_head[i];
		return;
	}
	i -= UI_HELP_HEAD;
	if (i < ACT_COUNT - 1) {
		*keys = keys_names((enum key_action)(i + 1));
		*text = keys_help((enum key_action)(i + 1));
		return;
	}
	i -= ACT_COUNT - 1;
	if (i < UI_HELP_TAIL)
		*text = ui_help_tail[i];
}

/* Width of key names as the help shows them ("j, Down"). */
static int
ui_help_keys_width(const char *keys)
{
	int	 w = 0;

	for (; *keys != '\0'; keys++)
		w += *keys == ' ' ? 2 : 1;
	return w;
}

/* Add the rows of text wrapped to width columns from column x. */
static size_t
ui_help_text(const char *keys, const char *text, int x, int width,
    struct ui_help_row *out, size_t cap, size_t n)
{
	size_t	 len = strlen(text), take, cut;

	if (width < 1)
		width = 1;
	do {
		take = len;
		if (len > (size_t)width) {
			/* The help is ASCII: bytes are columns. */
			for (cut = (size_t)width; cut > 0 &&
			    text[cut] != ' '; cut--)
				;
			take = cut > 0 ? cut : (size_t)width;
		}
		if (n < cap) {
			out[n].keys = keys;
			out[n].text = text;
			out[n].len = take;
			out[n].x = x;
		}
		n++;
		keys = NULL;
		text += take;
		len -= take;
		while (*text == ' ') {
			text++;
			len--;
		}
	} while (len > 0);
	return n;
}

size_t
ui_help_wrap(int width, struct ui_help_row *out, size_t cap)
{
	const char	*keys, *text;
	size_t		 i, n = 0, lines = ui_help_lines();
	int		 kw = 0, w, a;

	if (out == NULL)
		cap = 0;
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		if ((w = ui_help_keys_width(keys_names(a))) > kw)
			kw = w;
	}
	kw += 2;
	for (i = 0; i < lines; i++) {
		ui_help_line(i, &keys, &text);
		if (keys == NULL)
			n = ui_help_text(NULL, text, 0, width, out, cap, n);
		else if (width - kw >= 20)
			n = ui_help_text(keys, text, kw, width - kw, out, cap,
			    n);
		else if (ui_help_keys_width(keys) < 4) {
			/* Too narrow for the key column: text from 4. */
			n = ui_help_text(keys, text, 4, width - 4, out, cap,
			    n);
		} else {
			/* ...and longer keys: the text below them. */
			n = ui_help_text(keys, "", 0, width, out, cap, n);
			n = ui_help_text(NULL, text, 4, width - 4, out, cap,
			    n);
		}
	}
	return n;
}

static int
ui_help_key(struct ui *ui, enum key_action a)
{
	size_t	 n = ui_help_wrap(ui->help_cols, NULL, 0);
	size_t	 rows = ui->help_rows > 0 ? (size_t)ui->help_rows : 1;
	size_t	 max = n > rows ? n - rows : 0;
	long	 top = (long)ui->help_top;

	switch (a) {
	case ACT_DOWN:
		top++;
		break;
	case ACT_UP:
		top--;
		break;
	case ACT_PAGE_DOWN:
		top += (long)rows;
		break;
	case ACT_PAGE_UP:
		top -= (long)rows;
		break;
	case ACT_FIRST:
		top = 0;
		break;
	case ACT_LAST:
		top = (long)max;
		break;
	case ACT_HELP:
	case ACT_CANCEL:
	case ACT_QUIT:
		ui->help = 0;
		return UI_REDRAW;
	default:
		return UI_NONE;
	}
	if (top < 0)
		top = 0;
	if ((size_t)top > max)
		top = (long)max;
	ui->help_top = (size_t)top;
	return UI_REDRAW;
}

/* --- The prompt -------------------------------------------------------- */

/* Exchange the matches with those kept aside. */
static void
ui_swap_matches(struct ui *ui)
{
	uint32_t	*m = ui->matches;
	size_t		 n = ui->n_matches;

	ui->matches = ui->saved_matches;
	ui->n_matches = ui->n_saved_matches;
	ui->saved_matches = m;
	ui->n_saved_matches = n;
}

int
ui_prompt_open(struct ui *ui, enum ui_prompt kind)
{
	ui->prompt = kind;
	ui->line[0] = '\0';
	ui->line_len = 0;
	ui->prompt_cursor = ui->cursor;
	ui->prompt_top = ui->top;
	ui->prompt_count = 0;
	ui->prompt_valid = 0;
	ui->msg[0] = '\0';
	if (kind == PROMPT_SEARCH || kind == PROMPT_RSEARCH) {
		/* Keep the current search aside; Esc restores it. */
		ui->saved_search = ui->search;
		ui->saved_expr = ui->search_expr;
		ui->saved_dir = ui->search_dir;
		ui->saved_limited = ui->search_limited;
		if (ui->saved_matches == NULL)
			ui->saved_matches = xreallocarray(NULL,
			    ui->reg->n_records + 1, sizeof *ui->saved_matches);
		ui_swap_matches(ui);
		ui->search = NULL;
		ui->search_expr = NULL;
		ui->search_limited = 0;
		ui->n_matches = ui->n_match_pos = 0;
	}
	return UI_REDRAW;
}

/* Put the saved search back (Esc, or an empty line). */
static void
ui_prompt_restore(struct ui *ui)
{
	if (ui->search != NULL)
		pattern_free(ui->search);
	free(ui->search_expr);
	ui->search = ui->saved_search;
	ui->search_expr = ui->saved_expr;
	ui->search_dir = ui->saved_dir;
	ui->search_limited = ui->saved_limited;
	ui->saved_search = NULL;
	ui->saved_expr = NULL;
	ui_swap_matches(ui);
	if (ui->search == NULL)
		ui->n_matches = 0;
	ui_match_positions(ui);
}

/* The saved search is replaced for good. */
static void
ui_prompt_drop_saved(struct ui *ui)
{
	if (ui->saved_search != NULL)
		pattern_free(ui->saved_search);
	free(ui->saved_expr);
	ui->saved_search = NULL;
	ui->saved_expr = NULL;
}

/* The line changed: search as you type, count filter rows. */
static void
ui_prompt_update(struct ui *ui)
{
	struct pattern	*p;
	char		*err = NULL;
	long		 pos;
	int		 dir, wrapped, limited = 0;

	ui->msg[0] = '\0';
	ui->prompt_valid = 0;
	if (ui->prompt == PROMPT_GOTO)
		return;
	if (ui->line_len == 0) {
		if (ui->prompt != PROMPT_FILTER) {
			ui_search_set(ui, NULL, NULL, ui->search_dir);
			ui->cursor = ui->prompt_cursor;
			ui->top = ui->prompt_top;
			ui_fix_top(ui, 0);
		}
		return;
	}
	if (ui->hay == NULL) {
		ui_message(ui, 1, "Search is not available");
		return;
	}
	if ((p = pattern_new(ui->line, &err)) == NULL) {
		ui_message(ui, 1, "%s", err != NULL ? err : "bad pattern");
		free(err);
		return;
	}
	ui->prompt_valid = 1;
	if (ui->prompt == PROMPT_FILTER) {
		ui->prompt_count = ui_prompt_find(ui, p, ui->line, &limited);
		pattern_free(p);
		if (limited)
			ui_message(ui, 1, "Pattern too complex for some rows");
		return;
	}
	dir = ui->prompt == PROMPT_SEARCH ? 1 : -1;
	ui_search_set(ui, p, ui->line, dir);
	pos = ui_match_from(ui, ui->prompt_cursor, dir, &wrapped);
	if (pos < 0) {
		ui->cursor = ui->prompt_cursor;
		ui->top = ui->prompt_top;
		ui_fix_top(ui, 0);
		if (ui->msg[0] == '\0')
			ui_message(ui, 1, "No match");
		return;
	}
	ui_select(ui, (size_t)pos, 1);
	if (ui->msg[0] == '\0')
		ui_message(ui, 0, "%zu match%s%s", ui->n_match_pos,
		    ui->n_match_pos == 1 ? "" : "es", wrapped ? " (wrapped)" :
		    "");
}

static int
ui_prompt_cancel(struct ui *ui)
{
	enum ui_prompt	 kind = ui->prompt;

	ui->prompt = PROMPT_NONE;
	if (kind == PROMPT_SEARCH || kind == PROMPT_RSEARCH) {
		ui_prompt_restore(ui);
		ui->cursor = ui->prompt_cursor;
		ui->top = ui->prompt_top;
		ui_fix_top(ui, 0);
	}
	ui->msg[0] = '\0';
	return UI_REDRAW;
}

static int
ui_prompt_accept(struct ui *ui)
{
	enum ui_prompt	 kind = ui->prompt;
	size_t		 found;
	int		 dir;

	ui->prompt = PROMPT_NONE;
	switch (kind) {
	case PROMPT_GOTO:
		return ui_goto(ui, ui->line);
	case PROMPT_FILTER:
		return ui_set_filter(ui, ui->line);
	case PROMPT_SEARCH:
	case PROMPT_RSEARCH:
		dir = kind == PROMPT_SEARCH ? 1 : -1;
		if (ui->line_len == 0) {
			ui_prompt_restore(ui);
			if (ui->search == NULL) {
				ui_message(ui, 1, "No previous search");
				return UI_REDRAW;
			}
			ui->search_dir = dir;
			return ui_next_match(ui, 1);
		}
		if (!ui->prompt_valid) {
			/* Keep the error message; change nothing else. */
			char msg[UI_MSG_MAX];

			memcpy(msg, ui->msg, sizeof msg);
			ui_prompt_restore(ui);
			ui->cursor = ui->prompt_cursor;
			ui->top = ui->prompt_top;
			ui_fix_top(ui, 0);
			memcpy(ui->msg, msg, sizeof msg);
			ui->msg_error = 1;
			return UI_REDRAW;
		}
		ui_prompt_drop_saved(ui);
		found = ui->cursor;
		if (found != ui->prompt_cursor) {
			ui->cursor = ui->prompt_cursor;
			ui_jump_push(ui);
			ui->cursor = found;
			ui_fix_top(ui, 1);
		}
		if (ui->n_match_pos == 0)
			ui_message(ui, 1, "Pattern not found: %s%s",
			    ui->search_expr, UI_LIMITED(ui));
		else
			ui_match_message(ui, 0, dir);
		return UI_REDRAW;
	default:
		return UI_REDRAW;
	}
}

/* Append code point c to the line as UTF-8. */
static void
ui_prompt_insert(struct ui *ui, int c)
{
	char	 u[4];
	size_t	 n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | (c >> 6));
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | (c >> 12));
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (c >> 18));
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	if (ui->line_len + n >= sizeof ui->line)
		return;
	memcpy(ui->line + ui->line_len, u, n);
	ui->line_len += n;
	ui->line[ui->line_len] = '\0';
}

static int
ui_prompt_key(struct ui *ui, int keyc)
{
	switch (keyc) {
	case KEYC_ESC:
		return ui_prompt_cancel(ui);
	case KEYC_ENTER:
		return ui_prompt_accept(ui);
	case KEYC_CTRL('C'):
		return UI_QUIT;
	case KEYC_BSPACE:
		if (ui->line_len == 0)
			return ui_prompt_cancel(ui);
		do
			ui->line_len--;
		while (ui->line_len > 0 &&
		    ((unsigned char)ui->line[ui->line_len] & 0xc0) == 0x80);
		ui->line[ui->line_len] = '\0';
		break;
	case KEYC_CTRL('U'):
		ui->line_len = 0;
		ui->line[0] = '\0';
		break;
	default:
		if (keyc < 0x20 || keyc == 0x7f || keyc >= KEYC_BASE ||
		    (keyc >= 0x80 && keyc < 0xa0) || keyc > 0x10ffff)
			return UI_NONE;
		ui_prompt_insert(ui, keyc);
		break;
	}
	ui_prompt_update(ui);
	return UI_REDRAW;
}

/* --- Dispatch ---------------------------------------------------------- */

int
ui_action(struct ui *ui, enum key_action a)
{
	switch (a) {
	case ACT_DOWN:
		return ui_move(ui, 1);
	case ACT_UP:
		return ui_move(ui, -1);
	case ACT_PAGE_DOWN:
		return ui_page(ui, 1);
	case ACT_PAGE_UP:
		return ui_page(ui, -1);
	case ACT_FIRST:
		return ui_first(ui);
	case ACT_LAST:
		return ui_last(ui);
	case ACT_NEXT_ASSIGN:
		return ui_next_assignment(ui, 1);
	case ACT_PREV_ASSIGN:
		return ui_next_assignment(ui, -1);
	case ACT_NEXT_GAP:
		return ui_next_gap(ui, 1);
	case ACT_PREV_GAP:
		return ui_next_gap(ui, -1);
	case ACT_GOTO:
		return ui_prompt_open(ui, PROMPT_GOTO);
	case ACT_SEARCH:
		return ui_prompt_open(ui, PROMPT_SEARCH);
	case ACT_RSEARCH:
		return ui_prompt_open(ui, PROMPT_RSEARCH);
	case ACT_NEXT_MATCH:
		return ui_next_match(ui, 1);
	case ACT_PREV_MATCH:
		return ui_next_match(ui, -1);
	case ACT_FILTER:
		return ui_prompt_open(ui, PROMPT_FILTER);
	case ACT_CONTACTS:
		return ui_contacts(ui);
	case ACT_FOCUS_NEXT:
		return ui_focus_cycle(ui, 1);
	case ACT_FOCUS_PREV:
		return ui_focus_cycle(ui, -1);
	case ACT_BACK:
		return ui_back(ui);
	case ACT_OPEN:
		return ui_open(ui);
	case ACT_HELP:
		return ui_help(ui);
	case ACT_CANCEL:
		return ui_cancel(ui);
	case ACT_QUIT:
		return UI_QUIT;
	default:
		return UI_NONE;
	}
}

int
ui_key(struct ui *ui, int keyc)
{
	enum key_action	 a;

	if (ui->prompt != PROMPT_NONE)
		return ui_prompt_key(ui, keyc);
	a = keys_action(keyc);
	if (ui->help) {
		if (keyc == KEYC_CTRL('C'))
			return UI_QUIT;
		return ui_help_key(ui, a);
	}
	if (a == ACT_NONE)
		return UI_NONE;
	ui->msg[0] = '\0';
	ui->msg_error = 0;
	return ui_action(ui, a);
}
