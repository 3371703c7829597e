/*
 * registry-finish.c - registry_finish (registry.h): resolve person
 * references, derive record kinds, count each person's records, find the
 * gaps and build the indexes registry-query.c reads (registry-index.h).
 */
#include "config.h"

#include <sys/types.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "registry.h"
#include "registry-index.h"
#include "xmalloc.h"

/* --- Finishing --------------------------------------------------------- */


/* qsort has no context argument in C11: finish sorts one registry at a
   time, single-threaded, through this. */
static const struct registry *sort_reg;

/* A final mix, so that the low bits (the slot) depend on every byte. */
static uint32_t
registry_hash_mix(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return (uint32_t)h;
}

/*
 * The bytes of s through map (a byte to itself, or as tolower() folds
 * it), gathered 8 to a word and each word multiplied in: a multiply a
 * byte (FNV) made the multiplier's latency the cost of the name index.
 */
uint32_t
registry_hash_map(const unsigned char *map, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 h = 0x9e3779b97f4a7c15ULL, w = 0;
	size_t			 n = 0;

	for (; *p != '\0'; p++) {
		w = w << 8 | map[*p];
		if ((++n & 7) == 0) {
			h = (h ^ w) * 0x100000001b3ULL;
			w = 0;
		}
	}
	return registry_hash_mix((h ^ w ^ n) * 0x100000001b3ULL);
}

static const unsigned char registry_same[256] = {
#define B(n) (n), (n) + 1, (n) + 2, (n) + 3, (n) + 4, (n) + 5, (n) + 6, (n) + 7
#define R(n) B(n), B((n) + 8), B((n) + 16), B((n) + 24)
	R(0), R(32), R(64), R(96), R(128), R(160), R(192), R(224)
#undef R
#undef B
};

uint32_t
registry_hash(const char *s)
{
	return registry_hash_map(registry_same, s);
}

/*
 * The bytes as strcasecmp() folds them (tolower(), byte by byte, in the
 * current locale): two names strcasecmp() calls equal hash alike.
 */
void
registry_fold_map(unsigned char *map)
{
	int	 c;

	for (c = 0; c < 256; c++)
		map[c] = (unsigned char)tolower(c);
}


/* A table of at least 3/2 n slots, a power of two. */
static size_t
registry_slots(size_t n)
{
	size_t	 slots = 16;

	while (slots < n + n / 2)
		slots *= 2;
	return slots;
}

size_t
registry_people_slots(const struct registry *reg)
{
	return registry_slots(reg->n_people);
}

static int
registry_cmp_person(const void *a, const void *b)
{
	const struct person	*pa = &sort_reg->people[*(const uint32_t *)a];
	const struct person	*pb = &sort_reg->people[*(const uint32_t *)b];
	int			 c = strcmp(pa->id, pb->id);

	if (c != 0)
		return c;
	return *(const uint32_t *)a < *(const uint32_t *)b ? -1 :
	    *(const uint32_t *)a > *(const uint32_t *)b;
}

/*
 * The people table by id.  An id defined twice is a warning at each
 * later definition, naming the one before it; the warnings go out in
 * the order of the ids (strcmp), then of the definitions.
 */
static void
registry_index_people(struct registry *reg)
{
	size_t		 slots = registry_people_slots(reg), mask = slots - 1;
	size_t		 i, k, n_dup = 0, cap_dup = 0;
	uint32_t	*t, *dup = NULL;
	const char	*id;

	t = xreallocarray(NULL, slots, sizeof *t);
	for (k = 0; k < slots; k++)
		t[k] = REG_NONE;
	for (i = 0; i < reg->n_people; i++) {
		id = reg->people[i].id;
		if (id == NULL)
			continue;	/* never found, as before */
		for (k = registry_hash(id) & mask; t[k] != REG_NONE;
		    k = (k + 1) & mask) {
			if (strcmp(reg->people[t[k]].id, id) == 0)
				break;
		}
		if (t[k] == REG_NONE) {
			t[k] = (uint32_t)i;
			continue;
		}
		/* Defined again: the first definition stays. */
		xgrow((void **)&dup, &cap_dup, n_dup + 2, sizeof *dup);
		dup[n_dup++] = t[k];
		dup[n_dup++] = (uint32_t)i;
	}
	reg->people_by_id = t;

	if (n_dup == 0)
		return;
	qsort(dup, n_dup, sizeof *dup, registry_cmp_person);
	for (i = 1; i < n_dup; i++) {
		const struct person *a = &reg->people[dup[i - 1]];
		const struct person *b = &reg->people[dup[i]];

		if (dup[i - 1] != dup[i] && strcmp(a->id, b->id) == 0)
			registry_warn(reg, b->line,
			    "person [%s] defined again (first at line %u); "
			    "the first definition is used", b->id, a->line);
	}
	free(dup);
}

