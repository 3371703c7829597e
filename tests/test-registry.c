/*
 * test-registry.c - the model: building, derived kinds, gaps, queries.
 * The registry is built by hand with the builder API, so these run
 * without any loader.
 */
#include "config.h"

#include <strings.h>

#include "test.h"
#include "builder.h"

#include "registry.h"

/* A slice of the real registry around 10800-10900, plus x11 and a
   name-only entry. */
static int
setup(void **state)
{
	struct registry	*reg = registry_new("test");

	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", "Jon_Postel");
	add(reg, "echo", 7, 7, PROTO_UDP, "Echo", "Jon_Postel");
	add(reg, "x11", 6000, 6063, PROTO_TCP, "X Window System", NULL);
	add(reg, "x11", 6000, 6063, PROTO_UDP, "X Window System", NULL);
	add(reg, NULL, 10801, 10804, PROTO_NONE, "Unassigned", NULL);
	add(reg, "lpdg", 10805, 10805, PROTO_TCP, "LUCIA Pareja Data Group",
	    NULL);
	add(reg, NULL, 10806, 10808, PROTO_NONE, "Unassigned", NULL);
	add(reg, "nbd", 10809, 10809, PROTO_TCP, "Network Block Device",
	    "Wouter_Verhelst");
	add(reg, NULL, 10809, 10809, PROTO_UDP, "Reserved", NULL);
	add(reg, NULL, 10810, 10810, PROTO_TCP, "Reserved", NULL);
	add(reg, "nmc-disc", 10810, 10810, PROTO_UDP, "Nuance", "Gordon_W");
	add(reg, NULL, 10811, 10859, PROTO_NONE, "Unassigned", NULL);
	add(reg, "helix", 10860, 10860, PROTO_TCP, "Helix", "Matthew_Strange");
	add(reg, "daytime", 13, 13, PROTO_TCP, "Daytime", "Jon_Postel");
	add(reg, "argus", -1, -1, PROTO_NONE, "ARGUS", "Dangling_Id");
	person(reg, .id = "Jon_Postel", .name = "Jon Postel");
	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst");
	person(reg, .id = "Gordon_W", .name = "Gordon Waddell");
	person(reg, .id = "Matthew_Strange", .name = "Matthew Strange");
	/* The slice stands for a whole registry. */
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	*state = reg;
	return 0;
}

static int
teardown(void **state)
{
	registry_free(*state);
	return 0;
}

static int32_t
find(struct registry *reg, const char *name, enum proto proto)
{
	uint32_t	 out[4];

	if (registry_by_name(reg, name, proto, out, 4) == 0)
		return -1;
	return (int32_t)out[0];
}

static void
kinds_are_derived(void **state)
{
	struct registry	*reg = *state;

	assert_int_equal(reg->records[find(reg, "nbd", PROTO_TCP)].kind,
	    KIND_ASSIGNED);
	assert_int_equal(reg->records[4].kind, KIND_UNASSIGNED);
	assert_int_equal(reg->records[8].kind, KIND_RESERVED);
}

static void
port_inside_range_finds_range(void **state)
{
	struct registry	*reg = *state;
	uint32_t	 out[8];
	size_t		 n;

	n = registry_at_port(reg, 6010, PROTO_NONE, out, 8);
	assert_int_equal(n, 2);
	assert_string_equal(reg->records[out[0]].service, "x11");
	assert_int_equal(reg->records[out[0]].proto, PROTO_TCP);
	assert_int_equal(reg->records[out[1]].proto, PROTO_UDP);
}

static void
port_with_protocol(void **state)
{
	struct registry	*reg = *state;
	uint32_t	 out[8];

	assert_int_equal(registry_at_port(reg, 10809, PROTO_UDP, out, 8), 1);
	assert_int_equal(reg->records[out[0]].kind, KIND_RESERVED);
	assert_int_equal(registry_at_port(reg, 10809, PROTO_NONE, out, 8), 2);
	assert_int_equal(registry_at_port(reg, 10809, PROTO_SCTP, out, 8), 0);
}

