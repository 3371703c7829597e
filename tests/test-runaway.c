/*
 * test-runaway.c - runaway patterns over the full 2026 registry end with
 * an answer: either the right one (the same records as an equivalent
 * tame pattern) or a subset of it flagged as limited, never a hang.  The
 * times are printed as TAP comments, never asserted.  The registry is
 * the shipped one, data/service-names-port-numbers.xml.
 */
#include "config.h"

#include <time.h>

#include "test.h"

#include "keys.h"
#include "layout.h"
#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "ui.h"
#include "xmalloc.h"

static struct registry	*reg;
static struct haystack	*hay;

static int
setup(void **state)
{
	const char	*path = test_shipped(XML_SHIPPED);
	char		*err = NULL;

	if ((reg = load_file(path, LOAD_AUTO, &err)) == NULL) {
		fprintf(stderr, "# %s\n", err);
		free(err);
		return -1;
	}
	hay = haystack_new(reg);
	return 0;
}

static int
teardown(void **state)
{
	if (hay != NULL)
		haystack_free(hay);
	if (reg != NULL)
		registry_free(reg);
	return 0;
}

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Scan with expr; returns the matches (caller frees), sets *n, *limited. */
static uint32_t *
scan(const char *expr, size_t *n, int *limited)
{
	struct pattern	*p;
	uint32_t	*out;
	char		*err = NULL;
	double		 t0, t1, t2;

	out = xcalloc(reg->n_records + 1, sizeof *out);
	t0 = now_ms();
	p = pattern_new(expr, &err);
	if (p == NULL)
		fail_msg("%s: %s", expr, err);
	t1 = now_ms();
	*limited = -1;
	*n = pattern_scan(p, hay, out, reg->n_records, limited);
	t2 = now_ms();
	fprintf(stderr, "# %-20s compile %.2f ms, scan %.2f ms: %zu of %zu "
	    "records%s (jit %d)\n", expr, t1 - t0, t2 - t1, *n,
	    reg->n_records, *limited ? ", limited" : "", pattern_jit(p));
	pattern_free(p);
	assert_true(*limited == 0 || *limited == 1);
	assert_true(*n <= reg->n_records);
	return out;
}

/*
 * runaway finds what tame finds, or (flagged limited) a subset of it:
 * the limits never make a record match that should not.
 */
static void
assert_like(const char *runaway, const char *tame, int want_all)
{
	uint32_t	*a, *b;
	size_t		 na, nb, i, j;
	int		 la, lb;

	b = scan(tame, &nb, &lb);
	assert_int_equal(lb, 0);
	if (want_all)
		assert_int_equal(nb, reg->n_records);
	a = scan(runaway, &na, &la);
	if (!la) {
		assert_int_equal(na, nb);
		assert_memory_equal(a, b, na * sizeof *a);
	} else {
		assert_true(na <= nb);
		for (i = j = 0; i < na; i++) {
			while (j < nb && b[j] != a[i])
				j++;
			assert_true(j < nb);
		}
	}
	free(a);
	free(b);
}

/* (a+)+$ is a$: some line ends in an a. */
static void
nested_plus_dollar(void **state)
{
	assert_like("(a+)+$", "a$", 0);
}

/* (\w+\s?)*$ may match empty at any line's end: every record. */
static void
words_star_dollar(void **state)
{
	assert_like("(\\w+\\s?)*$", "$", 1);
}

/* The same in the descriptions alone, where the words run into a
   non-word character and backtrack: every record, or limited. */
static void
desc_words_star_dollar(void **state)
{
	assert_like("desc:(\\w+\\s?)*$", "desc:$", 1);
}

/* PCRE2's interpreter (no JIT) is bounded by the same limits. */
static void
interpreter_words_star_dollar(void **state)
{
	assert_like("desc:(*NO_JIT)(\\w+\\s?)*$", "desc:$", 1);
	assert_like("(*NO_JIT)(a+)+$", "a$", 0);
}

static void
anchored_words(void **state)
{
	assert_like("desc:^(\\w+\\s?)*$", "desc:^[\\w ]*$", 0);
}

/* A limited scan leaves nothing behind: a tame pattern afterwards
   finds exactly what it finds alone. */
static void
limits_not_sticky(void **state)
{
	uint32_t	*a, *b;
	size_t		 na, nb;
	int		 la, lb;

	a = scan("nbd", &na, &la);
	free(scan("desc:(\\w+\\s?)*$", &nb, &lb));
	b = scan("nbd", &nb, &lb);
	assert_int_equal(la, 0);
	assert_int_equal(lb, 0);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na * sizeof *a);
	assert_true(na > 0);
	free(a);
	free(b);
}

/*
 * Patterns whose groups call themselves without end.  PCRE2's JIT took
 * 130 ms a call on each of them to reach the match limit (so a second
 * or more a keystroke in the browser: found by fuzz_ui); they are
 * interpreted, which stops at once.  On the shipped sample: the answer
 * is limited, and never more than what "n" finds.  Other patterns keep
 * the JIT, (?-i) included.
 */
