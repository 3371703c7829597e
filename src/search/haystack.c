/*
 * haystack.c - the searchable text of a registry (haystack.h), built
 * once per registry for pattern.c to scan.
 *
 * One contiguous buffer holds the text of every record, laid out field
 * by field: a section per field kind (all records' service names, then
 * all descriptions, ...), and a last section with the people table
 * (name, organization, e-mail of each person).  Inside a section every
 * record (or person) is one slice ended by '\n'; a field with several
 * items (two references, a person's name and e-mail) has them on
 * separate lines too, so that ^ and $ anchor at each field or item.
 * Line breaks inside the registry's own text become spaces.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "haystack.h"
#include "registry.h"
#include "xmalloc.h"

/* --- The haystack ------------------------------------------------------ */

/*
 * Builder state.  max leaves room for the line ending every slice, so
 * that text past it is dropped but the structure never is.  The buffer
 * always has HAYSTACK_PAD bytes to spare beyond what is asked for.
 */
struct hbuild {
	char		*buf;
	size_t		 len;
	size_t		 cap;
	size_t		 max;
	int		 items;		/* items already in this slice */
	int		 own_buf;	/* buf is not in the block */
};

static void
haystack_grow(struct hbuild *b, size_t n)
{
	char	*p;

	if (!b->own_buf) {
		/* Outgrew the block: a buffer of its own from now on. */
		p = xmalloc(b->cap);
		memcpy(p, b->buf, b->len);
		b->buf = p;
		b->own_buf = 1;
	}
	xgrow((void **)&b->buf, &b->cap, b->len + n + 1 + HAYSTACK_PAD, 1);
}

/* Where the next n bytes go. */
static inline char *
haystack_room(struct hbuild *b, size_t n)
{
	if (b->cap - b->len < n + 1 + HAYSTACK_PAD)
		haystack_grow(b, n);
	return b->buf + b->len;
}

/* End the current slice. */
static inline void
haystack_end(struct hbuild *b)
{
	*haystack_room(b, 1) = '\n';
	b->len++;
	b->items = 0;
}

#define HAYSTACK_ONES	0x0101010101010101ULL
#define HAYSTACK_HIGHS	0x8080808080808080ULL

/* Whether the 8 bytes of v hold a LF or a CR. */
static inline int
haystack_breaks(uint64_t v)
{
	uint64_t	 x = v ^ (HAYSTACK_ONES * '\n');
	uint64_t	 y = v ^ (HAYSTACK_ONES * '\r');

	return ((((x - HAYSTACK_ONES) & ~x) | ((y - HAYSTACK_ONES) & ~y)) &
	    HAYSTACK_HIGHS) != 0;
}

static void
haystack_copy_bytes(char *t, const char *s, size_t n)
{
	size_t	 i;
	char	 c;

	for (i = 0; i < n; i++) {
		c = s[i];
		t[i] = c == '\n' || c == '\r' ? ' ' : c;
	}
}

/* Copy s[0..n) to t, line breaks (LF, CR) as spaces.  Eight bytes at a
   time, the last eight overlapping the ones before: the registry's
   strings are short, and a call of memcpy and two of memchr per item
   cost more than the copy. */
static inline void
haystack_copy(char *t, const char *s, size_t n)
{
	uint64_t	 v;
	size_t		 i;

	if (n < 8) {
		haystack_copy_bytes(t, s, n);
		return;
	}
	for (i = 0;; i += 8) {
		if (i + 8 > n)
			i = n - 8;
		memcpy(&v, s + i, 8);
		if (haystack_breaks(v))
			haystack_copy_bytes(t + i, s + i, 8);
		else
			memcpy(t + i, &v, 8);
		if (i + 8 == n)
			return;
	}
}

/* One item of the current slice, a line of its own; its own line breaks
   become spaces. */
static inline void
haystack_item(struct hbuild *b, const char *s, size_t n)
{
	char	*t;

	if (n == 0 || b->len + n + 1 > b->max)
		return;
	t = haystack_room(b, n + 1);
	if (b->items++ != 0) {
		*t++ = '\n';
		b->len++;
	}
	haystack_copy(t, s, n);
	b->len += n;
}

static inline void
haystack_str(struct hbuild *b, const char *s)
{
	if (s != NULL)
		haystack_item(b, s, strlen(s));
}