static void
at_port_counts_beyond_cap(void **state)
{
	struct registry	*reg = *state;
	uint32_t	 out[1];

	assert_int_equal(registry_at_port(reg, 10809, PROTO_NONE, out, 1), 2);
}

static void
range_query_in_registry_order(void **state)
{
	struct registry	*reg = *state;
	uint32_t	 out[32];
	size_t		 n, i;

	n = registry_in_range(reg, 10800, 10860, PROTO_NONE, out, 32);
	assert_int_equal(n, 9);
	for (i = 1; i < n; i++)
		assert_true(out[i - 1] < out[i]);
}

static void
name_lookup_is_case_insensitive(void **state)
{
	struct registry	*reg = *state;
	uint32_t	 out[4];

	assert_int_equal(registry_by_name(reg, "NBD", PROTO_NONE, out, 4), 1);
	assert_int_equal(registry_by_name(reg, "echo", PROTO_NONE, out, 4), 2);
	assert_int_equal(registry_by_name(reg, "echo", PROTO_UDP, out, 4), 1);
	assert_int_equal(registry_by_name(reg, "nosuch", PROTO_NONE, out, 4),
	    0);
}

static void
next_assignment_skips_reserved_and_same_port(void **state)
{
	struct registry	*reg = *state;
	int32_t		 nbd = find(reg, "nbd", PROTO_TCP);
	int32_t		 gap = 11;	/* 10811-10859 */

	assert_int_equal(registry_next_assignment(reg, nbd, 1),
	    find(reg, "nmc-disc", PROTO_UDP));
	assert_int_equal(registry_next_assignment(reg, gap, 1),
	    find(reg, "helix", PROTO_TCP));
	assert_int_equal(registry_next_assignment(reg, gap, -1),
	    find(reg, "nmc-disc", PROTO_UDP));
	/* echo/tcp -> skips echo/udp at the same port. */
	assert_int_equal(registry_next_assignment(reg, 0, 1), 2);
	assert_int_equal(registry_next_assignment(reg, 0, -1), -1);
}

static void
next_gap_record(void **state)
{
	struct registry	*reg = *state;
	int32_t		 nbd = find(reg, "nbd", PROTO_TCP);

	assert_int_equal(registry_next_gap_record(reg, nbd, 1), 11);
	assert_int_equal(registry_next_gap_record(reg, nbd, -1), 6);
	assert_int_equal(registry_next_gap_record(reg, 11, 1), -1);
}

static void
gaps_include_unlisted_ranges(void **state)
{
	struct registry	*reg = *state;
	int32_t		 g;

	g = registry_gap_at(reg, 50000);
	assert_true(g >= 0);
	assert_int_equal(reg->gaps[g].record, -1);
	assert_int_equal(reg->gaps[g].lo, 10861);
	assert_int_equal(reg->gaps[g].hi, 65535);
	g = registry_gap_at(reg, 10830);
	assert_int_equal(reg->gaps[g].record, 11);
	assert_int_equal(registry_gap_at(reg, 10809), -1);
	/* 0-6 is listed nowhere. */
	assert_int_equal(reg->gaps[0].lo, 0);
	assert_int_equal(reg->gaps[0].hi, 6);
}

static void
gap_neighbours(void **state)
{
	struct registry	*reg = *state;
	int32_t		 g = registry_gap_at(reg, 10830), before, after;

	registry_gap_neighbours(reg, (size_t)g, &before, &after);
	assert_string_equal(reg->records[before].service, "nmc-disc");
	assert_string_equal(reg->records[after].service, "helix");
}

