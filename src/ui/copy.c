/*
 * copy.c - y and Y: the text to copy (the row's "service port/proto",
 * or the record's CSV line), handed to the tui with UI_COPY, and what
 * the tui says of where it went.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record-row.h"
#include "registry.h"
#include "sanitize.h"
#include "ui-private.h"
#include "xmalloc.h"

int
ui_copy(struct ui *ui, int whole)
{
	const struct record	*r;
	const struct gap	*g;
	struct buf		 b = { 0 };
	char			 port[FIELD_PORT_SIZE];
	int32_t			 row = ui_row(ui);

	if (row == INT32_MIN) {
		ui_message(ui, 1, "No row to copy");
		return UI_DRAW_STATUS;
	}
	if (ROW_IS_GAP(row)) {
		g = &ui->reg->gaps[ROW_GAP_INDEX(row)];
		field_port_format(port, g->lo, g->hi);
		buf_printf(&b, "Unassigned %s", port);
		if (g->proto != PROTO_NONE)
			buf_printf(&b, "/%s", proto_name(g->proto));
	} else if (whole) {
		record_csv_line(&b, &ui->reg->records[row]);
	} else {
		r = &ui->reg->records[row];
		if (r->service != NULL && r->service[0] != '\0')
			buf_adds(&b, r->service);
		else if (r->kind == KIND_UNASSIGNED)
			buf_adds(&b, "Unassigned");
		else if (r->kind == KIND_RESERVED)
			buf_adds(&b, "Reserved");
		if (r->port_lo >= 0) {
			field_port_format(port, r->port_lo, r->port_hi);
			buf_printf(&b, "%s%s", b.len > 0 ? " " : "", port);
			if (r->proto != PROTO_NONE)
				buf_printf(&b, "/%s", proto_name(r->proto));
		}
	}
	if (b.len == 0)
		buf_adds(&b, "");
	free(ui->copy_text);
	ui->copy_text = buf_detach(&b);
	return UI_COPY | UI_DRAW_STATUS;
}

void
ui_copied(struct ui *ui, const char *where, const char *why)
{
	char	*s = sanitize(ui->copy_text, 0);

	if (where != NULL)
		ui_message(ui, why != NULL, "Copied %.60s%s to %s%s%s",
		    s, strlen(s) > 60 ? "…" : "", where,
		    why != NULL ? "; " : "", why != NULL ? why : "");
	else
		ui_message(ui, 1, "Not copied: %s", why != NULL ? why :
		    "no clipboard");
	free(s);
}

int
ui_act_copy(struct ui *ui)
{
	return ui_copy(ui, 0);
}

int
ui_act_copy_record(struct ui *ui)
{
	return ui_copy(ui, 1);
}
