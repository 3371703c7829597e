/*
 * snapshot.c - a finished registry as one flat image, and back
 * (snapshot.h).
 *
 * The image: a header (below), then the sections of snap_sec in that
 * order, each 8-byte aligned, none overlapping.  The records, people,
 * warnings and pool sections are this build's own structs, their
 * pointers already the addresses they will have when the image lies at
 * the header's base address.  load/cache.c maps it there (read-only:
 * a page written to would be a page copied, and a copy costs more here
 * than the rest of a lookup), so that opening only checks each pointer;
 * mapped anywhere else, opening moves each pointer by the difference,
 * checked first, in place.  The index sections are the uint32 arrays
 * registry-finish.c builds, used where they lie.
 */
#include "config.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "registry.h"
#include "registry-index.h"
#include "snapshot.h"
#include "xmalloc.h"

#include "snapshot-image.h"

const char snapshot_magic[8] = "PORTREG\032";

/* This build's layout: what an image of another build would differ in. */
void
snapshot_layout(uint32_t *l)
{
	const union {
		uint32_t	 u;
		unsigned char	 c[4];
	} order = { 0x01020304 };

	memset(l, 0, SNAP_LAYOUT * sizeof *l);
	l[0] = (uint32_t)order.c[0] << 24 | (uint32_t)order.c[3];
	l[1] = sizeof(void *);
	l[2] = sizeof(struct record);
	l[3] = sizeof(struct person);
	l[4] = sizeof(struct person_ref);
	l[5] = sizeof(struct gap);
	l[6] = sizeof(struct warning);
	l[7] = sizeof(enum proto);
	l[8] = PROTO_COUNT;
	l[9] = offsetof(struct record, refs);
	l[10] = offsetof(struct record, line);
	l[11] = offsetof(struct person, n_records);
	l[12] = offsetof(struct person_ref, person);
	l[13] = offsetof(struct warning, text);
	l[14] = offsetof(struct gap, record);
	l[15] = PORT_MAX;
}

/* --- The checksum ------------------------------------------------------ */

#define SNAP_P1	0x9e3779b185ebca87ULL
#define SNAP_P2	0xc2b2ae3d27d4eb4fULL

static uint64_t
snap_rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

static uint64_t
snap_lane(uint64_t h, uint64_t w)
{
	return snap_rotl(h + w * SNAP_P2, 31) * SNAP_P1;
}

/* Four independent lanes, so that the multiplies overlap (about 8 bytes
   a cycle); the length and every lane mixed in at the end. */
uint64_t
registry_snapshot_sum(const void *image, size_t len)
{
	const unsigned char	*p = image, *end;
	uint64_t		 a = SNAP_P1, b = SNAP_P2, c = 1, d = 2, w[4];

	if (len < SNAPSHOT_OFF_CHECKSUM + 8)
		return 0;
	end = p + len - len % 8;
	p += SNAPSHOT_OFF_CHECKSUM + 8;
	for (; end - p >= 32; p += 32) {
		memcpy(w, p, 32);
		a = snap_lane(a, w[0]);
		b = snap_lane(b, w[1]);
		c = snap_lane(c, w[2]);
		d = snap_lane(d, w[3]);
	}
	for (; p < end; p += 8) {
		memcpy(w, p, 8);
		a = snap_lane(a, w[0]);
	}
	a = snap_rotl(a, 1) + snap_rotl(b, 7) + snap_rotl(c, 12) +
	    snap_rotl(d, 18) + len;
	a ^= a >> 33;
	a *= SNAP_P2;
	a ^= a >> 29;
	return a;
}

/* --- Writing ----------------------------------------------------------- */

struct snap_list {
	const void	*ptr;		/* NULL: free slot */
	uint32_t	 n;
	uint64_t	 at;		/* element number in its pool */
};

struct snap_w {
	char			*str;		/* the string pool */
	size_t			 n_str, cap_str;
	uint64_t		*stab;		/* 1 + offset, 0 free */
	size_t			 smask, s_used;
	struct person_ref	*prefs;
	size_t			 n_prefs, cap_prefs;
	uintptr_t		*srefs;
	size_t			 n_srefs, cap_srefs;
	struct snap_list	*ltab;		/* list pointer to where */
	size_t			 lmask, l_used;
	/* The pools' addresses (pass 2; 0 in pass 1, whose numbers are
	   thrown away): base + their sections' offsets. */
	uint64_t		 at_str, at_prefs, at_srefs;
};

/* Pointer fields: the address of string number v / list element v. */
static void
snap_put_str(struct snap_w *w, void *field, uint64_t v)
{
	snap_put(field, v == 0 ? 0 : w->at_str + v - 1);
}