static int
haystack_listed(const struct person_ref *l, uint32_t n, const char *id)
{
	uint32_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(l[i].id, id) == 0)
			return 1;
	}
	return 0;
}

/* The person ids of a record: assignees, then contacts not among them. */
static void
haystack_who(struct hbuild *b, const struct record *r)
{
	uint32_t	 i;

	for (i = 0; i < r->n_assignees; i++)
		haystack_str(b, r->assignees[i].id);
	/* A loader may give the contacts the assignees' own list. */
	if (r->contacts == r->assignees && r->n_contacts <= r->n_assignees)
		return;
	for (i = 0; i < r->n_contacts; i++) {
		if (!haystack_listed(r->assignees, r->n_assignees,
		    r->contacts[i].id))
			haystack_str(b, r->contacts[i].id);
	}
}

/* The string at byte offset off of record r (off: offsetof). */
#define HAYSTACK_FIELD(r, off) \
	(*(const char *const *)(const void *)((const char *)(r) + (off)))

/*
 * Append a copy of the slice [from, from + len) of the buffer (a slice
 * before the end), 16 bytes at a time: a slice is short, and the bytes
 * copied past its end are inside the room asked for and overwritten by
 * what comes next (the last slice's, by the padding).
 */
static inline void
haystack_again(struct hbuild *b, size_t from, size_t len)
{
	char	*t = haystack_room(b, len + 16), v[16];
	size_t	 k;

	for (k = 0; k < len; k += 16) {
		memcpy(v, b->buf + from + k, 16);
		memcpy(t + k, v, 16);
	}
	b->len += len;
}

/*
 * A section of one or two strings a record (off2 == 0: one): slices
 * are copied from the record before when its strings are the same
 * pointers, as loaders share repeated fields (the CSV loader does for
 * about half of them).  The copy is made only when all of it fits below
 * max, as its items did.
 */
static void
haystack_texts(struct hbuild *b, const struct registry *reg, size_t off1,
    size_t off2, uint32_t *at)
{
	const struct record	*r;
	const char		*s1, *s2 = NULL, *p1 = NULL, *p2 = NULL;
	size_t			 i, n = reg->n_records, len, n1, n2;
	char			*t;

	for (i = 0; i < n; i++, p1 = s1, p2 = s2) {
		r = &reg->records[i];
		at[i] = (uint32_t)b->len;
		s1 = HAYSTACK_FIELD(r, off1);
		if (off2 != 0)
			s2 = HAYSTACK_FIELD(r, off2);
		if (s1 == NULL && s2 == NULL) {
			haystack_end(b);
			continue;
		}
		if (i != 0 && s1 == p1 && s2 == p2) {
			len = at[i] - at[i - 1];
			if (b->len + len <= b->max) {
				haystack_again(b, at[i - 1], len);
				continue;
			}
		}
		n1 = s1 != NULL ? strlen(s1) : 0;
		n2 = s2 != NULL ? strlen(s2) : 0;
		if (b->len + n1 + n2 + 2 > b->max) {
			/* Near the end of the haystack's room: item by item. */
			haystack_str(b, s1);
			haystack_str(b, s2);
			haystack_end(b);
			continue;
		}
		t = haystack_room(b, n1 + n2 + 2);
		haystack_copy(t, s1, n1);
		t += n1;
		if (n1 != 0 && n2 != 0)
			*t++ = '\n';
		haystack_copy(t, s2, n2);
		t += n2;
		*t++ = '\n';
		b->len = t - b->buf;
	}
	at[n] = (uint32_t)b->len;
}

/* The protocol section: "tcp" and so on, written 8 bytes at a time. */
static void
haystack_protos(struct hbuild *b, const struct registry *reg, uint32_t *at)
{
	char		 text[PROTO_COUNT][8];
	size_t		 tlen[PROTO_COUNT], i, n = reg->n_records, m;
	enum proto	 p;
	int		 k;

	for (k = 0; k < PROTO_COUNT; k++) {
		memset(text[k], 0, sizeof text[k]);
		tlen[k] = strlen(proto_name((enum proto)k));
		if (tlen[k] > sizeof text[k] - 1)
			tlen[k] = 0;	/* never: the names are short */
		memcpy(text[k], proto_name((enum proto)k), tlen[k]);
		text[k][tlen[k]] = '\n';
	}
	for (i = 0; i < n; i++) {
		p = reg->records[i].proto;
		k = p > PROTO_NONE && p < PROTO_COUNT ? (int)p : 0;
		at[i] = (uint32_t)b->len;
		m = tlen[k];
		if (b->len + m + 1 > b->max)
			k = 0;		/* the text is dropped, as an item is */
		memcpy(haystack_room(b, sizeof text[k]), text[k],
		    sizeof text[k]);
		b->len += tlen[k] + 1;
	}
	at[n] = (uint32_t)b->len;
}

