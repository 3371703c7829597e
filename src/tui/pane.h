/*
 * pane.h - the three panes.  screen.c calls them; each draws its header
 * line and its body from the ui, read-only, with the primitives of
 * draw.h, and never calls back into screen.c.  screen.c blanks a pane
 * before it redraws it alone.
 */
#ifndef PORTREG_PANE_H
#define PORTREG_PANE_H

#include "layout.h"

struct ui;

void	 pane_list_draw(const struct ui *, const struct rect *head,
	     const struct rect *body);
void	 pane_detail_draw(const struct ui *, const struct rect *head,
	     const struct rect *body);
void	 pane_contacts_draw(const struct ui *, const struct rect *head,
	     const struct rect *body);

/* The minimap's line (ui.h), when it shows: r is layout.minimap. */
void	 pane_minimap_draw(const struct ui *, const struct rect *r);

#endif
