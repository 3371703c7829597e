/*
 * load-text.c - the registry web page copied as plain text ("pasted").
 *
 * The form of data/seed-excerpt-2024-10-15.txt: a preamble ("Last
 * Updated" and the date on the next line), the column header line
 * "Service Name Port Number ...", one line per record holding the
 * non-empty CSV fields joined by single spaces, then "Contact
 * Information", the header "ID Name Organization ..." and one line per
 * person: "[Id] name organization uri updated".
 *
 * The column boundaries are gone, so this loader infers them; every
 * inference that can be wrong becomes a registry warning naming the line,
 * and nothing is invented.  The inferences, and the measurements behind
 * them, are listed in portreg(1) under PASTED TEXT:
 *
 * - A record line: [name] [port] [protocol] description, then the tail:
 *   up to two people lists, up to two dates, bracketed references, a
 *   service code (digits), and any remaining text (notes, or the
 *   unauthorized use reported when it says so).  The description ends
 *   where the tail starts: at a date, at a reference-like bracket
 *   ([RFC...], [draft-...], [http...]) or at a people list ([Id][Id]),
 *   whose ids are looked up in the contact table first.
 * - One people list is the assignee (the 2025 CSV has 2 rows with an
 *   assignee and no contact, none the other way round).
 * - A lone date is the registration date when the record names an
 *   assignee, else the modification date.
 * - A line that cannot start a record is a line wrapped out of a field
 *   of the record before: it is joined back to it (load-text-join.c),
 *   with a warning where the lines around do not settle that.
 * - A contact's name is the leading words that spell the id; the rest
 *   is the organization.  Where the id spells all of the text, or the
 *   person is an assignee (organizations are), the text is kept whole as
 *   a display string.
 *
 * The whole input is scanned in three passes over its lines: locate the
 * sections (and read the preamble), collect the contact ids, read the
 * records, then the contacts.  Every pass is linear in the input.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load.h"
#include "load-text.h"
#include "loader.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

/* --- Preamble and landmarks -------------------------------------------- */

/* One line of the preamble: the title, "Last Updated" and its date. */
static void
load_text_preamble(struct load_text *tp, struct load_text_line *l,
    int *want_date)
{
	struct registry	*reg = tp->reg;

	load_text_trim_start(l);
	if (l->len == 0)
		return;
	if (*want_date) {
		*want_date = 0;
		if (field_is_date(l->s, l->len))
			reg->updated = registry_strndup(reg, l->s, l->len);
		else
			load_text_warn_line(tp, l, "expected the date after "
			    "'Last Updated'");
	} else if (load_text_line_is(l, "Last Updated"))
		*want_date = 1;
	else if (reg->title == NULL &&
	    memmem(l->s, l->len, "Registry", 8) != NULL)
		reg->title = registry_strtrim(reg, l->s, l->len);
}

/*
 * Find the column header, "Contact Information", and read the preamble:
 * the title (the first line naming a "Registry") and the date on the line
 * after "Last Updated".
 */
static void
load_text_locate(struct load_text *tp)
{
	struct load_text_line	 l;
	const char		*p = tp->buf;
	uint32_t		 no = 0;
	int			 want_date = 0;

	while (load_text_next_line(&p, tp->end, &no, &l)) {
		if (memchr(l.s, '\0', l.len) != NULL) {
			if (tp->header == 0)
				load_text_line_ok(tp, &l);	/* warns */
			continue;
		}
		if (tp->header == 0) {
			if (load_text_line_starts(&l,
			    "Service Name Port Number")) {
				tp->header = l.no;
				load_text_trim_start(&l);
				tp->indent = (size_t)(l.s - l.line);
				tp->records = p;
				continue;
			}
			load_text_preamble(tp, &l, &want_date);
			continue;
		}
		if (load_text_line_is(&l, "Contact Information")) {
			tp->contacts = l.no;
			tp->people = p;
			break;
		}
	}
}

/* Collect the ids of the contact table, so that records can tell "[Id]"
   from a bracket in a description. */
static void
load_text_collect_ids(struct load_text *tp)
{
	struct load_text_line	 l;
	const char		*p = tp->people, *close;
	uint32_t		 no = tp->contacts;

	if (p == NULL)
		return;
	while (load_text_next_line(&p, tp->end, &no, &l)) {
		load_text_trim_start(&l);
		if (l.len < 3 || *l.s != '[' || memchr(l.s, '\0', l.len))
			continue;
		close = memchr(l.s, ']', l.len);
		if (close != NULL && load_text_id_like(l.s + 1,
		    (size_t)(close - l.s - 1)))
			load_text_id_add(tp, l.s + 1,
			    (size_t)(close - l.s - 1));
	}
}

