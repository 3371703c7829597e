/*
 * detail.c - detail and contacts text as plain data (no curses).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "detail.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

/* Add a field; text is raw registry text (sanitized here). */
static void
detail_add(struct detail *d, const char *label, const char *text,
    enum detail_role role)
{
	struct detail_field	*f;

	if (text == NULL || *text == '\0')
		return;
	xgrow((void **)&d->fields, &d->cap, d->n + 1, sizeof *d->fields);
	f = &d->fields[d->n++];
	f->label = label;
	f->text = sanitize(text, 1);
	f->role = role;
}

void
detail_add_field(struct detail *d, const char *label, const char *text,
    enum detail_role role)
{
	detail_add(d, label, text, role);
}

/* Add a field from portreg's own (already safe) text; takes ownership. */
static void
detail_add_own(struct detail *d, const char *label, char *text,
    enum detail_role role)
{
	struct detail_field	*f;

	xgrow((void **)&d->fields, &d->cap, d->n + 1, sizeof *d->fields);
	f = &d->fields[d->n++];
	f->label = label;
	f->text = text;
	f->role = role;
}

static void
detail_set_link(struct detail *d, const char *url)
{
	if (d->link == NULL && url != NULL && detail_uri_allowed(url))
		d->link = xstrdup(url);
}

/*
 * uri shows at bytes [off, off+len) of field: a span, and a link the
 * first time uri is seen.  Nothing when uri may not be opened.
 */
static void
detail_add_span(struct detail *d, size_t field, size_t off, size_t len,
    const char *uri, enum detail_link_kind kind)
{
	struct detail_link	*l;
	struct detail_span	*sp;
	size_t			 i;

	if (uri == NULL || len == 0 || !detail_uri_allowed(uri))
		return;
	for (i = 0; i < d->n_links; i++) {
		if (strcmp(d->links[i].uri, uri) == 0)
			break;
	}
	if (i == d->n_links) {
		xgrow((void **)&d->links, &d->links_cap, d->n_links + 1,
		    sizeof *d->links);
		l = &d->links[d->n_links++];
		l->uri = xstrdup(uri);
		l->kind = kind;
		l->field = field;
		l->off = off;
		l->len = len;
	}
	xgrow((void **)&d->spans, &d->spans_cap, d->n_spans + 1,
	    sizeof *d->spans);
	sp = &d->spans[d->n_spans++];
	sp->field = field;
	sp->off = off;
	sp->len = len;
	sp->link = i;
}