static void
snap_put_list(void *field, uint64_t v, uint64_t at, size_t size)
{
	snap_put(field, v == 0 ? 0 : at + (v - 1) * size);
}

static void
snap_stab_grow(struct snap_w *w)
{
	uint64_t	*old = w->stab;
	size_t		 i, k, oldn = w->stab != NULL ? w->smask + 1 : 0;

	w->smask = oldn != 0 ? 2 * oldn - 1 : 4095;
	w->stab = xcalloc(w->smask + 1, sizeof *w->stab);
	for (i = 0; i < oldn; i++) {
		if (old[i] == 0)
			continue;
		for (k = registry_hash(w->str + old[i] - 1) & w->smask;
		    w->stab[k] != 0; k = (k + 1) & w->smask)
			;
		w->stab[k] = old[i];
	}
	free(old);
}

/* The number a string is written as: each text once in the pool. */
static uint64_t
snap_str(struct snap_w *w, const char *s)
{
	size_t	 k, n;

	if (s == NULL)
		return 0;
	if (2 * (w->s_used + 1) > w->smask)
		snap_stab_grow(w);
	for (k = registry_hash(s) & w->smask; w->stab[k] != 0;
	    k = (k + 1) & w->smask) {
		if (strcmp(w->str + w->stab[k] - 1, s) == 0)
			return w->stab[k];
	}
	n = strlen(s) + 1;
	xgrow((void **)&w->str, &w->cap_str, w->n_str + n, 1);
	memcpy(w->str + w->n_str, s, n);
	w->stab[k] = w->n_str + 1;
	w->s_used++;
	w->n_str += n;
	return w->stab[k];
}

static size_t
snap_ptr_hash(const void *p)
{
	uint64_t	 h = (uint64_t)(uintptr_t)p * SNAP_P1;

	return (size_t)(h >> 32 ^ h);
}

/*
 * Where list ptr of n elements is (kind 0: person refs, 1: references):
 * a list two records share is written once, so that the registry opened
 * shares it too (haystack.c compares such pointers).  Returns the slot,
 * its ptr NULL when the list is not written yet.
 */
static struct snap_list *
snap_list_slot(struct snap_w *w, const void *ptr, uint32_t n)
{
	struct snap_list	*old = w->ltab, *s;
	size_t			 i, k, oldn = old != NULL ? w->lmask + 1 : 0;

	if (2 * (w->l_used + 1) > w->lmask) {
		w->lmask = oldn != 0 ? 2 * oldn - 1 : 1023;
		w->ltab = xcalloc(w->lmask + 1, sizeof *w->ltab);
		for (i = 0; i < oldn; i++) {
			if (old[i].ptr == NULL)
				continue;
			for (k = snap_ptr_hash(old[i].ptr) & w->lmask;
			    w->ltab[k].ptr != NULL; k = (k + 1) & w->lmask)
				;
			w->ltab[k] = old[i];
		}
		free(old);
	}
	for (k = snap_ptr_hash(ptr) & w->lmask; w->ltab[k].ptr != NULL;
	    k = (k + 1) & w->lmask) {
		s = &w->ltab[k];
		if (s->ptr == ptr && s->n >= n)
			return s;
		if (s->ptr == ptr)	/* longer now: written again */
			break;
	}
	s = &w->ltab[k];
	if (s->ptr == NULL)
		w->l_used++;
	s->ptr = NULL;
	s->n = n;
	return s;
}

static uint64_t
snap_prefs(struct snap_w *w, const struct person_ref *l, uint32_t n)
{
	struct snap_list	*s;
	uint32_t		 i;

	if (l == NULL || n == 0)
		return 0;
	if ((s = snap_list_slot(w, l, n))->ptr != NULL)
		return s->at + 1;
	xgrow((void **)&w->prefs, &w->cap_prefs, w->n_prefs + n,
	    sizeof *w->prefs);
	for (i = 0; i < n; i++) {
		struct person_ref *o = &w->prefs[w->n_prefs + i];

		memset(o, 0, sizeof *o);
		snap_put(&o->id, snap_str(w, l[i].id));
		o->person = l[i].person;
	}
	s->ptr = l;
	s->at = w->n_prefs;
	w->n_prefs += n;
	return s->at + 1;
}

static uint64_t
snap_srefs(struct snap_w *w, const char **l, uint32_t n)
{
	struct snap_list	*s;
	uint32_t		 i;

	if (l == NULL || n == 0)
		return 0;
	/* Another table would do; the pointers differ from the people's. */
	if ((s = snap_list_slot(w, l, n))->ptr != NULL)
		return s->at + 1;
	xgrow((void **)&w->srefs, &w->cap_srefs, w->n_srefs + n,
	    sizeof *w->srefs);
	for (i = 0; i < n; i++)
		w->srefs[w->n_srefs + i] = (uintptr_t)snap_str(w, l[i]);
	s->ptr = l;
	s->at = w->n_srefs;
	w->n_srefs += n;
	return s->at + 1;
}

