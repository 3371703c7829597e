/*
 * sanitize.h - make registry text safe for a terminal.
 *
 * Every registry string passes through here before ncurses or the table
 * output sees it.  Valid UTF-8 printable text is kept; C0 and C1 controls,
 * DEL and ESC become caret or hex escapes ("^[", "^?", "\x9b"); format
 * characters (Unicode Cf: bidi controls, zero-width joiners ...) and
 * U+2028, U+2029 become "\uNNNN"; invalid UTF-8 bytes become "\xNN".  With keep_newlines, '\n' is kept (for
 * wrapped detail text); otherwise it becomes "^J".  Tabs become a space.
 */
#ifndef PORTREG_SANITIZE_H
#define PORTREG_SANITIZE_H

#include <stddef.h>

struct buf;

/* Append the safe form of s[0..len) to b. */
void	 sanitize_buf(struct buf *, const char *s, size_t len,
	     int keep_newlines);
/* The safe form as a malloc'd string (caller frees).  NULL gives "". */
char	*sanitize(const char *s, int keep_newlines);
/* Display width in terminal columns of an already-safe UTF-8 string. */
size_t	 sanitize_width(const char *s, size_t len);
/*
 * Decode one strict UTF-8 sequence at s[0..len) (len > 0): overlong
 * forms, surrogates and code points above U+10FFFF are invalid.  Returns
 * the bytes used (1 for an invalid byte) and sets *cp to the code point,
 * or to -1 when s[0] does not start a valid sequence.
 */
size_t	 sanitize_decode(const char *s, size_t len, long *cp);
/*
 * Whether code point c is invisible and escaped as "\uNNNN": a format
 * character (Unicode category Cf), U+2028 or U+2029.
 */
int	 sanitize_is_format(long c);

#endif
