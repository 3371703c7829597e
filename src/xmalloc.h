/*
 * xmalloc.h - allocation that cannot fail.
 *
 * Every function here either returns usable memory or ends the process
 * with a message on stderr (exit status 2).  Sizes are checked for
 * overflow.  The caller frees what these return with free().
 */
#ifndef PORTREG_XMALLOC_H
#define PORTREG_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Grow *array of *cap elements of size so that it holds at least need. */
void	 xgrow(void **array, size_t *cap, size_t need, size_t size);

/*
 * A growable byte buffer.  data is always NUL-terminated once anything
 * has been added (data may be NULL while len == 0).
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addc(struct buf *, char);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 buf_clear(struct buf *);	/* len = 0, keeps the memory */
void	 buf_free(struct buf *);
/* The contents as a malloc'd string the caller frees; the buffer empties. */
char	*buf_detach(struct buf *);

#endif
