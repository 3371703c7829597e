/*
 * tui.h - the interactive browser (ncursesw).  Only the tui and pane files
 * include curses.
 */
#ifndef PORTREG_TUI_H
#define PORTREG_TUI_H

struct registry;

/*
 * Browse reg on the terminal until the user quits.  Returns the exit
 * status (0 on a normal quit).  reg stays owned by the caller.
 */
int	 tui_run(struct registry *reg);

/*
 * Open uri with $BROWSER's first entry (up to a ':', a program name, not
 * a command line) or xdg-open, by fork and execvp, never a shell: uri is
 * the program's one argument, whatever characters it holds.  The program
 * runs detached.  Returns NULL, or why it could not run (static storage).
 */
const char	*tui_open(const char *uri);

#endif
