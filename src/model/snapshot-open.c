/*
 * snapshot-open.c - registry_snapshot_open (snapshot.h): check a whole
 * image, then hand out a registry whose arrays are the image's own.
 * Every offset, count and index is checked here, once, before anything
 * reads through it; the queries then trust them as they trust
 * registry_finish's.
 */
#include "config.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "registry.h"
#include "registry-index.h"
#include "snapshot-image.h"
#include "xmalloc.h"

struct snap_r {
	const struct snap_header *h;
	int			 move;		/* not at h->base: relocate */
	const char		*str;		/* the string pool */
	size_t			 n_str;
	uint64_t		 at_str;	/* its address as written */
	struct person_ref	*prefs;
	size_t			 n_prefs;
	uint64_t		 at_prefs;
	const char		**srefs;
	size_t			 n_srefs;
	uint64_t		 at_srefs;
	const char		*why;
};

static int
snap_fail(struct snap_r *r, const char *why)
{
	if (r->why == NULL)
		r->why = why;
	return -1;
}

/* Text at address v (as written) to where it is; NULL only where null
   may be. */
static int
snap_text_at(struct snap_r *r, uint64_t v, int null, const char **s)
{
	*s = NULL;
	if (v == 0)
		return null ? 0 : snap_fail(r, "missing text");
	if (v - r->at_str >= r->n_str)
		return snap_fail(r, "text outside its pool");
	*s = r->str + (v - r->at_str);
	return 0;
}

/* The same for a pointer field, moved when the image moved. */
static int
snap_text(struct snap_r *r, void *field, int null)
{
	const char	*s;

	if (snap_text_at(r, snap_get(field), null, &s) != 0)
		return -1;
	if (r->move)
		memcpy(field, &s, sizeof s);
	return 0;
}

/* A list field of n elements of size bytes in a pool of pool_n, written
   for address at. */
static int
snap_list(struct snap_r *r, void *field, uint32_t n, void *pool,
    size_t pool_n, uint64_t at, size_t size)
{
	uint64_t	 v = snap_get(field), i;
	void		*p;

	if (v == 0) {
		if (n != 0)
			return snap_fail(r, "list missing");
		p = NULL;
	} else if ((v - at) % size != 0 || (i = (v - at) / size) > pool_n ||
	    n > pool_n - i)
		return snap_fail(r, "list outside its pool");
	else
		p = (unsigned char *)pool + i * size;
	if (r->move)
		memcpy(field, &p, sizeof p);
	return 0;
}

static int
snap_enum(const void *field, int limit)
{
	int	 v;

	memcpy(&v, field, sizeof v);
	return v >= 0 && v < limit;
}

/* The sections: in order, aligned, inside the image, each of count
   elements of size bytes exactly. */
static int
snap_sections(struct snap_r *r, size_t len)
{
	const struct snap_header	*h = r->h;
	uint64_t			 end = sizeof *h, n[SEC_COUNT];
	size_t				 el[SEC_COUNT], i;

	n[SEC_RECORDS] = h->n_records;
	el[SEC_RECORDS] = sizeof(struct record);
	n[SEC_PEOPLE] = h->n_people;
	el[SEC_PEOPLE] = sizeof(struct person);
	n[SEC_GAPS] = h->n_gaps;
	el[SEC_GAPS] = sizeof(struct gap);
	n[SEC_WARNINGS] = h->n_warnings;
	el[SEC_WARNINGS] = sizeof(struct warning);
	n[SEC_PREFS] = h->sec[SEC_PREFS].size / sizeof(struct person_ref);
	el[SEC_PREFS] = sizeof(struct person_ref);
	n[SEC_SREFS] = h->sec[SEC_SREFS].size / sizeof(const char *);
	el[SEC_SREFS] = sizeof(const char *);
	n[SEC_BY_PORT] = h->n_by_port;
	n[SEC_BY_NAME] = h->sec[SEC_BY_NAME].size / 4;
	n[SEC_PEOPLE_BY_ID] = h->sec[SEC_PEOPLE_BY_ID].size / 4;
	n[SEC_PERSON_FIRST] = h->sec[SEC_PERSON_FIRST].size / 4;
	n[SEC_PERSON_RECORDS] = h->n_person_records;
	el[SEC_BY_PORT] = el[SEC_BY_NAME] = el[SEC_PEOPLE_BY_ID] =
	    el[SEC_PERSON_FIRST] = el[SEC_PERSON_RECORDS] = 4;
	n[SEC_STRINGS] = h->sec[SEC_STRINGS].size;
	el[SEC_STRINGS] = 1;

	for (i = 0; i < SEC_COUNT; i++) {
		if (h->sec[i].off % 8 != 0 || h->sec[i].off < end ||
		    h->sec[i].off > len || h->sec[i].size > len - h->sec[i].off)
			return snap_fail(r, "section outside the image");
		if (n[i] > h->sec[i].size / el[i] ||
		    n[i] * el[i] != h->sec[i].size)
			return snap_fail(r, "section size and count differ");
		end = h->sec[i].off + h->sec[i].size;
	}
	return 0;
}