/* --- Records ----------------------------------------------------------- */

/* Fewer lines that are not records than this never make the file an
   error, however few its records (a paste of one multi-line record). */
#define TEXT_BAD_MIN	4

/* Where does the tail (people, dates, references) start?  At a date, a
   reference-like bracket, or a people list: with ids of the contact
   table, or else only where what follows fits the column order. */
static size_t
load_text_tail_start(struct load_text *tp, size_t from)
{
	struct load_text_token	*t = tp->tok;
	size_t			 n = tp->n_tok, j;
	int			 known, k1, k2;

	for (j = from; j < n; j++) {
		if (field_is_date(t[j].s, t[j].len))
			return j;
		/* References come after the people lists: one right before
		   a list of the table's ids is the description's ("...
		   (LCMPP) [RFC9483] [IESG] [IETF_Chair]", brski-reg-cmp). */
		if (load_text_ref_token(&t[j])) {
			if (j + 1 < n && load_text_people(tp, &t[j + 1],
			    &known) && known)
				continue;
			return j;
		}
		if (!load_text_people(tp, &t[j], &known))
			continue;
		if (known)
			return j;
		/*
		 * An id nobody defines ("[recv]", "[Control]" are parts of
		 * descriptions): a list only when the rest fits.  Where
		 * there is a contact table, it must be followed by a date or
		 * another list, as records name people that it defines.
		 */
		if (j + 1 == n || load_text_ref_token(&t[j + 1])) {
			if (tp->n_ids == 0)
				return j;
			continue;
		}
		if (field_is_date(t[j + 1].s, t[j + 1].len))
			return j;
		if (load_text_people(tp, &t[j + 1], &k1) && (j + 2 == n ||
		    !load_text_people(tp, &t[j + 2], &k2)))
			return j;
	}
	return n;
}

static int
load_text_unauthorized(const char *s)
{
	return strncasecmp(s, "Unauthorized Use", 16) == 0 ||
	    strncasecmp(s, "Known Unauthorized Use", 22) == 0;
}

/*
 * Does the start of the line, [name] [port] [protocol] and the first word
 * of the description, look like a record?  Prose wrapped out of a
 * multi-line field is indented, or reads "word word ..."; the shapes
 * below are those of every record of the 2025 CSV but one.  Returns
 * NULL or why not.
 */
static const char *
load_text_record_shape(struct load_text *tp, const struct load_text_line *l,
    const char *name, size_t name_len, int port, int proto, size_t i,
    size_t j)
{
	const struct load_text_token	*t = tp->tok;
	size_t			 n = tp->n_tok, k;
	const char		*d = i < n ? t[i].s : NULL;

	if ((size_t)(l->s - l->line) > tp->indent)
		return "indented more than the column header";
	/* Fields are joined by one space: "unitary   126/tcp" is not. */
	for (k = 1; k <= i && k < n; k++) {
		if (t[k].s - (t[k - 1].s + t[k - 1].len) != 1)
			return "more than one space between fields";
	}
	if (name != NULL && !port && !proto && l->no < tp->last_port_line)
		return "a name-only row before rows with ports, where IANA "
		    "lists none";
	if (name != NULL && !port && !proto) {
		/* Name-only rows: "argus ARGUS Protocol", "seeCard seeCard
		   [...]"; never "IANA assigned this ...". */
		if (!(*name >= 'a' && *name <= 'z') && !load_text_digit(*name))
			return "a name-only row would start with a lower-case "
			    "name";
		if (d == NULL)
			return "a name alone";
		if (j == n && !(*d >= 'A' && *d <= 'Z') && !load_text_digit(*d))
			return "a name-only row would have a capitalized "
			    "description, people or dates";
	}
	/* "Port 126 Previously assigned ...": named rows without a
	   protocol are ranges or lower case ("boe-cms 6400"). */
	if (name != NULL && port && !proto &&
	    load_text_has_upper(name, name_len))
		return "a named port without a protocol would be "
		    "in lower case";
	if (name == NULL && !proto) {
		if (d == NULL)
			return "a port alone";
		if (!(*d >= 'A' && *d <= 'Z') && *d != '(' &&
		    !load_text_prefix(d, t[i].len, "unassigned") &&
		    !load_text_prefix(d, t[i].len, "reserved"))
			return "a port without a protocol would say "
			    "Unassigned or Reserved, or be capitalized";
	}
	return NULL;
}

