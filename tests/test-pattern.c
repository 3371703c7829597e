/*
 * test-pattern.c - regex search over records: prefixes, smart case, the
 * people join, limits, the scan and highlighting spans.
 */
#include "config.h"

#include "test.h"
#include "builder.h"

#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "xmalloc.h"

/* Record indexes of the hand-built registry. */
enum {
	R_NBD_TCP, R_NBD_UDP, R_ECHO, R_X11, R_RDP, R_GAP, R_DEASSIGNED,
	R_BADUTF, R_DANGLING, R_SC, R_RUNAWAY, R_COUNT
};

static struct registry *
build(void)
{
	struct registry	*reg = registry_new("test");
	struct record	*r;
	int		 proto;

	for (proto = PROTO_TCP; proto <= PROTO_UDP; proto++) {
		r = add(reg, "nbd", 10809, 10809, proto,
		    "Network Block Device", "Wouter_Verhelst");
		r->registered = registry_strdup(reg, "2010-06-11");
	}
	r = add(reg, "echo", 7, 7, PROTO_TCP, "Echo", "Jon_Postel");
	registry_add_ref(reg, r, "RFC862", 6);
	r = add(reg, "x11", 6000, 6063, PROTO_TCP, "X Window System", NULL);
	registry_add_assignee(reg, r, "Robert_Scheifler", 16);
	registry_add_ref(reg, r, "RFC1013", 7);
	r = add(reg, "rdp", -1, -1, PROTO_NONE,
	    "a network of reliable datagrams, like echo", NULL);
	add(reg, NULL, 10130, 10159, PROTO_NONE, "Unassigned", NULL);
	r = add(reg, "oldsvc", 2, 2, PROTO_TCP, "Reserved", NULL);
	r->notes = registry_strdup(reg, "De-assigned on\n2023-12-05.");
	r->unauthorized = registry_strdup(reg, "known misuse by botnets");
	r->modified = registry_strdup(reg, "2023-12-05");
	add(reg, "badutf", 4000, 4000, PROTO_SCTP,
	    "caf\xc3 \xff\xfe ok Gr\xc3\xbc\xc3\x9f" "e \xe2\x82", NULL);
	add(reg, "lost", 4001, 4001, PROTO_DCCP, "Nobody knows",
	    "Nobody_Known");
	r = add(reg, "discard", 9, 9, PROTO_DCCP, "Discard", NULL);
	r->service_code = registry_strdup(reg, "1145656131");
	add(reg, "slow", 4002, 4002, PROTO_UDP,
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! word word word word "
	    "word word word word word word word word word word word word "
	    "word word word word word word word word word word.", NULL);

	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst",
	    .email = "w@uter.be");
	person(reg, .id = "Jon_Postel", .name = "Jon Postel", .org = "ISI",
	    .email = "postel@isi.edu");
	person(reg, .id = "Robert_Scheifler", .name = "Robert Scheifler",
	    .org = "MIT");
	registry_finish(reg);
	assert_int_equal(reg->n_records, R_COUNT);
	return reg;
}

static int
setup(void **state)
{
	struct registry	*reg = build();

	state[0] = reg;
	return 0;
}

static int
teardown(void **state)
{
	registry_free(state[0]);
	return 0;
}

/* The records expr finds, as a bit mask, asserting it compiles and the
   scan is not limited and agrees with pattern_match record by record. */
static unsigned
found(struct registry *reg, const char *expr)
{
	struct haystack	*h = haystack_new(reg);
	struct pattern	*p;
	uint32_t	 out[R_COUNT];
	char		*err = NULL;
	size_t		 n, i;
	unsigned	 mask = 0, each = 0;
	int		 limited = -1;

	p = pattern_new(expr, &err);
	if (p == NULL)
		fail_msg("%s: %s", expr, err);
	n = pattern_scan(p, h, out, R_COUNT, &limited);
	assert_int_equal(limited, 0);
	for (i = 0; i < n; i++) {
		if (i > 0)
			assert_true(out[i] > out[i - 1]);
		mask |= 1u << out[i];
	}
	for (i = 0; i < reg->n_records; i++) {
		if (pattern_match(p, h, i) == PATTERN_MATCH)
			each |= 1u << i;
	}
	assert_int_equal(each, mask);
	pattern_free(p);
	haystack_free(h);
	return mask;
}

