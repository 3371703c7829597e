/*
 * test-sanitize.c - terminal-safe text: what reaches the terminal never
 * holds a control sequence, whatever the registry contains.
 */
#include "config.h"

#include <locale.h>

#include "test.h"

#include "sanitize.h"
#include "xmalloc.h"

/* Sanitize len bytes (which may hold NULs) into a malloc'd string. */
static char *
safe(const char *s, size_t len, int keep_newlines)
{
	struct buf	 b = { 0 };

	sanitize_buf(&b, s, len, keep_newlines);
	return buf_detach(&b);
}

/* No byte below 0x20 (but '\n' when allowed), no DEL, no 0x80-0x9f that
   is not part of a valid multi-byte sequence. */
static void
assert_terminal_safe(const char *out, size_t len, int keep_newlines)
{
	size_t	 i, n;
	long	 c;

	for (i = 0; i < len; i += n) {
		n = sanitize_decode(out + i, len - i, &c);
		assert_true(c >= 0);
		if (c == '\n' && keep_newlines)
			continue;
		assert_false(c < 0x20 || (c >= 0x7f && c <= 0x9f));
	}
}

static void
test_plain_text_unchanged(void **state)
{
	char	*out = sanitize("SNMP-TLS over TCP: Straße, FORTÉ, 東京", 0);

	assert_string_equal(out, "SNMP-TLS over TCP: Straße, FORTÉ, 東京");
	free(out);
}

static void
test_esc_becomes_caret(void **state)
{
	char	*out = sanitize("red \033[31mtext\033[0m", 0);

	assert_string_equal(out, "red ^[[31mtext^[[0m");
	assert_null(strchr(out, '\033'));
	free(out);
}

static void
test_osc_title_sequence_defused(void **state)
{
	/* OSC 0 ; title BEL, and the ST-terminated form. */
	char	*out = sanitize("x\033]0;pwned\007y\033]2;t\033\\z", 0);

	assert_string_equal(out, "x^[]0;pwned^Gy^[]2;t^[\\z");
	assert_terminal_safe(out, strlen(out), 0);
	free(out);
}

static void
test_c1_csi_raw_and_encoded(void **state)
{
	/* 0x9b alone is invalid UTF-8 and an 8-bit CSI; U+009B encoded. */
	char	*raw = sanitize("a\x9b" "31mb", 0);
	char	*enc = sanitize("a\xc2\x9b" "31mb", 0);
	char	*nel = sanitize("\xc2\x85", 0);

	assert_string_equal(raw, "a\\x9b31mb");
	assert_string_equal(enc, "a\\x9b31mb");
	assert_string_equal(nel, "\\x85");
	free(raw);
	free(enc);
	free(nel);
}

static void
test_invalid_utf8_bytes_escaped(void **state)
{
	/* Stray continuation, truncated 3-byte sequence at the end, 0xff. */
	char	*out = sanitize("ok\x80 \xe6\x9d \xff", 0);

	assert_string_equal(out, "ok\\x80 \\xe6\\x9d \\xff");
	free(out);
	/* A truncated sequence followed by ASCII keeps the ASCII. */
	out = sanitize("\xe6" "ab", 0);
	assert_string_equal(out, "\\xe6ab");
	free(out);
}

static void
test_overlong_and_surrogates_rejected(void **state)
{
	/* Overlong "/" (c0 af), overlong NUL (c0 80), overlong 3-byte and
	   4-byte forms, a UTF-16 surrogate, a code point above U+10FFFF. */
	static const struct {
		const char	*in;
		const char	*want;
	} cases[] = {
		{ "\xc0\xaf", "\\xc0\\xaf" },
		{ "\xc0\x80", "\\xc0\\x80" },
		{ "\xe0\x80\xaf", "\\xe0\\x80\\xaf" },
		{ "\xf0\x80\x80\xaf", "\\xf0\\x80\\x80\\xaf" },
		{ "\xed\xa0\x80", "\\xed\\xa0\\x80" },
		{ "\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80" },
		{ "\xf4\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf" },	/* U+10FFFF ok */
	};
	size_t	 i;
	char	*out;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = sanitize(cases[i].in, 0);
		assert_string_equal(out, cases[i].want);
		free(out);
	}
}

static void
test_del_and_c0_carets(void **state)
{
	char	*out = sanitize("a\177b\001c\rd\be", 0);

	assert_string_equal(out, "a^?b^Ac^Md^He");
	free(out);
}

static void
test_tab_becomes_space(void **state)
{
	char	*out = sanitize("a\tb\t\tc", 0);

	assert_string_equal(out, "a b  c");
	free(out);
}

static void
test_newline_flag(void **state)
{
	char	*kept = sanitize("line one\nline two", 1);
	char	*caret = sanitize("line one\nline two", 0);

	assert_string_equal(kept, "line one\nline two");
	assert_string_equal(caret, "line one^Jline two");
	free(kept);
	free(caret);
}

