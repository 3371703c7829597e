/*
 * diff.c - what changed between two editions; see diff.h.
 *
 * Both editions' records are sorted by their matching key (a hash of it
 * first, so that the sort compares few strings), then the two sorted
 * lists are walked side by side, one group of equal keys at a time:
 * O(n log n), no table to size.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff.h"
#include "field.h"
#include "registry.h"
#include "xmalloc.h"

static const char *const diff_field_names[DIFF_FIELDS] = {
	"service", "port", "description", "assignees", "contacts",
	"registered", "modified", "references", "service_code",
	"unauthorized_use", "notes",
	"name", "organization", "email", "uri",
};

static const char *const diff_change_names[DIFF_CHANGES] = {
	"added", "removed", "moved", "changed",
};

const char *
diff_field_name(enum diff_field f)
{
	return (unsigned)f < DIFF_FIELDS ? diff_field_names[f] : "?";
}

const char *
diff_change_name(enum diff_change c)
{
	return (unsigned)c < DIFF_CHANGES ? diff_change_names[c] : "?";
}

/* --- Comparing text --------------------------------------------------- */

static int
diff_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

static const char *
diff_skip(const char *s)
{
	while (diff_space(*s))
		s++;
	return s;
}

int
diff_text_equal(const char *a, const char *b)
{
	int	 sa, sb;

	a = diff_skip(a != NULL ? a : "");
	b = diff_skip(b != NULL ? b : "");
	for (;;) {
		sa = diff_space(*a);
		sb = diff_space(*b);
		if (sa && sb) {
			a = diff_skip(a);
			b = diff_skip(b);
			if (*a == '\0' || *b == '\0')
				return *a == *b;
			continue;
		}
		if (sa || sb) {
			/* Equal only when the run is trailing space and the
			   other side has ended. */
			return *diff_skip(sa ? a : b) == '\0' &&
			    *(sa ? b : a) == '\0';
		}
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

static int
diff_ids_equal(const struct person_ref *a, uint32_t na,
    const struct person_ref *b, uint32_t nb)
{
	uint32_t	 i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++) {
		if (strcmp(a[i].id, b[i].id) != 0)
			return 0;
	}
	return 1;
}

static int
diff_refs_equal(const struct record *a, const struct record *b)
{
	uint32_t	 i;

	if (a->n_refs != b->n_refs)
		return 0;
	for (i = 0; i < a->n_refs; i++) {
		if (!diff_text_equal(a->refs[i], b->refs[i]))
			return 0;
	}
	return 1;
}

/* The changed record fields of a matched pair, within mask. */
static uint32_t
diff_record_fields(const struct record *a, const struct record *b,
    uint32_t mask)
{
	uint32_t	 f = 0;

	if (a->service != NULL && b->service != NULL &&
	    strcmp(a->service, b->service) != 0)
		f |= DIFF_BIT(DIFF_SERVICE);
	if (a->port_lo != b->port_lo || a->port_hi != b->port_hi)
		f |= DIFF_BIT(DIFF_PORT);
	if (!diff_text_equal(a->description, b->description))
		f |= DIFF_BIT(DIFF_DESCRIPTION);
	if (!diff_ids_equal(a->assignees, a->n_assignees, b->assignees,
	    b->n_assignees))
		f |= DIFF_BIT(DIFF_ASSIGNEES);
	if (!diff_ids_equal(a->contacts, a->n_contacts, b->contacts,
	    b->n_contacts))
		f |= DIFF_BIT(DIFF_CONTACTS);
	if (!diff_text_equal(a->registered, b->registered))
		f |= DIFF_BIT(DIFF_REGISTERED);
	if (!diff_text_equal(a->modified, b->modified))
		f |= DIFF_BIT(DIFF_MODIFIED);
	if (!diff_refs_equal(a, b))
		f |= DIFF_BIT(DIFF_REFS);
	if (!diff_text_equal(a->service_code, b->service_code))
		f |= DIFF_BIT(DIFF_SERVICE_CODE);
	if (!diff_text_equal(a->unauthorized, b->unauthorized))
		f |= DIFF_BIT(DIFF_UNAUTHORIZED);
	if (!diff_text_equal(a->notes, b->notes))
		f |= DIFF_BIT(DIFF_NOTES);
	/* A move is one whatever the mask says: matching saw it. */
	return f & (mask | DIFF_BIT(DIFF_PORT));
}

/* A person's name as compared: with the organization where either side
   could not tell the two apart (the pasted text form). */
static char *
diff_person_name(const struct person *p, int joined)
{
	if (!joined || p->org == NULL || p->name_is_display)
		return p->name != NULL ? xstrdup(p->name) : NULL;
	if (p->name == NULL)
		return xstrdup(p->org);
	return xasprintf("%s %s", p->name, p->org);
}

static uint32_t
diff_person_fields(const struct person *a, const struct person *b,
    uint32_t mask)
{
	uint32_t	 f = 0;
	char		*na, *nb;
	int		 joined = a->name_is_display || b->name_is_display;

	na = diff_person_name(a, joined);
	nb = diff_person_name(b, joined);
	if (!diff_text_equal(na, nb))
		f |= DIFF_BIT(DIFF_PERSON_NAME);
	free(na);
	free(nb);
	if (!joined && !diff_text_equal(a->org, b->org))
		f |= DIFF_BIT(DIFF_PERSON_ORG);
	if (!diff_text_equal(a->email, b->email))
		f |= DIFF_BIT(DIFF_PERSON_EMAIL);
	if (!diff_text_equal(a->uri, b->uri))
		f |= DIFF_BIT(DIFF_PERSON_URI);
	return f & mask;
}

/* --- Values ------------------------------------------------------------ */

/* "[A][B]", as output.c writes a list; NULL when empty. */
static char *
diff_ids_value(const struct person_ref *refs, uint32_t n)
{
	struct buf	 b = { NULL, 0, 0 };
	uint32_t	 i;

	for (i = 0; i < n; i++) {
		buf_addc(&b, '[');
		buf_adds(&b, refs[i].id);
		buf_addc(&b, ']');
	}
	return n != 0 ? buf_detach(&b) : NULL;
}

static char *
diff_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

char *
diff_record_value(const struct record *r, enum diff_field f)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 port[FIELD_PORT_SIZE];
	uint32_t	 i;

	switch (f) {
	case DIFF_SERVICE:
		return diff_dup(r->service);
	case DIFF_PORT:
		if (r->port_lo < 0)
			return NULL;
		field_port_format(port, r->port_lo, r->port_hi);
		return xstrdup(port);
	case DIFF_DESCRIPTION:
		return diff_dup(r->description);
	case DIFF_ASSIGNEES:
		return diff_ids_value(r->assignees, r->n_assignees);
	case DIFF_CONTACTS:
		return diff_ids_value(r->contacts, r->n_contacts);
	case DIFF_REGISTERED:
		return diff_dup(r->registered);
	case DIFF_MODIFIED:
		return diff_dup(r->modified);
	case DIFF_REFS:
		for (i = 0; i < r->n_refs; i++) {
			buf_addc(&b, '[');
			buf_adds(&b, r->refs[i]);
			buf_addc(&b, ']');
		}
		return r->n_refs != 0 ? buf_detach(&b) : NULL;
	case DIFF_SERVICE_CODE:
		return diff_dup(r->service_code);
	case DIFF_UNAUTHORIZED:
		return diff_dup(r->unauthorized);
	case DIFF_NOTES:
		return diff_dup(r->notes);
	default:
		return NULL;
	}
}

