/*
 * complete.c - Tab in the : prompt: complete a service name by prefix
 * (caseless), as a line editor does: one candidate is put in whole,
 * several extend the line to what they share and are listed on the
 * message line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

/* Every service name once, in caseless order (made on the first Tab). */
struct ui_names {
	const char	**s;
	size_t		  n;
};

void
ui_names_free(struct ui_names *nm)
{
	if (nm == NULL)
		return;
	free(nm->s);
	free(nm);
}

static int
ui_names_cmp(const void *a, const void *b)
{
	const char	*x = *(const char *const *)a, *y = *(const char *const *)b;
	int		 c = strcasecmp(x, y);

	return c != 0 ? c : strcmp(x, y);
}

static struct ui_names *
ui_names_build(const struct registry *reg)
{
	struct ui_names	*nm = xcalloc(1, sizeof *nm);
	size_t		 i, k = 0;

	nm->s = xreallocarray(NULL, reg->n_records + 1, sizeof *nm->s);
	for (i = 0; i < reg->n_records; i++) {
		if (reg->records[i].service != NULL &&
		    reg->records[i].service[0] != '\0')
			nm->s[nm->n++] = reg->records[i].service;
	}
	qsort(nm->s, nm->n, sizeof *nm->s, ui_names_cmp);
	for (i = 0; i < nm->n; i++) {
		if (k == 0 || strcmp(nm->s[k - 1], nm->s[i]) != 0)
			nm->s[k++] = nm->s[i];
	}
	nm->n = k;
	return nm;
}

int
ui_complete(struct ui *ui)
{
	struct ui_names	*nm;
	const char	*pre = ui->line, *first;
	size_t		 lo = 0, hi, mid, len, i, common, shown;
	char		 list[UI_MSG_MAX];
	int		 w;

	while (*pre == ' ')
		pre++;
	len = strlen(pre);
	if (len == 0 || strpbrk(pre, "/ ") != NULL ||
	    strspn(pre, "0123456789-") == len) {
		ui_message(ui, 1, "Tab completes a service name");
		return UI_DRAW_STATUS;
	}
	if (ui->names == NULL)
		ui->names = ui_names_build(ui->reg);
	nm = ui->names;
	/* The first name not below the prefix, caselessly. */
	hi = nm->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strncasecmp(nm->s[mid], pre, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < nm->n && strncasecmp(nm->s[hi], pre, len) == 0;
	    hi++)
		continue;
	if (hi == lo) {
		ui_message(ui, 1, "No service name begins with %s", pre);
		return UI_DRAW_STATUS;
	}
	/* What every candidate shares (caselessly: the first's spelling). */
	first = nm->s[lo];
	common = strlen(first);
	for (i = lo + 1; i < hi; i++) {
		while (common > len &&
		    strncasecmp(first, nm->s[i], common) != 0)
			common--;
	}
	if (common >= sizeof ui->line)
		common = sizeof ui->line - 1;
	if (hi - lo == 1 || common > len) {
		memcpy(ui->line, first, common);
		ui->line[common] = '\0';
		ui->line_len = common;
	}
	ui->msg[0] = '\0';
	if (hi - lo == 1) {
		ui->msg_error = 0;
		return UI_DRAW_STATUS;
	}
	/* The candidates, as many as the message holds. */
	list[0] = '\0';
	for (i = lo, shown = 0; i < hi; i++, shown++) {
		if (strlen(list) + strlen(nm->s[i]) + 24 >= sizeof list)
			break;
		strcat(list, shown > 0 ? "  " : "");
		strcat(list, nm->s[i]);
	}
	w = (int)(hi - lo - shown);
	if (w > 0)
		ui_message(ui, 0, "%s  (%d more)", list, w);
	else
		ui_message(ui, 0, "%s", list);
	return UI_DRAW_STATUS;
}
