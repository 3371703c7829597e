/*
 * pattern.c - regular-expression search over registry records (PCRE2).
 *
 * The haystack is one contiguous buffer holding the searchable text of
 * every record, laid out field by field: a section per field kind (all
 * records' service names, then all descriptions, ...), and a last
 * section with the people table (name, organization, e-mail of each
 * person).  Inside a section every record (or person) is one slice
 * ended by '\n'; a field with several items (two references, a person's
 * name and e-mail) has them on separate lines too, so that ^ and $
 * (the pattern is compiled multi-line) anchor at each field or item.
 * Line breaks inside the registry's own text become spaces.
 *
 * A scan runs one JIT search over many slices at once (a chunk of a
 * section, ~32 KB), maps the match offset back to its slice by searching
 * the slice starts, and resumes at the next slice not yet matched.  A
 * match that runs across a slice's end is checked against that slice
 * alone.  Patterns that could answer differently on one slice than on
 * many (\A \z \Z \G \K, lookaround, verbs, atomic groups, possessive
 * quantifiers) are matched one slice at a time instead, so that both
 * ways give the same answer; a test checks that on the real registry.
 *
 * A person's text is searched once, not once for every record naming
 * them: a match there selects every record naming that person.
 */
#include "config.h"

#include <sys/types.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "field.h"
#include "pattern.h"
#include "registry.h"
#include "xmalloc.h"

/* The sections of the haystack, in the order an unprefixed scan reads
   them: the ones most likely to match first. */
enum field {
	FIELD_NAME = 0,
	FIELD_DESC,
	FIELD_PROTO,
	FIELD_PORT,
	FIELD_WHO,		/* person ids as the record writes them */
	FIELD_REF,
	FIELD_NOTE,		/* notes, unauthorized use */
	FIELD_DATE,		/* registered, modified */
	FIELD_OTHER,		/* service code: only unprefixed */
	FIELD_COUNT
};

/* Prefixes, indexed by enum field (FIELD_OTHER has none). */
static const char *pattern_prefixes[] = {
	"name", "desc", "proto", "port", "who", "ref", "note", "date"
};

/*
 * Limits.  PCRE2 applies the match limit to each start position, so a
 * runaway pattern costs about one limit's worth of work per record
 * before it is given up there: with JIT, 10-60 us at 10000 on the real
 * registry (the interpreter counts the same units, ~10 times slower).
 * 10000 lets every sensible pattern through on the real registry
 * ((.*a){12} needs more than 2000), and stops (\w+\s?)*$ on a
 * description after about 20 us.  A scan stops altogether once
 * PATTERN_RUNAWAY slices have hit a limit (bounding a runaway pattern
 * over a huge registry), and once it has run for PATTERN_BUDGET_MS (a
 * guard against patterns that stay just under the limit everywhere).
 */
#define PATTERN_MATCH_LIMIT	  10000
#define PATTERN_DEPTH_LIMIT	  10000
#define PATTERN_HEAP_LIMIT	  (16 * 1024)		/* KiB */
#define PATTERN_JIT_STACK_MIN	  (32 * 1024)
#define PATTERN_JIT_STACK_MAX	  (1024 * 1024)
#define PATTERN_RUNAWAY		  1000
#define PATTERN_BUDGET_MS	  1000
/* Bytes of slices given to one search call. */
#define PATTERN_CHUNK		  (32 * 1024)
/* The haystack's offsets are 32-bit: text past this is left out. */
#define HAYSTACK_MAX		  (UINT32_MAX - 1024)
#define HAYSTACK_PAD		  64

/* A run of slices: slice i is buf[at[i] .. at[i + 1] - 1), then '\n'. */
struct hsec {
	uint32_t	*at;		/* n + 1 offsets into the buffer */
	size_t		 n;
};

struct haystack {
	const struct registry	*reg;
	char			*buf;
	size_t			 len;
	size_t			 n_records;
	struct hsec		 sec[FIELD_COUNT];
	struct hsec		 people;
	void			*block;	/* the offsets, and buf if inside */
	int			 own_buf; /* buf outgrew the block */
};