#define B(x)	(1u << (x))

static void
plain_match_across_fields(void **state)
{
	struct registry	*reg = state[0];

	assert_int_equal(found(reg, "block"), B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "10809"), B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "udp"), B(R_NBD_UDP) | B(R_RUNAWAY));
	assert_int_equal(found(reg, "RFC1013"), B(R_X11));
	assert_int_equal(found(reg, "2010-06"), B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "botnet"), B(R_DEASSIGNED));
	assert_int_equal(found(reg, "1145656131"), B(R_SC));
	assert_int_equal(found(reg, "zzz"), 0);
}

static void
smart_case(void **state)
{
	struct registry	*reg = state[0];
	unsigned	 nbd = B(R_NBD_TCP) | B(R_NBD_UDP);

	/* Lowercase finds any case; one capital makes it exact. */
	assert_int_equal(found(reg, "network block"), nbd);
	assert_int_equal(found(reg, "network"), nbd | B(R_RDP));
	assert_int_equal(found(reg, "Network"), nbd);
	assert_int_equal(found(reg, "NETWORK"), 0);
	/* Escapes with capitals do not count... */
	assert_int_equal(found(reg, "block\\Wdevice"), nbd);
	assert_int_equal(found(reg, "\\Snetwork|netw\\Srk"), nbd | B(R_RDP));
	assert_int_equal(found(reg, "\\p{L}etwork block"), nbd);
	assert_int_equal(found(reg, "\\x{4E}etwork block"), nbd);
	assert_int_equal(found(reg, "(?<Word>network) block\\b"), nbd);
	assert_int_equal(found(reg, "(*UCP)network block"), nbd);
	/* ...nor options, but a literal inside \Q..\E does. */
	assert_int_equal(found(reg, "(?i)NETWORK"), nbd | B(R_RDP));
	assert_int_equal(found(reg, "\\QNetwork\\E"), nbd);
	/* Non-ASCII capitals count too. */
	assert_int_equal(found(reg, "gr\xc3\xbc\xc3\x9f" "e"), B(R_BADUTF));
	assert_int_equal(found(reg, "GR\xc3\x9c"), 0);
}

static void
each_prefix_narrows(void **state)
{
	struct registry	*reg = state[0];
	struct pattern	*p;
	char		*err;

	assert_int_equal(found(reg, "echo"), B(R_ECHO) | B(R_RDP));
	assert_int_equal(found(reg, "name:echo"), B(R_ECHO));
	assert_int_equal(found(reg, "desc:echo"), B(R_ECHO) | B(R_RDP));
	assert_int_equal(found(reg, "nbd"), B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "desc:nbd"), 0);
	assert_int_equal(found(reg, "proto:udp"), B(R_NBD_UDP) | B(R_RUNAWAY));
	assert_int_equal(found(reg, "proto:^$"), B(R_RDP) | B(R_GAP));
	assert_int_equal(found(reg, "port:^7$"), B(R_ECHO));
	assert_int_equal(found(reg, "ref:862"), B(R_ECHO));
	assert_int_equal(found(reg, "note:de-assigned"), B(R_DEASSIGNED));
	assert_int_equal(found(reg, "note:botnet"), B(R_DEASSIGNED));
	assert_int_equal(found(reg, "date:2023"), B(R_DEASSIGNED));
	assert_int_equal(found(reg, "desc:2023"), 0);
	assert_int_equal(found(reg, "who:postel"), B(R_ECHO));
	assert_int_equal(found(reg, "name:postel"), 0);
	/* The service code has no prefix of its own. */
	assert_int_equal(found(reg, "note:1145656131"), 0);
	/* Only the eight prefixes are prefixes. */
	assert_int_equal(found(reg, "http://x"), 0);

	p = pattern_new("who:x", &err);
	assert_non_null(p);
	assert_string_equal(pattern_field(p), "who");
	pattern_free(p);
	p = pattern_new("nbd", &err);
	assert_null(pattern_field(p));
	pattern_free(p);
}

