/*
 * load-csv.c - read IANA's service-names-port-numbers.csv (RFC 4180).
 *
 * One pass over the buffer.  Each row is first cut into fields that point
 * straight into the buffer; only a quoted field holding "" (an escaped
 * quote), a CR LF line end, or text after its closing quote is rewritten,
 * into one scratch buffer reused for every row.  The record's strings are
 * then copied, trimmed, into the registry arena: no other allocation per
 * field.  Lines without quotes (nine in ten) are split with memchr; a
 * field equal to the previous record's shares its copy (see
 * load_csv_text).  The input must be NUL-terminated at buf[len], as
 * load.h promises: the NUL is the sentinel of the unquoted-field scan.
 *
 * The format: a header row naming the 12 columns (in any order: columns
 * are mapped by name, case-insensitively), then one row per record.
 * Quoted fields may hold commas, "" and line breaks; LF and CR LF line
 * ends are both read, and CR LF inside a quoted field becomes LF (so a
 * file converted to CR LF loads identically); a UTF-8 byte order mark
 * before the header is skipped.  A quote may follow blanks at the start
 * of a field (the blanks are trimmed anyway).  A quote inside an
 * unquoted field is kept as text.
 *
 * What is fatal (returns -1, *err = "FILE:LINE[:COL]: expected ..."):
 *  - a header that lacks one of the 12 columns, or names one twice, or
 *    has more than CSV_MAX_FIELDS columns, or holds a NUL byte;
 *  - a quote never closed (the line and column where that field began);
 *  - more than CSV_MAX_WARNINGS warnings: the input is then not IANA's
 *    CSV, and giving up keeps memory bounded on garbage.
 *
 * What is a warning (registry_warn, naming the row's first line), and
 * what becomes of the row:
 *  - a header column of another name: ignored.
 *  - a short row: padded with empty fields, record kept (writers that
 *    drop trailing empty fields produce these, and a truncated last row
 *    keeps what it has).
 *  - a long row whose extra fields are all empty (a trailing comma):
 *    record kept; with any non-empty extra field the columns evidently
 *    slipped, so the row is skipped rather than misfiled.
 *  - a row holding a NUL byte, or whose fields are all empty: skipped.
 *    A line with nothing on it is skipped silently.
 *  - text after a closing quote ("ab"cd): kept, appended to the field.
 *  - a port that is not N or LO-HI within 0-65535, or a reversed range:
 *    the port is dropped (port_lo = port_hi = -1), the record kept, so
 *    its other fields stay searchable; nothing is invented.
 *  - an unknown protocol: the record is kept with PROTO_NONE.
 *  - an Assignee or Contact that is not a people list ([A][B]): the
 *    whole trimmed text is kept as one person id (it will not resolve),
 *    so nothing is lost and nothing invented.
 *  - a date that is not YYYY-MM-DD or YYYY-MM: kept as written.
 *
 * The CSV carries no "Last Updated" date and no people table:
 * reg->updated stays NULL and every person reference dangles until
 * something else supplies the people.
 */

#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load.h"
#include "registry.h"
#include "xmalloc.h"

#define CSV_MAX_FIELDS		64	/* header columns we accept */
#define CSV_MAX_WARNINGS	1000	/* beyond this, not IANA's CSV */

enum load_csv_col {
	CSV_SERVICE = 0,
	CSV_PORT,
	CSV_PROTO,
	CSV_DESCRIPTION,
	CSV_ASSIGNEE,
	CSV_CONTACT,
	CSV_REGISTERED,
	CSV_MODIFIED,
	CSV_REFERENCE,
	CSV_SERVICE_CODE,
	CSV_UNAUTHORIZED,
	CSV_NOTES,
	CSV_NCOLS,
	CSV_IGNORED = -1
};

