/*
 * draw.h - drawing primitives for the screen and the panes: colour
 * roles (each with a colour and a monochrome look) and clipped UTF-8
 * output along one screen line.  Includes curses; only src/tui uses it.
 * It draws text it is given and knows nothing of the ui.
 */
#ifndef PORTREG_DRAW_H
#define PORTREG_DRAW_H

#include <stddef.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include "layout.h"

/* What a piece of the screen is; each has a colour and a mono look. */
enum role {
	ROLE_NORMAL = 0,
	ROLE_TITLE,
	ROLE_STATUS,
	ROLE_HEADER,		/* pane name line */
	ROLE_HEADER_FOCUS,	/* ... of the focused pane */
	ROLE_CURSOR,		/* selected row, focused pane */
	ROLE_CURSOR_DIM,	/* selected row, pane not focused */
	ROLE_GAP,		/* Unassigned rows */
	ROLE_RESERVED,		/* Reserved rows */
	ROLE_MATCH,		/* search match */
	ROLE_LABEL,		/* detail labels */
	ROLE_LINK,
	ROLE_NOTE,		/* portreg's own remarks */
	ROLE_ERROR,
	ROLE_KEY,		/* key names in the help */
	ROLE_BORDER,
	ROLE_REMOVED,		/* --since: a record removed since */
	ROLE_COUNT
};

/* Choose colours or monochrome (NO_COLOR, or a terminal without). */
void	 draw_init(void);
attr_t	 draw_attr(enum role);
/* Are colours in use? */
int	 draw_colour(void);

/*
 * Writing along one screen line, clipped to [x, x + w): col is where the
 * next character goes.  Text must already be safe (sanitize.h).
 */
struct sline {
	int	 y;
	int	 x;
	int	 end;
	int	 col;
};

void	 sline_start(struct sline *, int y, int x, int w);
/* Add s[0..len) up to column limit (absolute; -1: the line's end);
   text cut to fit ends in "…". */
void	 sline_add(struct sline *, const char *s, size_t len, attr_t,
	     int limit);
void	 sline_adds(struct sline *, const char *s, attr_t);
/* Fill with spaces up to column upto (absolute; -1: the line's end). */
void	 sline_pad(struct sline *, int upto, attr_t);
/* Display width of safe UTF-8 text. */
int	 draw_width(const char *s, size_t len);
/* Blank a rectangle (a pane redrawn alone). */
void	 draw_clear(const struct rect *);

#endif
