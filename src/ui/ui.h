/*
 * ui.h - the browser's state as plain data, and every action on it.
 *
 * No curses here: the panes (pane-*.c) draw a struct ui, tui.c feeds it
 * keys, and tests/test-ui.c runs every action without a terminal.  Every
 * action returns what it changed (the UI_DRAW_ bits), so that the screen
 * redraws only that, and UI_OPEN or UI_QUIT.
 *
 * The list shows a view: an array of row ids (detail.h: a record index,
 * or ROW_GAP(g) for a gap no record lists, placed in port order).  The
 * full view holds every record; a filter or a person's assignment list
 * replace it until cleared.  The ui borrows the registry: free the ui
 * first.
 */
#ifndef PORTREG_UI_H
#define PORTREG_UI_H

#include <stddef.h>
#include <stdint.h>

#include "detail.h"
#include "keys.h"
#include "layout.h"

struct registry;
struct diff;
struct haystack;
struct pattern;

/*
 * What an action changed, so what the screen must redraw, and what else
 * it asks (bits).  A pane's bit covers its header and body; STATUS the
 * status line and the message or prompt line.  ROW: another row was
 * selected (or the view changed), so every pane and the status line.
 * ALL: everything from a blank screen, as after a resize or while an
 * overlay (the help) is open or closing.
 */
#define UI_NONE		0x00
#define UI_DRAW_LIST	0x01
#define UI_DRAW_DETAIL	0x02
#define UI_DRAW_CONTACTS 0x04
#define UI_DRAW_STATUS	0x08
#define UI_DRAW_SCREEN	0x10	/* blank it first: title, frame, overlay */
#define UI_DRAW_PANES	(UI_DRAW_LIST|UI_DRAW_DETAIL|UI_DRAW_CONTACTS)
#define UI_DRAW_ROW	(UI_DRAW_PANES|UI_DRAW_STATUS)
#define UI_DRAW_ALL	(UI_DRAW_ROW|UI_DRAW_SCREEN)
#define UI_OPEN		0x20	/* open ui->open_uri, then ui_opened() */
#define UI_QUIT		0x40
#define UI_COPY		0x80	/* copy ui->copy_text, then ui_copied() */

enum ui_prompt {
	PROMPT_NONE = 0,
	PROMPT_GOTO,		/* : */
	PROMPT_SEARCH,		/* / */
	PROMPT_RSEARCH,		/* ? */
	PROMPT_FILTER,		/* & */
	PROMPT_FREE,		/* F: how many free ports (host.c) */
};

struct view {
	int32_t		*rows;		/* row ids */
	size_t		 n;
	int32_t		*pos;		/* per record: index in rows or -1 */
	uint32_t	*gaps;		/* positions of gap rows, ascending */
	size_t		 n_gaps;
	uint32_t	*assigned;	/* positions of assignments with a port */
	size_t		 n_assigned;
	/* Sorted (sort.c): the rows in their own order (registry order
	   for all, the filter's or the person's), NULL when rows are in
	   it; sort is the ui's sort_key the rows are in. */
	int32_t		*orig;
	int		 sort;
	/* Bumped whenever the rows change (view_reindex): caches of a
	   view, such as the minimap's shading, compare it. */
	unsigned long	 gen;
};

/* The list's columns (s, S, -, Left, Right). */
enum ui_col {
	UI_COL_PORT = 0,
	UI_COL_PROTO,
	UI_COL_NAME,
	UI_COL_DESC,
	UI_COL_COUNT
};

/* Case of search and filter (i). */
enum ui_case {
	UI_CASE_SMART = 0,	/* caseless unless the pattern has an upper */
	UI_CASE_IGNORE,
	UI_CASE_MATCH,
};

struct history;
struct ui_names;
struct ui_minimap;

/*
 * The selected row's detail as the detail pane shows it: built and
 * wrapped (detail.h) once per row and width, owned by the ui, valid
 * until the next call into the ui.
 */
