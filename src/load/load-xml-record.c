/*
 * load-xml-record.c - the XML loader's second half (load-xml.h): what
 * becomes of the elements Expat reports.  Text (collapsed, trimmed),
 * cross-references, a record's fields and references, a person's fields,
 * and the warnings and errors naming the line.  load-xml.c holds the
 * Expat handlers that call these.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>

#include "field.h"
#include "load-xml.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

/*
 * The line of the current event.  Expat's XML_GetCurrentLineNumber costs
 * a tenth of the whole load when called for every record, so count the
 * newlines up to the event's byte offset with memchr, from where the
 * last call stopped.
 */
uint32_t
xml_line(struct xml_state *st)
{
	XML_Index	 at = XML_GetCurrentByteIndex(st->parser);
	const char	*p, *end, *nl;

	if (at < 0 || (size_t)at < st->line_at ||
	    (size_t)at - st->buf_at > st->len)
		return (uint32_t)XML_GetCurrentLineNumber(st->parser);
	if (st->line_at < st->buf_at) {
		/* What the last count stopped at has left the buffer. */
		st->line = (uint32_t)XML_GetCurrentLineNumber(st->parser);
		st->line_at = (size_t)at;
		return st->line;
	}
	p = st->buf + (st->line_at - st->buf_at);
	end = st->buf + ((size_t)at - st->buf_at);
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		st->line++;
		p = nl + 1;
	}
	st->line_at = (size_t)at;
	return st->line;
}

/*
 * The values of the attributes whose local names are names[0..n) (the
 * first of each, or NULL), in one pass over attrs.
 */
static void
xml_attrs(const char **attrs, const char *const *names, const char **values,
    size_t n)
{
	const char	*a, *p;
	size_t		 i;

	for (i = 0; i < n; i++)
		values[i] = NULL;
	for (; attrs[0] != NULL; attrs += 2) {
		for (a = p = attrs[0]; *p != '\0'; p++) {
			if (*p == ':')
				a = p + 1;
		}
		for (i = 0; i < n; i++) {
			if (values[i] == NULL && a[0] == names[i][0] &&
			    strcmp(a, names[i]) == 0) {
				values[i] = attrs[1];
				break;
			}
		}
	}
}

