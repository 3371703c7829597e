/*
 * bench-keys.c - how long the browser takes over each keystroke.
 *
 *	bench-keys [-cp] [-r REPS] [-s ROWSxCOLS] FILE
 *
 * Loads FILE, then does what tui_run() does for every key: ui_key(), then
 * screen_draw() and refresh() into an off-screen terminal (newterm() on
 * /dev/null, xterm-256color, 120x40 by default), so that no real
 * terminal is needed and curses still computes and writes every update.
 * Each key is timed from ui_key() to the end of refresh().
 *
 * The key sequence: typing a 10-character search one key at a time
 * (search-as-you-type), n, a filter typed the same way then cleared with
 * Esc, ] [ } { PgDn G g, : to a port, a search typed with a capital
 * ("Network", so with case), s (sort by port) and s again,
 * Right Right s (by name) and s again, m (the minimap's first draw), j.  The sequence runs REPS times
 * (default 5) on a fresh ui each time; each key's time is its median over
 * the runs; the result is the slowest key.
 *
 * Output, one figure a line, "name value [unit]":
 *	load ...  ms		load_file(), for information
 *	ui_new ... ms		setting up the browser's state
 *	first_draw ... ms	the first screen
 *	prepare ... ms		ui_prepare (the haystack), which tui.c runs
 *				once the first screen is drawn
 *	key LABEL MEDIAN_MS MAX_MS CPU_MS	for each key of the sequence
 *				(CPU_MS: the median CPU time, user and
 *				system, of this process over the key)
 *	extra LABEL MEDIAN_MS MAX_MS	the same for sort-port, sort-name,
 *				minimap (its first draw) and the like:
 *				rows of their own, not in "slowest"
 *	slowest LABEL MS	the key (not extra) with the largest median
 * With -p, the last screen is printed to standard error as text, to see
 * that the panes were really drawn.  With -c, FILE is loaded as portreg
 * loads it, through its snapshot (load/cache.h, $XDG_CACHE_HOME): once
 * to leave the snapshot, once to map it, then again, timed, and
 *	first_screen_warm ... ms	that load, ui_new and the first draw
 * is printed too: the browser's first screen the second time.
 * Exit status 0, or 2 when the file cannot be loaded or curses fails.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "keys.h"
#include "layout.h"
#include "load.h"
#include "registry.h"
#include "screen.h"
#include "ui.h"

#define BENCH_KEYS_MAX	64
#define BENCH_REPS_MAX	1000

struct bench_key {
	const char	*label;		/* no spaces: the table's value */
	int		 keyc;
	int		 extra;		/* timed for a row of its own */
};

/* Filled by bench_keys_sequence. */
static struct bench_key	 bench_keys_seq[BENCH_KEYS_MAX];
static size_t		 bench_keys_n;
/* From this key on, the keys are "extra": not in "slowest". */
static size_t		 bench_keys_extra = BENCH_KEYS_MAX;

static void
bench_keys_add(const char *label, int keyc)
{
	if (bench_keys_n < BENCH_KEYS_MAX) {
		bench_keys_seq[bench_keys_n].label = label;
		bench_keys_seq[bench_keys_n].keyc = keyc;
		bench_keys_n++;
	}
}

/* Type text at a prompt opened by key open; label each key "what+c". */
static void
bench_keys_type(const char *what, int open, const char *text)
{
	static char	 labels[BENCH_KEYS_MAX][32];
	static size_t	 used;
	size_t		 i;

	bench_keys_add(what, open);
	for (i = 0; text[i] != '\0' && used < BENCH_KEYS_MAX; i++, used++) {
		if (text[i] == ' ')
			snprintf(labels[used], sizeof labels[used], "%s+Space",
			    what);
		else
			snprintf(labels[used], sizeof labels[used], "%s+%c",
			    what, text[i]);
		bench_keys_add(labels[used], (unsigned char)text[i]);
	}
	if (used < BENCH_KEYS_MAX) {
		snprintf(labels[used], sizeof labels[used], "%s+Enter", what);
		bench_keys_add(labels[used++], KEYC_ENTER);
	}
}

