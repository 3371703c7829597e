/*
 * load-text-token.c - the pasted-text loader's first half (load-text.h):
 * lines and their tokens, the shapes a token may have (port, protocol,
 * service name, date, people list, reference), the set of contact ids,
 * and the warnings that quote a line.  load-text.c reads records and
 * contacts with them.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load-text.h"
#include "loader.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

/* --- Lines and tokens -------------------------------------------------- */

/* Read the line at *p into l (without its '\n' or trailing white space);
   return 0 at the end of the input. */
int
load_text_next_line(const char **p, const char *end, uint32_t *no,
    struct load_text_line *l)
{
	const char	*s = *p, *eol;

	if (s >= end)
		return 0;
	eol = memchr(s, '\n', (size_t)(end - s));
	if (eol == NULL)
		eol = end;
	*p = eol < end ? eol + 1 : end;
	l->line = l->s = s;
	l->len = (size_t)(eol - s);
	while (l->len > 0 && field_is_space(l->s[l->len - 1]))
		l->len--;
	l->no = ++*no;
	return 1;
}

/* The line without leading white space. */
void
load_text_trim_start(struct load_text_line *l)
{
	while (l->len > 0 && field_is_space(*l->s)) {
		l->s++;
		l->len--;
	}
}

int
load_text_line_is(const struct load_text_line *l, const char *s)
{
	struct load_text_line	 t = *l;

	load_text_trim_start(&t);
	return t.len == strlen(s) && memcmp(t.s, s, t.len) == 0;
}

/* Does the line start with these words, separated by any white space? */
int
load_text_line_starts(const struct load_text_line *l, const char *words)
{
	const char	*p = l->s, *end = l->s + l->len;

	while (*words != '\0') {
		while (p < end && field_is_space(*p))
			p++;
		while (*words == ' ')
			words++;
		while (*words != '\0' && *words != ' ') {
			if (p == end || *p != *words)
				return 0;
			p++;
			words++;
		}
		if (p < end && !field_is_space(*p))
			return 0;
	}
	return 1;
}

void
load_text_add_token(struct load_text *tp, const char *s, size_t len)
{
	xgrow((void **)&tp->tok, &tp->cap_tok, tp->n_tok + 1, sizeof *tp->tok);
	tp->tok[tp->n_tok].s = s;
	tp->tok[tp->n_tok].len = len;
	tp->n_tok++;
}

/*
 * Split a line into words at white space, except inside a bracket that
 * closes later on the line ("[RFC8765, Section 6.1]" is one token).  A
 * bracket left open when the next word starts another bracket, or that
 * nothing closes, is taken as plain text.  Linear in the line.
 */
void
load_text_tokenize(struct load_text *tp, const struct load_text_line *l)
{
	const char	*p = l->s, *end = l->s + l->len, *last = NULL, *start;
	const char	*q;
	int		 open;

	for (q = end; q > p; q--) {
		if (q[-1] == ']') {
			last = q - 1;
			break;
		}
	}
	tp->n_tok = 0;
	for (;;) {
		while (p < end && field_is_space(*p))
			p++;
		if (p == end)
			break;
		start = p;
		open = 0;
		for (; p < end; p++) {
			if (*p == '[')
				open = 1;
			else if (*p == ']')
				open = 0;
			else if (field_is_space(*p)) {
				if (!open || last == NULL || p > last)
					break;
				for (q = p; q < end && field_is_space(*q); q++)
					;
				if (q == end || *q == '[')
					break;
			}
		}
		load_text_add_token(tp, start, (size_t)(p - start));
	}
}

/* Text of tokens [a, b) as it stands on the line, or NULL. */
const char *
load_text_span(struct load_text *tp, size_t a, size_t b)
{
	const char	*s, *e;

	if (a >= b)
		return NULL;
	s = tp->tok[a].s;
	e = tp->tok[b - 1].s + tp->tok[b - 1].len;
	return registry_strtrim(tp->reg, s, (size_t)(e - s));
}

/* --- Token shapes ------------------------------------------------------ */

