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

#endif
