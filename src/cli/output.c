/*
 * output.c - write records, people and gaps as table, CSV, JSON or TSV.
 *
 * CSV and TSV carry IANA's twelve columns; the CSV is IANA's own format
 * and loads back into the same records.  JSON carries the same fields
 * with people resolved (see portreg(1), OUTPUT).  The table is for a
 * person reading a terminal: every string goes through sanitize.h and
 * columns are aligned by display width, not bytes.
 *
 * JSON strings escape '"', '\\' and control characters (\n \t \r \b \f,
 * others as \u00XX) and DEL as \u007f; a byte that is not valid UTF-8
 * becomes \ufffd, so the output is always valid UTF-8 JSON.
 *
 * Write errors are left in the stream's error flag: the caller checks
 * ferror() once at the end.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "output.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

static const char *output_csv_header[] = {
	"Service Name", "Port Number", "Transport Protocol", "Description",
	"Assignee", "Contact", "Registration Date", "Modification Date",
	"Reference", "Service Code", "Unauthorized Use Reported",
	"Assignment Notes",
};
#define OUTPUT_COLUMNS \
	(sizeof output_csv_header / sizeof output_csv_header[0])

/* Widest service column in the table; longer names push the rest. */
#define OUTPUT_SERVICE_MAX	24

int
output_format_parse(const char *s)
{
	if (strcasecmp(s, "table") == 0)
		return OUTPUT_TABLE;
	if (strcasecmp(s, "csv") == 0)
		return OUTPUT_CSV;
	if (strcasecmp(s, "json") == 0)
		return OUTPUT_JSON;
	if (strcasecmp(s, "tsv") == 0)
		return OUTPUT_TSV;
	return -1;
}

/* "22", "6000-6063" or "" (no port) into a buffer of at least
   FIELD_PORT_SIZE. */
static const char *
output_port(char *tmp, size_t size, int32_t lo, int32_t hi)
{
	field_port_format(tmp, lo, hi);
	return tmp;
}

/* --- JSON ----------------------------------------------------------- */

void
output_json_string(FILE *f, const char *s)
{
	size_t	 len, i = 0, start, n;
	long	 c;

	if (s == NULL) {
		fputs("null", f);
		return;
	}
	len = strlen(s);
	putc('"', f);
	while (i < len) {
		start = i;
		while (i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] < 0x7f && s[i] != '"' && s[i] != '\\')
			i++;
		if (i != start)
			fwrite(s + start, 1, i - start, f);
		if (i == len)
			break;
		n = sanitize_decode(s + i, len - i, &c);
		switch (c) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case -1:
			fputs("\\ufffd", f);
			break;
		default:
			/* C1 controls too: a terminal may obey them. */
			if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
				fprintf(f, "\\u%04lx", c);
			else
				fwrite(s + i, 1, n, f);
			break;
		}
		i += n;
	}
	putc('"', f);
}

static void
output_json_key(FILE *f, const char *key, const char *value)
{
	fprintf(f, ",\"%s\":", key);
	output_json_string(f, value);
}

/* A person object, without its closing brace: the people entry of id,
   or (dangling id) the id and nulls. */
static void
output_json_person_open(FILE *f, const struct registry *reg, const char *id,
    int32_t p)
{
	const struct person	*pp = p >= 0 ? &reg->people[p] : NULL;

	fputs("{\"id\":", f);
	output_json_string(f, pp != NULL ? pp->id : id);
	output_json_key(f, "name", pp != NULL ? pp->name : NULL);
	output_json_key(f, "organization", pp != NULL ? pp->org : NULL);
	output_json_key(f, "email", pp != NULL ? pp->email : NULL);
	output_json_key(f, "uri", pp != NULL ? pp->uri : NULL);
	output_json_key(f, "updated", pp != NULL ? pp->updated : NULL);
}

static void
output_json_people(FILE *f, const struct registry *reg, const char *key,
    const struct person_ref *refs, uint32_t n)
{
	uint32_t	 i;

	fprintf(f, ",\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i != 0)
			putc(',', f);
		output_json_person_open(f, reg, refs[i].id, refs[i].person);
		putc('}', f);
	}
	putc(']', f);
}

