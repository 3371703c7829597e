/*
 * snapshot.h - a finished registry as one flat image, and back.
 *
 * The image holds the very arrays registry_finish builds (records,
 * people, gaps, warnings, the indexes) in this build's own layout, with
 * every pointer written as an offset into a pool of the image.  Opening
 * an image checks it whole before anything uses it, then turns the
 * offsets back into pointers in place: the registry it returns points
 * into the image, and every query of registry.h (and everything above
 * it) answers from it as from a parsed one.  There is no second query
 * path.
 *
 * The checks, all at open: the magic, the format version, this build's
 * layout (sizes of the structures, byte order), the image's length, a
 * checksum over everything after the checksum field, the caller's key;
 * then every offset and count (inside its section, aligned, sections in
 * order and apart), every index (in range, ordered where the queries
 * search it, hash chains that end) and every value the queries trust
 * (ports, protocols, kinds, person numbers).  An image failing any check
 * is refused with a reason; it is never partly used.
 *
 * The model knows nothing of files: load/cache.c keys, maps and writes
 * images.  The fuzz harness (tests/fuzz/fuzz-snapshot.c) opens mutated
 * images through registry_snapshot_open after fixing their checksum.
 */
#ifndef PORTREG_SNAPSHOT_H
#define PORTREG_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

struct registry;

#define SNAPSHOT_VERSION	2	/* 2: the references' targets */
/* The caller's key (load/cache.c: the file's identity and the build's):
   opaque bytes, compared whole. */
#define SNAPSHOT_KEY_SIZE	96

/* Where the header's fields are, for the tests that forge them. */
#define SNAPSHOT_OFF_VERSION	8
#define SNAPSHOT_OFF_LENGTH	16
#define SNAPSHOT_OFF_CHECKSUM	24
#define SNAPSHOT_OFF_KEY	32	/* SNAPSHOT_KEY_SIZE bytes */
#define SNAPSHOT_OFF_BASE	128	/* uint64_t: the address to map it at */
/* SNAPSHOT_SECTIONS pairs of uint64_t: each section's offset, size. */
#define SNAPSHOT_OFF_SECTIONS	296
#define SNAPSHOT_SECTIONS	12

/*
 * The image of a finished registry, with key (SNAPSHOT_KEY_SIZE bytes)
 * in its header, its pointers written for the image lying at address
 * base (page aligned): a malloc'd buffer of *len bytes (caller frees),
 * or NULL when reg cannot be written (no format name).
 */
void		*registry_snapshot_image(const struct registry *,
		     const unsigned char *key, uint64_t base, size_t *len);

/*
 * Open image (len bytes, 8-byte aligned) as a finished registry named
 * source, when every check passes and its key is key.  At the address
 * it was written for (SNAPSHOT_OFF_BASE) the image is only read; else
 * it must be writable, and its pointers are moved in place.  The
 * registry owns the image from then on: registry_free calls
 * release(image, len).  On failure returns NULL and sets *why to a
 * static reason ("checksum", "key", ...); the image is the caller's
 * still, and may have been written to.
 */
struct registry	*registry_snapshot_open(void *image, size_t len,
		     const unsigned char *key, const char *source,
		     void (*release)(void *, size_t), const char **why);

/* The checksum the header holds: of image[SNAPSHOT_OFF_CHECKSUM + 8,
   len), len a multiple of 8. */
uint64_t	 registry_snapshot_sum(const void *image, size_t len);

#endif