int
load_text_is_proto(const char *s, size_t len)
{
	/* IANA writes them in lower case; "TCP ..." starts a description. */
	return (len == 3 && (memcmp(s, "tcp", 3) == 0 ||
	    memcmp(s, "udp", 3) == 0)) ||
	    (len == 4 && (memcmp(s, "sctp", 4) == 0 ||
	    memcmp(s, "dccp", 4) == 0));
}

/* A service name: letters, digits and -_.*+/ with a letter somewhere. */
int
load_text_is_name(const char *s, size_t len)
{
	size_t	 i;
	int	 letter = 0;

	if (len == 0 || len > TEXT_NAME_MAX || s[len - 1] == '.')
		return 0;
	for (i = 0; i < len; i++) {
		if (load_text_alpha(s[i]))
			letter = 1;
		else if (!load_text_digit(s[i]) && (s[i] == '\0' ||
		    strchr("-_.*+/", s[i]) == NULL))
			return 0;
	}
	return letter;
}

int
load_text_has_upper(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (s[i] >= 'A' && s[i] <= 'Z')
			return 1;
	}
	return 0;
}

int
load_text_all_digits(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (!load_text_digit(s[i]))
			return 0;
	}
	return 1;
}

/*
 * Is the token nothing but bracket groups, "[a]" or "[a][b]"?  Returns
 * how many (0: not groups).  Contents hold no bracket.
 */
size_t
load_text_groups(const struct load_text_token *t)
{
	const char	*p = t->s, *end = t->s + t->len;
	size_t		 n = 0;

	while (p < end) {
		if (*p++ != '[')
			return 0;
		while (p < end && *p != ']' && *p != '[')
			p++;
		if (p == end || *p != ']')
			return 0;
		p++;
		n++;
	}
	return n;
}

/* The next group's contents from *p, in a token load_text_groups took. */
static void
load_text_next_group(const char **p, const char **s, size_t *len)
{
	const char	*q = *p + 1;

	*s = q;
	while (*q != ']')
		q++;
	*len = (size_t)(q - *s);
	*p = q + 1;
}

int
load_text_prefix(const char *s, size_t len, const char *prefix)
{
	size_t	 n = strlen(prefix);

	return len >= n && strncasecmp(s, prefix, n) == 0;
}

/* Contents of a reference bracket, as opposed to a person id. */
static int
load_text_ref_like(const char *s, size_t len)
{
	if (load_text_prefix(s, len, "RFC") && len > 3 &&
	    (load_text_digit(s[3]) || s[3] == '-' || s[3] == ' '))
		return 1;
	return load_text_prefix(s, len, "draft-") ||
	    load_text_prefix(s, len, "http:") ||
	    load_text_prefix(s, len, "https:") ||
	    (len == 3 && memcmp(s, "n/a", 3) == 0);
}

/* Could this be a person id?  No white space, no ':' or '/', a letter. */
int
load_text_id_like(const char *s, size_t len)
{
	size_t	 i;
	int	 letter = 0;

	if (len == 0 || load_text_ref_like(s, len))
		return 0;
	for (i = 0; i < len; i++) {
		if (field_is_space(s[i]) || strchr(":/<>[]", s[i]) != NULL)
			return 0;
		if (load_text_alpha(s[i]) || (unsigned char)s[i] >= 0x80)
			letter = 1;
	}
	return letter;
}

/* --- The contact id set ------------------------------------------------ */

static uint32_t
load_text_hash(const char *s, size_t len)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

struct load_text_id *
load_text_id_find(struct load_text *tp, const char *s, size_t len)
{
	size_t		 i;
	struct load_text_id	*e;

	if (tp->cap_ids == 0)
		return NULL;
	for (i = load_text_hash(s, len) & (tp->cap_ids - 1);;
	    i = (i + 1) & (tp->cap_ids - 1)) {
		e = &tp->ids[i];
		if (e->s == NULL)
			return NULL;
		if (e->len == len && memcmp(e->s, s, len) == 0)
			return e;
	}
}