static void
bench_keys_sequence(void)
{
	bench_keys_type("search", '/', "remote des");	/* 10 characters */
	bench_keys_add("n", 'n');
	bench_keys_type("filter", '&', "kerberos");
	bench_keys_add("Esc", KEYC_ESC);		/* clears the filter */
	bench_keys_add("]", ']');
	bench_keys_add("[", '[');
	bench_keys_add("}", '}');
	bench_keys_add("{", '{');
	bench_keys_add("PgDn", KEYC_PGDN);
	bench_keys_add("G", 'G');
	bench_keys_add("g", 'g');
	bench_keys_type("goto", ':', "10809");
	/* A capital: smart case searches with case, PCRE2 checking the
	   plain word's candidates. */
	bench_keys_type("search", '/', "Network");
	/* Issue 16, rows of their own (SPEC 3.1: a sort of the whole
	   registry within 50 ms): sorting by port, by name (the slower
	   compare), back to registry order; the minimap's first draw,
	   then a move that only moves its marker. */
	bench_keys_extra = bench_keys_n;
	bench_keys_add("sort-port", 's');
	bench_keys_add("sort-off", 's');
	bench_keys_add("Right", KEYC_RIGHT);
	bench_keys_add("Right", KEYC_RIGHT);
	bench_keys_add("sort-name", 's');
	bench_keys_add("sort-name-off", 's');
	bench_keys_add("minimap", 'm');
	bench_keys_add("minimap-j", 'j');
}