static void
output_json_record(FILE *f, const struct registry *reg,
    const struct record *r)
{
	uint32_t	 i;

	fputs("{\"service\":", f);
	output_json_string(f, r->service);
	if (r->port_lo >= 0)
		fprintf(f, ",\"port\":%d,\"port_end\":%d", (int)r->port_lo,
		    (int)r->port_hi);
	else
		fputs(",\"port\":null,\"port_end\":null", f);
	output_json_key(f, "protocol",
	    r->proto != PROTO_NONE ? proto_name(r->proto) : NULL);
	output_json_key(f, "description", r->description);
	output_json_people(f, reg, "assignees", r->assignees, r->n_assignees);
	output_json_people(f, reg, "contacts", r->contacts, r->n_contacts);
	output_json_key(f, "registered", r->registered);
	output_json_key(f, "modified", r->modified);
	fputs(",\"references\":[", f);
	for (i = 0; i < r->n_refs; i++) {
		if (i != 0)
			putc(',', f);
		output_json_string(f, r->refs[i]);
	}
	putc(']', f);
	output_json_key(f, "service_code", r->service_code);
	output_json_key(f, "unauthorized_use", r->unauthorized);
	output_json_key(f, "notes", r->notes);
	output_json_key(f, "kind", record_kind_name(r->kind));
	putc('}', f);
}

/* One record per line inside the array, so that grep and diff work. */
static void
output_json_records(FILE *f, const struct registry *reg,
    const struct record *const *rows, size_t n)
{
	size_t	 i;

	if (n == 0) {
		fputs("[]", f);
		return;
	}
	fputs("[\n", f);
	for (i = 0; i < n; i++) {
		output_json_record(f, reg, rows[i]);
		fputs(i + 1 < n ? ",\n" : "\n", f);
	}
	putc(']', f);
}

/* --- CSV and TSV ---------------------------------------------------- */

/* The twelve IANA columns of a record, as IANA's CSV writes them. */
struct output_row {
	const char	*col[OUTPUT_COLUMNS];
	char		 port[32];
	struct buf	 assignees;
	struct buf	 contacts;
	struct buf	 refs;
};

/*
 * Add s in brackets, or as it is when it holds brackets that would not
 * read back as one item: a field the loader kept whole because it was
 * not a bracketed list.  (Bracketed, it would come back as a longer
 * item, one more pair of brackets at each save and load.)  People ids
 * read back only without brackets; references may nest balanced ones.
 */
static void
output_bracket(struct buf *b, const char *s, int nest)
{
	const char	*p;
	int		 depth = 0;

	for (p = s; *p != '\0' && depth >= 0; p++) {
		if (*p == '[')
			depth = nest ? depth + 1 : -1;
		else if (*p == ']')
			depth--;
	}
	if (depth != 0) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '[');
	buf_adds(b, s);
	buf_addc(b, ']');
}

static void
output_bracket_list(struct buf *b, const struct person_ref *refs,
    uint32_t n)
{
	uint32_t	 i;

	buf_clear(b);
	for (i = 0; i < n; i++)
		output_bracket(b, refs[i].id, 0);
}

static void
output_row_fill(struct output_row *row, const struct record *r)
{
	uint32_t	 i;

	output_bracket_list(&row->assignees, r->assignees, r->n_assignees);
	output_bracket_list(&row->contacts, r->contacts, r->n_contacts);
	buf_clear(&row->refs);
	for (i = 0; i < r->n_refs; i++)
		output_bracket(&row->refs, r->refs[i], 1);
	row->col[0] = r->service;
	row->col[1] = output_port(row->port, sizeof row->port, r->port_lo,
	    r->port_hi);
	row->col[2] = r->proto != PROTO_NONE ? proto_name(r->proto) : NULL;
	row->col[3] = r->description;
	row->col[4] = row->assignees.len != 0 ? row->assignees.data : NULL;
	row->col[5] = row->contacts.len != 0 ? row->contacts.data : NULL;
	row->col[6] = r->registered;
	row->col[7] = r->modified;
	row->col[8] = row->refs.len != 0 ? row->refs.data : NULL;
	row->col[9] = r->service_code;
	row->col[10] = r->unauthorized;
	row->col[11] = r->notes;
}

static void
output_row_free(struct output_row *row)
{
	buf_free(&row->assignees);
	buf_free(&row->contacts);
	buf_free(&row->refs);
}

/* RFC 4180, minimal: quote only a field holding , " CR or LF. */
void
output_csv_field(FILE *f, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', f);
		putc(*p, f);
	}
	putc('"', f);
}

void
output_tsv_field(FILE *f, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			fputs("\\\\", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			putc(*p, f);
			break;
		}
	}
}

static void
output_delimited_line(FILE *f, const char *const *col, size_t n,
    enum output_format fmt)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i != 0)
			putc(fmt == OUTPUT_CSV ? ',' : '\t', f);
		if (fmt == OUTPUT_CSV)
			output_csv_field(f, col[i]);
		else
			output_tsv_field(f, col[i]);
	}
	putc('\n', f);
}

static void
output_delimited_records(FILE *f, const struct record *const *rows,
    size_t n, enum output_format fmt)
{
	struct output_row	 row = { 0 };
	size_t			 i;

	output_delimited_line(f, output_csv_header, OUTPUT_COLUMNS, fmt);
	for (i = 0; i < n; i++) {
		output_row_fill(&row, rows[i]);
		output_delimited_line(f, row.col, OUTPUT_COLUMNS, fmt);
	}
	output_row_free(&row);
}

