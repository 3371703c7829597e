/*
 * cli.c - portreg's command line: options, which registry to open,
 * lookups and output, and starting the browser.
 *
 * Everything the command line asked for is gathered into struct cli
 * first (usage errors come before any file is read), then the registry
 * is loaded and one action runs: --check, --contact, --gaps, a lookup,
 * the whole registry, or the browser.  Every message goes to stderr as
 * "portreg: ...".  Exit status: 0 found, 1 nothing found (or --check
 * with warnings), 2 usage, input or I/O error.  Nothing found is the same
 * for every action and output format: a message on stderr, nothing on
 * stdout (no header line, no empty JSON array), exit 1.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "cli-private.h"
#include "complete.h"
#include "edition.h"
#include "gaps.h"
#include "hostcmd.h"
#include "open.h"	/* and load.h */
#include "output.h"
#include "query.h"
#include "registry.h"
#include "sanitize.h"
#include "store.h"
#include "tui.h"
#include "update.h"
#include "xmalloc.h"

#define CLI_DEFAULT	"service-names-port-numbers.xml"

/* The short options, for getopt_long. */
#define CLI_SHORTS	":e:f:o:hV"

/* Long-only options. */
enum {
	OPT_GAPS = 256,
	OPT_CONTACT,
	OPT_PROTO,
	OPT_FORMAT_IN,
	OPT_CHECK,
	OPT_UPDATE,
	OPT_LIST_NAMES,
	OPT_LIST_PEOPLE,
	OPT_MIN,
	OPT_TIMEOUT,
	OPT_FORCE,
	OPT_NO_CACHE,
	OPT_SINCE,
};

static const struct option cli_long_options[] = {
	{ "regexp",	required_argument,	NULL, 'e' },
	{ "file",	required_argument,	NULL, 'f' },
	{ "format",	required_argument,	NULL, 'o' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "gaps",	no_argument,		NULL, OPT_GAPS },
	{ "min",	required_argument,	NULL, OPT_MIN },
	{ "contact",	required_argument,	NULL, OPT_CONTACT },
	{ "proto",	required_argument,	NULL, OPT_PROTO },
	{ "format-in",	required_argument,	NULL, OPT_FORMAT_IN },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "no-cache",	no_argument,		NULL, OPT_NO_CACHE },
	{ "update",	optional_argument,	NULL, OPT_UPDATE },
	{ "timeout",	required_argument,	NULL, OPT_TIMEOUT },
	{ "force",	no_argument,		NULL, OPT_FORCE },
	{ "since",	required_argument,	NULL, OPT_SINCE },
	HOSTCMD_LONG_OPTIONS
	/* For the shell completion scripts; not in --help. */
	{ "list-names",	no_argument,		NULL, OPT_LIST_NAMES },
	{ "list-people", no_argument,		NULL, OPT_LIST_PEOPLE },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 },
};

static void
cli_usage(FILE *f)
{
	fputs(
"usage: portreg [OPTIONS] [QUERY...]\n"
"Look up the IANA service name and port number registry; with no QUERY\n"
"on a terminal, browse it.\n"
"\n"
"  QUERY               a port (22), a range (10000-10200), a port with\n"
"                      a protocol (53/udp) or a service name (nbd)\n"
"  -e, --regexp REGEX  records matching REGEX (smart case; prefixes\n"
"                      name: desc: proto: port: who: ref: note: date:)\n"
"      --gaps          list unassigned ranges (with a QUERY: around a\n"
"                      port or inside a range)\n"
"      --min N         with --gaps: only gaps of N ports or more\n"
"      --contact ID    a person's details and all of their assignments\n"
"      --proto P       only tcp, udp, sctp or dccp\n"
"  -o, --format FMT    output as table (default), csv, json or tsv\n"
"  -f, --file FILE     the registry to read (- for standard input)\n"
"      --format-in FMT read FILE as xml, csv, tsv, text or fixed (default:\n"
"                      detect from its content)\n"
"      --check         parse, print statistics and warnings\n"
"      --no-cache      parse FILE, neither reading nor writing a snapshot\n"
"      --update [URL]  download the current registry (default: IANA's\n"
"                      XML), check that it loads, and keep it for later\n"
"                      runs without -f (in $XDG_DATA_HOME/portreg)\n"
"      --diff OLD NEW  what changed between two registries (exit 1)\n"
"      --since WHEN    browse, marking changes since a FILE or DATE\n"
"      --timeout SECS  with --update: give up after SECS (default 120)\n"
"      --force         with --update: keep a download with under half\n"
"                      the records of the registry it replaces\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"Exit status: 0 found, 1 nothing found (--check: warnings), 2 error.\n"
"See portreg(1).\n", f);
	hostcmd_usage(f);
}

