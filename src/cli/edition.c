/*
 * edition.c - editions compared: --diff, --update's summary, --since;
 * see edition.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "cli.h"
#include "diff.h"
#include "edition.h"
#include "field.h"
#include "load.h"
#include "output.h"
#include "registry.h"
#include "sanitize.h"
#include "store.h"
#include "tui.h"
#include "ui.h"
#include "xmalloc.h"

uint32_t
edition_carried(const struct registry *reg)
{
	const char	*f = reg->format != NULL ? reg->format : "";

	if (strcmp(f, "csv") == 0)
		return DIFF_RECORD_FIELDS;
	if (strcmp(f, "text") == 0)
		return DIFF_ALL_FIELDS & ~(DIFF_BIT(DIFF_REGISTERED) |
		    DIFF_BIT(DIFF_MODIFIED));
	return DIFF_ALL_FIELDS;
}

struct diff *
edition_compare(const struct registry *old, const struct registry *new)
{
	return diff_new(old, new, edition_carried(old) & edition_carried(new));
}

/* --- --diff ------------------------------------------------------------ */

/*
 * Does word a, an option of opts (long) or shorts (getopt's string),
 * take the next word as its value ("-e", "--file", "--reg": a unique
 * abbreviation)?
 */
static int
edition_value_next(const char *a, const struct option *opts,
    const char *shorts)
{
	const struct option	*o, *hit = NULL;
	const char		*p, *q;
	size_t			 n;
	int			 hits = 0;

	if (a[0] != '-' || a[1] == '\0')
		return 0;
	if (a[1] == '-') {
		if (strchr(a, '=') != NULL)
			return 0;
		n = strlen(a + 2);
		for (o = opts; o->name != NULL; o++) {
			if (strncmp(o->name, a + 2, n) != 0)
				continue;
			hit = o;
			if (o->name[n] == '\0') {	/* exact */
				hits = 1;
				break;
			}
			hits++;
		}
		return hits == 1 && hit->has_arg == required_argument;
	}
	for (p = a + 1; *p != '\0'; p++) {
		if ((q = strchr(shorts, *p)) != NULL && *p != ':' &&
		    q[1] == ':')
			return p[1] == '\0';	/* else the value is attached */
	}
	return 0;
}

int
edition_diff_wanted(int argc, char **argv, const struct option *opts,
    const char *shorts)
{
	int	 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--diff") == 0)
			return 1;
		if (edition_value_next(argv[i], opts, shorts))
			i++;	/* "-e --diff" searches for "--diff" */
	}
	return 0;
}

enum {
	EDITION_OPT_DIFF = 256,
	EDITION_OPT_FORMAT_IN,
};

static const struct option edition_options[] = {
	{ "diff",	no_argument,		NULL, EDITION_OPT_DIFF },
	{ "format",	required_argument,	NULL, 'o' },
	{ "output",	required_argument,	NULL, 'o' },
	{ "format-in",	required_argument,	NULL, EDITION_OPT_FORMAT_IN },
	{ NULL,		0,			NULL, 0 },
};

/* "portreg: --diff: not compared (not in both forms): ..." */
static void
edition_not_compared(uint32_t compared)
{
	struct buf	 b = { NULL, 0, 0 };
	unsigned	 k;

	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((compared & DIFF_BIT(k)) != 0)
			continue;
		if (b.len != 0)
			buf_adds(&b, ", ");
		buf_adds(&b, diff_field_name((enum diff_field)k));
	}
	cli_error("--diff: not compared (not in both forms): %s", b.data);
	buf_free(&b);
}

static struct registry *
edition_load(const char *path, enum load_format fmt)
{
	struct registry	*reg;
	char		*err = NULL;

	if ((reg = load_file(path, fmt, &err)) == NULL) {
		cli_error("%s", err != NULL ? err : path);
		free(err);
	}
	return reg;
}

