/*
 * search.c - search and filter: matching records against a pattern
 * (narrowing the last matches when that costs less, by a timing cost
 * model), stepping through matches, the filtered view.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "literal.h"
#include "pattern.h"
#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

int
ui_is_match(const struct ui *ui, int32_t rec)
{
	size_t	 i;

	if (rec < 0 || ui->search == NULL || ui->n_matches == 0)
		return 0;
	i = view_lower_bound(ui->matches, ui->n_matches, (size_t)rec);
	return i < ui->n_matches && ui->matches[i] == (uint32_t)rec;
}

static int
ui_pos_cmp(const void *a, const void *b)
{
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Recompute the positions of the matches in the current view. */
void
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
	/* A sorted view has them out of order: n and N search them. */
	if (ui->view->orig != NULL)
		qsort(ui->match_pos, ui->n_match_pos, sizeof *ui->match_pos,
		    ui_pos_cmp);
}

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

/* Of rows[0, n), keep those p matches, in place; returns how many. */
static size_t
ui_recheck(const struct ui *ui, struct pattern *p, uint32_t *rows,
    size_t n, int *limited)
{
	size_t	 i, kept = 0;
	int	 r;

	for (i = 0; i < n; i++) {
		r = pattern_match(p, ui->hay, rows[i]);
		if (r == PATTERN_MATCH)
			rows[kept++] = rows[i];
		else if (r == PATTERN_LIMIT)
			*limited = 1;
	}
	return kept;
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
	size_t	 n_all = ui->reg->n_records, n = 0;
	double	 t0 = ui_now_ns();
	int	 narrow, upper;
	char	*word;

	*limited = 0;
	if (prev != NULL && strcmp(prev, expr) == 0)
		return n_prev;
	if (ui_since_expr(expr))	/* not the haystack: since.c */
		return ui_since_find(ui, p, rows);
	if (ui_host_prefix(expr))	/* a filter's rows may be gaps */
		return ui_host_find(ui, p, rows, n_all + 1,
		    rows == ui->prompt_rows);
	narrow = prev != NULL && ui->narrow != UI_NARROW_NEVER &&
	    ui_pattern_narrows(prev, expr);
	/* A plain word: a pass over the folded rows (literal.h), the last
	   matches only when narrowing them; searched with case, a pass
	   over the haystack's own text. */
	if (literal_ready(ui->hay) && (word = literal_of(expr, &upper)) !=
	    NULL) {
		if (ui->case_mode == UI_CASE_MATCH ||
		    (ui->case_mode == UI_CASE_SMART && upper))
			n = literal_scan_case(ui->hay, expr, narrow ? rows :
			    NULL, n_prev, rows);
		else
			n = literal_scan(ui->hay, word, narrow ? rows : NULL,
			    n_prev, rows);
		free(word);
		if (narrow)
			ui->narrowed++;
		return n;
	}
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
	n = ui_recheck(ui, p, rows, n_prev, limited);
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

	ui_prepare(ui);
	if (ui->hay == NULL) {
		ui_message(ui, 1, "Search is not available");
		return NULL;
	}
	p = ui_pattern_new(ui, expr, &err);
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
void
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
size_t
ui_prompt_find(struct ui *ui, struct pattern *p, const char *expr,
    int *limited)
{
	const char	*prev = NULL;

	if (ui->prompt_rows == NULL)
		ui->prompt_rows = ui_rows_new(ui->reg);
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
long
ui_match_from(struct ui *ui, size_t from, int dir, int *wrapped)
{
	size_t	 i;

	*wrapped = 0;
	if (ui->n_match_pos == 0)
		return -1;
	if (dir > 0) {
		i = view_upper_bound(ui->match_pos, ui->n_match_pos, from);
		if (i == ui->n_match_pos) {
			*wrapped = 1;
			i = 0;
		}
	} else {
		i = view_lower_bound(ui->match_pos, ui->n_match_pos, from);
		if (i == 0) {
			*wrapped = 1;
			i = ui->n_match_pos;
		}
		i--;
	}
	return ui->match_pos[i];
}

size_t
ui_match_index(const struct ui *ui)
{
	size_t	 i;

	i = view_lower_bound(ui->match_pos, ui->n_match_pos, ui->cursor);
	if (i < ui->n_match_pos && ui->match_pos[i] == ui->cursor)
		return i + 1;
	return 0;
}

void
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
			return UI_DRAW_ROW;
		}
		ui->search_dir = dir;
		return ui_next_match(ui, 1);
	}
	if ((p = ui_compile(ui, expr)) == NULL)
		return UI_DRAW_ROW;
	ui_search_set(ui, p, expr, dir);
	pos = ui_match_from(ui, ui->cursor, dir, &wrapped);
	if (pos < 0) {
		ui_message(ui, 1, "Pattern not found: %s%s", expr,
		    UI_LIMITED(ui));
		return UI_DRAW_ROW;
	}
	ui_jump(ui, (size_t)pos);
	ui_match_message(ui, wrapped, dir);
	return UI_DRAW_ROW;
}