static void
recursion_is_interpreted(void **state)
{
	static const char *loops[] = {
		"(|(?1))n", "(|(?R))n", "(?<a>|(?&a))n", "(|\\g<1>)n",
		"(|\\g'1')n", "(a|(?-1))n", "(?P<x>|(?P>x))n",
		"(|(|Bbd)(?1))n", "who:(|(?+1))(|(?-1))n", NULL
	};
	static const char *jit[] = { "(a+)+$", "(?-i)N", "(?i)x", "\\(?1",
	    "[(]?1", NULL };
	struct registry	*seed;
	struct haystack	*h;
	struct pattern	*p;
	uint32_t	*out, *tame;
	size_t		 n, nt, i, j;
	char		*err = NULL, path[4096];
	const char	*top = getenv("top_srcdir");
	int		 k, limited, can_jit;

	snprintf(path, sizeof path, "%s/data/%s", top ? top : ".", SEED_2024);
	if ((seed = load_file(path, LOAD_AUTO, &err)) == NULL)
		fail_msg("%s", err);
	h = haystack_new(seed);
	out = xcalloc(seed->n_records + 1, sizeof *out);
	tame = xcalloc(seed->n_records + 1, sizeof *tame);
	p = pattern_new("n", &err);
	nt = pattern_scan(p, h, tame, seed->n_records, &limited);
	can_jit = pattern_jit(p);
	pattern_free(p);
	assert_true(nt > 0);
	for (k = 0; loops[k] != NULL; k++) {
		if ((p = pattern_new(loops[k], &err)) == NULL)
			fail_msg("%s: %s", loops[k], err);
		assert_false(pattern_jit(p));
		n = pattern_scan(p, h, out, seed->n_records, &limited);
		pattern_free(p);
		assert_int_equal(limited, 1);
		for (i = j = 0; i < n; i++) {
			while (j < nt && tame[j] != out[i])
				j++;
			assert_true(j < nt);
		}
	}
	for (k = 0; can_jit && jit[k] != NULL; k++) {
		if ((p = pattern_new(jit[k], &err)) == NULL)
			fail_msg("%s: %s", jit[k], err);
		if (!pattern_jit(p))
			fail_msg("%s is not JIT-compiled", jit[k]);
		pattern_free(p);
	}
	free(out);
	free(tame);
	haystack_free(h);
	registry_free(seed);
}

/* Type s at the browser's prompt, one key at a time. */
static void
type(struct ui *ui, const char *s)
{
	for (; *s != '\0'; s++)
		ui_key(ui, (unsigned char)*s);
}

/*
 * In the browser (on the shipped sample, always here), a runaway search
 * says so once accepted, and n repeats it; a runaway filter says so too;
 * the keys after are handled.
 */
static void
browser_says_too_complex(void **state)
{
	struct registry	*seed;
	struct layout	 l;
	struct ui	*ui;
	char		*err = NULL, path[4096];
	const char	*top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/data/%s", top ? top : ".", SEED_2024);
	seed = load_file(path, LOAD_AUTO, &err);
	if (seed == NULL)
		fail_msg("%s", err);
	ui = ui_new(seed);
	layout_compute(&l, 24, 80);
	ui_resize(ui, &l);

	type(ui, "/desc:(\\w+\\s?)*$");
	ui_key(ui, KEYC_ENTER);
	assert_int_equal(ui->prompt, PROMPT_NONE);
	assert_true(ui->search_limited);
	assert_non_null(strstr(ui->msg, "too complex"));
	assert_true(ui->msg_error);
	ui_key(ui, 'n');
	assert_non_null(strstr(ui->msg, "too complex"));

	/* A tame search after it: no such message. */
	type(ui, "/bmc");
	ui_key(ui, KEYC_ENTER);
	assert_false(ui->search_limited);
	assert_null(strstr(ui->msg, "too complex"));
	/* "Match 1 of 3", or "Search wrapped to the top: match 1 of 3". */
	assert_non_null(strstr(ui->msg, "atch 1 of"));

	type(ui, "&desc:(\\w+\\s?)*$");
	ui_key(ui, KEYC_ENTER);
	assert_non_null(strstr(ui->msg, "too complex"));
	ui_key(ui, KEYC_ESC);
	type(ui, "gj");
	assert_int_equal(ui->cursor, 1);

	ui_free(ui);
	registry_free(seed);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nested_plus_dollar),
		cmocka_unit_test(words_star_dollar),
		cmocka_unit_test(desc_words_star_dollar),
		cmocka_unit_test(interpreter_words_star_dollar),
		cmocka_unit_test(anchored_words),
		cmocka_unit_test(limits_not_sticky),
		cmocka_unit_test(browser_says_too_complex),
		cmocka_unit_test(recursion_is_interpreted),
	};

	return RUN_GROUP_TESTS(tests, setup, teardown);
}
