/*
 * sort.c - sorting the list by a column (s, S), and the list's columns:
 * the focused one (Left, Right), hiding them (-, +) and the wide
 * description (_).
 *
 * A sorted view keeps its rows' own order aside (view->orig): the jumps
 * among ports (} { ] [) run on that order, so that they keep their port
 * meaning, and registry order comes back from it.  Every view is put in
 * the ui's order when it is shown (ui_set_view calls ui_sort_view).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

static const char *const ui_col_names[UI_COL_COUNT] = {
	"port", "proto", "name", "desc",
};

const char *
ui_col_name(int c)
{
	return c >= 0 && c < UI_COL_COUNT ? ui_col_names[c] : "";
}

int
ui_col_shown(const struct ui *ui, int c)
{
	if (c < 0 || c >= UI_COL_COUNT)
		return 0;
	if (ui->desc_wide)
		return c == UI_COL_DESC;
	return !(ui->cols_hidden & (1u << c));
}

/* One row as its sort sees it. */
struct sort_item {
	const char	*s;	/* text columns: NULL sorts last */
	int64_t		 n;	/* port: (lo, hi), -1 without a port;
				   text: its first 8 bytes, big-endian, so
				   that most compares need no strcmp */
	int32_t		 row;
	uint32_t	 seq;	/* its place in the view's own order */
};

static int	 sort_rev;	/* for sort_cmp_*: qsort has no context */