struct ui_detail_view {
	int			 built;
	int32_t			 row;		/* INT32_MIN: no row */
	int			 width;
	struct detail		 d;
	struct detail_line	*lines;
	size_t			 n;
	int			 text_x;	/* the column the text starts at */
	/* The row's people (detail_people), once per row. */
	int32_t			 people_row;	/* INT32_MIN: none built */
	struct detail_person	*people;
	size_t			 n_people;
	/* The layout as the row's content shares it (ui_layout). */
	int			 shared_ok;
	int32_t			 shared_row;
	struct layout		 shared;
};

#define UI_LINE_MAX	256
#define UI_MSG_MAX	512
#define UI_JUMPS	64

struct ui {
	struct registry		*reg;		/* borrowed */
	struct haystack		*hay;		/* ui_prepare; NULL: unavailable */
	int			 prepared;	/* ui_prepare has run */

	struct view		 all;		/* every row */
	struct view		 filtered;	/* rows the filter keeps */
	struct view		 persons;	/* one person's assignments */
	struct view		*view;		/* the one shown */

	size_t			 cursor;	/* index in view->rows */
	size_t			 top;		/* first row on screen */
	/* The terminal's layout (ui_resize): the one place the pane sizes
	   are; ui_layout shares its detail and contacts height by the
	   selected row's content; ui_pane_rows and ui_help_rows/_cols read
	   that. */
	struct layout		 layout;
	enum layout_pane	 focus;
	/* The selected row's detail, wrapped to the detail pane: a cache
	   that ui_detail_view rebuilds when the row or the width changes
	   (so even through a const struct ui). */
	struct ui_detail_view	*dview;
	size_t			 detail_top;	/* first detail line shown, may
						   be past the end: ui_detail_top
						   clamps it */
	long			 detail_link;	/* chosen link of the row, or
						   -1: detail_link_default */
	size_t			 contact_sel;	/* selected person of the row */
	size_t			 contact_top;

	/* Search: the last accepted (or, while typing, tentative) one. */
	struct pattern		*search;
	char			*search_expr;
	int			 search_dir;	/* +1 forward, -1 backward */
	uint32_t		*matches;	/* matching records, ascending */
	size_t			 n_matches;
	uint32_t		*match_pos;	/* their positions in the view */
	size_t			 n_match_pos;
	int			 search_limited; /* some records not searched */

	/* Filter. */
	struct pattern		*filter;
	char			*filter_expr;
	/* The filter : cleared to show a row it hid, kept aside: Ctrl-O
	   puts it back when it returns to jump parked_jump (the depth of
	   jumps after that go to).  parked NULL: none. */
	struct pattern		*parked;
	char			*parked_expr;
	struct view		 parked_view;
	size_t			 parked_jump;

	/* A person's assignments (persons view): the person, or -1 for
	   one known only by id (person_id, borrowed from the registry). */
	int32_t			 person;
	const char		*person_id;
	int32_t			 person_from;	/* row to return to */
	enum layout_pane	 person_focus;

	/* The prompt being typed. */
	enum ui_prompt		 prompt;
	char			 line[UI_LINE_MAX];
	size_t			 line_len;
	size_t			 prompt_cursor;	/* cursor, top when it opened */
	size_t			 prompt_top;
	struct pattern		*saved_search;	/* restored by Esc */
	char			*saved_expr;
	int			 saved_dir;
	uint32_t		*saved_matches;	/* its matches, kept aside */
	size_t			 n_saved_matches;
	int			 saved_limited;
	size_t			 prompt_count;	/* filter: rows matching now */
	int			 prompt_valid;
	/* The filter prompt's last answer: the records prompt_expr
	   matches (NULL: none yet). */
	char			*prompt_expr;
	uint32_t		*prompt_rows;
	size_t			 n_prompt_rows;
	int			 prompt_limited;

	/*
	 * When a search or filter only grows (ui_pattern_narrows), the
	 * records that matched are searched again rather than all of
	 * them, if that costs less: the costs last measured, in ns per
	 * record scanned and per record narrowed.  narrow: UI_NARROW_AUTO,
	 * or _ALWAYS or _NEVER (for tests); narrowed counts narrowings.
	 */
	double			 scan_ns;
	double			 narrow_ns;
	int			 narrow;
	size_t			 narrowed;