/* The columns copied as text, in load_csv_texts' order. */
static const int load_csv_text_cols[] = {
	CSV_SERVICE, CSV_DESCRIPTION, CSV_REGISTERED, CSV_MODIFIED,
	CSV_SERVICE_CODE, CSV_UNAUTHORIZED, CSV_NOTES,
};
#define CSV_NTEXTS \
	(sizeof load_csv_text_cols / sizeof load_csv_text_cols[0])

static const char *const load_csv_names[CSV_NCOLS] = {
	"Service Name",
	"Port Number",
	"Transport Protocol",
	"Description",
	"Assignee",
	"Contact",
	"Registration Date",
	"Modification Date",
	"Reference",
	"Service Code",
	"Unauthorized Use Reported",
	"Assignment Notes",
};

#define CSV_HEADER \
	"Service Name,Port Number,Transport Protocol,Description,Assignee," \
	"Contact,Registration Date,Modification Date,Reference,Service Code," \
	"Unauthorized Use Reported,Assignment Notes"

/* A field of the current row: s (in the input) or off (in scratch). */
struct load_csv_field {
	const char	*s;
	size_t		 off;
	size_t		 len;
	int		 in_scratch;
};

/* A field of the previous record, to share its parse when repeated. */
struct load_csv_prev {
	const char	*s;		/* in the input */
	size_t		 len;
	int		 ok;		/* s is set and parsed cleanly */
};

struct load_csv {
	struct registry		*reg;
	size_t			 records;	/* added by this loader */
	struct load_csv_prev	 prev[3];	/* assignee, contact, refs */
	const char		*p;		/* next byte to read */
	const char		*end;
	const char		*line_start;	/* of the current line */
	uint32_t		 line;		/* current physical line */
	size_t			 warnings;	/* issued by this loader */

	struct buf		 scratch;	/* rewritten fields, per row */

	/* The current row. */
	uint32_t		 row_line;
	size_t			 n_fields;	/* may exceed CSV_MAX_FIELDS */
	struct load_csv_field	 fields[CSV_MAX_FIELDS];
	int			 has_nul;
	int			 trailing;	/* text after a closing quote */
	int			 extra_text;	/* non-empty beyond the header */

	/* Header: which column each field is (CSV_IGNORED: none). */
	size_t			 n_cols;
	int			 map[CSV_MAX_FIELDS];
	int			 in_order;	/* map is 0, 1, ... CSV_NCOLS-1 */

	/* Lengths of the previous record's texts (load_csv_texts). */
	size_t			 prev_len[CSV_NTEXTS];
	/* This row's Assignee (trimmed), when it gave a people list. */
	const char		*assignee_text;
	size_t			 assignee_len;
	int			 assignee_list;
};