/* --- Which registry --------------------------------------------------- */

static int
cli_readable(const char *path)
{
	struct stat	 sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    access(path, R_OK) == 0;
}

/* The shipped registry beside the build tree's binary: src/../data/. */
static char *
cli_build_tree_default(void)
{
	char	 exe[PATH_MAX], *slash, *path;
	ssize_t	 n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	path = xasprintf("%s/../data/%s", exe, CLI_DEFAULT);
	if (cli_readable(path))
		return path;
	free(path);
	return NULL;
}

char *
cli_default_registry(void)
{
	const char	*env;
	char		*dir, *path;

	if ((env = getenv("PORTREG_FILE")) != NULL && *env != '\0')
		return xstrdup(env);

	if ((dir = store_dir()) != NULL) {
		path = store_newest(dir);
		free(dir);
		if (path != NULL)
			return path;
	}

	if (cli_readable(PORTREG_PKGDATADIR "/" CLI_DEFAULT))
		return xstrdup(PORTREG_PKGDATADIR "/" CLI_DEFAULT);
	if ((path = cli_build_tree_default()) != NULL)
		return path;
	if (cli_readable(PORTREG_SRCDATADIR "/" CLI_DEFAULT))
		return xstrdup(PORTREG_SRCDATADIR "/" CLI_DEFAULT);
	return NULL;
}

/* --- Options ---------------------------------------------------------- */

static void
cli_free(struct cli *c)
{
	size_t	 i;

	for (i = 0; i < c->n_queries; i++)
		free(c->query_text[i]);
	free(c->query_text);
	free(c->queries);
	free(c->patterns);
	hostcmd_free(&c->host);
}

/*
 * Parse argv into c.  Returns -1 to go on, or an exit status (--help,
 * --version, a usage error).
 */
