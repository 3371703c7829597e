/*
 * help.c - the help overlay: its lines, generated from the key table,
 * wrapped to the overlay's width, and scrolling it.
 */
#include "config.h"

#include <string.h>

#include "ui-private.h"

int
ui_help(struct ui *ui)
{
	ui->help = !ui->help;
	ui->help_top = 0;
	return UI_DRAW_ALL;
}

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
	"Markers: * a match; @ in use on this host; ~ services(5) names "
	    "it otherwise; ! both. host:CMD keeps rows in use by CMD.",
	"At a prompt: Enter accepts, Esc cancels, Ctrl-U clears.",
	"Links (underlined in the detail pane): j/k there move the "
	    "highlight, o opens it with $BROWSER or xdg-open, never a shell.",
	"At a prompt, Up and Down recall its earlier entries (kept in "
	    "$XDG_STATE_HOME/portreg/history); Tab in : completes a service "
	    "name and lists the candidates.",
	"Filter size:>=N (or <=, >, <, =) keeps the gap rows of that many "
	    "ports; a gap's \"(N ports)\" is searchable too.",
	"",
	"Legend (colours; without colour, the look in brackets):",
	"selected row: black on green in the focused pane [reverse, "
	    "bold], reverse video in another",
	"Unassigned (gap) rows: green [dim]; Reserved rows: magenta [dim]",
	"search matches: black on yellow [underlined, bold], and a * "
	    "before a matching row",
	"links: blue, underlined; the highlighted one as the selected "
	    "row",
	"focused pane: its header black on yellow, marked >; the focused "
	    "list column: its name underlined",
	"status line: sort:COLUMN (rev) the sort, smart/ignore/match case "
	    "the case of search and filter",
	"minimap (m): taller blocks (or denser ASCII . : - = + * # @) for "
	    "more of the slice assigned; | the selected row",
	"remarks of portreg's own: yellow [dim]; errors: red, bold",
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

int
ui_help_key(struct ui *ui, enum key_action a)
{
	size_t	 n = ui_help_wrap(ui_help_cols(ui), NULL, 0);
	size_t	 rows = (size_t)ui_help_rows(ui);
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
		return UI_DRAW_ALL;
	default:
		return UI_NONE;
	}
	if (top < 0)
		top = 0;
	if ((size_t)top > max)
		top = (long)max;
	ui->help_top = (size_t)top;
	return UI_DRAW_ALL;
}

int
ui_act_help(struct ui *ui)
{
	return ui_help(ui);
}
