/*
 * test-browse.c - issue 16's browser features without a terminal: half
 * pages, sorting (and jumps keeping port order), columns, the case
 * toggle, the size: filter, copy text, Tab completion, the person list's
 * Enter, the minimap's cells and clicks; and the prompt history and its
 * file (bounded, atomic, a damaged file ignored).
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"

#include "clipboard.h"
#include "history.h"
#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "ui.h"

static struct registry *
shipped(const char *name)
{
	char		*err = NULL;
	struct registry	*reg;

	reg = load_file(test_shipped(name), LOAD_AUTO, &err);
	if (reg == NULL)
		fail_msg("%s", err != NULL ? err : "?");
	return reg;
}

#define XML	"service-names-port-numbers.xml"
#define SEED	"seed-excerpt-2024-10-15.txt"

static int32_t
sel_port(const struct ui *ui)
{
	int32_t	 row = ui_row(ui);

	if (row == INT32_MIN)
		return -2;
	if (ROW_IS_GAP(row))
		return ui->reg->gaps[ROW_GAP_INDEX(row)].lo;
	return ui->reg->records[row].port_lo;
}

static const char *
sel_name(const struct ui *ui)
{
	int32_t	 rec = ui_record(ui);

	if (rec < 0 || ui->reg->records[rec].service == NULL)
		return "";
	return ui->reg->records[rec].service;
}

static struct ui *
ui_sized(struct registry *reg, int rows, int cols)
{
	struct ui	*ui = ui_new(reg);
	struct layout	 l;

	layout_compute(&l, rows, cols);
	ui_resize(ui, &l);
	return ui;
}

static void
test_half_page_moves_half_the_list(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 40, 120);
	int		 half = ui_pane_rows(ui, PANE_LIST) / 2;

	assert_true(half >= 2);
	ui_key(ui, KEYC_CTRL('D'));
	assert_int_equal(ui->cursor, (size_t)half);
	ui_key(ui, KEYC_CTRL('D'));
	assert_int_equal(ui->cursor, (size_t)(2 * half));
	ui_key(ui, KEYC_CTRL('U'));
	assert_int_equal(ui->cursor, (size_t)half);
	ui_key(ui, '>');
	assert_int_equal(ui->cursor, ui->view->n - 1);
	ui_key(ui, '<');
	assert_int_equal(ui->cursor, 0);
	ui_key(ui, KEYC_CTRL('U'));
	assert_int_equal(ui->cursor, 0);
	ui_free(ui);
	registry_free(reg);
}

/* The rows of the view sorted as asked: check the whole order. */
static void
test_sort_by_port_and_name_and_back(void **state)
{
	struct registry	*reg = shipped(XML);
	struct ui	*ui = ui_sized(reg, 40, 120);
	size_t		 i, n = ui->view->n;
	int32_t		*before = malloc(n * sizeof *before), max = -1, p;
	const char	*a, *b;

	memcpy(before, ui->view->rows, n * sizeof *before);
	for (i = 0; i < reg->n_records; i++)
		if (reg->records[i].port_lo > max)
			max = reg->records[i].port_lo;
	for (i = 0; i < reg->n_gaps; i++)	/* 49152-65535 is one */
		if (reg->gaps[i].lo > max)
			max = reg->gaps[i].lo;
	/* s on the port column (focused first), then G: the highest. */
	assert_int_equal(ui->col, UI_COL_PORT);
	ui_key(ui, 's');
	assert_string_equal(ui_sort_label(ui), "port");
	ui_key(ui, 'G');
	assert_int_equal(sel_port(ui), max);
	/* Back to registry order: the rows as before. */
	ui_key(ui, 's');
	assert_null(ui_sort_label(ui));
	assert_memory_equal(ui->view->rows, before, n * sizeof *before);
	/* The service column: byte order, nameless rows last. */
	ui_key(ui, KEYC_RIGHT);
	ui_key(ui, KEYC_RIGHT);
	assert_int_equal(ui->col, UI_COL_NAME);
	ui_key(ui, 's');
	ui_key(ui, 'g');
	assert_string_equal(sel_name(ui), "1ci-smcs");
	for (i = 1; i < n; i++) {
		p = ui->view->rows[i - 1];
		a = ROW_IS_GAP(p) ? NULL : reg->records[p].service;
		p = ui->view->rows[i];
		b = ROW_IS_GAP(p) ? NULL : reg->records[p].service;
		if (a != NULL && *a == '\0')
			a = NULL;
		if (b != NULL && *b == '\0')
			b = NULL;
		if (a == NULL)
			assert_null(b);
		else if (b != NULL)
			assert_true(strcmp(a, b) <= 0);
	}
	/* S reverses; S again: registry order. */
	ui_key(ui, 'S');
	assert_string_equal(ui_sort_label(ui), "name rev");
	ui_key(ui, 'S');
	assert_memory_equal(ui->view->rows, before, n * sizeof *before);
	free(before);
	ui_free(ui);
	registry_free(reg);
}