void
load_text_id_add(struct load_text *tp, const char *s, size_t len)
{
	struct load_text_id	*old = tp->ids, *e;
	size_t		 old_cap = tp->cap_ids, i, j;

	if (load_text_id_find(tp, s, len) != NULL)
		return;
	if ((tp->n_ids + 1) * 2 > tp->cap_ids) {
		tp->cap_ids = old_cap == 0 ? 64 : old_cap * 2;
		tp->ids = xcalloc(tp->cap_ids, sizeof *tp->ids);
		for (i = 0; i < old_cap; i++) {
			if (old[i].s == NULL)
				continue;
			j = load_text_hash(old[i].s, old[i].len) &
			    (tp->cap_ids - 1);
			while (tp->ids[j].s != NULL)
				j = (j + 1) & (tp->cap_ids - 1);
			tp->ids[j] = old[i];
		}
		free(old);
	}
	i = load_text_hash(s, len) & (tp->cap_ids - 1);
	while (tp->ids[i].s != NULL)
		i = (i + 1) & (tp->cap_ids - 1);
	e = &tp->ids[i];
	e->s = s;
	e->len = len;
	e->roles = 0;
	tp->n_ids++;
}

/* Are the token's groups all id-like?  *known: all in the contact table. */
int
load_text_people(struct load_text *tp, const struct load_text_token *t,
    int *known)
{
	const char	*p = t->s, *s;
	size_t		 n = load_text_groups(t), i, len;

	if (n == 0 || n > TEXT_LIST_MAX)
		return 0;
	*known = 1;
	for (i = 0; i < n; i++) {
		load_text_next_group(&p, &s, &len);
		if (!load_text_id_like(s, len))
			return 0;
		if (load_text_id_find(tp, s, len) == NULL)
			*known = 0;
	}
	return 1;
}

int
load_text_ref_token(const struct load_text_token *t)
{
	const char	*p = t->s, *s;
	size_t		 n = load_text_groups(t), i, len;

	for (i = 0; i < n; i++) {
		load_text_next_group(&p, &s, &len);
		if (load_text_ref_like(s, len))
			return 1;
	}
	return 0;
}

void
load_text_roles(struct load_text *tp, const struct load_text_token *t, int role)
{
	const char	*p = t->s, *s;
	size_t		 n = load_text_groups(t), i, len;
	struct load_text_id	*e;

	for (i = 0; i < n; i++) {
		load_text_next_group(&p, &s, &len);
		if ((e = load_text_id_find(tp, s, len)) != NULL)
			e->roles |= role;
	}
}

/* --- Warnings ---------------------------------------------------------- */

/* Warn about a line, quoting its start. */
void
load_text_warn_line(struct load_text *tp, const struct load_text_line *l,
    const char *what)
{
	char	 q[FIELD_QUOTE_SIZE];

	registry_warn(tp->reg, l->no, "%s: '%s'", what,
	    field_quote(q, l->s, l->len));
}

/* NUL bytes cut strings short, invalid UTF-8 is shown escaped: skip the
   first, warn about both. */
int
load_text_line_ok(struct load_text *tp, const struct load_text_line *l)
{
	size_t	 i, n;
	long	 cp;

	if (memchr(l->s, '\0', l->len) != NULL) {
		registry_warn(tp->reg, l->no,
		    "line holds a NUL byte; the line is ignored");
		return 0;
	}
	for (i = 0; i < l->len; i += n) {
		if ((unsigned char)l->s[i] < 0x80) {
			n = 1;
			continue;
		}
		n = sanitize_decode(l->s + i, l->len - i, &cp);
		if (cp < 0) {
			registry_warn(tp->reg, l->no,
			    "invalid UTF-8 at column %zu; the bytes are kept "
			    "and shown escaped", i + 1);
			break;
		}
	}
	return 1;
}

int
load_text_has_bracket(const char *s, size_t len)
{
	const char	*o;

	return (o = memchr(s, '[', len)) != NULL &&
	    memchr(o, ']', len - (size_t)(o - s)) != NULL;
}

int
load_text_starts_with_port(const struct load_text_line *l)
{
	const char	*s = l->s, *e = l->s + l->len, *w;
	int32_t		 a, b;
	int		 k;

	for (k = 0; k < 2 && s < e; k++) {
		for (w = s; s < e && *s != ' ' && *s != '\t'; s++)
			;
		if (field_port_parse(w, (size_t)(s - w), &a, &b) ==
		    FIELD_PORT_OK)
			return 1;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
	}
	return 0;
}