static void
who_finds_person_name(void **state)
{
	struct registry	*reg = state[0];

	assert_int_equal(found(reg, "who:Jon Postel"), B(R_ECHO));
	assert_int_equal(found(reg, "Jon Postel"), B(R_ECHO));
	assert_int_equal(found(reg, "who:^ISI$"), B(R_ECHO));
	assert_int_equal(found(reg, "who:scheifler"), B(R_X11));
	/* Ids as written, whether or not a person entry exists. */
	assert_int_equal(found(reg, "who:Jon_Postel"), B(R_ECHO));
	assert_int_equal(found(reg, "who:nobody_known"), B(R_DANGLING));
}

static void
who_finds_email(void **state)
{
	struct registry	*reg = state[0];
	unsigned	 nbd = B(R_NBD_TCP) | B(R_NBD_UDP);

	assert_int_equal(found(reg, "w@uter\\.be"), nbd);
	assert_int_equal(found(reg, "who:^w@uter"), nbd);
	assert_int_equal(found(reg, "postel@isi\\.edu$"), B(R_ECHO));
}

static void
port_range_text(void **state)
{
	struct registry	*reg = state[0];

	assert_int_equal(found(reg, "port:^6000-6063$"), B(R_X11));
	assert_int_equal(found(reg, "port:6063"), B(R_X11));
	assert_int_equal(found(reg, "port:^10130-"), B(R_GAP));
	/* Text, not arithmetic: 6010 is inside the range but not written. */
	assert_int_equal(found(reg, "port:6010"), 0);
	/* A name-only record has an empty port. */
	assert_int_equal(found(reg, "port:^$"), B(R_RDP));
}

static void
field_anchors_and_record_bounds(void **state)
{
	struct registry	*reg = state[0];

	assert_int_equal(found(reg, "name:^nbd$"),
	    B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "name:^$"), B(R_GAP));
	assert_int_equal(found(reg, "ref:^RFC862$"), B(R_ECHO));
	/* Record boundaries are never crossed: the names section is
	   "nbd\nnbd\necho...", one record per line. */
	assert_int_equal(found(reg, "name:nbd\\snbd"), 0);
	assert_int_equal(found(reg, "nbd\\s+echo"), 0);
	assert_int_equal(found(reg, "device\\s+[a-z]"), 0);
	/* Line breaks inside a note are spaces. */
	assert_int_equal(found(reg, "note:on 2023"), B(R_DEASSIGNED));
	/* Anchors and lookaround give the same answer as record by
	   record (found() checks the scan against pattern_match). */
	assert_int_equal(found(reg, "\\Aecho\\z"), B(R_ECHO));
	assert_int_equal(found(reg, "(?<=X )Window"), B(R_X11));
	assert_int_equal(found(reg, "^nbd(?!\\s)"),
	    B(R_NBD_TCP) | B(R_NBD_UDP));
	assert_int_equal(found(reg, "desc:^(*COMMIT)echo"), B(R_ECHO));
	/* Possessive and atomic: may not give back a line break. */
	assert_int_equal(found(reg, "device\\s*+$"), B(R_NBD_TCP) |
	    B(R_NBD_UDP));
	assert_int_equal(found(reg, "(?>device\\s*)$"), B(R_NBD_TCP) |
	    B(R_NBD_UDP));
	/* \K moves the start of the match, not the record. */
	assert_int_equal(found(reg, "nbd\\s\\Kecho"), 0);
	assert_int_equal(found(reg, "x\\K11"), B(R_X11));
	/* A greedy run through many records still finds each one. */
	assert_int_equal(found(reg, "proto:(\\w+\\s?)+$"),
	    (B(R_COUNT) - 1) & ~(B(R_RDP) | B(R_GAP)));
}