static void
test_jumps_keep_port_order_while_sorted(void **state)
{
	struct registry	*reg = shipped(XML);
	struct ui	*ui = ui_sized(reg, 40, 120);

	ui_key(ui, KEYC_RIGHT);
	ui_key(ui, KEYC_RIGHT);
	ui_key(ui, 'S');		/* by name, reversed */
	ui_goto(ui, "10809");
	assert_string_equal(sel_name(ui), "nbd");
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 10811);
	ui_key(ui, '}');
	assert_string_equal(sel_name(ui), "helix");
	ui_key(ui, '[');
	assert_int_equal(sel_port(ui), 10811);
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "nmc-disc");
	/* n follows the sorted order: the matches' positions ascend. */
	ui_search(ui, "nbd", 1);
	assert_true(ui->n_match_pos >= 1);
	ui_free(ui);
	registry_free(reg);
}

static void
test_columns_hide_and_widen(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 24, 80);

	assert_true(ui_col_shown(ui, UI_COL_PORT));
	ui_key(ui, '-');
	assert_false(ui_col_shown(ui, UI_COL_PORT));
	assert_int_equal(ui->col, UI_COL_PROTO);
	ui_key(ui, '-');
	ui_key(ui, '-');
	assert_true(ui_col_shown(ui, UI_COL_DESC));
	ui_key(ui, '-');		/* the last one stays */
	assert_true(ui_col_shown(ui, UI_COL_DESC));
	assert_int_equal(ui->msg_error, 1);
	ui_key(ui, '+');
	assert_true(ui_col_shown(ui, UI_COL_PORT));
	ui_key(ui, '_');
	assert_false(ui_col_shown(ui, UI_COL_NAME));
	assert_true(ui_col_shown(ui, UI_COL_DESC));
	ui_key(ui, '_');
	assert_true(ui_col_shown(ui, UI_COL_NAME));
	ui_free(ui);
	registry_free(reg);
}

static void
test_case_toggle_changes_matches(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 24, 80);
	size_t		 smart, match;

	ui_search(ui, "network block", 1);
	smart = ui->n_matches;
	assert_true(smart >= 1);
	assert_string_equal(ui_case_label(ui), "smart case");
	ui_key(ui, 'i');
	assert_string_equal(ui_case_label(ui), "ignore case");
	assert_int_equal(ui->n_matches, smart);
	ui_key(ui, 'i');
	assert_string_equal(ui_case_label(ui), "match case");
	match = ui->n_matches;
	assert_true(match < smart);	/* "Network Block" has capitals */
	/* A filter follows the mode too; (?i) goes after the prefix. */
	ui_key(ui, 'i');
	ui_key(ui, 'i');		/* ignore case */
	ui_set_filter(ui, "name:NBD");
	assert_non_null(ui->filter);
	assert_int_equal(ui->view->n, 1);
	ui_key(ui, 'i');		/* match case: NBD is not nbd */
	assert_int_equal(ui->view->n, 1);	/* "filter unchanged" */
	assert_int_equal(ui->msg_error, 1);
	ui_free(ui);
	registry_free(reg);
}