static void
free_ranges_per_protocol(void **state)
{
	struct registry	*reg = *state;

	/* udp: 10810 is nmc-disc, 10809 reserved; tcp 10805 lpdg. */
	assert_int_equal(registry_free_ranges(reg, PROTO_UDP, 10800, 10811,
	    NULL, NULL), 2);	/* 10800-10808 (lpdg is tcp), 10811 */
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 10800, 10811,
	    NULL, NULL), 3);	/* 10800-10804, 10806-10808, 10811 */
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 10809, 10810,
	    NULL, NULL), 0);
}

static void
people_resolve_and_count(void **state)
{
	struct registry	*reg = *state;
	int32_t		 p = registry_person(reg, "Jon_Postel");
	const uint32_t	*recs;
	size_t		 n;

	assert_true(p >= 0);
	/* Assignee and contact of the same record count once. */
	assert_int_equal(reg->people[p].n_records, 3);
	recs = registry_person_records(reg, (uint32_t)p, &n);
	assert_int_equal(n, 3);
	assert_string_equal(reg->records[recs[2]].service, "daytime");
	assert_int_equal(registry_person(reg, "jon_postel"), -1);
}

static void
dangling_person_ref(void **state)
{
	struct registry		*reg = *state;
	struct registry_stats	 st;
	int32_t			 argus = find(reg, "argus", PROTO_NONE);

	assert_int_equal(reg->records[argus].assignees[0].person, -1);
	registry_stats(reg, &st);
	assert_int_equal(st.dangling_refs, 2);
	/* One warning for the id, though it is named twice. */
	assert_int_equal(reg->n_warnings, 1);
	assert_non_null(strstr(reg->warnings[0].text, "[Dangling_Id]"));
}

static void
no_people_table_no_dangling_warnings(void **state)
{
	struct registry	*reg = registry_new("csv-like");

	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", "Jon_Postel");
	registry_finish(reg);
	assert_int_equal(reg->n_warnings, 0);
	assert_int_equal(reg->records[0].assignees[0].person, -1);
	registry_free(reg);
}

static void
stats_count(void **state)
{
	struct registry		*reg = *state;
	struct registry_stats	 st;

	registry_stats(reg, &st);
	assert_int_equal(st.records, 15);
	assert_int_equal(st.by_proto[PROTO_TCP], 7);
	assert_int_equal(st.by_proto[PROTO_NONE], 4);
	assert_int_equal(st.by_kind[KIND_UNASSIGNED], 3);
	assert_int_equal(st.by_kind[KIND_RESERVED], 2);
	assert_int_equal(st.by_class[CLASS_SYSTEM], 3);
	assert_int_equal(st.name_only, 1);
	assert_int_equal(st.largest_gap_lo, 10861);
}

static void
duplicate_person_id_warns(void **state)
{
	struct registry	*reg = registry_new("dup");

	person(reg, .id = "A", .name = "first");
	person(reg, .id = "A", .name = "second");
	registry_finish(reg);
	assert_int_equal(reg->n_warnings, 1);
	assert_string_equal(reg->people[registry_person(reg, "A")].name,
	    "first");
	registry_free(reg);
}

/*
 * Three definitions of B and two of A, interleaved: a warning at each
 * later one, naming the definition before it, in the order of the ids;
 * lookups find the first.
 */
static void
duplicate_ids_warn_in_id_order(void **state)
{
	struct registry	*reg = registry_new("dup");
	struct person	*p;
	const char	*ids[] = { "B", "A", "B", "A", "B" };
	size_t		 i;

	for (i = 0; i < 5; i++) {
		p = registry_add_person(reg);
		p->id = registry_strdup(reg, ids[i]);
		p->line = (uint32_t)(10 * (i + 1));
	}
	registry_finish(reg);
	assert_int_equal(reg->n_warnings, 3);
	assert_int_equal(reg->warnings[0].line, 40);
	assert_non_null(strstr(reg->warnings[0].text,
	    "[A] defined again (first at line 20)"));
	assert_int_equal(reg->warnings[1].line, 30);
	assert_non_null(strstr(reg->warnings[1].text, "(first at line 10)"));
	assert_int_equal(reg->warnings[2].line, 50);
	assert_non_null(strstr(reg->warnings[2].text, "(first at line 30)"));
	assert_int_equal(registry_person(reg, "A"), 1);
	assert_int_equal(registry_person(reg, "B"), 0);
	assert_int_equal(registry_person(reg, "C"), -1);
	registry_free(reg);
}