static void
start_options_and_interpreter(void **state)
{
	struct registry	*reg = state[0];
	const char	*same[] = { "block", "name:^nbd$", "who:postel",
	    "port:^6000-", "(?<=X )Window", "tcp|udp", "^$", NULL };
	struct haystack	*h = haystack_new(reg);
	struct pattern	*p;
	char		*err, *s;
	int		 i;

	/* \w is ASCII unless (*UCP) asks for Unicode. */
	assert_int_equal(found(reg, "gr\\w\\we"), 0);
	assert_int_equal(found(reg, "(*UCP)gr\\w\\we"), B(R_BADUTF));
	assert_int_equal(found(reg, "desc:(*UCP)gr\\w\\we"), B(R_BADUTF));

	/* PCRE2's interpreter gives the same answers as JIT. */
	p = pattern_new("nbd", &err);
	assert_non_null(p);
	pattern_free(p);
	for (i = 0; same[i] != NULL; i++) {
		if (strchr(same[i], ':') != NULL)
			s = xasprintf("%.*s(*NO_JIT)%s",
			    (int)(strchr(same[i], ':') - same[i] + 1),
			    same[i], strchr(same[i], ':') + 1);
		else
			s = xasprintf("(*NO_JIT)%s", same[i]);
		p = pattern_new(s, &err);
		assert_non_null(p);
		assert_false(pattern_jit(p));
		assert_int_equal(found(reg, s), found(reg, same[i]));
		pattern_free(p);
		free(s);
	}
	p = pattern_new("(*NO_JIT)(a+)+$", &err);
	assert_int_equal(pattern_match(p, h, R_RUNAWAY), PATTERN_LIMIT);
	pattern_free(p);
	haystack_free(h);
}

/* What counts as a field prefix, and proto: without case. */
static void
prefix_rules(void **state)
{
	struct registry	*reg = state[0];
	struct pattern	*p;
	char		*err = NULL;

	/* An unknown word: prefix is an error naming the known ones. */
	p = pattern_new("foo:bar", &err);
	assert_null(p);
	assert_non_null(err);
	assert_non_null(strstr(err, "unknown prefix 'foo:'"));
	assert_non_null(strstr(err, "name: desc: proto: port: who: ref: "
	    "note: date:"));
	free(err);
	/* "names:" is not "name:" plus "s:". */
	assert_null(pattern_new("names:nbd", &err));
	free(err);
	err = NULL;

	/* Not a prefix: a URL, capitals, digits, an escaped colon. */
	assert_int_equal(found(reg, "https?://"), 0);
	assert_int_equal(found(reg, "http://x"), 0);
	assert_int_equal(found(reg, "\\d+:"), 0);
	assert_int_equal(found(reg, "Echo:?"), B(R_ECHO));
	assert_int_equal(found(reg, "foo\\:bar"), 0);

	/* Protocols have no case, whatever smart case says. */
	assert_int_equal(found(reg, "proto:SCTP"), B(R_BADUTF));
	assert_int_equal(found(reg, "proto:^UDP$"), found(reg, "proto:^udp$"));
	/* Other prefixes keep smart case. */
	assert_int_equal(found(reg, "name:NBD"), 0);
}

static void
bad_pattern_message(void **state)
{
	struct pattern	*p;
	char		*err = NULL;

	p = pattern_new("(abc", &err);
	assert_null(p);
	assert_non_null(err);
	assert_non_null(strstr(err, "missing closing parenthesis"));
	assert_non_null(strstr(err, "at offset 4"));
	free(err);

	/* The offset counts from the start of what was typed. */
	p = pattern_new("name:a[b", &err);
	assert_null(p);
	assert_non_null(strstr(err, "offset 8"));
	free(err);

	p = pattern_new("x{2,1}", &err);
	assert_null(p);
	assert_non_null(strstr(err, "offset"));
	free(err);

	/* Invalid UTF-8 in the pattern is a message, not a crash. */
	p = pattern_new("ab\xff", &err);
	assert_null(p);
	assert_non_null(strstr(err, "offset"));
	free(err);
}

static void
empty_pattern_error(void **state)
{
	const char	*empty[] = { "", "name:", "who:", NULL };
	struct pattern	*p;
	char		*err;
	int		 i;

	for (i = 0; empty[i] != NULL; i++) {
		err = NULL;
		p = pattern_new(empty[i], &err);
		assert_null(p);
		assert_non_null(err);
		assert_string_equal(err, "empty pattern");
		free(err);
	}
}