/*
 * A plain word takes the fast path (literal.h) in every case mode: with
 * case (smart case and a capital, or match case) its folded records are
 * only candidates, each checked by PCRE2.  The filter's rows are those
 * a PCRE2 scan of the same pattern finds, in each mode.
 */
static void
test_plain_words_agree_with_pcre2_in_every_case_mode(void **state)
{
	struct registry	*reg = shipped(XML);
	struct ui	*ui = ui_sized(reg, 24, 80);
	const char	*words[] = { "kerberos", "Kerberos", "KERBEROS",
	    "remote des", "Remote Des", "IBM", "ibm", "Ibm", "SCTP", "Tcp",
	    "k", "K", NULL };
	struct pattern	*p;
	uint32_t	*want;
	char		*err = NULL;
	size_t		 i, j, n, m;
	int		 mode, limited;

	(void)state;
	ui_prepare(ui);
	assert_non_null(ui->hay);
	want = calloc(reg->n_records + 1, sizeof *want);
	assert_non_null(want);
	for (mode = 0; mode < 3; mode++) {
		ui->case_mode = (enum ui_case)mode;
		for (i = 0; words[i] != NULL; i++) {
			p = ui_pattern_new(ui, words[i], &err);
			assert_non_null(p);
			n = pattern_scan(p, ui->hay, want, reg->n_records,
			    &limited);
			pattern_free(p);
			ui_set_filter(ui, "");
			ui_set_filter(ui, words[i]);
			if (n == 0) {	/* "filter unchanged" */
				assert_null(ui->filter);
				continue;
			}
			m = ui->view->n;
			if (m != n)
				fail_msg("mode %d, '%s': %zu rows, PCRE2 %zu",
				    mode, words[i], m, n);
			for (j = 0; j < n; j++)
				assert_int_equal(ui_row_at(ui, j), want[j]);
		}
	}
	/* And the modes differ where they should: the case toggle takes
	   the filter from match case to smart case (the same, for a
	   capital) to ignore case. */
	assert_int_equal(ui->case_mode, UI_CASE_MATCH);
	ui_set_filter(ui, "");
	ui_set_filter(ui, "Kerberos");
	m = ui->view->n;
	ui_key(ui, 'i');
	assert_int_equal(ui->view->n, m);
	ui_key(ui, 'i');
	assert_int_equal(ui->case_mode, UI_CASE_IGNORE);
	assert_true(m > 0 && ui->view->n > m);
	free(want);
	ui_free(ui);
	registry_free(reg);
}

static void
test_size_filter_keeps_big_gaps(void **state)
{
	struct registry	*reg = shipped(XML);
	struct ui	*ui = ui_sized(reg, 24, 80);
	size_t		 i;
	int32_t		 row, lo, hi;

	assert_int_equal(ui_set_filter(ui, "size:>=1000") & UI_DRAW_ROW,
	    UI_DRAW_ROW);
	assert_non_null(ui->filter);
	assert_true(ui->view->n >= 1);
	for (i = 0; i < ui->view->n; i++) {
		row = ui->view->rows[i];
		if (ROW_IS_GAP(row)) {
			lo = reg->gaps[ROW_GAP_INDEX(row)].lo;
			hi = reg->gaps[ROW_GAP_INDEX(row)].hi;
		} else {
			assert_int_equal(reg->records[row].kind,
			    KIND_UNASSIGNED);
			lo = reg->records[row].port_lo;
			hi = reg->records[row].port_hi;
		}
		assert_true(hi - lo + 1 >= 1000);
	}
	ui_set_filter(ui, "size:=1");
	for (i = 0; i < ui->view->n; i++) {
		row = ui->view->rows[i];
		assert_int_equal(reg->records[row].port_hi,
		    reg->records[row].port_lo);
	}
	ui_set_filter(ui, "size:>=oops");
	assert_int_equal(ui->msg_error, 1);
	assert_string_equal(ui->filter_expr, "size:=1");
	/* The "(N ports)" text is searchable. */
	ui_set_filter(ui, "");
	ui_search(ui, "\\(30 ports\\)", 1);
	assert_true(ui->n_matches >= 1);
	assert_int_equal(reg->records[ui_record(ui)].port_hi -
	    reg->records[ui_record(ui)].port_lo + 1, 30);
	ui_free(ui);
	registry_free(reg);
}

