/*
 * people.c - the contacts pane: the people a row names, choosing one,
 * and the list of a person's assignments.
 */
#include "config.h"

#include <stdlib.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

const struct detail_person *
ui_people(const struct ui *ui, size_t *n)
{
	/* The cache is the ui's own: rebuilt even for a const ui. */
	struct ui_detail_view	*v = ui->dview;
	int32_t			 row = ui_row(ui);

	if (v->people_row != row || row == INT32_MIN) {
		free(v->people);
		v->people = NULL;
		v->n_people = 0;
		if (row != INT32_MIN)
			v->people = detail_people(ui->reg, row, &v->n_people);
		v->people_row = row;
	}
	*n = v->n_people;
	return v->people;
}

/* How many people fit in the contacts pane (two lines each). */
size_t
ui_contacts_visible(const struct ui *ui)
{
	return (size_t)ui_pane_rows(ui, PANE_CONTACTS) / 2 > 0 ?
	    (size_t)ui_pane_rows(ui, PANE_CONTACTS) / 2 : 1;
}

void
ui_contact_select(struct ui *ui, long sel)
{
	size_t			 n, vis = ui_contacts_visible(ui);

	(void)ui_people(ui, &n);
	if (sel >= (long)n)
		sel = (long)n - 1;
	if (sel < 0)
		sel = 0;
	ui->contact_sel = (size_t)sel;
	if (ui->contact_sel < ui->contact_top)
		ui->contact_top = ui->contact_sel;
	if (ui->contact_sel >= ui->contact_top + vis)
		ui->contact_top = ui->contact_sel - vis + 1;
}

static int
ui_person_list(struct ui *ui, const struct detail_person *dp)
{
	const struct person	*p = NULL;
	const uint32_t		*recs;
	size_t			 n;
	int32_t			 from = ui_row(ui);

	if (dp->person >= 0) {
		p = &ui->reg->people[dp->person];
		recs = registry_person_records(ui->reg, (uint32_t)dp->person,
		    &n);
	} else {
		/* Known only by id (a CSV has no people table): the records
		   naming it are still theirs. */
		n = registry_id_records(ui->reg, dp->id, ui->scratch,
		    ui->reg->n_records);
		if (n > ui->reg->n_records)
			n = ui->reg->n_records;
		recs = ui->scratch;
	}
	if (n == 0 || recs == NULL) {
		ui_message(ui, 1, "No assignments for %s", dp->id);
		return UI_DRAW_STATUS;
	}
	if (ui->view != &ui->persons) {
		ui->person_from = from;
		ui->person_focus = ui->focus;
	}
	ui->person_return = 0;
	view_build_list(&ui->persons, ui->reg, recs, n);
	ui->person = dp->person;
	ui->person_id = dp->id;
	ui_set_view(ui, &ui->persons, from);
	ui->focus = PANE_LIST;
	ui_message(ui, 0, "%zu assignment%s of %s (Esc returns)", n,
	    n == 1 ? "" : "s", p == NULL ? dp->id : p->name != NULL ?
	    p->name : p->org != NULL ? p->org : p->id);
	return UI_DRAW_ROW;
}

int
ui_contacts(struct ui *ui)
{
	const struct detail_person	*people;
	size_t				 n;

	people = ui_people(ui, &n);
	if (n == 0) {
		ui_message(ui, 0, "No people named by this row");
		return UI_DRAW_STATUS;
	}
	if (ui->focus != PANE_CONTACTS) {
		ui->focus = PANE_CONTACTS;
		ui_contact_select(ui, (long)ui->contact_sel);
		return UI_DRAW_PANES;
	}
	if (ui->contact_sel >= n)
		ui->contact_sel = n - 1;
	return ui_person_list(ui, &people[ui->contact_sel]);
}

/* Enter on a row of a person's list: that row in the full registry. */
static int
ui_person_open_row(struct ui *ui)
{
	int32_t	 row = ui_row(ui);
	long	 p;

	ui->person_ret_person = ui->person;
	ui->person_ret_id = ui->person_id;
	ui->person_ret_row = row;
	ui->person_return = 1;
	ui_leave_persons(ui, row);
	if (ui->filter != NULL) {
		ui_park_filter(ui);
		ui->person_return = 2;
	}
	if ((p = view_find(ui->view, row)) >= 0)
		ui_select(ui, (size_t)p, 1);
	ui->focus = PANE_LIST;
	ui_message(ui, 0, "The full registry (Esc or Ctrl-O: back to the "
	    "list)");
	return UI_DRAW_ROW;
}

int
ui_person_return(struct ui *ui)
{
	int	 parked = ui->person_return == 2;

	if (!ui->person_return)
		return 0;
	ui->person_return = 0;
	if (ui->persons.rows == NULL || ui->view == &ui->persons)
		return 0;
	if (parked && ui->parked != NULL && ui->filter == NULL)
		ui_unpark_filter(ui, ui_row(ui));
	ui->person = ui->person_ret_person;
	ui->person_id = ui->person_ret_id;
	ui_set_view(ui, &ui->persons, ui->person_ret_row);
	ui->focus = PANE_LIST;
	ui_message(ui, 0, "Back to the list");
	return 1;
}

int
ui_act_contacts(struct ui *ui)
{
	if (ui->view == &ui->persons && ui->focus == PANE_LIST &&
	    ui_row(ui) != INT32_MIN)
		return ui_person_open_row(ui);
	return ui_contacts(ui);
}
