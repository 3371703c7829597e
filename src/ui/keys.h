/*
 * keys.h - the browser's key table: ONE list from which the action enum,
 * the key bindings, the help overlay and the man page's KEYS section are
 * all generated, and through which the keys dispatch, so that they
 * cannot drift apart.
 *
 * Each entry: K(ACTION, "keys", "help text", handler).  The handler
 * (ui-private.h: int handler(struct ui *), returning the UI_ bits of
 * ui.h) is what ui_action() calls for the action, through a table made
 * from this same list.  "keys" is a space-separated
 * list of key names: a single character ("j", "}", "&"), or one of
 * Down Up PgDn PgUp Home End Enter Tab Shift-Tab Backspace Esc Space F1,
 * or Ctrl-X.  keys.c parses these names into key codes for dispatch.
 *
 * Key codes (curses-free, so that the UI state can be tested without a
 * terminal): a Unicode code point for a character, the ASCII control
 * code for Ctrl-X, or one of the KEYC_ values below for special keys.
 */
#ifndef PORTREG_KEYS_H
#define PORTREG_KEYS_H

#include <stddef.h>
#include <stdio.h>

#define KEYS_TABLE(K) \
	K(DOWN,		"j Down",		"next row; in the detail pane, the next link", \
	    ui_act_down) \
	K(UP,		"k Up",			"previous row; in the detail pane, " \
	    "the previous link", \
	    ui_act_up) \
	K(PAGE_DOWN,	"PgDn Space Ctrl-F",	"page down", \
	    ui_act_page_down) \
	K(PAGE_UP,	"PgUp b Ctrl-B",	"page up", \
	    ui_act_page_up) \
	K(HALF_DOWN,	"Ctrl-D",		"half a page down", \
	    ui_act_half_down) \
	K(HALF_UP,	"Ctrl-U",		"half a page up", \
	    ui_act_half_up) \
	K(FIRST,	"g Home <",		"first row", \
	    ui_act_first) \
	K(LAST,		"G End >",		"last row", \
	    ui_act_last) \
	K(NEXT_ASSIGN,	"}",			"next assignment at another port number", \
	    ui_act_next_assign) \
	K(PREV_ASSIGN,	"{",			"previous assignment at another port number", \
	    ui_act_prev_assign) \
	K(NEXT_GAP,	"]",			"next gap range (Unassigned)", \
	    ui_act_next_gap) \
	K(PREV_GAP,	"[",			"previous gap range", \
	    ui_act_prev_gap) \
	K(NEXT_CHANGE,	".",			"next row changed since the --since edition", \
	    ui_act_next_change) \
	K(PREV_CHANGE,	",",			"previous changed row", \
	    ui_act_prev_change) \
	K(GOTO,		":",			"go to a port, port/protocol or service name", \
	    ui_act_goto) \
	K(SEARCH,	"/",			"search forward (regex, matches shown as you type)", \
	    ui_act_search) \
	K(RSEARCH,	"?",			"search backward", \
	    ui_act_rsearch) \
	K(NEXT_MATCH,	"n",			"next match (wraps, and says so)", \
	    ui_act_next_match) \
	K(PREV_MATCH,	"N",			"previous match", \
	    ui_act_prev_match) \
	K(FILTER,	"&",			"filter: only rows matching a regex; empty clears", \
	    ui_act_filter) \
	K(FREE,		"F",			"free ports: ask how many in a row, " \
	    "select the best block's gap (not in the registry, services(5) " \
	    "or in use here); again: the next best", \
	    ui_act_free) \
	K(CONTACTS,	"Enter c",		"the row's contacts; on a person, all its assignments; " \
	    "on a row of that list, the row in the full registry (Esc or " \
	    "Ctrl-O: back to the list)", \
	    ui_act_contacts) \
	K(FOCUS_NEXT,	"Tab",			"focus the next pane", \
	    ui_act_focus_next) \
	K(FOCUS_PREV,	"Shift-Tab",		"focus the previous pane", \
	    ui_act_focus_prev) \
	K(BACK,		"Ctrl-O Backspace",	"back to where you were before the last jump", \
	    ui_act_back) \
	K(OPEN,		"o",			"open the highlighted link of the " \
	    "detail pane, or in the contacts pane the person's URI or " \
	    "e-mail (http, https and mailto only)", \
	    ui_act_open) \
	K(COL_NEXT,	"Right",		"focus the next column of the list " \
	    "(for s, S and -)", \
	    ui_act_col_next) \
	K(COL_PREV,	"Left",			"focus the previous column of the list", \
	    ui_act_col_prev) \
	K(SORT,		"s",			"sort the list by the focused column; " \
	    "again: registry order (} { ] [ and : keep to port order)", \
	    ui_act_sort) \
	K(RSORT,	"S",			"sort by the focused column, reversed; " \
	    "again: registry order", \
	    ui_act_rsort) \
	K(HIDE_COL,	"-",			"hide the focused column of the list", \
	    ui_act_hide_col) \
	K(SHOW_COLS,	"+",			"show the hidden columns again", \
	    ui_act_show_cols) \
	K(WIDE_DESC,	"_",			"widen the description to the whole " \
	    "list (again: back)", \
	    ui_act_wide_desc) \
	K(COPY,		"y",			"copy the row's service and " \
	    "port/protocol to the clipboard", \
	    ui_act_copy) \
	K(COPY_RECORD,	"Y",			"copy the whole record, as its CSV " \
	    "line, to the clipboard", \
	    ui_act_copy_record) \
	K(CASE,		"i",			"case of search and filter: smart, " \
	    "ignore case, match case (in turn)", \
	    ui_act_case) \
	K(MINIMAP,	"m",			"show or hide the port-space minimap " \
	    "(a click on it selects the row at that port)", \
	    ui_act_minimap) \
	K(HELP,		"h F1",			"this help", \
	    ui_act_help) \
	K(CANCEL,	"Esc",			"cancel prompt, close overlay or list, clear filter", \
	    ui_act_cancel) \
	K(QUIT,		"q Ctrl-C",		"quit (q closes the help first)", \
	    ui_act_quit)

enum key_action {
	ACT_NONE = 0,
#define KEYS_ENUM(a, k, h, fn) ACT_##a,
	KEYS_TABLE(KEYS_ENUM)
#undef KEYS_ENUM
	ACT_COUNT
};

/* Special keys.  Above every Unicode code point. */
enum {
	KEYC_BASE = 0x200000,
	KEYC_DOWN,
	KEYC_UP,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PGDN,
	KEYC_PGUP,
	KEYC_HOME,
	KEYC_END,
	KEYC_ENTER,
	KEYC_TAB,
	KEYC_BTAB,
	KEYC_BSPACE,
	KEYC_DC,
	KEYC_ESC,
	KEYC_F1,
	KEYC_LAST
};
#define KEYC_CTRL(c)	((c) & 0x1f)

/* The key names ("j Down") and help text of an action. */
const char	*keys_names(enum key_action);
const char	*keys_help(enum key_action);
/* The action name in lower case with '-' ("page-down"). */
const char	*keys_action_name(enum key_action);

/* Parse one key name ("Ctrl-F", "PgDn", "}") of len bytes; -1 if unknown. */
int		 keys_parse(const char *name, size_t len);
/* The action bound to a key code, or ACT_NONE. */
enum key_action	 keys_action(int keyc);

/*
 * The man page lines of the KEYS section (roff, without the .SH line),
 * exactly as doc/portreg.1 holds them between its KEYS markers.
 */
void		 keys_man(FILE *);

#endif