char *
diff_person_value(const struct person *p, enum diff_field f)
{
	switch (f) {
	case DIFF_PERSON_NAME:
		return diff_dup(p->name);
	case DIFF_PERSON_ORG:
		return diff_dup(p->org);
	case DIFF_PERSON_EMAIL:
		return diff_dup(p->email);
	case DIFF_PERSON_URI:
		return diff_dup(p->uri);
	default:
		return NULL;
	}
}

/* --- Matching records ------------------------------------------------- */

struct diff_key {
	uint64_t		 hash;
	uint32_t		 idx;
	const struct record	*r;
};

static uint64_t
diff_hash_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}

static uint64_t
diff_hash_int(uint64_t h, int32_t v)
{
	uint32_t	 u = (uint32_t)v;
	int		 i;

	for (i = 0; i < 4; i++, u >>= 8)
		h = diff_hash_byte(h, (unsigned char)(u & 0xff));
	return h;
}

static uint64_t
diff_record_hash(const struct record *r)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;
	const char	*s;
	unsigned char	 c;

	if (r->service != NULL) {
		h = diff_hash_byte(h, 1);
		for (s = r->service; *s != '\0'; s++) {
			c = (unsigned char)*s;
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			h = diff_hash_byte(h, c);
		}
		return diff_hash_int(h, (int32_t)r->proto);
	}
	h = diff_hash_byte(h, 2);
	h = diff_hash_int(h, r->port_lo);
	h = diff_hash_int(h, r->port_hi);
	h = diff_hash_int(h, (int32_t)r->proto);
	return diff_hash_int(h, (int32_t)r->kind);
}

