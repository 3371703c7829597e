/*
 * load-text-contact.c - the pasted page's "Contact Information" table
 * (load-text.h): one line per person, "[Id] name organization uri...
 * updated", with the name told from the organization by the id's words
 * where they settle it, and kept whole as a display string where not.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "field.h"
#include "load-text.h"
#include "loader.h"
#include "registry.h"

/* --- Contacts ---------------------------------------------------------- */

/*
 * The key a word is compared by: ASCII letters and digits, lower-cased,
 * and every byte of a non-ASCII character; punctuation drops out.
 */
static size_t
load_text_key(const char *s, size_t len, char *out)
{
	size_t	 i, n = 0;
	char	 c;

	for (i = 0; i < len; i++) {
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if (load_text_alpha(c) || load_text_digit(c) ||
		    (unsigned char)c >= 0x80)
			out[n++] = c;
	}
	return n;
}

/*
 * How many leading words of the text spell the id key?  IANA cuts long
 * ids at 20 characters ("Barend_Jacobus_van_d"), so such an id may end
 * inside a word.  Returns 0 when the words never spell it.
 */
static size_t
load_text_spelled(const struct load_text_token *w, size_t n, const char *id,
    size_t id_len, int cut)
{
	char	 key[256];
	size_t	 k, have = 0, got, best = 0;

	if (id_len == 0)
		return 0;
	for (k = 0; k < n && have < id_len; k++) {
		if (w[k].len > sizeof key)
			return best;
		got = load_text_key(w[k].s, w[k].len, key);
		if (got > id_len - have) {
			if (cut && memcmp(key, id + have, id_len - have) == 0)
				best = k + 1;
			return best;
		}
		if (memcmp(key, id + have, got) != 0)
			return best;
		have += got;
		if (have == id_len && got != 0)
			best = k + 1;
	}
	return best;
}

/*
 * Split "name organization" by the id.  Returns how many words are the
 * name: n when the id spells all of it, 0 when it spells none of it.
 */
static size_t
load_text_name_words(const char *id, size_t id_len,
    const struct load_text_token *w, size_t n)
{
	char	 full[256], base[256];
	size_t	 full_len, base_len = 0, k, b, i;
	int	 cut = id_len >= 20;

	if (id_len > sizeof full)
		return 0;
	full_len = load_text_key(id, id_len, full);
	/* A numeric suffix tells namesakes apart: "Eugen_Bacic_2". */
	i = id_len;
	while (i > 0 && load_text_digit(id[i - 1]))
		i--;
	if (i > 0 && i < id_len &&
	    (id[i - 1] == '_' || load_text_alpha(id[i - 1]))) {
		while (i > 0 && id[i - 1] == '_')
			i--;
		base_len = load_text_key(id, i, base);
	}
	k = load_text_spelled(w, n, full, full_len, cut);
	if (base_len > 0 &&
	    (b = load_text_spelled(w, n, base, base_len, 0)) > k)
		k = b;
	/* Punctuation standing alone after the name belongs to it. */
	while (k > 0 && k < n && load_text_key(w[k].s,
	    w[k].len > sizeof full ? sizeof full : w[k].len, full) == 0)
		k++;
	return k;
}

static int
load_text_is_uri(const char *s, size_t len)
{
	return load_text_prefix(s, len, "mailto:") ||
	    load_text_prefix(s, len, "http:") ||
	    load_text_prefix(s, len, "https:") ||
	    load_text_prefix(s, len, "tel:") ||
	    load_text_prefix(s, len, "ftp:");
}

