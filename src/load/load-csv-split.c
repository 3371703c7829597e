/*
 * load-csv-split.c - the CSV loader's first half: cut the input into rows
 * of fields (load-csv.h).  The format and what becomes of bad rows are
 * described in load-csv.c.
 *
 * Fields point straight into the buffer; only a quoted field holding ""
 * (an escaped quote), a CR LF line end, or text after its closing quote
 * is rewritten, into one scratch buffer reused for every row.  Lines
 * without quotes (nine in ten) are split with memchr, or 64 bytes at a
 * time.  The input must be NUL-terminated at its end (load.h): the NUL
 * is the sentinel of the unquoted-field scan.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load-csv.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

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
/* The same, as -o tsv writes it (tabs, shown as \t in messages). */
#define TSV_HEADER \
	"Service Name\\tPort Number\\tTransport Protocol\\tDescription\\t" \
	"Assignee\\tContact\\tRegistration Date\\tModification Date\\t" \
	"Reference\\tService Code\\tUnauthorized Use Reported\\t" \
	"Assignment Notes"

void
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
	registry_warn_record(lc->reg, line, lc->rec, "%s", s);
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
 * Append a TSV field [s, e) to scratch with its escapes undone: \\ \t
 * \n \r as -o tsv writes them; any other backslash is kept as written
 * (and noted in lc->bad_escape).
 */
static void
load_tsv_unescape(struct load_csv *lc, const char *s, const char *e)
{
	const char	*run = s;
	char		 c;

	while ((s = memchr(s, '\\', e - s)) != NULL) {
		c = s + 1 < e ? s[1] : '\0';
		if (c != '\\' && c != 't' && c != 'n' && c != 'r') {
			lc->bad_escape = 1;
			s++;
			continue;
		}
		buf_add(&lc->scratch, run, s - run);
		buf_addc(&lc->scratch, c == 't' ? '\t' : c == 'n' ? '\n' :
		    c == 'r' ? '\r' : '\\');
		s += 2;
		run = s;
	}
	buf_add(&lc->scratch, run, e - run);
}

/*
 * A TSV row: one line (LF or CR LF), its fields at the tabs.  No field
 * holds a tab or a line break: -o tsv escapes them.
 */
static int
load_tsv_row(struct load_csv *lc)
{
	const char		*p = lc->p, *end = lc->end, *eol, *stop, *t;
	struct load_csv_field	 spare, *f;
	size_t			 i;

	eol = memchr(p, '\n', (size_t)(end - p));
	if (eol == NULL)
		eol = end;
	stop = eol;
	if (stop > p && stop[-1] == '\r')
		stop--;
	if (memchr(p, '\0', (size_t)(stop - p)) != NULL)
		lc->has_nul = 1;
	for (;;) {
		f = lc->n_fields < CSV_MAX_FIELDS ?
		    &lc->fields[lc->n_fields] : &spare;
		t = memchr(p, '\t', (size_t)(stop - p));
		if (t == NULL)
			t = stop;
		if (memchr(p, '\\', (size_t)(t - p)) != NULL) {
			f->in_scratch = 1;
			f->off = lc->scratch.len;
			load_tsv_unescape(lc, p, t);
			f->len = lc->scratch.len - f->off;
		} else {
			f->s = p;
			f->len = (size_t)(t - p);
			f->in_scratch = 0;
		}
		if (lc->n_cols != 0 && lc->n_fields >= lc->n_cols &&
		    !lc->extra_text)
			lc->extra_text = f->in_scratch ? !field_is_empty(
			    lc->scratch.data + f->off, f->len) :
			    !field_is_empty(f->s, f->len);
		lc->n_fields++;
		if (t == stop)
			break;
		p = t + 1;
	}
	if (eol < end) {
		lc->p = eol + 1;
		lc->line++;
	} else
		lc->p = end;
	lc->line_start = lc->p;
	for (i = 0; i < lc->n_fields && i < CSV_MAX_FIELDS; i++) {
		if (lc->fields[i].in_scratch)
			lc->fields[i].s = lc->scratch.data + lc->fields[i].off;
	}
	return 1;
}

/*
 * Read one row into lc->fields.  Returns 1 for a row, 0 at the end of the
 * input, -1 on a fatal error.
 */
int
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
	lc->has_nul = lc->trailing = lc->extra_text = lc->bad_escape = 0;
	if (lc->tsv)
		return load_tsv_row(lc);
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
int
load_csv_header(struct load_csv *lc, char **err)
{
	const char	*src = lc->reg->source;
	const char	*what = lc->tsv ? "TSV" : "CSV";
	const char	*header = lc->tsv ? TSV_HEADER : CSV_HEADER;
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
		*err = load_error(src, 1, 0, "expected the %s header \"%s\", "
		    "found an empty file", what, header);
		return -1;
	}
	if (lc->has_nul) {
		*err = load_error(src, 1, 0, "expected the %s header \"%s\", "
		    "found a NUL byte", what, header);
		return -1;
	}
	if (lc->n_fields > CSV_MAX_FIELDS) {
		*err = load_error(src, 1, 0, "expected the %s header \"%s\", "
		    "found %zu columns", what, header, lc->n_fields);
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
			load_csv_warn(lc, 1, "unknown %s column %zu \"%s\" "
			    "is ignored", what, i + 1, field_quote(q, s, len));
			continue;
		}
		if (seen[col]) {
			*err = load_error(src, 1, 0, "expected each column "
			    "once in the %s header, found \"%s\" twice",
			    what, load_csv_names[col]);
			return -1;
		}
		seen[col] = 1;
		lc->map[i] = col;
	}
	for (col = 0; col < CSV_NCOLS; col++) {
		if (!seen[col]) {
			*err = load_error(src, 1, 0, "expected the %s header "
			    "\"%s\", found \"%s\" (no column \"%s\")",
			    what, header, field_quote(q, first, first_len),
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


/* Decide what to do with the current row; 1 when it becomes a record. */
int
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
		    "%zu; row skipped (%s)",
		    lc->n_fields, lc->n_cols, lc->tsv ? "a tab not written "
		    "as \\t?" : "a comma outside quotes?");
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
	if (lc->bad_escape)
		load_csv_warn(lc, lc->row_line, "a backslash not followed by "
		    "\\, t, n or r; kept as written");
	return 1;
}