static void
runaway_pattern_limited(void **state)
{
	struct registry	*reg = state[0];
	/* Unprefixed, (\w+\s?)*$ matches every record (at the end of its
	   name); under desc: it must get through the long description. */
	const char	*runaway[] = { "(a+)+$", "desc:(\\w+\\s?)*$", NULL };
	struct haystack	*h = haystack_new(reg);
	struct pattern	*p;
	uint32_t	 out[R_COUNT];
	char		*err;
	size_t		 n, i;
	int		 k, limited;

	for (k = 0; runaway[k] != NULL; k++) {
		p = pattern_new(runaway[k], &err);
		assert_non_null(p);
		assert_int_equal(pattern_match(p, h, R_RUNAWAY),
		    PATTERN_LIMIT);
		limited = 0;
		n = pattern_scan(p, h, out, R_COUNT, &limited);
		assert_int_equal(limited, 1);
		for (i = 0; i < n && i < R_COUNT; i++)
			assert_int_not_equal(out[i], R_RUNAWAY);
		pattern_free(p);
	}
	/* The limits are per pattern, not sticky: a tame one after. */
	p = pattern_new("word\\.$", &err);
	limited = 1;
	n = pattern_scan(p, h, out, R_COUNT, &limited);
	assert_int_equal(limited, 0);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], R_RUNAWAY);
	pattern_free(p);
	haystack_free(h);
}

static void
invalid_utf8_in_data(void **state)
{
	struct registry	*reg = state[0];
	struct pattern	*p;
	const char	 text[] = "x\xff\xc3 caf\xc3\xa9 \xe2\x82";
	size_t		 ms = 99, me = 99;
	char		*err;

	/* Valid text after broken bytes is still found. */
	assert_int_equal(found(reg, "ok gr"), B(R_BADUTF));
	assert_int_equal(found(reg, "desc:caf"), B(R_BADUTF));
	/* Broken bytes match no character, not even ".". */
	assert_int_equal(found(reg, "caf.\\s"), 0);
	assert_int_equal(found(reg, "name:badutf|caf\\S"), B(R_BADUTF));

	p = pattern_new("caf\xc3\xa9", &err);
	assert_non_null(p);
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 0, &ms, &me),
	    1);
	assert_int_equal(ms, 4);
	assert_int_equal(me, 9);
	/* Starting inside a broken sequence is fine too. */
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 2, &ms, &me),
	    1);
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 12, &ms,
	    &me), 0);
	pattern_free(p);

	/* So is starting inside a valid one (a caller's byte offset). */
	p = pattern_new("\\w", &err);
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 8, &ms, &me),
	    0);
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 7, &ms, &me),
	    0);
	assert_int_equal(pattern_span(p, text, sizeof text - 1, 6, &ms, &me),
	    1);
	assert_int_equal(ms, 6);
	pattern_free(p);
}

static void
scan_order_and_cap(void **state)
{
	struct registry	*reg = state[0];
	struct haystack	*h = haystack_new(reg);
	struct pattern	*p;
	uint32_t	 out[R_COUNT + 1];
	char		*err;
	size_t		 n, i, all;
	int		 limited;

	p = pattern_new("tcp", &err);
	assert_non_null(p);
	all = pattern_scan(p, h, out, R_COUNT, &limited);
	assert_int_equal(all, 4);	/* nbd, echo, x11, oldsvc */
	assert_int_equal(out[0], R_NBD_TCP);
	assert_int_equal(out[1], R_ECHO);
	assert_int_equal(out[2], R_X11);
	assert_int_equal(out[3], R_DEASSIGNED);

	/* The cap bounds what is written, not what is counted. */
	for (i = 0; i < R_COUNT + 1; i++)
		out[i] = 0xdeadbeef;
	n = pattern_scan(p, h, out, 2, &limited);
	assert_int_equal(n, all);
	assert_int_equal(out[0], R_NBD_TCP);
	assert_int_equal(out[1], R_ECHO);
	assert_int_equal(out[2], 0xdeadbeef);
	assert_int_equal(pattern_scan(p, h, NULL, 0, NULL), all);
	pattern_free(p);

	/* A pattern matching everywhere finds every record once. */
	p = pattern_new("", &err);
	assert_null(p);
	free(err);
	p = pattern_new("|x", &err);
	assert_non_null(p);
	assert_int_equal(pattern_scan(p, h, out, R_COUNT, &limited), R_COUNT);
	for (i = 0; i < R_COUNT; i++)
		assert_int_equal(out[i], i);
	pattern_free(p);
	haystack_free(h);
}

