/*
 * xmalloc.h - allocation that cannot fail.
 *
 * Every function here either returns usable memory or ends the process
 * through fatal() (fatal.h: the terminal restored, a message on stderr,
 * exit status 2).  Sizes are checked for
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
 * Memory for a big buffer of at least *bytes, freed with free().  From
 * XBIG_MIN on it comes in whole XBIG_UNIT units aligned to them and
 * advised for transparent huge pages where the system has them (Linux's
 * MADV_HUGEPAGE): each 4 KiB page first touched costs a page fault
 * (about 1.2 us on the benchmark machine), a huge page one fault for
 * 512 of them.  Sets *bytes to the size allocated.  realloc keeps the
 * contents but not the alignment: grow by a new xbig and a copy.
 */
#define XBIG_UNIT	(2 * 1024 * 1024)
#define XBIG_MIN	(XBIG_UNIT / 2)
void	*xbig(size_t *bytes);

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