int
edition_diff_main(int argc, char **argv)
{
	enum output_format	 fmt = OUTPUT_TABLE;
	enum load_format	 fin = LOAD_AUTO;
	struct registry		*old, *new;
	struct diff		*d;
	int			 ch, v, rc;

	argv[0] = (char *)"portreg";
	optind = 0;
	opterr = 0;	/* its messages would echo the option raw: args.h */
	while ((ch = getopt_long(argc, argv, ":o:", edition_options,
	    NULL)) != -1) {
		switch (ch) {
		case EDITION_OPT_DIFF:
			break;
		case 'o':
			if ((v = output_format_parse(optarg)) < 0) {
				cli_error("unknown output format '%s' "
				    "(expected table, csv, json or tsv)", optarg);
				return 2;
			}
			fmt = (enum output_format)v;
			break;
		case EDITION_OPT_FORMAT_IN:
			if ((v = load_format_parse(optarg)) < 0) {
				cli_error("unknown input format '%s' "
				    "(expected xml, csv, text or fixed)", optarg);
				return 2;
			}
			fin = (enum load_format)v;
			break;
		default:
			args_bad_option(edition_options, ch, argv, argc,
			    optind, optopt);
			cli_error("--diff takes -o and --format-in only "
			    "(usage: portreg --diff [-o FMT] OLD NEW)");
			return 2;
		}
	}
	if (argc - optind != 2) {
		cli_error("--diff takes two registries: "
		    "portreg --diff [-o FMT] OLD NEW");
		return 2;
	}
	if (strcmp(argv[optind], "-") == 0 &&
	    strcmp(argv[optind + 1], "-") == 0) {
		cli_error("--diff: only one of OLD and NEW can be "
		    "standard input (-)");
		return 2;
	}
	if ((old = edition_load(argv[optind], fin)) == NULL)
		return 2;
	if ((new = edition_load(argv[optind + 1], fin)) == NULL) {
		registry_free(old);
		return 2;
	}
	d = edition_compare(old, new);
	output_diff(stdout, d, fmt);
	rc = d->n_items != 0 ? 1 : 0;
	/* The table says what was compared; the other formats' readers
	   hear it where the forms kept some fields out. */
	if (fmt != OUTPUT_TABLE && rc != 0 &&
	    (d->compared & DIFF_ALL_FIELDS) != DIFF_ALL_FIELDS)
		edition_not_compared(d->compared);
	diff_free(d);
	registry_free(new);
	registry_free(old);
	return rc;
}

/* --- --update ---------------------------------------------------------- */

/* One change in a line: "added nbd 10809/tcp", "changed x 1/tcp: notes". */
static void
edition_summary_item(FILE *f, const struct diff *d,
    const struct diff_item *it)
{
	char			 label[REGISTRY_LABEL_SIZE], *safe;
	const struct record	*r;
	unsigned		 k;
	int			 first = 1;

	if (it->person)
		snprintf(label, sizeof label, "person %s", it->new >= 0 ?
		    d->new->people[it->new].id : d->old->people[it->old].id);
	else {
		r = it->new >= 0 ? &d->new->records[it->new] :
		    &d->old->records[it->old];
		registry_record_label(label, sizeof label, r);
		if (label[0] == '\0')
			snprintf(label, sizeof label, "(no name or port)");
	}
	safe = sanitize(label, 0);
	fprintf(f, "  %s %s", diff_change_name(it->change), safe);
	free(safe);
	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((it->fields & DIFF_BIT(k)) != 0 && k != DIFF_PORT) {
			fprintf(f, "%s%s", first ? ": " : ", ",
			    diff_field_name((enum diff_field)k));
			first = 0;
		}
	}
	fputc('\n', f);
}

void
edition_summary(FILE *f, const struct diff *d, size_t max)
{
	const size_t	*c = d->counts[0], *p = d->counts[1];
	size_t		 i;

	if (d->n_items == 0) {
		fputs("unchanged\n", f);
		return;
	}
	fprintf(f, "records: %zu added, %zu removed, %zu moved, %zu changed",
	    c[DIFF_ADDED], c[DIFF_REMOVED], c[DIFF_MOVED], c[DIFF_CHANGED]);
	if ((d->compared & DIFF_PEOPLE_FIELDS) != 0)
		fprintf(f, "; people: %zu added, %zu removed, %zu changed",
		    p[DIFF_ADDED], p[DIFF_REMOVED], p[DIFF_CHANGED]);
	fputc('\n', f);
	for (i = 0; i < d->n_items && i < max; i++)
		edition_summary_item(f, d, &d->items[i]);
	if (d->n_items > max)
		fprintf(f, "  ... and %zu more\n", d->n_items - max);
}