/* The port section: "80", "6000-6063", or nothing; the port of the
   record before copied when the same. */
static void
haystack_ports(struct hbuild *b, const struct registry *reg, uint32_t *at)
{
	const struct record	*r, *prev = NULL;
	size_t			 i, n = reg->n_records, m;
	char			*t;

	for (i = 0; i < n; i++, prev = r) {
		r = &reg->records[i];
		at[i] = (uint32_t)b->len;
		if (r->port_lo < 0) {
			haystack_end(b);
			continue;
		}
		if (prev != NULL && r->port_lo == prev->port_lo &&
		    r->port_hi == prev->port_hi &&
		    b->len + (at[i] - at[i - 1]) <= b->max) {
			haystack_again(b, at[i - 1], at[i] - at[i - 1]);
			continue;
		}
		t = haystack_room(b, 32);
		m = field_port_format(t, r->port_lo, r->port_hi);
		if (b->len + m + 1 > b->max)
			m = 0;		/* dropped, as an item is */
		t[m] = '\n';
		b->len += m + 1;
	}
	at[n] = (uint32_t)b->len;
}

/*
 * Whether field f of record r is the same as the record before's, by
 * the pointers (or values), as for haystack_texts.
 */
static int
haystack_same(const struct record *r, const struct record *prev,
    enum hay_field f)
{
	switch (f) {
	case HAY_PROTO:
		return r->proto == prev->proto;
	case HAY_PORT:
		return r->port_lo == prev->port_lo &&
		    r->port_hi == prev->port_hi;
	case HAY_WHO:
		return r->assignees == prev->assignees &&
		    r->n_assignees == prev->n_assignees &&
		    r->contacts == prev->contacts &&
		    r->n_contacts == prev->n_contacts;
	case HAY_REF:
		return r->refs == prev->refs && r->n_refs == prev->n_refs;
	default:
		return 0;
	}
}

/* Section f: a slice per record, at[i] where record i's starts. */
static void
haystack_section(struct hbuild *b, const struct registry *reg, enum hay_field f,
    uint32_t *at)
{
	const struct record	*r, *prev = NULL;
	const char		*pname[PROTO_COUNT];
	size_t			 plen[PROTO_COUNT], i, n = reg->n_records, len;
	char			 port[FIELD_PORT_SIZE], gap[32];
	uint32_t		 j;
	int			 k;

	switch (f) {
	case HAY_NAME:
		haystack_texts(b, reg, offsetof(struct record, service), 0,
		    at);
		return;
	case HAY_DESC:
		haystack_texts(b, reg, offsetof(struct record, description),
		    0, at);
		return;
	case HAY_NOTE:
		haystack_texts(b, reg, offsetof(struct record, notes),
		    offsetof(struct record, unauthorized), at);
		return;
	case HAY_DATE:
		haystack_texts(b, reg, offsetof(struct record, registered),
		    offsetof(struct record, modified), at);
		return;
	case HAY_PROTO:
		haystack_protos(b, reg, at);
		return;
	case HAY_PORT:
		haystack_ports(b, reg, at);
		return;
	default:
		break;
	}

	for (k = 0; k < PROTO_COUNT; k++) {
		pname[k] = proto_name((enum proto)k);
		plen[k] = strlen(pname[k]);
	}
	for (i = 0; i < n; i++, prev = r) {
		r = &reg->records[i];
		at[i] = (uint32_t)b->len;
		if (prev != NULL && haystack_same(r, prev, f)) {
			len = at[i] - at[i - 1];
			if (b->len + len <= b->max) {
				haystack_again(b, at[i - 1], len);
				continue;
			}
		}
		switch (f) {
		case HAY_PROTO:
			if (r->proto > PROTO_NONE && r->proto < PROTO_COUNT)
				haystack_item(b, pname[r->proto],
				    plen[r->proto]);
			break;
		case HAY_PORT:
			if (r->port_lo >= 0)
				haystack_item(b, port, field_port_format(port,
				    r->port_lo, r->port_hi));
			break;
		case HAY_WHO:
			haystack_who(b, r);
			break;
		case HAY_REF:
			for (j = 0; j < r->n_refs; j++)
				haystack_str(b, r->refs[j]);
			break;
		case HAY_OTHER:
			/* The service code, and a gap's size as the list
			   shows it: "(30 ports)". */
			if (r->service_code != NULL)
				haystack_str(b, r->service_code);
			if (r->kind == KIND_UNASSIGNED && r->port_lo >= 0 &&
			    r->port_hi > r->port_lo)
				haystack_item(b, gap, (size_t)snprintf(gap,
				    sizeof gap, "(%d ports)",
				    (int)(r->port_hi - r->port_lo + 1)));
			break;
		default:
			break;
		}
		haystack_end(b);
	}
	at[n] = (uint32_t)b->len;
}

