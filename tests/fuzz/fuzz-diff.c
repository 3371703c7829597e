/*
 * fuzz-diff.c - libFuzzer harness for --diff (issue 13): two small
 * registries, the input split at its first FUZZ_DIFF_SEP line (none: the
 * input against itself), each loaded as its content says, compared both
 * ways and each with itself; the changes written in every output format,
 * the --update summary, and merged for the browser.  Aborts when a
 * registry differs from itself, when the two directions disagree (an
 * addition one way is a removal the other) or when counts and items do
 * not add up.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "edition.h"
#include "load.h"
#include "output.h"
#include "registry.h"
#include "xmalloc.h"

#define FUZZ_DIFF_SEP	"\n=====\n"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct registry *
fuzz_load(const char *data, size_t len)
{
	struct registry	*reg;
	char		*buf, *err = NULL;

	buf = xmalloc(len + 1);
	memcpy(buf, data, len);
	buf[len] = '\0';
	reg = load_buffer(buf, len, "fuzz", LOAD_AUTO, &err);
	free(err);
	free(buf);
	return reg;
}

/* Counts add up to the items; every item's indexes are in range. */
static void
fuzz_check(const struct diff *d)
{
	const struct diff_item	*it;
	size_t			 i, sum = 0;
	int			 p, c;

	for (p = 0; p < 2; p++)
		for (c = 0; c < DIFF_CHANGES; c++)
			sum += d->counts[p][c];
	if (sum != d->n_items || d->n_record_items > d->n_items)
		abort();
	for (i = 0; i < d->n_items; i++) {
		it = &d->items[i];
		if ((it->person != 0) != (i >= d->n_record_items))
			abort();
		if ((it->old < 0) != (it->change == DIFF_ADDED) ||
		    (it->new < 0) != (it->change == DIFF_REMOVED))
			abort();
		if ((it->change == DIFF_MOVED) !=
		    ((it->fields & DIFF_BIT(DIFF_PORT)) != 0))
			abort();
		if (it->old >= 0 && (size_t)it->old >= (it->person ?
		    d->old->n_people : d->old->n_records))
			abort();
		if (it->new >= 0 && (size_t)it->new >= (it->person ?
		    d->new->n_people : d->new->n_records))
			abort();
	}
}

static void
fuzz_use(const struct diff *d)
{
	static FILE		*null;
	struct registry		*m;
	int32_t			*item_of;
	size_t			 i, removed = 0, marked = 0;
	int			 f;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	fuzz_check(d);
	for (f = OUTPUT_TABLE; f <= OUTPUT_TSV; f++)
		output_diff(null, d, (enum output_format)f);
	edition_summary(null, d, 10);
	m = diff_merge(d, &item_of);
	if (m->n_records != d->new->n_records + d->counts[0][DIFF_REMOVED])
		abort();
	for (i = 0; i < m->n_records; i++) {
		if (item_of[i] < -1 || item_of[i] >= (int32_t)d->n_record_items)
			abort();
		if (item_of[i] >= 0) {
			marked++;
			removed += d->items[item_of[i]].change == DIFF_REMOVED;
		}
	}
	if (marked != d->n_record_items ||
	    removed != d->counts[0][DIFF_REMOVED])
		abort();
	free(item_of);
	registry_free(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry	*a, *b;
	struct diff	*d, *r;
	const char	*s = (const char *)data, *sep = NULL;
	size_t		 i, la = size, lb = size;

	for (i = 0; i + strlen(FUZZ_DIFF_SEP) <= size && sep == NULL; i++) {
		if (memcmp(s + i, FUZZ_DIFF_SEP, strlen(FUZZ_DIFF_SEP)) == 0)
			sep = s + i;
	}
	if (sep != NULL) {
		la = (size_t)(sep - s) + 1;
		lb = size - la - strlen(FUZZ_DIFF_SEP) + 1;
	}
	if ((a = fuzz_load(s, la)) == NULL)
		return 0;
	b = sep != NULL ? fuzz_load(sep + strlen(FUZZ_DIFF_SEP), lb) : NULL;

	d = diff_new(a, a, DIFF_ALL_FIELDS);
	if (d->n_items != 0)
		abort();	/* a registry is the same as itself */
	diff_free(d);
	if (b != NULL) {
		d = edition_compare(a, b);
		r = edition_compare(b, a);
		fuzz_use(d);
		fuzz_use(r);
		if (d->counts[0][DIFF_ADDED] != r->counts[0][DIFF_REMOVED] ||
		    d->counts[0][DIFF_REMOVED] != r->counts[0][DIFF_ADDED] ||
		    d->counts[0][DIFF_MOVED] != r->counts[0][DIFF_MOVED] ||
		    d->counts[0][DIFF_CHANGED] != r->counts[0][DIFF_CHANGED])
			abort();	/* both ways, the same changes */
		diff_free(d);
		diff_free(r);
		registry_free(b);
	}
	registry_free(a);
	return 0;
}