static void
test_copy_text(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 24, 80);

	ui_goto(ui, "10809");
	assert_int_equal(ui_key(ui, 'y') & UI_COPY, UI_COPY);
	assert_string_equal(ui->copy_text, "nbd 10809/tcp");
	ui_copied(ui, "the terminal (OSC 52)", NULL);
	assert_non_null(strstr(ui->msg, "nbd 10809/tcp"));
	assert_non_null(strstr(ui->msg, "OSC 52"));
	assert_int_equal(ui_key(ui, 'Y') & UI_COPY, UI_COPY);
	assert_true(strncmp(ui->copy_text, "nbd,10809,tcp,", 14) == 0);
	assert_non_null(strstr(ui->copy_text, "[Wouter_Verhelst]"));
	assert_null(strchr(ui->copy_text, '\n'));
	ui_free(ui);
	registry_free(reg);
}

static void
test_tab_completes_service_names(void **state)
{
	struct registry	*reg = shipped(XML);
	struct ui	*ui = ui_sized(reg, 24, 80);

	ui_key(ui, ':');
	ui_key(ui, 'h');
	ui_key(ui, 't');
	ui_key(ui, KEYC_TAB);
	assert_non_null(strstr(ui->msg, "http"));
	assert_non_null(strstr(ui->msg, "https"));
	assert_string_equal(ui->line, "ht");
	ui_key(ui, KEYC_CTRL('U'));
	ui_key(ui, 'n');
	ui_key(ui, 'b');
	ui_key(ui, 'd');
	ui_key(ui, KEYC_TAB);		/* nbd is the only one */
	assert_string_equal(ui->line, "nbd");
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "nbd");
	ui_free(ui);
	registry_free(reg);
}

static void
test_person_list_enter_and_back(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 24, 80);
	int32_t		 row;

	ui_goto(ui, "10809");
	ui_key(ui, KEYC_ENTER);		/* contacts */
	ui_key(ui, KEYC_ENTER);		/* Wouter's list */
	assert_true(ui->view == &ui->persons);
	row = ui_row(ui);
	ui_key(ui, KEYC_ENTER);		/* that row, in the registry */
	assert_true(ui->view == &ui->all);
	assert_int_equal(ui_row(ui), row);
	ui_key(ui, KEYC_ESC);
	assert_true(ui->view == &ui->persons);
	assert_int_equal(ui_row(ui), row);
	ui_key(ui, KEYC_ENTER);
	assert_true(ui->view == &ui->all);
	ui_key(ui, KEYC_CTRL('O'));
	assert_true(ui->view == &ui->persons);
	ui_free(ui);
	registry_free(reg);
}

