/*
 * prompt.c - the prompt line of :, /, ? and &: typing, search as you
 * type, the filter's count, accepting and cancelling.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

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
	ui_history_open(ui);
	if (kind == PROMPT_SEARCH || kind == PROMPT_RSEARCH) {
		/* Keep the current search aside; Esc restores it. */
		ui->saved_search = ui->search;
		ui->saved_expr = ui->search_expr;
		ui->saved_dir = ui->search_dir;
		ui->saved_limited = ui->search_limited;
		if (ui->saved_matches == NULL)
			ui->saved_matches = ui_rows_new(ui->reg);
		ui_swap_matches(ui);
		ui->search = NULL;
		ui->search_expr = NULL;
		ui->search_limited = 0;
		ui->n_matches = ui->n_match_pos = 0;
		return UI_DRAW_ROW;	/* the matches shown go */
	}
	return UI_DRAW_STATUS;
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
	if (ui->prompt == PROMPT_GOTO || ui->prompt == PROMPT_FREE)
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
	ui_prepare(ui);
	if (ui->hay == NULL) {
		ui_message(ui, 1, "Search is not available");
		return;
	}
	if (ui->prompt == PROMPT_FILTER &&
	    ui_size_count(ui, ui->line, &ui->prompt_count) != 0) {
		ui->prompt_valid = ui->msg[0] == '\0';
		return;
	}
	if ((p = ui_pattern_new(ui, ui->line, &err)) == NULL) {
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
	return UI_DRAW_ROW;
}

static int
ui_prompt_accept(struct ui *ui)
{
	enum ui_prompt	 kind = ui->prompt;
	size_t		 found;
	int		 dir, wrapped;

	ui_history_add(ui);
	ui->prompt = PROMPT_NONE;
	switch (kind) {
	case PROMPT_GOTO:
		return ui_goto(ui, ui->line);
	case PROMPT_FILTER:
		return ui_set_filter(ui, ui->line);
	case PROMPT_FREE:
		return ui_host_free_prompt(ui, ui->line);
	case PROMPT_SEARCH:
	case PROMPT_RSEARCH:
		dir = kind == PROMPT_SEARCH ? 1 : -1;
		if (ui->line_len == 0) {
			ui_prompt_restore(ui);
			if (ui->search == NULL) {
				ui_message(ui, 1, "No previous search");
				return UI_DRAW_ROW;
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
			return UI_DRAW_ROW;
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
		else {
			/* Say so when the match lies past an end, as n does. */
			(void)ui_match_from(ui, ui->prompt_cursor, dir,
			    &wrapped);
			ui_match_message(ui, wrapped, dir);
		}
		return UI_DRAW_ROW;
	default:
		return UI_DRAW_ROW;
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

int
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
	case KEYC_UP:
	case KEYC_DOWN:
		if (!ui_history_key(ui, keyc == KEYC_UP ? -1 : 1))
			return UI_NONE;
		break;
	case KEYC_TAB:
		if (ui->prompt != PROMPT_GOTO)
			return UI_NONE;
		return ui_complete(ui);
	default:
		if (keyc < 0x20 || keyc == 0x7f || keyc >= KEYC_BASE ||
		    (keyc >= 0x80 && keyc < 0xa0) || keyc > 0x10ffff)
			return UI_NONE;
		ui_prompt_insert(ui, keyc);
		break;
	}
	ui_prompt_update(ui);
	/* Search as you type moves the selection; the others only change
	   the prompt line. */
	if (ui->prompt == PROMPT_SEARCH || ui->prompt == PROMPT_RSEARCH)
		return UI_DRAW_ROW;
	return UI_DRAW_STATUS;
}

int
ui_act_goto(struct ui *ui)
{
	return ui_prompt_open(ui, PROMPT_GOTO);
}

int
ui_act_search(struct ui *ui)
{
	return ui_prompt_open(ui, PROMPT_SEARCH);
}

int
ui_act_rsearch(struct ui *ui)
{
	return ui_prompt_open(ui, PROMPT_RSEARCH);
}

int
ui_act_filter(struct ui *ui)
{
	return ui_prompt_open(ui, PROMPT_FILTER);
}
