/*
 * pane-detail.c - every field of the selected row, labelled and wrapped,
 * its links underlined and the one 'o' opens highlighted.  It draws the
 * ui's detail view (ui_detail_view), scrolled as ui_detail_top says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "draw.h"
#include "pane.h"
#include "registry.h"
#include "ui.h"

static enum role
pane_detail_role(enum detail_role r)
{
	switch (r) {
	case DETAIL_LINK:
		return ROLE_LINK;
	case DETAIL_NOTE:
		return ROLE_NOTE;
	default:
		return ROLE_NORMAL;
	}
}

/*
 * Line ln of the detail's text, its links underlined and the chosen one
 * (sel) shown as the cursor.
 */
static void
pane_detail_text(const struct ui *ui, struct sline *sl,
    const struct detail *d, const struct detail_line *ln, long sel)
{
	const struct detail_field	*f = &d->fields[ln->field];
	const struct detail_span	*sp;
	size_t				 i, at = ln->off, end, s, e;
	attr_t				 base, a;

	base = draw_attr(pane_detail_role(f->role));
	end = ln->off + ln->len;
	for (i = 0; i < d->n_spans; i++) {
		sp = &d->spans[i];
		if (sp->field != ln->field)
			continue;
		s = sp->off > at ? sp->off : at;
		e = sp->off + sp->len < end ? sp->off + sp->len : end;
		if (s >= e)
			continue;
		if ((long)sp->link == sel)
			a = draw_attr(ui->focus == PANE_DETAIL ?
			    ROLE_CURSOR : ROLE_CURSOR_DIM);
		else
			a = draw_attr(ROLE_LINK);
		sline_add(sl, f->text + at, s - at, base, -1);
		sline_add(sl, f->text + s, e - s, a, -1);
		at = e;
	}
	if (at < end)
		sline_add(sl, f->text + at, end - at, base, -1);
}

void
pane_detail_draw(const struct ui *ui, const struct rect *head,
    const struct rect *body)
{
	const struct ui_detail_view	*v = ui_detail_view(ui);
	const struct detail_field	*f;
	struct sline			 sl;
	size_t				 i, top = ui_detail_top(ui);
	long				 sel;
	attr_t				 ha;
	char				*name = NULL, more[32];
	int				 y;

	ha = draw_attr(ui->focus == PANE_DETAIL ? ROLE_HEADER_FOCUS :
	    ROLE_HEADER);
	sline_start(&sl, head->y, head->x, head->w);
	sline_adds(&sl, ui->focus == PANE_DETAIL ? ">Detail" : " Detail", ha);
	if ((name = ui_detail_title(ui)) != NULL) {
		sline_adds(&sl, ": ", ha);
		sline_adds(&sl, name, ha);
		free(name);
	}
	sel = ui_detail_link(ui, &v->d);
	if (v->n > top + (size_t)body->h) {
		snprintf(more, sizeof more, " %zu more ", v->n - top -
		    (size_t)body->h);
		sline_pad(&sl, sl.end - (int)strlen(more), ha);
		sline_adds(&sl, more, ha);
	}
	sline_pad(&sl, -1, ha);

	for (y = 0; y < body->h && top + (size_t)y < v->n; y++) {
		i = top + (size_t)y;
		f = &v->d.fields[v->lines[i].field];
		sline_start(&sl, body->y + y, body->x, body->w);
		if (v->lines[i].first)
			sline_adds(&sl, f->label, draw_attr(ROLE_LABEL));
		if (v->text_x == 0 && v->lines[i].first)
			continue;	/* the label's own line */
		sline_pad(&sl, body->x + v->text_x, A_NORMAL);
		pane_detail_text(ui, &sl, &v->d, &v->lines[i], sel);
	}
}