static double
bench_keys_clock(clockid_t id)
{
	struct timespec	 ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
bench_keys_now(void)
{
	return bench_keys_clock(CLOCK_MONOTONIC);
}

/* CPU time (user and system, page faults too): what the key cost this
   process, less disturbed than the wall time by others' load. */
static double
bench_keys_cpu(void)
{
	return bench_keys_clock(CLOCK_PROCESS_CPUTIME_ID);
}

static int
bench_keys_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
bench_keys_median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, bench_keys_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The screen as text, one line per screen line. */
static void
bench_keys_print(void)
{
	char	 line[1024];
	int	 y, n;

	for (y = 0; y < LINES; y++) {
		n = mvinnstr(y, 0, line, (int)sizeof line - 1);
		fprintf(stderr, "|%s|\n", n > 0 ? line : "");
	}
}

static void
bench_keys_usage(void)
{
	fprintf(stderr,
	    "usage: bench-keys [-cp] [-r REPS] [-s ROWSxCOLS] FILE\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct registry	*reg;
	struct layout	 l;
	struct ui	*ui;
	SCREEN		*scr;
	FILE		*out, *in;
	char		*err = NULL, size[32];
	double		 t0, t_load, t_new = 0, t_draw = 0, med, worst = -1;
	double		(*times)[BENCH_REPS_MAX], tmp[BENCH_REPS_MAX], mx;
	double		(*cpu)[BENCH_REPS_MAX], c0, cmed;
	double		 t_warm = 0, t_first = 0, t_prep = 0;
	size_t		 k, slowest = 0;
	int		 c, reps = 5, rep, rows = 40, cols = 120, print = 0, what;
	int		 cached = 0;
	struct load_cache lc;

	while ((c = getopt(argc, argv, "cpr:s:")) != -1) {
		switch (c) {
		case 'c':
			cached = 1;
			break;
		case 'p':
			print = 1;
			break;
		case 'r':
			reps = atoi(optarg);
			if (reps < 1 || reps > BENCH_REPS_MAX)
				bench_keys_usage();
			break;
		case 's':
			if (sscanf(optarg, "%dx%d", &rows, &cols) != 2 ||
			    rows < 1 || cols < 1)
				bench_keys_usage();
			break;
		default:
			bench_keys_usage();
		}
	}
	if (optind != argc - 1)
		bench_keys_usage();

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	memset(&lc, 0, sizeof lc);
	/* The first run's load, which leaves the snapshot, and one that
	   maps it: the page cache then holds it as for a later run. */
	for (rep = 0; cached && rep < 2; rep++) {
		reg = load_cached(argv[optind], LOAD_AUTO, &lc, &err);
		free(lc.note);
		registry_free(reg);
	}
	t0 = bench_keys_now();
	if (cached) {
		reg = load_cached(argv[optind], LOAD_AUTO, &lc, &err);
		free(lc.note);
	} else
		reg = load_file(argv[optind], LOAD_AUTO, &err);
	t_load = bench_keys_now() - t0;
	if (reg == NULL) {
		fprintf(stderr, "bench-keys: %s\n", err);
		free(err);
		return 2;
	}

	/* An off-screen terminal of the size asked for. */
	snprintf(size, sizeof size, "%d", rows);
	setenv("LINES", size, 1);
	snprintf(size, sizeof size, "%d", cols);
	setenv("COLUMNS", size, 1);
	unsetenv("NO_COLOR");
	if ((out = fopen("/dev/null", "w")) == NULL ||
	    (in = fopen("/dev/null", "r")) == NULL) {
		perror("bench-keys: /dev/null");
		return 2;
	}
	if ((scr = newterm("xterm-256color", out, in)) == NULL) {
		fprintf(stderr, "bench-keys: newterm failed\n");
		return 2;
	}
	set_term(scr);
	raw();
	noecho();
	nonl();
	draw_init();
	layout_compute(&l, LINES, COLS);

	bench_keys_sequence();
	times = calloc(bench_keys_n, sizeof *times);
	cpu = calloc(bench_keys_n, sizeof *cpu);
	if (times == NULL || cpu == NULL)
		return 2;
	for (rep = 0; rep < reps; rep++) {
		t0 = bench_keys_now();
		ui = ui_new(reg);
		ui_resize(ui, &l);
		t_new += bench_keys_now() - t0;
		if (rep == 0)
			t_warm = t_load + bench_keys_now() - t0;
		clearok(stdscr, TRUE);
		t0 = bench_keys_now();
		screen_draw(ui, &l, UI_DRAW_ALL);
		refresh();
		t_draw += bench_keys_now() - t0;
		if (rep == 0)
			t_first = t_warm + bench_keys_now() - t0;
		/* As tui.c does once the first screen is drawn. */
		t0 = bench_keys_now();
		ui_prepare(ui);
		t_prep += bench_keys_now() - t0;
		for (k = 0; k < bench_keys_n; k++) {
			t0 = bench_keys_now();
			c0 = bench_keys_cpu();
			/* As tui.c's loop: redraw what the key changed. */
			what = ui_key(ui, bench_keys_seq[k].keyc) & UI_DRAW_ALL;
			if (what != UI_NONE)
				screen_draw(ui, ui_layout(ui), what);
			refresh();
			cpu[k][rep] = bench_keys_cpu() - c0;
			times[k][rep] = bench_keys_now() - t0;
		}
		ui_free(ui);
	}
	if (print)
		bench_keys_print();
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);

	printf("terminal %dx%d %s\n", l.cols, l.rows,
	    l.too_small ? "too-small" : "");
	printf("records %zu\n", reg->n_records);
	printf("load %.2f ms\n", t_load);
	printf("ui_new %.2f ms\n", t_new / reps);
	printf("first_draw %.2f ms\n", t_draw / reps);
	printf("prepare %.2f ms\n", t_prep / reps);
	if (cached)
		printf("first_screen_warm %.2f ms (%s)\n", t_first,
		    lc.hit ? "from the snapshot" : "parsed: no snapshot");
	for (k = 0; k < bench_keys_n; k++) {
		mx = 0;
		for (rep = 0; rep < reps; rep++) {
			tmp[rep] = times[k][rep];
			if (tmp[rep] > mx)
				mx = tmp[rep];
		}
		med = bench_keys_median(tmp, (size_t)reps);
		for (rep = 0; rep < reps; rep++)
			tmp[rep] = cpu[k][rep];
		cmed = bench_keys_median(tmp, (size_t)reps);
		printf("%s %s %.3f %.3f %.3f\n", k >= bench_keys_extra ?
		    "extra" : "key", bench_keys_seq[k].label, med, mx, cmed);
		if (k < bench_keys_extra && med > worst) {
			worst = med;
			slowest = k;
		}
	}
	printf("slowest %s %.3f\n", bench_keys_seq[slowest].label, worst);
	free(times);
	free(cpu);
	registry_free(reg);
	return 0;
}