struct pattern {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mctx;
	int			 field;		/* enum field or -1: all */
	int			 jit;
	int			 per_slice;	/* never search across slices */
	unsigned		 budget_ms;
};

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
    enum field f)
{
	switch (f) {
	case FIELD_PROTO:
		return r->proto == prev->proto;
	case FIELD_PORT:
		return r->port_lo == prev->port_lo &&
		    r->port_hi == prev->port_hi;
	case FIELD_WHO:
		return r->assignees == prev->assignees &&
		    r->n_assignees == prev->n_assignees &&
		    r->contacts == prev->contacts &&
		    r->n_contacts == prev->n_contacts;
	case FIELD_REF:
		return r->refs == prev->refs && r->n_refs == prev->n_refs;
	default:
		return 0;
	}
}

/* Section f: a slice per record, at[i] where record i's starts. */
static void
haystack_section(struct hbuild *b, const struct registry *reg, enum field f,
    uint32_t *at)
{
	const struct record	*r, *prev = NULL;
	const char		*pname[PROTO_COUNT];
	size_t			 plen[PROTO_COUNT], i, n = reg->n_records, len;
	char			 port[FIELD_PORT_SIZE];
	uint32_t		 j;
	int			 k;

	switch (f) {
	case FIELD_NAME:
		haystack_texts(b, reg, offsetof(struct record, service), 0,
		    at);
		return;
	case FIELD_DESC:
		haystack_texts(b, reg, offsetof(struct record, description),
		    0, at);
		return;
	case FIELD_NOTE:
		haystack_texts(b, reg, offsetof(struct record, notes),
		    offsetof(struct record, unauthorized), at);
		return;
	case FIELD_DATE:
		haystack_texts(b, reg, offsetof(struct record, registered),
		    offsetof(struct record, modified), at);
		return;
	case FIELD_OTHER:
		haystack_texts(b, reg, offsetof(struct record, service_code),
		    0, at);
		return;
	case FIELD_PROTO:
		haystack_protos(b, reg, at);
		return;
	case FIELD_PORT:
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
		case FIELD_PROTO:
			if (r->proto > PROTO_NONE && r->proto < PROTO_COUNT)
				haystack_item(b, pname[r->proto],
				    plen[r->proto]);
			break;
		case FIELD_PORT:
			if (r->port_lo >= 0)
				haystack_item(b, port, field_port_format(port,
				    r->port_lo, r->port_hi));
			break;
		case FIELD_WHO:
			haystack_who(b, r);
			break;
		case FIELD_REF:
			for (j = 0; j < r->n_refs; j++)
				haystack_str(b, r->refs[j]);
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
	offsets = FIELD_COUNT * (h->n_records + 1) + h->people.n + 1;
	if (offsets > SIZE_MAX / 8 / sizeof *at)
		xmalloc(SIZE_MAX);	/* reports and exits */
	offsets = (offsets * sizeof *at + 63) & ~(size_t)63;
	guess = 80 * h->n_records + 40 * h->people.n + 1 + HAYSTACK_PAD;
	bytes = offsets + guess;
	h->block = xbig(&bytes);	/* huge pages: 0.45 ms of faults less */
	at = h->block;
	for (f = 0; f < FIELD_COUNT; f++) {
		h->sec[f].n = h->n_records;
		h->sec[f].at = at;
		at += h->n_records + 1;
	}
	h->people.at = at;

	memset(&b, 0, sizeof b);
	slices = FIELD_COUNT * h->n_records + h->people.n;
	b.max = slices < HAYSTACK_MAX ? HAYSTACK_MAX - slices : 0;
	b.buf = (char *)h->block + offsets;
	b.cap = bytes - offsets;

	if (reg != NULL)
		for (f = 0; f < FIELD_COUNT; f++)
			haystack_section(&b, reg, (enum field)f, h->sec[f].at);
	else
		for (f = 0; f < FIELD_COUNT; f++)
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
	free(h->block);
	free(h);
}

/* --- Compiling --------------------------------------------------------- */

/* An uppercase letter, for smart case: ASCII, Latin-1, Latin Extended-A,
   Greek and Cyrillic capitals (no locale involved). */
static int
pattern_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return 1;
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14a && c <= 0x177)
		return (c & 1) == 0;
	if (c == 0x178)
		return 1;
	if (c >= 0x179 && c <= 0x17e)
		return (c & 1) == 1;
	if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2)
		return 1;
	if (c >= 0x400 && c <= 0x42f)
		return 1;
	return 0;
}

/* Decode one UTF-8 sequence at s[*i] (advancing *i past it, less one, as
   the caller's loop adds one); invalid bytes decode as themselves. */