/*
 * IANA's fixed phrases that start the notes or the unauthorized use even
 * where no people, dates or references come before them; no description
 * of the 2025 CSV holds one.
 */
static const char *load_text_phrases[] = {
	"This entry ", "This port ", "Defined TXT keys", "De-Assigned ",
	"Unauthorized Use", "Known Unauthorized Use",
};
#define TEXT_PHRASES (sizeof load_text_phrases / sizeof *load_text_phrases)

static size_t
load_text_phrase(struct load_text *tp, size_t from, size_t to)
{
	const struct load_text_token	*t = tp->tok;
	size_t			 k, left, m;

	for (k = from; k < to; k++) {
		left = (size_t)(t[to - 1].s + t[to - 1].len - t[k].s);
		for (m = 0; m < TEXT_PHRASES; m++) {
			if (load_text_prefix(t[k].s, left,
			    load_text_phrases[m]))
				return k;
		}
	}
	return to;
}

/*
 * A line that is not a record and cannot be joined to one (there is none
 * before it, or it has TEXT_JOIN_MAX lines already): its text is lost
 * (the warning names the record before, if any).
 */
static void
load_text_refuse(struct load_text *tp, const struct load_text_line *l,
    const char *why)
{
	struct registry	*reg = tp->reg;
	char		 q[FIELD_QUOTE_SIZE];

	if (tp->prev_rec != 0 && tp->prev_rec <= reg->n_records)
		registry_warn_record(reg, l->no,
		    &reg->records[tp->prev_rec - 1], "not a record line (%s), "
		    "a continuation of a multi-line field of this record?  "
		    "Ignored, and lost to it: '%s'", why,
		    field_quote(q, l->s, l->len));
	else
		registry_warn(reg, l->no, "not a record line (%s), a "
		    "continuation of a multi-line field?  Ignored: '%s'",
		    why, field_quote(q, l->s, l->len));
}

/*
 * Read [name] [port] [protocol] from the tokens.  Returns NULL, or why
 * the tokens cannot start a record.
 */
static const char *
load_text_head(struct load_text *tp, struct load_text_head *h)
{
	const struct load_text_token	*t = tp->tok;
	size_t			 n = tp->n_tok;
	int32_t			 a, b;

	memset(h, 0, sizeof *h);
	h->lo = h->hi = -1;
	h->proto = PROTO_NONE;
	if (n == 0)
		return "an empty line";
	if (field_port_parse(t[0].s, t[0].len, &a, &b) == FIELD_PORT_OK) {
		h->lo = a;
		h->hi = b;
		h->i = 1;
	} else if (load_text_is_name(t[0].s, t[0].len)) {
		h->name = t[0].s;
		h->name_len = t[0].len;
		h->i = 1;
		if (n > 1 && field_port_parse(t[1].s, t[1].len, &a,
		    &b) == FIELD_PORT_OK) {
			h->lo = a;
			h->hi = b;
			h->i = 2;
		}
	} else
		return "its first word is neither a port nor a service name";
	if (h->i < n && load_text_is_proto(t[h->i].s, t[h->i].len)) {
		h->proto = field_proto_parse(t[h->i].s, t[h->i].len);
		h->i++;
	}
	return NULL;
}

/* Does line l start a record?  NULL, or why not. */
const char *
load_text_starts(struct load_text *tp, const struct load_text_line *l,
    int *never)
{
	struct load_text_head	 h;
	const char		*why;

	load_text_tokenize(tp, l);
	*never = 0;
	if ((why = load_text_head(tp, &h)) != NULL) {
		*never = 1;
		return why;
	}
	return load_text_record_shape(tp, l, h.name, h.name_len, h.lo >= 0,
	    h.proto != PROTO_NONE, h.i, load_text_tail_start(tp, h.i));
}

/*
 * Read a record: a line that load_text_starts took, and any wrapped
 * lines joined to it (l's text then holds them, each after a '\n', and
 * tp->brk says where).
 */
