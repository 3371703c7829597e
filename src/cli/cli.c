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

#include "cli.h"
#include "complete.h"
#include "gaps.h"
#include "open.h"	/* and load.h */
#include "output.h"
#include "pattern.h"
#include "query.h"
#include "registry.h"
#include "sanitize.h"
#include "store.h"
#include "tui.h"
#include "update.h"
#include "xmalloc.h"

#define CLI_DEFAULT	"service-names-port-numbers.xml"

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
	int			 check;
	int			 no_cache;	/* --no-cache */
	const char		*contact;
	const char		*update;	/* --update's URL, or NULL */
	int			 list_names;	/* --list-names (hidden) */
	int			 list_people;	/* --list-people (hidden) */

	const char	       **patterns;	/* -e, in order */
	size_t			 n_patterns;
	struct query		*queries;
	char		       **query_text;	/* as typed, for messages */
	size_t			 n_queries;
};

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
	OPT_NO_CACHE,
};

static const struct option cli_long_options[] = {
	{ "regexp",	required_argument,	NULL, 'e' },
	{ "file",	required_argument,	NULL, 'f' },
	{ "format",	required_argument,	NULL, 'o' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "gaps",	no_argument,		NULL, OPT_GAPS },
	{ "contact",	required_argument,	NULL, OPT_CONTACT },
	{ "proto",	required_argument,	NULL, OPT_PROTO },
	{ "format-in",	required_argument,	NULL, OPT_FORMAT_IN },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "no-cache",	no_argument,		NULL, OPT_NO_CACHE },
	{ "update",	optional_argument,	NULL, OPT_UPDATE },
	/* For the shell completion scripts; not in --help. */
	{ "list-names",	no_argument,		NULL, OPT_LIST_NAMES },
	{ "list-people", no_argument,		NULL, OPT_LIST_PEOPLE },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 },
};

static void cli_error(const char *, ...) __attribute__((format(printf, 1, 2)));

/* "portreg: message", with anything taken from input made safe. */
static void
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
"      --contact ID    a person's details and all of their assignments\n"
"      --proto P       only tcp, udp, sctp or dccp\n"
"  -o, --format FMT    output as table (default), csv, json or tsv\n"
"  -f, --file FILE     the registry to read (- for standard input)\n"
"      --format-in FMT read FILE as xml, csv, text or fixed (default:\n"
"                      detect from its content)\n"
"      --check         parse, print statistics and warnings\n"
"      --no-cache      parse FILE, neither reading nor writing a snapshot\n"
"      --update [URL]  download the current registry (default: IANA's\n"
"                      XML), check that it loads, and keep it for later\n"
"                      runs without -f (in $XDG_DATA_HOME/portreg)\n"
"  -h, --help          show this help\n"
"  -V, --version       show the version\n"
"\n"
"Exit status: 0 found, 1 nothing found (--check: warnings), 2 error.\n"
"See portreg(1).\n", f);
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

	/* getopt's own messages then say "portreg:", not the path. */
	argv[0] = (char *)"portreg";
	optind = 0;		/* GNU: reinitialise (cli_main may run twice) */
	opterr = 1;
	while ((ch = getopt_long(argc, argv, "e:f:o:hV", cli_long_options,
	    NULL)) != -1) {
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
				    "(expected xml, csv, text or fixed)", optarg);
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
			break;
		case OPT_LIST_NAMES:
			c->list_names = 1;
			break;
		case OPT_LIST_PEOPLE:
			c->list_people = 1;
			break;
		case 'h':
			cli_usage(stdout);
			return CLI_FOUND;
		case 'V':
			printf("portreg %s\n", PACKAGE_VERSION);
			return CLI_FOUND;
		default:
			fputs("Try 'portreg --help' for more information.\n",
			    stderr);
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