static uint32_t
pattern_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char	*u = (const unsigned char *)s + *i;
	size_t			 left = len - *i, n, k;
	uint32_t		 c = u[0];

	if (c < 0x80)
		return c;
	if (c >= 0xc2 && c <= 0xdf)
		n = 1, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 2, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 3, c &= 0x07;
	else
		return c;
	if (n >= left)
		return u[0];
	for (k = 1; k <= n; k++) {
		if ((u[k] & 0xc0) != 0x80)
			return u[0];
		c = (c << 6) | (u[k] & 0x3f);
	}
	*i += n;
	return c;
}

/* Index of the first close at or after i, or len. */
static size_t
pattern_skip_to(const char *re, size_t len, size_t i, char close)
{
	while (i < len && re[i] != close)
		i++;
	return i;
}

/* A start-of-pattern setting that means the same on one record or many:
   (*UCP) and friends, not the newline conventions or verbs. */
static int
pattern_start_option(const char *name, size_t n)
{
	static const char	*ok[] = {
		"UTF", "UCP", "NO_JIT", "NO_START_OPT", "NO_AUTO_POSSESS",
		"NO_DOTSTAR_ANCHOR", "NOTEMPTY", "NOTEMPTY_ATSTART", NULL
	};
	static const char	*limits[] = {
		"LIMIT_MATCH=", "LIMIT_DEPTH=", "LIMIT_HEAP=",
		"LIMIT_RECURSION=", NULL
	};
	size_t			 i, k;

	for (i = 0; ok[i] != NULL; i++) {
		if (strlen(ok[i]) == n && memcmp(name, ok[i], n) == 0)
			return 1;
	}
	for (i = 0; limits[i] != NULL; i++) {
		k = strlen(limits[i]);
		if (n > k && memcmp(name, limits[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Read the regex for smart case and for the scan: *upper is set when it
 * has an uppercase letter other than in an escape (\S \W \p{Lu} ...), a
 * group name, a verb or an option letter; *per_slice when it holds
 * something that may answer differently on one slice than on many
 * (\A \z \Z \G \K, lookaround, backtracking verbs, atomic groups and
 * possessive quantifiers, which may not give back a line break they
 * took).
 */
static void
pattern_read(const char *re, size_t len, int *upper, int *per_slice)
{
	size_t		 i, j, lead = 0;
	char		 c;
	uint32_t	 cp;

	*upper = *per_slice = 0;
	for (i = 0; i < len; i++) {
		c = re[i];
		if (c == '\\') {
			if (++i >= len)
				break;
			c = re[i];
			switch (c) {
			case 'Q':
				for (i++; i < len; i++) {
					if (re[i] == '\\' && i + 1 < len &&
					    re[i + 1] == 'E') {
						i++;
						break;
					}
					cp = pattern_decode(re, len, &i);
					if (pattern_upper(cp))
						*upper = 1;
				}
				break;
			case 'A': case 'z': case 'Z': case 'G': case 'K':
				*per_slice = 1;
				break;
			case 'p': case 'P': case 'x': case 'o': case 'N':
			case 'g': case 'k':
				if (i + 1 >= len)
					break;
				if (re[i + 1] == '{')
					i = pattern_skip_to(re, len, i, '}');
				else if (re[i + 1] == '<')
					i = pattern_skip_to(re, len, i, '>');
				else if (re[i + 1] == '\'' && (c == 'g' ||
				    c == 'k'))
					i = pattern_skip_to(re, len, i + 2,
					    '\'');
				else if (c == 'p' || c == 'P')
					i++;	/* \pL */
				break;
			case 'c':
				i++;		/* \cX: a control character */
				break;
			default:
				if ((unsigned char)c >= 0x80)
					(void)pattern_decode(re, len, &i);
				break;
			}
			continue;
		}
		if (c == '(' && i + 1 < len && re[i + 1] == '*') {
			j = pattern_skip_to(re, len, i, ')');
			if (i == lead && pattern_start_option(re + i + 2,
			    j - i - 2))
				lead = j + 1;
			else
				*per_slice = 1;
			i = j;
			continue;
		}
		if (c == '(' && i + 2 < len && re[i + 1] == '?') {
			j = i + 2;
			c = re[j];
			if (c == '=' || c == '!' || c == '>')
				*per_slice = 1;
			else if (c == '<' && j + 1 < len &&
			    (re[j + 1] == '=' || re[j + 1] == '!'))
				*per_slice = 1;
			else if (c == '<')
				i = pattern_skip_to(re, len, j, '>');
			else if (c == '\'')
				i = pattern_skip_to(re, len, j + 1, '\'');
			else if (c == 'P' || c == '&' || c == '#' ||
			    c == 'C' || c == 'R' || c == '+' || c == '-' ||
			    (c >= '0' && c <= '9'))
				i = pattern_skip_to(re, len, j, ')');
			else if (c == '(') {
				/* Condition: (?(name)...), unless an
				   assertion (?(?=...)...) that is read on. */
				if (j + 1 < len && re[j + 1] != '?')
					i = pattern_skip_to(re, len, j, ')');
			} else {
				/* Option letters: (?i) (?-i) (?J:...) */
				while (j < len && (re[j] == '^' ||
				    re[j] == '-' ||
				    (re[j] >= 'a' && re[j] <= 'z') ||
				    (re[j] >= 'A' && re[j] <= 'Z')))
					j++;
				i = j - 1;
			}
			continue;
		}
		/* A possessive quantifier (or a '+' in a class: harmless). */
		if ((c == '*' || c == '+' || c == '?' || c == '}') &&
		    i + 1 < len && re[i + 1] == '+')
			*per_slice = 1;
		cp = pattern_decode(re, len, &i);
		if (pattern_upper(cp))
			*upper = 1;
	}
}

/*
 * Does re (perhaps) call a group: (?R) (?1) (?+1) (?-1) (?&name)
 * (?P>name) \g<name> \g'name'?  PCRE2's JIT has no recursion-loop check
 * and its cost grows with the square of the depth: (|(?1))n took 130 ms
 * a call to reach the match limit (found by fuzzing the browser), where
 * the interpreter stops at once with "recursive loop".  Such patterns
 * are interpreted.  A false alarm (inside a class, after \Q) costs only
 * speed.
 */
static int
pattern_recurses(const char *re)
{
	const char	*s;

	for (s = re; (s = strpbrk(s, "(\\")) != NULL; s++) {
		if (*s == '\\') {
			if (s[1] == 'g' && (s[2] == '<' || s[2] == '\''))
				return 1;
			if (s[1] != '\0')
				s++;
			continue;
		}
		if (s[1] != '?')
			continue;
		if (s[2] == 'R' || s[2] == '&' || (s[2] >= '0' && s[2] <= '9') ||
		    ((s[2] == '+' || s[2] == '-') && s[3] >= '0' && s[3] <= '9') ||
		    (s[2] == 'P' && s[3] == '>'))
			return 1;
	}
	return 0;
}

/*
 * The JIT's stack, one for the process: patterns run one at a time, and
 * a stack made and unmade with each pattern cost an mmap and an munmap
 * per keystroke of search-as-you-type.  Made on first use, kept.
 */
static pcre2_jit_stack *
pattern_jit_stack(void)
{
	static pcre2_jit_stack	*stack;

	if (stack == NULL)
		stack = pcre2_jit_stack_create(PATTERN_JIT_STACK_MIN,
		    PATTERN_JIT_STACK_MAX, NULL);
	return stack;
}

struct pattern *
pattern_new(const char *expr, char **err)
{
	struct pattern		*p;
	pcre2_compile_context	*cctx;
	pcre2_jit_stack		*stack;
	PCRE2_UCHAR		 msg[256];
	PCRE2_SIZE		 erroff;
	const char		*re = expr;
	size_t			 n, skip = 0, jitsize;
	uint32_t		 opts;
	int			 field = -1, f, upper, per_slice, errcode;

	*err = NULL;
	if (expr == NULL)
		expr = re = "";
	for (f = 0; f < FIELD_OTHER; f++) {
		n = strlen(pattern_prefixes[f]);
		if (strncmp(expr, pattern_prefixes[f], n) == 0 &&
		    expr[n] == ':') {
			field = f;
			skip = n + 1;
			break;
		}
	}
	re = expr + skip;
	if (*re == '\0') {
		*err = xstrdup("empty pattern");
		return NULL;
	}
	pattern_read(re, strlen(re), &upper, &per_slice);

	opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE |
	    PCRE2_NEVER_BACKSLASH_C;
	if (!upper)
		opts |= PCRE2_CASELESS;
	cctx = pcre2_compile_context_create(NULL);
	if (cctx != NULL)
		pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);

	p = xcalloc(1, sizeof *p);
	p->field = field;
	p->per_slice = per_slice;
	p->budget_ms = PATTERN_BUDGET_MS;
	p->code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts,
	    &errcode, &erroff, cctx);
	pcre2_compile_context_free(cctx);
	if (p->code == NULL) {
		if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "error %d", errcode);
		*err = xasprintf("%s at offset %zu", (char *)msg,
		    (size_t)erroff + skip);
		free(p);
		return NULL;
	}

	p->mctx = pcre2_match_context_create(NULL);
	p->md = pcre2_match_data_create_from_pattern(p->code, NULL);
	if (p->mctx == NULL || p->md == NULL) {
		pattern_free(p);
		*err = xstrdup("out of memory compiling the pattern");
		return NULL;
	}
	pcre2_set_depth_limit(p->mctx, PATTERN_DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, PATTERN_HEAP_LIMIT);
	pcre2_set_match_limit(p->mctx, PATTERN_MATCH_LIMIT);
	/* Without JIT (unsupported here, or (*NO_JIT)) PCRE2 interprets:
	   slower, same answers, same limits. */
	if (!pattern_recurses(re) &&
	    pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0 &&
	    pcre2_pattern_info(p->code, PCRE2_INFO_JITSIZE, &jitsize) == 0 &&
	    jitsize != 0) {
		if ((stack = pattern_jit_stack()) != NULL)
			pcre2_jit_stack_assign(p->mctx, NULL, stack);
		p->jit = 1;
	}
	return p;
}

void
pattern_free(struct pattern *p)
{
	if (p == NULL)
		return;
	pcre2_match_data_free(p->md);
	pcre2_match_context_free(p->mctx);
	pcre2_code_free(p->code);
	free(p);
}

const char *
pattern_field(const struct pattern *p)
{
	if (p == NULL || p->field < 0)
		return NULL;
	return pattern_prefixes[p->field];
}

int
pattern_jit(const struct pattern *p)
{
	return p != NULL && p->jit;
}

void
pattern_set_budget(struct pattern *p, unsigned ms)
{
	if (p != NULL)
		p->budget_ms = ms;
}

/* --- Matching ---------------------------------------------------------- */

/* One search of s[start..len): PATTERN_MATCH (offsets in p->md),
   PATTERN_NOMATCH or PATTERN_LIMIT. */
static int
pattern_exec(struct pattern *p, const char *s, size_t len, size_t start)
{
	int	 rc;

	/* pcre2_jit_match skips pcre2_match's checks: a tenth of the
	   cost of a call when most records match. */
	if (p->jit)
		rc = pcre2_jit_match(p->code, (PCRE2_SPTR)s, len, start, 0,
		    p->md, p->mctx);
	else
		rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, start, 0, p->md,
		    p->mctx);
	if (rc >= 0)
		return PATTERN_MATCH;
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
	case PCRE2_ERROR_DEPTHLIMIT:
	case PCRE2_ERROR_HEAPLIMIT:
	case PCRE2_ERROR_JIT_STACKLIMIT:
	case PCRE2_ERROR_NOMEMORY:
	case PCRE2_ERROR_RECURSELOOP:	/* a group calls itself forever */
		return PATTERN_LIMIT;
	default:
		return PATTERN_NOMATCH;
	}
}