static void
span_offsets(void **state)
{
	struct pattern	*p;
	const char	*t = "Network Block Device, block two";
	size_t		 ms, me;
	char		*err;

	p = pattern_new("desc:block", &err);
	assert_non_null(p);
	/* The prefix narrows records, not spans. */
	assert_int_equal(pattern_span(p, t, strlen(t), 0, &ms, &me), 1);
	assert_int_equal(ms, 8);
	assert_int_equal(me, 13);
	assert_int_equal(pattern_span(p, t, strlen(t), me, &ms, &me), 1);
	assert_int_equal(ms, 22);
	assert_int_equal(me, 27);
	assert_int_equal(pattern_span(p, t, strlen(t), me, &ms, &me), 0);
	/* Only text[..len) is searched; start past len is no match. */
	assert_int_equal(pattern_span(p, t, 12, 0, &ms, &me), 0);
	assert_int_equal(pattern_span(p, t, strlen(t), 99, &ms, &me), 0);
	pattern_free(p);

	p = pattern_new("^", &err);
	assert_int_equal(pattern_span(p, t, strlen(t), 0, &ms, &me), 1);
	assert_int_equal(ms, 0);
	assert_int_equal(me, 0);
	pattern_free(p);

	p = pattern_new("(a+)+$", &err);
	t = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
	assert_int_equal(pattern_span(p, t, strlen(t), 0, &ms, &me),
	    PATTERN_LIMIT);
	pattern_free(p);
}

static void
empty_and_odd_registries(void **state)
{
	struct registry	*reg = registry_new("empty");
	struct haystack	*h;
	struct pattern	*p;
	struct record	*r;
	uint32_t	 out[4];
	char		*err;
	int		 limited = 1;

	registry_finish(reg);
	h = haystack_new(reg);
	p = pattern_new("x|", &err);
	assert_non_null(p);
	assert_int_equal(pattern_scan(p, h, out, 4, &limited), 0);
	assert_int_equal(limited, 0);
	assert_int_equal(pattern_match(p, h, 0), PATTERN_NOMATCH);
	haystack_free(h);
	registry_free(reg);

	/* A record with nothing at all, people refs without people. */
	reg = registry_new("odd");
	registry_add_record(reg);
	r = registry_add_record(reg);
	registry_add_contact(reg, r, "Ghost", 5);
	registry_finish(reg);
	h = haystack_new(reg);
	assert_int_equal(pattern_scan(p, h, out, 4, &limited), 2);
	assert_int_equal(pattern_match(p, h, 2), PATTERN_NOMATCH);
	pattern_free(p);
	p = pattern_new("who:ghost", &err);
	assert_int_equal(pattern_scan(p, h, out, 4, &limited), 1);
	assert_int_equal(out[0], 1);
	assert_int_equal(pattern_match(p, h, 1), PATTERN_MATCH);
	assert_int_equal(pattern_match(p, h, 0), PATTERN_NOMATCH);
	pattern_free(p);
	haystack_free(h);
	registry_free(reg);

	/* NULL is never fatal. */
	haystack_free(NULL);
	pattern_free(NULL);
	assert_int_equal(pattern_scan(NULL, NULL, NULL, 0, &limited), 0);
}

/* --- The real registry (the shipped 2026 XML) ------------------------- */

static struct registry *
real_registry(void)
{
	struct registry	*reg;
	char		*err = NULL;

	reg = load_file(test_shipped(XML_SHIPPED), LOAD_XML, &err);
	if (reg == NULL)
		fail_msg("%s", err);
	return reg;
}

