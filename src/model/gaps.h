/*
 * gaps.h - the gaps a window of ports asks for (portreg --gaps).
 *
 * A window is a port or a range.  A port gives each gap holding it,
 * whole; a range gives the gaps overlapping it, clipped to it (the free
 * ports inside the range).  On one protocol the gaps are the runs free on
 * it (registry_free_ranges) instead of the registry's list.  Either way
 * nothing outside the file's cover is a gap (registry.h, cover_lo).
 */
#ifndef PORTREG_GAPS_H
#define PORTREG_GAPS_H

#include <stddef.h>
#include <stdint.h>

#include "registry.h"

struct gaps_window {
	int32_t		 lo;
	int32_t		 hi;
	int		 port;		/* a port (lo == hi): gaps whole */
};

/*
 * The gaps windows w[0..n) ask for, on proto (PROTO_NONE: the registry's
 * gaps, reg->gaps; else the runs free on proto, record -1).  One window's
 * come in port order; several windows' are merged in port order (lo, hi,
 * protocol), each gap once.  Returns how many and sets *out to a
 * malloc'd array of them (caller frees; NULL when none).
 */
size_t		 gaps_window(const struct registry *, enum proto,
		     const struct gaps_window *w, size_t n, struct gap **out);

/* Keep the gaps of g[0..n) of at least min ports, in order; how many. */
size_t		 gaps_at_least(struct gap *g, size_t n, long min);
/* --min's argument: a number of ports, 1 to 65536; -1 when not. */
long		 gaps_min_parse(const char *);

#endif
