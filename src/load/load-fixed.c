/*
 * load-fixed.c - IANA's fixed-width service-names-port-numbers.txt.
 *
 * The file (the 2013 edition is in ../shared/registry) is an HTML table
 * rendered as text: a preamble (the title, "Last Updated" with the date
 * on a following line, notes), a column header of one to three lines,
 * one row per record, a centred "People" line with the people table, and
 * a "Footnote" section, which is ignored.  All positions are bytes, as
 * in the file (a UTF-8 name shifts nothing in bytes).
 *
 * Columns.  Each column is as wide as its widest cell or label; columns
 * are one byte apart (several gutters are one space, so runs of spaces
 * do not separate cells), and each header label is centred in its
 * column, the odd space going right.  The labels' positions therefore
 * give each column's end to within a byte or two; of those candidate
 * gutters the one blank on the most table lines is taken (one cheap
 * pre-scan of the table counts them).  Where the header cannot be read
 * that way, the layout of the 2013 file is used, with a warning.
 *
 * Rows.  A cell wider than its column wraps onto more lines, and cells
 * are centred vertically in their row: a row of k lines has (k-1)/2 of
 * them (rounded down) above its "anchor", the line with the port number
 * (or, for a service-name-only entry, a service name and more: a wrapped
 * name, "Apple Remote" / "Desktop (Net" / "Assistant)", has spaces or
 * brackets and no other cell), and the rest below.  The people table is
 * read the same way, its anchor the line with the [Id].  So the
 * continuation lines between two anchors belong partly to the upper
 * record (its last lines) and partly to the lower one (its first lines:
 * "whois++" above "whoispp 63").  Where to cut is decided for each run of
 * rows between two adjacent anchors at once (dynamic programming, the
 * state of a row being how many lines it has above its anchor),
 * minimising these costs:
 *  - a row off centre (lines below minus lines above not 0 or 1);
 *  - a line with text in a column that has no text between it and its
 *    anchor (cells are contiguous around their anchor);
 *  - a row starting, or less so ending, with a blank line;
 *  - two lines of one cell where the lower line's first word would have
 *    fitted on the upper line (the wrapping is greedy, so they are not
 *    one wrapped cell), and, more weakly, a cut between two lines that
 *    look like one wrapped cell, inside brackets, or after a word that
 *    needs more ("and", "of", "for", a comma);
 *  - a line naming the other record's service or person id (a word of
 *    four letters or more of it: "Cedros Fraud Detection" and cedros-fds)
 *    in a column where a row names itself (a description, a person's
 *    name or organization; notes and unauthorized uses name others);
 *  - adjacent rows shaped differently (lines above, or below, their
 *    anchors) that are of one service and port (its tcp and udp rows),
 *    or whose anchor lines, or the lines after them, hold the same words
 *    of a wrapped cell (a cell repeated: the four rows of 4444, the two
 *    UCAR people, "NewsEDGE/Web application" below ddi-tcp-6 and
 *    ddi-udp-6);
 *  - weakly, a line above a cell whose anchor line starts with its row's
 *    name ("AroundSound's information" for aroundsound), and a line below
 *    a description whose anchor line is the row's name and one more word
 *    ("Egistix Auto-Discovery", a title, which seldom goes on);
 *  - and, to break ties, each line given to the lower record: ambiguous
 *    lines go to the previous record.  Where nothing else decided (another
 *    cut has no more evidence against it), the guess is warned.
 * Exactness is impossible.  Measured on the 2013 file against the 2025
 * CSV and 2026 XML: of the 12,973 records found there by name, port and
 * protocol, 61 descriptions, 5 notes and 76 unauthorized uses differ, and
 * 15 organizations of people, all because IANA changed the text since;
 * one sharing (sip's last line of notes, or sipuri's first) is a guess.
 * The text of a wrapped cell is joined with single spaces; a blank line
 * inside a cell is a paragraph break, kept as one '\n' (as IANA's CSV
 * writes <br/><br/>).  A person's URI cell holds one URI a line.
 *
 * Fatal: no column header ("expected the column header").  Warnings:
 * unreadable header (the 2013 layout is used), a column boundary that is
 * not blank everywhere, a bad port or protocol (record kept without it),
 * a people cell that is not a [Id] list (kept whole as one id), a date
 * not YYYY-MM[-DD] (kept as written), an over-long run of continuation
 * lines (the excess is dropped), a table without rows.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load.h"
#include "load-fixed.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

static int	load_fixed_record_anchor(const struct fixed_table *,
		    const struct fixed_line *);
static void	load_fixed_record_emit(struct fixed_parse *,
		    const struct fixed_table *, const struct fixed_line *,
		    size_t, size_t);
static int	load_fixed_person_anchor(const struct fixed_table *,
		    const struct fixed_line *);
static void	load_fixed_person_emit(struct fixed_parse *,
		    const struct fixed_table *, const struct fixed_line *,
		    size_t, size_t);

static const struct fixed_spec fixed_records = {
	"record", 12,
	{ "Service Name", "Port Number", "Transport Protocol", "Description",
	  "Assignee", "Contact", "Registration Date", "Modification Date",
	  "Reference", "Service Code", "Known Unauthorized Uses",
	  "Assignment Notes" },
	{ "Service|Name", "Port|Number", "Transport|Protocol", "Description",
	  "Assignee", "Contact", "Registration|Date", "Modification|Date",
	  "Reference", "Service|Code", "Known|Unauthorized|Uses|Use|Reported",
	  "Assignment|Notes" },
	{ 0, 16, 28, 38, 67, 147, 205, 218, 231, 259, 270, 284 },
	(1 << FC_DESC) | (1 << FC_ASSIGNEE) | (1 << FC_CONTACT) |
	    (1 << FC_REG) | (1 << FC_MOD) | (1 << FC_REF) | (1 << FC_SC) |
	    (1 << FC_UNAUTH) | (1 << FC_NOTES),
	/* Notes and unauthorized uses name other services ("krb524
	   assigned the port, nv used it" on nv-video's row). */
	1 << FC_DESC, 1 << FC_DESC,
	(1 << FC_NAME) | (1 << FC_PORT), FC_NAME,
	load_fixed_record_anchor, load_fixed_record_emit
};