static void
load_text_contact(struct load_text *tp, const struct load_text_line *l)
{
	struct registry		*reg = tp->reg;
	struct load_text_token	*w;
	struct person		*p;
	struct load_text_id		*e;
	const char		*close, *id, *s, *end, *text;
	size_t			 id_len, n, u, last, k, i;
	int			 roles;

	close = l->len > 2 && *l->s == '[' ? memchr(l->s, ']', l->len) : NULL;
	if (close == NULL || !load_text_id_like(l->s + 1,
	    (size_t)(close - l->s - 1))) {
		load_text_warn_line(tp, l, "expected a contact line '[Id] name "
		    "organization uri updated'; ignored");
		return;
	}
	id = l->s + 1;
	id_len = (size_t)(close - id);

	/* The words after the id: no brackets to keep together here. */
	tp->n_tok = 0;
	for (s = close + 1, end = l->s + l->len; s < end;) {
		while (s < end && field_is_space(*s))
			s++;
		if (s == end)
			break;
		text = s;
		while (s < end && !field_is_space(*s))
			s++;
		load_text_add_token(tp, text, (size_t)(s - text));
	}
	w = tp->tok;
	n = tp->n_tok;

	p = registry_add_person(reg);
	p->id = registry_strndup(reg, id, id_len);
	p->line = l->no;

	last = n;
	if (n > 0 && field_is_date(w[n - 1].s, w[n - 1].len)) {
		last--;
		p->updated = registry_strndup(reg, w[last].s, w[last].len);
	}
	for (u = 0; u < last && !load_text_is_uri(w[u].s, w[u].len); u++)
		;
	/* Each URI runs to the next one: a space inside one ("mailto:Giriraj
	   Harapanahalli") keeps it whole. */
	for (i = u; i < last; i = k) {
		for (k = i + 1; k < last &&
		    !load_text_is_uri(w[k].s, w[k].len); k++)
			;
		load_person_uri(reg, p, w[i].s,
		    (size_t)(w[k - 1].s + w[k - 1].len - w[i].s));
	}
	if (u == 0)
		return;
	text = load_text_span(tp, 0, u);

	k = load_text_name_words(id, id_len, w, u);
	e = load_text_id_find(tp, id, id_len);
	roles = e != NULL ? e->roles : 0;
	if (k == u) {
		/* The id spells it all: "[Apple_Inc_3] Apple Inc." is an
		   organization, "[Carl_Malamud] Carl Malamud" a name. */
		p->name = text;
		p->name_is_display = 1;
		registry_warn(reg, l->no, "contact [%.*s]: '%s' kept whole "
		    "as the name; it may be an organization (pasted text "
		    "cannot tell)", (int)id_len, id, text);
	} else if (k == 0) {
		p->name = text;
		p->name_is_display = 1;
		registry_warn(reg, l->no, "contact [%.*s]: the id spells none "
		    "of '%s'; kept whole, name and organization cannot be "
		    "told apart", (int)id_len, id, text);
	} else if (roles & (TEXT_ROLE_ASSIGNEE | TEXT_ROLE_SELF)) {
		p->name = text;
		p->name_is_display = 1;
		registry_warn(reg, l->no, "contact [%.*s]: '%s' kept whole: "
		    "the id spells only its start, and assignees are mostly "
		    "organizations or people without one (pasted text cannot "
		    "tell)", (int)id_len, id, text);
	} else {
		p->name = load_text_span(tp, 0, k);
		p->org = load_text_span(tp, k, u);
		registry_warn(reg, l->no, "contact [%.*s]: name '%s' and "
		    "organization '%s' told apart by the id's words (pasted "
		    "text cannot tell)", (int)id_len, id, p->name, p->org);
	}
}

void
load_text_contacts(struct load_text *tp)
{
	struct load_text_line	 l;
	const char		*p = tp->people;
	uint32_t		 no = tp->contacts;
	int			 header = 0;

	if (p == NULL)
		return;
	while (load_text_next_line(&p, tp->end, &no, &l)) {
		load_text_trim_start(&l);
		if (l.len == 0 || !load_text_line_ok(tp, &l))
			continue;
		if (!header &&
		    load_text_line_starts(&l, "ID Name Organization")) {
			header = 1;
			continue;
		}
		if (!header && *l.s == '[') {
			registry_warn(tp->reg, l.no, "expected the contact "
			    "table's header line 'ID Name Organization ...' "
			    "before the first contact");
			header = 1;
		}
		load_text_contact(tp, &l);
	}
}
