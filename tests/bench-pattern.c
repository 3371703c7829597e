/*
 * bench-pattern.c - time the search over a real registry (not a test:
 * built by make check, never run by it; no timing is asserted anywhere).
 *
 *   tests/bench-pattern [FILE [TIMES]]
 *
 * FILE defaults to the shipped 2026 XML (data/service-names-port-numbers.xml
 * of the source tree; the 2025 CSV of PORTREG_REGISTRY_DIR when that does
 * not load); TIMES > 1 searches a synthetic registry holding every record
 * that many times.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "xmalloc.h"

static const char *bench_patterns[] = {
	"nbd",
	"a",
	"e",
	"Network Block Device",
	"name:^http$",
	"who:Jon Postel",
	"who:postel",
	"port:^80$",
	"proto:sctp",
	"date:^2023",
	"ref:^RFC6335$",
	"note:de-assigned",
	"desc:unassigned",
	"^$",
	"(?<=tcp)x",
	"\\bkerberos\\b",
	"[a-z]+ [a-z]+ [a-z]+ protocol",
	"e.*x.*z",
	"(a+)+$",
	"(\\w+\\s?)*$",
	"(.*a){12}",
	"zzzzqqq",
	NULL
};

static double
bench_now(void)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* A registry holding reg's records times times (people once). */
static struct registry *
bench_multiply(const struct registry *reg, int times)
{
	struct registry		*big = registry_new("synthetic");
	const struct record	*r;
	struct record		*c;
	struct person		*p;
	size_t			 i;
	uint32_t		 j;
	int			 t;

	for (i = 0; i < reg->n_people; i++) {
		p = registry_add_person(big);
		*p = reg->people[i];
		p->n_records = 0;
	}
	for (t = 0; t < times; t++) {
		for (i = 0; i < reg->n_records; i++) {
			r = &reg->records[i];
			c = registry_add_record(big);
			*c = *r;
			c->assignees = c->contacts = NULL;
			c->n_assignees = c->n_contacts = 0;
			for (j = 0; j < r->n_assignees; j++)
				registry_add_assignee(big, c,
				    r->assignees[j].id,
				    strlen(r->assignees[j].id));
			for (j = 0; j < r->n_contacts; j++)
				registry_add_contact(big, c, r->contacts[j].id,
				    strlen(r->contacts[j].id));
		}
	}
	registry_finish(big);
	return big;
}

int
main(int argc, char **argv)
{
	struct registry	*reg, *orig = NULL;
	struct haystack	*h;
	struct pattern	*p;
	const char	*dir = getenv("PORTREG_REGISTRY_DIR");
	char		*path, *err = NULL;
	uint32_t	*out;
	double		 t, best;
	size_t		 n = 0, i;
	int		 k, times, limited = 0, reps;

	if (dir == NULL)
		dir = "../shared/registry";
	if (argc > 1)
		path = xstrdup(argv[1]);
	else
		path = xstrdup(PORTREG_SRCDATADIR
		    "/service-names-port-numbers.xml");
	times = argc > 2 ? atoi(argv[2]) : 1;
	if ((reg = load_file(path, LOAD_AUTO, &err)) == NULL && argc <= 1) {
		fprintf(stderr, "%s\n", err);
		free(err);
		free(path);
		path = xasprintf("%s/service-names-port-numbers-2025-07.csv",
		    dir);
		reg = load_file(path, LOAD_AUTO, &err);
	}
	if (reg == NULL) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	if (times > 1) {
		orig = reg;
		reg = bench_multiply(orig, times);
	}

	best = 1e9;
	for (k = 0; k < (times > 1 ? 1 : 5); k++) {
		t = bench_now();
		h = haystack_new(reg);
		t = bench_now() - t;
		if (t < best)
			best = t;
		if (k < (times > 1 ? 0 : 4))
			haystack_free(h);
	}
	printf("%s x%d: %zu records, %zu people; haystack built in %.2f ms\n",
	    path, times, reg->n_records, reg->n_people, best);

	out = xcalloc(reg->n_records + 1, sizeof *out);
	reps = times > 1 ? 1 : 5;
	for (i = 0; bench_patterns[i] != NULL; i++) {
		t = bench_now();
		p = pattern_new(bench_patterns[i], &err);
		if (p == NULL) {
			printf("%-32s %s\n", bench_patterns[i], err);
			free(err);
			continue;
		}
		pattern_set_budget(p, 0);
		best = 1e9;
		for (k = 0; k < reps; k++) {
			t = bench_now();
			n = pattern_scan(p, h, out, reg->n_records, &limited);
			t = bench_now() - t;
			if (t < best)
				best = t;
		}
		printf("%-32s %6zu records%s %8.3f ms%s\n", bench_patterns[i], n,
		    limited ? " LIMITED" : "        ", best,
		    pattern_jit(p) ? "" : " (no JIT)");
		pattern_free(p);
	}
	free(out);
	haystack_free(h);
	registry_free(reg);
	registry_free(orig);
	free(path);
	return 0;
}