/* --- Table ---------------------------------------------------------- */

/* Write s (already safe) and pad it to width columns. */
static void
output_padded(FILE *f, const char *s, size_t width)
{
	size_t	 w = sanitize_width(s, strlen(s));

	fputs(s, f);
	for (; w < width; w++)
		putc(' ', f);
}

/* The first line of s, made safe (caller frees). */
static char *
output_first_line(const char *s)
{
	struct buf	 b = { 0 };
	const char	*nl;

	if (s == NULL)
		return xstrdup("");
	nl = strchr(s, '\n');
	sanitize_buf(&b, s, nl != NULL ? (size_t)(nl - s) : strlen(s), 0);
	return buf_detach(&b);
}

static void
output_table_records(FILE *f, const struct record *const *rows, size_t n)
{
	const struct record	*r;
	char			 port[32], *service, *desc;
	size_t			 i, w, wport = 4, wproto = 5, wservice = 7;

	for (i = 0; i < n; i++) {
		r = rows[i];
		output_port(port, sizeof port, r->port_lo, r->port_hi);
		if ((w = strlen(port)) > wport)
			wport = w;
		if ((w = strlen(proto_name(r->proto))) > wproto)
			wproto = w;
		service = sanitize(r->service, 0);
		w = sanitize_width(service, strlen(service));
		if (w > wservice)
			wservice = w > OUTPUT_SERVICE_MAX ? OUTPUT_SERVICE_MAX : w;
		free(service);
	}

	output_padded(f, "PORT", wport + 2);
	output_padded(f, "PROTO", wproto + 2);
	output_padded(f, "SERVICE", wservice + 2);
	fputs("DESCRIPTION\n", f);
	for (i = 0; i < n; i++) {
		r = rows[i];
		output_port(port, sizeof port, r->port_lo, r->port_hi);
		if (port[0] == '\0')
			strcpy(port, "-");
		service = sanitize(r->service, 0);
		desc = output_first_line(r->description);
		output_padded(f, port, wport + 2);
		output_padded(f, proto_name(r->proto), wproto + 2);
		if (desc[0] == '\0')
			fputs(service, f);
		else {
			output_padded(f, service, wservice + 2);
			fputs(desc, f);
		}
		putc('\n', f);
		free(service);
		free(desc);
	}
}

/* The rows fmt writes, whatever they come from. */
static void
output_rows(FILE *f, const struct registry *reg,
    const struct record *const *rows, size_t n, enum output_format fmt)
{
	switch (fmt) {
	case OUTPUT_JSON:
		output_json_records(f, reg, rows, n);
		putc('\n', f);
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		output_delimited_records(f, rows, n, fmt);
		break;
	case OUTPUT_TABLE:
		output_table_records(f, rows, n);
		break;
	}
}

/* Pointers to the records idx[0..n) (caller frees). */
static const struct record **
output_rows_of(const struct registry *reg, const uint32_t *idx, size_t n)
{
	const struct record	**rows;
	size_t			  i;

	rows = xcalloc(n + 1, sizeof *rows);
	for (i = 0; i < n; i++)
		rows[i] = &reg->records[idx[i]];
	return rows;
}

void
output_records(FILE *f, const struct registry *reg, const uint32_t *idx,
    size_t n, enum output_format fmt)
{
	output_lookup(f, reg, idx, n, NULL, 0, fmt);
}

void
output_lookup(FILE *f, const struct registry *reg, const uint32_t *idx,
    size_t n, const struct gap *g, size_t ng, enum output_format fmt)
{
	const struct record	**rows;
	struct record		 *fake;
	size_t			  i, j = 0, k = 0;

	/* Each gap as the Unassigned row the file does not have. */
	fake = xcalloc(ng + 1, sizeof *fake);
	for (i = 0; i < ng; i++) {
		fake[i].port_lo = g[i].lo;
		fake[i].port_hi = g[i].hi;
		fake[i].proto = PROTO_NONE;
		fake[i].kind = KIND_UNASSIGNED;
		fake[i].description = OUTPUT_GAP_DESCRIPTION;
	}
	rows = xcalloc(n + ng + 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		while (j < ng && reg->records[idx[i]].port_lo > g[j].lo)
			rows[k++] = &fake[j++];
		rows[k++] = &reg->records[idx[i]];
	}
	while (j < ng)
		rows[k++] = &fake[j++];
	output_rows(f, reg, rows, k, fmt);
	free(rows);
	free(fake);
}

/* --- People --------------------------------------------------------- */

static void
output_table_field(FILE *f, const char *label, const char *value)
{
	char	*safe;

	if (value == NULL)
		return;
	safe = sanitize(value, 0);
	fprintf(f, "%-14s%s\n", label, safe);
	free(safe);
}