static const struct fixed_spec fixed_people = {
	"person", 5,
	{ "ID", "Name", "Organization", "Contact URI", "Last Updated" },
	{ "ID", "Name", "Organization", "Contact|URI", "Last|Updated" },
	{ 0, 58, 84, 106, 168 },
	(1 << FP_NAME) | (1 << FP_ORG) | (1 << FP_URI) | (1 << FP_UPDATED),
	(1 << FP_NAME) | (1 << FP_ORG),
	/* A person's name or organization is no title. */
	0,
	/* Two people of one name (Steven_Emmerson, Steven_Emmerson2) are
	   shaped alike, as tcp and udp rows are. */
	1 << FP_NAME, FP_ID,
	load_fixed_person_anchor, load_fixed_person_emit
};

/* --- Rows to records and people -------------------------------------- */

/* The text of column c over n rows, in fp->text: wrapped lines joined by
   a space, a blank line inside the cell kept as one '\n'.  Returns the
   length (0: empty). */
static size_t
load_fixed_text(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c)
{
	const char	*s;
	size_t		 i, len;
	int		 brk = 0;

	buf_clear(&fp->text);
	for (i = 0; i < n; i++) {
		load_fixed_cell_trimmed(t, &rows[i], c, &s, &len);
		if (len == 0) {
			brk = fp->text.len > 0;
			continue;
		}
		if (fp->text.len > 0)
			buf_addc(&fp->text, brk ? '\n' : ' ');
		buf_add(&fp->text, s, len);
		brk = 0;
	}
	return fp->text.len;
}

static const char *
load_fixed_string(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c)
{
	size_t	 len = load_fixed_text(fp, t, rows, n, c);

	return len == 0 ? NULL : registry_strndup(fp->reg, fp->text.data, len);
}

static int
load_fixed_name_char(char c)
{
	return isalnum((unsigned char)c) || strchr("-_.+*/", c) != NULL;
}

/*
 * A record's anchor: a line with a port number, or (service-name-only
 * entries) a line with a service name and something else.  A wrapped
 * service name ("Apple Remote" / "Desktop (Net" / "Assistant)") has
 * spaces or brackets, which service names do not.
 */
static int
load_fixed_record_anchor(const struct fixed_table *t,
    const struct fixed_line *l)
{
	const char	*s;
	size_t		 len, i;

	if (l->mask & (1U << FC_PORT))
		return 1;
	if (!(l->mask & (1U << FC_NAME)) || l->mask == (1U << FC_NAME))
		return 0;
	load_fixed_cell_trimmed(t, l, FC_NAME, &s, &len);
	for (i = 0; i < len; i++) {
		if (!load_fixed_name_char(s[i]))
			return 0;
	}
	return 1;
}

static void
load_fixed_people_cell(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c, struct record *r,
    int role, uint32_t no)
{
	char	 q[FIELD_QUOTE_SIZE];
	size_t	 len = load_fixed_text(fp, t, rows, n, c);

	if (len == 0 ||
	    load_people_list(fp->reg, r, role, fp->text.data, len) == 0)
		return;
	registry_warn_record(fp->reg, no, r, "expected people like [Id] in "
	    "the %s "
	    "column, found \"%s\"; kept as one id", t->spec->names[c],
	    field_quote(q, fp->text.data, len));
	if (role == 'a')
		registry_add_assignee(fp->reg, r, fp->text.data, len);
	else
		registry_add_contact(fp->reg, r, fp->text.data, len);
}

