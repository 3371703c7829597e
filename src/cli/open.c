/*
 * open.c - the registry a command works on, through its snapshot; see
 * open.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "open.h"
#include "sanitize.h"

struct registry *
cli_open(const char *path, enum load_format format, int no_cache, int check,
    char **err)
{
	struct load_cache	 lc;
	struct registry		*reg;
	const char		*env = getenv("PORTREG_CACHE");
	char			*safe;

	memset(&lc, 0, sizeof lc);
	lc.off = no_cache || (env != NULL && strcmp(env, "0") == 0);
	reg = load_cached(path, format, &lc, err);
	if (lc.note != NULL && check) {
		safe = sanitize(lc.note, 0);
		fprintf(stderr, "portreg: snapshot not written: %s\n", safe);
		free(safe);
	}
	free(lc.note);
	return reg;
}
