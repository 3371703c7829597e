/*
 * view.c - the rows a list shows (struct view): every record with the
 * unlisted gaps in port order, or a given list of records; and finding
 * a row or a position in them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

void
view_free(struct view *v)
{
	free(v->rows);
	free(v->pos);
	free(v->gaps);
	free(v->assigned);
	free(v->orig);
	memset(v, 0, sizeof *v);
}

/* Every view's rows get a number of their own, never reused. */
static unsigned long	 view_gen;

/* Fill pos, gaps and assigned from rows, in one pass. */
void
view_reindex(struct view *v, const struct registry *reg)
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
	v->gen = ++view_gen;
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
void
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
	view_reindex(v, reg);
}

void
view_build_list(struct view *v, const struct registry *reg,
    const uint32_t *list, size_t n)
{
	size_t	 i;

	free(v->rows);
	free(v->orig);
	v->orig = NULL;
	v->sort = 0;
	v->rows = xreallocarray(NULL, n + 1, sizeof *v->rows);
	for (i = 0; i < n; i++)
		v->rows[i] = (int32_t)list[i];
	v->n = n;
	view_reindex(v, reg);
}

/* Position of row id in v, or -1. */
long
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
size_t
view_upper_bound(const uint32_t *a, size_t n, size_t x)
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
size_t
view_lower_bound(const uint32_t *a, size_t n, size_t x)
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