static void	load_csv_warn(struct load_csv *, uint32_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
load_csv_warn(struct load_csv *lc, uint32_t line, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	lc->warnings++;
	if (lc->warnings > CSV_MAX_WARNINGS)
		return;		/* load_csv gives up after this row */
	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	registry_warn(lc->reg, line, "%s", s);
	free(s);
}

/* Blanks may stand around a quoted field. */
static int
load_csv_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Account for the bytes [s, e) of a quoted field: count line breaks and
 * note NUL and CR.  Returns 1 when the field must be rewritten (a CR
 * LF to turn into LF).
 */
static int
load_csv_span(struct load_csv *lc, const char *s, const char *e)
{
	const char	*q;
	int		 rewrite = 0;

	for (q = s; (q = memchr(q, '\n', e - q)) != NULL; q++) {
		lc->line++;
		lc->line_start = q + 1;
		if (q > s && q[-1] == '\r')
			rewrite = 1;
	}
	if (memchr(s, '\0', e - s) != NULL)
		lc->has_nul = 1;
	return rewrite;
}

/* Append quoted content [s, e) to scratch: "" becomes ", CR LF LF. */
static void
load_csv_unescape(struct buf *b, const char *s, const char *e)
{
	const char	*run = s;

	while (s < e) {
		if (*s == '"' && s + 1 < e && s[1] == '"') {
			buf_add(b, run, s + 1 - run);
			s += 2;
			run = s;
		} else if (*s == '\r' && s + 1 < e && s[1] == '\n') {
			buf_add(b, run, s - run);
			s++;
			run = s;
		} else
			s++;
	}
	buf_add(b, run, e - run);
}

/* Bytes that stop an unquoted field, or need a look: , LF NUL. */
static const unsigned char load_csv_stop[256] = {
	['\0'] = 1, ['\n'] = 1, [','] = 1,
};

/*
 * Read an unquoted field, from lc->p to the next comma or line end.  The
 * input is NUL-terminated at end (load.h), so the NUL in load_csv_stop
 * doubles as the sentinel of the inner loop.
 */
static void
load_csv_unquoted(struct load_csv *lc, struct load_csv_field *f)
{
	const char	*s = lc->p, *p = lc->p, *end = lc->end;

	for (;;) {
		while (!load_csv_stop[(unsigned char)*p])
			p++;
		if (*p == '\0' && p < end) {
			lc->has_nul = 1;
			p++;
			continue;
		}
		break;
	}
	f->s = s;
	f->len = p - s;
	f->in_scratch = 0;
	if (p < end && *p == '\n' && f->len > 0 && s[f->len - 1] == '\r')
		f->len--;
	lc->p = p;
}

/*
 * Read a quoted field whose opening quote is at q.  Leaves lc->p at the
 * comma or line end after it.  Returns -1 (with *err) when the quote is
 * never closed.
 */
static int
load_csv_quoted(struct load_csv *lc, struct load_csv_field *f,
    const char *q, char **err)
{
	const char	*start = q + 1, *p = start, *close, *t, *end = lc->end;
	uint32_t	 open_line = lc->line;
	unsigned	 open_col = (unsigned)(q - lc->line_start) + 1;
	int		 rewrite = 0;

	for (;;) {
		close = memchr(p, '"', end - p);
		if (close == NULL) {
			*err = load_error(lc->reg->source, open_line, open_col,
			    "expected closing quote of the field that "
			    "starts here, found the end of the file");
			return -1;
		}
		rewrite |= load_csv_span(lc, p, close);
		if (close + 1 < end && close[1] == '"') {
			rewrite = 1;
			p = close + 2;
			continue;
		}
		break;
	}
	p = close + 1;

	/* After the closing quote: blanks, then a comma or line end. */
	t = p;
	while (t < end && load_csv_is_blank(*t))
		t++;
	if (t < end && *t == '\r' && (t + 1 == end || t[1] == '\n'))
		t++;
	if (t == end || *t == ',' || *t == '\n') {
		lc->p = t;
		if (!rewrite) {
			f->s = start;
			f->len = close - start;
			f->in_scratch = 0;
			return 0;
		}
		f->in_scratch = 1;
		f->off = lc->scratch.len;
		load_csv_unescape(&lc->scratch, start, close);
		f->len = lc->scratch.len - f->off;
		return 0;
	}

	/* Text after the closing quote: keep it, as written. */
	lc->trailing = 1;
	f->in_scratch = 1;
	f->off = lc->scratch.len;
	load_csv_unescape(&lc->scratch, start, close);
	lc->p = p;
	load_csv_unquoted(lc, f);	/* sets f->s, f->len of the tail */
	buf_add(&lc->scratch, f->s, f->len);
	f->in_scratch = 1;
	f->len = lc->scratch.len - f->off;
	return 0;
}

/*
 * A block of 64 input bytes, as two masks (bit i for p[i]): *commas,
 * and *other for the bytes that end a line or need a look (LF " NUL).
 * SSE2 (every x86-64) compares 16 at once; elsewhere a table does, a
 * byte at a time.  p[0..63] must be readable.
 */
#if defined(__SSE2__)
#include <emmintrin.h>

static inline void
load_csv_block(const char *p, uint64_t *commas, uint64_t *other)
{
	__m128i		 v, m;
	uint64_t	 c = 0, o = 0;
	int		 i;

	for (i = 0; i < 64; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		c |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(','))) << i;
		m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
		    _mm_cmpeq_epi8(v, _mm_setzero_si128())));
		o |= (uint64_t)(uint32_t)_mm_movemask_epi8(m) << i;
	}
	*commas = c;
	*other = o;
}
#else
/* 1: a comma, 2: LF " NUL. */
static const unsigned char load_csv_special[256] = {
	['\0'] = 2, ['\n'] = 2, [','] = 1, ['"'] = 2,
};