static const char *
load_fixed_date(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c, const struct record *r,
    uint32_t no)
{
	char		 q[FIELD_QUOTE_SIZE];
	const char	*d = load_fixed_string(fp, t, rows, n, c);

	if (d != NULL && !field_date_valid(d, strlen(d))) {
		registry_warn_record(fp->reg, no, r, "expected a date "
		    "(YYYY-MM-DD) in the %s column, found \"%s\"; kept as "
		    "written",
		    t->spec->names[c],
		    field_quote(q, d, strlen(d)));
	}
	return d;
}

static void
load_fixed_record_emit(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t above)
{
	struct registry	*reg = fp->reg;
	struct record	*r;
	char		 q[FIELD_QUOTE_SIZE];
	uint32_t	 no = rows[above].no;
	size_t		 len;
	int		 proto;

	r = registry_add_record(reg);
	r->line = rows[0].no;
	r->service = load_fixed_string(fp, t, rows, n, FC_NAME);
	len = load_fixed_text(fp, t, rows, n, FC_PORT);
	if (len > 0 && field_port_parse(fp->text.data, len, &r->port_lo,
	    &r->port_hi) != FIELD_PORT_OK) {
		r->port_lo = r->port_hi = -1;
		registry_warn_record(reg, no, r, "expected a port number or "
		    "range, found \"%s\"; the record is kept without a port",
		    field_quote(q, fp->text.data, len));
	}
	if ((len = load_fixed_text(fp, t, rows, n, FC_PROTO)) > 0) {
		if ((proto = field_proto_parse(fp->text.data, len)) < 0) {
			registry_warn_record(reg, no, r, "expected a protocol "
			    "(tcp, udp, "
			    "sctp or dccp), found \"%s\"; the record is kept "
			    "without one",
			    field_quote(q, fp->text.data, len));
		} else
			r->proto = (enum proto)proto;
	}
	r->description = load_fixed_string(fp, t, rows, n, FC_DESC);
	load_fixed_people_cell(fp, t, rows, n, FC_ASSIGNEE, r, 'a', no);
	load_fixed_people_cell(fp, t, rows, n, FC_CONTACT, r, 'c', no);
	r->registered = load_fixed_date(fp, t, rows, n, FC_REG, r, no);
	r->modified = load_fixed_date(fp, t, rows, n, FC_MOD, r, no);
	if ((len = load_fixed_text(fp, t, rows, n, FC_REF)) > 0)
		load_refs(reg, r, fp->text.data, len);
	r->service_code = load_fixed_string(fp, t, rows, n, FC_SC);
	r->unauthorized = load_fixed_string(fp, t, rows, n, FC_UNAUTH);
	r->notes = load_fixed_string(fp, t, rows, n, FC_NOTES);
}

/* A person's anchor: the line with the [Id]. */
static int
load_fixed_person_anchor(const struct fixed_table *t,
    const struct fixed_line *l)
{
	const char	*s;
	size_t		 len;

	if (!(l->mask & (1U << FP_ID)))
		return 0;
	load_fixed_cell_trimmed(t, l, FP_ID, &s, &len);
	return s[0] == '[';
}

static void
load_fixed_person_emit(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t above)
{
	struct registry	*reg = fp->reg;
	struct person	*p;
	char		 q[FIELD_QUOTE_SIZE];
	const char	*s;
	size_t		 i, len;

	len = load_fixed_text(fp, t, rows, n, FP_ID);
	s = fp->text.data;
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']' &&
	    memchr(s + 1, ']', len - 2) == NULL) {
		s++;
		len -= 2;
	} else {
		registry_warn(reg, rows[above].no, "expected a person id like "
		    "[Id], found \"%s\"; kept as written",
		    field_quote(q, s, len));
	}
	p = registry_add_person(reg);
	p->line = rows[0].no;
	p->id = registry_strtrim(reg, s, len);
	if (p->id == NULL)
		p->id = registry_strdup(reg, "");
	p->name = load_fixed_string(fp, t, rows, n, FP_NAME);
	p->org = load_fixed_string(fp, t, rows, n, FP_ORG);
	/* One URI a line: a person may have two. */
	for (i = 0; i < n; i++) {
		load_fixed_cell_trimmed(t, &rows[i], FP_URI, &s, &len);
		if (len > 0)
			load_person_uri(reg, p, s, len);
	}
	p->updated = load_fixed_string(fp, t, rows, n, FP_UPDATED);
}

/* --- Sections -------------------------------------------------------- */

/* Offset of needle in [s, s + len), or -1. */
static long
load_fixed_find(const char *s, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;

	for (i = 0; i + n <= len; i++) {
		if (memcmp(s + i, needle, n) == 0)
			return (long)i;
	}
	return -1;
}