	/* Jump history for Ctrl-O. */
	int32_t			 jumps[UI_JUMPS];
	size_t			 n_jumps;

	int			 help;		/* the help overlay is open */
	size_t			 help_top;

	char			 msg[UI_MSG_MAX];
	int			 msg_error;
	char			*open_uri;	/* with UI_OPEN */

	uint32_t		*scratch;	/* n_records, for scans */

	/* --since (ui_set_since): the changes since an older edition. */
	const struct diff	*since;		/* borrowed, or NULL */
	const int32_t		*since_item;	/* per record: its item, or -1 */
	/* Sorting (sort.c): column + 1 (0: registry order), reversed. */
	int			 sort_col;
	int			 sort_rev;
	/* Columns (sort.c): the focused one, those hidden (bit per
	   enum ui_col), the description widened to the pane. */
	int			 col;
	unsigned		 cols_hidden;
	int			 desc_wide;
	/* Case of search and filter (case.c). */
	enum ui_case		 case_mode;
	/* y and Y (copy.c): the text, with UI_COPY. */
	char			*copy_text;
	/* Prompt history (history.c): NULL when none is kept; the entry
	   Up/Down recalled (n: the line typed) and that line. */
	struct history		*hist;
	size_t			 hist_pos;
	char			 hist_line[UI_LINE_MAX];
	/* Service names for Tab in the : prompt (complete.c). */
	struct ui_names		*names;
	/* The person list that Enter left for the full registry: Esc and
	   Ctrl-O go back to it (people.c). */
	int			 person_return;
	int32_t			 person_ret_person;
	const char		*person_ret_id;
	int32_t			 person_ret_row;
	/* The minimap (minimap.c): shown, its cached shading, and the
	   layout as ui_resize gave it (the minimap takes a line of it). */
	int			 minimap;
	struct ui_minimap	*mm;
	struct layout		 layout_given;
	/* host.c: the lists beside the registry (SPEC 7), or NULL. */
	struct ui_host		*host;
};

#define UI_NARROW_AUTO		0
#define UI_NARROW_ALWAYS	1
#define UI_NARROW_NEVER		2

struct ui	*ui_new(struct registry *);
void		 ui_free(struct ui *);
/* Build what a search needs (the haystack), once: tui_run calls it when
   the first screen is drawn, a search or filter itself when not yet. */
void		 ui_prepare(struct ui *);

/* Give the ui the terminal's layout (kept: ui_layout). */
void		 ui_resize(struct ui *, const struct layout *);
/*
 * The layout to draw: the terminal's, with the height of the detail and
 * contacts panes shared by what the selected row shows in them
 * (layout_share).  Valid until the next call into the ui.
 */
const struct layout *ui_layout(const struct ui *);
/* Rows of pane p's body (at least 1). */
int		 ui_pane_rows(const struct ui *, enum layout_pane p);
/* The help overlay's text: rows inside its frame and width (at least 1). */
int		 ui_help_rows(const struct ui *);
int		 ui_help_cols(const struct ui *);

/* Feed one key code (keys.h).  Returns UI_ bits. */
int		 ui_key(struct ui *, int keyc);
/* Run an action's handler from the key table.  Returns UI_ bits. */
int		 ui_action(struct ui *, enum key_action);

/* The actions, for ui_action and the tests. */
int		 ui_move(struct ui *, long delta);
int		 ui_page(struct ui *, int dir);
int		 ui_first(struct ui *);
int		 ui_last(struct ui *);
int		 ui_next_assignment(struct ui *, int dir);
int		 ui_next_gap(struct ui *, int dir);
int		 ui_goto(struct ui *, const char *);
int		 ui_search(struct ui *, const char *expr, int dir);
int		 ui_next_match(struct ui *, int dir);
int		 ui_set_filter(struct ui *, const char *expr);
int		 ui_contacts(struct ui *);
int		 ui_focus_cycle(struct ui *, int dir);
int		 ui_back(struct ui *);
int		 ui_open(struct ui *);
int		 ui_help(struct ui *);
int		 ui_cancel(struct ui *);
int		 ui_prompt_open(struct ui *, enum ui_prompt);
/* Mouse: a click on pane p at body line row (-1: its header). */
int		 ui_click(struct ui *, int pane, int row);
int		 ui_wheel(struct ui *, int pane, int dir);
/* After UI_OPEN: report how it went (NULL: fine, else why not). */
void		 ui_opened(struct ui *, const char *error);

