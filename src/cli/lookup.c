/*
 * lookup.c - the command line's answers from a registry: QUERY and -e
 * (records, with the gaps a port or range falls in), --gaps and
 * --contact, in the output formats (output.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli-private.h"
#include "gaps.h"
#include "pattern.h"
#include "sanitize.h"
#include "xmalloc.h"

int
cli_contact(const struct cli *c, const struct registry *reg)
{
	const struct record	*r;
	uint32_t		*idx;
	size_t			 i, j, n = 0;
	int32_t			 p, found = -1;
	int			 named;

	if ((p = registry_person(reg, c->contact)) >= 0) {
		output_person(stdout, reg, (uint32_t)p, c->format);
		return CLI_FOUND;
	}
	/* Ids differ by case only rarely (SEIKO_EPSON, Seiko_Epson): accept
	   another case when it names one person. */
	for (i = 0; i < reg->n_people; i++) {
		if (strcasecmp(reg->people[i].id, c->contact) != 0)
			continue;
		if (found >= 0) {
			cli_error("%s: several people match; give the id "
			    "with its exact case", c->contact);
			return CLI_ERROR;
		}
		found = (int32_t)i;
	}
	if (found >= 0) {
		output_person(stdout, reg, (uint32_t)found, c->format);
		return CLI_FOUND;
	}

	/* An id that records name but the people table lacks (any CSV). */
	idx = xcalloc(reg->n_records + 1, sizeof *idx);
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		named = 0;
		for (j = 0; j < r->n_assignees && !named; j++)
			named = strcmp(r->assignees[j].id, c->contact) == 0;
		for (j = 0; j < r->n_contacts && !named; j++)
			named = strcmp(r->contacts[j].id, c->contact) == 0;
		if (named)
			idx[n++] = (uint32_t)i;
	}
	if (n != 0)
		output_person_dangling(stdout, reg, c->contact, idx, n,
		    c->format);
	else
		cli_error("no person with id '%s'", c->contact);
	free(idx);
	return n != 0 ? CLI_FOUND : CLI_NOTHING;
}

/* --- Gaps --- */

/*
 * Say so when [lo, hi] holds ports the file does not cover (an excerpt):
 * they are neither assigned nor free as far as this file knows.  Returns
 * whether it said so.
 */
static int
cli_not_covered(const struct registry *reg, const char *what, int32_t lo,
    int32_t hi)
{
	char	*source, *q;

	if (registry_covers(reg, lo, hi))
		return 0;
	source = sanitize(reg->source, 0);
	q = sanitize(what, 0);
	if (reg->cover_lo < 0)
		cli_error("%s: not covered by %s, which lists no port", q,
		    source);
	else if (hi < reg->cover_lo || lo > reg->cover_hi)
		cli_error("%s: not covered by %s, which lists ports %d-%d "
		    "only", q, source, (int)reg->cover_lo,
		    (int)reg->cover_hi);
	else
		cli_error("%s: ports outside %d-%d are not covered by %s", q,
		    (int)reg->cover_lo, (int)reg->cover_hi, source);
	free(q);
	free(source);
	return 1;
}

/*
 * --gaps: the gaps each QUERY asks for (gaps.h; none: the whole range),
 * saying first which QUERY reaches past the file's cover.
 */
int
cli_gaps(const struct cli *c, const struct registry *reg)
{
	struct gaps_window	*w;
	struct gap		*g;
	size_t			 i, n;
	int			 said = 0;

	w = xcalloc(c->n_queries + 1, sizeof *w);
	if (c->n_queries == 0) {
		w[0].lo = 0;
		w[0].hi = PORT_MAX;
	}
	for (i = 0; i < c->n_queries; i++) {
		said |= cli_not_covered(reg, c->query_text[i],
		    c->queries[i].lo, c->queries[i].hi);
		w[i].lo = c->queries[i].lo;
		w[i].hi = c->queries[i].hi;
		w[i].port = c->queries[i].kind == QUERY_PORT;
	}
	n = gaps_window(reg, c->proto, w,
	    c->n_queries != 0 ? c->n_queries : 1, &g);
	n = gaps_at_least(g, n, c->gaps_min);
	free(w);
	/* Nothing found: a message, no header or empty array (cli_main). */
	if (n != 0)
		output_gaps(stdout, reg, g, n, c->format);
	else if (!said)
		cli_error("no free ports found");
	free(g);
	return n != 0 ? CLI_FOUND : CLI_NOTHING;
}

/* --- Lookups --- */

/*
 * Mark the records the lookup selects in sel: the union of the queries
 * (all records when there are none), narrowed to the union of the -e
 * patterns and to --proto.  Returns -1 after a message on a bad pattern.
 */