/* Records named "svc-K" in three casings, K = i % names, far apart. */
#define MANY_RECORDS	6000
#define MANY_NAMES	700

static const char *
many_name(char *buf, size_t i)
{
	static const char	*forms[] = { "svc-%zu", "SVC-%zu", "Svc-%zu" };

	snprintf(buf, 32, forms[(i / MANY_NAMES) % 3], i % MANY_NAMES);
	return buf;
}

/*
 * A registry big enough for the records array to move to its large
 * blocks, in falling port order (the by-port index sorts), with every
 * name repeated far apart in other casings and lists shared between
 * neighbours: every answer is the one a plain scan gives.
 */
static void
many_records_answer_like_a_scan(void **state)
{
	struct registry		*reg = registry_new("many");
	struct record		*r;
	struct person		*p;
	const struct record	*q;
	uint32_t		 out[32], want[32];
	char			 name[32];
	size_t			 i, j, n, m;
	int32_t			 port;

	for (i = 0; i < 300; i++) {
		p = registry_add_person(reg);
		snprintf(name, sizeof name, "Person_%zu", i);
		p->id = registry_strdup(reg, name);
	}
	for (i = 0; i < MANY_RECORDS; i++) {
		r = registry_add_record(reg);
		r->service = registry_strdup(reg, many_name(name, i));
		r->port_lo = r->port_hi = (int32_t)(MANY_RECORDS - i) * 10;
		r->proto = i % 2 ? PROTO_UDP : PROTO_TCP;
		if (i % 2 == 1) {
			/* Share the record before's list, as the CSV
			   loader does. */
			q = &reg->records[i - 1];
			r->assignees = q->assignees;
			r->n_assignees = q->n_assignees;
		} else {
			snprintf(name, sizeof name, "Person_%zu", i % 350);
			registry_add_assignee(reg, r, name, strlen(name));
		}
	}
	registry_finish(reg);
	assert_int_equal(reg->n_records, MANY_RECORDS);

	for (i = 0; i < MANY_NAMES; i++) {
		snprintf(name, sizeof name, "sVc-%zu", i);
		n = registry_by_name(reg, name, PROTO_NONE, out, 32);
		for (j = 0, m = 0; j < reg->n_records; j++) {
			if (strcasecmp(reg->records[j].service, name) == 0 &&
			    m < 32)
				want[m++] = (uint32_t)j;
		}
		assert_int_equal(n, m);
		assert_memory_equal(out, want, m * sizeof *out);
		/* A short out keeps the first, in registry order. */
		assert_int_equal(registry_by_name(reg, name, PROTO_NONE, out,
		    2), m);
		assert_memory_equal(out, want, 2 * sizeof *out);
		for (j = 0, m = 0; j < reg->n_records; j++) {
			if (strcasecmp(reg->records[j].service, name) == 0 &&
			    reg->records[j].proto == PROTO_UDP && m < 32)
				want[m++] = (uint32_t)j;
		}
		assert_int_equal(registry_by_name(reg, name, PROTO_UDP, out,
		    32), m);
		assert_memory_equal(out, want, m * sizeof *out);
	}
	assert_int_equal(registry_by_name(reg, "svc-700", PROTO_NONE, out,
	    32), 0);

	for (port = 0; port <= 60010; port += 5) {
		n = registry_at_port(reg, port, PROTO_NONE, out, 32);
		for (j = 0, m = 0; j < reg->n_records; j++) {
			if (reg->records[j].port_lo == port)
				want[m++] = (uint32_t)j;
		}
		assert_int_equal(n, m);
		assert_memory_equal(out, want, m * sizeof *out);
	}

	for (i = 0; i < MANY_RECORDS; i++) {
		q = &reg->records[i];
		snprintf(name, sizeof name, "Person_%zu", (i & ~(size_t)1) %
		    350);
		assert_int_equal(q->assignees[0].person, (i & ~(size_t)1) %
		    350 < 300 ? registry_person(reg, name) : -1);
	}
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "Person_%zu", i);
		assert_int_equal(registry_person(reg, name), (int32_t)i);
	}
	registry_free(reg);
}

