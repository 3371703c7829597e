/*
 * open.h - the registry a command works on, loaded through its snapshot
 * (load/cache.h) unless --no-cache was given or PORTREG_CACHE is 0.
 */
#ifndef PORTREG_OPEN_H
#define PORTREG_OPEN_H

#include "load.h"

struct registry;

/*
 * load_file through the snapshot folder.  A snapshot that could not be
 * written is silent, except under check (--check): one line on stderr
 * says why.  NULL on error with *err set, as load_file.
 */
struct registry	*cli_open(const char *path, enum load_format, int no_cache,
		     int check, char **err);

#endif
