/*
 * clipboard.h - copying text for y and Y: to the terminal's clipboard
 * with OSC 52, and to wl-copy or xclip when one is on PATH and its
 * display is set (run with execvp, no shell, detached, the text on its
 * standard input).  The text is sanitised (sanitize.h) first: what
 * reaches the clipboard has no control character.
 */
#ifndef PORTREG_CLIPBOARD_H
#define PORTREG_CLIPBOARD_H

#include <stdio.h>

/*
 * Copy text: OSC 52 written to tty (flushed), then a clipboard program.
 * Returns where it went ("the terminal (OSC 52) and xclip"; static) and
 * sets *why (static, or NULL) when a program could not be run.
 */
const char	*clip_copy(FILE *tty, const char *text, const char **why);
/* The base64 of s[0..len) (RFC 4648, padded); caller frees. */
char		*clip_base64(const char *s, size_t len);
/* Is prog an executable file in a folder of $PATH? */
int		 clip_on_path(const char *prog);

#endif