static inline void
load_csv_block(const char *p, uint64_t *commas, uint64_t *other)
{
	uint64_t	 c = 0, o = 0, k;
	int		 i;

	for (i = 0; i < 64; i++) {
		k = load_csv_special[(unsigned char)p[i]];
		c |= (k & 1) << i;
		o |= (k >> 1) << i;
	}
	*commas = c;
	*other = o;
}
#endif

/* The lowest set bit's index; mask is not 0. */
static inline int
load_csv_ctz(uint64_t mask)
{
#if defined(__GNUC__)
	return __builtin_ctzll(mask);
#else
	int	 i = 0;

	while ((mask & 1) == 0) {
		mask >>= 1;
		i++;
	}
	return i;
#endif
}

/*
 * The fast path, for a line without quotes or NUL bytes (nine rows in
 * ten): one pass over the line 64 bytes at a time, a field ending at
 * each comma (a memchr per field cost more than the fields, which are
 * short).  The last block before the end of the input is read from a
 * copy, padded with NULs (the NUL at end is the end of the input).
 * Returns 0 when the line needs load_csv_row's general path, having
 * changed nothing.
 */
static int
load_csv_line(struct load_csv *lc)
{
	const char		*p = lc->p, *end = lc->end, *base, *at;
	const char		*start = p;
	struct load_csv_field	*f = NULL, *fields = lc->fields;
	size_t			 n = 0, cols;
	uint64_t		 commas, other;
	char			 tail[64];
	int			 extra = 0;

	/* Fields past the header's columns must be empty (extra_text). */
	cols = lc->n_cols != 0 ? lc->n_cols : CSV_MAX_FIELDS;
	for (base = p;; base += 64) {
		if (end - base >= 64)
			load_csv_block(base, &commas, &other);
		else {
			memset(tail, 0, sizeof tail);
			memcpy(tail, base, end - base);
			load_csv_block(tail, &commas, &other);
		}
		/* The commas before the first other byte end fields. */
		if (other != 0)
			commas &= (other & -other) - 1;
		while (commas != 0) {
			at = base + load_csv_ctz(commas);
			commas &= commas - 1;
			if (n == CSV_MAX_FIELDS)
				return 0;
			f = &fields[n++];
			f->s = start;
			f->len = at - start;
			f->in_scratch = 0;
			if (n > cols && !extra)
				extra = !field_is_empty(f->s, f->len);
			start = at + 1;
		}
		if (other == 0)
			continue;
		at = base + load_csv_ctz(other);
		if (*at == '"' || (*at == '\0' && at < end) ||
		    n == CSV_MAX_FIELDS)
			return 0;
		/* A line end, or the end of the input (its NUL). */
		f = &fields[n++];
		f->s = start;
		f->len = at - start;
		f->in_scratch = 0;
		if (n > cols && !extra)
			extra = !field_is_empty(f->s, f->len);
		lc->n_fields = n;
		lc->extra_text = extra;
		if (at < end) {
			if (f->len > 0 && f->s[f->len - 1] == '\r')
				f->len--;
			lc->p = at + 1;
			lc->line++;
			lc->line_start = lc->p;
		} else
			lc->p = end;
		return 1;
	}
}

/*
 * Read one row into lc->fields.  Returns 1 for a row, 0 at the end of the
 * input, -1 on a fatal error.
 */
