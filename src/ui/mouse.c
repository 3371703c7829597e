/*
 * mouse.c - clicks and the wheel.
 */
#include "config.h"

#include "ui-private.h"

int
ui_click(struct ui *ui, int pane, int row)
{
	if (pane < 0 || pane >= PANE_COUNT || ui->prompt != PROMPT_NONE)
		return UI_NONE;
	if (ui->help) {
		ui->help = 0;
		return UI_DRAW_ALL;
	}
	ui->focus = (enum layout_pane)pane;
	if (row < 0)
		return UI_DRAW_ROW;
	if (pane == PANE_LIST && ui->top + (size_t)row < ui->view->n)
		ui_select(ui, ui->top + (size_t)row, 0);
	else if (pane == PANE_CONTACTS)
		ui_contact_select(ui, (long)(ui->contact_top + (size_t)row / 2));
	else if (pane == PANE_DETAIL)
		ui_detail_click(ui, ui->detail_top + (size_t)row);
	return UI_DRAW_ROW;
}

int
ui_wheel(struct ui *ui, int pane, int dir)
{
	enum layout_pane	 focus = ui->focus;
	long			 top;
	size_t			 n, rows;

	if (ui->prompt != PROMPT_NONE)
		return UI_NONE;
	if (ui->help) {
		top = (long)ui->help_top + 3 * dir;
		ui->help_top = top < 0 ? 0 : (size_t)top;
		n = ui_help_wrap(ui_help_cols(ui), NULL, 0);
		rows = (size_t)ui_help_rows(ui);
		if (ui->help_top + rows > n)
			ui->help_top = n > rows ? n - rows : 0;
		return UI_DRAW_ALL;
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
		else if (ui->cursor >= ui->top + (size_t)ui_pane_rows(ui,
		    PANE_LIST))
			ui_select(ui, ui->top + (size_t)ui_pane_rows(ui,
			    PANE_LIST) - 1, 0);
		ui_fix_top(ui, 0);
		return UI_DRAW_ROW;
	}
	if (pane == PANE_DETAIL) {
		ui_detail_scroll(ui, 3 * dir);
		return UI_DRAW_DETAIL;
	}
	ui->focus = (enum layout_pane)pane;
	ui_move(ui, 3 * dir);
	ui->focus = focus;
	return UI_DRAW_CONTACTS;
}