static void
snap_record(struct snap_w *w, struct record *o, const struct record *r)
{
	memset(o, 0, sizeof *o);
	o->port_lo = r->port_lo;
	o->port_hi = r->port_hi;
	o->proto = r->proto;
	o->kind = r->kind;
	o->n_assignees = r->n_assignees;
	o->n_contacts = r->n_contacts;
	o->n_refs = r->n_refs;
	o->line = r->line;
	snap_put_str(w, &o->service, snap_str(w, r->service));
	snap_put_str(w, &o->description, snap_str(w, r->description));
	snap_put_list(&o->assignees, snap_prefs(w, r->assignees,
	    r->n_assignees), w->at_prefs, sizeof *r->assignees);
	snap_put_list(&o->contacts, snap_prefs(w, r->contacts, r->n_contacts),
	    w->at_prefs, sizeof *r->contacts);
	snap_put_str(w, &o->registered, snap_str(w, r->registered));
	snap_put_str(w, &o->modified, snap_str(w, r->modified));
	snap_put_list(&o->refs, snap_srefs(w, r->refs, r->n_refs),
	    w->at_srefs, sizeof *r->refs);
	/* The references' targets share the pool; their NULLs stay. */
	snap_put_list(&o->ref_targets, snap_srefs(w, r->ref_targets,
	    r->ref_targets != NULL ? r->n_refs : 0), w->at_srefs,
	    sizeof *r->ref_targets);
	snap_put_str(w, &o->service_code, snap_str(w, r->service_code));
	snap_put_str(w, &o->unauthorized, snap_str(w, r->unauthorized));
	snap_put_str(w, &o->notes, snap_str(w, r->notes));
}

static void
snap_person(struct snap_w *w, struct person *o, const struct person *p)
{
	memset(o, 0, sizeof *o);
	o->name_is_display = p->name_is_display;
	o->n_records = p->n_records;
	o->line = p->line;
	snap_put_str(w, &o->id, snap_str(w, p->id));
	snap_put_str(w, &o->name, snap_str(w, p->name));
	snap_put_str(w, &o->org, snap_str(w, p->org));
	snap_put_str(w, &o->email, snap_str(w, p->email));
	snap_put_str(w, &o->uri, snap_str(w, p->uri));
	snap_put_str(w, &o->updated, snap_str(w, p->updated));
}

