/*
 * test-query.c - the query forms of the command line and the ':' prompt.
 */
#include "config.h"

#include "test.h"

#include "query.h"

static void
parses(const char *s, enum query_kind kind, int lo, int hi, enum proto proto,
    const char *name)
{
	struct query	 q;
	const char	*why;

	assert_int_equal(query_parse(s, &q, &why), 0);
	assert_int_equal(q.kind, kind);
	assert_int_equal(q.proto, proto);
	if (kind == QUERY_NAME)
		assert_string_equal(q.name, name);
	else {
		assert_int_equal(q.lo, lo);
		assert_int_equal(q.hi, hi);
	}
}

static void
refuses(const char *s, const char *why_part)
{
	struct query	 q;
	const char	*why;

	assert_int_equal(query_parse(s, &q, &why), -1);
	assert_non_null(strstr(why, why_part));
}

static void
port(void **state)
{
	parses("22", QUERY_PORT, 22, 22, PROTO_NONE, NULL);
	parses(" 0 ", QUERY_PORT, 0, 0, PROTO_NONE, NULL);
	parses("65535", QUERY_PORT, 65535, 65535, PROTO_NONE, NULL);
}

static void
range(void **state)
{
	parses("10000-10200", QUERY_RANGE, 10000, 10200, PROTO_NONE, NULL);
	parses("10 - 20", QUERY_RANGE, 10, 20, PROTO_NONE, NULL);
}

static void
port_and_protocol(void **state)
{
	parses("53/udp", QUERY_PORT, 53, 53, PROTO_UDP, NULL);
	parses("10809/TCP", QUERY_PORT, 10809, 10809, PROTO_TCP, NULL);
	parses("1-9/dccp", QUERY_RANGE, 1, 9, PROTO_DCCP, NULL);
}

static void
names(void **state)
{
	parses("nbd", QUERY_NAME, 0, 0, PROTO_NONE, "nbd");
	parses("3com-tsmux", QUERY_NAME, 0, 0, PROTO_NONE, "3com-tsmux");
	parses("cl/1", QUERY_NAME, 0, 0, PROTO_NONE, "cl/1");
	parses("EtherNet/IP-1", QUERY_NAME, 0, 0, PROTO_NONE,
	    "EtherNet/IP-1");
	parses("nbd/tcp", QUERY_NAME, 0, 0, PROTO_TCP, "nbd");
	parses("sql*net", QUERY_NAME, 0, 0, PROTO_NONE, "sql*net");
}

static void
bad_ports(void **state)
{
	refuses("70000", "out of range");
	refuses("20-10", "reversed");
	refuses("53/xyz", "unknown protocol");
	refuses("", "empty");
	refuses("10-", "after '-'");
	refuses("99999999999999999999", "out of range");
}

static void
overlong_name(void **state)
{
	char	 s[300];

	memset(s, 'a', sizeof s - 1);
	s[sizeof s - 1] = '\0';
	refuses(s, "too long");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(port),
		cmocka_unit_test(range),
		cmocka_unit_test(port_and_protocol),
		cmocka_unit_test(names),
		cmocka_unit_test(bad_ports),
		cmocka_unit_test(overlong_name),
	};

	return RUN_TESTS(tests);
}
