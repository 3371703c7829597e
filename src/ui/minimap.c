/*
 * minimap.c - the port-space minimap (m): a line of the list pane whose
 * cells each stand for a slice of ports 0-65535, shaded by how much of
 * the slice the rows shown assign; the selected row's cell is marked,
 * and a click selects the row at that port.
 *
 * The shading is computed again only when the view shown (the registry,
 * the filter, a person's list) or the width changes: a move of the
 * selection only moves the marker.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

#define MM_PORTS	(PORT_MAX + 1)

struct ui_minimap {
	unsigned char	*levels;
	size_t		 w;
	/* What the levels were computed for. */
	const struct view *view;
	unsigned long	 gen;
	uint8_t		*bits;		/* MM_PORTS / 8: ports assigned */
	size_t		 built;		/* how many times (for tests) */
};

void
ui_minimap_free(struct ui *ui)
{
	if (ui->mm == NULL)
		return;
	free(ui->mm->levels);
	free(ui->mm->bits);
	free(ui->mm);
	ui->mm = NULL;
}

size_t
ui_minimap_builds(const struct ui *ui)
{
	return ui->mm != NULL ? ui->mm->built : 0;
}

int32_t
ui_minimap_port(int x, int w)
{
	if (w <= 0 || x < 0)
		return 0;
	if (x >= w)
		x = w - 1;
	return (int32_t)((int64_t)x * MM_PORTS / w);
}

int
ui_minimap_cell(int32_t port, int w)
{
	if (w <= 0 || port < 0)
		return -1;
	if (port > PORT_MAX)
		port = PORT_MAX;
	return (int)((int64_t)port * w / MM_PORTS);
}

/* The line the minimap takes: the first of the list pane's body, when
   that leaves the list three rows or more. */
void
ui_minimap_layout(struct ui *ui)
{
	struct layout	*l = &ui->layout;

	*l = ui->layout_given;
	ui->dview->shared_ok = 0;	/* ui_layout shares it anew */
	memset(&l->minimap, 0, sizeof l->minimap);
	if (!ui->minimap || l->too_small || l->body[PANE_LIST].h < 4)
		return;
	l->minimap = l->body[PANE_LIST];
	l->minimap.h = 1;
	l->body[PANE_LIST].y++;
	l->body[PANE_LIST].h--;
}

/* The levels for the current view at width w. */
static void
ui_minimap_build(const struct ui *ui, struct ui_minimap *mm, size_t w)
{
	const struct view	*v = ui->view;
	const struct record	*r;
	size_t			 i, x;
	int32_t			 p, lo, hi, row;
	uint32_t		 set, all;

	if (mm->bits == NULL)
		mm->bits = xmalloc(MM_PORTS / 8);
	memset(mm->bits, 0, MM_PORTS / 8);
	for (i = 0; i < v->n; i++) {
		row = v->rows[i];
		if (ROW_IS_GAP(row))
			continue;
		r = &ui->reg->records[row];
		if (r->kind != KIND_ASSIGNED || r->port_lo < 0)
			continue;
		for (p = r->port_lo; p <= r->port_hi && p <= PORT_MAX; p++)
			mm->bits[p >> 3] |= (uint8_t)(1u << (p & 7));
	}
	free(mm->levels);
	mm->levels = xmalloc(w + 1);
	for (x = 0; x < w; x++) {
		lo = ui_minimap_port((int)x, (int)w);
		hi = x + 1 < w ? ui_minimap_port((int)x + 1, (int)w) - 1 :
		    PORT_MAX;
		if (hi < lo)
			hi = lo;
		set = 0;
		for (p = lo; p <= hi; p++)
			set += (mm->bits[p >> 3] >> (p & 7)) & 1;
		all = (uint32_t)(hi - lo + 1);
		/* Anything assigned shows (level 1 at least); all is full. */
		mm->levels[x] = set == 0 ? 0 : (unsigned char)(1 +
		    (uint64_t)set * (UI_MINIMAP_LEVELS - 2) / all);
	}
	mm->w = w;
	mm->view = v;
	mm->gen = v->gen;
	mm->built++;
}

