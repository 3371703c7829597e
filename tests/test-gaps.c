/*
 * test-gaps.c - the gaps a window asks for (gaps.h): a port gives the
 * gaps holding it whole, a range the gaps overlapping it clipped, a
 * protocol the runs free on it; several windows merge in port order,
 * each gap once; nothing outside an excerpt's span is ever a gap.
 */
#include "config.h"

#include "test.h"
#include "builder.h"

#include "gaps.h"
#include "registry.h"

/*
 * A whole registry (cover 0-65535) holding, in registry order:
 *   0 echo 7/tcp   1 echo 7/udp   2 Unassigned 8-9   3 discard 10/tcp
 *   4 nbd 20/udp
 * Its gaps: 0-6, 8-9 (record 2), 11-19 and 21-65535.  Free on udp:
 * 0-6, 8-19, 21-65535; on tcp: 0-6, 8-9, 11-65535.
 */
static int
setup(void **state)
{
	struct registry	*reg = registry_new("test");

	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", NULL);
	add(reg, "echo", 7, 7, PROTO_UDP, "Echo", NULL);
	add(reg, NULL, 8, 9, PROTO_NONE, "Unassigned", NULL);
	add(reg, "discard", 10, 10, PROTO_TCP, "Discard", NULL);
	add(reg, "nbd", 20, 20, PROTO_UDP, "Network Block Device", NULL);
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	*state = reg;
	return 0;
}

/* A port, a range. */
#define PORT(p)		{ (p), (p), 1 }
#define RANGE(lo, hi)	{ (lo), (hi), 0 }

/* Assert that gaps g[0..n) are want[0..n_want). */
static void
same_gaps(const struct gap *g, size_t n, const struct gap *want,
    size_t n_want)
{
	size_t	 i;

	assert_int_equal(n, n_want);
	for (i = 0; i < n; i++) {
		assert_int_equal(g[i].lo, want[i].lo);
		assert_int_equal(g[i].hi, want[i].hi);
		assert_int_equal(g[i].proto, want[i].proto);
		assert_int_equal(g[i].record, want[i].record);
	}
}

/* The gaps of windows w[0..n) on proto are want[]. */
#define EXPECT(reg, proto, w, ...) do { \
	static const struct gap	 want_[] = { __VA_ARGS__ }; \
	struct gap		*g_; \
	size_t			 n_; \
	n_ = gaps_window((reg), (proto), (w), sizeof (w) / sizeof (w)[0], \
	    &g_); \
	same_gaps(g_, n_, want_, sizeof want_ / sizeof want_[0]); \
	free(g_); \
} while (0)

static void
port_gives_each_gap_holding_it_whole(void **state)
{
	static const struct gaps_window	 unassigned[] = { PORT(8) };
	static const struct gaps_window	 unlisted[] = { PORT(15) };

	EXPECT(*state, PROTO_NONE, unassigned, { 8, 9, PROTO_NONE, 2 });
	EXPECT(*state, PROTO_NONE, unlisted, { 11, 19, PROTO_NONE, -1 });
}

static void
port_in_no_gap_gives_none(void **state)
{
	static const struct gaps_window	 w[] = { PORT(7) };
	struct gap			*g = (struct gap *)&g;

	assert_int_equal(gaps_window(*state, PROTO_NONE, w, 1, &g), 0);
	assert_null(g);
	assert_int_equal(gaps_window(*state, PROTO_UDP, w, 1, &g), 0);
	assert_null(g);
}

static void
range_gives_overlapping_gaps_clipped(void **state)
{
	static const struct gaps_window	 w[] = { RANGE(5, 12) };

	EXPECT(*state, PROTO_NONE, w, { 5, 6, PROTO_NONE, -1 },
	    { 8, 9, PROTO_NONE, 2 }, { 11, 12, PROTO_NONE, -1 });
}