char *
detail_record_name(const struct registry *reg, int32_t rec)
{
	const struct record	*r;
	struct buf		 b = { 0 };
	char			 port[FIELD_PORT_SIZE];

	if (rec < 0 || (size_t)rec >= reg->n_records)
		return xstrdup("");
	r = &reg->records[rec];
	if (r->service != NULL) {
		sanitize_buf(&b, r->service, strlen(r->service), 0);
		buf_addc(&b, ' ');
	} else if (r->kind == KIND_UNASSIGNED)
		buf_adds(&b, "Unassigned ");
	else if (r->kind == KIND_RESERVED)
		buf_adds(&b, "Reserved ");
	if (r->port_lo >= 0) {
		field_port_format(port, r->port_lo, r->port_hi);
		buf_adds(&b, port);
		if (r->proto != PROTO_NONE)
			buf_printf(&b, "/%s", proto_name(r->proto));
	} else if (r->proto != PROTO_NONE)
		buf_printf(&b, "(%s)", proto_name(r->proto));
	if (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/*
 * "Name (Org) [Id] <e-mail> URI" for a person reference, in field
 * (the field's index once added): the e-mail and URI are links.
 */
static void
detail_person_text(struct buf *b, struct detail *d, size_t field,
    const struct registry *reg, const struct person_ref *pr)
{
	const struct person	*p;
	size_t			 at;
	char			*mailto;

	if (pr->person < 0 || (size_t)pr->person >= reg->n_people) {
		buf_addc(b, '[');
		sanitize_buf(b, pr->id, strlen(pr->id), 0);
		buf_adds(b, "] (not in the people table)");
		return;
	}
	p = &reg->people[pr->person];
	if (p->name != NULL) {
		sanitize_buf(b, p->name, strlen(p->name), 0);
		if (p->org != NULL) {
			buf_adds(b, " (");
			sanitize_buf(b, p->org, strlen(p->org), 0);
			buf_addc(b, ')');
		}
	} else if (p->org != NULL)
		sanitize_buf(b, p->org, strlen(p->org), 0);
	buf_adds(b, b->len > 0 && b->data[b->len - 1] != '\n' ? " [" : "[");
	sanitize_buf(b, pr->id, strlen(pr->id), 0);
	buf_addc(b, ']');
	if (p->email != NULL) {
		buf_adds(b, " <");
		at = b->len;
		sanitize_buf(b, p->email, strlen(p->email), 0);
		if (strchr(p->email, ' ') == NULL) {
			mailto = xasprintf("mailto:%s", p->email);
			detail_add_span(d, field, at, b->len - at, mailto,
			    DETAIL_LINK_MAIL);
			free(mailto);
		}
		buf_addc(b, '>');
	}
	if (p->uri != NULL) {
		buf_addc(b, ' ');
		at = b->len;
		sanitize_buf(b, p->uri, strlen(p->uri), 0);
		detail_add_span(d, field, at, b->len - at, p->uri,
		    DETAIL_LINK_URI);
	}
}

static void
detail_people_field(struct detail *d, const struct registry *reg,
    const char *label, const struct person_ref *refs, uint32_t n)
{
	struct buf	 b = { 0 };
	uint32_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(&b, '\n');
		detail_person_text(&b, d, d->n, reg, &refs[i]);
	}
	if (b.len > 0)
		detail_add_own(d, label, buf_detach(&b), DETAIL_TEXT);
	buf_free(&b);
}

static char *
detail_port_text(int32_t lo, int32_t hi)
{
	char	 port[FIELD_PORT_SIZE];

	if (lo < 0)
		return xstrdup("none (a service name without a port)");
	field_port_format(port, lo, hi);
	if (hi != lo)
		return xasprintf("%s (%d ports)", port, (int)(hi - lo + 1));
	return xstrdup(port);
}

static char *
detail_class_text(int32_t lo, int32_t hi)
{
	enum port_class	 a = port_class(lo), b = port_class(hi);

	if (a == b)
		return xasprintf("%s", port_class_name(a));
	return xasprintf("%s to %s", port_class_name(a), port_class_name(b));
}

int32_t
detail_gap_of(const struct registry *reg, int32_t row)
{
	const struct record	*r;
	size_t			 lo, hi, mid;

	if (ROW_IS_GAP(row)) {
		if (ROW_GAP_INDEX(row) >= reg->n_gaps)
			return -1;
		return (int32_t)ROW_GAP_INDEX(row);
	}
	if ((size_t)row >= reg->n_records)
		return -1;
	r = &reg->records[row];
	if (r->kind != KIND_UNASSIGNED || r->port_lo < 0)
		return -1;
	lo = 0;
	hi = reg->n_gaps;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (reg->gaps[mid].lo < r->port_lo)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < reg->n_gaps && reg->gaps[lo].lo == r->port_lo; lo++) {
		if (reg->gaps[lo].record == row)
			return (int32_t)lo;
	}
	return -1;
}

/* One labelled neighbour of a gap: its name and description, or none. */
static void
detail_gap_neighbour(struct detail *d, const struct registry *reg,
    const char *label, int32_t rec, const char *none)
{
	char	*s, *t;

	s = rec >= 0 ? detail_record_name(reg, rec) : NULL;
	if (s == NULL) {
		detail_add_own(d, label, xstrdup(none), DETAIL_NOTE);
		return;
	}
	t = reg->records[rec].description != NULL ?
	    sanitize(reg->records[rec].description, 0) : NULL;
	detail_add_own(d, label, t != NULL ? xasprintf("%s  %s", s, t) :
	    xstrdup(s), DETAIL_TEXT);
	free(t);
	free(s);
}

static void
detail_gap_fields(struct detail *d, const struct registry *reg, int32_t g)
{
	int32_t	 before, after;

	registry_gap_neighbours(reg, (size_t)g, &before, &after);
	detail_gap_neighbour(d, reg, "Before", before,
	    "nothing: the first gap");
	detail_gap_neighbour(d, reg, "After", after, "nothing: the last gap");
}