struct haystack *
haystack_new(const struct registry *reg)
{
	struct haystack		*h = xcalloc(1, sizeof *h);
	const struct person	*p;
	struct hbuild		 b;
	uint32_t		*at;
	size_t			 i, slices, offsets, guess, bytes;
	int			 f;

	h->reg = reg;
	if (reg != NULL) {
		h->n_records = reg->n_records;
		h->people.n = reg->n_people;
	}

	/* One block: the offsets of every section, then the text.  A
	   first guess of the text from the real registry: ~70 bytes a
	   record, ~30 a person. */
	offsets = HAY_COUNT * (h->n_records + 1) + h->people.n + 1;
	if (offsets > SIZE_MAX / 8 / sizeof *at)
		xmalloc(SIZE_MAX);	/* reports and exits */
	offsets = (offsets * sizeof *at + 63) & ~(size_t)63;
	guess = 80 * h->n_records + 40 * h->people.n + 1 + HAYSTACK_PAD;
	bytes = offsets + guess;
	h->block = xbig(&bytes);	/* huge pages: 0.45 ms of faults less */
	at = h->block;
	for (f = 0; f < HAY_COUNT; f++) {
		h->sec[f].n = h->n_records;
		h->sec[f].at = at;
		at += h->n_records + 1;
	}
	h->people.at = at;

	memset(&b, 0, sizeof b);
	slices = HAY_COUNT * h->n_records + h->people.n;
	b.max = slices < HAYSTACK_MAX ? HAYSTACK_MAX - slices : 0;
	b.buf = (char *)h->block + offsets;
	b.cap = bytes - offsets;

	if (reg != NULL)
		for (f = 0; f < HAY_COUNT; f++)
			haystack_section(&b, reg, (enum hay_field)f, h->sec[f].at);
	else
		for (f = 0; f < HAY_COUNT; f++)
			h->sec[f].at[0] = 0;
	for (i = 0; i < h->people.n; i++) {
		p = &reg->people[i];
		h->people.at[i] = (uint32_t)b.len;
		haystack_str(&b, p->name);
		haystack_str(&b, p->org);
		haystack_str(&b, p->email);
		haystack_end(&b);
	}
	h->people.at[h->people.n] = (uint32_t)b.len;

	/* JIT's SIMD searches read whole aligned 16-byte blocks, a few
	   bytes past the end: harmless, but padding keeps valgrind quiet.
	   (Every write left HAYSTACK_PAD + 1 bytes of room.) */
	h->own_buf = b.own_buf;
	h->buf = b.buf;
	if (b.own_buf)
		h->buf = xreallocarray(b.buf, b.len + 1 + HAYSTACK_PAD, 1);
	memset(h->buf + b.len, 0, 1 + HAYSTACK_PAD);
	h->len = b.len;
	return h;
}

void
haystack_free(struct haystack *h)
{
	if (h == NULL)
		return;
	if (h->own_buf)
		free(h->buf);
	free(h->rows);
	free(h->row_at);
	free(h->row_mask);
	free(h->who_at);
	free(h->who);
	free(h->block);
	free(h);
}
