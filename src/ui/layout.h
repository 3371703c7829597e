/*
 * layout.h - where the browser's panes go: a pure function of the
 * terminal size, so that tests can check every size without a terminal.
 *
 * Screen lines: a title line at the top, the panes, then a status line
 * and a message/prompt line at the bottom.  Each pane has a one-line
 * header (its name) above its body.  Wide terminals put detail and
 * contacts beside the list (detail above contacts), with a one-column
 * separator; narrow ones stack list, detail and contacts.  Below
 * LAYOUT_MIN_COLS x LAYOUT_MIN_ROWS the layout is too_small and no pane
 * is drawn.
 */
#ifndef PORTREG_LAYOUT_H
#define PORTREG_LAYOUT_H

#define LAYOUT_MIN_COLS		30
#define LAYOUT_MIN_ROWS		9
#define LAYOUT_WIDE_COLS	100	/* at least this wide: side by side */
/* The help overlay: 4 columns narrower than the terminal, at most 80. */
#define LAYOUT_HELP_W(cols)	((cols) - 4 < 80 ? (cols) - 4 : 80)

enum layout_pane {
	PANE_LIST = 0,
	PANE_DETAIL,
	PANE_CONTACTS,
	PANE_COUNT
};

struct rect {
	int	 y;
	int	 x;
	int	 h;
	int	 w;
};

struct layout {
	int		 rows;
	int		 cols;
	int		 too_small;
	int		 wide;
	struct rect	 title;
	struct rect	 status;
	struct rect	 message;
	struct rect	 header[PANE_COUNT];	/* the pane's name line */
	struct rect	 body[PANE_COUNT];	/* its content */
	struct rect	 separator;		/* wide: the vertical line */
	struct rect	 help;			/* the help overlay's frame at
						   its tallest, centred */
	struct rect	 minimap;		/* the minimap's line (ui.h),
						   h 0 when none */
};

/* Compute the layout for a rows x cols terminal (any values, even <= 0). */
void	 layout_compute(struct layout *, int rows, int cols);

/*
 * Share the lines of the detail and contacts panes (of a layout from
 * layout_compute) by content: the detail needs `detail` lines, the
 * contacts `contacts`.  Where both fit in the computed split, or both
 * overflow it, the split stays (so the panes do not jump from row to
 * row); where one overflows, it takes the lines the other leaves empty,
 * and the other keeps what it needs, at least one line.  The list, the
 * widths and the total stay.
 */
void	 layout_share(struct layout *, int detail, int contacts);

/*
 * Which pane is at screen cell (y, x)?  Returns the pane, or -1 outside
 * every pane.  *row is the line within the body, or -1 on the header.
 */
int	 layout_hit(const struct layout *, int y, int x, int *row);

#endif
