/*
 * sanitize.c - make registry text safe for a terminal.
 *
 * The registry is untrusted input: a description holding "\033]0;owned\a"
 * must not retitle the user's terminal, and a raw 0x9b byte is a CSI on
 * terminals that honour 8-bit C1 controls.  So, code point by code point:
 *
 *   printable, valid UTF-8          kept as is
 *   C0 controls (U+0000-U+001F)     caret form: "^@", "^A", ... "^[" (ESC)
 *     except tab                    one space
 *     and newline                   kept with keep_newlines, else "^J"
 *   DEL (U+007F)                    "^?"
 *   C1 controls (U+0080-U+009F)     "\xNN", NN the code point in hex
 *                                   (U+009B, CSI, becomes "\x9b")
 *   format characters and the       "\uNNNN" (Unicode category Cf:
 *   line and paragraph separators   U+00AD, the bidi controls U+061C,
 *                                   U+200E, U+202A-U+202E, U+2066-U+2069,
 *                                   the zero-width U+200B-U+200D, U+2060,
 *                                   U+FEFF, tags ...; and U+2028, U+2029),
 *                                   so that text cannot reorder or hide
 *                                   what follows it ("Trojan Source"),
 *                                   nor make ncurses and the terminal
 *                                   disagree on its width (U+200D)
 *   bytes that are not valid UTF-8  "\xNN", NN the byte, one per byte
 *   (overlong forms, surrogates, code points above U+10FFFF, stray
 *   continuation bytes, truncated sequences)
 *
 * A C1 control written as raw byte 0x9b and one encoded as UTF-8
 * (0xc2 0x9b) both show as "\x9b": either way it was a control.  The
 * output never holds a NUL, an ESC or any other control byte except '\n'
 * when asked to keep newlines.  Backslashes in the data are left alone:
 * this is for eyes, not a reversible encoding.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "sanitize.h"
#include "xmalloc.h"

size_t
sanitize_decode(const char *s, size_t len, long *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	unsigned char		 lo = 0x80, hi = 0xbf;
	size_t			 need, i;
	long			 c;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 1;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 2;
		c = u[0] & 0x0f;
		if (u[0] == 0xe0)
			lo = 0xa0;		/* overlong */
		else if (u[0] == 0xed)
			hi = 0x9f;		/* surrogates */
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 3;
		c = u[0] & 0x07;
		if (u[0] == 0xf0)
			lo = 0x90;		/* overlong */
		else if (u[0] == 0xf4)
			hi = 0x8f;		/* above U+10FFFF */
	} else
		goto invalid;		/* 0x80-0xc1, 0xf5-0xff */

	if (len < need + 1)
		goto invalid;
	for (i = 1; i <= need; i++) {
		if (u[i] < lo || u[i] > hi)
			goto invalid;
		lo = 0x80;
		hi = 0xbf;
		c = (c << 6) | (u[i] & 0x3f);
	}
	*cp = c;
	return need + 1;

invalid:
	*cp = -1;
	return 1;
}

/*
 * Unicode's format characters (general category Cf, as of Unicode 15)
 * and the line and paragraph separators U+2028 and U+2029: invisible
 * code points that reorder the text around them (the bidi controls),
 * join or break it (U+200B-U+200D, U+2060) or hide in it (tags,
 * U+E0001-U+E007F).  Terminals and ncurses disagree on their width, so
 * shown raw they misplace everything after them on the line.
 */
static const long sanitize_format[][2] = {
	{ 0x00ad, 0x00ad }, { 0x0600, 0x0605 }, { 0x061c, 0x061c },
	{ 0x06dd, 0x06dd }, { 0x070f, 0x070f }, { 0x0890, 0x0891 },
	{ 0x08e2, 0x08e2 }, { 0x180e, 0x180e }, { 0x200b, 0x200f },
	{ 0x2028, 0x202e }, { 0x2060, 0x2064 }, { 0x2066, 0x206f },
	{ 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0x110bd, 0x110bd },
	{ 0x110cd, 0x110cd }, { 0x13430, 0x1343f }, { 0x1bca0, 0x1bca3 },
	{ 0x1d173, 0x1d17a }, { 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
};

int
sanitize_is_format(long c)
{
	size_t	 lo = 0, hi, mid;

	hi = sizeof sanitize_format / sizeof sanitize_format[0];
	if (c < sanitize_format[0][0])
		return 0;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c < sanitize_format[mid][0])
			hi = mid;
		else if (c > sanitize_format[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

void
sanitize_buf(struct buf *b, const char *s, size_t len, int keep_newlines)
{
	size_t	 i = 0, n, start;
	long	 c;
	char	 tmp[32];

	while (i < len) {
		/* Copy runs of plain printable ASCII in one go. */
		start = i;
		while (i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] < 0x7f)
			i++;
		if (i != start)
			buf_add(b, s + start, i - start);
		if (i == len)
			break;

		n = sanitize_decode(s + i, len - i, &c);
		if (c < 0)
			snprintf(tmp, sizeof tmp, "\\x%02x",
			    (unsigned char)s[i]);
		else if (c == '\t')
			strcpy(tmp, " ");
		else if (c == '\n' && keep_newlines)
			strcpy(tmp, "\n");
		else if (c < 0x20)
			snprintf(tmp, sizeof tmp, "^%c", (char)(c + 0x40));
		else if (c == 0x7f)
			strcpy(tmp, "^?");
		else if (c >= 0x80 && c <= 0x9f)
			snprintf(tmp, sizeof tmp, "\\x%02lx", c);
		else if (sanitize_is_format(c))
			snprintf(tmp, sizeof tmp, "\\u%04lx", c);
		else {
			buf_add(b, s + i, n);
			i += n;
			continue;
		}
		buf_adds(b, tmp);
		i += n;
	}
}

char *
sanitize(const char *s, int keep_newlines)
{
	struct buf	 b = { 0 };

	if (s != NULL)
		sanitize_buf(&b, s, strlen(s), keep_newlines);
	return buf_detach(&b);
}

/*
 * Columns of a safe string: wcwidth() of each code point, in the locale
 * the program set (cli_main calls setlocale).  Where wcwidth does not
 * know a character (or the locale is not UTF-8) it counts as one column;
 * combining marks count zero.  A '\n' counts zero: callers measure lines.
 */
size_t
sanitize_width(const char *s, size_t len)
{
	size_t	 i = 0, n, width = 0;
	long	 c;
	int	 w;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] != '\n')
				width++;
			i++;
			continue;
		}
		n = sanitize_decode(s + i, len - i, &c);
		if (c < 0)
			w = 1;
		else if ((w = wcwidth((wchar_t)c)) < 0)
			w = 1;
		width += (size_t)w;
		i += n;
	}
	return width;
}