void
load_text_record(struct load_text *tp, const struct load_text_line *l)
{
	struct registry		*reg = tp->reg;
	struct load_text_token	*t;
	struct load_text_head	 h;
	struct record		*r;
	const char		*date[2] = { NULL, NULL };
	const char		*rest;
	char			 q[FIELD_QUOTE_SIZE];
	size_t			 n, i, j, k, g, n_lists = 0, n_dates = 0;
	size_t			 list[2];
	int			 known, phrase;

	load_text_tokenize(tp, l);
	t = tp->tok;
	n = tp->n_tok;
	if (load_text_head(tp, &h) != NULL)
		return;		/* load_text_starts took it: never */
	i = h.i;
	j = load_text_tail_start(tp, i);
	phrase = j == n && (k = load_text_phrase(tp, i, j)) != j;
	if (phrase)
		j = k;

	r = registry_add_record(reg);
	r->line = l->no;
	r->service = h.name ? registry_strndup(reg, h.name, h.name_len) : NULL;
	r->port_lo = h.lo;
	r->port_hi = h.hi;
	r->proto = (enum proto)h.proto;
	r->description = load_text_span(tp, i, j);
	tp->prev_rec = reg->n_records;
	if (tp->first_doubt)
		registry_warn_record(reg, l->no, r, "a name-only row after a "
		    "line joined to the record before on a guess: it may be "
		    "wrapped text of that record as well (pasted text cannot "
		    "tell)");
	if (phrase)
		registry_warn_record(reg, l->no, r, "text from '%.*s ...' "
		    "taken as notes, not description (pasted text cannot "
		    "tell)", (int)(t[j].len), t[j].s);
	else if (j == n && j > i + 1)
		registry_warn_record(reg, l->no, r, "no people, dates or "
		    "references end the description: all of '%s' is taken as "
		    "the description; notes or unauthorized use after it "
		    "cannot be told apart (pasted text cannot tell)",
		    field_quote(q, r->description, strlen(r->description)));
	/* A reference right before the people lists is the description's
	   (load_text_tail_start), which settles it; other brackets may be
	   references. */
	g = j;
	if (g > i && g < n && load_text_ref_token(&t[g - 1]) &&
	    load_text_people(tp, &t[g], &known) && known)
		g--;
	if (g > i && load_text_has_bracket(t[i].s,
	    (size_t)(t[g - 1].s + t[g - 1].len - t[i].s)))
		registry_warn_record(reg, l->no, r, "a bracket in the "
		    "description is kept there; it may be a reference "
		    "(pasted text cannot tell)");

	/* The tail, in column order. */
	for (k = j; k < n && n_lists < 2 && load_text_people(tp, &t[k], &known);
	    k++)
		list[n_lists++] = k;
	for (; k < n && n_dates < 2 && field_is_date(t[k].s, t[k].len); k++)
		date[n_dates++] = registry_strndup(reg, t[k].s, t[k].len);
	for (; k < n && (g = load_text_groups(&t[k])) != 0; k++) {
		if (r->n_refs + g > TEXT_LIST_MAX) {
			registry_warn_record(reg, l->no, r, "more than %d "
			    "references; the rest of the line is kept as notes",
			    TEXT_LIST_MAX);
			break;
		}
		load_refs(reg, r, t[k].s, t[k].len);
	}
	if (k < n && t[k].len <= 10 && load_text_all_digits(t[k].s, t[k].len)) {
		r->service_code = registry_strndup(reg, t[k].s, t[k].len);
		k++;
	}
	rest = load_text_span(tp, k, n);

	if (n_lists == 2) {
		load_people_list(reg, r, 'a', t[list[0]].s, t[list[0]].len);
		load_people_list(reg, r, 'c', t[list[1]].s, t[list[1]].len);
		if (t[list[0]].len == t[list[1]].len &&
		    memcmp(t[list[0]].s, t[list[1]].s, t[list[0]].len) == 0)
			load_text_roles(tp, &t[list[0]], TEXT_ROLE_SELF);
		else {
			load_text_roles(tp, &t[list[0]], TEXT_ROLE_ASSIGNEE);
			load_text_roles(tp, &t[list[1]], TEXT_ROLE_CONTACT);
		}
	} else if (n_lists == 1) {
		load_people_list(reg, r, 'a', t[list[0]].s, t[list[0]].len);
		load_text_roles(tp, &t[list[0]], TEXT_ROLE_ASSIGNEE);
		registry_warn_record(reg, l->no, r, "one people list %s "
		    "taken as the assignee, with no contact (pasted text "
		    "cannot tell)",
		    field_quote(q, t[list[0]].s, t[list[0]].len));
	}

	if (n_dates == 2) {
		r->registered = date[0];
		r->modified = date[1];
	} else if (n_dates == 1 && n_lists > 0) {
		r->registered = date[0];
		registry_warn_record(reg, l->no, r, "lone date %s taken as "
		    "registration date (pasted text cannot tell)", date[0]);
	} else if (n_dates == 1) {
		r->modified = date[0];
		registry_warn_record(reg, l->no, r, "lone date %s taken as "
		    "modification date, as the record names no assignee "
		    "(pasted text cannot tell)", date[0]);
	}

	if (rest != NULL && load_text_unauthorized(rest)) {
		r->unauthorized = rest;
		registry_warn_record(reg, l->no, r, "text after the "
		    "references taken as the unauthorized use reported; any "
		    "assignment notes in it cannot be told apart");
	} else if (rest != NULL) {
		r->notes = rest;
		if (!phrase)
			registry_warn_record(reg, l->no, r, "text after the "
			    "%s taken as assignment notes; it may be the "
			    "unauthorized use reported, or end a field before "
			    "(pasted text cannot tell)", k > j ? "people, "
			    "dates and references" : "description");
	}
	if (tp->n_brk > 0)
		load_text_check_breaks(tp, r, i, j, k);
}