static void
real_xml_who_jon_postel(void **state)
{
	struct registry	*reg = real_registry();
	struct haystack	*h;
	struct pattern	*p;
	struct record	*r;
	uint32_t	*out;
	char		*err;
	size_t		 n, i;
	int		 limited, echo = 0;

	h = haystack_new(reg);
	out = xcalloc(reg->n_records, sizeof *out);
	p = pattern_new("who:Jon Postel", &err);
	assert_non_null(p);
	n = pattern_scan(p, h, out, reg->n_records, &limited);
	assert_int_equal(limited, 0);
	assert_true(n > 1);
	for (i = 0; i < n; i++) {
		r = &reg->records[out[i]];
		assert_int_equal(pattern_match(p, h, out[i]), PATTERN_MATCH);
		if (r->service != NULL && strcmp(r->service, "echo") == 0 &&
		    r->port_lo == 7 && r->proto == PROTO_TCP)
			echo = 1;
	}
	assert_true(echo);
	pattern_free(p);

	/* Nothing under who: is found in a name or description. */
	p = pattern_new("who:^echo$", &err);
	assert_int_equal(pattern_scan(p, h, out, reg->n_records, &limited),
	    0);
	pattern_free(p);

	free(out);
	haystack_free(h);
	registry_free(reg);
}

/* The chunked scan and record-by-record matching agree on every record
   of the real registry, for patterns of every shape. */
static void
real_xml_scan_agrees_with_match(void **state)
{
	const char	*patterns[] = {
		"nbd", "a", "^$", "\\s+", "tcp\\s*$", "[^x]+y", "\\d{5}",
		"\\n", "(?<=tcp)", "port:^\\d+$", "proto:(\\w+\\s?)+$",
		"who:\\s", "who:^[A-Z]", "desc:.$", "e\\s*+$", "date:-\\d+$",
		"(*UCP)\\w{12}", "ref:^RFC\\d+\\s", NULL
	};
	struct registry	*reg = real_registry();
	struct haystack	*h;
	struct pattern	*p;
	uint32_t	*out;
	char		*err;
	size_t		 n, i, k, at;
	int		 limited, rc;

	h = haystack_new(reg);
	out = xcalloc(reg->n_records, sizeof *out);
	for (k = 0; patterns[k] != NULL; k++) {
		p = pattern_new(patterns[k], &err);
		assert_non_null(p);
		pattern_set_budget(p, 0);
		n = pattern_scan(p, h, out, reg->n_records, &limited);
		assert_int_equal(limited, 0);
		for (i = 0, at = 0; i < reg->n_records; i++) {
			rc = pattern_match(p, h, i);
			if (at < n && out[at] == i) {
				if (rc != PATTERN_MATCH)
					fail_msg("%s: record %zu scanned, "
					    "not matched", patterns[k], i);
				at++;
			} else if (rc == PATTERN_MATCH)
				fail_msg("%s: record %zu matched, not "
				    "scanned", patterns[k], i);
		}
		pattern_free(p);
	}
	free(out);
	haystack_free(h);
	registry_free(reg);
}

/*
 * A registry of 15,000 records whose neighbours share strings and lists
 * as the CSV loader makes them, with long descriptions holding CR LF:
 * big enough for the haystack's large block, and more text than its
 * first guess.  Scans agree with pattern_match and find what a plain
 * look at the fields finds.
 */
#define BIG_RECORDS	15000