static void
cli_print_stats(FILE *f, const struct registry *reg)
{
	struct registry_stats	 st;
	char			*source = sanitize(reg->source, 0);
	char			*updated = sanitize(reg->updated, 0);

	registry_stats(reg, &st);
	fprintf(f, "%s: %s", source, reg->format != NULL ? reg->format : "?");
	if (reg->updated != NULL)
		fprintf(f, ", last updated %s", updated);
	fputc('\n', f);
	fprintf(f, "records:  %zu (tcp %zu, udp %zu, sctp %zu, dccp %zu, "
	    "no protocol %zu)\n", st.records, st.by_proto[PROTO_TCP],
	    st.by_proto[PROTO_UDP], st.by_proto[PROTO_SCTP],
	    st.by_proto[PROTO_DCCP], st.by_proto[PROTO_NONE]);
	fprintf(f, "kinds:    assigned %zu, reserved %zu, unassigned %zu, "
	    "name only %zu\n", st.by_kind[KIND_ASSIGNED],
	    st.by_kind[KIND_RESERVED], st.by_kind[KIND_UNASSIGNED],
	    st.name_only);
	fprintf(f, "classes:  system %zu, user %zu, dynamic %zu\n",
	    st.by_class[CLASS_SYSTEM], st.by_class[CLASS_USER],
	    st.by_class[CLASS_DYNAMIC]);
	fprintf(f, "people:   %zu (%zu references to people not listed)\n",
	    st.people, st.dangling_refs);
	fprintf(f, "gaps:     %zu, %zu ports", st.gaps, st.gap_ports);
	if (st.gaps != 0)
		fprintf(f, "; largest %d-%d (%ld ports)",
		    (int)st.largest_gap_lo, (int)st.largest_gap_hi,
		    (long)st.largest_gap_hi - st.largest_gap_lo + 1);
	fputc('\n', f);
	if (reg->cover_lo < 0)
		fprintf(f, "covers:   no port\n");
	else if (reg->cover_lo != 0 || reg->cover_hi != PORT_MAX)
		fprintf(f, "covers:   ports %d-%d only (an excerpt: other ports "
		    "are not covered)\n", (int)reg->cover_lo,
		    (int)reg->cover_hi);
	fprintf(f, "warnings: %zu\n", st.warnings);
	free(source);
	free(updated);
}

static int
cli_check(const struct registry *reg)
{
	char	*source = sanitize(reg->source, 0), *text;
	size_t	 i;

	cli_print_stats(stdout, reg);
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

static int
cli_contact(const struct cli *c, const struct registry *reg)
{
	const struct record	*r;
	uint32_t		*idx;
	size_t			 i, j, n = 0;
	int32_t			 p, found = -1;
	int			 named;

	if ((p = registry_person(reg, c->contact)) >= 0) {
		output_person(stdout, reg, (uint32_t)p, c->format);
		return CLI_FOUND;
	}
	/* Ids differ by case only rarely (SEIKO_EPSON, Seiko_Epson): accept
	   another case when it names one person. */
	for (i = 0; i < reg->n_people; i++) {
		if (strcasecmp(reg->people[i].id, c->contact) != 0)
			continue;
		if (found >= 0) {
			cli_error("%s: several people match; give the id "
			    "with its exact case", c->contact);
			return CLI_ERROR;
		}
		found = (int32_t)i;
	}
	if (found >= 0) {
		output_person(stdout, reg, (uint32_t)found, c->format);
		return CLI_FOUND;
	}

	/* An id that records name but the people table lacks (any CSV). */
	idx = xcalloc(reg->n_records + 1, sizeof *idx);
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		named = 0;
		for (j = 0; j < r->n_assignees && !named; j++)
			named = strcmp(r->assignees[j].id, c->contact) == 0;
		for (j = 0; j < r->n_contacts && !named; j++)
			named = strcmp(r->contacts[j].id, c->contact) == 0;
		if (named)
			idx[n++] = (uint32_t)i;
	}
	if (n != 0)
		output_person_dangling(stdout, reg, c->contact, idx, n,
		    c->format);
	else
		cli_error("no person with id '%s'", c->contact);
	free(idx);
	return n != 0 ? CLI_FOUND : CLI_NOTHING;
}

/* --- Gaps --- */

/*
 * Say so when [lo, hi] holds ports the file does not cover (an excerpt):
 * they are neither assigned nor free as far as this file knows.  Returns
 * whether it said so.
 */