static int
cli_parse(struct cli *c, int argc, char **argv)
{
	const char	*why;
	size_t		 cap = 0;
	int		 ch, v, i;

	memset(c, 0, sizeof *c);
	c->format_in = LOAD_AUTO;
	c->format = OUTPUT_TABLE;
	c->proto = PROTO_NONE;
	c->update_opts.timeout = UPDATE_TIMEOUT;

	/* getopt's messages would echo a bad option raw: args.h says it,
	   made safe. */
	optind = 0;		/* GNU: reinitialise (cli_main may run twice) */
	opterr = 0;
	while ((ch = getopt_long(argc, argv, CLI_SHORTS, cli_long_options,
	    NULL)) != -1) {
		if (ch >= HOSTCMD_OPT_FIRST) {
			if (hostcmd_option(&c->host, ch, optarg) != 0)
				return CLI_ERROR;
			continue;
		}
		switch (ch) {
		case 'e':
			xgrow((void **)&c->patterns, &cap, c->n_patterns + 1,
			    sizeof *c->patterns);
			c->patterns[c->n_patterns++] = optarg;
			break;
		case 'f':
			c->file = optarg;
			break;
		case 'o':
			if ((v = output_format_parse(optarg)) < 0) {
				cli_error("unknown output format '%s' "
				    "(expected table, csv, json or tsv)", optarg);
				return CLI_ERROR;
			}
			c->format = (enum output_format)v;
			c->format_given = 1;
			break;
		case OPT_GAPS:
			c->gaps = 1;
			break;
		case OPT_CONTACT:
			c->contact = optarg;
			break;
		case OPT_MIN:
			if ((c->gaps_min = gaps_min_parse(optarg)) <= 0) {
				cli_error("--min '%s': expected a number of "
				    "ports, 1 to 65536", optarg);
				return CLI_ERROR;
			}
			break;
		case OPT_PROTO:
			if ((v = proto_parse(optarg, strlen(optarg))) <= 0) {
				cli_error("unknown protocol '%s' "
				    "(expected tcp, udp, sctp or dccp)", optarg);
				return CLI_ERROR;
			}
			c->proto = (enum proto)v;
			break;
		case OPT_FORMAT_IN:
			if ((v = load_format_parse(optarg)) < 0) {
				cli_error("unknown input format '%s' "
				    "(expected xml, csv, tsv, text or fixed)",
				    optarg);
				return CLI_ERROR;
			}
			c->format_in = (enum load_format)v;
			break;
		case OPT_CHECK:
			c->check = 1;
			break;
		case OPT_NO_CACHE:
			c->no_cache = 1;
			break;
		case OPT_UPDATE:
			/* "--update URL" as well as "--update=URL". */
			if (optarg == NULL && optind < argc &&
			    strstr(argv[optind], "://") != NULL)
				optarg = argv[optind++];
			c->update = optarg != NULL ? optarg : UPDATE_URL;
			c->update_default = optarg == NULL;
			break;
		case OPT_TIMEOUT:
			if (args_seconds("--timeout", optarg, UPDATE_TIMEOUT_MAX,
			    &c->update_opts.timeout) != 0)
				return CLI_ERROR;
			c->update_opts_given = 1;
			break;
		case OPT_FORCE:
			c->update_opts.force = c->update_opts_given = 1;
			break;
		case OPT_LIST_NAMES:
			c->list_names = 1;
			break;
		case OPT_LIST_PEOPLE:
			c->list_people = 1;
			break;
		case OPT_SINCE:
			edition_set_since(optarg);
			break;
		case 'h':
			cli_usage(stdout);
			return CLI_FOUND;
		case 'V':
			printf("portreg %s\n", PACKAGE_VERSION);
			return CLI_FOUND;
		default:
			args_bad_option(cli_long_options, ch, argv, argc, optind,
			    optopt);
			return CLI_ERROR;
		}
	}

	if (c->list_names + c->list_people != 0 &&
	    (c->list_names + c->list_people + c->check + c->gaps +
	    (c->contact != NULL) + (c->update != NULL) > 1 ||
	    optind < argc || c->n_patterns != 0)) {
		cli_error("--list-names and --list-people take only -f and "
		    "--format-in");
		return CLI_ERROR;
	}
	if (c->check + c->gaps + (c->contact != NULL) +
	    (c->update != NULL) > 1) {
		cli_error("--check, --gaps, --contact and --update go alone");
		return CLI_ERROR;
	}
	if (c->update_opts_given && c->update == NULL) {
		cli_error("--timeout and --force go with --update");
		return CLI_ERROR;
	}
	/* "--update --timeout 5 URL": the URL getopt moved to the end. */
	if (c->update != NULL && c->update_default && optind == argc - 1 &&
	    strstr(argv[optind], "://") != NULL)
		c->update = argv[optind++];
	if (c->update != NULL && (optind < argc || c->n_patterns != 0 ||
	    c->file != NULL)) {
		cli_error("--update takes no QUERY, -e or -f");
		return CLI_ERROR;
	}
	if ((c->check || c->contact != NULL) &&
	    (optind < argc || c->n_patterns != 0)) {
		cli_error("%s takes no QUERY or -e",
		    c->check ? "--check" : "--contact");
		return CLI_ERROR;
	}
	if (c->gaps && c->n_patterns != 0) {
		cli_error("--gaps takes no -e");
		return CLI_ERROR;
	}
	if (c->gaps_min != 0 && !c->gaps) {
		cli_error("--min goes with --gaps");
		return CLI_ERROR;
	}

	if (hostcmd_active(&c->host)) {
		if (hostcmd_args(&c->host, argc - optind, argv + optind,
		    c->n_patterns + c->check + c->gaps + (c->contact != NULL) +
		    (c->update != NULL)) >= 0)
			return CLI_ERROR;
		optind = argc;		/* the words were hostcmd's */
	}
	c->n_queries = (size_t)(argc - optind);
	c->queries = xcalloc(c->n_queries + 1, sizeof *c->queries);
	c->query_text = xcalloc(c->n_queries + 1, sizeof *c->query_text);
	for (i = 0; i < argc - optind; i++) {
		c->query_text[i] = xstrdup(argv[optind + i]);
		if (query_parse(argv[optind + i], &c->queries[i], &why) != 0) {
			cli_error("query '%s': %s", argv[optind + i], why);
			return CLI_ERROR;
		}
		if (c->gaps && c->queries[i].kind == QUERY_NAME) {
			cli_error("query '%s': --gaps takes a port or a range",
			    argv[optind + i]);
			return CLI_ERROR;
		}
	}
	return -1;
}