static int
snap_port_ok(int32_t lo, int32_t hi)
{
	return (lo == -1 && hi == -1) ||
	    (lo >= 0 && lo <= hi && hi <= PORT_MAX);
}

/* The pools, then every pointer of the records, people and warnings. */
static int
snap_pointers(struct snap_r *r, struct registry *reg)
{
	size_t		 i;
	uint32_t	 k;
	struct record	*rec;
	struct person	*p;

	for (i = 0; i < r->n_prefs; i++) {
		if (snap_text(r, &r->prefs[i].id, 0) != 0)
			return -1;
		if (r->prefs[i].person < -1 ||
		    r->prefs[i].person >= (int64_t)reg->n_people)
			return snap_fail(r, "person number out of range");
	}
	/* A reference's target may be NULL; a reference never (below). */
	for (i = 0; i < r->n_srefs; i++) {
		if (snap_text(r, &r->srefs[i], 1) != 0)
			return -1;
	}
	reg->max_span = 0;
	for (i = 0; i < reg->n_records; i++) {
		rec = &reg->records[i];
		if (!snap_port_ok(rec->port_lo, rec->port_hi))
			return snap_fail(r, "port out of range");
		if (!snap_enum(&rec->proto, PROTO_COUNT) ||
		    !snap_enum(&rec->kind, KIND_UNASSIGNED + 1))
			return snap_fail(r, "protocol or kind out of range");
		if (rec->port_hi - rec->port_lo > reg->max_span)
			reg->max_span = rec->port_hi - rec->port_lo;
		if (snap_text(r, &rec->service, 1) ||
		    snap_text(r, &rec->description, 1) ||
		    snap_text(r, &rec->registered, 1) ||
		    snap_text(r, &rec->modified, 1) ||
		    snap_text(r, &rec->service_code, 1) ||
		    snap_text(r, &rec->unauthorized, 1) ||
		    snap_text(r, &rec->notes, 1) ||
		    snap_list(r, &rec->assignees, rec->n_assignees, r->prefs,
		    r->n_prefs, r->at_prefs, sizeof *r->prefs) ||
		    snap_list(r, &rec->contacts, rec->n_contacts, r->prefs,
		    r->n_prefs, r->at_prefs, sizeof *r->prefs) ||
		    snap_list(r, &rec->refs, rec->n_refs, r->srefs,
		    r->n_srefs, r->at_srefs, sizeof *r->srefs) ||
		    (snap_get(&rec->ref_targets) != 0 && snap_list(r,
		    &rec->ref_targets, rec->n_refs, r->srefs, r->n_srefs,
		    r->at_srefs, sizeof *r->srefs)))
			return -1;
		for (k = 0; k < rec->n_refs; k++) {
			if (snap_get(&rec->refs[k]) == 0)
				return snap_fail(r, "missing reference");
		}
	}
	for (i = 0; i < reg->n_people; i++) {
		p = &reg->people[i];
		if (snap_text(r, &p->id, 0) || snap_text(r, &p->name, 1) ||
		    snap_text(r, &p->org, 1) || snap_text(r, &p->email, 1) ||
		    snap_text(r, &p->uri, 1) || snap_text(r, &p->updated, 1))
			return -1;
	}
	for (i = 0; i < reg->n_warnings; i++) {
		if (snap_text(r, &reg->warnings[i].text, 0) != 0)
			return -1;
	}
	for (i = 0; i < reg->n_gaps; i++) {
		const struct gap *g = &reg->gaps[i], *q = g - 1;

		if (g->lo < 0 || g->lo > g->hi || g->hi > PORT_MAX ||
		    !snap_enum(&g->proto, PROTO_COUNT) || g->record < -1 ||
		    g->record >= (int64_t)reg->n_records)
			return snap_fail(r, "gap out of range");
		if (i > 0 && (q->lo > g->lo || (q->lo == g->lo &&
		    q->hi > g->hi)))
			return snap_fail(r, "gaps out of order");
	}
	return 0;
}