static void
bad_ports_are_dropped_at_finish(void **state)
{
	struct registry	*reg = registry_new("bad");

	add(reg, "x", 70000, 70000, PROTO_TCP, "too big", NULL);
	add(reg, "y", 20, 10, PROTO_TCP, "reversed", NULL);
	registry_finish(reg);
	assert_int_equal(reg->records[0].port_lo, -1);
	assert_int_equal(reg->records[1].port_lo, -1);
	registry_free(reg);
}

static void
empty_registry(void **state)
{
	struct registry	*reg = registry_new("empty");
	uint32_t	 out[1];

	registry_finish(reg);
	/* It lists no port, so it covers none: no gap, nothing free. */
	assert_int_equal(reg->n_gaps, 0);
	assert_int_equal(reg->cover_lo, -1);
	assert_false(registry_covers(reg, 22, 22));
	assert_int_equal(registry_free_ranges(reg, PROTO_NONE, 0, 65535, NULL,
	    NULL), 0);
	assert_int_equal(registry_gap_at(reg, 22), -1);
	assert_int_equal(registry_at_port(reg, 22, PROTO_NONE, out, 1), 0);
	assert_int_equal(registry_next_assignment(reg, 0, 1), -1);
	assert_int_equal(registry_person(reg, "x"), -1);
	registry_free(reg);
}

/* Rows covering every port, none Unassigned: no gaps, no free range,
   and (found by fuzz_csv) no sort of the empty gap list. */
static void
registry_without_gaps(void **state)
{
	struct registry	*reg = registry_new("full");

	add(reg, "b", 1, 65535, PROTO_TCP, "the rest", NULL);
	add(reg, "a", 0, 0, PROTO_TCP, "zero", NULL);
	registry_finish(reg);
	assert_int_equal(reg->n_gaps, 0);
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 0, 65535, NULL,
	    NULL), 0);
	assert_int_equal(registry_free_ranges(reg, PROTO_NONE, 0, 65535, NULL,
	    NULL), 0);
	assert_int_equal(reg->records[reg->by_port[0]].port_lo, 0);
	registry_free(reg);
}

struct run_list {
	int32_t		(*runs)[2];
	size_t		 n;
};

/* registry_free_ranges callback: keep the first two runs. */
static void
collect_run(int32_t lo, int32_t hi, void *arg)
{
	struct run_list	*rl = arg;

	if (rl->n < 2) {
		rl->runs[rl->n][0] = lo;
		rl->runs[rl->n][1] = hi;
	}
	rl->n++;
}

/* An excerpt (the seed lists 10128-11108) covers the span of its rows:
   ports outside are neither gaps nor free. */
