/*
 * case.c - the case of search and filter (i): smart case (pattern.h's
 * rule, the default), ignore case or match case, by putting (?i) or
 * (?-i) before the regex, after any field prefix and leading (*VERB)s.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pattern.h"
#include "ui-private.h"
#include "xmalloc.h"

const char *
ui_case_label(const struct ui *ui)
{
	switch (ui->case_mode) {
	case UI_CASE_IGNORE:
		return "ignore case";
	case UI_CASE_MATCH:
		return "match case";
	default:
		return "smart case";
	}
}

/* Where the regex's options go: after the prefix and the (*VERB)s;
   -1 for none (proto: has no case). */
static long
ui_case_at(const char *expr)
{
	size_t		 n;
	const char	*e;

	for (n = 0; expr[n] >= 'a' && expr[n] <= 'z'; n++)
		continue;
	if (n != 0 && expr[n] == ':' && expr[n + 1] != '/') {
		if (n == 5 && strncmp(expr, "proto", 5) == 0)
			return -1;
		n++;
	} else
		n = 0;
	while (strncmp(expr + n, "(*", 2) == 0 &&
	    (e = strchr(expr + n, ')')) != NULL)
		n = (size_t)(e - expr) + 1;
	return (long)n;
}

struct pattern *
ui_pattern_new(const struct ui *ui, const char *expr, char **err)
{
	struct pattern	*p;
	const char	*opt;
	char		*re;
	long		 at;

	/* changed: matches portreg's own words, in lower case. */
	if (ui_since_expr(expr))
		return ui_since_pattern(ui, expr, err);
	/* host: matches the process command (host.c). */
	if (ui_host_prefix(expr))
		return ui_host_pattern(expr, err);
	/* Compiled as typed first: errors name offsets in what was typed. */
	if ((p = pattern_new(expr, err)) == NULL ||
	    ui->case_mode == UI_CASE_SMART || (at = ui_case_at(expr)) < 0)
		return p;
	pattern_free(p);
	opt = ui->case_mode == UI_CASE_IGNORE ? "(?i)" : "(?-i)";
	re = xasprintf("%.*s%s%s", (int)at, expr, opt, expr + at);
	p = pattern_new(re, err);
	free(re);
	return p;
}

int
ui_act_case(struct ui *ui)
{
	struct pattern	*p;
	char		*expr, *err = NULL;
	int		 dir = ui->search_dir;

	ui->case_mode = (enum ui_case)((ui->case_mode + 1) % 3);
	ui_message(ui, 0, "Search and filter: %s%s", ui_case_label(ui),
	    ui->case_mode == UI_CASE_SMART ? " (caseless unless the pattern "
	    "has an uppercase letter)" : "");
	/* The search and the filter follow the new mode at once. */
	if (ui->search_expr != NULL) {
		expr = xstrdup(ui->search_expr);
		ui_search_set(ui, NULL, NULL, dir);
		if ((p = ui_pattern_new(ui, expr, &err)) != NULL)
			ui_search_set(ui, p, expr, dir);
		free(err);
		free(expr);
	}
	if (ui->filter_expr != NULL) {
		expr = xstrdup(ui->filter_expr);
		free(ui->prompt_expr);	/* its answer was in the old mode */
		ui->prompt_expr = NULL;
		ui->n_prompt_rows = 0;
		ui_set_filter(ui, expr);
		free(expr);
		/* "No rows match ...: filter unchanged" stays. */
		if (ui->msg_error)
			return UI_DRAW_ROW;
	}
	ui_message(ui, 0, "Search and filter: %s%s", ui_case_label(ui),
	    ui->case_mode == UI_CASE_SMART ? " (caseless unless the pattern "
	    "has an uppercase letter)" : "");
	return UI_DRAW_ROW;
}
