/*
 * move.c - moving through the list (and, by focus, the detail and
 * contacts panes): rows, pages, ends, assignments, gaps.
 */
#include "config.h"

#include <limits.h>

#include "registry.h"
#include "ui-private.h"

/* What a move changed: the focused pane's content; in the list, the
   selected row, so every pane and the status line. */
static int
move_drawn(const struct ui *ui)
{
	switch (ui->focus) {
	case PANE_DETAIL:
		return UI_DRAW_DETAIL;
	case PANE_CONTACTS:
		return UI_DRAW_CONTACTS;
	default:
		return UI_DRAW_ROW;
	}
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
	return move_drawn(ui);
}

int
ui_page(struct ui *ui, int dir)
{
	long	 page, pos, top;

	switch (ui->focus) {
	case PANE_DETAIL:
		page = ui_pane_rows(ui, PANE_DETAIL) > 1 ?
		    ui_pane_rows(ui, PANE_DETAIL) - 1 : 1;
		ui_detail_scroll(ui, dir * page);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, (long)ui->contact_sel +
		    dir * (long)ui_contacts_visible(ui));
		break;
	default:
		if (ui->view->n == 0)
			break;
		page = ui_pane_rows(ui, PANE_LIST) > 1 ?
		    ui_pane_rows(ui, PANE_LIST) - 1 : 1;
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
	return move_drawn(ui);
}

/* Ctrl-D, Ctrl-U: as a page, by half the focused pane's height. */
int
ui_half_page(struct ui *ui, int dir)
{
	long	 half, pos, top;

	switch (ui->focus) {
	case PANE_DETAIL:
		half = ui_pane_rows(ui, PANE_DETAIL) / 2;
		ui_detail_scroll(ui, dir * (half > 0 ? half : 1));
		break;
	case PANE_CONTACTS:
		half = (long)ui_contacts_visible(ui) / 2;
		ui_contact_select(ui, (long)ui->contact_sel +
		    dir * (half > 0 ? half : 1));
		break;
	default:
		if (ui->view->n == 0)
			break;
		half = ui_pane_rows(ui, PANE_LIST) / 2;
		if (half < 1)
			half = 1;
		pos = (long)ui->cursor + dir * half;
		top = (long)ui->top + dir * half;
		if (pos < 0)
			pos = 0;
		if ((size_t)pos >= ui->view->n)
			pos = (long)ui->view->n - 1;
		ui->top = top < 0 ? 0 : (size_t)top;
		ui_select(ui, (size_t)pos, 0);
		break;
	}
	return move_drawn(ui);
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
	return move_drawn(ui);
}

int
ui_last(struct ui *ui)
{
	switch (ui->focus) {
	case PANE_DETAIL:
		ui_detail_end(ui, 1);
		break;
	case PANE_CONTACTS:
		ui_contact_select(ui, LONG_MAX);
		break;
	default:
		if (ui->view->n > 0)
			ui_jump(ui, ui->view->n - 1);
		break;
	}
	return move_drawn(ui);
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
		return UI_DRAW_ROW;
	if (dir > 0) {
		i = view_upper_bound(v->assigned, v->n_assigned, ui->cursor);
		while (i < v->n_assigned &&
		    ui_row_port(ui, v->rows[v->assigned[i]]) == here)
			i++;
		if (i == v->n_assigned) {
			ui_message(ui, 0, "No next assignment");
			return UI_DRAW_ROW;
		}
	} else {
		i = view_lower_bound(v->assigned, v->n_assigned, ui->cursor);
		while (i > 0 &&
		    ui_row_port(ui, v->rows[v->assigned[i - 1]]) == here)
			i--;
		if (i == 0) {
			ui_message(ui, 0, "No previous assignment");
			return UI_DRAW_ROW;
		}
		i--;
		/* The first row of that port number. */
		port = ui_row_port(ui, v->rows[v->assigned[i]]);
		while (i > 0 &&
		    ui_row_port(ui, v->rows[v->assigned[i - 1]]) == port)
			i--;
	}
	ui_jump(ui, v->assigned[i]);
	return UI_DRAW_ROW;
}

/* The port range of a row, as one number to compare (-1: none). */
static int64_t
ui_row_range(const struct ui *ui, int32_t row)
{
	const struct gap	*g;
	const struct record	*r;

	if (row == INT32_MIN)
		return -1;
	if (ROW_IS_GAP(row)) {
		g = &ui->reg->gaps[ROW_GAP_INDEX(row)];
		return (int64_t)g->lo << 32 | (uint32_t)g->hi;
	}
	r = &ui->reg->records[row];
	if (r->port_lo < 0)
		return -1;
	return (int64_t)r->port_lo << 32 | (uint32_t)r->port_hi;
}

/*
 * The next or previous gap at another port range than the selected
 * row's: the Unassigned rows of one range (one per protocol) are one
 * stop, its first row, as } and { treat the rows of one port.
 */
int
ui_next_gap(struct ui *ui, int dir)
{
	const struct view	*v = ui->view;
	int64_t			 here = ui_row_range(ui, ui_row(ui)), range;
	size_t			 i;

	if (v->n == 0)
		return UI_DRAW_ROW;
	if (dir > 0) {
		i = view_upper_bound(v->gaps, v->n_gaps, ui->cursor);
		while (i < v->n_gaps &&
		    ui_row_range(ui, v->rows[v->gaps[i]]) == here)
			i++;
		if (i == v->n_gaps) {
			ui_message(ui, 0, "No next gap");
			return UI_DRAW_ROW;
		}
	} else {
		i = view_lower_bound(v->gaps, v->n_gaps, ui->cursor);
		while (i > 0 &&
		    ui_row_range(ui, v->rows[v->gaps[i - 1]]) == here)
			i--;
		if (i == 0) {
			ui_message(ui, 0, "No previous gap");
			return UI_DRAW_ROW;
		}
		i--;
		/* The first row of that range. */
		range = ui_row_range(ui, v->rows[v->gaps[i]]);
		while (i > 0 &&
		    ui_row_range(ui, v->rows[v->gaps[i - 1]]) == range)
			i--;
	}
	ui_jump(ui, v->gaps[i]);
	return UI_DRAW_ROW;
}

int
ui_act_down(struct ui *ui)
{
	return ui_move(ui, 1);
}

int
ui_act_up(struct ui *ui)
{
	return ui_move(ui, -1);
}

int
ui_act_page_down(struct ui *ui)
{
	return ui_page(ui, 1);
}

int
ui_act_page_up(struct ui *ui)
{
	return ui_page(ui, -1);
}

int
ui_act_half_down(struct ui *ui)
{
	return ui_half_page(ui, 1);
}

int
ui_act_half_up(struct ui *ui)
{
	return ui_half_page(ui, -1);
}

int
ui_act_first(struct ui *ui)
{
	return ui_first(ui);
}

int
ui_act_last(struct ui *ui)
{
	return ui_last(ui);
}

int
ui_act_next_assign(struct ui *ui)
{
	return ui_port_order(ui, ui_next_assignment, 1);
}

int
ui_act_prev_assign(struct ui *ui)
{
	return ui_port_order(ui, ui_next_assignment, -1);
}

int
ui_act_next_gap(struct ui *ui)
{
	return ui_port_order(ui, ui_next_gap, 1);
}

int
ui_act_prev_gap(struct ui *ui)
{
	return ui_port_order(ui, ui_next_gap, -1);
}