static int
load_csv_row(struct load_csv *lc, char **err)
{
	struct load_csv_field	 spare, *f;
	const char		*q;
	size_t			 i;

	if (lc->p >= lc->end)
		return 0;
	buf_clear(&lc->scratch);
	lc->row_line = lc->line;
	lc->n_fields = 0;
	lc->has_nul = lc->trailing = lc->extra_text = 0;
	if (load_csv_line(lc))
		return 1;

	for (;;) {
		f = lc->n_fields < CSV_MAX_FIELDS ?
		    &lc->fields[lc->n_fields] : &spare;
		q = lc->p;
		while (q < lc->end && load_csv_is_blank(*q))
			q++;
		if (q < lc->end && *q == '"') {
			if (load_csv_quoted(lc, f, q, err) != 0)
				return -1;
		} else
			load_csv_unquoted(lc, f);
		if (lc->n_cols != 0 && lc->n_fields >= lc->n_cols &&
		    !lc->extra_text) {
			if (f->in_scratch)
				lc->extra_text = !field_is_empty(
				    lc->scratch.data + f->off, f->len);
			else
				lc->extra_text = !field_is_empty(f->s, f->len);
		}
		lc->n_fields++;

		if (lc->p >= lc->end)
			break;
		if (*lc->p == ',') {
			lc->p++;
			continue;
		}
		/* A line end. */
		lc->p++;
		lc->line++;
		lc->line_start = lc->p;
		break;
	}

	/* Scratch may have moved while growing: point into it now. */
	for (i = 0; i < lc->n_fields && i < CSV_MAX_FIELDS; i++) {
		if (lc->fields[i].in_scratch)
			lc->fields[i].s = lc->scratch.data + lc->fields[i].off;
	}
	return 1;
}

/* Read and check the header row; fill lc->map and lc->n_cols. */
static int
load_csv_header(struct load_csv *lc, char **err)
{
	const char	*src = lc->reg->source;
	const char	*s, *first = lc->p;
	size_t		 i, len, first_len;
	char		 q[FIELD_QUOTE_SIZE];
	int		 col, seen[CSV_NCOLS] = { 0 };

	for (first_len = 0; first + first_len < lc->end; first_len++) {
		if (first[first_len] == '\n' || first[first_len] == '\r')
			break;
	}
	switch (load_csv_row(lc, err)) {
	case -1:
		return -1;
	case 0:
		*err = load_error(src, 1, 0, "expected the CSV header \"%s\", "
		    "found an empty file", CSV_HEADER);
		return -1;
	}
	if (lc->has_nul) {
		*err = load_error(src, 1, 0, "expected the CSV header \"%s\", "
		    "found a NUL byte", CSV_HEADER);
		return -1;
	}
	if (lc->n_fields > CSV_MAX_FIELDS) {
		*err = load_error(src, 1, 0, "expected the CSV header \"%s\", "
		    "found %zu columns", CSV_HEADER, lc->n_fields);
		return -1;
	}

	for (i = 0; i < lc->n_fields; i++) {
		s = lc->fields[i].s;
		len = lc->fields[i].len;
		field_trim(&s, &len);
		lc->map[i] = CSV_IGNORED;
		for (col = 0; col < CSV_NCOLS; col++) {
			if (strlen(load_csv_names[col]) == len &&
			    strncasecmp(load_csv_names[col], s, len) == 0)
				break;
		}
		if (col == CSV_NCOLS) {
			load_csv_warn(lc, 1, "unknown CSV column %zu \"%s\" "
			    "is ignored", i + 1, field_quote(q, s, len));
			continue;
		}
		if (seen[col]) {
			*err = load_error(src, 1, 0, "expected each column "
			    "once in the CSV header, found \"%s\" twice",
			    load_csv_names[col]);
			return -1;
		}
		seen[col] = 1;
		lc->map[i] = col;
	}
	for (col = 0; col < CSV_NCOLS; col++) {
		if (!seen[col]) {
			*err = load_error(src, 1, 0, "expected the CSV header "
			    "\"%s\", found \"%s\" (no column \"%s\")",
			    CSV_HEADER, field_quote(q, first, first_len),
			    load_csv_names[col]);
			return -1;
		}
	}
	lc->n_cols = lc->n_fields;
	lc->in_order = lc->n_cols == CSV_NCOLS;
	for (i = 0; i < lc->n_cols && lc->in_order; i++)
		lc->in_order = lc->map[i] == (int)i;
	return 0;
}

