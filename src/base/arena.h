/*
 * arena.h - a bump allocator: many small allocations freed all at once.
 *
 * The registry keeps every string and array in one arena, so loading a
 * file costs a few large blocks rather than a malloc per field.  Memory
 * from arena_alloc is valid until arena_free() and is aligned for any
 * type.  Allocation cannot fail (see xmalloc.h).
 */
#ifndef PORTREG_ARENA_H
#define PORTREG_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *);
void		*arena_alloc(struct arena *, size_t);
char		*arena_strndup(struct arena *, const char *, size_t);
/* Bytes handed out and bytes reserved from the system. */
void		 arena_usage(const struct arena *, size_t *used,
		     size_t *reserved);

#endif