/* --- Actions ---------------------------------------------------------- */

static int
cli_check(const struct registry *reg)
{
	char	*source = sanitize(reg->source, 0), *text;
	size_t	 i;

	output_stats(stdout, reg);
	for (i = 0; i < reg->n_warnings; i++) {
		text = sanitize(reg->warnings[i].text, 0);
		if (reg->warnings[i].line != 0)
			printf("%s:%u: warning: %s\n", source,
			    (unsigned)reg->warnings[i].line, text);
		else
			printf("%s: warning: %s\n", source, text);
		free(text);
	}
	free(source);
	return reg->n_warnings == 0 ? CLI_FOUND : CLI_NOTHING;
}

/* --- Main ------------------------------------------------------------- */

/* Flush stdout and turn a write error into exit status 2. */
static int
cli_finish_output(int rc)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("write error: %s",
		    errno != 0 ? strerror(errno) : "output failed");
		return CLI_ERROR;
	}
	return rc;
}

/* --update: fetch, check, keep; then say what was kept. */
static int
cli_update(const char *url, const struct update_opts *opts)
{
	struct registry	*reg, *prev;
	char		*dir, *path, *err, *shown;

	if ((dir = store_dir()) == NULL) {
		cli_error("--update: no place to keep the registry (set HOME "
		    "or XDG_DATA_HOME)");
		return CLI_ERROR;
	}
	if ((reg = update_fetch(url, dir, opts, &path, &prev, &err)) == NULL) {
		cli_error("--update: %s", err);
		free(err);
		free(dir);
		return CLI_ERROR;
	}
	shown = sanitize(path, 0);
	printf("saved %s\n", shown);
	output_stats(stdout, reg);
	edition_update_summary(stdout, dir, reg, prev);
	free(shown);
	free(path);
	free(dir);
	registry_free(prev);
	registry_free(reg);
	return CLI_FOUND;
}

int
cli_main(int argc, char **argv)
{
	struct cli	 c;
	struct registry	*reg;
	char		*path = NULL, *err = NULL;
	int		 rc;

	setlocale(LC_ALL, "");
	if (edition_diff_wanted(argc, argv, cli_long_options, CLI_SHORTS))
		return cli_finish_output(edition_diff_main(argc, argv));

	if ((rc = cli_parse(&c, argc, argv)) >= 0) {
		cli_free(&c);
		return cli_finish_output(rc);
	}

	if (c.update != NULL) {
		rc = cli_update(c.update, &c.update_opts);
		cli_free(&c);
		return cli_finish_output(rc);
	}
	if (c.file != NULL)
		path = xstrdup(c.file);
	else if ((path = cli_default_registry()) == NULL) {
		cli_error("no registry found: give one with -f FILE or "
		    "PORTREG_FILE");
		cli_free(&c);
		return CLI_ERROR;
	}
	if ((reg = cli_open(path, c.format_in, c.no_cache, c.check,
	    &err)) == NULL) {
		cli_error("%s", err != NULL ? err : path);
		free(err);
		free(path);
		cli_free(&c);
		return CLI_ERROR;
	}
	free(path);

	rc = CLI_FOUND;
	if (c.list_names)
		complete_names(stdout, reg);
	else if (c.list_people)
		complete_people(stdout, reg);
	else if (c.check)
		rc = cli_check(reg);
	else if (c.contact != NULL)
		rc = cli_contact(&c, reg);
	else if (c.gaps)
		rc = cli_gaps(&c, reg);
	else if (hostcmd_active(&c.host))
		rc = hostcmd_run(&c.host, reg, c.format, c.proto);
	else if (c.n_queries == 0 && c.n_patterns == 0 && !c.format_given &&
	    isatty(STDOUT_FILENO))
		rc = edition_tui_run(reg, hostcmd_browse, &c.host);
	else
		rc = edition_since_refused() ? CLI_ERROR : cli_lookup(&c, reg);

	registry_free(reg);
	cli_free(&c);
	return cli_finish_output(rc);
}