static size_t
snap_align(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* The records, people and warnings, encoded (see snap_w's at_). */
static void
snap_encode(struct snap_w *w, const struct registry *reg,
    struct record *recs, struct person *people, struct warning *warns)
{
	size_t	 i;

	for (i = 0; i < reg->n_records; i++)
		snap_record(w, &recs[i], &reg->records[i]);
	for (i = 0; i < reg->n_people; i++)
		snap_person(w, &people[i], &reg->people[i]);
	for (i = 0; i < reg->n_warnings; i++) {
		memset(&warns[i], 0, sizeof warns[i]);
		warns[i].line = reg->warnings[i].line;
		snap_put_str(w, &warns[i].text,
		    snap_str(w, reg->warnings[i].text));
	}
}

void *
registry_snapshot_image(const struct registry *reg,
    const unsigned char *key, uint64_t base, size_t *lenp)
{
	struct snap_w		 w;
	struct snap_header	 h;
	struct record		*recs;
	struct person		*people;
	struct warning		*warns;
	unsigned char		*img;
	size_t			 i, at, size[SEC_COUNT], n_str, n_prefs;
	size_t			 n_srefs;
	const void		*src[SEC_COUNT];
	uint64_t		 s_format, s_updated, s_title;

	*lenp = 0;
	if (reg->format == NULL || base % 4096 != 0)
		return NULL;
	memset(&w, 0, sizeof w);
	memset(&h, 0, sizeof h);
	memcpy(h.magic, snapshot_magic, sizeof h.magic);
	h.version = SNAPSHOT_VERSION;
	h.header_size = sizeof h;
	memcpy(h.key, key, SNAPSHOT_KEY_SIZE);
	h.base = base;
	snapshot_layout(h.layout);

	/* Pass 1: every text and list into its pool. */
	recs = xcalloc(reg->n_records + 1, sizeof *recs);
	people = xcalloc(reg->n_people + 1, sizeof *people);
	warns = xcalloc(reg->n_warnings + 1, sizeof *warns);
	snap_encode(&w, reg, recs, people, warns);
	s_format = snap_str(&w, reg->format);
	s_updated = snap_str(&w, reg->updated);
	s_title = snap_str(&w, reg->title);

	h.n_records = reg->n_records;
	h.n_people = reg->n_people;
	h.n_gaps = reg->n_gaps;
	h.n_warnings = reg->n_warnings;
	h.n_by_port = reg->n_by_port;
	h.n_by_name = reg->n_by_name;
	h.n_person_records = reg->n_people != 0 ?
	    reg->person_first[reg->n_people] : 0;
	h.cover_lo = reg->cover_lo;
	h.cover_hi = reg->cover_hi;
	h.cover_given = reg->cover_given;
	h.max_span = reg->max_span;

	src[SEC_RECORDS] = recs;
	size[SEC_RECORDS] = reg->n_records * sizeof *recs;
	src[SEC_PEOPLE] = people;
	size[SEC_PEOPLE] = reg->n_people * sizeof *people;
	src[SEC_GAPS] = reg->gaps;
	size[SEC_GAPS] = reg->n_gaps * sizeof *reg->gaps;
	src[SEC_WARNINGS] = warns;
	size[SEC_WARNINGS] = reg->n_warnings * sizeof *warns;
	src[SEC_PREFS] = w.prefs;
	size[SEC_PREFS] = w.n_prefs * sizeof *w.prefs;
	src[SEC_SREFS] = w.srefs;
	size[SEC_SREFS] = w.n_srefs * sizeof *w.srefs;
	src[SEC_BY_PORT] = reg->by_port;
	size[SEC_BY_PORT] = reg->n_by_port * sizeof(uint32_t);
	src[SEC_BY_NAME] = reg->by_name;
	size[SEC_BY_NAME] = reg->by_name == NULL ? 0 :
	    (reg->n_records + reg->n_by_name) * sizeof(uint32_t);
	src[SEC_PEOPLE_BY_ID] = reg->people_by_id;
	size[SEC_PEOPLE_BY_ID] = reg->people_by_id == NULL ? 0 :
	    registry_people_slots(reg) * sizeof(uint32_t);
	src[SEC_PERSON_FIRST] = reg->person_first;
	size[SEC_PERSON_FIRST] = reg->person_first == NULL ? 0 :
	    (reg->n_people + 1) * sizeof(uint32_t);
	src[SEC_PERSON_RECORDS] = reg->person_records;
	size[SEC_PERSON_RECORDS] = h.n_person_records * sizeof(uint32_t);
	src[SEC_STRINGS] = w.str;
	size[SEC_STRINGS] = w.n_str;

	at = sizeof h;
	for (i = 0; i < SEC_COUNT; i++) {
		h.sec[i].off = at;
		h.sec[i].size = size[i];
		at = snap_align(at + size[i]);
	}
	h.length = at;

	/* Pass 2: the addresses, now that the pools have theirs.  Nothing
	   new goes into a pool. */
	w.at_str = base + h.sec[SEC_STRINGS].off;
	w.at_prefs = base + h.sec[SEC_PREFS].off;
	w.at_srefs = base + h.sec[SEC_SREFS].off;
	for (i = 0; i < w.n_prefs; i++)
		snap_put_str(&w, &w.prefs[i].id, snap_get(&w.prefs[i].id));
	for (i = 0; i < w.n_srefs; i++)
		snap_put_str(&w, &w.srefs[i], w.srefs[i]);
	n_str = w.n_str;
	n_prefs = w.n_prefs;
	n_srefs = w.n_srefs;
	snap_encode(&w, reg, recs, people, warns);
	h.format = w.at_str + s_format - 1;
	h.updated = s_updated == 0 ? 0 : w.at_str + s_updated - 1;
	h.title = s_title == 0 ? 0 : w.at_str + s_title - 1;

	img = NULL;
	if (n_str == w.n_str && n_prefs == w.n_prefs && n_srefs == w.n_srefs)
		img = xcalloc(1, at);
	for (i = 0; img != NULL && i < SEC_COUNT; i++) {
		if (size[i] != 0)
			memcpy(img + h.sec[i].off, src[i], size[i]);
	}
	if (img != NULL) {
		memcpy(img, &h, sizeof h);
		h.checksum = registry_snapshot_sum(img, at);
		memcpy(img + SNAPSHOT_OFF_CHECKSUM, &h.checksum,
		    sizeof h.checksum);
		*lenp = at;
	}
	free(recs);
	free(people);
	free(warns);
	free(w.str);
	free(w.stab);
	free(w.prefs);
	free(w.srefs);
	free(w.ltab);
	return img;
}

