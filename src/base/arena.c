#include "config.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "xmalloc.h"

#define ARENA_BLOCK	(256 * 1024)
#define ARENA_ALIGN	(alignof(max_align_t))

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block	*head;
	size_t		 used;
	size_t		 reserved;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct block	*b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b = a->head;
	size_t		 size;
	void		*p;

	if (n > SIZE_MAX - ARENA_ALIGN - sizeof(struct block))
		xmalloc(SIZE_MAX);	/* reports and exits */
	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	if (b == NULL || b->size - b->used < n) {
		size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		if (size == n && a->head != NULL) {
			/* A big one-off: keep the current block in front. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		a->reserved += size;
	}
	p = b->data + b->used;
	b->used += n;
	a->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_usage(const struct arena *a, size_t *used, size_t *reserved)
{
	*used = a->used;
	*reserved = a->reserved;
}
