/*
 * registry-query.c - the queries of a finished registry (registry.h):
 * records at a port, in a range or by name, moving between assignments
 * and gaps, free ranges, people and statistics.  They read the indexes
 * registry-finish.c built (registry-index.h) and never change a thing.
 */
#include "config.h"

#include <sys/types.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry.h"
#include "registry-index.h"
#include "xmalloc.h"

/* --- Queries ------------------------------------------------------------- */

static int
registry_cmp_u32(const void *a, const void *b)
{
	uint32_t	 x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* First by_port position whose record's port_lo >= port. */
static size_t
registry_port_lower(const struct registry *reg, int32_t port)
{
	size_t	 lo = 0, hi = reg->n_by_port, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (reg->records[reg->by_port[mid]].port_lo < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Collect matches into out (up to cap) and count them all.  When some
 * were collected out of registry order, sort what was kept: callers want
 * registry order.  (With more matches than cap, the kept ones are the
 * first found by port, which is registry order for ported records.)
 */
size_t
registry_in_range(const struct registry *reg, int32_t lo, int32_t hi,
    enum proto proto, uint32_t *out, size_t cap)
{
	size_t			 i, n = 0;
	int32_t			 from;
	const struct record	*r;

	if (lo > hi || hi < 0 || lo > PORT_MAX)
		return 0;
	from = lo - reg->max_span;
	for (i = registry_port_lower(reg, from < 0 ? 0 : from);
	    i < reg->n_by_port; i++) {
		r = &reg->records[reg->by_port[i]];
		if (r->port_lo > hi)
			break;
		if (r->port_hi < lo)
			continue;
		if (proto != PROTO_NONE && r->proto != proto)
			continue;
		if (n < cap)
			out[n] = reg->by_port[i];
		n++;
	}
	qsort(out, n < cap ? n : cap, sizeof *out, registry_cmp_u32);
	return n;
}

size_t
registry_at_port(const struct registry *reg, int32_t port, enum proto proto,
    uint32_t *out, size_t cap)
{
	return registry_in_range(reg, port, port, proto, out, cap);
}

size_t
registry_by_name(const struct registry *reg, const char *name,
    enum proto proto, uint32_t *out, size_t cap)
{
	const uint32_t		*next = reg->by_name, *t;
	size_t			 k, mask, n = 0;
	uint32_t		 i;
	const struct record	*r;
	unsigned char		 fold[256];

	if (reg->by_name == NULL || name == NULL)
		return 0;
	t = reg->by_name + reg->n_records;
	mask = reg->n_by_name - 1;
	registry_fold_map(fold);
	for (k = registry_hash_map(fold, name) & mask; t[k] != REG_NONE;
	    k = (k + 1) & mask) {
		if (strcasecmp(reg->records[t[k]].service, name) == 0)
			break;
	}
	for (i = t[k]; i != REG_NONE; i = next[i]) {
		r = &reg->records[i];
		if (proto != PROTO_NONE && r->proto != proto)
			continue;
		if (n < cap)
			out[n] = i;
		n++;
	}
	return n;
}

int32_t
registry_next_assignment(const struct registry *reg, uint32_t from, int dir)
{
	int32_t			 port;
	int64_t			 i;
	const struct record	*r;

	if (from >= reg->n_records)
		return -1;
	port = reg->records[from].port_lo;
	for (i = (int64_t)from + dir; i >= 0 && i < (int64_t)reg->n_records;
	    i += dir) {
		r = &reg->records[i];
		if (r->kind == KIND_ASSIGNED && r->port_lo >= 0 &&
		    r->port_lo != port)
			return (int32_t)i;
	}
	return -1;
}

int32_t
registry_next_gap_record(const struct registry *reg, uint32_t from, int dir)
{
	int64_t	 i;

	if (from >= reg->n_records)
		return -1;
	for (i = (int64_t)from + dir; i >= 0 && i < (int64_t)reg->n_records;
	    i += dir) {
		if (reg->records[i].kind == KIND_UNASSIGNED)
			return (int32_t)i;
	}
	return -1;
}

int32_t
registry_gap_at(const struct registry *reg, int32_t port)
{
	size_t	 i;

	for (i = 0; i < reg->n_gaps; i++) {
		if (reg->gaps[i].lo > port)
			break;
		if (reg->gaps[i].hi >= port)
			return (int32_t)i;
	}
	return -1;
}

void
registry_gap_neighbours(const struct registry *reg, size_t g,
    int32_t *before, int32_t *after)
{
	const struct gap	*gap;
	const struct record	*r;
	size_t			 i;

	*before = *after = -1;
	if (g >= reg->n_gaps)
		return;
	gap = &reg->gaps[g];
	for (i = registry_port_lower(reg, gap->lo); i > 0; i--) {
		r = &reg->records[reg->by_port[i - 1]];
		if (r->kind == KIND_ASSIGNED && r->port_lo < gap->lo) {
			*before = (int32_t)reg->by_port[i - 1];
			break;
		}
	}
	for (i = registry_port_lower(reg, gap->hi + 1); i < reg->n_by_port;
	    i++) {
		r = &reg->records[reg->by_port[i]];
		if (r->kind == KIND_ASSIGNED) {
			*after = (int32_t)reg->by_port[i];
			break;
		}
	}
}

size_t
registry_free_ranges(const struct registry *reg, enum proto proto,
    int32_t lo, int32_t hi, void (*fn)(int32_t, int32_t, void *), void *arg)
{
	unsigned char		*used;
	const struct record	*r;
	size_t			 i, n = 0;
	int32_t			 p, start;

	if (lo < reg->cover_lo)
		lo = reg->cover_lo;
	if (hi > reg->cover_hi)
		hi = reg->cover_hi;
	if (lo < 0 || lo > hi)
		return 0;
	used = xcalloc(PORT_MAX + 1, 1);
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (r->port_lo < 0 || r->kind == KIND_UNASSIGNED)
			continue;
		if (proto != PROTO_NONE && r->proto != PROTO_NONE &&
		    r->proto != proto)
			continue;
		memset(used + r->port_lo, 1, r->port_hi - r->port_lo + 1);
	}
	for (p = lo; p <= hi; p++) {
		if (used[p])
			continue;
		start = p;
		while (p < hi && !used[p + 1])
			p++;
		if (fn != NULL)
			fn(start, p, arg);
		n++;
	}
	free(used);
	return n;
}

int
registry_covers(const struct registry *reg, int32_t lo, int32_t hi)
{
	return reg->cover_lo >= 0 && lo >= reg->cover_lo && hi <= reg->cover_hi;
}

/* Person by id in the table of mask + 1 slots (registry_people_slots). */
int32_t
registry_person_in(const struct registry *reg, const char *id, size_t mask)
{
	size_t	 k;

	for (k = registry_hash(id) & mask; reg->people_by_id[k] != REG_NONE;
	    k = (k + 1) & mask) {
		if (strcmp(reg->people[reg->people_by_id[k]].id, id) == 0)
			return (int32_t)reg->people_by_id[k];
	}
	return -1;
}

int32_t
registry_person(const struct registry *reg, const char *id)
{
	if (reg->people_by_id == NULL || id == NULL || reg->n_people == 0)
		return -1;
	return registry_person_in(reg, id, registry_people_slots(reg) - 1);
}

const uint32_t *
registry_person_records(const struct registry *reg, uint32_t p, size_t *n)
{
	if (p >= reg->n_people || reg->person_first == NULL) {
		*n = 0;
		return NULL;
	}
	*n = reg->person_first[p + 1] - reg->person_first[p];
	return reg->person_records + reg->person_first[p];
}

/* Does one of the n refs name id? */
static int
registry_refs_name(const struct person_ref *refs, uint32_t n, const char *id)
{
	uint32_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(refs[i].id, id) == 0)
			return 1;
	}
	return 0;
}

