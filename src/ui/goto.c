/*
 * goto.c - going to a port, port/protocol or service name (the :
 * prompt): a row the current view shows when one matches, else leaving
 * the person list or the filter (kept aside for Ctrl-O) that hides it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "query.h"
#include "registry.h"
#include "ui-private.h"

/* Show row id: leave the person list or filter if it hides the row. */
static int
ui_show_row(struct ui *ui, int32_t row)
{
	long	 p;

	if ((p = view_find(ui->view, row)) < 0 && ui->view == &ui->persons) {
		ui_leave_persons(ui, ui_row(ui));
		p = view_find(ui->view, row);
	}
	if (p < 0 && ui->filter != NULL) {
		ui_park_filter(ui);
		p = view_find(ui->view, row);
		ui_message(ui, 0, "Filter cleared to show it (Ctrl-O brings "
		    "it back)");
	}
	if (p < 0)
		return 0;
	ui_jump(ui, (size_t)p);
	if (ui->parked != NULL)
		ui->parked_jump = ui->n_jumps;
	return 1;
}

/*
 * Of the n records in recs, the one to go to: one the current view
 * shows before one it hides, and then (for a port) one that starts at
 * the port asked for (lo; -1 for a name).
 */
static int32_t
ui_goto_pick(const struct ui *ui, const uint32_t *recs, size_t n,
    int32_t lo)
{
	size_t	 i;
	int	 rank, best_rank = -1;
	int32_t	 best = (int32_t)recs[0];

	for (i = 0; i < n; i++) {
		rank = (view_find(ui->view, (int32_t)recs[i]) >= 0) * 2 +
		    (lo >= 0 && ui->reg->records[recs[i]].port_lo == lo);
		if (rank > best_rank) {
			best_rank = rank;
			best = (int32_t)recs[i];
		}
	}
	return best;
}

int
ui_goto(struct ui *ui, const char *s)
{
	struct query	 q;
	const char	*why;
	size_t		 n;
	int32_t		 row = INT32_MIN, g;
	char		 buf[UI_LINE_MAX];

	while (*s == ' ')
		s++;
	snprintf(buf, sizeof buf, "%s", s);
	for (n = strlen(buf); n > 0 && buf[n - 1] == ' '; n--)
		buf[n - 1] = '\0';
	if (buf[0] == '\0')
		return UI_DRAW_ROW;
	if (query_parse(buf, &q, &why) != 0) {
		ui_message(ui, 1, "%s: %s", buf, why);
		return UI_DRAW_ROW;
	}
	if (q.kind == QUERY_NAME)
		n = registry_by_name(ui->reg, q.name, q.proto, ui->scratch,
		    ui->reg->n_records);
	else
		n = query_run(ui->reg, &q, ui->scratch, ui->reg->n_records);
	if (n > ui->reg->n_records)
		n = ui->reg->n_records;
	if (n > 0)
		row = ui_goto_pick(ui, ui->scratch, n,
		    q.kind == QUERY_NAME ? -1 : q.lo);
	else if (q.kind != QUERY_NAME &&
	    (g = registry_gap_at(ui->reg, q.lo)) >= 0) {
		row = ui->reg->gaps[g].record >= 0 ?
		    ui->reg->gaps[g].record : ROW_GAP(g);
	}
	if (row == INT32_MIN && q.kind != QUERY_NAME &&
	    !registry_covers(ui->reg, q.lo, q.hi)) {
		if (ui->reg->cover_lo < 0)
			ui_message(ui, 1, "%s: this file lists no port", buf);
		else
			ui_message(ui, 1, "%s: not covered by this file, which "
			    "lists ports %d-%d only", buf,
			    (int)ui->reg->cover_lo, (int)ui->reg->cover_hi);
		return UI_DRAW_ROW;
	}
	if (row == INT32_MIN) {
		ui_message(ui, 1, "Nothing at %s", buf);
		return UI_DRAW_ROW;
	}
	if (!ui_show_row(ui, row))
		ui_message(ui, 1, "%s is not in this list", buf);
	return UI_DRAW_ROW;
}
