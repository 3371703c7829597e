/*
 * test-literal.c - the plain-word fast path (literal.h) answers as
 * pattern_scan does, record for record: whole scans and narrowing, on a
 * registry with the letters PCRE2's caseless matching folds oddly
 * (Kelvin sign, long s, dotted and dotless i) and on the shipped XML.
 */
#include "config.h"

#include "test.h"
#include "builder.h"

#include "haystack.h"
#include "literal.h"
#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "xmalloc.h"

static void
plain_words_only(void **state)
{
	const char	*no[] = { "Kerb", "a.b", "x|y", "name:nbd", "who:x",
	    "(?i)x", "\xc3\xa9t\xc3\xa9", "a\\d", "", "tab\there", "^x",
	    "[x]", "x{2}", NULL };
	char		*w;
	size_t		 i;

	(void)state;
	w = literal_of("kerberos");
	assert_string_equal(w, "kerberos");
	free(w);
	w = literal_of("remote des");
	assert_string_equal(w, "remote des");
	free(w);
	/* Not a prefix: ':' before '/'. */
	w = literal_of("https://x");
	assert_string_equal(w, "https://x");
	free(w);
	for (i = 0; no[i] != NULL; i++)
		assert_null(literal_of(no[i]));
}

/* word and each of its prefixes, narrowing, against pattern_scan. */
static void
agree(const struct registry *reg, struct haystack *h, const char *word)
{
	uint32_t	*want, *got, *prev;
	struct pattern	*p;
	size_t		 nw, ng, np = 0, len, i;
	char		*err = NULL, *w, *part;
	int		 limited;

	want = xcalloc(reg->n_records + 1, sizeof *want);
	got = xcalloc(reg->n_records + 1, sizeof *got);
	prev = xcalloc(reg->n_records + 1, sizeof *prev);
	for (len = 1; len <= strlen(word); len++) {
		part = xasprintf("%.*s", (int)len, word);
		p = pattern_new(part, &err);
		assert_non_null(p);
		nw = pattern_scan(p, h, want, reg->n_records, &limited);
		pattern_free(p);
		assert_int_equal(limited, 0);
		w = literal_of(part);
		assert_non_null(w);
		ng = literal_scan(h, w, NULL, 0, got);
		if (ng != nw || memcmp(got, want, nw * sizeof *got) != 0)
			fail_msg("'%s': %zu records by memmem, %zu by PCRE2",
			    part, ng, nw);
		if (len > 1) {
			/* Narrowing the last answer, in place. */
			np = literal_scan(h, w, prev, np, prev);
			if (np != nw || memcmp(prev, want, nw * sizeof *prev))
				fail_msg("'%s' narrowed: %zu, not %zu", part,
				    np, nw);
		} else {
			np = ng;
			for (i = 0; i < ng; i++)
				prev[i] = got[i];
		}
		free(w);
		free(part);
	}
	free(want);
	free(got);
	free(prev);
}

static void
folds_as_pcre2(void **state)
{
	struct registry	*reg = registry_new("t");
	struct haystack	*h;
	const char	*words[] = { "k", "200k", "s", "special", "i",
	    "irmak", "diyar", "echo", "postel", "isi", "w@uter", "6000-6063",
	    "tcp", "rfc862", "2010-06", "heat", "a b", NULL };
	struct record	*r;
	size_t		 i;

	(void)state;
	add(reg, "nbd", 10809, 10809, PROTO_TCP, "Network Block Device",
	    "Wouter_Verhelst");
	r = add(reg, "echo", 7, 7, PROTO_TCP, "Echo", "Jon_Postel");
	registry_add_ref(reg, r, "RFC862", 6);
	r->registered = registry_strdup(reg, "2010-06-11");
	add(reg, "x11", 6000, 6063, PROTO_TCP, "X Window System", NULL);
	add(reg, "heat", 1, 1, PROTO_UDP, "200\xe2\x84\xaa heat",
	    NULL);
	add(reg, "long", 2, 2, PROTO_UDP, "\xc5\xbfpecial a\nb", NULL);
	add(reg, "dotted", 3, 3, PROTO_UDP, "D\xc4\xb0YARBAKIR", NULL);
	add(reg, "dotless", 4, 4, PROTO_UDP, "\xc4\xb1rmak \xe2\x84", NULL);
	add(reg, NULL, 5, 9, PROTO_NONE, "Unassigned", NULL);
	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst",
	    .email = "w@uter.be");
	person(reg, .id = "Jon_Postel", .name = "Jon Postel", .org = "ISI");
	registry_finish(reg);
	h = haystack_new(reg);
	assert_false(literal_ready(h));
	literal_prepare(h);
	assert_true(literal_ready(h));
	for (i = 0; words[i] != NULL; i++)
		agree(reg, h, words[i]);
	haystack_free(h);
	registry_free(reg);
}

static void
real_xml_agrees(void **state)
{
	struct registry	*reg;
	struct haystack	*h;
	const char	*words[] = { "kerberos", "remote des", "tcp", "echo",
	    "2019-", "ietf", "@", "x", "sctp", "verhelst", NULL };
	char		*err = NULL;
	size_t		 i;

	(void)state;
	reg = load_file(test_shipped(XML_SHIPPED), LOAD_XML, &err);
	if (reg == NULL)
		fail_msg("%s", err);
	h = haystack_new(reg);
	literal_prepare(h);
	for (i = 0; words[i] != NULL; i++)
		agree(reg, h, words[i]);
	haystack_free(h);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_words_only),
		cmocka_unit_test(folds_as_pcre2),
		cmocka_unit_test(real_xml_agrees),
	};

	return RUN_TESTS(tests);
}
