/*
 * load-text-join.c - wrapped lines of the pasted page (load-text.h).
 *
 * A line break inside a field (<br/> in the XML: 184 descriptions, many
 * notes) breaks the pasted line, so a record can take several lines:
 *
 *	instl_bootc 1068 tcp Installation Bootstrap Proto. Cli. [David_Arko]
 *	[David_Arko] This entry is an alias to "instl-bootc".
 *	This entry is now historic, not usable for use with many
 *	common service discovery mechanisms.
 *
 * (the first two lines are one).  A line that cannot start a record is
 * joined back to the record before it, with a '\n' where it broke, and
 * the record is read from the joined text.  The lines around settle the
 * join where the line has no port or number at its start and a later
 * line has a port: IANA lists the name-only rows after every port, so
 * no record can start there.  Elsewhere (a port or a number at its
 * start, no port after it, or an indentation no line of the page has)
 * the line is joined on a guess and the record warned.  A break always
 * falls inside one field (the description, the notes, the unauthorized
 * use, or a reference's own text); where the record read puts one
 * between two fields, the reading is doubtful and warned too.
 *
 * After every port come the name-only rows, sorted by the first
 * character of the name (lower-cased: one run, after a shorter one).
 * There a line whose first character falls outside the order of the
 * record before and the next line that starts one is wrapped text too.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "field.h"
#include "load-text.h"
#include "registry.h"
#include "xmalloc.h"

static void
load_text_join_add(struct load_text *tp, const char *s, size_t len)
{
	xgrow((void **)&tp->join, &tp->join_cap, tp->join_len + len + 1, 1);
	memcpy(tp->join + tp->join_len, s, len);
	tp->join_len += len;
	tp->join[tp->join_len] = '\0';
}

/* A line's first character as the name-only rows are sorted by it. */
static int
load_text_initial(const struct load_text_line *l)
{
	unsigned char	 c = (unsigned char)l->s[0];

	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
load_text_out_of_order(struct load_text *tp, const struct load_text_line *l,
    const char *p)
{
	struct load_text_line	 n;
	uint32_t		 no = l->no;
	int			 prev, s = load_text_initial(l), never;

	if (tp->first.no == 0 || l->no <= tp->last_port_line ||
	    load_text_starts_with_port(&tp->first) ||
	    load_text_starts_with_port(l))
		return 0;
	prev = load_text_initial(&tp->first);
	/* The next line that starts a record: found once for all the
	   lines before it, so that the input is read ahead only once. */
	if (l->no >= tp->ahead_no) {
		tp->ahead_no = UINT32_MAX;
		tp->ahead_initial = 0;
		while (load_text_next_line(&p, tp->end, &no, &n)) {
			if (tp->contacts != 0 && n.no >= tp->contacts)
				break;
			load_text_trim_start(&n);
			if (n.len == 0 || memchr(n.s, '\0', n.len) != NULL ||
			    load_text_starts(tp, &n, &never) != NULL)
				continue;
			tp->ahead_no = n.no;
			if (!load_text_starts_with_port(&n))
				tp->ahead_initial = load_text_initial(&n);
			break;
		}
	}
	return tp->ahead_initial != 0 && prev <= tp->ahead_initial &&
	    (s < prev || s > tp->ahead_initial);
}

int
load_text_join(struct load_text *tp, const struct load_text_line *l,
    int settled)
{
	struct load_text_break	*b;
	const char		*doubt = NULL;

	if (tp->first.no == 0 || tp->n_brk >= TEXT_JOIN_MAX)
		return -1;
	if (load_text_starts_with_port(l) || load_text_digit(*l->s))
		doubt = "it starts with a port or a number, as a record line "
		    "would";
	else if ((size_t)(l->s - l->line) > tp->indent)
		doubt = "it is indented more than the column header, as no "
		    "line of the page is";
	else if (!settled && l->no > tp->last_port_line)
		doubt = "after the last line with a port it may be a "
		    "name-only row of its own";
	if (tp->n_brk == 0) {
		tp->join_len = 0;
		load_text_join_add(tp, tp->first.s, tp->first.len);
	}
	xgrow((void **)&tp->brk, &tp->cap_brk, tp->n_brk + 1, sizeof *tp->brk);
	b = &tp->brk[tp->n_brk++];
	b->at = tp->join_len;
	b->len = l->len;
	b->no = l->no;
	b->doubt = doubt;
	load_text_join_add(tp, "\n", 1);
	load_text_join_add(tp, l->s, l->len);
	return doubt == NULL;
}

void
load_text_flush(struct load_text *tp)
{
	struct load_text_line	 l;

	if (tp->first.no == 0)
		return;
	l = tp->first;
	if (tp->n_brk > 0) {
		l.line = l.s = tp->join;
		l.len = tp->join_len;
	}
	load_text_record(tp, &l);
	tp->first.no = 0;
	tp->n_brk = 0;
}

/* The fields a record's tokens fall in, in column order. */
enum load_text_field {
	TEXT_F_HEAD,		/* name, port, protocol */
	TEXT_F_DESCRIPTION,
	TEXT_F_TAIL,	/* people, dates, references, service code */
	TEXT_F_REST		/* notes or unauthorized use */
};

static enum load_text_field
load_text_field(size_t m, size_t i, size_t j, size_t k)
{
	if (m < i)
		return TEXT_F_HEAD;
	if (m < j)
		return TEXT_F_DESCRIPTION;
	if (m < k)
		return TEXT_F_TAIL;
	return TEXT_F_REST;
}

static const char *
load_text_field_name(enum load_text_field f, const struct record *r)
{
	switch (f) {
	case TEXT_F_HEAD:
		return "name, port or protocol";
	case TEXT_F_DESCRIPTION:
		return "description";
	case TEXT_F_TAIL:
		return "people, dates or references";
	case TEXT_F_REST:
		break;
	}
	return r->unauthorized != NULL ? "unauthorized use" : "notes";
}

void
load_text_check_breaks(struct load_text *tp, const struct record *r,
    size_t i, size_t j, size_t k)
{
	const struct load_text_token	*t = tp->tok;
	const struct load_text_break	*b;
	size_t			 n = tp->n_tok, m = 0, x, before, after;
	enum load_text_field	 fb, fa;
	const char		*at;
	char			 q[FIELD_QUOTE_SIZE];

	for (x = 0; x < tp->n_brk; x++) {
		b = &tp->brk[x];
		at = tp->join + b->at;
		while (m < n && t[m].s < at)
			m++;
		/* The tokens either side; a bracket may hold the break. */
		before = m > 0 ? m - 1 : 0;
		after = m > 0 && at < t[m - 1].s + t[m - 1].len ? m - 1 : m;
		fb = load_text_field(before, i, j, k);
		fa = after < n ? load_text_field(after, i, j, k) : fb;
		field_quote(q, at + 1, b->len);
		/* Inside one token, a bracket: one reference ("[TR-352][...
		   protocol with\na binary message ...]", pon-ictp 7202). */
		if (fb != fa || fb == TEXT_F_HEAD ||
		    (fb == TEXT_F_TAIL && before != after))
			registry_warn_record(tp->reg, b->no, r, "a wrapped "
			    "line '%s' read as the %s where the line before "
			    "it ends in the %s: the paste breaks lines only "
			    "inside a field, so these fields may be read "
			    "wrongly (pasted text cannot tell)", q,
			    load_text_field_name(fa, r),
			    load_text_field_name(fb, r));
		else if (b->doubt != NULL)
			registry_warn_record(tp->reg, b->no, r, "'%s' joined "
			    "to this record as a wrapped line of its %s, but "
			    "%s (pasted text cannot tell)", q,
			    load_text_field_name(fb, r), b->doubt);
	}
}
