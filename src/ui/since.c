/*
 * since.c - the browser's --since: rows changed since an older edition
 * (diff.h), their marks, their before and after in the detail pane, the
 * changed: prefix of search and filter, and the keys to the next and
 * previous change.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "diff.h"
#include "pattern.h"
#include "registry.h"
#include "sanitize.h"
#include "ui-private.h"
#include "xmalloc.h"

#define SINCE_PREFIX	"changed:"

/* The detail pane's label of each field diff.h compares. */
static const char *const since_labels[DIFF_FIELDS] = {
	"Service", "Port", "Description", "Assignees", "Contacts",
	"Registered", "Modified", "References", "Service code",
	"Unauthorized", "Notes", "Name", "Organization", "E-mail", "URI",
};

void
ui_set_since(struct ui *ui, const struct diff *d, const int32_t *item_of)
{
	ui->since = d;
	ui->since_item = item_of;
	if (d == NULL)
		return;
	ui_message(ui, 0, "Since %s: %zu added, %zu removed, %zu moved, "
	    "%zu changed (. and , step through them)",
	    d->old->updated != NULL ? d->old->updated : d->old->source,
	    d->counts[0][DIFF_ADDED], d->counts[0][DIFF_REMOVED],
	    d->counts[0][DIFF_MOVED], d->counts[0][DIFF_CHANGED]);
}

static const struct diff_item *
ui_since_item(const struct ui *ui, int32_t rec)
{
	if (ui->since == NULL || rec < 0 ||
	    (size_t)rec >= ui->reg->n_records || ui->since_item[rec] < 0)
		return NULL;
	return &ui->since->items[ui->since_item[rec]];
}

int
ui_change(const struct ui *ui, int32_t rec)
{
	const struct diff_item	*it = ui_since_item(ui, rec);

	return it != NULL ? (int)it->change : -1;
}

const char *
ui_change_mark(const struct ui *ui, int32_t rec)
{
	switch (ui_change(ui, rec)) {
	case DIFF_ADDED:
		return "+";
	case DIFF_REMOVED:
		return "-";
	case DIFF_MOVED:
		return ">";
	case DIFF_CHANGED:
		return "~";
	default:
		return " ";
	}
}

/* --- changed: ---------------------------------------------------------- */

int
ui_since_expr(const char *expr)
{
	return expr != NULL &&
	    strncmp(expr, SINCE_PREFIX, strlen(SINCE_PREFIX)) == 0;
}

struct pattern *
ui_since_pattern(const struct ui *ui, const char *expr, char **err)
{
	const char	*rest;

	if (ui->since == NULL) {
		*err = xstrdup("changed: marks changes since an older "
		    "edition: start portreg with --since FILE or DATE");
		return NULL;
	}
	rest = expr + strlen(SINCE_PREFIX);
	return pattern_new(*rest != '\0' ? rest : ".", err);
}

/* What changed: matches in record rec: "added", "removed", or "moved" or
   "changed" and the changed fields' names. */
static void
ui_since_text(const struct diff_item *it, struct buf *b)
{
	unsigned	 k;

	buf_clear(b);
	buf_adds(b, diff_change_name(it->change));
	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((it->fields & DIFF_BIT(k)) != 0) {
			buf_addc(b, ' ');
			buf_adds(b, diff_field_name((enum diff_field)k));
		}
	}
}

size_t
ui_since_find(struct ui *ui, struct pattern *p, uint32_t *rows)
{
	const struct diff_item	*it;
	struct buf		 b = { NULL, 0, 0 };
	size_t			 i, n = 0, ms, me;

	for (i = 0; i < ui->reg->n_records; i++) {
		if ((it = ui_since_item(ui, (int32_t)i)) == NULL)
			continue;
		ui_since_text(it, &b);
		if (pattern_span(p, b.data, b.len, 0, &ms, &me) == 1)
			rows[n++] = (uint32_t)i;
	}
	buf_free(&b);
	return n;
}

/* --- The detail pane ------------------------------------------------- */

static char *
ui_since_value(const struct registry *reg, int32_t rec, enum diff_field f)
{
	char	*v = diff_record_value(&reg->records[rec], f);

	return v != NULL ? v : xstrdup("(none)");
}

void
ui_since_detail(const struct ui *ui, struct detail *d, int32_t row)
{
	const struct diff_item	*it = ui_since_item(ui, row);
	const struct registry	*old;
	char			*b, *a, *t;
	unsigned		 k;

	if (it == NULL)
		return;
	old = ui->since->old;
	t = xasprintf("%s since %s%s%s%s", diff_change_name(it->change),
	    old->source, old->updated != NULL ? " (" : "",
	    old->updated != NULL ? old->updated : "",
	    old->updated != NULL ? ")" : "");
	if (it->change == DIFF_REMOVED) {
		b = t;
		t = xasprintf("%s: not in this edition", b);
		free(b);
	}
	detail_append(d, "Since", t, DETAIL_NOTE);
	free(t);
	for (k = 0; k < DIFF_FIELDS; k++) {
		if ((it->fields & DIFF_BIT(k)) == 0)
			continue;
		b = ui_since_value(old, it->old, (enum diff_field)k);
		a = ui_since_value(ui->since->new, it->new, (enum diff_field)k);
		t = xasprintf("%s \xe2\x86\x92 %s", b, a);
		detail_append(d, since_labels[k], t, DETAIL_NOTE);
		free(t);
		free(b);
		free(a);
	}
}

/* --- Next and previous change ------------------------------------------ */

static int
ui_next_change(struct ui *ui, int dir)
{
	size_t	 n = ui->view->n, i, pos, k = 0, total = 0;
	long	 found = -1;
	int	 wrapped = 0;

	if (ui->since == NULL) {
		ui_message(ui, 1, "No changes to step through: start portreg "
		    "with --since FILE or DATE");
		return UI_DRAW_STATUS;
	}
	for (i = 1; i <= n && found < 0; i++) {
		pos = dir > 0 ? (ui->cursor + i) % n : (ui->cursor + n - i) % n;
		if (ui_change(ui, ui_row_at(ui, pos)) >= 0) {
			found = (long)pos;
			wrapped = dir > 0 ? pos <= ui->cursor :
			    pos >= ui->cursor;
		}
	}
	if (found < 0) {
		ui_message(ui, 1, "No changed rows in this list");
		return UI_DRAW_STATUS;
	}
	for (i = 0; i < n; i++) {
		if (ui_change(ui, ui_row_at(ui, i)) >= 0) {
			total++;
			if (i <= (size_t)found)
				k++;
		}
	}
	ui_jump(ui, (size_t)found);
	ui_message(ui, 0, "%sChange %zu of %zu", wrapped ? (dir > 0 ?
	    "Wrapped to the top: " : "Wrapped to the bottom: ") : "", k,
	    total);
	return UI_DRAW_ROW;
}

int
ui_act_next_change(struct ui *ui)
{
	return ui_next_change(ui, 1);
}

int
ui_act_prev_change(struct ui *ui)
{
	return ui_next_change(ui, -1);
}
