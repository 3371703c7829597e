/*
 * screen.h - drawing the browser's screen from a struct ui, read-only:
 * the panes (pane.h) and the lines around them, with draw.h's
 * primitives.  Only src/tui includes it.
 */
#ifndef PORTREG_SCREEN_H
#define PORTREG_SCREEN_H

#include "draw.h"
#include "layout.h"

struct ui;

/*
 * Draw what the UI_DRAW_ bits of what (ui.h) name for ui in layout l:
 * UI_DRAW_SCREEN blanks the screen and draws it all; a pane's bit
 * blanks and redraws that pane alone.  While the help overlay is open
 * any bit draws it all.  Does not refresh.
 */
void	 screen_draw(const struct ui *, const struct layout *, int what);

#endif
