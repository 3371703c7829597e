/*
 * screen.c - the whole screen: the panes (pane.h) and the lines around
 * them (title, status and message lines), the help overlay, the
 * "terminal too small" screen.  It calls the panes; they never call it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "pane.h"
#include "pattern.h"
#include "registry.h"
#include "sanitize.h"
#include "screen.h"
#include "ui.h"
#include "xmalloc.h"

/* --- The lines around the panes ---------------------------------------- */

static void
screen_title(const struct ui *ui, const struct rect *r)
{
	struct sline	 sl;
	attr_t		 a = draw_attr(ROLE_TITLE);
	const char	*help = " h: help  q: quit ";
	char		*t;

	sline_start(&sl, r->y, r->x, r->w);
	sline_adds(&sl, " portreg", a);
	if (ui->reg->title != NULL) {
		t = sanitize(ui->reg->title, 0);
		sline_adds(&sl, "  ", a);
		sline_add(&sl, t, strlen(t), a, sl.end - (int)strlen(help));
		free(t);
	}
	sline_pad(&sl, sl.end - (int)strlen(help), a);
	sline_adds(&sl, help, a);
	sline_pad(&sl, -1, a);
}

/* The fewest columns of a file name cut to fit the status line. */
#define SCREEN_FILE_MIN	8

static const char *
screen_basename(const char *s)
{
	const char	*b = strrchr(s, '/');

	return b != NULL && b[1] != '\0' ? b + 1 : s;
}

/*
 * The status line: the file and its Last Updated date on the left; the
 * position, person list, filter, search and warnings on the right.  The
 * date always shows: when all does not fit, the file name is cut (with
 * a "…") first, then the "Last Updated" label goes, then the file name,
 * and only then is the right side cut.
 */
static void
screen_status(const struct ui *ui, const struct rect *r)
{
	struct sline	 sl;
	struct buf	 file = { 0 }, date = { 0 }, right = { 0 };
	attr_t		 a = draw_attr(ROLE_STATUS);
	const char	*src = ui->reg->source != NULL ? ui->reg->source : "-";
	const char	*label = "  Last Updated ";
	size_t		 i;
	int		 rw, fw, dw, room, lw = (int)strlen(label);

	sanitize_buf(&file, screen_basename(src),
	    strlen(screen_basename(src)), 0);
	if (ui->reg->updated != NULL)
		sanitize_buf(&date, ui->reg->updated,
		    strlen(ui->reg->updated), 0);
	else
		lw = 0;
	if (ui->view->n > 0)
		buf_printf(&right, "  row %zu/%zu", ui->cursor + 1,
		    ui->view->n);
	else
		buf_adds(&right, "  no rows");
	if (ui->view == &ui->persons)
		buf_adds(&right, "  [person]");
	if (ui->filter_expr != NULL) {
		buf_adds(&right, "  &");
		sanitize_buf(&right, ui->filter_expr, strlen(ui->filter_expr),
		    0);
	}
	if (ui->search_expr != NULL && ui->prompt == PROMPT_NONE) {
		buf_adds(&right, ui->search_dir > 0 ? "  /" : "  ?");
		sanitize_buf(&right, ui->search_expr, strlen(ui->search_expr),
		    0);
		if ((i = ui_match_index(ui)) > 0)
			buf_printf(&right, " %zu/%zu", i, ui->n_match_pos);
		else
			buf_printf(&right, " (%zu)", ui->n_match_pos);
	}
	if (ui_sort_label(ui) != NULL)
		buf_printf(&right, "  sort:%s", ui_sort_label(ui));
	if (ui->case_mode != UI_CASE_SMART || ui->search_expr != NULL ||
	    ui->filter_expr != NULL)
		buf_printf(&right, "  %s", ui_case_label(ui));
	if (ui->reg->n_warnings > 0)
		buf_printf(&right, "  %zu warning%s", ui->reg->n_warnings,
		    ui->reg->n_warnings == 1 ? "" : "s");
	buf_addc(&right, ' ');
	rw = draw_width(right.data, right.len);
	fw = draw_width(file.data, file.len);
	dw = draw_width(date.data, date.len);

	/* Room for the left side: " FILE", the label and the date. */
	room = r->w - rw;
	if (dw == 0) {
		lw = 0;
		if (fw > room - 1)
			fw = room - 1;
	} else if (1 + dw > room) {
		rw = r->w - 1 - dw;	/* only the date: cut the right */
		fw = lw = 0;
	} else if (1 + fw + lw + dw > room) {
		if (1 + SCREEN_FILE_MIN + lw + dw > room)
			lw = 2;		/* no label, two spaces */
		if (1 + SCREEN_FILE_MIN + lw + dw > room)
			fw = lw = 0;
		else if (fw > room - 1 - lw - dw)
			fw = room - 1 - lw - dw;
	}
	if (fw < 0)
		fw = 0;
	if (rw < 0)
		rw = 0;
	sline_start(&sl, r->y, r->x, r->w);
	sline_adds(&sl, " ", a);
	if (fw > 0)
		sline_add(&sl, file.data, file.len, a, sl.col + fw);
	if (lw > 2)
		sline_adds(&sl, label, a);
	else if (lw == 2)
		sline_adds(&sl, "  ", a);
	sline_add(&sl, date.data, date.len, a, -1);
	sline_pad(&sl, sl.end - rw, a);
	sline_add(&sl, right.data, right.len, a, -1);
	sline_pad(&sl, -1, a);
	buf_free(&file);
	buf_free(&date);
	buf_free(&right);
}

