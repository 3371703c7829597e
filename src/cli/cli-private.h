/*
 * cli-private.h - what the files of src/cli that answer the command line
 * share: the command line as parsed (cli.c) and the answers to queries
 * (lookup.c).
 */
#ifndef PORTREG_CLI_PRIVATE_H
#define PORTREG_CLI_PRIVATE_H

#include <stddef.h>

#include "hostcmd.h"
#include "load.h"
#include "output.h"
#include "query.h"
#include "registry.h"
#include "update.h"

/* Exit statuses. */
enum {
	CLI_FOUND = 0,
	CLI_NOTHING = 1,
	CLI_ERROR = 2,
};

/* What the command line asked for. */
struct cli {
	const char		*file;		/* -f, or NULL */
	enum load_format	 format_in;
	enum output_format	 format;
	int			 format_given;	/* -o on the command line */
	enum proto		 proto;		/* --proto, or PROTO_NONE */
	int			 gaps;
	long			 gaps_min;	/* --min: ports, or 0 */
	int			 check;
	int			 no_cache;	/* --no-cache */
	const char		*contact;
	const char		*update;	/* --update's URL, or NULL */
	struct update_opts	 update_opts;	/* --timeout, --force */
	int			 update_opts_given;
	int			 update_default;	/* no URL given */
	int			 list_names;	/* --list-names (hidden) */
	int			 list_people;	/* --list-people (hidden) */

	const char	       **patterns;	/* -e, in order */
	size_t			 n_patterns;
	struct query		*queries;
	char		       **query_text;	/* as typed, for messages */
	size_t			 n_queries;
	struct hostcmd		 host;		/* SPEC 7 (hostcmd.h) */
};

struct registry;

/* lookup.c: --contact, --gaps, and QUERY and -e; each returns the exit
   status. */
int		 cli_contact(const struct cli *, const struct registry *);
int		 cli_gaps(const struct cli *, const struct registry *);
int		 cli_lookup(const struct cli *, const struct registry *);

#endif
