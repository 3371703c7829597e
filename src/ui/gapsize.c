/*
 * gapsize.c - the filter prefix size: (size:>=100, size:<10, size:=1,
 * size:100 for >=): only the gap rows (Unassigned records and the gaps
 * no row lists) of that many ports.  Not a regex: the filtered view is
 * made here from the full one, and ui->filter holds a pattern matching
 * everything, as the sign that a filter is on.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

enum { SIZE_GE, SIZE_LE, SIZE_GT, SIZE_LT, SIZE_EQ };

/*
 * Is expr a size: filter?  0: no; 1: yes, *op and *n set; -1: yes but
 * malformed, the message set.
 */
static int
ui_size_parse(struct ui *ui, const char *expr, int *op, long *n)
{
	static const struct { const char *s; int op; } ops[] = {
		{ ">=", SIZE_GE }, { "<=", SIZE_LE }, { ">", SIZE_GT },
		{ "<", SIZE_LT }, { "=", SIZE_EQ },
	};
	const char	*s;
	char		*end;
	size_t		 i;

	if (strncmp(expr, "size:", 5) != 0)
		return 0;
	s = expr + 5;
	*op = SIZE_GE;
	for (i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		if (strncmp(s, ops[i].s, strlen(ops[i].s)) == 0) {
			*op = ops[i].op;
			s += strlen(ops[i].s);
			break;
		}
	}
	while (*s == ' ')
		s++;
	if (*s < '0' || *s > '9' || (*n = strtol(s, &end, 10)) < 0 ||
	    *n > PORT_MAX + 1 || strspn(end, " ") != strlen(end)) {
		ui_message(ui, 1, "size: takes a comparison and a number of "
		    "ports, 0 to 65536 (size:>=100, size:<10, size:=1)");
		return -1;
	}
	return 1;
}

/* The number of ports of a gap row, or 0 for any other row. */
static long
ui_gap_size(const struct registry *reg, int32_t row)
{
	const struct record	*r;

	if (ROW_IS_GAP(row))
		return reg->gaps[ROW_GAP_INDEX(row)].hi -
		    reg->gaps[ROW_GAP_INDEX(row)].lo + 1;
	r = &reg->records[row];
	if (r->kind != KIND_UNASSIGNED || r->port_lo < 0)
		return 0;
	return r->port_hi - r->port_lo + 1;
}

static int
ui_size_ok(long size, int op, long n)
{
	switch (op) {
	case SIZE_LE:
		return size <= n;
	case SIZE_GT:
		return size > n;
	case SIZE_LT:
		return size < n;
	case SIZE_EQ:
		return size == n;
	default:
		return size >= n;
	}
}

/* The gap rows of the full view that pass, in registry order, into out
   (room for all.n); how many. */
static size_t
ui_size_rows(const struct ui *ui, int op, long n, uint32_t *out)
{
	const struct view	*v = &ui->all;
	const int32_t		*rows = v->orig != NULL ? v->orig : v->rows;
	size_t			 i, k = 0;
	long			 size;

	for (i = 0; i < v->n; i++) {
		size = ui_gap_size(ui->reg, rows[i]);
		if (size > 0 && ui_size_ok(size, op, n))
			out[k++] = (uint32_t)rows[i];	/* gap ids too */
	}
	return k;
}

int
ui_size_count(struct ui *ui, const char *expr, size_t *count)
{
	uint32_t	*rows;
	long		 n;
	int		 op, r;

	if ((r = ui_size_parse(ui, expr, &op, &n)) <= 0)
		return r;
	rows = xreallocarray(NULL, ui->all.n + 1, sizeof *rows);
	*count = ui_size_rows(ui, op, n, rows);
	free(rows);
	return 1;
}

int
ui_size_filter(struct ui *ui, const char *expr)
{
	struct pattern	*all;
	uint32_t	*rows;
	char		*err = NULL;
	size_t		 k;
	long		 n;
	int		 op, r;

	if ((r = ui_size_parse(ui, expr, &op, &n)) == 0)
		return -1;
	if (r < 0)
		return UI_DRAW_ROW;
	rows = xreallocarray(NULL, ui->all.n + 1, sizeof *rows);
	if ((k = ui_size_rows(ui, op, n, rows)) == 0 ||
	    (all = pattern_new("(?s).?", &err)) == NULL) {
		free(rows);
		free(err);
		ui_message(ui, 1, "No gap rows of %s: filter unchanged",
		    expr + 5);
		return UI_DRAW_ROW;
	}
	/* Row ids go through uint32_t: gap ids are negative int32_t and
	   come back as such. */
	ui_filter_show(ui, all, expr, rows, k);
	free(rows);
	ui_message(ui, 0, "%zu gap row%s of %s port%s", k, k == 1 ? "" : "s",
	    expr + 5, n == 1 && op == SIZE_EQ ? "" : "s");
	return UI_DRAW_ROW;
}