static void
test_output_is_nul_free(void **state)
{
	static const char	 in[] = "a\0b\0\0c";
	char			*out = safe(in, sizeof in - 1, 0);

	/* Every input byte is accounted for: no early NUL in the output. */
	assert_string_equal(out, "a^@b^@^@c");
	assert_int_equal(strlen(out), 9);
	free(out);
}

static void
test_bidi_override_escaped(void **state)
{
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LRI, U+2028 LINE SEP. */
	char	*out = sanitize("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x80\xa8", 0);

	assert_string_equal(out, "a\\u202eb\\u2066c\\u2028");
	free(out);
}

static void
test_format_characters_escaped(void **state)
{
	/* Cf: U+200D ZWJ, U+200B ZWSP, U+00AD soft hyphen, U+2060 word
	   joiner, U+E0041 tag A, U+110BD; U+2029 paragraph separator. */
	char	*out = sanitize("a\xe2\x80\x8d" "b\xe2\x80\x8b" "c\xc2\xad"
	    "d\xe2\x81\xa0" "e\xf3\xa0\x81\x81" "f\xf0\x91\x82\xbd"
	    "g\xe2\x80\xa9", 0);

	assert_string_equal(out, "a\\u200db\\u200bc\\u00add\\u2060"
	    "e\\ue0041f\\u110bdg\\u2029");
	free(out);
	/* Their neighbours are not format characters: kept. */
	out = sanitize("\xe2\x80\x8a" "\xe2\x80\x90" "\xc2\xac"
	    "\xf3\xa0\x84\x80" "\xef\xbf\xbc", 0);
	assert_string_equal(out, "\xe2\x80\x8a" "\xe2\x80\x90" "\xc2\xac"
	    "\xf3\xa0\x84\x80" "\xef\xbf\xbc");
	free(out);
	assert_true(sanitize_is_format(0x200d));
	assert_true(sanitize_is_format(0xe007f));
	assert_true(sanitize_is_format(0x1343f));
	assert_false(sanitize_is_format(0xe0080));
	assert_false(sanitize_is_format(0xac));
	assert_false(sanitize_is_format(0x2065));
	assert_false(sanitize_is_format(-1));
}

static void
test_null_gives_empty(void **state)
{
	char	*out = sanitize(NULL, 0);

	assert_string_equal(out, "");
	free(out);
}

static void
test_every_byte_value_is_safe(void **state)
{
	char	 in[512];
	char	*out;
	size_t	 i;

	/* Every byte value, alone and after a lead byte. */
	for (i = 0; i < 256; i++) {
		in[2 * i] = (char)(0xc2 + (i % 3) * 0x10);
		in[2 * i + 1] = (char)i;
	}
	out = safe(in, sizeof in, 0);
	assert_terminal_safe(out, strlen(out), 0);
	free(out);
	out = safe(in, sizeof in, 1);
	assert_terminal_safe(out, strlen(out), 1);
	free(out);
}

static void
test_width_ascii_and_escapes(void **state)
{
	char	*out = sanitize("ab\033c", 0);

	/* "ab^[c": the escape takes the columns it prints. */
	assert_int_equal(sanitize_width(out, strlen(out)), 5);
	free(out);
}

static void
test_width_wide_and_combining(void **state)
{
	const char	*wide = "\xe6\x9d\xb1\xe4\xba\xac";	/* 東京 */
	const char	*comb = "e\xcc\x81";			/* e + U+0301 */

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "en_US.UTF-8") == NULL)
		skip_because("no UTF-8 locale (C.UTF-8, en_US.UTF-8)");
	assert_int_equal(sanitize_width(wide, strlen(wide)), 4);
	assert_int_equal(sanitize_width(comb, strlen(comb)), 1);
	assert_int_equal(sanitize_width("FORT\xc3\x89", 6), 5);
	setlocale(LC_CTYPE, "C");
}

static void
test_width_without_utf8_locale(void **state)
{
	/* In the C locale wcwidth knows no wide characters: one column each,
	   never a negative or zero width for a visible character. */
	setlocale(LC_CTYPE, "C");
	assert_int_equal(sanitize_width("\xe6\x9d\xb1" "a", 4), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_esc_becomes_caret),
		cmocka_unit_test(test_osc_title_sequence_defused),
		cmocka_unit_test(test_c1_csi_raw_and_encoded),
		cmocka_unit_test(test_invalid_utf8_bytes_escaped),
		cmocka_unit_test(test_overlong_and_surrogates_rejected),
		cmocka_unit_test(test_del_and_c0_carets),
		cmocka_unit_test(test_tab_becomes_space),
		cmocka_unit_test(test_newline_flag),
		cmocka_unit_test(test_output_is_nul_free),
		cmocka_unit_test(test_bidi_override_escaped),
		cmocka_unit_test(test_format_characters_escaped),
		cmocka_unit_test(test_null_gives_empty),
		cmocka_unit_test(test_every_byte_value_is_safe),
		cmocka_unit_test(test_width_ascii_and_escapes),
		cmocka_unit_test(test_width_wide_and_combining),
		cmocka_unit_test(test_width_without_utf8_locale),
	};

	return RUN_TESTS(tests);
}