/* Search slice i of a section on its own. */
static int
pattern_slice(struct pattern *p, const struct haystack *h,
    const struct hsec *sec, size_t i)
{
	uint32_t	 a = sec->at[i];

	return pattern_exec(p, h->buf + a, sec->at[i + 1] - 1 - a, 0);
}

/* Combine two results: a match wins over a limit, a limit over none. */
static int
pattern_or(int a, int b)
{
	if (a == PATTERN_MATCH || b == PATTERN_MATCH)
		return PATTERN_MATCH;
	if (a == PATTERN_LIMIT || b == PATTERN_LIMIT)
		return PATTERN_LIMIT;
	return PATTERN_NOMATCH;
}

int
pattern_match(struct pattern *p, const struct haystack *h, size_t rec)
{
	const struct record	*r;
	const struct person_ref	*l;
	uint32_t		 n, j;
	int			 f, k, rc = PATTERN_NOMATCH;

	if (p == NULL || h == NULL || rec >= h->n_records)
		return PATTERN_NOMATCH;
	for (f = 0; f < FIELD_COUNT; f++) {
		if (p->field >= 0 && p->field != f)
			continue;
		rc = pattern_or(rc, pattern_slice(p, h, &h->sec[f], rec));
		if (rc == PATTERN_MATCH)
			return rc;
	}
	if (p->field >= 0 && p->field != FIELD_WHO)
		return rc;
	r = &h->reg->records[rec];
	for (k = 0; k < 2; k++) {
		l = k ? r->contacts : r->assignees;
		n = k ? r->n_contacts : r->n_assignees;
		for (j = 0; j < n; j++) {
			if (l[j].person < 0 ||
			    (size_t)l[j].person >= h->people.n)
				continue;
			rc = pattern_or(rc, pattern_slice(p, h, &h->people,
			    (size_t)l[j].person));
			if (rc == PATTERN_MATCH)
				return rc;
		}
	}
	return rc;
}

