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
	const char	*no[] = { "a.b", "x|y", "name:nbd", "who:x",
	    "(?i)x", "\xc3\xa9t\xc3\xa9", "a\\d", "", "tab\there", "^x",
	    "[x]", "x{2}", "Name:x", NULL };
	char		*w;
	size_t		 i;
	int		 upper;

	(void)state;
	w = literal_of("kerberos", &upper);
	assert_string_equal(w, "kerberos");
	assert_int_equal(upper, 0);
	free(w);
	w = literal_of("remote des", &upper);
	assert_string_equal(w, "remote des");
	free(w);
	/* Capitals fold, and say so: searched with case, the word's
	   records are only candidates. */
	w = literal_of("Kerb", &upper);
	assert_string_equal(w, "kerb");
	assert_int_equal(upper, 1);
	free(w);
	/* Not a prefix: ':' before '/'. */
	w = literal_of("https://x", &upper);
	assert_string_equal(w, "https://x");
	free(w);
	for (i = 0; no[i] != NULL; i++)
		if (strcmp(no[i], "Name:x") == 0) {
			/* A capital: no prefix, a plain word. */
			w = literal_of(no[i], &upper);
			assert_string_equal(w, "name:x");
			free(w);
		} else
			assert_null(literal_of(no[i], &upper));
}