static int
sort_seq(const struct sort_item *a, const struct sort_item *b)
{
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* Text: byte order, rows without the field last either way. */
static int
sort_cmp_text(const void *pa, const void *pb)
{
	const struct sort_item	*a = pa, *b = pb;
	int			 c;

	if (a->s == NULL || b->s == NULL) {
		if (a->s == b->s)
			return sort_seq(a, b);
		return a->s == NULL ? 1 : -1;
	}
	if (a->n != b->n)
		c = (uint64_t)a->n > (uint64_t)b->n ? 1 : -1;
	else if (((uint64_t)a->n & 0xff) == 0)
		c = 0;		/* both end within the 8 bytes: equal */
	else
		c = strcmp(a->s + 8, b->s + 8);
	if (c == 0)
		return sort_seq(a, b);
	return sort_rev ? -c : c;
}

/* Numbers: rows without a port count as -1 (first; last reversed). */
static int
sort_cmp_num(const void *pa, const void *pb)
{
	const struct sort_item	*a = pa, *b = pb;
	int			 c = (a->n > b->n) - (a->n < b->n);

	if (c == 0)
		return sort_seq(a, b);
	return sort_rev ? -c : c;
}

/* The item of row for column col. */
static void
sort_item(const struct registry *reg, int col, int32_t row,
    struct sort_item *it)
{
	const struct record	*r = NULL;
	const struct gap	*g = NULL;
	int32_t			 lo, hi;
	int			 proto, k;
	unsigned		 c = 0;

	it->row = row;
	it->s = NULL;
	if (ROW_IS_GAP(row)) {
		g = &reg->gaps[ROW_GAP_INDEX(row)];
		lo = g->lo;
		hi = g->hi;
		proto = g->proto;
	} else {
		r = &reg->records[row];
		lo = r->port_lo;
		hi = r->port_hi;
		proto = r->proto;
	}
	switch (col) {
	case UI_COL_PORT:
		it->n = lo < 0 ? -1 : ((int64_t)lo << 20 | (int64_t)hi << 3 |
		    (proto & 7));
		break;
	case UI_COL_PROTO:
		it->s = proto != PROTO_NONE ? proto_name((enum proto)proto) :
		    NULL;
		break;
	case UI_COL_NAME:
		it->s = r != NULL ? r->service : NULL;
		break;
	default:
		it->s = r != NULL ? r->description : "Unassigned";
		break;
	}
	if (it->s != NULL && *it->s == '\0')
		it->s = NULL;
	if (col != UI_COL_PORT) {
		it->n = 0;
		for (k = 0; k < 8; k++) {
			c = it->s != NULL && (k == 0 || c != 0) ?
			    (unsigned char)it->s[k] : 0;
			it->n = (int64_t)((uint64_t)it->n << 8 | c);
		}
	}
}

void
ui_sort_view(struct ui *ui, struct view *v)
{
	struct sort_item	*items;
	int			 key = UI_SORT_KEY(ui);
	size_t			 i;

	if (v->sort == key || v->rows == NULL)
		return;
	if (key == 0) {
		memcpy(v->rows, v->orig, v->n * sizeof *v->rows);
		free(v->orig);
		v->orig = NULL;
	} else {
		if (v->orig == NULL) {
			v->orig = xreallocarray(NULL, v->n + 1,
			    sizeof *v->orig);
			memcpy(v->orig, v->rows, v->n * sizeof *v->rows);
		}
		items = xreallocarray(NULL, v->n + 1, sizeof *items);
		for (i = 0; i < v->n; i++) {
			sort_item(ui->reg, ui->sort_col - 1, v->orig[i],
			    &items[i]);
			items[i].seq = (uint32_t)i;
		}
		sort_rev = ui->sort_rev;
		qsort(items, v->n, sizeof *items,
		    ui->sort_col - 1 == UI_COL_PORT ? sort_cmp_num :
		    sort_cmp_text);
		for (i = 0; i < v->n; i++)
			v->rows[i] = items[i].row;
		free(items);
	}
	v->sort = key;
	view_reindex(v, ui->reg);
}

int
ui_sort(struct ui *ui, int col, int rev)
{
	int32_t	 keep = ui_row(ui);
	size_t	 top = ui->top;
	long	 p;

	if (col < 0 || col >= UI_COL_COUNT ||
	    (ui->sort_col == col + 1 && ui->sort_rev == !!rev)) {
		ui->sort_col = 0;
		ui->sort_rev = 0;
		ui_message(ui, 0, "Registry order");
	} else {
		ui->sort_col = col + 1;
		ui->sort_rev = !!rev;
		ui_message(ui, 0, "Sorted by %s%s", ui_col_name(col),
		    rev ? ", reversed" : "");
	}
	ui_sort_view(ui, ui->view);
	/* The same row stays selected, where it now is. */
	p = keep != INT32_MIN ? view_find(ui->view, keep) : -1;
	ui->cursor = p >= 0 ? (size_t)p : 0;
	ui->top = top;
	ui_fix_top(ui, 1);
	ui_match_positions(ui);
	return UI_DRAW_ROW;
}

const char *
ui_sort_label(const struct ui *ui)
{
	static const char *const labels[UI_COL_COUNT][2] = {
		{ "port", "port rev" }, { "proto", "proto rev" },
		{ "name", "name rev" }, { "desc", "desc rev" },
	};

	if (ui->sort_col < 1 || ui->sort_col > UI_COL_COUNT)
		return NULL;
	return labels[ui->sort_col - 1][ui->sort_rev != 0];
}

int
ui_port_order(struct ui *ui, int (*fn)(struct ui *, int), int dir)
{
	struct view	*v = ui->view, tmp;
	size_t		 cursor = ui->cursor, top = ui->top;
	int32_t		 row = ui_row(ui);
	long		 p;
	int		 r;

	if (v->orig == NULL || row == INT32_MIN)
		return fn(ui, dir);
	/* The same rows in their own (port) order, for fn alone. */
	memset(&tmp, 0, sizeof tmp);
	tmp.rows = xreallocarray(NULL, v->n + 1, sizeof *tmp.rows);
	memcpy(tmp.rows, v->orig, v->n * sizeof *tmp.rows);
	tmp.n = v->n;
	view_reindex(&tmp, ui->reg);
	p = view_find(&tmp, row);
	ui->view = &tmp;
	ui->cursor = p >= 0 ? (size_t)p : 0;
	r = fn(ui, dir);
	row = ui_row(ui);
	ui->view = v;
	ui->cursor = cursor;
	ui->top = top;
	p = view_find(v, row);
	if (p >= 0 && (size_t)p != cursor)
		ui_select(ui, (size_t)p, 1);
	else
		ui_fix_top(ui, 0);
	view_free(&tmp);
	return r;
}

/* --- Columns ---------------------------------------------------------- */

/* Focus the next shown column in direction dir (from the focused one). */
static int
ui_col_step(struct ui *ui, int dir, int from_next)
{
	int	 c = ui->col, i;

	for (i = 0; i < UI_COL_COUNT; i++) {
		if (i > 0 || from_next)
			c = (c + UI_COL_COUNT + dir) % UI_COL_COUNT;
		if (ui_col_shown(ui, c)) {
			ui->col = c;
			return 1;
		}
	}
	return 0;
}

int
ui_act_col_next(struct ui *ui)
{
	ui_col_step(ui, 1, 1);
	ui_message(ui, 0, "Column: %s", ui_col_name(ui->col));
	return UI_DRAW_LIST|UI_DRAW_STATUS;
}

int
ui_act_col_prev(struct ui *ui)
{
	ui_col_step(ui, -1, 1);
	ui_message(ui, 0, "Column: %s", ui_col_name(ui->col));
	return UI_DRAW_LIST|UI_DRAW_STATUS;
}

int
ui_act_sort(struct ui *ui)
{
	return ui_sort(ui, ui->col, 0);
}

int
ui_act_rsort(struct ui *ui)
{
	return ui_sort(ui, ui->col, 1);
}

int
ui_act_hide_col(struct ui *ui)
{
	unsigned	 shown = 0;
	int		 c;

	if (ui->desc_wide) {
		ui_message(ui, 1, "The description is widened: _ first");
		return UI_DRAW_STATUS;
	}
	for (c = 0; c < UI_COL_COUNT; c++)
		shown += ui_col_shown(ui, c);
	if (shown <= 1) {
		ui_message(ui, 1, "The last column stays");
		return UI_DRAW_STATUS;
	}
	ui->cols_hidden |= 1u << ui->col;
	ui_message(ui, 0, "Column %s hidden (+ shows it again)",
	    ui_col_name(ui->col));
	ui_col_step(ui, 1, 1);
	return UI_DRAW_LIST|UI_DRAW_STATUS;
}

int
ui_act_show_cols(struct ui *ui)
{
	ui->cols_hidden = 0;
	ui->desc_wide = 0;
	ui_message(ui, 0, "Every column shown");
	return UI_DRAW_LIST|UI_DRAW_STATUS;
}

int
ui_act_wide_desc(struct ui *ui)
{
	ui->desc_wide = !ui->desc_wide;
	if (ui->desc_wide)
		ui->col = UI_COL_DESC;
	else if (!ui_col_shown(ui, ui->col))
		ui_col_step(ui, 1, 0);
	ui_message(ui, 0, ui->desc_wide ? "Description widened (_ again: "
	    "back)" : "Columns back");
	return UI_DRAW_LIST|UI_DRAW_STATUS;
}