/* The selected row id, or INT32_MIN when the view is empty. */
int32_t		 ui_row(const struct ui *);
/* The selected record, or -1 (a gap row or an empty view). */
int32_t		 ui_record(const struct ui *);
/* The row id at a position of the view. */
int32_t		 ui_row_at(const struct ui *, size_t pos);
/*
 * The link of d (the selected row's detail) that 'o' opens outside the
 * contacts pane and the detail pane highlights; -1 when d has none.
 */
long		 ui_detail_link(const struct ui *, const struct detail *d);
/* The selected row's detail view (rebuilt here only when the row or the
   detail pane's width changed). */
const struct ui_detail_view *ui_detail_view(const struct ui *);
/*
 * The detail pane's title for the selected row: the record's name and
 * ports, or a gap no row lists as "Unassigned 49152-65535, a gap no row
 * lists".  Caller frees; NULL when the view is empty.
 */
char		*ui_detail_title(const struct ui *);
/* The first detail line shown: detail_top, clamped to the view. */
size_t		 ui_detail_top(const struct ui *);
/* Index (1-based) of the search match at the cursor, or 0. */
size_t		 ui_match_index(const struct ui *);
/* Is record rec one of the search matches? */
int		 ui_is_match(const struct ui *, int32_t rec);
/* The people of the selected row (detail_people), however many: sets *n.
   Owned by the ui, valid until the next call into the ui. */
const struct detail_person *ui_people(const struct ui *, size_t *n);
/*
 * The help overlay's lines, generated from the key table: line i is a
 * key line (*keys set) or plain text (*keys NULL).  Static strings.
 */
size_t		 ui_help_lines(void);
void		 ui_help_line(size_t i, const char **keys, const char **text);
/*
 * One screen row of the help overlay: the key names (an action's first
 * row only, else NULL) at column 0, and len bytes of text at column x.
 */
struct ui_help_row {
	const char	*keys;
	const char	*text;
	size_t		 len;
	int		 x;
};
/*
 * The help overlay wrapped to width columns: descriptions beside the
 * key names, or below them when the width leaves them too little room;
 * words are never cut unless longer than a row.  Fills out (up to cap;
 * out may be NULL when cap is 0) and returns how many rows in all.
 */
size_t		 ui_help_wrap(int width, struct ui_help_row *out,
		     size_t cap);
/*
 * Are the records pattern expression to matches always among those
 * from matches?  True only when to is from with characters added, both
 * are plain text (no regex metacharacter, so each is a literal), the
 * added ones are ASCII without ':' (the field prefix stays), and they
 * add no uppercase letter unless from has one (smart case stays).
 */
int		 ui_pattern_narrows(const char *from, const char *to);
/*
 * --since: mark the changes of d (diff.h) since its old edition; the
 * ui's registry is diff_merge's, item_of[] its records' items (both
 * borrowed, valid while the ui is).  NULL: none.
 */
void		 ui_set_since(struct ui *, const struct diff *d,
		     const int32_t *item_of);
/* The change of record rec since then (enum diff_change), or -1. */
int		 ui_change(const struct ui *, int32_t rec);
/* Its mark in the list's marker column: "+" added, "-" removed, ">"
   moved, "~" changed, " " none. */
const char	*ui_change_mark(const struct ui *, int32_t rec);

/* Half a page down (dir 1) or up (-1): Ctrl-D, Ctrl-U. */
int		 ui_half_page(struct ui *, int dir);
/*
 * Sort by column col (enum ui_col), reversed or not; the same sort again
 * (or col -1) returns to registry order.  Keeps the selected row.
 */
