/*
 * cli.h - portreg's command line: options, which registry to open,
 * lookups and output, and starting the browser.
 */
#ifndef PORTREG_CLI_H
#define PORTREG_CLI_H

/*
 * Run portreg with these arguments.  Returns the exit status: 0 found,
 * 1 nothing found (or --check with warnings), 2 usage, input or I/O error.
 */
int		 cli_main(int argc, char **argv);

/*
 * Which registry to open when no -f is given: $PORTREG_FILE, else the
 * newest file fetched by --update under $XDG_DATA_HOME/portreg (default
 * ~/.local/share/portreg), else the full registry shipped with portreg
 * (data/service-names-port-numbers.xml): installed under $(pkgdatadir),
 * else beside the build tree's binary, else in the source tree.  Returns
 * a malloc'd path or NULL.
 */
char		*cli_default_registry(void);

/* "portreg: message" on stderr, with anything taken from input made
   safe (sanitize.h).  For every file of the command line. */
void		 cli_error(const char *, ...)
		     __attribute__((format(printf, 1, 2)));

#endif