static void
big_shared_registry_scans_like_match(void **state)
{
	const char	*patterns[] = {
		"desc:number 123 ", "name:^svc-42$", "number 77  line",
		"who:^Id_9$",
		"date:^2001-01-0[1-3]$", "port:^1000$", "proto:^udp$",
		"note:every fifth 10\\b", NULL
	};
	const size_t	 expect[] = {
		3, 2, 3, 2 * 8, 2 * 36, 2, BIG_RECORDS / 2, 1,
	};
	struct registry	*reg = registry_new("big");
	struct record	*r;
	const struct record *q;
	struct haystack	*h;
	struct pattern	*p;
	uint32_t	*out;
	char		 buf[256], *err;
	size_t		 i, k, n, at;
	int		 limited, rc;

	for (i = 0; i < BIG_RECORDS; i++) {
		r = registry_add_record(reg);
		q = i > 0 ? &reg->records[i - 1] : NULL;
		if (i % 2 == 1) {
			r->service = q->service;
			r->port_lo = r->port_hi = q->port_lo;
			r->assignees = q->assignees;
			r->n_assignees = q->n_assignees;
			r->contacts = q->contacts;
			r->n_contacts = q->n_contacts;
		} else {
			snprintf(buf, sizeof buf, "svc-%zu", i / 2);
			r->service = registry_strdup(reg, buf);
			r->port_lo = r->port_hi = (int32_t)(i / 2);
			snprintf(buf, sizeof buf, "Id_%zu", i / 2 % 1000);
			registry_add_assignee(reg, r, buf, strlen(buf));
			r->contacts = r->assignees;
			r->n_contacts = r->n_assignees;
		}
		r->proto = i % 2 ? PROTO_UDP : PROTO_TCP;
		if (i % 3 != 0)
			r->description = q->description;
		else {
			snprintf(buf, sizeof buf, "Description number %zu\r\n"
			    "line two of a long text, long enough for the "
			    "haystack to outgrow its first guess of eighty "
			    "bytes a record", i / 3);
			r->description = registry_strdup(reg, buf);
		}
		if (i % 5 == 0) {
			snprintf(buf, sizeof buf, "every fifth %zu", i / 5);
			r->notes = registry_strdup(reg, buf);
		}
		snprintf(buf, sizeof buf, "%04zu-01-%02zu", 2000 + i / 2 / 365,
		    i / 2 % 365 / 12 + 1);
		r->registered = q != NULL && strcmp(q->registered, buf) == 0 ?
		    q->registered : registry_strdup(reg, buf);
	}
	registry_finish(reg);
	h = haystack_new(reg);
	out = xcalloc(reg->n_records, sizeof *out);
	for (k = 0; patterns[k] != NULL; k++) {
		p = pattern_new(patterns[k], &err);
		assert_non_null(p);
		pattern_set_budget(p, 0);
		n = pattern_scan(p, h, out, reg->n_records, &limited);
		assert_int_equal(limited, 0);
		if (n != expect[k])
			fail_msg("%s: %zu found, %zu expected", patterns[k], n,
			    expect[k]);
		for (i = 0, at = 0; i < reg->n_records; i++) {
			rc = pattern_match(p, h, i);
			if (at < n && out[at] == i) {
				if (rc != PATTERN_MATCH)
					fail_msg("%s: record %zu scanned, "
					    "not matched", patterns[k], i);
				at++;
			} else if (rc == PATTERN_MATCH)
				fail_msg("%s: record %zu matched, not "
				    "scanned", patterns[k], i);
		}
		pattern_free(p);
	}
	free(out);
	haystack_free(h);
	registry_free(reg);
}

static void
real_xml_runaway_is_limited(void **state)
{
	struct registry	*reg = real_registry();
	struct haystack	*h;
	struct pattern	*p;
	char		*err;
	int		 limited = 0;

	h = haystack_new(reg);
	/* Completes; (a+)+$ has little to chew on in real text... */
	p = pattern_new("(a+)+$", &err);
	assert_non_null(p);
	pattern_set_budget(p, 0);
	(void)pattern_scan(p, h, NULL, 0, &limited);
	pattern_free(p);
	/* ...while this one blows up on descriptions with punctuation. */
	p = pattern_new("desc:(\\w+\\s?)*$", &err);
	pattern_set_budget(p, 0);
	limited = 0;
	(void)pattern_scan(p, h, NULL, 0, &limited);
	assert_int_equal(limited, 1);
	pattern_free(p);
	haystack_free(h);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(plain_match_across_fields,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(smart_case, setup, teardown),
		cmocka_unit_test_setup_teardown(each_prefix_narrows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(who_finds_person_name, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(who_finds_email, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(port_range_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    field_anchors_and_record_bounds, setup, teardown),
		cmocka_unit_test_setup_teardown(start_options_and_interpreter,
		    setup, teardown),
		cmocka_unit_test(bad_pattern_message),
		cmocka_unit_test(empty_pattern_error),
		cmocka_unit_test_setup_teardown(runaway_pattern_limited, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(invalid_utf8_in_data, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(scan_order_and_cap, setup,
		    teardown),
		cmocka_unit_test(span_offsets),
		cmocka_unit_test_setup_teardown(prefix_rules, setup, teardown),
		cmocka_unit_test(empty_and_odd_registries),
		cmocka_unit_test(real_xml_who_jon_postel),
		cmocka_unit_test(big_shared_registry_scans_like_match),
		cmocka_unit_test(real_xml_scan_agrees_with_match),
		cmocka_unit_test(real_xml_runaway_is_limited),
	};

	return RUN_TESTS(tests);
}