static int
cli_not_covered(const struct registry *reg, const char *what, int32_t lo,
    int32_t hi)
{
	char	*source, *q;

	if (registry_covers(reg, lo, hi))
		return 0;
	source = sanitize(reg->source, 0);
	q = sanitize(what, 0);
	if (reg->cover_lo < 0)
		cli_error("%s: not covered by %s, which lists no port", q,
		    source);
	else if (hi < reg->cover_lo || lo > reg->cover_hi)
		cli_error("%s: not covered by %s, which lists ports %d-%d "
		    "only", q, source, (int)reg->cover_lo,
		    (int)reg->cover_hi);
	else
		cli_error("%s: ports outside %d-%d are not covered by %s", q,
		    (int)reg->cover_lo, (int)reg->cover_hi, source);
	free(q);
	free(source);
	return 1;
}

/*
 * --gaps: the gaps each QUERY asks for (gaps.h; none: the whole range),
 * saying first which QUERY reaches past the file's cover.
 */
static int
cli_gaps(const struct cli *c, const struct registry *reg)
{
	struct gaps_window	*w;
	struct gap		*g;
	size_t			 i, n;
	int			 said = 0;

	w = xcalloc(c->n_queries + 1, sizeof *w);
	if (c->n_queries == 0) {
		w[0].lo = 0;
		w[0].hi = PORT_MAX;
	}
	for (i = 0; i < c->n_queries; i++) {
		said |= cli_not_covered(reg, c->query_text[i],
		    c->queries[i].lo, c->queries[i].hi);
		w[i].lo = c->queries[i].lo;
		w[i].hi = c->queries[i].hi;
		w[i].port = c->queries[i].kind == QUERY_PORT;
	}
	n = gaps_window(reg, c->proto, w,
	    c->n_queries != 0 ? c->n_queries : 1, &g);
	free(w);
	/* Nothing found: a message, no header or empty array (cli_main). */
	if (n != 0)
		output_gaps(stdout, reg, g, n, c->format);
	else if (!said)
		cli_error("no free ports found");
	free(g);
	return n != 0 ? CLI_FOUND : CLI_NOTHING;
}

/* --- Lookups --- */

/*
 * Mark the records the lookup selects in sel: the union of the queries
 * (all records when there are none), narrowed to the union of the -e
 * patterns and to --proto.  Returns -1 after a message on a bad pattern.
 */
static int
cli_select(const struct cli *c, const struct registry *reg,
    unsigned char *sel)
{
	struct haystack	*hs;
	struct pattern	*pat;
	struct query	 q;
	unsigned char	*hit;
	uint32_t	*out;
	size_t		 i, j, n;
	char		*err;
	int		 limited = 0, rc = 0;

	out = xcalloc(reg->n_records + 1, sizeof *out);
	if (c->n_queries == 0)
		memset(sel, 1, reg->n_records);
	for (i = 0; i < c->n_queries; i++) {
		q = c->queries[i];
		if (q.proto == PROTO_NONE)
			q.proto = c->proto;
		n = query_run(reg, &q, out, reg->n_records);
		for (j = 0; j < n && j < reg->n_records; j++)
			sel[out[j]] = 1;
	}

	if (c->n_patterns != 0) {
		hs = haystack_new(reg);
		hit = xcalloc(reg->n_records + 1, 1);
		for (i = 0; i < c->n_patterns; i++) {
			if ((pat = pattern_new(c->patterns[i], &err)) == NULL) {
				cli_error("bad pattern: %s", err);
				free(err);
				rc = -1;
				break;
			}
			n = pattern_scan(pat, hs, out, reg->n_records, &limited);
			pattern_free(pat);
			if (limited) {
				cli_error("%s: pattern too complex "
				    "(match limit reached)", c->patterns[i]);
				rc = -1;
				break;
			}
			for (j = 0; j < n && j < reg->n_records; j++)
				hit[out[j]] = 1;
		}
		for (i = 0; i < reg->n_records; i++)
			sel[i] &= hit[i];
		free(hit);
		haystack_free(hs);
	}

	if (c->proto != PROTO_NONE) {
		for (i = 0; i < reg->n_records; i++) {
			if (reg->records[i].proto != c->proto)
				sel[i] = 0;
		}
	}
	free(out);
	return rc;
}