/* A hash table of slots (REG_NONE or below limit) with a free slot,
   every entry passing ok. */
static int
snap_table(const uint32_t *t, size_t n, size_t limit,
    int (*ok)(const struct registry *, uint32_t),
    const struct registry *reg)
{
	size_t	 i, empty = 0;

	for (i = 0; i < n; i++) {
		if (t[i] == REG_NONE)
			empty++;
		else if (t[i] >= limit || !ok(reg, t[i]))
			return -1;
	}
	return empty != 0 ? 0 : -1;
}

static int
snap_named(const struct registry *reg, uint32_t i)
{
	return reg->records[i].service != NULL;
}

static int
snap_has_id(const struct registry *reg, uint32_t i)
{
	return reg->people[i].id != NULL;
}

/* The indexes: what registry-query.c trusts of them. */
static int
snap_indexes(struct snap_r *r, struct registry *reg, size_t n_by_name,
    size_t n_pbi, size_t n_first, size_t n_pr)
{
	const struct record	*a = NULL, *b;
	size_t			 i, ported = 0;
	uint32_t		 next;

	for (i = 0; i < reg->n_records; i++)
		ported += reg->records[i].port_lo >= 0;
	if (ported != reg->n_by_port)
		return snap_fail(r, "port index size");
	for (i = 0; i < reg->n_by_port; i++) {
		if (reg->by_port[i] >= reg->n_records)
			return snap_fail(r, "port index out of range");
		b = &reg->records[reg->by_port[i]];
		if (b->port_lo < 0)
			return snap_fail(r, "port index of a portless record");
		if (i > 0 && (a->port_lo > b->port_lo || (a->port_lo ==
		    b->port_lo && reg->by_port[i - 1] >= reg->by_port[i])))
			return snap_fail(r, "port index out of order");
		a = b;
	}

	/* by_name: n_records links going forward, then the slots. */
	if (n_by_name < reg->n_records + 1 ||
	    (reg->n_by_name & (reg->n_by_name - 1)) != 0 ||
	    n_by_name - reg->n_records != reg->n_by_name)
		return snap_fail(r, "name index size");
	for (i = 0; i < reg->n_records; i++) {
		next = reg->by_name[i];
		if (next != REG_NONE && (next <= i || next >= reg->n_records ||
		    reg->records[next].service == NULL))
			return snap_fail(r, "name index link");
	}
	if (snap_table(reg->by_name + reg->n_records, reg->n_by_name,
	    reg->n_records, snap_named, reg) != 0)
		return snap_fail(r, "name index slot");

	if (n_pbi != registry_people_slots(reg) ||
	    snap_table(reg->people_by_id, n_pbi, reg->n_people, snap_has_id,
	    reg) != 0)
		return snap_fail(r, "people index");

	if (n_first != reg->n_people + 1 || reg->person_first[0] != 0 ||
	    reg->person_first[reg->n_people] != n_pr)
		return snap_fail(r, "people's records size");
	for (i = 0; i < reg->n_people; i++) {
		if (reg->person_first[i + 1] < reg->person_first[i] ||
		    reg->person_first[i + 1] - reg->person_first[i] !=
		    reg->people[i].n_records)
			return snap_fail(r, "people's records count");
	}
	for (i = 0; i < n_pr; i++) {
		if (reg->person_records[i] >= reg->n_records)
			return snap_fail(r, "people's records out of range");
	}
	return 0;
}

