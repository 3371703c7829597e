/*
 * test-fixed.h - what the fixed-width loader's test programs share
 * (test-load-fixed.c: the excerpt and tables laid out there;
 * test-load-fixed-2013.c: the whole 2013 file): finding one record at a
 * port by name, and counting warnings (test-loader.h has test_named and
 * test_person).
 */
#ifndef PORTREG_TEST_FIXED_H
#define PORTREG_TEST_FIXED_H

#include <string.h>

#include "registry.h"

/* The only record named name at port/proto; fails unless exactly one. */
static __attribute__((unused)) const struct record *
fixed_at(const struct registry *reg, int32_t port, enum proto proto,
    const char *name)
{
	uint32_t		 idx[16];
	size_t			 n, i;
	const struct record	*found = NULL, *r;

	n = registry_at_port(reg, port, proto, idx, 16);
	assert_true(n <= 16);
	for (i = 0; i < n; i++) {
		r = &reg->records[idx[i]];
		if (r->proto != proto && proto != PROTO_NONE)
			continue;
		if ((name == NULL) != (r->service == NULL))
			continue;
		if (name != NULL && strcmp(name, r->service) != 0)
			continue;
		if (found != NULL)
			fail_msg("two records %s at %d/%s", name ? name : "-",
			    port, proto_name(proto));
		found = r;
	}
	if (found == NULL)
		fail_msg("no record %s at %d/%s", name ? name : "-", port,
		    proto_name(proto));
	return found;
}

/* How many warnings contain needle. */
static __attribute__((unused)) size_t
fixed_warnings(const struct registry *reg, const char *needle)
{
	size_t	 i, n = 0;

	for (i = 0; i < reg->n_warnings; i++) {
		if (strstr(reg->warnings[i].text, needle) != NULL)
			n++;
	}
	return n;
}

#endif
