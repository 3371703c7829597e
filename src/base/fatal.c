/*
 * fatal.c - the one way out on an unrecoverable error.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fatal.h"

static void	(*fatal_cleanup)(void);

void
fatal_set_cleanup(void (*fn)(void))
{
	fatal_cleanup = fn;
}

void
fatal(const char *fmt, ...)
{
	void	(*fn)(void) = fatal_cleanup;
	va_list	 ap;

	fatal_cleanup = NULL;		/* once, even if fn fails */
	if (fn != NULL)
		fn();
	fflush(stdout);
	fputs("portreg: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}
