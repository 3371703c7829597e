/*
 * ui-private.h - what the files of src/ui share and nobody else sees:
 * the views' helpers and the steps the actions are made of.  ui.h holds
 * the public contract.
 */
#ifndef PORTREG_UI_PRIVATE_H
#define PORTREG_UI_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "ui.h"

struct pattern;

/* view.c: views of row ids. */
void		 view_free(struct view *);
void		 view_build_all(struct view *, const struct registry *);
void		 view_build_list(struct view *, const struct registry *,
		     const uint32_t *list, size_t n);
/* Position of row id in v, or -1. */
long		 view_find(const struct view *, int32_t row);
/* First index in a (ascending, n) whose value is > x (upper) or >= x
   (lower); n if none. */
size_t		 view_upper_bound(const uint32_t *a, size_t n, size_t x);
size_t		 view_lower_bound(const uint32_t *a, size_t n, size_t x);

/* Fill a view's positions, gaps and assigned from its rows. */
void		 view_reindex(struct view *, const struct registry *);

/* sort.c: the sort and the columns. */
/* Put v's rows in the ui's sort order (or back in their own). */
void		 ui_sort_view(struct ui *, struct view *);
/* Run fn(ui, dir), a move among ports (} { ] [), in port order: on the
   view's own order when it is sorted. */
int		 ui_port_order(struct ui *, int (*fn)(struct ui *, int),
		     int dir);
/* The sort key of the ui: 0 for registry order. */
#define UI_SORT_KEY(ui) ((ui)->sort_col == 0 ? 0 : \
	(ui)->sort_col * 2 + (ui)->sort_rev)

/* history.c: Up and Down at a prompt; the accepted line kept. */
int		 ui_history_key(struct ui *, int dir);
void		 ui_history_add(struct ui *);
void		 ui_history_open(struct ui *);

/* minimap.c: take the minimap's line out of the layout; free. */
void		 ui_minimap_layout(struct ui *);
void		 ui_minimap_free(struct ui *);

/* gapsize.c: the filter prefix size:.  -1: expr is not one; else the
   UI_ bits (the filter set, or the message why not). */
int		 ui_size_filter(struct ui *, const char *expr);
/* While typing: 1 and *count when expr is a size: filter, -1 when a
   malformed one (message set), 0 when not one. */
int		 ui_size_count(struct ui *, const char *expr, size_t *count);

/* complete.c */
void		 ui_names_free(struct ui_names *);

/* people.c: back from the full registry to the person list (Esc,
   Ctrl-O after Enter there); 0 when Enter did not leave one. */
int		 ui_person_return(struct ui *);

/* ui.c: the selection, views and jumps. */
void		 ui_fix_top(struct ui *, int centre);
void		 ui_select(struct ui *, size_t pos, int centre);
void		 ui_set_view(struct ui *, struct view *, int32_t keep);
void		 ui_jump_push(struct ui *);
void		 ui_jump(struct ui *, size_t pos);
void		 ui_leave_persons(struct ui *, int32_t keep);
void		 ui_clear_filter(struct ui *, int32_t keep);
/* Set the filter aside (ui->parked) and show every row; drop it. */
void		 ui_park_filter(struct ui *);
void		 ui_park_drop(struct ui *);
/* Put the parked filter back, at row. */
void		 ui_unpark_filter(struct ui *, int32_t row);

/* dview.c: the detail pane's view, scrolling and links. */
void		 ui_dview_free(struct ui_detail_view *);
void		 ui_detail_scroll(struct ui *, long delta);
void		 ui_detail_step(struct ui *, int dir);
void		 ui_detail_end(struct ui *, int dir);
void		 ui_detail_click(struct ui *, size_t line);

/* people.c: the contacts pane. */
size_t		 ui_contacts_visible(const struct ui *);
void		 ui_contact_select(struct ui *, long sel);

/* search.c */
void		 ui_filter_show(struct ui *, struct pattern *, const char *expr,
		     const uint32_t *rows, size_t n);
void		 ui_match_positions(struct ui *);
void		 ui_search_set(struct ui *, struct pattern *, const char *expr,
		     int dir);
/* Room for a row id per record and one more (ui.c; free()). */
uint32_t	*ui_rows_new(const struct registry *);
size_t		 ui_prompt_find(struct ui *, struct pattern *,
		     const char *expr, int *limited);
long		 ui_match_from(struct ui *, size_t from, int dir,
		     int *wrapped);
void		 ui_match_message(struct ui *, int wrapped, int dir);
/* What to add to a search's messages when it hit the limits. */
#define UI_LIMITED(ui) ((ui)->search_limited ? \
	" (pattern too complex: some rows were not searched)" : "")

/* since.c: the changed: prefix of search and filter ("changed:REGEX"
   matches REGEX against "added", "removed", or "moved"/"changed" and
   the changed fields' names), and the detail pane's before and after. */
int		 ui_since_expr(const char *expr);
/* A changed: expression compiled (ui_pattern_new calls it for one). */
struct pattern	*ui_since_pattern(const struct ui *, const char *expr,
		     char **err);
size_t		 ui_since_find(struct ui *, struct pattern *, uint32_t *rows);
struct detail;
void		 ui_since_detail(const struct ui *, struct detail *,
		     int32_t row);
/* host.c: the detail pane's lines about the lists beside the registry;
   host: patterns (ui_host_prefix: does expr start with it?); free. */
void		 ui_host_detail(const struct ui *, struct detail *, int32_t row);
int		 ui_host_prefix(const char *expr);
struct pattern	*ui_host_pattern(const char *expr, char **err);
size_t		 ui_host_find(struct ui *, struct pattern *, uint32_t *rows,
		     size_t cap, int gaps);
int		 ui_host_free_prompt(struct ui *, const char *line);
void		 ui_host_drop(struct ui *);

/* help.c, prompt.c: the keys while the overlay or a prompt is open. */
int		 ui_help_key(struct ui *, enum key_action);
int		 ui_prompt_key(struct ui *, int keyc);

/*
 * The handlers of the key table (keys.h), one per action, each in the
 * file of its concern; ui_action calls them through a table made from
 * KEYS_TABLE.  Each returns the UI_ bits of what it changed.
 */
#define UI_HANDLER_DECL(a, k, h, fn) int fn(struct ui *);
KEYS_TABLE(UI_HANDLER_DECL)
#undef UI_HANDLER_DECL

#endif