size_t
ui_minimap_cells(const struct ui *ui, const unsigned char **levels,
    long *marker)
{
	struct ui_minimap	*mm = ui->mm;
	size_t			 w = (size_t)ui->layout.minimap.w;
	int32_t			 row = ui_row(ui), port = -1;

	*levels = NULL;
	*marker = -1;
	if (!ui->minimap || mm == NULL || ui->layout.minimap.h == 0 || w == 0)
		return 0;
	/* The cache: built anew only for another view or width. */
	if (mm->levels == NULL || mm->w != w || mm->view != ui->view ||
	    mm->gen != ui->view->gen)
		ui_minimap_build(ui, mm, w);
	if (row != INT32_MIN)
		port = ROW_IS_GAP(row) ? ui->reg->gaps[ROW_GAP_INDEX(row)].lo :
		    ui->reg->records[row].port_lo;
	*marker = port >= 0 ? ui_minimap_cell(port, (int)w) : -1;
	*levels = mm->levels;
	return w;
}

/* The position in the view of the row at port: one holding it (an
   assignment before a gap), else the nearest after, else before. */
static long
ui_minimap_row_at(const struct ui *ui, int32_t port)
{
	const struct view	*v = ui->view;
	size_t			 i;
	long			 best = -1, after = -1, before = -1;
	int32_t			 lo, hi, row, alo = -1, blo = -1;
	int			 gap, best_gap = 1;

	for (i = 0; i < v->n; i++) {
		row = v->rows[i];
		if (ROW_IS_GAP(row)) {
			lo = ui->reg->gaps[ROW_GAP_INDEX(row)].lo;
			hi = ui->reg->gaps[ROW_GAP_INDEX(row)].hi;
			gap = 1;
		} else {
			lo = ui->reg->records[row].port_lo;
			hi = ui->reg->records[row].port_hi;
			gap = ui->reg->records[row].kind != KIND_ASSIGNED;
		}
		if (lo < 0)
			continue;
		if (lo <= port && port <= hi) {
			if (best < 0 || (best_gap && !gap)) {
				best = (long)i;
				best_gap = gap;
			}
		} else if (lo > port && (after < 0 || lo < alo)) {
			after = (long)i;
			alo = lo;
		} else if (hi < port && (before < 0 || lo > blo)) {
			before = (long)i;
			blo = lo;
		}
	}
	return best >= 0 ? best : after >= 0 ? after : before;
}

int
ui_minimap_click(struct ui *ui, int y, int x)
{
	const struct rect	*r = &ui->layout.minimap;
	int32_t			 port;
	long			 pos;

	if (!ui->minimap || r->h == 0 || y != r->y || x < r->x ||
	    x >= r->x + r->w)
		return -1;
	if (ui->prompt != PROMPT_NONE || ui->help)
		return UI_NONE;
	port = ui_minimap_port(x - r->x, r->w);
	if ((pos = ui_minimap_row_at(ui, port)) < 0) {
		ui_message(ui, 1, "No row near port %d", (int)port);
		return UI_DRAW_STATUS;
	}
	ui->focus = PANE_LIST;
	ui_jump(ui, (size_t)pos);
	ui_message(ui, 0, "Port %d", (int)port);
	return UI_DRAW_ROW;
}

int
ui_act_minimap(struct ui *ui)
{
	ui->minimap = !ui->minimap;
	if (ui->minimap && ui->mm == NULL)
		ui->mm = xcalloc(1, sizeof *ui->mm);
	ui_minimap_layout(ui);
	if (ui->minimap && ui->layout.minimap.h == 0)
		ui_message(ui, 1, "No room for the minimap at this size");
	ui_fix_top(ui, 0);
	return UI_DRAW_ALL;
}