/* Person p (or, p < 0, the bare id) and the records recs[0..n). */
static void
output_person_common(FILE *f, const struct registry *reg, const char *id,
    int32_t p, const uint32_t *recs, size_t n, enum output_format fmt)
{
	const struct person	 *pp = p >= 0 ? &reg->people[p] : NULL;
	const struct record	**rows = output_rows_of(reg, recs, n);
	char			  count[32];

	switch (fmt) {
	case OUTPUT_JSON:
		output_json_person_open(f, reg, id, p);
		fputs(",\"assignments\":", f);
		output_json_records(f, reg, rows, n);
		fputs("}\n", f);
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		/* The assignments as registry rows: loadable again. */
		output_delimited_records(f, rows, n, fmt);
		break;
	case OUTPUT_TABLE:
		output_table_field(f, "ID", pp != NULL ? pp->id : id);
		if (pp != NULL) {
			output_table_field(f, "Name", pp->name);
			output_table_field(f, "Organization", pp->org);
			output_table_field(f, "Email", pp->email);
			output_table_field(f, "URI", pp->uri);
			output_table_field(f, "Updated", pp->updated);
		} else
			output_table_field(f, "Details",
			    "(not in the registry's contact information)");
		snprintf(count, sizeof count, "%zu", n);
		output_table_field(f, "Assignments", count);
		if (n != 0) {
			putc('\n', f);
			output_table_records(f, rows, n);
		}
		break;
	}
	free(rows);
}

void
output_person(FILE *f, const struct registry *reg, uint32_t p,
    enum output_format fmt)
{
	const uint32_t	*recs;
	size_t		 n;

	recs = registry_person_records(reg, p, &n);
	output_person_common(f, reg, reg->people[p].id, (int32_t)p, recs, n,
	    fmt);
}

void
output_person_dangling(FILE *f, const struct registry *reg, const char *id,
    const uint32_t *idx, size_t n, enum output_format fmt)
{
	output_person_common(f, reg, id, -1, idx, n, fmt);
}

/* --- Gaps ----------------------------------------------------------- */

void
output_gaps(FILE *f, const struct registry *reg, const struct gap *g,
    size_t n, enum output_format fmt)
{
	static const char	*header[] = {
		"Port Number", "Transport Protocol", "Size", "Listed",
	};
	const char		*col[4];
	char			 port[32], size[32], *desc;
	size_t			 i, w, wport = 5;

	switch (fmt) {
	case OUTPUT_JSON:
		fputs(n == 0 ? "[" : "[\n", f);
		for (i = 0; i < n; i++) {
			fprintf(f, "{\"port\":%d,\"port_end\":%d,\"protocol\":",
			    (int)g[i].lo, (int)g[i].hi);
			output_json_string(f, g[i].proto != PROTO_NONE ?
			    proto_name(g[i].proto) : NULL);
			fprintf(f, ",\"size\":%ld,\"listed\":%s}%s",
			    (long)g[i].hi - g[i].lo + 1,
			    g[i].record >= 0 ? "true" : "false",
			    i + 1 < n ? ",\n" : "\n");
		}
		fputs("]\n", f);
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		output_delimited_line(f, header, 4, fmt);
		for (i = 0; i < n; i++) {
			col[0] = output_port(port, sizeof port, g[i].lo, g[i].hi);
			col[1] = g[i].proto != PROTO_NONE ?
			    proto_name(g[i].proto) : NULL;
			snprintf(size, sizeof size, "%ld",
			    (long)g[i].hi - g[i].lo + 1);
			col[2] = size;
			col[3] = g[i].record >= 0 ? "yes" : "no";
			output_delimited_line(f, col, 4, fmt);
		}
		break;
	case OUTPUT_TABLE:
		for (i = 0; i < n; i++) {
			output_port(port, sizeof port, g[i].lo, g[i].hi);
			if ((w = strlen(port)) > wport)
				wport = w;
		}
		fprintf(f, "%-*s  PROTO  %5s  NOTE\n", (int)wport, "PORTS",
		    "SIZE");
		for (i = 0; i < n; i++) {
			output_port(port, sizeof port, g[i].lo, g[i].hi);
			fprintf(f, "%-*s  %-5s  %5ld  ", (int)wport, port,
			    g[i].proto != PROTO_NONE ?
			    proto_name(g[i].proto) : "all",
			    (long)g[i].hi - g[i].lo + 1);
			if (g[i].record >= 0) {
				desc = output_first_line(
				    reg->records[g[i].record].description);
				fprintf(f, "%s\n", desc);
				free(desc);
			} else if (g[i].proto != PROTO_NONE)
				fprintf(f, "free on %s\n",
				    proto_name(g[i].proto));
			else
				fputs("(not listed in the registry)\n", f);
		}
		break;
	}
}