/*
 * The record's text fields.  Consecutive rows often repeat a field (the
 * tcp and udp rows of one service): a field equal to the previous
 * record's shares its arena copy, which saves time and about a third of
 * the strings' memory.  Registry strings and arrays are read-only once
 * built, so sharing is safe.  The others are copied into one arena
 * allocation, packed (an allocation each cost a call, and rounding each
 * string up to the arena's alignment a quarter of the memory).
 * Sets t[k] to the trimmed text of load_csv_text_cols[k].
 */
static void
load_csv_texts(struct load_csv *lc, struct record *r,
    const struct record *prev, const struct load_csv_field *v,
    struct load_csv_field *t)
{
	const char	**dst[CSV_NTEXTS] = {
		&r->service, &r->description, &r->registered, &r->modified,
		&r->service_code, &r->unauthorized, &r->notes,
	};
	const char	*old[CSV_NTEXTS] = { NULL };
	char		*p;
	size_t		 k, need = 0, len;

	if (prev != NULL) {
		old[0] = prev->service;
		old[1] = prev->description;
		old[2] = prev->registered;
		old[3] = prev->modified;
		old[4] = prev->service_code;
		old[5] = prev->unauthorized;
		old[6] = prev->notes;
	}
	for (k = 0; k < CSV_NTEXTS; k++) {
		t[k].s = v[load_csv_text_cols[k]].s;
		t[k].len = v[load_csv_text_cols[k]].len;
		field_trim(&t[k].s, &t[k].len);
		len = t[k].len;
		t[k].in_scratch = 0;		/* 1: to copy */
		if (len == 0)
			continue;
		if (old[k] != NULL && lc->prev_len[k] == len &&
		    memcmp(old[k], t[k].s, len) == 0) {
			*dst[k] = old[k];
			continue;
		}
		t[k].in_scratch = 1;
		need += len + 1;
	}
	p = need != 0 ? registry_alloc(lc->reg, need) : NULL;
	for (k = 0; k < CSV_NTEXTS; k++) {
		len = t[k].len;
		lc->prev_len[k] = len;
		if (!t[k].in_scratch)
			continue;
		memcpy(p, t[k].s, len);
		p[len] = '\0';
		*dst[k] = p;
		p += len + 1;
	}
}

/* Is this the same text as the previous row's field p? */
static int
load_csv_same(const struct load_csv_prev *p, const char *s, size_t len)
{
	return p->ok && p->len == len && memcmp(p->s, s, len) == 0;
}

/*
 * An Assignee or Contact.  Returns 1 when the record now has a people
 * list there (parsed or shared), 0 when the field is empty or was kept
 * whole as one id.
 */
static int
load_csv_people(struct load_csv *lc, struct record *r,
    const struct record *prev, int role, const char *s, size_t len,
    int in_scratch)
{
	struct load_csv_prev	*last = &lc->prev[role == 'a' ? 0 : 1];
	uint32_t		*n = role == 'a' ? &r->n_assignees :
				    &r->n_contacts;
	struct person_ref	**list = role == 'a' ? &r->assignees :
				    &r->contacts;
	char			 q[FIELD_QUOTE_SIZE];
	uint32_t		 before = *n;

	if (len == 0) {
		last->ok = 0;
		return 0;
	}
	if (prev != NULL && load_csv_same(last, s, len)) {
		*list = role == 'a' ? prev->assignees : prev->contacts;
		*n = role == 'a' ? prev->n_assignees : prev->n_contacts;
		return 1;
	}
	/* Remember text that stays put (the input, not scratch). */
	last->s = s;
	last->len = len;
	last->ok = !in_scratch;
	/* The contact is most often the assignee: share the list then. */
	if (role == 'c' && lc->assignee_list && lc->assignee_len == len &&
	    memcmp(lc->assignee_text, s, len) == 0) {
		r->contacts = r->assignees;
		r->n_contacts = r->n_assignees;
		return 1;
	}
	if (load_people_list(lc->reg, r, role, s, len) == 0)
		return 1;
	/* Not a people list: drop any partial result, keep the text whole. */
	last->ok = 0;
	*n = before;
	if (role == 'a')
		registry_add_assignee(lc->reg, r, s, len);
	else
		registry_add_contact(lc->reg, r, s, len);
	load_csv_warn(lc, lc->row_line, "%s \"%s\" is not a people list "
	    "like [Id][Id]; kept as one id", role == 'a' ? "Assignee" :
	    "Contact", field_quote(q, s, len));
	return 0;
}