/*
 * The gaps no row of the file lists that the queries' ports reach into,
 * in port order, each once: a lookup shows them as it shows a listed
 * Unassigned row, so only where such a row would show (no --proto, no
 * protocol in the query, no -e).  Returns how many; *out as gaps_window.
 */
static size_t
cli_lookup_gaps(const struct cli *c, const struct registry *reg,
    struct gap **out)
{
	const struct query	*q;
	unsigned char		*hit;
	size_t			 i, j, n = 0;

	*out = NULL;
	if (c->proto != PROTO_NONE || c->n_patterns != 0 || reg->n_gaps == 0)
		return 0;
	hit = xcalloc(reg->n_gaps, 1);
	for (i = 0; i < c->n_queries; i++) {
		q = &c->queries[i];
		if (q->kind == QUERY_NAME || q->proto != PROTO_NONE)
			continue;
		for (j = 0; j < reg->n_gaps; j++) {
			if (reg->gaps[j].record < 0 &&
			    reg->gaps[j].lo <= q->hi && reg->gaps[j].hi >= q->lo &&
			    !hit[j]) {
				hit[j] = 1;
				n++;
			}
		}
	}
	if (n != 0) {
		*out = xcalloc(n, sizeof **out);
		for (i = j = 0; i < reg->n_gaps; i++) {
			if (hit[i])
				(*out)[j++] = reg->gaps[i];
		}
	}
	free(hit);
	return n;
}

static int
cli_lookup(const struct cli *c, const struct registry *reg)
{
	unsigned char	*sel;
	uint32_t	*idx;
	struct gap	*g;
	size_t		 i, n = 0, ng;
	int		 said = 0;

	sel = xcalloc(reg->n_records + 1, 1);
	if (cli_select(c, reg, sel) != 0) {
		free(sel);
		return CLI_ERROR;
	}
	idx = xcalloc(reg->n_records + 1, sizeof *idx);
	for (i = 0; i < reg->n_records; i++) {
		if (sel[i])
			idx[n++] = (uint32_t)i;
	}
	free(sel);
	ng = cli_lookup_gaps(c, reg, &g);
	if (n + ng != 0)
		output_lookup(stdout, reg, idx, n, g, ng, c->format);
	else {
		for (i = 0; i < c->n_queries; i++) {
			if (c->queries[i].kind != QUERY_NAME)
				said |= cli_not_covered(reg, c->query_text[i],
				    c->queries[i].lo, c->queries[i].hi);
		}
		if (!said)
			cli_error("nothing found");
	}
	free(g);
	free(idx);
	return n + ng != 0 ? CLI_FOUND : CLI_NOTHING;
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
cli_update(const char *url)
{
	struct registry	*reg;
	char		*dir, *path, *err, *shown;

	if ((dir = store_dir()) == NULL) {
		cli_error("--update: no place to keep the registry (set HOME "
		    "or XDG_DATA_HOME)");
		return CLI_ERROR;
	}
	if ((reg = update_fetch(url, dir, &path, &err)) == NULL) {
		cli_error("--update: %s", err);
		free(err);
		free(dir);
		return CLI_ERROR;
	}
	shown = sanitize(path, 0);
	printf("saved %s\n", shown);
	cli_print_stats(stdout, reg);
	free(shown);
	free(path);
	free(dir);
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

	if ((rc = cli_parse(&c, argc, argv)) >= 0) {
		cli_free(&c);
		return cli_finish_output(rc);
	}

	if (c.update != NULL) {
		rc = cli_update(c.update);
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
	else if (c.n_queries == 0 && c.n_patterns == 0 && !c.format_given &&
	    isatty(STDOUT_FILENO))
		rc = tui_run(reg);
	else
		rc = cli_lookup(&c, reg);

	registry_free(reg);
	cli_free(&c);
	return cli_finish_output(rc);
}
