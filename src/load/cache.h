/*
 * cache.h - load a registry file through a snapshot of its model.
 *
 * The first load of a registry file leaves an image of the loaded model
 * (snapshot.h) in $XDG_CACHE_HOME/portreg/ (default ~/.cache/portreg/);
 * the next load of the same file maps that image instead of parsing.
 *
 *  - Key: the file's device, inode, size, mtime and ctime, a hash of its
 *    first and last 4 KiB, and this build (the program file's identity,
 *    the locale's case folding, --format-in).  The image's name comes
 *    from the device, inode, input format and build, so an edited
 *    file's snapshot is replaced, not added, and two programs on one
 *    file (an installed one and a build tree's) keep one each.
 *  - An image that is not a regular file of the user's, or fails any of
 *    snapshot.h's checks, is ignored and rebuilt: never trusted.
 *  - Written to a temporary file, mode 0600, then renamed over the old;
 *    only inside a folder that is the user's and writable by no one
 *    else, reached without following a symbolic link at portreg/.  At
 *    most LOAD_CACHE_KEEP snapshots are kept; the oldest used goes
 *    first.
 *  - Standard input and anything but a regular file are never cached.
 *
 * Failing to write a snapshot never fails the load: it is said in
 * lc->note, for --check to show.
 */
#ifndef PORTREG_CACHE_H
#define PORTREG_CACHE_H

#include "load.h"

#define LOAD_CACHE_KEEP	4

struct load_cache {
	int	 off;		/* in: load without snapshots */
	int	 hit;		/* out: the registry came from a snapshot */
	int	 wrote;		/* out: a snapshot was written */
	char	*note;		/* out: why none was written (caller frees) */
};

/* load_file, through a snapshot unless lc->off; see above. */
struct registry	*load_cached(const char *path, enum load_format,
		     struct load_cache *lc, char **err);

/* The snapshot folder ($XDG_CACHE_HOME/portreg, or under HOME), or NULL
   when neither is set (caller frees). */
char		*load_cache_dir(void);

#endif