static void
test_minimap_cells_marker_and_click(void **state)
{
	struct registry		*reg = shipped(XML);
	struct ui		*ui = ui_sized(reg, 24, 80);
	const unsigned char	*lv, *lv2;
	const struct layout	*l;
	long			 marker;
	size_t			 n;
	int			 list_h = ui_pane_rows(ui, PANE_LIST);

	assert_int_equal(ui_minimap_cells(ui, &lv, &marker), 0);
	ui_key(ui, 'm');
	l = ui_layout(ui);
	assert_int_equal(l->minimap.h, 1);
	assert_int_equal(ui_pane_rows(ui, PANE_LIST), list_h - 1);
	n = ui_minimap_cells(ui, &lv, &marker);
	assert_int_equal(n, (size_t)l->minimap.w);
	/* The System ports are nearly all assigned; Dynamic ones not. */
	assert_true(lv[0] >= UI_MINIMAP_LEVELS - 3);
	assert_int_equal(lv[n - 1], 0);
	assert_int_equal(ui_minimap_builds(ui), 1);
	ui_goto(ui, "47808");
	n = ui_minimap_cells(ui, &lv2, &marker);
	assert_int_equal(ui_minimap_builds(ui), 1);	/* not again */
	assert_int_equal(marker, ui_minimap_cell(47808, (int)n));
	assert_true(marker * 100 / (long)n >= 70 &&
	    marker * 100 / (long)n <= 76);
	/* A click near the start: a row of a low port. */
	assert_true(ui_minimap_click(ui, l->minimap.y, l->minimap.x) >= 0);
	assert_true(sel_port(ui) < 65536 / (int)n + 1);
	assert_int_equal(ui_minimap_click(ui, l->minimap.y + 1, 0), -1);
	/* A filter is another view: computed again, for its rows. */
	ui_set_filter(ui, "size:>=1000");
	n = ui_minimap_cells(ui, &lv, &marker);
	assert_int_equal(ui_minimap_builds(ui), 2);
	assert_int_equal(lv[0], 0);	/* no assignment in a gap row */
	ui_key(ui, 'm');
	assert_int_equal(ui_layout(ui)->minimap.h, 0);
	assert_int_equal(ui_pane_rows(ui, PANE_LIST), list_h);
	ui_free(ui);
	registry_free(reg);
}