/* Records with a port, by port_lo then registry order. */
static void
registry_index_ports(struct registry *reg)
{
	uint32_t		*count, *sorted;
	size_t			 i, n = 0, span;
	int			 in_order = 1;
	int32_t			 last = -1, lo = PORT_MAX, hi = 0;
	const struct record	*r;

	reg->by_port = xreallocarray(NULL, reg->n_records,
	    sizeof *reg->by_port);
	reg->max_span = 0;
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (r->port_lo < 0)
			continue;
		if (r->port_lo < last)
			in_order = 0;
		last = r->port_lo;
		if (r->port_lo < lo)
			lo = r->port_lo;
		if (r->port_lo > hi)
			hi = r->port_lo;
		if (r->port_hi - r->port_lo > reg->max_span)
			reg->max_span = r->port_hi - r->port_lo;
		reg->by_port[n++] = (uint32_t)i;
	}
	reg->n_by_port = n;
	if (in_order)
		return;

	/*
	 * A counting sort by port_lo: stable, so ties stay in order.  The
	 * buckets cover only lo..hi, the ports present: a small file (an
	 * excerpt, a fuzzer's input) does not pay for 65,536 of them.
	 */
	span = (size_t)(hi - lo) + 1;
	count = xcalloc(span + 1, sizeof *count);
	sorted = xreallocarray(NULL, n, sizeof *sorted);
	for (i = 0; i < n; i++)
		count[reg->records[reg->by_port[i]].port_lo - lo + 1]++;
	for (i = 1; i <= span; i++)
		count[i] += count[i - 1];
	for (i = 0; i < n; i++)
		sorted[count[reg->records[reg->by_port[i]].port_lo - lo]++] =
		    reg->by_port[i];
	free(reg->by_port);
	reg->by_port = sorted;
	free(count);
}

/* The service names; see the comment at the top of this section. */
static void
registry_index_names(struct registry *reg)
{
	size_t		 i, k, named = 0, slots, mask;
	size_t		 last_slot = 0;
	uint32_t	*next, *t;
	const char	*name, *last_name = NULL;
	unsigned char	 fold[256];

	registry_fold_map(fold);

	for (i = 0; i < reg->n_records; i++)
		named += reg->records[i].service != NULL;
	slots = registry_slots(named);
	mask = slots - 1;
	reg->by_name = xreallocarray(NULL, reg->n_records + slots,
	    sizeof *reg->by_name);
	reg->n_by_name = slots;
	next = reg->by_name;
	t = reg->by_name + reg->n_records;
	for (k = 0; k < slots; k++)
		t[k] = REG_NONE;

	/* Backwards, each record put at the head of its chain: the chains
	   end up in registry order. */
	for (i = reg->n_records; i-- > 0;) {
		name = reg->records[i].service;
		next[i] = REG_NONE;
		if (name == NULL)
			continue;
		/* Loaders share the string of a name repeated (tcp, udp). */
		if (name != last_name) {
			for (k = registry_hash_map(fold, name) & mask;
			    t[k] != REG_NONE; k = (k + 1) & mask) {
				if (strcasecmp(reg->records[t[k]].service,
				    name) == 0)
					break;
			}
			last_slot = k;
			last_name = name;
		}
		next[i] = t[last_slot];
		t[last_slot] = (uint32_t)i;
	}
}

