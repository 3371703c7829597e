/*
 * history.h - the prompts' history (: / ? &), kept across runs in a
 * file: $XDG_STATE_HOME/portreg/history (default
 * ~/.local/state/portreg/history).
 *
 * Each prompt, named by its character, keeps up to HISTORY_MAX entries,
 * oldest first; adding an entry it holds already moves it to the end.
 * The file is text: a header line, then one entry a line, the prompt's
 * character then the entry as typed.  It is read whole (at most
 * HISTORY_FILE_MAX bytes) and written whole, atomically (a temporary
 * file beside it, renamed over it).  A damaged file (another header, an
 * unknown prompt, a control character, a line too long, too big) is
 * ignored with a message saying where and why: never trusted in part.
 * No curses here, and nothing of the ui: tests use it alone.
 */
#ifndef PORTREG_HISTORY_H
#define PORTREG_HISTORY_H

#include <stddef.h>

#define HISTORY_MAX		500
#define HISTORY_LINE_MAX	256	/* bytes of an entry, less one */
#define HISTORY_FILE_MAX	(1024 * 1024)
#define HISTORY_HEADER		"# portreg prompt history 1"
#define HISTORY_PROMPTS		":/?&"

struct history;

/* A history kept in path (NULL: in memory only). */
struct history	*history_new(const char *path);
void		 history_free(struct history *);
/*
 * The file's path from the environment: $XDG_STATE_HOME/portreg/history
 * when XDG_STATE_HOME is an absolute path, else under $HOME/.local/state;
 * NULL when neither is set.  Caller frees.
 */
char		*history_default_path(void);
/*
 * Read the file, replacing what is kept.  0: read, or there is no file
 * yet; -1: unreadable or damaged, nothing kept, *why says why (caller
 * frees).
 */
int		 history_load(struct history *, char **why);
/* Write the file (making its folder).  0, or -1 and *why. */
int		 history_save(const struct history *, char **why);
/* Add line as prompt c's newest entry (c one of HISTORY_PROMPTS). */
void		 history_add(struct history *, char c, const char *line);
/* How many entries prompt c has; entry i (0 the oldest), or NULL. */
size_t		 history_count(const struct history *, char c);
const char	*history_get(const struct history *, char c, size_t i);
const char	*history_path(const struct history *);

#endif
