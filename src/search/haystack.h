/*
 * haystack.h - the searchable text of every record of a finished
 * registry, laid out for pattern.c (see haystack.c): a section of slices
 * per field kind, and one for the people table.  Only pattern.c and
 * literal.c read the fields of struct haystack; everyone else builds and
 * frees one and hands it to pattern.h's and literal.h's calls.
 *
 * Borrows the registry: free the haystack before the registry.
 */
#ifndef PORTREG_HAYSTACK_H
#define PORTREG_HAYSTACK_H

#include <stddef.h>
#include <stdint.h>

struct registry;

/* The sections of the haystack, in the order an unprefixed scan reads
   them: the ones most likely to match first. */
enum hay_field {
	HAY_NAME = 0,
	HAY_DESC,
	HAY_PROTO,
	HAY_PORT,
	HAY_WHO,		/* person ids as the record writes them */
	HAY_REF,
	HAY_NOTE,		/* notes, unauthorized use */
	HAY_DATE,		/* registered, modified */
	HAY_OTHER,		/* service code, a gap's "(N ports)": only
				   unprefixed */
	HAY_COUNT
};

/* The haystack's offsets are 32-bit: text past this is left out. */
#define HAYSTACK_MAX		  (UINT32_MAX - 1024)
#define HAYSTACK_PAD		  64

/* A run of slices: slice i is buf[at[i] .. at[i + 1] - 1), then '\n'. */
struct hsec {
	uint32_t	*at;		/* n + 1 offsets into the buffer */
	size_t		 n;
};

struct haystack {
	const struct registry	*reg;
	char			*buf;
	size_t			 len;
	size_t			 n_records;
	struct hsec		 sec[HAY_COUNT];
	struct hsec		 people;
	void			*block;	/* the offsets, and buf if inside */
	int			 own_buf; /* buf outgrew the block */
	/* literal.c's copy, folded, a record a run (NULL: not built). */
	char			*rows;
	size_t			*row_at; /* n_records + 1 offsets */
	uint64_t		*row_mask; /* the bytes each row has */
	uint32_t		*who_at;  /* n_records + 1 offsets into who */
	uint32_t		*who;	  /* each record's people, by index */
};



/* Build the haystack of a finished registry (caller frees), or free one
   (NULL is fine). */
struct haystack	*haystack_new(const struct registry *);
void		 haystack_free(struct haystack *);

#endif