static void
test_clipboard_base64_and_path(void **state)
{
	static const struct { const char *in, *out; } b64[] = {
		{ "", "" }, { "a", "YQ==" }, { "ab", "YWI=" }, { "abc", "YWJj" },
		{ "nbd 10809/tcp", "bmJkIDEwODA5L3RjcA==" },
		{ "\xff\xfe\xfd", "//79" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof b64 / sizeof b64[0]; i++) {
		s = clip_base64(b64[i].in, strlen(b64[i].in));
		assert_string_equal(s, b64[i].out);
		free(s);
	}
	assert_true(clip_on_path("sh"));
	assert_false(clip_on_path("portreg-no-such-program"));
}

/* --- History ----------------------------------------------------------- */

static char *
tmp_dir(void)
{
	char	*d = strdup("/tmp/portreg-test-history.XXXXXX");

	assert_non_null(mkdtemp(d));
	return d;
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
test_history_bounded_and_once(void **state)
{
	struct history	*h = history_new(NULL);
	char		 s[32];
	int		 i;

	for (i = 0; i < HISTORY_MAX + 20; i++) {
		snprintf(s, sizeof s, "e%d", i);
		history_add(h, '/', s);
	}
	assert_int_equal(history_count(h, '/'), HISTORY_MAX);
	assert_string_equal(history_get(h, '/', 0), "e20");
	history_add(h, '/', "e100");	/* again: the newest, once */
	assert_int_equal(history_count(h, '/'), HISTORY_MAX);
	assert_string_equal(history_get(h, '/', HISTORY_MAX - 1), "e100");
	assert_int_equal(history_count(h, ':'), 0);
	history_add(h, 'x', "no such prompt");
	history_free(h);
}

static void
test_history_file_round_trip_and_damage(void **state)
{
	char		*dir = tmp_dir(), path[512], *why = NULL;
	struct history	*h;
	struct stat	 st;

	snprintf(path, sizeof path, "%s/portreg/history", dir);
	h = history_new(path);
	assert_int_equal(history_load(h, &why), 0);	/* no file yet */
	history_add(h, '/', "nbd");
	history_add(h, '&', "size:>=1000");
	history_add(h, ':', "10809");
	assert_int_equal(history_save(h, &why), 0);
	history_free(h);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	h = history_new(path);
	assert_int_equal(history_load(h, &why), 0);
	assert_string_equal(history_get(h, '/', 0), "nbd");
	assert_string_equal(history_get(h, '&', 0), "size:>=1000");
	assert_string_equal(history_get(h, ':', 0), "10809");
	history_free(h);
	/* Damaged: ignored whole, with where and why. */
	write_file(path, HISTORY_HEADER "\n/nbd\n!what\n");
	h = history_new(path);
	assert_int_equal(history_load(h, &why), -1);
	assert_non_null(strstr(why, ":3: expected"));
	free(why);
	assert_int_equal(history_count(h, '/'), 0);
	history_free(h);
	write_file(path, "not a history\n");
	h = history_new(path);
	assert_int_equal(history_load(h, &why), -1);
	free(why);
	history_free(h);
	write_file(path, HISTORY_HEADER "\n/a\x1b[31m\n");
	h = history_new(path);
	assert_int_equal(history_load(h, &why), -1);
	free(why);
	history_free(h);
	write_file(path, HISTORY_HEADER "\n/no newline");
	h = history_new(path);
	assert_int_equal(history_load(h, &why), -1);
	free(why);
	history_free(h);
	unlink(path);
	snprintf(path, sizeof path, "%s/portreg", dir);
	rmdir(path);
	rmdir(dir);
	free(dir);
}

static void
test_prompt_up_down_recall(void **state)
{
	struct registry	*reg = shipped(SEED);
	struct ui	*ui = ui_sized(reg, 24, 80);

	ui_set_history(ui, history_new(NULL));
	ui_key(ui, '/');
	ui_key(ui, 'n');
	ui_key(ui, 'b');
	ui_key(ui, 'd');
	ui_key(ui, KEYC_ENTER);
	ui_key(ui, '/');
	ui_key(ui, 'h');
	ui_key(ui, 'e');
	ui_key(ui, KEYC_ENTER);
	ui_key(ui, '/');
	ui_key(ui, 'x');
	ui_key(ui, KEYC_UP);
	assert_string_equal(ui->line, "he");
	ui_key(ui, KEYC_UP);
	assert_string_equal(ui->line, "nbd");
	ui_key(ui, KEYC_UP);		/* the oldest stays */
	assert_string_equal(ui->line, "nbd");
	ui_key(ui, KEYC_DOWN);
	ui_key(ui, KEYC_DOWN);
	assert_string_equal(ui->line, "x");	/* the line typed, back */
	ui_key(ui, KEYC_ESC);
	/* Another prompt has its own history. */
	ui_key(ui, '&');
	ui_key(ui, KEYC_UP);
	assert_string_equal(ui->line, "");
	ui_key(ui, KEYC_ESC);
	ui_free(ui);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_half_page_moves_half_the_list),
		cmocka_unit_test(test_sort_by_port_and_name_and_back),
		cmocka_unit_test(test_jumps_keep_port_order_while_sorted),
		cmocka_unit_test(test_columns_hide_and_widen),
		cmocka_unit_test(test_case_toggle_changes_matches),
		cmocka_unit_test(test_plain_words_agree_with_pcre2_in_every_case_mode),
		cmocka_unit_test(test_size_filter_keeps_big_gaps),
		cmocka_unit_test(test_copy_text),
		cmocka_unit_test(test_tab_completes_service_names),
		cmocka_unit_test(test_person_list_enter_and_back),
		cmocka_unit_test(test_minimap_cells_marker_and_click),
		cmocka_unit_test(test_clipboard_base64_and_path),
		cmocka_unit_test(test_history_bounded_and_once),
		cmocka_unit_test(test_history_file_round_trip_and_damage),
		cmocka_unit_test(test_prompt_up_down_recall),
	};

	return RUN_TESTS(tests);
}
