/*
 * snapshot-image.h - the layout of a snapshot image, private to
 * snapshot.c (which writes images) and snapshot-open.c (which checks
 * and opens them); the rest of portreg asks snapshot.h.
 */
#ifndef PORTREG_SNAPSHOT_IMAGE_H
#define PORTREG_SNAPSHOT_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "snapshot.h"

enum snap_sec {
	SEC_RECORDS = 0,
	SEC_PEOPLE,
	SEC_GAPS,
	SEC_WARNINGS,
	SEC_PREFS,		/* struct person_ref: every list of people */
	SEC_SREFS,		/* const char *: every list of references */
	SEC_BY_PORT,
	SEC_BY_NAME,
	SEC_PEOPLE_BY_ID,
	SEC_PERSON_FIRST,
	SEC_PERSON_RECORDS,
	SEC_STRINGS,		/* NUL-terminated text, ends in a NUL */
	SEC_COUNT
};

#define SNAP_LAYOUT	16

struct snap_header {
	char		 magic[8];
	uint32_t	 version;
	uint32_t	 header_size;
	uint64_t	 length;
	uint64_t	 checksum;
	unsigned char	 key[SNAPSHOT_KEY_SIZE];
	uint64_t	 base;		/* the address it is written for */
	uint32_t	 layout[SNAP_LAYOUT];
	uint64_t	 n_records, n_people, n_gaps, n_warnings;
	uint64_t	 n_by_port, n_by_name, n_person_records;
	int32_t		 cover_lo, cover_hi, cover_given, max_span;
	uint64_t	 format, updated, title;	/* strings */
	struct {
		uint64_t	 off;
		uint64_t	 size;
	}		 sec[SEC_COUNT];
};

_Static_assert(offsetof(struct snap_header, version) == SNAPSHOT_OFF_VERSION,
    "header layout");
_Static_assert(offsetof(struct snap_header, length) == SNAPSHOT_OFF_LENGTH,
    "header layout");
_Static_assert(offsetof(struct snap_header, checksum) ==
    SNAPSHOT_OFF_CHECKSUM, "header layout");
_Static_assert(offsetof(struct snap_header, key) == SNAPSHOT_OFF_KEY,
    "header layout");
_Static_assert(offsetof(struct snap_header, base) == SNAPSHOT_OFF_BASE,
    "header layout");
_Static_assert(offsetof(struct snap_header, sec) == SNAPSHOT_OFF_SECTIONS,
    "header layout");
_Static_assert(SEC_COUNT == SNAPSHOT_SECTIONS, "header layout");
_Static_assert(sizeof(uintptr_t) == sizeof(const char *), "pointers");
_Static_assert(sizeof(struct snap_header) % 8 == 0, "header size");


extern const char snapshot_magic[8];

/* This build's layout: what an image of another build differs in. */
void	snapshot_layout(uint32_t *);

/* A pointer field holding a number (the image's form). */
static inline void
snap_put(void *field, uint64_t v)
{
	uintptr_t	 u = (uintptr_t)v;

	memcpy(field, &u, sizeof u);
}

static inline uint64_t
snap_get(const void *field)
{
	uintptr_t	 u;

	memcpy(&u, field, sizeof u);
	return u;
}

#endif
