/*
 * ui.c - the browser's state: making and freeing it, the selected row,
 * switching views, the jump history, the pane sizes; the actions that
 * belong to no pane (focus, back, cancel); and dispatching keys.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "literal.h"
#include "pattern.h"
#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/*
 * Room for a row id per record, and one more: from huge pages where the
 * system has them (xbig).  A search's first answer writes most of it,
 * and 4 KiB page faults on these arrays cost 17-30 ms of the first key
 * of a search on the 100x registry (bench-keys, parsed: 'r').
 */
uint32_t *
ui_rows_new(const struct registry *reg)
{
	size_t	 bytes = (reg->n_records + 1) * sizeof (uint32_t);

	return xbig(&bytes);
}

struct ui *
ui_new(struct registry *reg)
{
	struct ui	*ui;

	ui = xcalloc(1, sizeof *ui);
	ui->reg = reg;
	view_build_all(&ui->all, reg);
	ui->view = &ui->all;
	ui->person = -1;
	ui->detail_link = -1;
	ui->search_dir = 1;
	/* Until ui_resize: a list row, a detail line 40 wide, a person. */
	ui->layout.body[PANE_LIST].h = 1;
	ui->layout.body[PANE_DETAIL].h = 1;
	ui->layout.body[PANE_DETAIL].w = 40;
	ui->layout.body[PANE_CONTACTS].h = 2;
	ui->layout.help.h = 12;
	ui->layout.help.w = LAYOUT_HELP_W(80);
	ui->dview = xcalloc(1, sizeof *ui->dview);
	ui->dview->people_row = INT32_MIN;
	ui->scratch = ui_rows_new(reg);
	ui->matches = ui_rows_new(reg);
	ui->match_pos = ui_rows_new(reg);
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
	ui_park_drop(ui);
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
	ui_host_drop(ui);
	free(ui->matches);
	free(ui->match_pos);
	free(ui->saved_matches);
	free(ui->prompt_expr);
	free(ui->prompt_rows);
	ui_dview_free(ui->dview);
	free(ui->copy_text);
	history_free(ui->hist);
	ui_names_free(ui->names);
	ui_minimap_free(ui);
	if (ui->hay != NULL)
		haystack_free(ui->hay);
	free(ui);
}

/* The haystack and its folded rows (literal.h) are the costly part of a
   start (copies of every text): built once the first screen is up, or
   by the first search. */
void
ui_prepare(struct ui *ui)
{
	if (ui->prepared)
		return;
	ui->prepared = 1;
	ui->hay = haystack_new(ui->reg);
	literal_prepare(ui->hay);
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

/* Scroll the list so that the cursor shows; centre it when far. */
void
ui_fix_top(struct ui *ui, int centre)
{
	size_t	 rows = (size_t)ui_pane_rows(ui, PANE_LIST);

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
void
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

/* Switch to view v keeping the selected row where possible. */
void
ui_set_view(struct ui *ui, struct view *v, int32_t keep)
{
	int32_t	 was = ui_row(ui);
	size_t	 detail_top = ui->detail_top;
	size_t	 contact_sel = ui->contact_sel;
	size_t	 contact_top = ui->contact_top;
	long	 detail_link = ui->detail_link;

	ui_sort_view(ui, v);
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

void
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
		if (ui->parked != NULL && ui->parked_jump-- == 0)
			ui_park_drop(ui);
	}
	ui->jumps[ui->n_jumps++] = row;
}

/* Jump to position pos (remembering where we were). */
void
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
	ui->layout = *l;
	ui->layout_given = *l;
	ui_minimap_layout(ui);
	if (!l->too_small)
		ui_fix_top(ui, 0);
}

const struct layout *
ui_layout(const struct ui *ui)
{
	/* The cache is the ui's own: rebuilt even for a const ui. */
	struct ui_detail_view	*v = ui->dview;
	int32_t			 row = ui_row(ui);
	size_t			 n, people;

	if (v->shared_ok && v->shared_row == row)
		return &v->shared;
	v->shared = ui->layout;
	if (row != INT32_MIN && !ui->layout.too_small) {
		n = ui_detail_view(ui)->n;
		(void)ui_people(ui, &people);
		/* Two lines a person; one says there is nobody. */
		people = people == 0 ? 1 : people < INT_MAX / 2 ?
		    2 * people : INT_MAX;
		layout_share(&v->shared, n < INT_MAX ? (int)n : INT_MAX,
		    (int)people);
	}
	v->shared_ok = 1;
	v->shared_row = row;
	return &v->shared;
}

int
ui_pane_rows(const struct ui *ui, enum layout_pane p)
{
	const struct layout	*l = ui_layout(ui);

	return l->body[p].h > 0 ? l->body[p].h : 1;
}

int
ui_help_rows(const struct ui *ui)
{
	return ui->layout.help.h - 2 > 0 ? ui->layout.help.h - 2 : 1;
}

int
ui_help_cols(const struct ui *ui)
{
	return ui->layout.help.w - 4 > 0 ? ui->layout.help.w - 4 : 1;
}

