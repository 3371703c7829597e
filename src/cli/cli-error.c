/*
 * cli-error.c - the command line's one way to say what went wrong
 * (cli.h).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "sanitize.h"
#include "xmalloc.h"

void
cli_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *safe;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	safe = sanitize(msg, 0);
	fprintf(stderr, "portreg: %s\n", safe);
	free(safe);
	free(msg);
}
