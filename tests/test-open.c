/*
 * test-open.c - opening a URI never interprets it: 'o' runs $BROWSER (or
 * xdg-open) by execvp with the URI as its one argument, or refuses the
 * URI.  A recording browser writes its argument count and each argument
 * to a file; URIs full of shell syntax must arrive there byte for byte,
 * and the commands they hold must never run.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <time.h>

#include "test.h"

#include "builder.h"
#include "detail.h"
#include "registry.h"
#include "tui.h"
#include "xmalloc.h"

static char	 dir[] = "/tmp/portreg-open.XXXXXX";
static char	 rec[4200], pwned[4200], browser[4200];

/* Has the shell-free path been taken?  A file the URIs try to create. */
static int
was_pwned(void)
{
	return access(pwned, F_OK) == 0;
}

static int
setup(void **state)
{
	FILE	*f;

	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(rec, sizeof rec, "%s/argv", dir);
	snprintf(pwned, sizeof pwned, "%s/pwned", dir);
	snprintf(browser, sizeof browser, "%s/browser", dir);
	/* The count, then each argument NUL-terminated: exact bytes. */
	if ((f = fopen(browser, "w")) == NULL)
		return -1;
	fprintf(f, "#!/bin/sh\n"
	    "{ printf '%%s\\0' \"$#\"; for a in \"$@\"; do "
	    "printf '%%s\\0' \"$a\"; done; } > '%s.tmp' && "
	    "mv '%s.tmp' '%s'\n", rec, rec, rec);
	fclose(f);
	if (chmod(browser, 0755) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	char	*cmd = xasprintf("rm -rf '%s'", dir);
	int	 rc = system(cmd);

	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* Wait (up to 10 s) for the recording browser; return what it wrote
   (argc, then the arguments, NUL-separated) and its length. */
static char *
recorded(size_t *len)
{
	struct timespec	 ts = { 0, 20 * 1000 * 1000 };
	FILE		*f;
	char		*s;
	int		 i;
	long		 n;

	for (i = 0; i < 500 && access(rec, F_OK) != 0; i++)
		nanosleep(&ts, NULL);
	if ((f = fopen(rec, "r")) == NULL)
		fail_msg("the browser did not run: %s", strerror(errno));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = xmalloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	unlink(rec);
	*len = (size_t)n;
	return s;
}

/* Open uri with the recording browser: it must get exactly one argument,
   uri itself. */
static void
assert_one_argument(const char *uri)
{
	char	*got;
	size_t	 len;

	unlink(rec);
	assert_null(tui_open(uri));
	got = recorded(&len);
	assert_string_equal(got, "1");
	assert_int_equal(len, 2 + strlen(uri) + 1);
	assert_memory_equal(got + 2, uri, strlen(uri) + 1);
	free(got);
}

static const char *hostile[] = {
	"https://example.com/;touch%20x;",
	"https://example.com/a;touch PWNED;b",
	"https://example.com/$(touch PWNED)",
	"https://example.com/`touch PWNED`",
	"https://example.com/a b c",
	"http://x/ $(touch PWNED) `touch PWNED` ; touch PWNED | touch PWNED &",
	"mailto:a@b.c?subject=$(touch PWNED)&body=`touch PWNED`",
	"https://x/'\"'\"' ; touch PWNED ; '\\",
	"https://x/${IFS}touch${IFS}PWNED",
	"https://x/>PWNED <PWNED 2>&1",
	"https://x/\n;touch PWNED",
	NULL
};

/* Each hostile URI with PWNED replaced by the path of the witness file. */
static char *
arm(const char *uri)
{
	struct buf	 b = { 0 };
	const char	*s, *p;

	for (s = uri; (p = strstr(s, "PWNED")) != NULL; s = p + 5) {
		buf_add(&b, s, (size_t)(p - s));
		buf_add(&b, pwned, strlen(pwned));
	}
	buf_add(&b, s, strlen(s));
	return buf_detach(&b);
}

static void
shell_syntax_is_one_argument(void **state)
{
	char	*uri;
	int	 i;

	setenv("BROWSER", browser, 1);
	for (i = 0; hostile[i] != NULL; i++) {
		uri = arm(hostile[i]);
		assert_one_argument(uri);
		assert_false(was_pwned());
		free(uri);
	}
}

/* $BROWSER's first entry is taken, up to a ':'. */
static void
browser_list_first_entry(void **state)
{
	char	*env = xasprintf("%s:/bin/false:sh -c 'touch %s'", browser,
	    pwned);

	setenv("BROWSER", env, 1);
	assert_one_argument("https://example.com/$(touch x)");
	assert_false(was_pwned());
	free(env);
}

/* The recording browser's record: argc, then each argument. */
static void
assert_recorded(const char *want, size_t len)
{
	char	*got;
	size_t	 n;

	got = recorded(&n);
	if (n != len || memcmp(got, want, len) != 0)
		fail_msg("the browser got another argv");
	free(got);
}

/* $BROWSER as xdg-utils reads it: each entry split into words (no
   shell), "%s" replaced by the URI, else the URI appended. */
static void
browser_command_with_arguments(void **state)
{
	char	*env;

	env = xasprintf("%s -dump", browser);
	setenv("BROWSER", env, 1);
	unlink(rec);
	assert_null(tui_open("https://x/a b"));
#define WANT "2\0-dump\0https://x/a b"
	assert_recorded(WANT, sizeof WANT);
#undef WANT
	free(env);

	env = xasprintf("  %s\t--new %%s --title=<%%s>  ", browser);
	setenv("BROWSER", env, 1);
	unlink(rec);
	assert_null(tui_open("https://x/$(y)"));
#define WANT "3\0--new\0https://x/$(y)\0--title=<https://x/$(y)>"
	assert_recorded(WANT, sizeof WANT);
#undef WANT
	free(env);
}

/* An entry that does not run is skipped for the next one; when none
   runs, the last one's error is told. */
static void
browser_list_tries_each(void **state)
{
	char		*env;
	const char	*why;

	env = xasprintf("/nonexistent/browser -x:/bin/false:%s %%s", browser);
	setenv("BROWSER", env, 1);
	unlink(rec);
	assert_null(tui_open("https://x/"));
	assert_recorded("1\0https://x/", sizeof "1\0https://x/");
	free(env);

	setenv("BROWSER", "/nonexistent/a:/nonexistent/b -y", 1);
	why = tui_open("https://x/");
	assert_non_null(why);
	assert_non_null(strstr(why, "/nonexistent/b"));
}

/* Words are never handed to a shell: a quoted command line is words
   with quotes in them, and nothing it names runs. */
static void
browser_command_line_not_run(void **state)
{
	char	*env = xasprintf("sh -c 'touch %s'", pwned);

	setenv("BROWSER", env, 1);
	assert_non_null(tui_open("https://example.com/"));
	assert_false(was_pwned());
	free(env);
}

/* What 'o' refuses before any program runs: other schemes, a leading
   dash (an option to xdg-open), control characters. */
static void
refused_uris(void **state)
{
	static const char *no[] = {
		"javascript:alert(1)", "file:///etc/passwd",
		"--help https://x/", "-https://x/", " https://x/",
		"ftp://x/", "https//x", "",
		"https://x/\n;touch y", "https://x/\033]0;pwned\007",
		"https://x/\r", "https://x/\177", "$(touch y)https://x/",
		"`x`http://x/", ";https://x/",
		/* C1 controls, encoded and raw; invalid UTF-8 */
		"https://x/\302\2332J", "https://x/\2332J", "https://x/\302\205",
		"https://x/\377", "https://x/\340\200\257",
		/* bidi overrides and isolates, U+2028/2029, zero-width */
		"https://x/\342\200\256gpj.exe", "https://x/\342\201\246a",
		"https://x/\342\200\250", "https://x/\342\200\251",
		"https://x/\342\200\215", "https://x/\357\273\277",
		"mailto:a@b.example\342\200\256",
		/* mailto: header fields, encoded line breaks */
		"mailto:a@b.example?attach=/etc/passwd",
		"mailto:a@b.example?subject=x&bcc=c@d.example",
		"MAILTO:a@b.example?body=x", "mailto:a@b.example%0ABcc:c@d",
		"mailto:a@b.example%0d%0abcc:c@d", "mailto:a@b%7F", NULL
	};
	static const char *yes[] = {
		"https://x/", "HTTP://x/", "mailto:w@uter.be",
		"https://x/a;b$(c)`d` e", "https://x/caf\303\251",
		"https://x/?a=1&b=%0A", "mailto:a%2Bb@c.example", NULL
	};
	int	 i;

	for (i = 0; no[i] != NULL; i++) {
		if (detail_uri_allowed(no[i]))
			fail_msg("allowed: \"%s\"", no[i]);
	}
	for (i = 0; yes[i] != NULL; i++)
		assert_true(detail_uri_allowed(yes[i]));
	assert_false(detail_uri_allowed(NULL));
}

/* A person's mailto: opens without its header fields; a person's URI
   with a bidi override is not opened (the e-mail is, when there is one). */
static void
person_links(void **state)
{
	struct registry	*reg = registry_new("t");
	char		*l;

	person(reg, .id = "A", .uri = "mailto:a@b.example?attach=/etc/passwd");
	person(reg, .id = "B", .email = "c@d.example?bcc=e@f.example");
	person(reg, .id = "C", .uri = "https://x/\342\200\256gpj.exe",
	    .email = "g@h.example");
	person(reg, .id = "D", .uri = "https://x/\302\233");
	add(reg, "x", 1, 1, PROTO_TCP, "d", "A");
	registry_finish(reg);
	l = detail_person_link(reg, registry_person(reg, "A"));
	assert_string_equal(l, "mailto:a@b.example");
	free(l);
	l = detail_person_link(reg, registry_person(reg, "B"));
	assert_string_equal(l, "mailto:c@d.example");
	free(l);
	l = detail_person_link(reg, registry_person(reg, "C"));
	assert_string_equal(l, "mailto:g@h.example");
	free(l);
	assert_null(detail_person_link(reg, registry_person(reg, "D")));
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shell_syntax_is_one_argument),
		cmocka_unit_test(browser_list_first_entry),
		cmocka_unit_test(browser_command_with_arguments),
		cmocka_unit_test(browser_list_tries_each),
		cmocka_unit_test(browser_command_line_not_run),
		cmocka_unit_test(refused_uris),
		cmocka_unit_test(person_links),
	};

	return RUN_GROUP_TESTS(tests, setup, teardown);
}