/* The header alone: what it says of this build, this key, this image. */
static int
snap_header(struct snap_r *r, const void *image, size_t len,
    const unsigned char *key)
{
	const struct snap_header	*h = image;
	uint32_t			 layout[SNAP_LAYOUT];

	if (((uintptr_t)image & (alignof(struct snap_header) - 1)) != 0 ||
	    len < sizeof *h)
		return snap_fail(r, "too short");
	if (memcmp(h->magic, snapshot_magic, sizeof h->magic) != 0)
		return snap_fail(r, "not a snapshot");
	if (h->version != SNAPSHOT_VERSION)
		return snap_fail(r, "another version");
	snapshot_layout(layout);
	if (h->header_size != sizeof *h ||
	    memcmp(h->layout, layout, sizeof layout) != 0)
		return snap_fail(r, "another build's layout");
	if (h->length != len || len % 8 != 0)
		return snap_fail(r, "length");
	if (h->checksum != registry_snapshot_sum(image, len))
		return snap_fail(r, "checksum");
	if (memcmp(h->key, key, SNAPSHOT_KEY_SIZE) != 0)
		return snap_fail(r, "key");
	if (!snap_port_ok(h->cover_lo, h->cover_hi) ||
	    (h->cover_given != 0 && h->cover_given != 1))
		return snap_fail(r, "cover");
	r->h = h;
	return 0;
}

struct registry *
registry_snapshot_open(void *image, size_t len, const unsigned char *key,
    const char *source, void (*release)(void *, size_t), const char **why)
{
	struct snap_r			 r;
	const struct snap_header	*h;
	struct registry			*reg;
	unsigned char			*b = image;

	memset(&r, 0, sizeof r);
	if (snap_header(&r, image, len, key) != 0 ||
	    snap_sections(&r, len) != 0) {
		*why = r.why;
		return NULL;
	}
	h = r.h;
#define SEC(s)	((void *)(b + h->sec[s].off))
	r.str = SEC(SEC_STRINGS);
	r.n_str = h->sec[SEC_STRINGS].size;
	if (r.n_str != 0 && r.str[r.n_str - 1] != '\0') {
		*why = "string pool not terminated";
		return NULL;
	}
	r.prefs = SEC(SEC_PREFS);
	r.n_prefs = h->sec[SEC_PREFS].size / sizeof *r.prefs;
	r.srefs = SEC(SEC_SREFS);
	r.n_srefs = h->sec[SEC_SREFS].size / sizeof *r.srefs;
	r.move = (uintptr_t)image != h->base;
	r.at_str = h->base + h->sec[SEC_STRINGS].off;
	r.at_prefs = h->base + h->sec[SEC_PREFS].off;
	r.at_srefs = h->base + h->sec[SEC_SREFS].off;

	reg = xcalloc(1, sizeof *reg);
	reg->source = xstrdup(source != NULL ? source : "-");
	reg->arena = arena_new();
	reg->records = SEC(SEC_RECORDS);
	reg->n_records = reg->cap_records = h->n_records;
	reg->people = SEC(SEC_PEOPLE);
	reg->n_people = reg->cap_people = h->n_people;
	reg->gaps = SEC(SEC_GAPS);
	reg->n_gaps = h->n_gaps;
	reg->warnings = SEC(SEC_WARNINGS);
	reg->n_warnings = reg->cap_warnings = h->n_warnings;
	reg->by_port = SEC(SEC_BY_PORT);
	reg->n_by_port = h->n_by_port;
	reg->by_name = SEC(SEC_BY_NAME);
	reg->n_by_name = h->n_by_name;
	reg->people_by_id = SEC(SEC_PEOPLE_BY_ID);
	reg->person_first = SEC(SEC_PERSON_FIRST);
	reg->person_records = SEC(SEC_PERSON_RECORDS);
	reg->cover_lo = h->cover_lo;
	reg->cover_hi = h->cover_hi;
	reg->cover_given = h->cover_given;
#undef SEC
	/* registry_free leaves the arrays alone from here on. */
	reg->image = image;
	reg->image_len = len;

	if (snap_text_at(&r, h->format, 0, &reg->format) != 0 ||
	    snap_text_at(&r, h->updated, 1, &reg->updated) != 0 ||
	    snap_text_at(&r, h->title, 1, &reg->title) != 0)
		goto fail;
	if (snap_pointers(&r, reg) != 0 || h->max_span != reg->max_span ||
	    snap_indexes(&r, reg, h->sec[SEC_BY_NAME].size / 4,
	    h->sec[SEC_PEOPLE_BY_ID].size / 4,
	    h->sec[SEC_PERSON_FIRST].size / 4, h->n_person_records) != 0)
		goto fail;
	reg->image_release = release;
	return reg;

fail:
	*why = r.why != NULL ? r.why : "widest range";
	registry_free(reg);	/* image_release NULL: the image stays */
	return NULL;
}