static int
registry_prefix(const char *s, const char *prefix)
{
	return s != NULL && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static enum record_kind
registry_kind(const struct record *r)
{
	if (r->service != NULL)
		return KIND_ASSIGNED;
	if (registry_prefix(r->description, "reserved"))
		return KIND_RESERVED;
	if (registry_prefix(r->description, "unassigned") ||
	    registry_prefix(r->description, "(unassigned)"))
		return KIND_UNASSIGNED;
	return KIND_ASSIGNED;
}

static void
registry_resolve(struct registry *reg, struct person_ref *refs, uint32_t n,
    size_t mask)
{
	uint32_t	 i;

	for (i = 0; i < n; i++)
		refs[i].person = reg->n_people == 0 || refs[i].id == NULL ? -1 :
		    registry_person_in(reg, refs[i].id, mask);
}

struct dangling {
	const char	*id;
	uint32_t	 line;
	size_t		 rec;		/* the record naming it there */
};

static int
registry_cmp_dangling(const void *a, const void *b)
{
	const struct dangling	*da = a, *db = b;
	int			 c = strcmp(da->id, db->id);

	if (c != 0)
		return c;
	return da->line < db->line ? -1 : da->line > db->line;
}

/*
 * Where the file has a people table, a person id it does not define is a
 * warning, once per id, at the first line naming it.  (CSV has no people
 * table: there every id dangles and nothing is said.)
 */
static void
registry_warn_dangling(struct registry *reg)
{
	struct dangling		*ids = NULL;
	size_t			 n = 0, cap = 0, i;
	uint32_t		 j, k;
	const struct record	*r;

	if (reg->n_people == 0)
		return;
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		for (k = 0; k < 2; k++) {
			const struct person_ref *l = k ? r->contacts :
			    r->assignees;
			uint32_t m = k ? r->n_contacts : r->n_assignees;

			for (j = 0; j < m; j++) {
				if (l[j].person >= 0)
					continue;
				xgrow((void **)&ids, &cap, n + 1, sizeof *ids);
				ids[n].id = l[j].id;
				ids[n].rec = i;
				ids[n++].line = r->line;
			}
		}
	}
	if (n > 1)
		qsort(ids, n, sizeof *ids, registry_cmp_dangling);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(ids[i - 1].id, ids[i].id) == 0)
			continue;
		registry_warn_record(reg, ids[i].line,
		    &reg->records[ids[i].rec], "person [%s] is named by a "
		    "record but not defined in the people table", ids[i].id);
	}
	free(ids);
}

/*
 * One pass over the (record, person) pairs, each pair once however many
 * times the record names the person, in either role: with fill NULL it
 * counts each person's records, else it writes them (in record order)
 * into person_records, fill[p] of person p's written so far.  last is
 * scratch of n_people.  Returns the number of pairs.
 */
static size_t
registry_person_pass(struct registry *reg, int32_t *last, uint32_t *fill)
{
	const struct record	*r;
	const struct person_ref	*l;
	size_t			 i, total = 0;
	uint32_t		 j, k, n;
	int32_t			 p;

	for (i = 0; i < reg->n_people; i++)
		last[i] = -1;
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		for (k = 0; k < 2; k++) {
			l = k ? r->contacts : r->assignees;
			n = k ? r->n_contacts : r->n_assignees;
			for (j = 0; j < n; j++) {
				p = l[j].person;
				if (p < 0 || last[p] == (int32_t)i)
					continue;
				last[p] = (int32_t)i;
				if (fill == NULL)
					reg->people[p].n_records++;
				else
					reg->person_records[
					    reg->person_first[p] + fill[p]++] =
					    (uint32_t)i;
				total++;
			}
		}
	}
	return total;
}

/* Each person's records, in either role: person_first/person_records. */
static void
registry_count_people(struct registry *reg)
{
	size_t		 i, total;
	uint32_t	*fill;
	int32_t		*last;

	reg->person_first = xreallocarray(NULL, reg->n_people + 1,
	    sizeof *reg->person_first);
	reg->person_first[0] = 0;
	if (reg->n_people == 0) {
		/* No one to count (every CSV). */
		reg->person_records = xreallocarray(NULL, 1,
		    sizeof *reg->person_records);
		return;
	}
	for (i = 0; i < reg->n_people; i++)
		reg->people[i].n_records = 0;
	last = xreallocarray(NULL, reg->n_people, sizeof *last);
	total = registry_person_pass(reg, last, NULL);
	for (i = 0; i < reg->n_people; i++)
		reg->person_first[i + 1] = reg->person_first[i] +
		    reg->people[i].n_records;
	reg->person_records = xreallocarray(NULL, total,
	    sizeof *reg->person_records);
	fill = xcalloc(reg->n_people + 1, sizeof *fill);
	(void)registry_person_pass(reg, last, fill);
	free(fill);
	free(last);
}

static void
registry_add_gap(struct registry *reg, size_t *cap, int32_t lo, int32_t hi,
    enum proto proto, int32_t record)
{
	struct gap	*g;

	xgrow((void **)&reg->gaps, cap, reg->n_gaps + 1, sizeof *reg->gaps);
	g = &reg->gaps[reg->n_gaps++];
	g->lo = lo;
	g->hi = hi;
	g->proto = proto;
	g->record = record;
}