void
ui_leave_persons(struct ui *ui, int32_t keep)
{
	if (ui->view != &ui->persons)
		return;
	ui->person = -1;
	ui->person_id = NULL;
	ui_set_view(ui, ui->filter != NULL ? &ui->filtered : &ui->all, keep);
}

void
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

void
ui_park_drop(struct ui *ui)
{
	if (ui->parked == NULL)
		return;
	pattern_free(ui->parked);
	ui->parked = NULL;
	free(ui->parked_expr);
	ui->parked_expr = NULL;
	view_free(&ui->parked_view);
}

void
ui_park_filter(struct ui *ui)
{
	int32_t	 keep = ui_row(ui);

	if (ui->filter == NULL)
		return;
	ui_park_drop(ui);
	ui->parked = ui->filter;
	ui->parked_expr = ui->filter_expr;
	ui->parked_view = ui->filtered;
	ui->filter = NULL;
	ui->filter_expr = NULL;
	memset(&ui->filtered, 0, sizeof ui->filtered);
	if (ui->view == &ui->filtered)
		ui_set_view(ui, &ui->all, keep);
	ui->parked_jump = ui->n_jumps;
}

/* Put the parked filter back, at row. */
void
ui_unpark_filter(struct ui *ui, int32_t row)
{
	ui->filter = ui->parked;
	ui->filter_expr = ui->parked_expr;
	ui->filtered = ui->parked_view;
	ui->parked = NULL;
	ui->parked_expr = NULL;
	memset(&ui->parked_view, 0, sizeof ui->parked_view);
	ui_set_view(ui, &ui->filtered, row);
	ui_message(ui, 0, "Filter %s back", ui->filter_expr);
}

int
ui_focus_cycle(struct ui *ui, int dir)
{
	ui->focus = (enum layout_pane)((ui->focus + PANE_COUNT + dir) %
	    PANE_COUNT);
	return UI_DRAW_PANES;
}

int
ui_back(struct ui *ui)
{
	int32_t	 row;
	long	 p;

	if (ui_person_return(ui))
		return UI_DRAW_ROW;
	if (ui->view == &ui->persons) {
		ui_leave_persons(ui, ui->person_from);
		ui->focus = ui->person_focus;
		return UI_DRAW_ROW;
	}
	while (ui->n_jumps > 0) {
		if (ui->parked != NULL && ui->filter == NULL &&
		    ui->n_jumps == ui->parked_jump) {
			ui_unpark_filter(ui, ui->jumps[--ui->n_jumps]);
			return UI_DRAW_ROW;
		}
		row = ui->jumps[--ui->n_jumps];
		if ((p = view_find(ui->view, row)) >= 0) {
			ui_select(ui, (size_t)p, 1);
			return UI_DRAW_ROW;
		}
	}
	ui_message(ui, 0, "No earlier position");
	return UI_DRAW_STATUS;
}

int
ui_cancel(struct ui *ui)
{
	if (ui->help) {
		ui->help = 0;
		return UI_DRAW_ALL;
	}
	if (ui_person_return(ui))
		return UI_DRAW_ROW;
	if (ui->view == &ui->persons)
		return ui_back(ui);
	if (ui->filter != NULL) {
		ui_clear_filter(ui, ui_row(ui));
		ui_message(ui, 0, "Filter cleared");
		return UI_DRAW_ROW;
	}
	if (ui->search != NULL) {
		ui_search_set(ui, NULL, NULL, ui->search_dir);
		return UI_DRAW_ROW;
	}
	ui->msg[0] = '\0';
	return UI_DRAW_STATUS;
}

/* --- Dispatch ---------------------------------------------------------- */

int
ui_act_focus_next(struct ui *ui)
{
	return ui_focus_cycle(ui, 1);
}

int
ui_act_focus_prev(struct ui *ui)
{
	return ui_focus_cycle(ui, -1);
}

int
ui_act_back(struct ui *ui)
{
	return ui_back(ui);
}

int
ui_act_cancel(struct ui *ui)
{
	return ui_cancel(ui);
}

int
ui_act_quit(struct ui *ui)
{
	return UI_QUIT;
}

/* Each action's handler, from the key table itself. */
static int (*const ui_handlers[ACT_COUNT])(struct ui *) = {
#define UI_HANDLER(a, k, h, fn) [ACT_##a] = fn,
	KEYS_TABLE(UI_HANDLER)
#undef UI_HANDLER
};

int
ui_action(struct ui *ui, enum key_action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT || ui_handlers[a] == NULL)
		return UI_NONE;
	return ui_handlers[a](ui);
}

int
ui_key(struct ui *ui, int keyc)
{
	enum key_action	 a;
	int		 had_msg = ui->msg[0] != '\0', r;

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
	r = ui_action(ui, a);
	/* The message line shows what the action said, or goes blank. */
	if (had_msg || ui->msg[0] != '\0')
		r |= UI_DRAW_STATUS;
	return r;
}
