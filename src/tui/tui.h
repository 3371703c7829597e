/*
 * tui.h - the interactive browser (ncursesw).  Only the tui and pane files
 * include curses.
 */
#ifndef PORTREG_TUI_H
#define PORTREG_TUI_H

#include <stdint.h>

struct registry;

/*
 * Browse reg on the terminal until the user quits.  Returns the exit
 * status (0 on a normal quit).  reg stays owned by the caller.
 */
int	 tui_run(struct registry *reg);

/*
 * Open uri with $BROWSER, read as xdg-utils does: a ':'-separated list
 * of commands, each split into words at blanks (no shell, no quoting),
 * "%s" in a word replaced by uri, else uri appended as the last argument;
 * each tried in turn until one runs and exits 0.  A $BROWSER command runs
 * in the foreground with the terminal (curses gives it up and takes it
 * back).  Without $BROWSER: xdg-open, detached.  Never a shell: uri is
 * one argument whatever it holds.  Returns NULL, or why it could not run
 * (static storage).
 */
const char	*tui_open(const char *uri);

/* tui_run with the changes of d marked (ui_set_since: reg is
   diff_merge's registry, item_of its records' items). */
struct diff;
int	 tui_run_since(struct registry *reg, const struct diff *d,
	     const int32_t *item_of);

#endif