static void
detail_build_gap(struct detail *d, const struct registry *reg, size_t g)
{
	const struct gap	*gp = &reg->gaps[g];

	detail_add_own(d, "Port", detail_port_text(gp->lo, gp->hi),
	    DETAIL_TEXT);
	detail_add_own(d, "Protocol", xstrdup(gp->proto == PROTO_NONE ?
	    "any" : proto_name(gp->proto)), DETAIL_TEXT);
	detail_add_own(d, "Class", detail_class_text(gp->lo, gp->hi),
	    DETAIL_TEXT);
	detail_add_own(d, "Kind", xstrdup("unassigned: no row of the file "
	    "lists these ports"), DETAIL_NOTE);
	detail_add_own(d, "Gap size", xasprintf("%d port%s",
	    (int)(gp->hi - gp->lo + 1), gp->hi == gp->lo ? "" : "s"),
	    DETAIL_TEXT);
	detail_gap_fields(d, reg, (int32_t)g);
}

void
detail_build(struct detail *d, const struct registry *reg, int32_t row)
{
	const struct record	*r;
	int32_t			 g;
	uint32_t		 i;
	char			*link;

	memset(d, 0, sizeof *d);
	if (ROW_IS_GAP(row)) {
		if (ROW_GAP_INDEX(row) < reg->n_gaps)
			detail_build_gap(d, reg, ROW_GAP_INDEX(row));
		return;
	}
	if ((size_t)row >= reg->n_records)
		return;
	r = &reg->records[row];

	detail_add(d, "Service", r->service, DETAIL_TEXT);
	detail_add_own(d, "Port", detail_port_text(r->port_lo, r->port_hi),
	    r->port_lo < 0 ? DETAIL_NOTE : DETAIL_TEXT);
	detail_add_own(d, "Protocol", xstrdup(r->proto == PROTO_NONE ?
	    "any" : proto_name(r->proto)), DETAIL_TEXT);
	if (r->port_lo >= 0)
		detail_add_own(d, "Class", detail_class_text(r->port_lo,
		    r->port_hi), DETAIL_TEXT);
	detail_add_own(d, "Kind", xstrdup(record_kind_name(r->kind)),
	    DETAIL_TEXT);
	detail_add(d, "Description", r->description, DETAIL_TEXT);
	if (r->kind == KIND_UNASSIGNED && r->port_lo >= 0) {
		detail_add_own(d, "Gap size", xasprintf("%d port%s",
		    (int)(r->port_hi - r->port_lo + 1),
		    r->port_hi == r->port_lo ? "" : "s"), DETAIL_TEXT);
		if ((g = detail_gap_of(reg, row)) >= 0)
			detail_gap_fields(d, reg, g);
	}
	detail_people_field(d, reg, "Assignee", r->assignees, r->n_assignees);
	detail_people_field(d, reg, "Contact", r->contacts, r->n_contacts);
	detail_add(d, "Registered", r->registered, DETAIL_TEXT);
	detail_add(d, "Modified", r->modified, DETAIL_TEXT);
	for (i = 0; i < r->n_refs; i++) {
		link = detail_ref_link(r->refs[i]);
		if (link != NULL && strcmp(link, r->refs[i]) != 0) {
			char	*s = sanitize(r->refs[i], 0);
			char	*u = sanitize(link, 0);
			size_t	 at = strlen(s) + 2;

			detail_add_span(d, d->n, at, strlen(u), link,
			    DETAIL_LINK_REF);
			detail_add_own(d, "Reference", xasprintf("%s  %s", s,
			    u), DETAIL_LINK);
			free(u);
			free(s);
		} else if (r->refs[i][0] != '\0') {
			detail_add(d, "Reference", r->refs[i], link != NULL ?
			    DETAIL_LINK : DETAIL_TEXT);
			if (link != NULL)
				detail_add_span(d, d->n - 1, 0,
				    strlen(d->fields[d->n - 1].text), link,
				    DETAIL_LINK_REF);
		}
		detail_set_link(d, link);
		free(link);
	}
	detail_add(d, "Service code", r->service_code, DETAIL_TEXT);
	detail_add(d, "Unauthorized", r->unauthorized, DETAIL_TEXT);
	detail_add(d, "Notes", r->notes, DETAIL_TEXT);
	if (r->line != 0)
		detail_add_own(d, "Source", xasprintf("line %u",
		    (unsigned)r->line), DETAIL_NOTE);
}

