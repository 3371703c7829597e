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

/* Draw the whole screen for ui in layout l (does not refresh). */
void	 screen_draw(const struct ui *, const struct layout *);

#endif