static void
load_csv_refs(struct load_csv *lc, struct record *r,
    const struct record *prev, const struct load_csv_field *f)
{
	struct load_csv_prev	*last = &lc->prev[2];
	const char		*s = f->s;
	size_t			 len = f->len;

	field_trim(&s, &len);
	if (len == 0) {
		last->ok = 0;
		return;
	}
	if (prev != NULL && load_csv_same(last, s, len)) {
		r->refs = prev->refs;
		r->n_refs = prev->n_refs;
		return;
	}
	last->s = s;
	last->len = len;
	last->ok = !f->in_scratch;
	load_refs(lc->reg, r, s, len);
}

static void
load_csv_date(struct load_csv *lc, const char *what, const char *date,
    size_t len)
{
	char	 q[FIELD_QUOTE_SIZE];

	if (len == 0 || field_is_date(date, len))
		return;
	load_csv_warn(lc, lc->row_line, "%s date \"%s\" is not YYYY-MM-DD",
	    what, field_quote(q, date, len));
}

/* Turn the current row into a record. */
static void
load_csv_record(struct load_csv *lc)
{
	static const struct load_csv_field	 none = { "", 0, 0, 0 };
	struct registry				*reg = lc->reg;
	struct record				*r;
	const struct record			*prev = NULL;
	const struct load_csv_field		*v;
	struct load_csv_field			 mapped[CSV_NCOLS];
	struct load_csv_field			 t[CSV_NTEXTS];
	const char				*s;
	char					 q[FIELD_QUOTE_SIZE];
	enum field_port_error			 perr;
	size_t					 i, len;
	int					 col, p;

	/* v[col]: the field of column col; IANA's order is the file's. */
	if (lc->in_order && lc->n_fields >= CSV_NCOLS)
		v = lc->fields;
	else {
		for (col = 0; col < CSV_NCOLS; col++)
			mapped[col] = none;
		for (i = 0; i < lc->n_fields && i < lc->n_cols; i++) {
			col = lc->map[i];
			if (col != CSV_IGNORED)
				mapped[col] = lc->fields[i];
		}
		v = mapped;
	}

	r = registry_add_record(reg);
	if (lc->records != 0)
		prev = &reg->records[reg->n_records - 2];
	lc->records++;
	r->line = lc->row_line;
	load_csv_texts(lc, r, prev, v, t);

	s = v[CSV_PORT].s;
	len = v[CSV_PORT].len;
	field_trim(&s, &len);
	if (len != 0 && (perr = field_port_parse(s, len, &r->port_lo,
	    &r->port_hi)) != FIELD_PORT_OK) {
		load_csv_warn(lc, lc->row_line, "port \"%s\" %s; the "
		    "record is kept without a port", field_quote(q, s, len),
		    field_port_why(perr));
	}

	s = v[CSV_PROTO].s;
	len = v[CSV_PROTO].len;
	field_trim(&s, &len);
	if (len != 0) {
		/* IANA writes them in lower case: skip field_proto_parse then. */
		if (len == 3 && memcmp(s, "tcp", 3) == 0)
			p = PROTO_TCP;
		else if (len == 3 && memcmp(s, "udp", 3) == 0)
			p = PROTO_UDP;
		else
			p = field_proto_parse(s, len);
		if (p < 0) {
			load_csv_warn(lc, lc->row_line, "unknown protocol "
			    "\"%s\"; the record is kept without one",
			    field_quote(q, s, len));
		} else
			r->proto = (enum proto)p;
	}

	s = v[CSV_ASSIGNEE].s;
	len = v[CSV_ASSIGNEE].len;
	field_trim(&s, &len);
	lc->assignee_text = s;
	lc->assignee_len = len;
	lc->assignee_list = load_csv_people(lc, r, prev, 'a', s, len,
	    v[CSV_ASSIGNEE].in_scratch);
	s = v[CSV_CONTACT].s;
	len = v[CSV_CONTACT].len;
	field_trim(&s, &len);
	load_csv_people(lc, r, prev, 'c', s, len, v[CSV_CONTACT].in_scratch);
	/* t[2], t[3]: Registration Date, Modification Date. */
	load_csv_date(lc, "registration", t[2].s, t[2].len);
	load_csv_date(lc, "modification", t[3].s, t[3].len);
	load_csv_refs(lc, r, prev, &v[CSV_REFERENCE]);
}