/* The date an edition is kept under: its Last Updated date, else the
   day of its file's modification time. */
static char *
edition_date(const char *path, const struct registry *reg)
{
	struct stat	 sb;
	struct tm	 tm;
	char		 day[16];

	if (reg != NULL && reg->updated != NULL &&
	    field_is_date(reg->updated, strlen(reg->updated)))
		return xstrdup(reg->updated);
	if (stat(path, &sb) != 0 || localtime_r(&sb.st_mtime, &tm) == NULL ||
	    strftime(day, sizeof day, "%Y-%m-%d", &tm) == 0)
		return xstrdup("0000-00-00");
	return xstrdup(day);
}

int
edition_keep_previous(const char *dir, const char *path,
    const struct registry *reg, char **err)
{
	char	*date;
	int	 rc;

	date = edition_date(path, reg);
	rc = store_edition_keep(dir, path, date, err);
	free(date);
	return rc;
}

void
edition_update_summary(FILE *f, const char *dir, const struct registry *reg,
    const struct registry *prev)
{
	struct registry	*old = NULL;
	struct diff	*d;
	char		*path, *err = NULL, *shown;

	if ((path = store_edition_last(dir)) == NULL) {
		fputs("no earlier edition kept: nothing to compare\n", f);
		return;
	}
	shown = sanitize(path, 0);
	if (prev == NULL && (prev = old = load_file(path, LOAD_AUTO,
	    &err)) == NULL) {
		fprintf(f, "cannot compare with %s: it does not load\n", shown);
		free(err);
	} else {
		fprintf(f, "changes since %s:\n", shown);
		d = edition_compare(prev, reg);
		edition_summary(f, d, 10);
		diff_free(d);
		registry_free(old);
	}
	free(shown);
	free(path);
}

/* --- --since ----------------------------------------------------------- */

struct registry *
edition_since(const char *arg, const char *dir, enum load_format fmt,
    char **err)
{
	struct registry	*reg;
	struct stat	 sb;
	char		*path;

	*err = NULL;
	if (stat(arg, &sb) == 0 || strcmp(arg, "-") == 0 ||
	    !field_is_date(arg, strlen(arg)))
		return load_file(arg, fmt, err);
	if (dir == NULL || (path = store_edition_on(dir, arg)) == NULL) {
		*err = xasprintf("--since %s: no edition kept on or before "
		    "that date (portreg --update keeps them)", arg);
		return NULL;
	}
	reg = load_file(path, LOAD_AUTO, err);
	free(path);
	return reg;
}

/* --since's argument (edition_set_since), or NULL. */
static const char *edition_since_arg;

void
edition_set_since(const char *arg)
{
	edition_since_arg = arg;
}

int
edition_since_refused(void)
{
	if (edition_since_arg == NULL)
		return 0;
	cli_error("--since marks changes in the browser: it takes no "
	    "QUERY, -e or -o, and a terminal");
	return 1;
}

/* --since's changes given to the browser's ui, then the rest. */
struct edition_setup {
	const struct diff	*d;
	const int32_t		*item_of;
	tui_setup_fn		*next;
	void			*arg;
};

static void
edition_setup(struct ui *ui, void *arg)
{
	struct edition_setup	*s = arg;

	ui_set_since(ui, s->d, s->item_of);
	if (s->next != NULL)
		s->next(ui, s->arg);
}

int
edition_tui_run(struct registry *reg, tui_setup_fn *setup, void *arg)
{
	struct edition_setup	 s;
	struct registry	*old, *shown;
	struct diff	*d;
	int32_t		*item_of;
	char		*dir, *err = NULL;
	int		 rc;

	if (edition_since_arg == NULL)
		return tui_run_setup(reg, setup, arg);
	dir = store_dir();
	old = edition_since(edition_since_arg, dir, LOAD_AUTO, &err);
	free(dir);
	if (old == NULL) {
		cli_error("%s", err != NULL ? err : edition_since_arg);
		free(err);
		return 2;
	}
	d = edition_compare(old, reg);
	shown = diff_merge(d, &item_of);
	s.d = d;
	s.item_of = item_of;
	s.next = setup;
	s.arg = arg;
	rc = tui_run_setup(shown, edition_setup, &s);
	registry_free(shown);
	free(item_of);
	diff_free(d);
	registry_free(old);
	return rc;
}
