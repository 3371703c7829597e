/*
 * args.c - the command line's messages about its options; see args.h.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "sanitize.h"
#include "xmalloc.h"

/* "portreg: msg" (made safe) and the pointer to --help. */
static void
args_say(char *msg, int try_help)
{
	char	*safe = sanitize(msg, 0);

	fprintf(stderr, "portreg: %s\n", safe);
	if (try_help)
		fputs("Try 'portreg --help' for more information.\n", stderr);
	free(safe);
	free(msg);
}

/* The long option spelt s[0..n) names: an exact name, else the one it
   starts; NULL with *count the candidates when none or several. */
static const struct option *
args_long(const struct option *opts, const char *s, size_t n,
    size_t *count)
{
	const struct option	*o, *found = NULL;

	*count = 0;
	for (o = opts; o->name != NULL; o++) {
		if (strlen(o->name) == n && strncmp(o->name, s, n) == 0) {
			*count = 1;
			return o;
		}
		if (strncmp(o->name, s, n) == 0) {
			found = o;
			++*count;
		}
	}
	return *count == 1 ? found : NULL;
}

void
args_bad_option(const struct option *opts, int ch, char **argv, int argc,
    int optind_now, int optopt_now)
{
	const struct option	*o;
	const char		*arg = NULL, *name, *eq;
	struct buf		 b = { 0 };
	size_t			 n, count;

	if (optind_now >= 1 && optind_now <= argc)
		arg = argv[optind_now - 1];
	/* A short option: optopt is its letter (long-only values are
	   above 255, and an unknown long option leaves optopt 0). */
	if (optopt_now > 0 && optopt_now < 256 &&
	    (arg == NULL || strncmp(arg, "--", 2) != 0)) {
		if (ch == ':')
			args_say(xasprintf("option requires an argument -- "
			    "'%c'", optopt_now), 1);
		else
			args_say(xasprintf("invalid option -- '%c'",
			    optopt_now), 1);
		return;
	}
	if (arg == NULL || strncmp(arg, "--", 2) != 0) {
		args_say(xstrdup("invalid option"), 1);
		return;
	}
	name = arg + 2;
	n = (eq = strchr(name, '=')) != NULL ? (size_t)(eq - name) :
	    strlen(name);
	if ((o = args_long(opts, name, n, &count)) == NULL && count > 1) {
		buf_adds(&b, "option '");
		buf_add(&b, arg, n + 2);
		buf_adds(&b, "' is ambiguous; possibilities:");
		for (o = opts; o->name != NULL; o++) {
			if (strncmp(o->name, name, n) == 0) {
				buf_adds(&b, " --");
				buf_adds(&b, o->name);
			}
		}
		args_say(buf_detach(&b), 1);
	} else if (o == NULL)
		args_say(xasprintf("unrecognized option '%s'", arg), 1);
	else if (eq != NULL && o->has_arg == no_argument)
		args_say(xasprintf("option '--%s' doesn't allow an argument",
		    o->name), 1);
	else
		args_say(xasprintf("option '--%s' requires an argument",
		    o->name), 1);
}

int
args_seconds(const char *option, const char *value, unsigned max,
    unsigned *out)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(value, &end, 10);
	if (value[0] < '0' || value[0] > '9' || *end != '\0' ||
	    errno != 0 || v == 0 || v > max) {
		args_say(xasprintf("%s: expected whole seconds from 1 to %u, "
		    "found '%s'", option, max, value), 0);
		return -1;
	}
	*out = (unsigned)v;
	return 0;
}