static int
registry_cmp_gap(const void *a, const void *b)
{
	const struct gap	*ga = a, *gb = b;

	if (ga->lo != gb->lo)
		return ga->lo < gb->lo ? -1 : 1;
	if (ga->hi != gb->hi)
		return ga->hi < gb->hi ? -1 : 1;
	if (ga->proto != gb->proto)
		return ga->proto < gb->proto ? -1 : 1;
	return ga->record < gb->record ? -1 : ga->record > gb->record;
}

/* The file's Unassigned rows, and the ranges no row of any protocol lists
   inside the ports the file covers. */
static void
registry_find_gaps(struct registry *reg)
{
	unsigned char		*listed, *q;
	size_t			 i, cap = 0;
	int32_t			 p, start, end, lo = -1, hi = -1;
	const struct record	*r;

	listed = xcalloc(PORT_MAX + 1, 1);
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (r->port_lo < 0)
			continue;
		memset(listed + r->port_lo, 1, r->port_hi - r->port_lo + 1);
		if (lo < 0 || r->port_lo < lo)
			lo = r->port_lo;
		if (r->port_hi > hi)
			hi = r->port_hi;
		if (r->kind == KIND_UNASSIGNED)
			registry_add_gap(reg, &cap, r->port_lo, r->port_hi,
			    r->proto, (int32_t)i);
	}
	/* A whole registry starts at 0 and runs through the User ports;
	   the Dynamic ports after them are never listed but still free. */
	if (lo == 0 && hi >= PORT_DYNAMIC - 1)
		hi = PORT_MAX;
	if (reg->cover_given) {
		lo = reg->cover_lo;
		hi = reg->cover_hi;
	}
	reg->cover_lo = lo;
	reg->cover_hi = hi;
	/* Runs of 0 bytes, found with memchr (a branch per port costs a
	   misprediction at every run's end, and there are 65,536). */
	for (p = lo < 0 ? PORT_MAX + 1 : lo; p <= hi; p = end + 1) {
		q = memchr(listed + p, 0, (size_t)(hi + 1 - p));
		if (q == NULL)
			break;
		start = (int32_t)(q - listed);
		q = memchr(q, 1, (size_t)(hi + 1 - start));
		end = (q != NULL ? (int32_t)(q - listed) : hi + 1) - 1;
		registry_add_gap(reg, &cap, start, end, PROTO_NONE, -1);
	}
	free(listed);
	/* No gaps at all (rows cover 0-65535, none Unassigned): gaps is
	   NULL, which qsort must not see even with a count of 0. */
	if (reg->n_gaps > 1)
		qsort(reg->gaps, reg->n_gaps, sizeof *reg->gaps,
		    registry_cmp_gap);
}

/*
 * Whether list l of n refs is one resolved already: loaders may point
 * a record at the list of the record before it, or its contacts at its
 * own assignees (load.h), and the CSV loader does for most records.
 */
static int
registry_resolved(const struct person_ref *l, uint32_t n,
    const struct person_ref *a, uint32_t na, const struct person_ref *b,
    uint32_t nb)
{
	return (l == a && n <= na) || (l == b && n <= nb);
}

void
registry_finish(struct registry *reg)
{
	size_t			 i;
	struct record		*r;
	const struct person_ref	*done_a = NULL, *done_c = NULL;
	uint32_t		 done_na = 0, done_nc = 0;
	size_t			 mask;

	sort_reg = reg;
	registry_index_people(reg);
	mask = registry_people_slots(reg) - 1;

	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		/* Loaders validate ports; never trust them here either. */
		if (r->port_lo < 0 || r->port_lo > PORT_MAX ||
		    r->port_hi < r->port_lo || r->port_hi > PORT_MAX)
			r->port_lo = r->port_hi = -1;
		if ((int)r->proto < 0 || r->proto >= PROTO_COUNT)
			r->proto = PROTO_NONE;
		r->kind = registry_kind(r);
		if (!registry_resolved(r->assignees, r->n_assignees, done_a,
		    done_na, done_c, done_nc))
			registry_resolve(reg, r->assignees, r->n_assignees,
			    mask);
		done_a = r->assignees;
		done_na = r->n_assignees;
		if (!registry_resolved(r->contacts, r->n_contacts, done_a,
		    done_na, done_c, done_nc))
			registry_resolve(reg, r->contacts, r->n_contacts,
			    mask);
		done_c = r->contacts;
		done_nc = r->n_contacts;
	}
	registry_index_ports(reg);
	registry_index_names(reg);

	registry_warn_dangling(reg);
	registry_count_people(reg);
	registry_find_gaps(reg);
	sort_reg = NULL;
}
