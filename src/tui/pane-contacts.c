/*
 * pane-contacts.c - the people the selected row names: name,
 * organization, e-mail, URI, last updated, role and how many assignments
 * each holds.  Two lines a person.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "draw.h"
#include "pane.h"
#include "registry.h"
#include "sanitize.h"
#include "ui.h"
#include "xmalloc.h"

static void
pane_contacts_add(struct sline *sl, const char *s, attr_t a)
{
	char	*t = sanitize(s, 0);

	sline_adds(sl, t, a);
	free(t);
}

static void
pane_contacts_person(const struct ui *ui, const struct detail_person *dp,
    int y, int lines, const struct rect *body, int selected)
{
	const struct person	*p = NULL;
	struct sline		 sl;
	attr_t			 a, dim = draw_attr(ROLE_NOTE);
	char			 buf[64];
	const char		*role;

	if (dp->person >= 0 && (size_t)dp->person < ui->reg->n_people)
		p = &ui->reg->people[dp->person];
	if (selected)
		a = draw_attr(ui->focus == PANE_CONTACTS ? ROLE_CURSOR :
		    ROLE_CURSOR_DIM);
	else
		a = A_BOLD;
	role = dp->roles == (DETAIL_ASSIGNEE|DETAIL_CONTACT) ?
	    "assignee, contact" : dp->roles == DETAIL_ASSIGNEE ? "assignee" :
	    "contact";

	/* Line 1: name (organization) [id], role. */
	sline_start(&sl, y, body->x, body->w);
	sline_adds(&sl, " ", a);
	if (p != NULL && p->name != NULL)
		pane_contacts_add(&sl, p->name, a);
	else if (p != NULL && p->org != NULL)
		pane_contacts_add(&sl, p->org, a);
	if (p != NULL && p->name != NULL && p->org != NULL) {
		sline_adds(&sl, " (", a);
		pane_contacts_add(&sl, p->org, a);
		sline_adds(&sl, ")", a);
	}
	sline_adds(&sl, p != NULL && (p->name != NULL || p->org != NULL) ?
	    " [" : "[", a);
	pane_contacts_add(&sl, dp->id, a);
	sline_adds(&sl, "]  ", a);
	sline_adds(&sl, role, a);
	sline_pad(&sl, -1, a);
	if (lines < 2)
		return;

	/* Line 2: e-mail, URI, updated, assignments. */
	sline_start(&sl, y + 1, body->x, body->w);
	sline_adds(&sl, "   ", A_NORMAL);
	if (p == NULL) {
		sline_adds(&sl, "not in the people table", dim);
		return;
	}
	if (p->email != NULL) {
		pane_contacts_add(&sl, p->email, draw_attr(ROLE_LINK));
		sline_adds(&sl, "  ", A_NORMAL);
	}
	if (p->uri != NULL) {
		pane_contacts_add(&sl, p->uri, draw_attr(ROLE_LINK));
		sline_adds(&sl, "  ", A_NORMAL);
	}
	if (p->updated != NULL) {
		sline_adds(&sl, "updated ", dim);
		pane_contacts_add(&sl, p->updated, A_NORMAL);
		sline_adds(&sl, "  ", A_NORMAL);
	}
	snprintf(buf, sizeof buf, "%u assignment%s", (unsigned)p->n_records,
	    p->n_records == 1 ? "" : "s");
	sline_adds(&sl, buf, dim);
}

void
pane_contacts_draw(const struct ui *ui, const struct rect *head,
    const struct rect *body)
{
	const struct detail_person *people;
	struct sline		 sl;
	size_t			 n, i;
	attr_t			 ha;
	char			 title[64], more[32];
	int			 y, per;

	ha = draw_attr(ui->focus == PANE_CONTACTS ? ROLE_HEADER_FOCUS :
	    ROLE_HEADER);
	people = ui_people(ui, &n);
	sline_start(&sl, head->y, head->x, head->w);
	snprintf(title, sizeof title, "%cContacts", ui->focus ==
	    PANE_CONTACTS ? '>' : ' ');
	if (n > 0)
		snprintf(title + 9, sizeof title - 9, " (%zu)", n);
	sline_adds(&sl, title, ha);
	if (ui->focus == PANE_CONTACTS && n > 0)
		sline_adds(&sl, "  Enter: their assignments", ha);
	per = body->h >= 2 ? 2 : 1;
	if (n > ui->contact_top + (size_t)(body->h / per)) {
		snprintf(more, sizeof more, " %zu more ", n - ui->contact_top -
		    (size_t)(body->h / per));
		sline_pad(&sl, sl.end - (int)strlen(more), ha);
		sline_adds(&sl, more, ha);
	}
	sline_pad(&sl, -1, ha);

	if (n == 0) {
		if (body->h > 0) {
			sline_start(&sl, body->y, body->x, body->w);
			sline_adds(&sl, " No people named by this row",
			    draw_attr(ROLE_NOTE));
		}
		return;
	}
	for (i = ui->contact_top, y = 0; i < n && y < body->h; i++, y += per)
		pane_contacts_person(ui, &people[i], body->y + y,
		    body->h - y >= 2 ? per : 1, body, i == ui->contact_sel);
}