/* The message line, or the prompt (screen_cursor says where its cursor
   goes). */
static void
screen_message(const struct ui *ui, const struct rect *r)
{
	struct sline	 sl;
	static const char prompts[] = " :/?&F";
	char		 c[2] = { 0, 0 };
	char		 count[64];
	char		*s;

	sline_start(&sl, r->y, r->x, r->w);
	if (ui->prompt != PROMPT_NONE) {
		c[0] = prompts[ui->prompt];
		sline_adds(&sl, ui->prompt == PROMPT_FREE ?
		    "How many free ports in a row? " : c, A_BOLD);
		s = sanitize(ui->line, 0);
		sline_adds(&sl, s, A_NORMAL);
		free(s);
		if (ui->prompt == PROMPT_FILTER && ui->prompt_valid) {
			snprintf(count, sizeof count, "   (%zu row%s)",
			    ui->prompt_count, ui->prompt_count == 1 ? "" : "s");
			sline_adds(&sl, count, draw_attr(ROLE_NOTE));
		}
		if (ui->msg[0] != '\0') {
			sline_adds(&sl, "   ", A_NORMAL);
			s = sanitize(ui->msg, 0);
			sline_adds(&sl, s, draw_attr(ui->msg_error ?
			    ROLE_ERROR : ROLE_NOTE));
			free(s);
		}
		sline_pad(&sl, -1, A_NORMAL);
		return;
	}
	if (ui->msg[0] != '\0') {
		s = sanitize(ui->msg, 0);
		sline_adds(&sl, s, ui->msg_error ? draw_attr(ROLE_ERROR) :
		    A_NORMAL);
		free(s);
	}
	sline_pad(&sl, -1, A_NORMAL);
}

static void
screen_help(const struct ui *ui, const struct layout *l)
{
	struct sline		 sl;
	struct ui_help_row	*rows;
	const char		*s, *e;
	size_t			 i, n;
	int			 w, h, y, x, row, tw;
	attr_t			 border = draw_attr(ROLE_BORDER);

	w = l->help.w;
	h = l->help.h;
	tw = ui_help_cols(ui);		/* the text: x + 2 to x + w - 3 */
	if (w < 10 || h < 3)
		return;
	n = ui_help_wrap(tw, NULL, 0);
	rows = xreallocarray(NULL, n + 1, sizeof *rows);
	n = ui_help_wrap(tw, rows, n);
	if ((size_t)h > n + 2)
		h = (int)n + 2;
	y = (l->rows - h) / 2;
	x = l->help.x;
	attrset(border);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	sline_start(&sl, y, x + 2, w - 4);
	sline_adds(&sl, " Help ", draw_attr(ROLE_HEADER_FOCUS));
	if (ui->help_top + (size_t)(h - 2) < n) {
		sline_start(&sl, y + h - 1, x + w - 14, 12);
		sline_adds(&sl, " j: more ", draw_attr(ROLE_BORDER));
	}
	for (row = 0; row < h - 2; row++) {
		i = ui->help_top + (size_t)row;
		sline_start(&sl, y + 1 + row, x + 1, w - 2);
		sline_adds(&sl, " ", A_NORMAL);
		if (i < n && rows[i].keys != NULL) {
			for (s = rows[i].keys; *s != '\0'; s = e) {
				while (*s == ' ')
					s++;
				for (e = s; *e != '\0' && *e != ' '; e++)
					;
				if (s != rows[i].keys)
					sline_adds(&sl, ", ", A_NORMAL);
				sline_add(&sl, s, e - s, draw_attr(ROLE_KEY),
				    -1);
			}
		}
		if (i < n) {
			sline_pad(&sl, x + 2 + rows[i].x, A_NORMAL);
			sline_add(&sl, rows[i].text, rows[i].len, A_NORMAL,
			    -1);
		}
		sline_pad(&sl, -1, A_NORMAL);
	}
	free(rows);
}