/* word and each of its prefixes, narrowing, against pattern_scan. */
static void
agree(const struct registry *reg, struct haystack *h, const char *word)
{
	uint32_t	*want, *got, *prev;
	struct pattern	*p;
	size_t		 nw, ng, np = 0, len, i;
	char		*err = NULL, *w, *part;
	int		 limited, upper;

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
		w = literal_of(part, &upper);
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

/* With case: literal_scan_case against PCRE2 with (?-i), whole and on
   every other record. */
static void
agree_case(const struct registry *reg, struct haystack *h, const char *word)
{
	uint32_t	*want, *got, *sub;
	struct pattern	*p;
	size_t		 nw, ng, ns, k;
	char		*err = NULL, *re;
	int		 limited;

	want = xcalloc(reg->n_records + 1, sizeof *want);
	got = xcalloc(reg->n_records + 1, sizeof *got);
	sub = xcalloc(reg->n_records + 1, sizeof *sub);
	re = xasprintf("(?-i)%s", word);
	p = pattern_new(re, &err);
	assert_non_null(p);
	nw = pattern_scan(p, h, want, reg->n_records, &limited);
	pattern_free(p);
	ng = literal_scan_case(h, word, NULL, 0, got);
	if (ng != nw || memcmp(got, want, nw * sizeof *got) != 0)
		fail_msg("'%s' with case: %zu records, PCRE2 %zu", word, ng,
		    nw);
	for (k = ns = 0; k < reg->n_records; k += 2)
		sub[ns++] = (uint32_t)k;
	ng = literal_scan_case(h, word, sub, ns, sub);
	for (k = ns = 0; k < nw; k++)
		if (want[k] % 2 == 0)
			want[ns++] = want[k];
	if (ng != ns || memcmp(sub, want, ns * sizeof *sub) != 0)
		fail_msg("'%s' with case, every other record: %zu, not %zu",
		    word, ng, ns);
	free(re);
	free(want);
	free(got);
	free(sub);
}

static void
folds_as_pcre2(void **state)
{
	struct registry	*reg = registry_new("t");
	struct haystack	*h;
	const char	*words[] = { "k", "200k", "s", "special", "i",
	    "irmak", "diyar", "echo", "postel", "isi", "w@uter", "6000-6063",
	    "tcp", "rfc862", "2010-06", "heat", "a b", NULL };
	const char	*cased[] = { "K", "S", "Echo", "ISI", "Jon Postel",
	    "D", "RFC862", "w@uter", NULL };
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
	/* With case the Kelvin sign is not K, nor long s S. */
	for (i = 0; cased[i] != NULL; i++)
		agree_case(reg, h, cased[i]);
	haystack_free(h);
	registry_free(reg);
}

/*
 * The scan tests 32 places a step, and where a step's first-byte and
 * last-byte positions both agree it compares the middle: words of 1 to
 * 40 bytes at every offset from 0 to 80 in rows of every length around
 * the step, near-misses (first and last byte right, middle wrong) among
 * them, must give pattern_scan's answer, whole and narrowing subsets
 * with holes in them.
 */
static void
every_offset_and_length(void **state)
{
	struct registry	*reg = registry_new("t");
	struct haystack	*h;
	const char	*words[] = { "q", "qz", "qzq", "qzxq", "qzxyzzyq",
	    "qzxyzzyqqzxyzzyqqzxyzzy", "qzxyzzyqqzxyzzyqqzxyzzyqqzxyzzyqqzxyzq",
	    NULL };
	uint32_t	*want, *got, *sub;
	struct pattern	*p;
	char		 desc[256], *err = NULL;
	size_t		 i, k, n, nw, ng, ns, len;
	int		 limited;

	(void)state;
	for (i = 0; words[i] != NULL; i++) {
		len = strlen(words[i]);
		for (k = 0; k <= 80; k += 1 + (k > 40)) {
			/* The word at k, then a near-miss at k. */
			memset(desc, 'a', sizeof desc);
			memcpy(desc + k, words[i], len);
			desc[k + len + (k % 37)] = '\0';
			add(reg, "w", (uint16_t)(1 + i), (uint16_t)(1 + i),
			    PROTO_TCP, desc, NULL);
			if (len > 2) {
				desc[k + 1] = 'a';
				add(reg, "m", (uint16_t)(1 + i),
				    (uint16_t)(1 + i), PROTO_UDP, desc, NULL);
			}
		}
	}
	registry_finish(reg);
	h = haystack_new(reg);
	literal_prepare(h);
	n = reg->n_records;
	want = xcalloc(n + 1, sizeof *want);
	got = xcalloc(n + 1, sizeof *got);
	sub = xcalloc(n + 1, sizeof *sub);
	for (i = 0; words[i] != NULL; i++) {
		p = pattern_new(words[i], &err);
		assert_non_null(p);
		nw = pattern_scan(p, h, want, n, &limited);
		assert_true(nw > 0);
		ng = literal_scan(h, words[i], NULL, 0, got);
		if (ng != nw || memcmp(got, want, nw * sizeof *got) != 0)
			fail_msg("'%s': %zu records, PCRE2 %zu", words[i], ng,
			    nw);
		/* A subset: every record but each third, narrowed. */
		for (k = ns = 0; k < n; k++)
			if (k % 3 != 1)
				sub[ns++] = (uint32_t)k;
		ng = literal_scan(h, words[i], sub, ns, got);
		for (k = ns = 0; k < nw; k++)
			if (want[k] % 3 != 1)
				want[ns++] = want[k];
		if (ng != ns || memcmp(got, want, ns * sizeof *got) != 0)
			fail_msg("'%s' in a subset: %zu, not %zu", words[i],
			    ng, ns);
		pattern_free(p);
	}
	free(want);
	free(got);
	free(sub);
	haystack_free(h);
	registry_free(reg);
}

static void
real_xml_agrees(void **state)
{
	struct registry	*reg;
	struct haystack	*h;
	const char	*words[] = { "kerberos", "remote des", "tcp", "echo",
	    "2019-", "ietf", "@", "x", "sctp", "verhelst", "&", "at&t", "7",
	    "0", "z", "~", NULL };
	const char	*cased[] = { "N", "Kerberos", "IBM", "AT&T", "Jon",
	    "Postel", "RFC", "Verhelst", "kerberos", "tcp", "Network Block",
	    "@", "ZZZ", NULL };
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
	/* With case: words in capitals, in people's names (the people
	   section) and in lower case too. */
	for (i = 0; cased[i] != NULL; i++)
		agree_case(reg, h, cased[i]);
	haystack_free(h);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_words_only),
		cmocka_unit_test(folds_as_pcre2),
		cmocka_unit_test(every_offset_and_length),
		cmocka_unit_test(real_xml_agrees),
	};

	return RUN_TESTS(tests);
}
