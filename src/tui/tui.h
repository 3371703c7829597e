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
/* The same, calling setup(ui, arg) on the new ui before the first
   screen (to give it what else the command line loaded). */
struct ui;
typedef void	 tui_setup_fn(struct ui *, void *arg);
int	 tui_run_setup(struct registry *reg, tui_setup_fn *setup, void *arg);

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


#endif