void
detail_free(struct detail *d)
{
	size_t	 i;

	for (i = 0; i < d->n; i++)
		free(d->fields[i].text);
	free(d->fields);
	free(d->link);
	for (i = 0; i < d->n_links; i++)
		free(d->links[i].uri);
	free(d->links);
	free(d->spans);
	memset(d, 0, sizeof *d);
}

/* Width of the character at s (n bytes available); sets *clen. */
static int
detail_char(const char *s, size_t n, size_t *clen)
{
	mbstate_t	 ps;
	wchar_t		 wc;
	size_t		 r;
	int		 w;

	memset(&ps, 0, sizeof ps);
	r = mbrtowc(&wc, s, n, &ps);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*clen = 1;
		return 1;
	}
	*clen = r;
	w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

static void
detail_push(struct detail_line **lines, size_t *n, size_t *cap,
    size_t field, size_t off, size_t len, int first)
{
	struct detail_line	*l;

	xgrow((void **)lines, cap, *n + 1, sizeof **lines);
	l = &(*lines)[(*n)++];
	l->field = field;
	l->off = off;
	l->len = len;
	l->first = first;
}

/*
 * The first screen line of t[start, end) at tw columns: returns where
 * it ends and sets *next to where the following one starts.  Text
 * breaks at the line's last space, never inside a word; a word longer
 * than a whole line (a long URL) breaks after its last '/' when that
 * fills half the line, else where the line is full.
 */
static size_t
detail_wrap_line(const char *t, size_t start, size_t end, int tw,
    size_t *next)
{
	size_t	 i = start, e, clen, brk = 0, slash = 0;
	int	 col = 0, w, slash_col = 0;

	while (i < end) {
		w = detail_char(t + i, end - i, &clen);
		if (col + w > tw && i > start)
			break;
		if (t[i] == ' ' && i > start)
			brk = i;
		col += w;
		i += clen;
		if (t[i - 1] == '/') {
			slash = i;
			slash_col = col;
		}
	}
	if (i >= end) {
		*next = end;
		return end;
	}
	if (t[i] == ' ')		/* full just before a space */
		brk = i;
	if (brk > start) {
		for (*next = brk; *next < end && t[*next] == ' '; (*next)++)
			;
		for (e = brk; e > start && t[e - 1] == ' '; e--)
			;
		return e > start ? e : brk;
	}
	if (slash > start && slash < i && slash_col * 2 >= tw) {
		*next = slash;
		return slash;
	}
	*next = i;
	return i;
}

size_t
detail_wrap(const struct detail *d, int width, struct detail_line **lines,
    int *text_x)
{
	size_t		 n = 0, cap = 0, f, i, e, start, end, len;
	const char	*t;
	int		 tw, first;

	*lines = NULL;
	if (width < 1)
		width = 1;
	if (width - DETAIL_LABEL_W >= 16) {
		*text_x = DETAIL_LABEL_W;
		tw = width - DETAIL_LABEL_W;
	} else {
		*text_x = 0;
		tw = width;
	}
	for (f = 0; f < d->n; f++) {
		t = d->fields[f].text;
		len = strlen(t);
		first = 1;
		if (*text_x == 0) {	/* label on a line of its own */
			detail_push(lines, &n, &cap, f, 0, 0, 1);
			first = 0;
		}
		start = 0;
		while (start <= len) {
			end = start;
			while (end < len && t[end] != '\n')
				end++;
			/* Wrap t[start, end) to tw columns. */
			do {
				e = detail_wrap_line(t, start, end, tw, &i);
				detail_push(lines, &n, &cap, f, start,
				    e - start, first);
				first = 0;
				start = i;
			} while (start < end);
			start = end + 1;
		}
	}
	return n;
}

long
detail_link_default(const struct detail *d)
{
	size_t	 i;

	for (i = 0; i < d->n_links; i++) {
		if (d->links[i].kind == DETAIL_LINK_REF)
			return (long)i;
	}
	for (i = 0; i < d->n_links; i++) {
		if (d->links[i].kind == DETAIL_LINK_URI)
			return (long)i;
	}
	return d->n_links > 0 ? 0 : -1;
}

