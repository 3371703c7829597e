/*
 * builder.h - a registry by hand, for the C tests that build one with
 * the model's builder calls instead of a loader (test-registry,
 * test-gaps, test-output, test-pattern, test-ui).
 *
 *	r = add(reg, "nbd", 10809, 10809, PROTO_TCP, "Network Block Device",
 *	    "Wouter_Verhelst");
 *	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst",
 *	    .email = "w@uter.be");
 *	registry_finish(reg);
 *
 * builder_teardown() frees it as a cmocka group teardown.  Strings are copied into the registry's arena; NULL stays NULL.
 */
#ifndef PORTREG_TEST_BUILDER_H
#define PORTREG_TEST_BUILDER_H

#include <string.h>

#include "registry.h"

/*
 * Append a record (name and desc may be NULL).  who, unless NULL, is
 * both its assignee and its contact; name other people with
 * registry_add_assignee() and registry_add_contact().  The record is
 * the caller's to fill in further until the next add.
 */
static inline struct record *
add(struct registry *reg, const char *name, int lo, int hi, enum proto proto,
    const char *desc, const char *who)
{
	struct record	*r = registry_add_record(reg);

	r->service = registry_strdup(reg, name);
	r->port_lo = lo;
	r->port_hi = hi;
	r->proto = proto;
	r->description = registry_strdup(reg, desc);
	if (who != NULL) {
		registry_add_assignee(reg, r, who, strlen(who));
		registry_add_contact(reg, r, who, strlen(who));
	}
	return r;
}

/* A person's details; what is not named stays NULL. */
struct builder_person {
	const char	*id;
	const char	*name;
	const char	*org;
	const char	*email;
	const char	*uri;
	const char	*updated;
};

static inline struct person *
builder_person(struct registry *reg, const struct builder_person *d)
{
	struct person	*p = registry_add_person(reg);

	p->id = registry_strdup(reg, d->id);
	p->name = registry_strdup(reg, d->name);
	p->org = registry_strdup(reg, d->org);
	p->email = registry_strdup(reg, d->email);
	p->uri = registry_strdup(reg, d->uri);
	p->updated = registry_strdup(reg, d->updated);
	return p;
}

/* The group teardown of a test whose setup leaves its registry in
   *state. */
static inline int
builder_teardown(void **state)
{
	registry_free(*state);
	return 0;
}

/* person(reg, .id = "Jon_Postel", .name = "Jon Postel", ...): append a
   person to the people table and return it. */
#define person(reg, ...) \
	builder_person((reg), &(const struct builder_person){ __VA_ARGS__ })

#endif
