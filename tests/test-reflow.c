/*
 * test-reflow.c - registry prose joined into paragraphs for the detail
 * pane (issue 11, item 9): source line wraps go, blank lines, column
 * layouts and list items stay; and the detail pane of www-http 80/tcp
 * no longer leaves words alone on lines.
 */
#include "config.h"

#include "test.h"

#include "detail.h"
#include "load.h"
#include "reflow.h"
#include "registry.h"

static void
expect(const char *in, const char *want)
{
	char	*got = reflow(in);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
test_source_wraps_join_with_one_space(void **state)
{
	(void)state;
	expect("The meaning of this, actually\n        denotes something\n"
	    "        more precise.", "The meaning of this, actually denotes "
	    "something more precise.");
	expect("one line", "one line");
	expect("", "");
	assert_null(reflow(NULL));
}

static void
test_blank_lines_keep_one_paragraph_break(void **state)
{
	(void)state;
	expect("\n\nfirst\n  para\n\n\n   \nsecond\n\n", "first para\n\nsecond");
}

static void
test_column_layouts_stay_whole(void **state)
{
	(void)state;
	/* iax 4569: a table of keys, then prose. */
	expect("Defined TXT keys:\n  auth          plaintext | md5\n"
	    "  userid        alphanumeric\nAll of these are optional,\n"
	    "they may be omitted.",
	    "Defined TXT keys:\n  auth          plaintext | md5\n"
	    "  userid        alphanumeric\nAll of these are optional, they "
	    "may be omitted.");
	expect("a\tb\nc", "a\tb\nc");
}

static void
test_list_items_start_lines(void **state)
{
	(void)state;
	expect("content that:\n  * is served over HTTP,\n  * can be\n"
	    "    displayed, and\n  * is viewed.\n  Of course, it\n  may change.",
	    "content that:\n* is served over HTTP,\n* can be displayed, and\n"
	    "* is viewed.\nOf course, it may change.");
	expect("steps:\n1. one\n2) two\n10. ten", "steps:\n1. one\n2) two\n"
	    "10. ten");
	/* Not items: a word that starts with o, a number in prose. */
	expect("over\nopen\n2026 was", "over open 2026 was");
}

/* The wrapped lines of field label of d, as strings. */
static size_t
field_lines(const struct detail *d, const char *label, int width,
    char lines[][256], size_t max)
{
	struct detail_line	*l;
	size_t			 n, i, k = 0;
	int			 x;

	n = detail_wrap(d, width, &l, &x);
	for (i = 0; i < n && k < max; i++) {
		if (strcmp(d->fields[l[i].field].label, label) != 0)
			continue;
		snprintf(lines[k++], 256, "%.*s", (int)l[i].len,
		    d->fields[l[i].field].text + l[i].off);
	}
	free(l);
	return k;
}

static void
test_www_http_note_has_no_lone_words(void **state)
{
	struct registry	*reg;
	struct detail	 d;
	char		*err = NULL, lines[128][256];
	uint32_t	 idx[8];
	size_t		 n, i, k;

	(void)state;
	reg = load_file(test_shipped(XML_SHIPPED), LOAD_AUTO, &err);
	assert_non_null(reg);
	n = registry_by_name(reg, "www-http", PROTO_TCP, idx, 8);
	assert_int_equal(n, 1);
	detail_build(&d, reg, (int32_t)idx[0]);
	k = field_lines(&d, "Notes", 60, lines, 128);
	assert_true(k > 5);
	for (i = 0; i < k; i++)
		print_message("# %s\n", lines[i]);
	/* Before: "actually" and "may" stood alone on lines, and every
	   line was indented 8.  A paragraph's last word may be alone. */
	for (i = 0; i < k; i++) {
		if (strchr(lines[i], ' ') == NULL &&
		    lines[i][strlen(lines[i]) - 1] != '.')
			fail_msg("Notes line %zu is one word: \"%s\"", i,
			    lines[i]);
		if (lines[i][0] == ' ')
			fail_msg("Notes line %zu is indented: \"%s\"", i,
			    lines[i]);
	}
	detail_free(&d);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_source_wraps_join_with_one_space),
		cmocka_unit_test(test_blank_lines_keep_one_paragraph_break),
		cmocka_unit_test(test_column_layouts_stay_whole),
		cmocka_unit_test(test_list_items_start_lines),
		cmocka_unit_test(test_www_http_note_has_no_lone_words),
	};

	return RUN_TESTS(tests);
}
