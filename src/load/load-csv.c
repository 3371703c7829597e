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
 * TSV (load_tsv) is what -o tsv writes: the same header and columns,
 * separated by tabs, one line per row (LF or CR LF), no quoting; inside
 * a field \\ \t \n \r stand for a backslash, tab, line feed and
 * carriage return.  Any other backslash is kept as written, with a
 * warning.  What becomes of bad rows is as for the CSV.
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
#include "load-csv.h"
#include "load.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

/* The columns copied as text, in load_csv_texts' order. */
static const int load_csv_text_cols[] = {
	CSV_SERVICE, CSV_DESCRIPTION, CSV_REGISTERED, CSV_MODIFIED,
	CSV_SERVICE_CODE, CSV_UNAUTHORIZED, CSV_NOTES,
};
_Static_assert(sizeof load_csv_text_cols / sizeof load_csv_text_cols[0] ==
    CSV_NTEXTS, "CSV_NTEXTS counts load_csv_text_cols");

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

	if (len == 0 || field_date_valid(date, len))
		return;
	load_csv_warn(lc, lc->row_line, "%s date \"%s\" is not a date "
	    "(YYYY-MM-DD); kept as written", what, field_quote(q, date, len));
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
	lc->rec = r;
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
	lc->rec = NULL;
}

static int
load_csv_or_tsv(struct registry *reg, const char *buf, size_t len, int tsv,
    char **err)
{
	struct load_csv	*lc;
	int		 rc = -1, n;

	lc = xcalloc(1, sizeof *lc);
	lc->reg = reg;
	lc->tsv = tsv;
	lc->p = lc->line_start = buf;
	lc->end = buf + len;
	lc->line = 1;

	reg->format = tsv ? "tsv" : "csv";
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
			    "expected %s, found more than %d "
			    "problems; giving up", tsv ? "portreg's TSV" :
			    "IANA's CSV", CSV_MAX_WARNINGS);
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

int
load_csv(struct registry *reg, const char *buf, size_t len, char **err)
{
	return load_csv_or_tsv(reg, buf, len, 0, err);
}

int
load_tsv(struct registry *reg, const char *buf, size_t len, char **err)
{
	return load_csv_or_tsv(reg, buf, len, 1, err);
}