/* The matching keys of two records: <0, 0, >0. */
static int
diff_key_cmp(const struct diff_key *a, const struct diff_key *b)
{
	const struct record	*x = a->r, *y = b->r;
	int			 c;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if ((x->service != NULL) != (y->service != NULL))
		return x->service != NULL ? -1 : 1;
	if (x->service != NULL) {
		if ((c = strcasecmp(x->service, y->service)) != 0)
			return c;
		return (int)x->proto - (int)y->proto;
	}
	if (x->port_lo != y->port_lo)
		return x->port_lo < y->port_lo ? -1 : 1;
	if (x->port_hi != y->port_hi)
		return x->port_hi < y->port_hi ? -1 : 1;
	if (x->proto != y->proto)
		return (int)x->proto - (int)y->proto;
	return (int)x->kind - (int)y->kind;
}

static int
diff_key_sort(const void *pa, const void *pb)
{
	const struct diff_key	*a = pa, *b = pb;
	int			 c;

	if ((c = diff_key_cmp(a, b)) != 0)
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static struct diff_key *
diff_keys(const struct registry *reg)
{
	struct diff_key	*k;
	size_t		 i;

	k = xcalloc(reg->n_records + 1, sizeof *k);
	for (i = 0; i < reg->n_records; i++) {
		k[i].r = &reg->records[i];
		k[i].idx = (uint32_t)i;
		k[i].hash = diff_record_hash(k[i].r);
	}
	qsort(k, reg->n_records, sizeof *k, diff_key_sort);
	return k;
}

static int
diff_same_ports(const struct record *a, const struct record *b)
{
	return a->port_lo == b->port_lo && a->port_hi == b->port_hi;
}

/*
 * Pair one group of equal keys: o[0..a) old, n[0..b) new.  One on each
 * side: a pair.  Else by port range too, in order, and then the last
 * one left on each side, if just one, is a move.
 */
static void
diff_group(const struct diff_key *o, size_t a, const struct diff_key *n,
    size_t b, int32_t *old_match, int32_t *new_match)
{
	size_t	 i, j, lo = 0, ln = 0, li = 0, lj = 0;

	if (a == 1 && b == 1) {
		old_match[o[0].idx] = (int32_t)n[0].idx;
		new_match[n[0].idx] = (int32_t)o[0].idx;
		return;
	}
	for (i = 0; i < a; i++) {
		for (j = 0; j < b; j++) {
			if (new_match[n[j].idx] < 0 &&
			    diff_same_ports(o[i].r, n[j].r)) {
				old_match[o[i].idx] = (int32_t)n[j].idx;
				new_match[n[j].idx] = (int32_t)o[i].idx;
				break;
			}
		}
	}
	for (i = 0; i < a; i++) {
		if (old_match[o[i].idx] < 0) {
			lo++;
			li = i;
		}
	}
	for (j = 0; j < b; j++) {
		if (new_match[n[j].idx] < 0) {
			ln++;
			lj = j;
		}
	}
	if (lo == 1 && ln == 1) {
		old_match[o[li].idx] = (int32_t)n[lj].idx;
		new_match[n[lj].idx] = (int32_t)o[li].idx;
	}
}

static void
diff_match_records(const struct registry *old, const struct registry *new,
    int32_t *old_match, int32_t *new_match)
{
	struct diff_key	*ko, *kn;
	size_t		 i = 0, j = 0, ei, ej;
	int		 c;

	ko = diff_keys(old);
	kn = diff_keys(new);
	while (i < old->n_records && j < new->n_records) {
		if ((c = diff_key_cmp(&ko[i], &kn[j])) < 0) {
			i++;
			continue;
		}
		if (c > 0) {
			j++;
			continue;
		}
		for (ei = i + 1; ei < old->n_records &&
		    diff_key_cmp(&ko[i], &ko[ei]) == 0; ei++)
			;
		for (ej = j + 1; ej < new->n_records &&
		    diff_key_cmp(&kn[j], &kn[ej]) == 0; ej++)
			;
		diff_group(ko + i, ei - i, kn + j, ej - j, old_match,
		    new_match);
		i = ei;
		j = ej;
	}
	free(ko);
	free(kn);
}

/* --- Matching people -------------------------------------------------- */

static const struct registry *diff_sort_reg;	/* qsort has no argument */

static int
diff_person_sort(const void *pa, const void *pb)
{
	uint32_t	 a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	int		 c;

	c = strcmp(diff_sort_reg->people[a].id, diff_sort_reg->people[b].id);
	return c != 0 ? c : (a < b ? -1 : a > b);
}

static uint32_t *
diff_people_sorted(const struct registry *reg)
{
	uint32_t	*p;
	size_t		 i;

	p = xcalloc(reg->n_people + 1, sizeof *p);
	for (i = 0; i < reg->n_people; i++)
		p[i] = (uint32_t)i;
	diff_sort_reg = reg;
	qsort(p, reg->n_people, sizeof *p, diff_person_sort);
	diff_sort_reg = NULL;
	return p;
}

/* The first entry of each id only: a repeated id is one person. */
static void
diff_match_people(const struct registry *old, const struct registry *new,
    int32_t *old_match, int32_t *new_match)
{
	uint32_t	*po, *pn;
	size_t		 i = 0, j = 0;
	int		 c;

	po = diff_people_sorted(old);
	pn = diff_people_sorted(new);
	while (i < old->n_people && j < new->n_people) {
		c = strcmp(old->people[po[i]].id, new->people[pn[j]].id);
		if (c == 0) {
			old_match[po[i]] = (int32_t)pn[j];
			new_match[pn[j]] = (int32_t)po[i];
		}
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	free(po);
	free(pn);
}

/* --- The list --------------------------------------------------------- */

static void
diff_add(struct diff *d, size_t *cap, int person, enum diff_change change,
    int32_t old, int32_t new, uint32_t fields)
{
	struct diff_item	*it;

	xgrow((void **)&d->items, cap, d->n_items + 1, sizeof *d->items);
	it = &d->items[d->n_items++];
	it->change = change;
	it->person = person;
	it->old = old;
	it->new = new;
	it->fields = fields;
	d->counts[person != 0][change]++;
}

static void
diff_records(struct diff *d, size_t *cap)
{
	const struct registry	*old = d->old, *new = d->new;
	int32_t			*om, *nm;
	uint32_t		 f;
	size_t			 i;

	om = xcalloc(old->n_records + 1, sizeof *om);
	nm = xcalloc(new->n_records + 1, sizeof *nm);
	memset(om, 0xff, (old->n_records + 1) * sizeof *om);
	memset(nm, 0xff, (new->n_records + 1) * sizeof *nm);
	diff_match_records(old, new, om, nm);
	d->of_new = xcalloc(new->n_records + 1, sizeof *d->of_new);
	for (i = 0; i < new->n_records; i++) {
		d->of_new[i] = -1;
		if (nm[i] < 0) {
			d->of_new[i] = (int32_t)d->n_items;
			diff_add(d, cap, 0, DIFF_ADDED, -1, (int32_t)i, 0);
			continue;
		}
		f = diff_record_fields(&old->records[nm[i]],
		    &new->records[i], d->compared);
		if (f == 0)
			continue;
		d->of_new[i] = (int32_t)d->n_items;
		diff_add(d, cap, 0, (f & DIFF_BIT(DIFF_PORT)) != 0 ?
		    DIFF_MOVED : DIFF_CHANGED, nm[i], (int32_t)i, f);
	}
	for (i = 0; i < old->n_records; i++) {
		if (om[i] < 0)
			diff_add(d, cap, 0, DIFF_REMOVED, (int32_t)i, -1, 0);
	}
	free(om);
	free(nm);
}

static void
diff_people(struct diff *d, size_t *cap)
{
	const struct registry	*old = d->old, *new = d->new;
	int32_t			*om, *nm;
	uint32_t		 f;
	size_t			 i;

	om = xcalloc(old->n_people + 1, sizeof *om);
	nm = xcalloc(new->n_people + 1, sizeof *nm);
	memset(om, 0xff, (old->n_people + 1) * sizeof *om);
	memset(nm, 0xff, (new->n_people + 1) * sizeof *nm);
	diff_match_people(old, new, om, nm);
	for (i = 0; i < new->n_people; i++) {
		if (nm[i] < 0) {
			/* A repeated id: the first entry stands for it. */
			if (registry_person(new, new->people[i].id) ==
			    (int32_t)i || registry_person(new,
			    new->people[i].id) < 0)
				diff_add(d, cap, 1, DIFF_ADDED, -1,
				    (int32_t)i, 0);
			continue;
		}
		f = diff_person_fields(&old->people[nm[i]], &new->people[i],
		    d->compared);
		if (f != 0)
			diff_add(d, cap, 1, DIFF_CHANGED, nm[i], (int32_t)i, f);
	}
	for (i = 0; i < old->n_people; i++) {
		if (om[i] < 0 && registry_person(new, old->people[i].id) < 0)
			diff_add(d, cap, 1, DIFF_REMOVED, (int32_t)i, -1, 0);
	}
	free(om);
	free(nm);
}

struct diff *
diff_new(const struct registry *old, const struct registry *new,
    uint32_t compare)
{
	struct diff	*d;
	size_t		 cap = 0;

	d = xcalloc(1, sizeof *d);
	d->old = old;
	d->new = new;
	d->compared = (compare & DIFF_ALL_FIELDS) | DIFF_BIT(DIFF_PORT);
	diff_records(d, &cap);
	d->n_record_items = d->n_items;
	if ((d->compared & DIFF_PEOPLE_FIELDS) != 0)
		diff_people(d, &cap);
	return d;
}

void
diff_free(struct diff *d)
{
	if (d == NULL)
		return;
	free(d->items);
	free(d->of_new);
	free(d);
}