int
detail_link_lines(const struct detail *d, size_t l,
    const struct detail_line *lines, size_t n, size_t *first, size_t *last)
{
	const struct detail_link	*k;
	size_t				 i, end;
	int				 found = 0;

	if (l >= d->n_links)
		return 0;
	k = &d->links[l];
	end = k->off + k->len;
	for (i = 0; i < n; i++) {
		if (lines[i].field != k->field || lines[i].len == 0)
			continue;
		if (lines[i].off + lines[i].len <= k->off ||
		    lines[i].off >= end)
			continue;
		if (!found)
			*first = i;
		*last = i;
		found = 1;
	}
	return found;
}

char *
detail_ref_link(const char *ref)
{
	const char	*s, *e;
	size_t		 n;

	if (ref == NULL)
		return NULL;
	if (strncasecmp(ref, "https://", 8) == 0 ||
	    strncasecmp(ref, "http://", 7) == 0) {
		for (e = ref; *e != '\0' && *e != ' ' && *e != ']' &&
		    (unsigned char)*e > ' '; e++)
			;
		return xstrndup(ref, e - ref);
	}
	/* An RFC to be, named for its draft: "RFC-ietf-ntp-roughtime-19"
	   is draft-ietf-ntp-roughtime-19 on the datatracker. */
	if (strncasecmp(ref, "RFC-", 4) == 0 &&
	    isalpha((unsigned char)ref[4])) {
		for (e = ref + 4; isalnum((unsigned char)*e) || *e == '-' ||
		    *e == '.' || *e == '_'; e++)
			;
		return xasprintf("https://datatracker.ietf.org/doc/draft-%.*s/",
		    (int)(e - ref - 4), ref + 4);
	}
	if (strncasecmp(ref, "RFC", 3) == 0) {
		s = ref + 3;
		while (*s == ' ')
			s++;
		for (e = s; isdigit((unsigned char)*e); e++)
			;
		n = e - s;
		if (n == 0 || n > 5)
			return NULL;
		return xasprintf("https://www.rfc-editor.org/rfc/rfc%.*s",
		    (int)n, s);
	}
	if (strncasecmp(ref, "draft-", 6) == 0) {
		for (e = ref; isalnum((unsigned char)*e) || *e == '-' ||
		    *e == '.' || *e == '_'; e++)
			;
		return xasprintf("https://datatracker.ietf.org/doc/%.*s/",
		    (int)(e - ref), ref);
	}
	return NULL;
}

int
detail_uri_allowed(const char *uri)
{
	const char	*s;

	if (uri == NULL)
		return 0;
	if (strncasecmp(uri, "http://", 7) != 0 &&
	    strncasecmp(uri, "https://", 8) != 0 &&
	    strncasecmp(uri, "mailto:", 7) != 0)
		return 0;
	for (s = uri; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	}
	return 1;
}

char *
detail_person_link(const struct registry *reg, int32_t p)
{
	const struct person	*pp;

	if (p < 0 || (size_t)p >= reg->n_people)
		return NULL;
	pp = &reg->people[p];
	if (pp->uri != NULL && detail_uri_allowed(pp->uri))
		return xstrdup(pp->uri);
	if (pp->email != NULL && strchr(pp->email, ' ') == NULL) {
		char *s = xasprintf("mailto:%s", pp->email);

		if (detail_uri_allowed(s))
			return s;
		free(s);
	}
	return NULL;
}

static size_t
detail_people_add(struct detail_person *out, size_t cap, size_t n,
    const struct person_ref *pr, unsigned role)
{
	size_t	 i;

	for (i = 0; i < n && i < cap; i++) {
		if (strcmp(out[i].id, pr->id) == 0) {
			out[i].roles |= role;
			return n;
		}
	}
	if (n < cap) {
		out[n].id = pr->id;
		out[n].person = pr->person;
		out[n].roles = role;
	}
	return n + 1;
}

size_t
detail_people(const struct registry *reg, int32_t row,
    struct detail_person *out, size_t cap)
{
	const struct record	*r;
	size_t			 n = 0;
	uint32_t		 i;

	if (ROW_IS_GAP(row) || (size_t)row >= reg->n_records)
		return 0;
	r = &reg->records[row];
	for (i = 0; i < r->n_assignees; i++)
		n = detail_people_add(out, cap, n, &r->assignees[i],
		    DETAIL_ASSIGNEE);
	for (i = 0; i < r->n_contacts; i++)
		n = detail_people_add(out, cap, n, &r->contacts[i],
		    DETAIL_CONTACT);
	return n;
}