/* Set tp->last_port_line. */
static void
load_text_find_ports(struct load_text *tp)
{
	struct load_text_line	 l;
	const char		*p = tp->records;
	uint32_t		 no = tp->header;

	while (load_text_next_line(&p, tp->end, &no, &l)) {
		if (tp->contacts != 0 && l.no >= tp->contacts)
			break;
		load_text_trim_start(&l);
		if (l.len != 0 && load_text_starts_with_port(&l))
			tp->last_port_line = l.no;
	}
}

/*
 * Read the record lines.  Returns -1 (with *err) when most of them are
 * not records: the input is then not the pasted page (another form, or
 * a file that only happens to hold its header line), and a partial
 * load would pass for a whole one.
 */
static int
load_text_records(struct load_text *tp, char **err)
{
	struct load_text_line	 l;
	const char		*p = tp->records;
	const char		*why;
	uint32_t		 no = tp->header, first = 0;
	size_t			 lines = 0, bad = 0;
	int			 joined, order, never;

	load_text_find_ports(tp);
	while (load_text_next_line(&p, tp->end, &no, &l)) {
		if (tp->contacts != 0 && l.no >= tp->contacts)
			break;
		load_text_trim_start(&l);
		if (l.len == 0)
			continue;
		lines++;
		if (load_text_line_ok(tp, &l)) {
			why = load_text_starts(tp, &l, &never);
			order = load_text_out_of_order(tp, &l, p);
			joined = why != NULL || order ?
			    load_text_join(tp, &l, order || never) : -1;
			if (joined < 0 && why == NULL) {
				load_text_flush(tp);
				tp->first = l;
				tp->first_doubt = tp->last_doubt &&
				    !load_text_starts_with_port(&l);
				tp->last_doubt = 0;
				continue;
			}
			tp->last_doubt = joined == 0;
			if (joined == 1)
				continue;
			if (joined < 0) {
				load_text_flush(tp);
				load_text_refuse(tp, &l, why);
			}
			/* Refused, or joined on a guess: either counts
			   against the form. */
		}
		if (bad++ == 0)
			first = l.no;
	}
	load_text_flush(tp);
	if (bad >= TEXT_BAD_MIN && bad * 2 > lines) {
		*err = load_error(tp->reg->source, first, 0, "expected the "
		    "registry page pasted as text, one record a line; %zu of "
		    "its %zu lines are not records (is it another form?  "
		    "--format-in names it)", bad, lines);
		return -1;
	}
	return 0;
}

static void
load_text_free(struct load_text *tp)
{
	free(tp->tok);
	free(tp->ids);
	free(tp->join);
	free(tp->brk);
}

int
load_text(struct registry *reg, const char *buf, size_t len, char **err)
{
	struct load_text	 tp;

	memset(&tp, 0, sizeof tp);
	tp.reg = reg;
	tp.buf = buf;
	tp.end = buf + len;
	reg->format = "text";

	if (load_detect(buf, len) == LOAD_TSV) {
		/* Most of its lines would read as records, wrongly. */
		*err = load_error(reg->source, 1, 0, "expected the registry "
		    "page pasted as text, found portreg's TSV (its header "
		    "has tabs); read it with --format-in tsv");
		return -1;
	}
	load_text_locate(&tp);
	if (tp.header == 0) {
		*err = load_error(reg->source, 1, 0, "expected the registry's "
		    "column header line 'Service Name Port Number ...', found "
		    "none");
		return -1;
	}
	load_text_collect_ids(&tp);
	if (load_text_records(&tp, err) != 0) {
		load_text_free(&tp);
		return -1;
	}
	load_text_contacts(&tp);
	if (tp.contacts == 0)
		registry_warn(reg, 0, "no 'Contact Information' table: people "
		    "are known by id only");

	load_text_free(&tp);
	return 0;
}
