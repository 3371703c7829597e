/*
 * query.h - the query forms users type: on the command line and at the
 * browser's ':' prompt.
 *
 *   22            a port
 *   10000-10200   a range (inclusive)
 *   53/udp        a port with a protocol (also 10000-10200/tcp)
 *   nbd           a service name (anything else that is not empty)
 */
#ifndef PORTREG_QUERY_H
#define PORTREG_QUERY_H

#include <stddef.h>
#include <stdint.h>

#include "registry.h"

enum query_kind {
	QUERY_PORT,
	QUERY_RANGE,
	QUERY_NAME,
};

struct query {
	enum query_kind	 kind;
	int32_t		 lo;
	int32_t		 hi;
	enum proto	 proto;		/* PROTO_NONE: any */
	char		 name[128];	/* QUERY_NAME, NUL-terminated */
};

/*
 * Parse s.  Returns 0, or -1 with a static message in *why ("port out of
 * range 0-65535", "range is reversed", "unknown protocol") when s looks
 * like a port but is not a valid one.
 */
int		 query_parse(const char *s, struct query *, const char **why);

/*
 * Every record the query names, in registry order: a port or range finds
 * the records overlapping it, a name its records.  out/cap/return as in
 * registry_at_port.
 */
size_t		 query_run(const struct registry *, const struct query *,
		     uint32_t *out, size_t cap);

#endif