static void
screen_too_small(const struct layout *l)
{
	struct sline	 sl;
	char		 need[64];

	if (l->rows < 1 || l->cols < 1)
		return;
	sline_start(&sl, 0, 0, l->cols);
	sline_adds(&sl, "Terminal too small", A_BOLD);
	if (l->rows > 1) {
		snprintf(need, sizeof need, "(%dx%d; need %dx%d)", l->cols,
		    l->rows, LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
		sline_start(&sl, 1, 0, l->cols);
		sline_adds(&sl, need, A_NORMAL);
	}
}

/* The prompt's cursor column on the message line r, or -1: where
   screen_message leaves it, without drawing. */
static int
screen_cursor(const struct ui *ui, const struct rect *r)
{
	char	*s;
	int	 col;

	if (ui->prompt == PROMPT_NONE)
		return -1;
	s = sanitize(ui->line, 0);
	col = r->x + 1 + draw_width(s, strlen(s));
	free(s);
	return col < r->x + r->w - 1 ? col : r->x + r->w - 1;
}

/* A pane alone: blank it, then draw it. */
static void
screen_pane(const struct ui *ui, const struct layout *l, enum layout_pane p)
{
	static void (*const draw[PANE_COUNT])(const struct ui *,
	    const struct rect *, const struct rect *) = {
		[PANE_LIST] = pane_list_draw,
		[PANE_DETAIL] = pane_detail_draw,
		[PANE_CONTACTS] = pane_contacts_draw,
	};

	draw_clear(&l->header[p]);
	draw_clear(&l->body[p]);
	draw[p](ui, &l->header[p], &l->body[p]);
}

void
screen_draw(const struct ui *ui, const struct layout *l, int what)
{
	int	 cur;

	/* An overlay covers the panes: any change redraws it all. */
	if (l->too_small || ui->help)
		what = what != UI_NONE ? UI_DRAW_ALL : UI_NONE;
	if (what == UI_NONE)
		return;
	if (what & UI_DRAW_SCREEN) {
		erase();
		if (l->too_small) {
			screen_too_small(l);
			curs_set(0);
			return;
		}
		screen_title(ui, &l->title);
		if (l->wide) {
			attrset(draw_attr(ROLE_BORDER));
			mvvline(l->separator.y, l->separator.x, ACS_VLINE,
			    l->separator.h);
			attrset(A_NORMAL);
		}
	}
	/* The detail and contacts panes share their height by the row's
	   content (ui_layout): a new row may move the line between them. */
	if (what & (UI_DRAW_DETAIL|UI_DRAW_CONTACTS))
		what |= UI_DRAW_DETAIL|UI_DRAW_CONTACTS;
	if (what & UI_DRAW_LIST) {
		screen_pane(ui, l, PANE_LIST);
		if (l->minimap.h > 0)
			pane_minimap_draw(ui, &l->minimap);
	}
	if (what & UI_DRAW_DETAIL)
		screen_pane(ui, l, PANE_DETAIL);
	if (what & UI_DRAW_CONTACTS)
		screen_pane(ui, l, PANE_CONTACTS);
	if (what & UI_DRAW_STATUS) {
		screen_status(ui, &l->status);
		screen_message(ui, &l->message);
	}
	if (ui->help)
		screen_help(ui, l);
	cur = screen_cursor(ui, &l->message);
	if (cur >= 0 && !ui->help) {
		curs_set(1);
		move(l->message.y, cur);
	} else
		curs_set(0);
}