/* The main line of the records header: "Service Name", blanks, "Port". */
static int
load_fixed_is_header(const char *s, size_t len)
{
	long	 i = load_fixed_find(s, len, "Service Name");
	size_t	 k;

	if (i < 0)
		return 0;
	for (k = (size_t)i + 12; k < len && field_is_space(s[k]); k++)
		;
	return k > (size_t)i + 12 && len - k >= 4 &&
	    memcmp(s + k, "Port", 4) == 0;
}

/*
 * Find where the table starting at p ends: a line holding only "People"
 * (when people is set) or "Footnote(s)", between blank lines.  Sets *end
 * to the start of that line (or the end of the input), *end_no to its
 * number, and returns 'P', 'F' or 0.
 */
static int
load_fixed_section_end(const struct fixed_parse *fp, const char *p, uint32_t no,
    int people, const char **end, uint32_t *end_no)
{
	const char	*s, *next, *s2;
	size_t		 len, len2;
	int		 prev_blank = 1, which;

	for (; load_fixed_getline(fp, &p, &s, &len); no++) {
		which = 0;
		if (prev_blank && people && load_fixed_is(s, len, "People"))
			which = 'P';
		else if (prev_blank && (load_fixed_is(s, len, "Footnote") ||
		    load_fixed_is(s, len, "Footnotes")))
			which = 'F';
		if (which != 0) {
			next = p;
			if (!load_fixed_getline(fp, &next, &s2, &len2) ||
			    field_is_empty(s2, len2)) {
				*end = s;
				*end_no = no;
				return which;
			}
		}
		prev_blank = field_is_empty(s, len);
	}
	*end = fp->end;
	*end_no = no;
	return 0;
}

/* Read one table whose header's main line is at main (line no); return
   the kind of section after it as load_fixed_section_end does. */
static int
load_fixed_section(struct fixed_parse *fp, const struct fixed_spec *spec,
    const char *main, uint32_t no, const char **next, uint32_t *next_no)
{
	struct fixed_table	 t;
	const char		*data;
	uint32_t		 data_no;
	int			 which;

	memset(&t, 0, sizeof t);
	t.spec = spec;
	load_fixed_header(fp, &t, main, no, &data, &data_no);
	which = load_fixed_section_end(fp, data, data_no,
	    spec == &fixed_records, next, next_no);
	load_fixed_columns(fp, &t, data, *next, data_no);
	load_fixed_table_read(fp, &t, data, *next, data_no);
	return which;
}

int
load_fixed(struct registry *reg, const char *buf, size_t len, char **err)
{
	struct fixed_parse	 fp;
	const char		*p = buf, *s, *end;
	size_t			 n;
	uint32_t		 no = 1, end_no;
	int			 last_updated = 0, which;

	memset(&fp, 0, sizeof fp);
	fp.reg = reg;
	fp.buf = buf;
	fp.end = buf + len;
	reg->format = "fixed";

	/* The preamble, to the column header. */
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;; no++) {
		if (!load_fixed_getline(&fp, &p, &s, &n)) {
			*err = load_error(reg->source, no > 1 ? no - 1 : 1, 0,
			    "expected the column header (a line \"Service Name"
			    "   Port Number   Transport Protocol ...\"), found "
			    "the end of the input");
			return -1;
		}
		if (load_fixed_is_header(s, n))
			break;
		if (field_is_empty(s, n))
			continue;
		if (reg->title == NULL)
			reg->title = registry_strtrim(reg, s, n);
		else if (last_updated && reg->updated == NULL)
			reg->updated = registry_strtrim(reg, s, n);
		last_updated = load_fixed_is(s, n, "Last Updated");
	}

	which = load_fixed_section(&fp, &fixed_records, s, no, &end, &end_no);
	if (which == 'P') {
		/* The people header: the first line after "People" that is
		   not blank. */
		p = end;
		no = end_no;
		load_fixed_getline(&fp, &p, &s, &n);
		for (no++; load_fixed_getline(&fp, &p, &s, &n); no++) {
			if (!field_is_empty(s, n))
				break;
		}
		if (s < fp.end && load_fixed_find(s, n, "ID") >= 0)
			load_fixed_section(&fp, &fixed_people, s, no, &end,
			    &end_no);
		else {
			registry_warn(reg, no, "expected the people header "
			    "(\"ID  Name  Organization  Contact URI  Last "
			    "Updated\") after \"People\"; people ignored");
		}
	}

	free(fp.lines);
	free(fp.anchors);
	free(fp.state);
	free(fp.off);
	free(fp.gcost);
	free(fp.rows);
	free(fp.twins);
	buf_free(&fp.text);
	return 0;
}