/* --- Scanning ---------------------------------------------------------- */

enum {
	MARK_NONE = 0,
	MARK_MATCH,
	MARK_LIMIT,
};

struct scan {
	struct pattern		*p;
	const struct haystack	*h;
	unsigned char		*mark;		/* per record */
	size_t			 limited;	/* slices that hit a limit */
	int			 stop;		/* runaway or out of time */
	struct timespec		 t0;
	unsigned		 calls;
};

static void
scan_check_time(struct scan *s)
{
	struct timespec	 t;
	long		 ms;

	if (s->p->budget_ms == 0 || (++s->calls & 15) != 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	ms = (t.tv_sec - s->t0.tv_sec) * 1000 +
	    (t.tv_nsec - s->t0.tv_nsec) / 1000000;
	if (ms >= (long)s->p->budget_ms)
		s->stop = 1;
}

static void
scan_mark(struct scan *s, size_t rec, int rc)
{
	if (rc == PATTERN_MATCH)
		s->mark[rec] = MARK_MATCH;
	else if (rc == PATTERN_LIMIT && s->mark[rec] == MARK_NONE)
		s->mark[rec] = MARK_LIMIT;
}

/* The outcome for slice i of the section: a record, or a person whose
   records all take it. */
static void
scan_settle(struct scan *s, int people, size_t i, int rc)
{
	const uint32_t	*recs;
	size_t		 n, j;

	if (rc == PATTERN_LIMIT && ++s->limited >= PATTERN_RUNAWAY)
		s->stop = 1;
	if (rc == PATTERN_NOMATCH)
		return;
	if (!people) {
		scan_mark(s, i, rc);
		return;
	}
	recs = registry_person_records(s->h->reg, (uint32_t)i, &n);
	for (j = 0; j < n; j++) {
		if (recs[j] < s->h->n_records)
			scan_mark(s, recs[j], rc);
	}
}

/* Whether every record naming person i has matched already. */
static int
scan_person_done(const struct scan *s, size_t i)
{
	const uint32_t	*recs;
	size_t		 n, j;

	recs = registry_person_records(s->h->reg, (uint32_t)i, &n);
	for (j = 0; j < n; j++) {
		if (recs[j] < s->h->n_records && s->mark[recs[j]] != MARK_MATCH)
			return 0;
	}
	return 1;
}

/* The next slice from i on still worth searching: a record not matched
   yet, or a person with a record not matched yet. */
static size_t
scan_next(const struct scan *s, const struct hsec *sec, int people,
    size_t i)
{
	if (people) {
		while (i < sec->n && scan_person_done(s, i))
			i++;
	} else {
		while (i < sec->n && s->mark[i] == MARK_MATCH)
			i++;
	}
	return i;
}

/* The slice holding offset off (absolute), searching in [lo, hi]. */
static size_t
scan_find(const struct hsec *sec, size_t lo, size_t hi, size_t off)
{
	size_t	 mid;

	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (sec->at[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The slice holding offset off, at or after slice i: galloping from i
   then halving, so that the search stays near i (mostly the answer is i
   or i + 1; the offsets of a huge registry do not fit in the cache). */
static size_t
scan_find_from(const struct hsec *sec, size_t i, size_t off)
{
	size_t	 step = 1, hi = i;

	while (hi < sec->n - 1 && sec->at[hi] <= off) {
		i = hi;
		hi = sec->n - 1 - hi > step ? hi + step : sec->n - 1;
		step *= 2;
	}
	if (sec->at[hi] <= off)
		return hi;
	return scan_find(sec, i, hi - 1, off);
}

/*
 * Search one section.  Slices go to PCRE2 a chunk at a time; where that
 * could give a different answer from searching each slice alone, they
 * go one at a time: always for a pattern marked per_slice, up to the end
 * of a chunk that hit a limit (which slice did is unknown), and over the
 * slices a match ran across (a greedy \s+ can run through many records;
 * searching them again from each start would be quadratic).
 */
static void
scan_section(struct scan *s, const struct hsec *sec, int people)
{
	struct pattern	*p = s->p;
	const char	*buf = s->h->buf;
	PCRE2_SIZE	*ov;
	size_t		 i, j = 0, r, base, end, mstart, mend, solo_end;
	int		 rc;

	solo_end = p->per_slice ? sec->n : 0;
	i = scan_next(s, sec, people, 0);
	if (i < sec->n)
		j = scan_find_from(sec, i, sec->at[i] + PATTERN_CHUNK);
	while (i < sec->n && !s->stop) {
		scan_check_time(s);
		if (i < solo_end) {
			scan_settle(s, people, i, pattern_slice(p, s->h, sec,
			    i));
			i = scan_next(s, sec, people, i + 1);
			continue;
		}

		/* A chunk of whole slices [i, j], searched at once; the
		   same j until the search has passed it. */
		base = sec->at[i];
		if (i > j)
			j = scan_find_from(sec, i, base + PATTERN_CHUNK);
		end = sec->at[j + 1] - 1;
		rc = pattern_exec(p, buf + base, end - base, 0);
		if (rc == PATTERN_NOMATCH) {
			i = scan_next(s, sec, people, j + 1);
			continue;
		}
		if (rc == PATTERN_LIMIT) {
			solo_end = j + 1;
			continue;
		}
		ov = pcre2_get_ovector_pointer(p->md);
		mstart = base + ov[0];
		mend = base + ov[1];
		r = scan_find_from(sec, i, mstart);
		if (mend > sec->at[r + 1] - 1) {
			/* Ran on into the next slices: each decides alone. */
			solo_end = scan_find_from(sec, r, mend) + 1;
			i = scan_next(s, sec, people, r);
			continue;
		}
		scan_settle(s, people, r, PATTERN_MATCH);
		i = scan_next(s, sec, people, r + 1);
	}
}

size_t
pattern_scan(struct pattern *p, const struct haystack *h, uint32_t *out,
    size_t cap, int *limited)
{
	struct scan	 s;
	size_t		 i, n = 0;
	int		 f, any_limit = 0;

	if (limited != NULL)
		*limited = 0;
	if (p == NULL || h == NULL || h->n_records == 0)
		return 0;

	memset(&s, 0, sizeof s);
	s.p = p;
	s.h = h;
	s.mark = xcalloc(h->n_records, 1);
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	for (f = 0; f < FIELD_COUNT && !s.stop; f++) {
		if (p->field < 0 || p->field == f)
			scan_section(&s, &h->sec[f], 0);
	}
	/* People last, when most records that match have: a person is
	   searched only for the records still open. */
	if ((p->field < 0 || p->field == FIELD_WHO) && !s.stop)
		scan_section(&s, &h->people, 1);

	for (i = 0; i < h->n_records; i++) {
		if (s.mark[i] == MARK_MATCH) {
			if (n < cap && out != NULL)
				out[n] = (uint32_t)i;
			n++;
		} else if (s.mark[i] == MARK_LIMIT)
			any_limit = 1;
	}
	if (limited != NULL && (any_limit || s.stop))
		*limited = 1;
	free(s.mark);
	return n;
}

int
pattern_span(struct pattern *p, const char *text, size_t len, size_t start,
    size_t *mstart, size_t *mend)
{
	PCRE2_SIZE	*ov;
	int		 rc;

	if (p == NULL || text == NULL || start > len)
		return 0;
	rc = pattern_exec(p, text, len, start);
	if (rc != PATTERN_MATCH)
		return rc;
	ov = pcre2_get_ovector_pointer(p->md);
	*mstart = ov[0];
	*mend = ov[1];
	return 1;
}
