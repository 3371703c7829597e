/*
 * test.h - what every cmocka test program of portreg includes.
 *
 * RUN_TESTS(group) runs the group with TAP output (RUN_GROUP_TESTS with
 * group fixtures), so automake's TAP driver names each case.  test_data(),
 * test_shipped() and test_registry() find input files: the small excerpts
 * kept in tests/data/, the registries the package ships in data/ (always
 * there), and the real registry files of ../shared/registry
 * (PORTREG_REGISTRY_DIR), which may be absent.
 *
 * A case that cannot run says why with skip_because(): the reason goes
 * out as a TAP diagnostic ("# skip reason: ...") just before cmocka's
 * skip line, and tests/tap-cmocka.sh (the LOG_COMPILER of these
 * programs) puts it on that line, "ok N # SKIP name: reason", which
 * automake counts as a SKIP (cmocka 1.1.5 says "not ok N # SKIP name").
 */
#ifndef PORTREG_TEST_H
#define PORTREG_TEST_H

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* stdout line-buffered: a case's diagnostics and its result line come
   out in the order written, whatever else writes to the terminal.
   RUN_GROUP_TESTS: the same with group setup and teardown functions. */
#define RUN_GROUP_TESTS(group, setup, teardown) \
	(setvbuf(stdout, NULL, _IOLBF, 0), \
	 cmocka_set_message_output(CM_OUTPUT_TAP), \
	 cmocka_run_group_tests(group, setup, teardown))
#define RUN_TESTS(group)	RUN_GROUP_TESTS(group, NULL, NULL)

/* The reason for the skip() that follows, as tests/tap-cmocka.sh reads
   it: one line on stdout. */
static inline void __attribute__((format(printf, 1, 2)))
test_skip_reason(const char *fmt, ...)
{
	va_list	 ap;

	fputs("# skip reason: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputs("\n", stdout);
	fflush(stdout);
}

/* Skip the running case, saying why (printf arguments). */
#define skip_because(...) \
	do { \
		test_skip_reason(__VA_ARGS__); \
		skip(); \
	} while (0)

/* Path of tests/data/name in the source tree (static buffer). */
static inline const char *
test_data(const char *name)
{
	static char	 path[4096];
	const char	*top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/tests/data/%s", top ? top : ".", name);
	return path;
}

/*
 * Path of data/name in the source tree (static buffer): a registry the
 * package ships, so always there; a missing one fails the case.
 */
static inline const char *
test_shipped(const char *name)
{
	static char	 path[4096];
	const char	*top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/data/%s", top ? top : ".", name);
	if (access(path, R_OK) != 0)
		fail_msg("%s: %s (a file the package ships)", path,
		    strerror(errno));
	return path;
}

/*
 * Path of a real registry file, or NULL (after printing the reason for
 * the skip, as skip_because does) when the shared folder is absent: the
 * caller then calls skip().  Under CI=true a missing file is a failure,
 * not a skip.
 */
static inline const char *
test_registry(const char *name)
{
	static char	 path[4096];
	const char	*dir = getenv("PORTREG_REGISTRY_DIR");
	const char	*ci = getenv("CI");

	if (dir == NULL)
		dir = "../shared/registry";
	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (access(path, R_OK) == 0)
		return path;
	if (ci != NULL && strcmp(ci, "true") == 0)
		fail_msg("%s is missing under CI", path);
	test_skip_reason("%s is absent", path);
	return NULL;
}

/* Shipped in data/ (test_shipped): IANA's 2026-08-17 XML, the default
   registry, and the pasted-text sample. */
#define XML_SHIPPED	"service-names-port-numbers.xml"
#define SEED_2024	"seed-excerpt-2024-10-15.txt"
/* Only in PORTREG_REGISTRY_DIR (test_registry). */
#define CSV_2025	"service-names-port-numbers-2025-07.csv"
#define TXT_2013	"service-names-port-numbers-2013-06-26.txt"

#endif