int		 ui_sort(struct ui *, int col, int rev);
/* The sort as the status line shows it ("port", "name rev"), or NULL. */
const char	*ui_sort_label(const struct ui *);
/* The name of column c ("port", "proto", "name", "desc"). */
const char	*ui_col_name(int c);
/* Is column c shown in the list (not hidden, nor under the wide
   description)? */
int		 ui_col_shown(const struct ui *, int c);
/* The case mode as the status line shows it ("smart", ...). */
const char	*ui_case_label(const struct ui *);
/*
 * Compile a search or filter expression with the case mode: the
 * pattern.h rules, (?i) or (?-i) put before the regex when the mode
 * is not smart case; changed: (since.c) and host: (host.c) expressions
 * as those files compile them.  NULL and *err as pattern_new.
 */
struct pattern	*ui_pattern_new(const struct ui *, const char *expr,
		     char **err);
/*
 * y / Y: the text to copy (ui->copy_text), returning UI_COPY; the tui
 * copies it and reports with ui_copied (where: "the terminal (OSC
 * 52) and xclip", or NULL and why).
 */
int		 ui_copy(struct ui *, int record);
void		 ui_copied(struct ui *, const char *where, const char *why);
/*
 * Prompt history: the history kept (history.h; the ui owns it, NULL
 * for none).  Accepted lines are added and saved at once.
 */
void		 ui_set_history(struct ui *, struct history *);
/*
 * The minimap: its line (layout.minimap, h 0 when hidden), and per
 * cell of it a shade 0 (nothing assigned) .. UI_MINIMAP_LEVELS - 1
 * (all assigned), computed only when the view or the width changed.
 * Returns the number of cells (the line's width) and sets *levels
 * (owned by the ui) and *marker (the cell of the selected row, or -1).
 */
#define UI_MINIMAP_LEVELS	9
size_t		 ui_minimap_cells(const struct ui *, const unsigned char
		     **levels, long *marker);
/* How many times the shading was computed (for tests). */
size_t		 ui_minimap_builds(const struct ui *);
/* The port at cell x of a strip w cells wide, and the reverse. */
int32_t		 ui_minimap_port(int x, int w);
int		 ui_minimap_cell(int32_t port, int w);
/* A click on screen cell (y, x): on the minimap, select the row at
   that port and return UI_ bits; else -1. */
int		 ui_minimap_click(struct ui *, int y, int x);
/* Tab in the : prompt: complete a service name, list the candidates. */
int		 ui_complete(struct ui *);

/*
 * host.c: the lists beside the registry and this host's sockets
 * (overlay.h), borrowed until ui_free: the list's marker column, the
 * detail pane's lines about them, the filter prefix host: and the
 * free-port key.  Without them (never called) those show nothing.
 */
struct overlay;
void		 ui_set_host(struct ui *, const struct overlay *);
/* more(arg), called once by ui_idle, completes the overlay (nmap's
   list, the sockets' owners): what the first screen need not wait for.
   It returns NULL, or a malloc'd note (a list left out, and why) that
   the status line shows. */
void		 ui_set_host_more(struct ui *, char *(*more)(void *),
		     void *arg);
/* Work left until the first screen is shown (tui.c calls it once then).
   Returns the UI_DRAW_ bits of what it changed. */
int		 ui_idle(struct ui *);
/* The marks of row (OVL_MARK_ bits of overlay.h), 0 without a host. */
unsigned	 ui_host_marks(const struct ui *, int32_t row);
/* The marker column's character for marks: '@' in use here, '~' the
   services(5) name differs, '!' both, ' ' none. */
char		 ui_host_marker(unsigned marks);
/* ":" free ports: the best block of n ports' gap row, then the next. */
int		 ui_host_free(struct ui *, long n);
/* Set the message line (printf-like). */
void		 ui_message(struct ui *, int error, const char *, ...)
		     __attribute__((format(printf, 3, 4)));

#endif