static int
cli_select(const struct cli *c, const struct registry *reg,
    unsigned char *sel)
{
	struct haystack	*hs;
	struct pattern	*pat;
	struct query	 q;
	unsigned char	*hit;
	uint32_t	*out;
	size_t		 i, j, n;
	char		*err;
	int		 limited = 0, rc = 0;

	out = xcalloc(reg->n_records + 1, sizeof *out);
	if (c->n_queries == 0)
		memset(sel, 1, reg->n_records);
	for (i = 0; i < c->n_queries; i++) {
		q = c->queries[i];
		if (q.proto == PROTO_NONE)
			q.proto = c->proto;
		n = query_run(reg, &q, out, reg->n_records);
		for (j = 0; j < n && j < reg->n_records; j++)
			sel[out[j]] = 1;
	}

	if (c->n_patterns != 0) {
		hs = haystack_new(reg);
		hit = xcalloc(reg->n_records + 1, 1);
		for (i = 0; i < c->n_patterns; i++) {
			if ((pat = pattern_new(c->patterns[i], &err)) == NULL) {
				cli_error("bad pattern: %s", err);
				free(err);
				rc = -1;
				break;
			}
			n = pattern_scan(pat, hs, out, reg->n_records, &limited);
			pattern_free(pat);
			if (limited) {
				cli_error("%s: pattern too complex "
				    "(match limit reached)", c->patterns[i]);
				rc = -1;
				break;
			}
			for (j = 0; j < n && j < reg->n_records; j++)
				hit[out[j]] = 1;
		}
		for (i = 0; i < reg->n_records; i++)
			sel[i] &= hit[i];
		free(hit);
		haystack_free(hs);
	}

	if (c->proto != PROTO_NONE) {
		for (i = 0; i < reg->n_records; i++) {
			if (reg->records[i].proto != c->proto)
				sel[i] = 0;
		}
	}
	free(out);
	return rc;
}

/*
 * The gaps no row of the file lists that the queries' ports reach into,
 * in port order, each once: a lookup shows them as it shows a listed
 * Unassigned row, so only where such a row would show (no --proto, no
 * protocol in the query, no -e).  Returns how many; *out as gaps_window.
 */
static size_t
cli_lookup_gaps(const struct cli *c, const struct registry *reg,
    struct gap **out)
{
	const struct query	*q;
	unsigned char		*hit;
	size_t			 i, j, n = 0;

	*out = NULL;
	if (c->proto != PROTO_NONE || c->n_patterns != 0 || reg->n_gaps == 0)
		return 0;
	hit = xcalloc(reg->n_gaps, 1);
	for (i = 0; i < c->n_queries; i++) {
		q = &c->queries[i];
		if (q->kind == QUERY_NAME || q->proto != PROTO_NONE)
			continue;
		for (j = 0; j < reg->n_gaps; j++) {
			if (reg->gaps[j].record < 0 &&
			    reg->gaps[j].lo <= q->hi && reg->gaps[j].hi >= q->lo &&
			    !hit[j]) {
				hit[j] = 1;
				n++;
			}
		}
	}
	if (n != 0) {
		*out = xcalloc(n, sizeof **out);
		for (i = j = 0; i < reg->n_gaps; i++) {
			if (hit[i])
				(*out)[j++] = reg->gaps[i];
		}
	}
	free(hit);
	return n;
}

int
cli_lookup(const struct cli *c, const struct registry *reg)
{
	unsigned char	*sel;
	uint32_t	*idx;
	struct gap	*g;
	size_t		 i, n = 0, ng;
	int		 said = 0;

	sel = xcalloc(reg->n_records + 1, 1);
	if (cli_select(c, reg, sel) != 0) {
		free(sel);
		return CLI_ERROR;
	}
	idx = xcalloc(reg->n_records + 1, sizeof *idx);
	for (i = 0; i < reg->n_records; i++) {
		if (sel[i])
			idx[n++] = (uint32_t)i;
	}
	free(sel);
	ng = cli_lookup_gaps(c, reg, &g);
	if (n + ng != 0)
		output_lookup(stdout, reg, idx, n, g, ng, c->format);
	else {
		for (i = 0; i < c->n_queries; i++) {
			if (c->queries[i].kind != QUERY_NAME)
				said |= cli_not_covered(reg, c->query_text[i],
				    c->queries[i].lo, c->queries[i].hi);
		}
		if (!said)
			cli_error("nothing found");
	}
	free(g);
	free(idx);
	return n + ng != 0 ? CLI_FOUND : CLI_NOTHING;
}