static void
excerpt_covers_its_span_only(void **state)
{
	struct registry	*reg = registry_new("excerpt");
	int32_t		 runs[2][2];
	struct run_list	 rl = { runs, 0 };

	add(reg, "a", 10128, 10129, PROTO_TCP, "first", NULL);
	add(reg, NULL, 10130, 10159, PROTO_NONE, "Unassigned", NULL);
	add(reg, "b", 10162, 10162, PROTO_UDP, "b", NULL);
	add(reg, "z", 11108, 11108, PROTO_TCP, "last", NULL);
	registry_finish(reg);
	assert_int_equal(reg->cover_lo, 10128);
	assert_int_equal(reg->cover_hi, 11108);
	assert_true(registry_covers(reg, 10128, 11108));
	assert_false(registry_covers(reg, 22, 22));
	assert_false(registry_covers(reg, 11000, 11109));
	/* Gaps: the Unassigned row, 10160-10161 and 10163-11107; never
	   0-10127 or 11109-65535. */
	assert_int_equal(reg->n_gaps, 3);
	assert_int_equal(reg->gaps[0].lo, 10130);
	assert_int_equal(reg->gaps[2].lo, 10163);
	assert_int_equal(reg->gaps[2].hi, 11107);
	assert_int_equal(registry_gap_at(reg, 22), -1);
	assert_int_equal(registry_gap_at(reg, 11109), -1);
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 0, 100, NULL,
	    NULL), 0);
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 10000, 10129,
	    NULL, NULL), 0);
	assert_int_equal(registry_free_ranges(reg, PROTO_TCP, 11100, 65535,
	    collect_run, &rl), 1);
	assert_int_equal(runs[0][0], 11100);
	assert_int_equal(runs[0][1], 11107);
	registry_free(reg);
}

/* A whole registry starts at 0 and runs through 49151; the Dynamic
   ports nobody lists are still a gap. */
static void
whole_registry_covers_every_port(void **state)
{
	struct registry	*reg = registry_new("whole");

	add(reg, NULL, 0, 0, PROTO_TCP, "Reserved", NULL);
	add(reg, NULL, 1, 49150, PROTO_NONE, "Unassigned", NULL);
	add(reg, NULL, 49151, 49151, PROTO_NONE, "Reserved", NULL);
	registry_finish(reg);
	assert_int_equal(reg->cover_lo, 0);
	assert_int_equal(reg->cover_hi, 65535);
	assert_true(registry_covers(reg, 0, 65535));
	assert_int_equal(reg->n_gaps, 2);
	assert_int_equal(reg->gaps[1].lo, 49152);
	assert_int_equal(reg->gaps[1].hi, 65535);
	assert_int_equal(reg->gaps[1].record, -1);
	registry_free(reg);
}

static void
port_classes(void **state)
{
	assert_int_equal(port_class(0), CLASS_SYSTEM);
	assert_int_equal(port_class(1023), CLASS_SYSTEM);
	assert_int_equal(port_class(1024), CLASS_USER);
	assert_int_equal(port_class(49151), CLASS_USER);
	assert_int_equal(port_class(49152), CLASS_DYNAMIC);
	assert_int_equal(port_class(-1), CLASS_NONE);
	assert_int_equal(proto_parse("UDP", 3), PROTO_UDP);
	assert_int_equal(proto_parse("udpx", 4), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(kinds_are_derived, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(port_inside_range_finds_range,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(port_with_protocol, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(at_port_counts_beyond_cap,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(range_query_in_registry_order,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    name_lookup_is_case_insensitive, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    next_assignment_skips_reserved_and_same_port, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(next_gap_record, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(gaps_include_unlisted_ranges,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(gap_neighbours, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(free_ranges_per_protocol,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(people_resolve_and_count,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(dangling_person_ref, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(stats_count, setup, teardown),
		cmocka_unit_test(duplicate_person_id_warns),
		cmocka_unit_test(duplicate_ids_warn_in_id_order),
		cmocka_unit_test(many_records_answer_like_a_scan),
		cmocka_unit_test(no_people_table_no_dangling_warnings),
		cmocka_unit_test(registry_without_gaps),
		cmocka_unit_test(bad_ports_are_dropped_at_finish),
		cmocka_unit_test(empty_registry),
		cmocka_unit_test(excerpt_covers_its_span_only),
		cmocka_unit_test(whole_registry_covers_every_port),
		cmocka_unit_test(port_classes),
	};

	return RUN_TESTS(tests);
}