size_t
registry_id_records(const struct registry *reg, const char *id,
    uint32_t *out, size_t cap)
{
	const struct record	*r;
	size_t			 i, n = 0;

	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (!registry_refs_name(r->assignees, r->n_assignees, id) &&
		    !registry_refs_name(r->contacts, r->n_contacts, id))
			continue;
		if (n < cap)
			out[n] = (uint32_t)i;
		n++;
	}
	return n;
}

void
registry_stats(const struct registry *reg, struct registry_stats *st)
{
	size_t			 i, j;
	const struct record	*r;
	const struct gap	*g;
	size_t			 size, largest = 0;

	memset(st, 0, sizeof *st);
	st->records = reg->n_records;
	st->people = reg->n_people;
	st->gaps = reg->n_gaps;
	st->warnings = reg->n_warnings;
	st->largest_gap_lo = st->largest_gap_hi = -1;
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		st->by_proto[r->proto]++;
		st->by_kind[r->kind]++;
		st->by_class[port_class(r->port_lo)]++;
		if (r->port_lo < 0)
			st->name_only++;
		for (j = 0; j < r->n_assignees; j++)
			st->dangling_refs += r->assignees[j].person < 0;
		for (j = 0; j < r->n_contacts; j++)
			st->dangling_refs += r->contacts[j].person < 0;
	}
	for (i = 0; i < reg->n_gaps; i++) {
		g = &reg->gaps[i];
		size = (size_t)(g->hi - g->lo + 1);
		st->gap_ports += size;
		if (size > largest) {
			largest = size;
			st->largest_gap_lo = g->lo;
			st->largest_gap_hi = g->hi;
		}
	}
}
