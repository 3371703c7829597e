/*
 * diff-merge.c - the new edition with the records removed since the old
 * one put back, for a browser to list them; see diff.h.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "registry.h"
#include "xmalloc.h"

static void
diff_copy_record(struct registry *to, const struct record *r)
{
	struct record	*n = registry_add_record(to);
	uint32_t	 i;

	n->service = registry_strdup(to, r->service);
	n->port_lo = r->port_lo;
	n->port_hi = r->port_hi;
	n->proto = r->proto;
	n->description = registry_strdup(to, r->description);
	n->registered = registry_strdup(to, r->registered);
	n->modified = registry_strdup(to, r->modified);
	n->service_code = registry_strdup(to, r->service_code);
	n->unauthorized = registry_strdup(to, r->unauthorized);
	n->notes = registry_strdup(to, r->notes);
	n->line = r->line;
	for (i = 0; i < r->n_assignees; i++)
		registry_add_assignee(to, n, r->assignees[i].id,
		    strlen(r->assignees[i].id));
	for (i = 0; i < r->n_contacts; i++)
		registry_add_contact(to, n, r->contacts[i].id,
		    strlen(r->contacts[i].id));
	for (i = 0; i < r->n_refs; i++)
		registry_add_ref(to, n, r->refs[i], strlen(r->refs[i]));
}

static void
diff_copy_person(struct registry *to, const struct person *p)
{
	struct person	*n = registry_add_person(to);

	n->id = registry_strdup(to, p->id);
	n->name = registry_strdup(to, p->name);
	n->org = registry_strdup(to, p->org);
	n->email = registry_strdup(to, p->email);
	n->uri = registry_strdup(to, p->uri);
	n->updated = registry_strdup(to, p->updated);
	n->name_is_display = p->name_is_display;
	n->line = p->line;
}

/* Does removed record r go before new record n?  By first port; rows
   without a port go last. */
static int
diff_before(const struct record *r, const struct record *n)
{
	return r->port_lo >= 0 && (n->port_lo < 0 || r->port_lo < n->port_lo);
}

/*
 * The gaps are the new edition's: a removed record put back is listed,
 * not assigned, so its ports stay free for ] [ and the gap counts.  Each
 * Unassigned row's index moves to where the merge put it (at: new
 * record j is m's at[j]; the order, and so the gaps' sort, stays).
 */
static void
diff_merge_gaps(struct registry *m, const struct registry *new,
    const int32_t *at)
{
	size_t	 i;

	free(m->gaps);
	m->gaps = xcalloc(new->n_gaps + 1, sizeof *m->gaps);
	m->n_gaps = new->n_gaps;
	for (i = 0; i < new->n_gaps; i++) {
		m->gaps[i] = new->gaps[i];
		if (new->gaps[i].record >= 0 &&
		    (size_t)new->gaps[i].record < new->n_records)
			m->gaps[i].record = at[new->gaps[i].record];
	}
	m->cover_lo = new->cover_lo;
	m->cover_hi = new->cover_hi;
}

struct registry *
diff_merge(const struct diff *d, int32_t **item_of)
{
	const struct registry	*new = d->new;
	struct registry		*m;
	int32_t			*of, *removed, *at;
	size_t			 i, j, k = 0, n_removed = 0, n = 0;

	removed = xcalloc(d->n_record_items + 1, sizeof *removed);
	for (i = 0; i < d->n_record_items; i++) {
		if (d->items[i].change == DIFF_REMOVED)
			removed[n_removed++] = (int32_t)i;
	}
	m = registry_new(new->source);
	m->format = new->format;
	m->updated = registry_strdup(m, new->updated);
	m->title = registry_strdup(m, new->title);
	of = xcalloc(new->n_records + n_removed + 1, sizeof *of);
	at = xcalloc(new->n_records + 1, sizeof *at);
	for (j = 0; j <= new->n_records; j++) {
		while (k < n_removed && (j == new->n_records ||
		    diff_before(&d->old->records[d->items[removed[k]].old],
		    &new->records[j]))) {
			diff_copy_record(m, &d->old->records[
			    d->items[removed[k]].old]);
			of[n++] = removed[k++];
		}
		if (j == new->n_records)
			break;
		at[j] = (int32_t)n;
		diff_copy_record(m, &new->records[j]);
		of[n++] = d->of_new[j];
	}
	for (i = 0; i < new->n_people; i++)
		diff_copy_person(m, &new->people[i]);
	for (i = 0; i < new->n_warnings; i++)
		registry_warn(m, new->warnings[i].line, "%s",
		    new->warnings[i].text);
	if (new->cover_given)
		registry_set_cover(m, new->cover_lo, new->cover_hi);
	registry_finish(m);
	diff_merge_gaps(m, new, at);
	free(at);
	free(removed);
	*item_of = of;
	return m;
}