int
ui_next_match(struct ui *ui, int dir)
{
	long	 pos;
	int	 wrapped, d = dir * ui->search_dir;

	if (ui->search == NULL) {
		ui_message(ui, 1, "No previous search");
		return UI_DRAW_ROW;
	}
	pos = ui_match_from(ui, ui->cursor, d, &wrapped);
	if (pos < 0) {
		ui_message(ui, 1, "Pattern not found: %s%s", ui->search_expr,
		    UI_LIMITED(ui));
		return UI_DRAW_ROW;
	}
	ui_jump(ui, (size_t)pos);
	ui_match_message(ui, wrapped, d);
	return UI_DRAW_ROW;
}

/*
 * Show the rows (row ids, n) a filter kept: it becomes the filter (p
 * owned now), a person's list or a set-aside filter goes, the selected
 * row stays where it can.
 */
void
ui_filter_show(struct ui *ui, struct pattern *p, const char *expr,
    const uint32_t *rows, size_t n)
{
	int32_t	 keep;

	ui_park_drop(ui);
	if (ui->view == &ui->persons)
		ui_leave_persons(ui, ui_row(ui));
	keep = ui_row(ui);
	if (ui->filter != NULL)
		pattern_free(ui->filter);
	free(ui->filter_expr);
	ui->filter = p;
	ui->filter_expr = xstrdup(expr);
	view_build_list(&ui->filtered, ui->reg, rows, n);
	ui_set_view(ui, &ui->filtered, keep);
}

int
ui_set_filter(struct ui *ui, const char *expr)
{
	struct pattern	*p;
	size_t		 n;
	int		 limited = 0, r;

	if (expr == NULL || *expr == '\0') {
		ui_park_drop(ui);	/* the user's own choice replaces it */
		if (ui->view == &ui->persons)
			ui_leave_persons(ui, ui_row(ui));
		if (ui->filter != NULL)
			ui_message(ui, 0, "Filter cleared");
		ui_clear_filter(ui, ui_row(ui));
		return UI_DRAW_ROW;
	}
	if ((r = ui_size_filter(ui, expr)) >= 0)
		return r;
	if ((p = ui_compile(ui, expr)) == NULL)
		return UI_DRAW_ROW;
	n = ui_prompt_find(ui, p, expr, &limited);
	if (n == 0) {
		pattern_free(p);
		ui_message(ui, 1, "No rows match %s%s: filter unchanged", expr,
		    limited ? " (pattern too complex)" : "");
		return UI_DRAW_ROW;
	}
	ui_filter_show(ui, p, expr, ui->prompt_rows, n);
	ui_message(ui, limited, "%zu row%s match%s%s", n, n == 1 ? "" : "s",
	    n == 1 ? "es" : "", limited ? " (pattern too complex for some)" :
	    "");
	return UI_DRAW_ROW;
}

int
ui_act_next_match(struct ui *ui)
{
	return ui_next_match(ui, 1);
}

int
ui_act_prev_match(struct ui *ui)
{
	return ui_next_match(ui, -1);
}