static void
whole_range_gives_every_gap(void **state)
{
	static const struct gaps_window	 w[] = { RANGE(0, PORT_MAX) };

	EXPECT(*state, PROTO_NONE, w, { 0, 6, PROTO_NONE, -1 },
	    { 8, 9, PROTO_NONE, 2 }, { 11, 19, PROTO_NONE, -1 },
	    { 21, PORT_MAX, PROTO_NONE, -1 });
}

static void
protocol_gives_the_runs_free_on_it(void **state)
{
	static const struct gaps_window	 port[] = { PORT(15) };
	static const struct gaps_window	 range[] = { RANGE(5, 12) };

	EXPECT(*state, PROTO_UDP, port, { 8, 19, PROTO_UDP, -1 });
	EXPECT(*state, PROTO_TCP, port, { 11, PORT_MAX, PROTO_TCP, -1 });
	EXPECT(*state, PROTO_UDP, range, { 5, 6, PROTO_UDP, -1 },
	    { 8, 12, PROTO_UDP, -1 });
	EXPECT(*state, PROTO_TCP, range, { 5, 6, PROTO_TCP, -1 },
	    { 8, 9, PROTO_TCP, -1 }, { 11, 12, PROTO_TCP, -1 });
}

static void
windows_merge_in_port_order_each_gap_once(void **state)
{
	static const struct gaps_window	 w[] = {
		PORT(15), RANGE(5, 12), PORT(8), PORT(18)
	};
	static const struct gaps_window	 udp[] = { PORT(19), PORT(8) };

	EXPECT(*state, PROTO_NONE, w, { 5, 6, PROTO_NONE, -1 },
	    { 8, 9, PROTO_NONE, 2 }, { 11, 12, PROTO_NONE, -1 },
	    { 11, 19, PROTO_NONE, -1 });
	EXPECT(*state, PROTO_UDP, udp, { 8, 19, PROTO_UDP, -1 });
}

/*
 * An excerpt: rows 100-200 only, so it covers 100-200.  No window finds
 * a gap outside that span, on any protocol.
 */
static void
excerpt_lists_no_gap_outside_its_span(void **state)
{
	struct registry			*reg = registry_new("excerpt");
	static const struct gaps_window	 wide[] = { RANGE(0, 1000) };
	static const struct gaps_window	 outside[] = { PORT(50), PORT(300) };
	static const struct gaps_window	 edge[] = { PORT(199) };
	struct gap			*g;

	add(reg, "first", 100, 100, PROTO_TCP, "First", NULL);
	add(reg, NULL, 101, 150, PROTO_NONE, "Unassigned", NULL);
	add(reg, "last", 200, 200, PROTO_TCP, "Last", NULL);
	registry_finish(reg);
	assert_int_equal(reg->cover_lo, 100);
	assert_int_equal(reg->cover_hi, 200);

	EXPECT(reg, PROTO_NONE, wide, { 101, 150, PROTO_NONE, 1 },
	    { 151, 199, PROTO_NONE, -1 });
	EXPECT(reg, PROTO_TCP, wide, { 101, 199, PROTO_TCP, -1 });
	EXPECT(reg, PROTO_UDP, wide, { 100, 200, PROTO_UDP, -1 });
	EXPECT(reg, PROTO_UDP, edge, { 100, 200, PROTO_UDP, -1 });
	assert_int_equal(gaps_window(reg, PROTO_NONE, outside, 2, &g), 0);
	assert_null(g);
	assert_int_equal(gaps_window(reg, PROTO_UDP, outside, 2, &g), 0);
	assert_null(g);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(port_gives_each_gap_holding_it_whole),
		cmocka_unit_test(port_in_no_gap_gives_none),
		cmocka_unit_test(range_gives_overlapping_gaps_clipped),
		cmocka_unit_test(whole_range_gives_every_gap),
		cmocka_unit_test(protocol_gives_the_runs_free_on_it),
		cmocka_unit_test(windows_merge_in_port_order_each_gap_once),
		cmocka_unit_test(excerpt_lists_no_gap_outside_its_span),
	};

	return RUN_GROUP_TESTS(tests, setup, builder_teardown);
}