/* Stop the parser with an error at the current position. */
void
xml_fail(struct xml_state *st, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (st->err != NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	st->err = load_error(st->reg->source, xml_line(st),
	    (unsigned)XML_GetCurrentColumnNumber(st->parser) + 1, "%s", msg);
	free(msg);
	XML_StopParser(st->parser, XML_FALSE);
}

void
xml_unknown(struct xml_state *st, const char *name, const char *where)
{
	struct xml_unknown	*u;
	size_t			 i;

	for (i = 0; i < st->n_unknown; i++) {
		u = &st->unknown[i];
		if (strcmp(u->where, where) == 0 &&
		    strncmp(u->name, name, 64) == 0) {
			u->count++;
			return;
		}
	}
	if (st->n_unknown == XML_MAX_UNKNOWN) {
		st->other_unknown++;
		return;
	}
	u = &st->unknown[st->n_unknown++];
	u->name = xstrndup(name, strnlen(name, 64));
	u->where = where;
	u->line = xml_line(st);
	u->count = 1;
}

struct record *
xml_record(struct xml_state *st)
{
	return &st->reg->records[st->rec];
}

static struct person *
xml_person(struct xml_state *st)
{
	return &st->reg->people[st->person];
}

/*
 * A source line-wrap with blanks on both sides (" \n      ") reads as one
 * space in IANA's CSV; a newline without trailing blanks, or without
 * indentation after it, is kept.  In place; returns the new length.
 */
static size_t
xml_collapse(char *s, size_t len)
{
	const char	*nl = memchr(s, '\n', len);
	size_t		 i, o, j, k;

	/* Most fields are one line: nothing to do.  Else start at the
	   blanks before the first newline. */
	if (nl == NULL)
		return len;
	for (i = (size_t)(nl - s); i > 0 && (s[i - 1] == ' ' ||
	    s[i - 1] == '\t'); i--)
		;
	o = i;
	while (i < len) {
		if (s[i] != ' ' && s[i] != '\t') {
			s[o++] = s[i++];
			continue;
		}
		for (j = i; j < len && (s[j] == ' ' || s[j] == '\t'); j++)
			;
		if (j + 1 < len && s[j] == '\n' &&
		    (s[j + 1] == ' ' || s[j + 1] == '\t')) {
			for (k = j + 1; k < len && (s[k] == ' ' ||
			    s[k] == '\t'); k++)
				;
			s[o++] = ' ';
			i = k;
			continue;
		}
		while (i < j)
			s[o++] = s[i++];
	}
	if (o < len)
		s[o] = '\0';
	return o;
}

/* The field's text, collapsed (for mixed content) and trimmed, in the
   arena; NULL when empty. */
const char *
xml_text(struct xml_state *st, int collapse)
{
	if (st->text.len == 0)
		return NULL;
	if (collapse)
		st->text.len = xml_collapse(st->text.data, st->text.len);
	return registry_strtrim(st->reg, st->text.data, st->text.len);
}

/* After a paragraph, text starts on a line of its own. */
void
xml_para_break(struct xml_state *st)
{
	size_t	 i = st->text.len;

	st->after_para = 0;
	while (i > 0 && field_is_space(st->text.data[i - 1])) {
		if (st->text.data[i - 1] == '\n')
			return;
		i--;
	}
	if (i > 0)
		buf_addc(&st->text, '\n');
}

void
xml_save_xref(struct xml_state *st, const char **attrs)
{
	static const char *const names[] = { "type", "data", "section" };
	const char	*v[3], *type, *data, *section;

	xml_attrs(attrs, names, v, 3);
	type = v[0];
	data = v[1];
	section = v[2];

	if (type == NULL)
		st->xref_type = XREF_OTHER;
	else if (strcmp(type, "person") == 0)
		st->xref_type = XREF_PERSON;
	else if (strcmp(type, "rfc") == 0)
		st->xref_type = XREF_RFC;
	else if (strcmp(type, "draft") == 0)
		st->xref_type = XREF_DRAFT;
	else
		st->xref_type = XREF_OTHER;
	buf_clear(&st->xref_data);
	buf_clear(&st->xref_section);
	if (data != NULL)
		xml_add(&st->xref_data, data, strlen(data));
	if (section != NULL)
		xml_add(&st->xref_section, section, strlen(section));
}

/*
 * How the CSV writes an xref without text of its own: rfc data="rfc6335"
 * as "RFC6335", a draft with a section as "draft-x-05, Section 4.3", any
 * other as its data.  Appended to out.
 */
static void
xml_xref_label(struct xml_state *st, struct buf *out)
{
	const char	*d = st->xref_data.data;
	size_t		 n = st->xref_data.len;

	field_trim(&d, &n);
	if (n == 0)
		return;
	if (st->xref_type == XREF_RFC && n > 3 &&
	    strncasecmp(d, "rfc", 3) == 0) {
		buf_adds(out, "RFC");
		d += 3;
		n -= 3;
	}
	buf_add(out, d, n);
	if ((st->xref_type == XREF_RFC || st->xref_type == XREF_DRAFT) &&
	    st->xref_section.len != 0 &&
	    !field_is_empty(st->xref_section.data, st->xref_section.len)) {
		buf_adds(out, ", Section ");
		buf_add(out, st->xref_section.data, st->xref_section.len);
	}
}

/* --- Records --------------------------------------------------------- */

void
xml_record_start(struct xml_state *st, const char **attrs)
{
	static const char *const names[] = { "date", "updated" };
	struct record	*r = registry_add_record(st->reg);
	const char	*v[2];

	st->rec = st->reg->n_records - 1;
	st->has_assignee = 0;
	st->seen = 0;
	r->line = xml_line(st);
	xml_attrs(attrs, names, v, 2);
	if (v[0] != NULL)
		r->registered = registry_strtrim(st->reg, v[0], strlen(v[0]));
	if (v[1] != NULL)
		r->modified = registry_strtrim(st->reg, v[1], strlen(v[1]));
}

/* A record's date that is not a real one: kept as written, warned
   (named by the record, now that it has its name and port). */
static void
xml_date_check(struct xml_state *st, const struct record *r,
    const char *what, const char *date)
{
	char	 q[FIELD_QUOTE_SIZE];

	if (date == NULL || *date == '\0' ||
	    field_date_valid(date, strlen(date)))
		return;
	registry_warn_record(st->reg, r->line, r, "%s date \"%s\" is not a "
	    "date (YYYY-MM-DD); kept as written", what,
	    field_quote(q, date, strlen(date)));
}

void
xml_record_end(struct xml_state *st)
{
	struct record	*r = xml_record(st);
	uint32_t	 i;

	/* Without an <assignee>, the record's people are both. */
	if (!st->has_assignee) {
		for (i = 0; i < r->n_contacts; i++)
			registry_add_assignee(st->reg, r, r->contacts[i].id,
			    strlen(r->contacts[i].id));
	}
	xml_date_check(st, r, "registration (date=)", r->registered);
	xml_date_check(st, r, "modification (updated=)", r->modified);
}

/* "80" or "6000-6063". */
static void
xml_number(struct xml_state *st, struct record *r, const char *s)
{
	char	 q[FIELD_QUOTE_SIZE];

	if (s == NULL || field_port_parse(s, strlen(s), &r->port_lo,
	    &r->port_hi) == FIELD_PORT_OK)
		return;
	registry_warn_record(st->reg, xml_line(st), r, "expected a port "
	    "number or "
	    "range (0-%d), found \"%s\"; record kept without a port",
	    PORT_MAX, field_quote(q, s, strlen(s)));
}

void
xml_field_end(struct xml_state *st, enum xml_ctx c)
{
	struct registry	*reg = st->reg;
	struct record	*r = xml_record(st);
	const char	*s;
	char		 q[FIELD_QUOTE_SIZE];
	int		 p;

	s = xml_text(st, c >= C_DESCRIPTION);
	if (st->seen & (1U << c)) {
		registry_warn_record(reg, xml_line(st), r, "a record holds a "
		    "second "
		    "<%s>; kept the first", c == C_NAME ? "name" :
		    c == C_PROTOCOL ? "protocol" : c == C_NUMBER ? "number" :
		    c == C_SC ? "sc" : c == C_DESCRIPTION ? "description" :
		    c == C_NOTE ? "note" : "unauthorized");
		return;
	}
	st->seen |= 1U << c;
	switch (c) {
	case C_NAME:
		r->service = s;
		break;
	case C_PROTOCOL:
		if (s == NULL)
			break;
		if ((p = field_proto_parse(s, strlen(s))) < 0) {
			registry_warn_record(reg, xml_line(st), r, "expected a "
			    "protocol "
			    "(tcp, udp, sctp or dccp), found \"%s\"",
			    field_quote(q, s, strlen(s)));
			break;
		}
		r->proto = (enum proto)p;
		break;
	case C_NUMBER:
		xml_number(st, r, s);
		break;
	case C_SC:
		r->service_code = s;
		break;
	case C_DESCRIPTION:
		r->description = s;
		break;
	case C_NOTE:
		r->notes = s;
		break;
	case C_UNAUTHORIZED:
		r->unauthorized = s;
		break;
	default:
		break;
	}
}

static void
xml_add_ref(struct xml_state *st, struct record *r, const char *s, size_t n)
{
	field_trim(&s, &n);
	if (n != 0)
		registry_add_ref(st->reg, r, s, n);
}

/*
 * A reference with text of its own (<xref type="uri" data="https://...">
 * TR-352</xref>): the text, and what the CSV would write without it
 * (st->label) as its target where that differs.
 */
static void
xml_add_labelled_ref(struct xml_state *st, struct record *r)
{
	const char	*s = st->text.data, *t = st->label.data;
	size_t		 n = st->text.len, tn = st->label.len;

	field_trim(&s, &n);
	field_trim(&t, &tn);
	if (n == 0)
		return;
	if (tn == 0 || (tn == n && memcmp(s, t, n) == 0))
		registry_add_ref(st->reg, r, s, n);
	else
		registry_add_ref_target(st->reg, r, s, n, t, tn);
}

/* A record-level <xref>: a contact, or a reference. */
void
xml_ref_end(struct xml_state *st)
{
	struct record	*r = xml_record(st);
	const char	*s;
	size_t		 n;

	if (st->xref_type == XREF_PERSON) {
		/* Its data, or else its text. */
		s = st->xref_data.data;
		n = st->xref_data.len;
		field_trim(&s, &n);
		if (n == 0) {
			s = st->text.data;
			n = st->text.len;
			field_trim(&s, &n);
		}
		if (n == 0)
			registry_warn_record(st->reg, xml_line(st), r,
			    "expected a person id in <xref type=\"person\">");
		else
			registry_add_contact(st->reg, r, s, n);
		return;
	}
	buf_clear(&st->label);
	xml_xref_label(st, &st->label);
	if (st->text.len != 0 && !field_is_empty(st->text.data, st->text.len)) {
		st->text.len = xml_collapse(st->text.data, st->text.len);
		xml_add_labelled_ref(st, r);
		return;
	}
	xml_add_ref(st, r, st->label.data, st->label.len);
}

/* An <xref> inside text: "[label]" in its place. */
void
xml_text_xref_end(struct xml_state *st)
{
	struct buf	*t = &st->text;
	size_t		 n = t->len - st->xref_at;

	if (n != 0 && !field_is_empty(t->data + st->xref_at, n)) {
		buf_add(t, "[]", 2);
		memmove(t->data + st->xref_at + 1, t->data + st->xref_at, n);
		t->data[st->xref_at] = '[';
		t->data[t->len - 1] = ']';
		return;
	}
	t->len = st->xref_at;
	buf_addc(t, '[');
	xml_xref_label(st, t);
	if (t->len == st->xref_at + 1)
		t->len = st->xref_at;	/* nothing to show */
	else
		buf_addc(t, ']');
	if (t->data != NULL)
		t->data[t->len] = '\0';
}

/* --- People ---------------------------------------------------------- */

enum xml_ctx
xml_person_start(struct xml_state *st, const char **attrs)
{
	static const char *const names[] = { "id" };
	struct person	*p;
	const char	*id;
	size_t		 n;

	xml_attrs(attrs, names, &id, 1);
	n = id != NULL ? strlen(id) : 0;
	field_trim(&id, &n);
	if (n == 0) {
		registry_warn(st->reg, xml_line(st),
		    "expected an id attribute on <person>; person skipped");
		return C_IGNORE;
	}
	p = registry_add_person(st->reg);
	p->id = registry_strndup(st->reg, id, n);
	p->line = xml_line(st);
	st->person = st->reg->n_people - 1;
	st->pseen = 0;
	return C_PERSON;
}

void
xml_person_field_end(struct xml_state *st, enum xml_ctx c)
{
	struct person	*p = xml_person(st);
	const char	*s;

	if (c == C_P_URI) {
		if (st->text.len != 0)
			load_person_uri(st->reg, p, st->text.data,
			    st->text.len);
		return;
	}
	if (st->pseen & (1U << (c - C_P_NAME))) {
		registry_warn(st->reg, xml_line(st), "person [%s] has a "
		    "second <%s>; kept the first", p->id, c == C_P_NAME ?
		    "name" : c == C_P_ORG ? "org" : "updated");
		return;
	}
	st->pseen |= 1U << (c - C_P_NAME);
	s = xml_text(st, 0);
	if (c == C_P_NAME)
		p->name = s;
	else if (c == C_P_ORG)
		p->org = s;
	else
		p->updated = s;
}
