/*
 * test-field.c - the registry's small fields (src/base/field.h): ports and
 * ranges, dates, protocols, white space and quotes of bad input, with
 * their edges.
 */
#include "config.h"

#include "test.h"

#include "field.h"

/* Parse a NUL-terminated string; lo and hi stay -1 unless it parsed. */
static enum field_port_error
port(const char *s, int32_t *lo, int32_t *hi)
{
	*lo = *hi = -1;
	return field_port_parse(s, strlen(s), lo, hi);
}

static void
test_port_single(void **state)
{
	int32_t	 lo, hi;

	assert_int_equal(port("22", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 22);
	assert_int_equal(hi, 22);
	assert_int_equal(port("0", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 0);
	assert_int_equal(port("65535", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(hi, 65535);
	/* Leading zeros are digits like any other. */
	assert_int_equal(port("00080", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 80);
	/* Only the first len bytes count. */
	assert_int_equal(field_port_parse("22x", 2, &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 22);
}

static void
test_port_range(void **state)
{
	int32_t	 lo, hi;

	assert_int_equal(port("10000-10200", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 10000);
	assert_int_equal(hi, 10200);
	assert_int_equal(port("0-65535", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 0);
	assert_int_equal(hi, 65535);
	assert_int_equal(port("22-22", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 22);
	assert_int_equal(hi, 22);
	/* Blanks may stand around the dash (the CSV and queries have them). */
	assert_int_equal(port("6000 -\t6063", &lo, &hi), FIELD_PORT_OK);
	assert_int_equal(lo, 6000);
	assert_int_equal(hi, 6063);
}

static void
test_port_errors(void **state)
{
	static const struct {
		const char		*s;
		enum field_port_error	 e;
	} bad[] = {
		{ "", FIELD_PORT_SYNTAX },
		{ "-1", FIELD_PORT_SYNTAX },
		{ "+1", FIELD_PORT_SYNTAX },
		{ "22x", FIELD_PORT_SYNTAX },
		{ " 22 ", FIELD_PORT_SYNTAX },	/* trim first */
		{ "22 ", FIELD_PORT_SYNTAX },
		{ "22-", FIELD_PORT_SYNTAX },
		{ "-22", FIELD_PORT_SYNTAX },
		{ "1-2-3", FIELD_PORT_SYNTAX },
		{ "22 33", FIELD_PORT_SYNTAX },
		{ "0x16", FIELD_PORT_SYNTAX },
		{ "65536", FIELD_PORT_RANGE },
		{ "70000", FIELD_PORT_RANGE },
		{ "1-65536", FIELD_PORT_RANGE },
		{ "99999999999999999999999999", FIELD_PORT_RANGE },
		{ "10-5", FIELD_PORT_REVERSED },
		{ "65535-0", FIELD_PORT_REVERSED },
	};
	int32_t	 lo, hi;
	size_t	 i;

	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (port(bad[i].s, &lo, &hi) != bad[i].e)
			fail_msg("\"%s\": expected error %d", bad[i].s,
			    (int)bad[i].e);
		/* Nothing is set on an error. */
		assert_int_equal(lo, -1);
		assert_int_equal(hi, -1);
	}
	assert_int_equal(field_port_parse(NULL, 0, &lo, &hi),
	    FIELD_PORT_SYNTAX);
}

static void
test_port_why(void **state)
{
	assert_string_equal(field_port_why(FIELD_PORT_SYNTAX),
	    "is not a port number or range");
	assert_string_equal(field_port_why(FIELD_PORT_RANGE),
	    "is outside 0-65535");
	assert_string_equal(field_port_why(FIELD_PORT_REVERSED),
	    "is a reversed range");
}

static void
test_port_format(void **state)
{
	char	 out[FIELD_PORT_SIZE];

	assert_int_equal(field_port_format(out, 22, 22), 2);
	assert_string_equal(out, "22");
	assert_int_equal(field_port_format(out, 0, 0), 1);
	assert_string_equal(out, "0");
	assert_int_equal(field_port_format(out, 6000, 6063), 9);
	assert_string_equal(out, "6000-6063");
	assert_int_equal(field_port_format(out, 65535, 65535), 5);
	assert_string_equal(out, "65535");
	/* The widest text fills the buffer exactly. */
	assert_int_equal(field_port_format(out, 65535, 65535 + 0), 5);
	assert_int_equal(field_port_format(out, 10000, 65535), 11);
	assert_string_equal(out, "10000-65535");
	assert_int_equal(strlen(out) + 1, sizeof out);
	/* No port. */
	assert_int_equal(field_port_format(out, -1, -1), 0);
	assert_string_equal(out, "");
}

/* What field_port_format writes, field_port_parse reads back. */
static void
test_port_round_trip(void **state)
{
	static const int32_t	 v[][2] = {
		{ 0, 0 }, { 1, 1 }, { 9, 10 }, { 99, 100 }, { 1023, 1024 },
		{ 49151, 49152 }, { 65534, 65535 }, { 0, 65535 },
	};
	char			 out[FIELD_PORT_SIZE];
	int32_t			 lo, hi;
	size_t			 i, n;

	for (i = 0; i < sizeof v / sizeof *v; i++) {
		n = field_port_format(out, v[i][0], v[i][1]);
		assert_int_equal(field_port_parse(out, n, &lo, &hi),
		    FIELD_PORT_OK);
		assert_int_equal(lo, v[i][0]);
		assert_int_equal(hi, v[i][1]);
	}
}

static void
test_date(void **state)
{
	static const char *const good[] = {
		"2024-10-15", "2024-02", "0000-00", "9999-99-99",
		/* The form only, not the calendar: kept as IANA wrote it. */
		"2024-02-30", "2024-13",
	};
	static const char *const bad[] = {
		"", "2024", "2024-1", "2024-1-15", "24-02-03", "2024/02/03",
		"2024-02-", "2024-02-1", "2024-02-150", " 2024-02", "2024-02 ",
		"2024-0a", "2024--02-0", "YYYY-MM-DD",
	};
	size_t	 i;

	for (i = 0; i < sizeof good / sizeof *good; i++) {
		if (!field_is_date(good[i], strlen(good[i])))
			fail_msg("\"%s\" should be a date", good[i]);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (field_is_date(bad[i], strlen(bad[i])))
			fail_msg("\"%s\" should not be a date", bad[i]);
	}
	/* Only len bytes count. */
	assert_true(field_is_date("2024-10-15", 7));
	assert_false(field_is_date("2024-10-15", 8));
}

static void
test_date_valid(void **state)
{
	static const char *const good[] = {
		"2024-10-15", "2024-02", "2024-02-29", "2000-02-29",
		"1999-12-31", "2026-01-01", "2024-01-31", "2024-12",
		"2024-04-30",
	};
	static const char *const bad[] = {
		"2024-02-30", "9999-99-99", "2023-02-29", "1900-02-29",
		"2024-13", "2024-00", "2024-04-31", "2024-01-00",
		"2024-01-32", "0000-00", "xx", "", "2024-2-3",
	};
	size_t	 i;

	for (i = 0; i < sizeof good / sizeof *good; i++) {
		if (!field_date_valid(good[i], strlen(good[i])))
			fail_msg("\"%s\" should be a real date", good[i]);
	}
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (field_date_valid(bad[i], strlen(bad[i])))
			fail_msg("\"%s\" should not be a real date", bad[i]);
	}
	assert_true(field_date_valid("2024-02-30", 7));	/* 2024-02 */
}

static void
test_proto(void **state)
{
	assert_int_equal(field_proto_parse("tcp", 3), PROTO_TCP);
	assert_int_equal(field_proto_parse("UDP", 3), PROTO_UDP);
	assert_int_equal(field_proto_parse("Sctp", 4), PROTO_SCTP);
	assert_int_equal(field_proto_parse("dccp", 4), PROTO_DCCP);
	assert_int_equal(field_proto_parse("tcpx", 3), PROTO_TCP);
	assert_int_equal(field_proto_parse("tcpx", 4), -1);
	assert_int_equal(field_proto_parse("tc", 2), -1);
	assert_int_equal(field_proto_parse("", 0), -1);
	assert_int_equal(field_proto_parse(" tcp", 4), -1);
	assert_int_equal(field_proto_parse("ip", 2), -1);

	assert_string_equal(field_proto_name(PROTO_NONE), "");
	assert_string_equal(field_proto_name(PROTO_TCP), "tcp");
	assert_string_equal(field_proto_name(PROTO_DCCP), "dccp");
	assert_string_equal(field_proto_name((enum proto)PROTO_COUNT), "");
	assert_string_equal(field_proto_name((enum proto)-1), "");
}

static void
test_trim(void **state)
{
	const char	*s;
	size_t		 n;

	s = " \t 22 \r\n";
	n = strlen(s);
	field_trim(&s, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(s, "22", 2);

	s = "a b";
	n = 3;
	field_trim(&s, &n);
	assert_int_equal(n, 3);

	s = " \v\f ";
	n = 4;
	field_trim(&s, &n);
	assert_int_equal(n, 0);

	s = "";
	n = 0;
	field_trim(&s, &n);
	assert_int_equal(n, 0);

	/* Not white space: NBSP's bytes, NUL. */
	s = "\xc2\xa0x\xc2\xa0";
	n = 5;
	field_trim(&s, &n);
	assert_int_equal(n, 5);

	assert_true(field_is_space(' '));
	assert_true(field_is_space('\n'));
	assert_false(field_is_space('\0'));
	assert_false(field_is_space('x'));
	assert_false(field_is_space('\x85'));
	assert_true(field_is_empty("", 0));
	assert_true(field_is_empty(" \t\r\n", 4));
	assert_false(field_is_empty("  x ", 4));
}

static void
test_quote(void **state)
{
	char	 q[FIELD_QUOTE_SIZE];
	char	 big[200];
	size_t	 n;

	assert_string_equal(field_quote(q, "  70000 ", 8), "70000");
	assert_string_equal(field_quote(q, "", 0), "");
	assert_string_equal(field_quote(q, NULL, 0), "");
	/* Tabs show as spaces; another control ends the quote. */
	assert_string_equal(field_quote(q, "a\tb", 3), "a b");
	assert_string_equal(field_quote(q, "22\n33", 5), "22...");
	assert_string_equal(field_quote(q, "x\033]0;t\a", 7), "x...");
	assert_string_equal(field_quote(q, "a\x7f" "b", 3), "a...");

	/* Long input: FIELD_QUOTE_MAX bytes and "...". */
	memset(big, 'x', sizeof big);
	field_quote(q, big, sizeof big);
	assert_int_equal(strlen(q), FIELD_QUOTE_MAX + 3);
	assert_string_equal(q + FIELD_QUOTE_MAX, "...");
	field_quote(q, big, FIELD_QUOTE_MAX);
	assert_int_equal(strlen(q), FIELD_QUOTE_MAX);

	/* Never half a UTF-8 sequence: "é" (2 bytes) across the cut. */
	memset(big, 'x', sizeof big);
	memcpy(big + FIELD_QUOTE_MAX - 1, "\xc3\xa9", 2);
	field_quote(q, big, sizeof big);
	n = strlen(q);
	assert_int_equal(n, FIELD_QUOTE_MAX - 1 + 3);
	assert_string_equal(q + FIELD_QUOTE_MAX - 1, "...");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_port_single),
		cmocka_unit_test(test_port_range),
		cmocka_unit_test(test_port_errors),
		cmocka_unit_test(test_port_why),
		cmocka_unit_test(test_port_format),
		cmocka_unit_test(test_port_round_trip),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test(test_proto),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_quote),
	};

	return RUN_TESTS(tests);
}
