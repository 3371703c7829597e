/*
 * test.h - what every cmocka test program of portreg includes.
 *
 * RUN_TESTS(group) runs the group with TAP output, so automake's TAP
 * driver names each case.  test_data() and test_registry() find input
 * files: the small excerpts kept in tests/data/, and the real registry
 * files of ../shared/registry (PORTREG_REGISTRY_DIR), which may be absent.
 */
#ifndef PORTREG_TEST_H
#define PORTREG_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#define RUN_TESTS(group) \
	(cmocka_set_message_output(CM_OUTPUT_TAP), \
	 cmocka_run_group_tests(group, NULL, NULL))

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
 * Path of a real registry file, or NULL (after saying why on stderr)
 * when the shared folder is absent: the caller then calls skip().  Under
 * CI=true a missing file is a failure, not a skip.
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
	fprintf(stderr, "# SKIP: %s is absent (real registry files not here)\n",
	    path);
	return NULL;
}

#define XML_2026	"service-names-port-numbers-2026-08-17.xml"
#define CSV_2025	"service-names-port-numbers-2025-07.csv"
#define TXT_2013	"service-names-port-numbers-2013-06-26.txt"
#define SEED_2024	"seed-excerpt-2024-10-15.txt"

#endif
