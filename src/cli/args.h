/*
 * args.h - the command line's own messages about its options.
 *
 * getopt's messages quote what was typed as it was typed: an option
 * holding "\033]0;X\a" would retitle the terminal.  portreg sets opterr
 * to 0 and says what was wrong here instead, with the option made safe
 * (sanitize.h).  Functions here print to stderr only and never exit.
 */
#ifndef PORTREG_ARGS_H
#define PORTREG_ARGS_H

#include <getopt.h>

/*
 * After getopt_long returned '?' or ':' (with ":" first in its option
 * string): say on stderr what was wrong with the option argv[optind - 1]
 * (or the short option optopt), and how to get help.  opts is the table
 * given to getopt_long.
 */
void	 args_bad_option(const struct option *opts, int ch, char **argv,
	     int argc, int optind_now, int optopt_now);

/*
 * A whole number of seconds, 1 to max, as an option's value: *out and
 * 0, or -1 after a message naming the option.
 */
int	 args_seconds(const char *option, const char *value, unsigned max,
	     unsigned *out);

#endif