/* Decide what to do with the current row; 1 when it becomes a record. */
static int
load_csv_check_row(struct load_csv *lc)
{
	size_t	 i;
	int	 empty = 1;

	for (i = 0; i < lc->n_fields && i < CSV_MAX_FIELDS; i++) {
		if (!field_is_empty(lc->fields[i].s, lc->fields[i].len)) {
			empty = 0;
			break;
		}
	}
	if (empty && !lc->extra_text) {
		if (lc->n_fields > 1)
			load_csv_warn(lc, lc->row_line, "row of empty fields "
			    "skipped");
		return 0;	/* a blank line: nothing to say */
	}
	if (lc->has_nul) {
		load_csv_warn(lc, lc->row_line, "NUL byte in the row; row "
		    "skipped");
		return 0;
	}
	if (lc->n_fields > lc->n_cols && lc->extra_text) {
		load_csv_warn(lc, lc->row_line, "row has %zu fields, expected "
		    "%zu; row skipped (a comma outside quotes?)",
		    lc->n_fields, lc->n_cols);
		return 0;
	}
	if (lc->n_fields > lc->n_cols)
		load_csv_warn(lc, lc->row_line, "row has %zu fields, expected "
		    "%zu; the extra fields are empty and ignored",
		    lc->n_fields, lc->n_cols);
	else if (lc->n_fields < lc->n_cols)
		load_csv_warn(lc, lc->row_line, "row has %zu fields, expected "
		    "%zu; the missing ones are taken as empty",
		    lc->n_fields, lc->n_cols);
	if (lc->trailing)
		load_csv_warn(lc, lc->row_line, "text after a closing quote; "
		    "kept as part of the field");
	return 1;
}

int
load_csv(struct registry *reg, const char *buf, size_t len, char **err)
{
	struct load_csv	*lc;
	int		 rc = -1, n;

	lc = xcalloc(1, sizeof *lc);
	lc->reg = reg;
	lc->p = lc->line_start = buf;
	lc->end = buf + len;
	lc->line = 1;

	reg->format = "csv";
	reg->updated = NULL;	/* the CSV has no Last Updated date */

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		lc->p = lc->line_start = buf + 3;
	if (load_csv_header(lc, err) != 0)
		goto out;

	while ((n = load_csv_row(lc, err)) == 1) {
		if (load_csv_check_row(lc))
			load_csv_record(lc);
		if (lc->warnings > CSV_MAX_WARNINGS) {
			*err = load_error(reg->source, lc->row_line, 0,
			    "expected IANA's CSV, found more than %d "
			    "problems; giving up", CSV_MAX_WARNINGS);
			goto out;
		}
	}
	if (n == 0)
		rc = 0;
out:
	buf_free(&lc->scratch);
	free(lc);
	return rc;
}
