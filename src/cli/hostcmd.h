/*
 * hostcmd.h - the command line of SPEC 7: the lists beside the registry
 * (--services, --nmap-services) and the actions on them: --listening
 * [QUERY], --compare [FILE], --free [N] [RANGE] (with --random and
 * --limit); and the same lists handed to the browser.
 *
 * cli.c keeps one struct hostcmd in its options, passes it the long
 * options numbered from HOSTCMD_OPT_FIRST, and, when hostcmd_active,
 * the words after the options (instead of reading them as QUERYs) and
 * the run.  Messages go to stderr as "portreg: ...".
 */
#ifndef PORTREG_HOSTCMD_H
#define PORTREG_HOSTCMD_H

#include <stdio.h>

#include "output.h"
#include "overlay.h"
#include "query.h"

struct ui;

/* How many list warnings are shown (then "N more"). */
#define HOSTCMD_WARNINGS_SHOWN	10
#define HOSTCMD_LIMIT		10
/* The proc tree read for this host's sockets (tests set $PORTREG_PROC). */
#define HOSTCMD_PROC		"/proc"

enum {
	HOSTCMD_OPT_FIRST = 0x1000,
	HOSTCMD_OPT_SERVICES = HOSTCMD_OPT_FIRST,
	HOSTCMD_OPT_NMAP,
	HOSTCMD_OPT_LISTENING,
	HOSTCMD_OPT_COMPARE,
	HOSTCMD_OPT_FREE,
	HOSTCMD_OPT_RANDOM,
	HOSTCMD_OPT_LIMIT,
};

#define HOSTCMD_LONG_OPTIONS \
	{ "services",	   required_argument, NULL, HOSTCMD_OPT_SERVICES }, \
	{ "nmap-services", required_argument, NULL, HOSTCMD_OPT_NMAP }, \
	{ "listening",	   no_argument,	      NULL, HOSTCMD_OPT_LISTENING }, \
	{ "compare",	   no_argument,	      NULL, HOSTCMD_OPT_COMPARE }, \
	{ "free",	   no_argument,	      NULL, HOSTCMD_OPT_FREE }, \
	{ "random",	   no_argument,	      NULL, HOSTCMD_OPT_RANDOM }, \
	{ "limit",	   required_argument, NULL, HOSTCMD_OPT_LIMIT },

struct hostcmd {
	const char		*services;	/* --services: FILE, "none" */
	const char		*nmap;		/* --nmap-services */
	int			 listening;
	int			 compare;
	int			 free;
	int			 random;
	long			 limit;		/* 0: not given */

	/* The words after the options (hostcmd_args). */
	struct query		*queries;	/* --listening */
	char		       **query_text;
	size_t			 n_queries;
	const char		*file;		/* --compare FILE */
	long			 n;		/* --free N */
	int32_t			 lo, hi;	/* --free RANGE */

	/* The lists, once loaded. */
	struct ovl_list		*svc;
	struct ovl_list		*nmap_list;
	struct ovl_sockets	*sockets;
	struct overlay		 ov;
	char			*note;		/* the browser: a list left out */
};

/* One of the long options above (ch, its argument).  Returns 0, or 2
   after a message. */
int		 hostcmd_option(struct hostcmd *, int ch, const char *arg);
/* The --help lines of these options. */
void		 hostcmd_usage(FILE *);
/* Is one of --listening, --compare, --free (or --random, --limit) asked? */
int		 hostcmd_active(const struct hostcmd *);
/*
 * Check the options together and read the words after them: others
 * counts the options that may not go with these actions (-e, --check,
 * --gaps, --contact, --update).  Returns -1 to go on, or 2 after a
 * message.
 */
int		 hostcmd_args(struct hostcmd *, int argc, char **argv,
		     int others);
/* Run the action on reg.  Returns the exit status. */
int		 hostcmd_run(struct hostcmd *, const struct registry *,
		     enum output_format, enum proto);
/*
 * For the browser (tui.h's setup hook; arg is the struct hostcmd): load
 * what lists there are, quietly (a list that cannot be read is left
 * out), and give them to the ui.
 */
void		 hostcmd_browse(struct ui *, void *arg);
void		 hostcmd_free(struct hostcmd *);

#endif
