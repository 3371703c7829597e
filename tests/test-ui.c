/*
 * test-ui.c - every action of the browser, run on its plain-data state
 * without a terminal: moves, jumps, go to, search, filter, contacts,
 * people's assignments, focus, back, open, help, cancel, mouse; the key
 * table; the detail text.
 */
#include "config.h"

#include "test.h"
#include "builder.h"

#include "detail.h"
#include "keys.h"
#include "layout.h"
#include "load.h"
#include "pattern.h"
#include "registry.h"
#include "ui.h"

/*
 * A small registry, in registry order:
 *   0 tcpmux 1/tcp [Mark_Lottor]     1 tcpmux 1/udp [Mark_Lottor]
 *   2 Unassigned 2-6                 3 echo 7/tcp [Jon_Postel] RFC862
 *   4 echo 7/udp [Jon_Postel]        5 Unassigned 8
 *   6 discard 9/tcp [Jon_Postel] https://example.org/discard
 *   7 Reserved 10/tcp                8 nbd 10/udp [Wouter_Verhelst]
 *   9 daytime 13/tcp [Jon_Postel]   10 ghost 13/udp [Ghost_Person]
 *  11 argus (no port)
 * Ports 0, 11-12 and 14-65535 are listed nowhere: gaps with no record.
 */
static struct registry *
small_registry(void)
{
	struct registry	*reg = registry_new("small.xml");
	struct record	*r;

	add(reg, "tcpmux", 1, 1, PROTO_TCP, "TCP Port Service Multiplexer",
	    "Mark_Lottor");
	add(reg, "tcpmux", 1, 1, PROTO_UDP, "TCP Port Service Multiplexer",
	    "Mark_Lottor");
	add(reg, NULL, 2, 6, PROTO_NONE, "Unassigned", NULL);
	r = add(reg, "echo", 7, 7, PROTO_TCP, "Echo", "Jon_Postel");
	registry_add_ref(reg, r, "RFC862", 6);
	add(reg, "echo", 7, 7, PROTO_UDP, "Echo", "Jon_Postel");
	add(reg, NULL, 8, 8, PROTO_NONE, "Unassigned", NULL);
	r = add(reg, "discard", 9, 9, PROTO_TCP, "Discard", "Jon_Postel");
	registry_add_ref(reg, r, "https://example.org/discard", 27);
	add(reg, NULL, 10, 10, PROTO_TCP, "Reserved", NULL);
	add(reg, "nbd", 10, 10, PROTO_UDP, "Network Block Device",
	    "Wouter_Verhelst");
	add(reg, "daytime", 13, 13, PROTO_TCP, "Daytime", "Jon_Postel");
	add(reg, "ghost", 13, 13, PROTO_UDP, "Nobody's", "Ghost_Person");
	add(reg, "argus", -1, -1, PROTO_NONE, "ARGUS Protocol", NULL);
	person(reg, .id = "Jon_Postel", .name = "Jon Postel",
	    .email = "postel@isi.edu", .updated = "2020-01-02");
	person(reg, .id = "Mark_Lottor", .name = "Mark Lottor",
	    .email = "MKL@nisc.sri.com", .updated = "2020-01-02");
	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst",
	    .email = "w@uter.be", .uri = "https://uter.be/",
	    .updated = "2020-01-02");
	/* The slice stands for a whole registry. */
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	return reg;
}

struct fixture {
	struct registry	*reg;
	struct ui	*ui;
};

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof *f);
	struct layout	 l;

	f->reg = small_registry();
	f->ui = ui_new(f->reg);
	layout_compute(&l, 24, 80);	/* list 8 rows, contacts 4 */
	ui_resize(f->ui, &l);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	ui_free(f->ui);
	registry_free(f->reg);
	free(f);
	return 0;
}

/* Feed a string of characters as keys. */
static int
type(struct ui *ui, const char *s)
{
	int	 r = 0;

	for (; *s != '\0'; s++)
		r |= ui_key(ui, (unsigned char)*s);
	return r;
}

/* Port of the selected row (a gap's first port), -1 for none. */
static int
sel_port(struct ui *ui)
{
	int32_t	 row = ui_row(ui);

	if (row == INT32_MIN)
		return -2;
	if (ROW_IS_GAP(row))
		return ui->reg->gaps[ROW_GAP_INDEX(row)].lo;
	return ui->reg->records[row].port_lo;
}

static const char *
sel_name(struct ui *ui)
{
	int32_t	 rec = ui_record(ui);

	if (rec < 0 || ui->reg->records[rec].service == NULL)
		return "";
	return ui->reg->records[rec].service;
}

static const char	*field(const struct detail *, const char *);

/* Why a search case is skipped (search_works). */
#define SEARCH_WHY	"search is unavailable (no pattern or no haystack)"

static int
search_works(struct ui *ui)
{
	char		*err = NULL;
	struct pattern	*p = pattern_new("x", &err);

	free(err);
	ui_prepare(ui);
	if (p == NULL || ui->hay == NULL) {
		if (p != NULL)
			pattern_free(p);
		return 0;
	}
	pattern_free(p);
	return 1;
}

/* --- The view ------------------------------------------------------------ */

static void
test_view_places_unlisted_gaps_in_port_order(void **state)
{
	struct fixture	*f = *state;
	struct ui	*ui = f->ui;
	int32_t		 want_ports[] = { 0, 1, 1, 2, 7, 7, 8, 9, 10, 10, 11,
			    13, 13, 14, -1 };
	size_t		 i;

	assert_int_equal(ui->view->n, 15);
	for (i = 0; i < ui->view->n; i++) {
		int32_t row = ui_row_at(ui, i), port;

		port = ROW_IS_GAP(row) ? f->reg->gaps[ROW_GAP_INDEX(row)].lo :
		    f->reg->records[row].port_lo;
		assert_int_equal(port, want_ports[i]);
	}
	/* The name-only record stays last, after 14-65535. */
	assert_true(ROW_IS_GAP(ui_row_at(ui, 13)));
	assert_int_equal(f->reg->gaps[ROW_GAP_INDEX(ui_row_at(ui, 13))].hi,
	    65535);
	assert_int_equal(ui_row_at(ui, 14), 11);
	assert_int_equal(ui_row_at(ui, 15), INT32_MIN);
}

static void
test_rows_move_and_stop_at_the_ends(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	assert_int_equal(ui->cursor, 0);
	assert_true(ui_key(ui, 'k') & UI_DRAW_LIST);
	assert_int_equal(ui->cursor, 0);
	ui_key(ui, 'j');
	ui_key(ui, KEYC_DOWN);
	assert_int_equal(ui->cursor, 2);
	ui_key(ui, KEYC_UP);
	assert_int_equal(ui->cursor, 1);
	ui_key(ui, 'G');
	assert_int_equal(ui->cursor, 14);
	ui_key(ui, 'j');
	assert_int_equal(ui->cursor, 14);
	ui_key(ui, KEYC_HOME);
	assert_int_equal(ui->cursor, 0);
	ui_key(ui, KEYC_END);
	assert_int_equal(ui->cursor, 14);
	ui_key(ui, 'g');
	assert_int_equal(ui->cursor, 0);
}

static void
test_pages_move_by_the_list_height(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	size_t		 page = (size_t)ui_pane_rows(ui, PANE_LIST) - 1;

	ui_key(ui, ' ');
	assert_int_equal(ui->cursor, page);
	assert_true(ui->cursor >= ui->top &&
	    ui->cursor < ui->top + (size_t)ui_pane_rows(ui, PANE_LIST));
	ui_key(ui, KEYC_PGDN);
	assert_int_equal(ui->cursor, 14);	/* clamped at the end */
	ui_key(ui, 'b');
	assert_int_equal(ui->cursor, 14 - page);
	ui_key(ui, KEYC_CTRL('B'));
	assert_int_equal(ui->cursor, 0);
	assert_int_equal(ui->top, 0);
	ui_key(ui, KEYC_CTRL('F'));
	assert_int_equal(ui->cursor, page);
	ui_key(ui, KEYC_PGUP);
	assert_int_equal(ui->cursor, 0);
}

static void
test_next_assignment_skips_aliases_reserved_and_gaps(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_key(ui, '}');		/* from gap 0 */
	assert_string_equal(sel_name(ui), "tcpmux");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, '}');		/* skips tcpmux/udp and 2-6 */
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, '}');
	assert_string_equal(sel_name(ui), "discard");
	ui_key(ui, '}');		/* skips Reserved 10/tcp */
	assert_string_equal(sel_name(ui), "nbd");
	ui_key(ui, '}');		/* skips gap 11-12 */
	assert_string_equal(sel_name(ui), "daytime");
	ui_key(ui, '}');		/* ghost 13/udp is at the same port */
	assert_string_equal(sel_name(ui), "daytime");
	assert_string_equal(ui->msg, "No next assignment");
}

static void
test_previous_assignment_lands_on_the_first_row_of_its_port(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_key(ui, 'G');		/* argus, no port */
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "daytime");
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "nbd");
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "discard");
	ui_key(ui, '{');		/* echo 7/udp and 7/tcp: the tcp one */
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, '{');
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "tcpmux");
	assert_string_equal(ui->msg, "No previous assignment");
}

static void
test_gap_keys_visit_unassigned_rows_and_unlisted_ranges(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	int		 want[] = { 2, 8, 11, 14 };
	size_t		 i;

	for (i = 0; i < 4; i++) {
		ui_key(ui, ']');
		assert_int_equal(sel_port(ui), want[i]);
	}
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 14);
	assert_string_equal(ui->msg, "No next gap");
	for (i = 3; i-- > 0;) {
		ui_key(ui, '[');
		assert_int_equal(sel_port(ui), want[i]);
	}
	ui_key(ui, '[');
	assert_int_equal(sel_port(ui), 0);	/* the unlisted port 0 */
	ui_key(ui, '[');
	assert_string_equal(ui->msg, "No previous gap");
}

/*
 * Unassigned rows of one range on each protocol, as the XML has them:
 * ] and [ stop once per range, on its first row.
 */
static void
test_gap_keys_stop_once_per_range(void **state)
{
	struct registry	*reg = registry_new("gaps.xml");
	struct ui	*ui;
	struct layout	 l;

	(void)state;
	add(reg, "tcpmux", 1, 1, PROTO_TCP, "TCP Port Service", NULL);
	add(reg, NULL, 2, 3, PROTO_TCP, "Unassigned", NULL);
	add(reg, NULL, 2, 3, PROTO_UDP, "Unassigned", NULL);
	add(reg, NULL, 4, 4, PROTO_TCP, "Unassigned", NULL);
	add(reg, "rje", 5, 5, PROTO_TCP, "Remote Job Entry", NULL);
	add(reg, NULL, 6, 6, PROTO_TCP, "Unassigned", NULL);
	add(reg, NULL, 6, 6, PROTO_UDP, "Unassigned", NULL);
	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", NULL);
	registry_set_cover(reg, 1, 7);
	registry_finish(reg);
	ui = ui_new(reg);
	layout_compute(&l, 24, 80);
	ui_resize(ui, &l);
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 2);
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, ']');		/* not 2-3/udp */
	assert_int_equal(sel_port(ui), 4);
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 6);
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, ']');		/* not 6/udp: no other range after */
	assert_int_equal(sel_port(ui), 6);
	assert_string_equal(ui->msg, "No next gap");
	ui_key(ui, 'j');		/* 6/udp: [ leaves its range too */
	ui_key(ui, '[');
	assert_int_equal(sel_port(ui), 4);
	ui_key(ui, '[');		/* the first row of 2-3: tcp */
	assert_int_equal(sel_port(ui), 2);
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, 'j');
	ui_key(ui, '[');		/* from 2-3/udp: none before 2-3 */
	assert_string_equal(ui->msg, "No previous gap");
	ui_free(ui);
	registry_free(reg);
}

static void
test_goto_port_proto_name_and_gap(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_goto(ui, "9");
	assert_string_equal(sel_name(ui), "discard");
	ui_goto(ui, "7/udp");
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_UDP);
	ui_goto(ui, "daytime");
	assert_int_equal(sel_port(ui), 13);
	ui_goto(ui, "4");		/* inside Unassigned 2-6 */
	assert_int_equal(ui_record(ui), 2);
	ui_goto(ui, "12");		/* inside the unlisted 11-12 */
	assert_true(ROW_IS_GAP(ui_row(ui)));
	assert_int_equal(sel_port(ui), 11);
	ui_goto(ui, "40000");
	assert_int_equal(sel_port(ui), 14);
}

static void
test_goto_errors_change_nothing(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_goto(ui, "9");
	ui_goto(ui, "70000");
	assert_string_equal(sel_name(ui), "discard");
	assert_true(ui->msg_error);
	ui_goto(ui, "nosuchservice");
	assert_string_equal(sel_name(ui), "discard");
	assert_true(ui->msg_error);
}

static void
test_goto_prompt_by_keys(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_key(ui, ':');
	assert_int_equal(ui->prompt, PROMPT_GOTO);
	type(ui, "10/udp");
	assert_string_equal(ui->line, "10/udp");
	ui_key(ui, KEYC_BSPACE);
	ui_key(ui, KEYC_BSPACE);
	ui_key(ui, KEYC_BSPACE);
	assert_string_equal(ui->line, "10/");
	type(ui, "udp");
	ui_key(ui, KEYC_ENTER);
	assert_int_equal(ui->prompt, PROMPT_NONE);
	assert_string_equal(sel_name(ui), "nbd");
	/* Esc at a prompt cancels it and goes nowhere. */
	type(ui, ":9");
	ui_key(ui, KEYC_ESC);
	assert_int_equal(ui->prompt, PROMPT_NONE);
	assert_string_equal(sel_name(ui), "nbd");
}

static void
test_back_returns_before_the_last_jump(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_goto(ui, "9");
	ui_goto(ui, "13");
	ui_key(ui, 'G');
	assert_int_equal(ui_record(ui), 11);
	ui_key(ui, KEYC_CTRL('O'));
	assert_string_equal(sel_name(ui), "daytime");
	ui_key(ui, KEYC_BSPACE);
	assert_string_equal(sel_name(ui), "discard");
	ui_key(ui, KEYC_CTRL('O'));
	assert_int_equal(ui->cursor, 0);
	ui_key(ui, KEYC_CTRL('O'));
	assert_string_equal(ui->msg, "No earlier position");
	/* Plain moves are no jumps. */
	ui_key(ui, 'j');
	ui_key(ui, 'j');
	ui_key(ui, KEYC_CTRL('O'));
	assert_int_equal(ui->cursor, 2);
}

/* --- Search and filter ------------------------------------------------ */

static void
test_search_forward_backward_and_wrap(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_search(ui, "^echo$", 1);
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	ui_key(ui, 'n');
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_UDP);
	ui_key(ui, 'n');		/* wraps */
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_TCP);
	assert_non_null(strstr(ui->msg, "wrapped"));
	ui_key(ui, 'N');		/* backward wraps to the last */
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_UDP);
	assert_non_null(strstr(ui->msg, "wrapped"));
	assert_true(ui_is_match(ui, 3));
	assert_false(ui_is_match(ui, 6));
	/* ? searches backward, and n then goes backward too. */
	ui_key(ui, 'G');
	ui_search(ui, "Jon Postel", -1);
	assert_string_equal(sel_name(ui), "daytime");
	ui_key(ui, 'n');
	assert_string_equal(sel_name(ui), "discard");
	ui_key(ui, 'N');
	assert_string_equal(sel_name(ui), "daytime");
}

/* The first search typed at the prompt says it wrapped, as n does. */
static void
test_first_backward_search_says_it_wrapped(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	type(ui, "?Jon Postel");	/* from row 1, backward */
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "daytime");
	assert_string_equal(ui->msg,
	    "Search wrapped to the bottom: match 4 of 4");
	ui_key(ui, 'g');
	type(ui, "/Jon Postel");	/* forward: no wrap, no notice */
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "echo");
	assert_string_equal(ui->msg, "Match 1 of 4");
	ui_key(ui, 'G');
	type(ui, "/tcpmux");		/* forward from the last row wraps */
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "tcpmux");
	assert_non_null(strstr(ui->msg, "wrapped to the top"));
}

static void
test_search_as_you_type_and_escape_restores(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_key(ui, '/');
	type(ui, "day");
	assert_int_equal(ui->prompt, PROMPT_SEARCH);
	assert_string_equal(sel_name(ui), "daytime");	/* moved already */
	assert_true(ui->n_matches > 0);
	ui_key(ui, KEYC_ESC);
	assert_int_equal(ui->cursor, 0);
	assert_null(ui->search);
	/* Enter keeps it; Ctrl-O goes back to where the search began. */
	type(ui, "/discard");
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "discard");
	assert_string_equal(ui->search_expr, "discard");
	ui_key(ui, KEYC_CTRL('O'));
	assert_int_equal(ui->cursor, 0);
	/* An empty / repeats the last search. */
	ui_key(ui, '/');
	ui_key(ui, KEYC_ENTER);
	assert_string_equal(sel_name(ui), "discard");
}

static void
test_bad_pattern_reports_and_changes_nothing(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_search(ui, "echo", 1);
	ui_key(ui, 'G');
	type(ui, "/(");
	assert_true(ui->msg_error);
	assert_non_null(strstr(ui->msg, "offset"));
	assert_int_equal(ui->cursor, 14);
	ui_key(ui, KEYC_ENTER);
	assert_true(ui->msg_error);
	assert_int_equal(ui->cursor, 14);
	/* The previous search is still there. */
	assert_string_equal(ui->search_expr, "echo");
	ui_key(ui, 'n');
	assert_string_equal(sel_name(ui), "echo");
	ui_set_filter(ui, "[");
	assert_null(ui->filter);
	assert_int_equal(ui->view->n, 15);
}

static void
test_filter_shows_only_matching_rows_and_esc_clears(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	size_t		 i;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_goto(ui, "9");
	type(ui, "&Jon Postel");
	assert_int_equal(ui->prompt_count, 4);	/* counted as you type */
	ui_key(ui, KEYC_ENTER);
	assert_non_null(ui->filter);
	assert_int_equal(ui->view->n, 4);
	for (i = 0; i < ui->view->n; i++) {
		const struct record *r = &ui->reg->records[ui_row_at(ui, i)];

		assert_string_equal(r->assignees[0].id, "Jon_Postel");
	}
	assert_string_equal(sel_name(ui), "discard");	/* kept */
	/* Gap keys find no gap in a filtered list. */
	ui_key(ui, ']');
	assert_string_equal(sel_name(ui), "discard");
	ui_key(ui, KEYC_ESC);
	assert_null(ui->filter);
	assert_int_equal(ui->view->n, 15);
	assert_string_equal(sel_name(ui), "discard");
}

static void
test_pattern_narrows_only_plain_extensions(void **state)
{
	static const struct {
		const char	*from;
		const char	*to;
		int		 narrows;
	} cases[] = {
		{ "ker", "kerb", 1 },
		{ "remote", "remote des", 1 },
		{ "name:nb", "name:nbd", 1 },
		{ "Jon", "Jon Postel", 1 },	/* case-sensitive already */
		{ "caf\xc3\xa9", "caf\xc3\xa9s", 1 },	/* UTF-8 kept */
		{ "ker", "ker", 0 },		/* not longer */
		{ "kerb", "ker", 0 },		/* shorter: a superset */
		{ "ker", "kxr", 0 },		/* not an extension */
		{ "", "k", 0 },			/* nothing to narrow */
		{ "ec", "ec|day", 0 },		/* alternation widens */
		{ "ec", "ec.", 0 },
		{ "ec", "ech?", 0 },		/* optional: widens */
		{ "ec", "ec*", 0 },
		{ "ec", "ec+", 0 },
		{ "ec", "ec{2}", 0 },
		{ "ec", "ec[h]", 0 },
		{ "ec", "ec(h)", 0 },
		{ "ec", "ec$", 0 },
		{ "ec", "ec\\w", 0 },
		{ "a.", "a.b", 0 },		/* from is a regex */
		{ "^ec", "^ech", 0 },
		{ "name", "name:x", 0 },	/* becomes a field prefix */
		{ "x", "x:y", 0 },
		{ "ker", "kerB", 0 },		/* smart case changes */
		{ "Ker", "KerB", 1 },		/* ...or stays */
		{ "caf", "caf\xc3\xa9", 0 },	/* non-ASCII added */
		{ NULL, "k", 0 },
		{ "k", NULL, 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (ui_pattern_narrows(cases[i].from, cases[i].to) !=
		    cases[i].narrows)
			fail_msg("%s -> %s: want %d", cases[i].from != NULL ?
			    cases[i].from : "(null)", cases[i].to != NULL ?
			    cases[i].to : "(null)", cases[i].narrows);
	}
}

/* A registry of data/ (it must load). */
static struct registry *
shipped_registry(const char *name)
{
	char		*err = NULL;
	struct registry	*reg;

	reg = load_file(test_shipped(name), LOAD_AUTO, &err);
	if (reg == NULL)
		fail_msg("%s", err != NULL ? err : "?");
	return reg;
}

/* The registry of the shipped sample. */
static struct registry *
sample_registry(void)
{
	return shipped_registry(SEED_2024);
}

/* Do two uis show the same rows, matches and counts? */
static void
same_answers(struct ui *a, struct ui *b, const char *what)
{
	size_t	 i;

	if (a->prompt_count != b->prompt_count ||
	    a->n_matches != b->n_matches || a->view->n != b->view->n ||
	    a->n_match_pos != b->n_match_pos)
		fail_msg("%s: count %zu/%zu, matches %zu/%zu, rows %zu/%zu",
		    what, a->prompt_count, b->prompt_count, a->n_matches,
		    b->n_matches, a->view->n, b->view->n);
	if (a->n_matches > 0)
		assert_memory_equal(a->matches, b->matches,
		    a->n_matches * sizeof *a->matches);
	for (i = 0; i < a->view->n; i++)
		assert_int_equal(ui_row_at(a, i), ui_row_at(b, i));
	if (a->n_match_pos > 0)
		assert_memory_equal(a->match_pos, b->match_pos,
		    a->n_match_pos * sizeof *a->match_pos);
	assert_int_equal(a->cursor, b->cursor);
}

/* Type keys into both, comparing after each. */
static void
type_both(struct ui *a, struct ui *b, const char *keys)
{
	char	 what[64];
	size_t	 i;

	for (i = 0; keys[i] != '\0'; i++) {
		int c = keys[i] == '\b' ? KEYC_BSPACE : keys[i] == '\n' ?
		    KEYC_ENTER : keys[i] == '\033' ? KEYC_ESC :
		    (unsigned char)keys[i];

		ui_key(a, c);
		ui_key(b, c);
		snprintf(what, sizeof what, "%.*s", (int)i + 1, keys);
		same_answers(a, b, what);
	}
}

static void
test_narrowing_gives_the_rows_of_a_full_scan(void **state)
{
	static const char *typed[] = {
		"&Network Block\n",
		"&who:wouter\n",
		"&name:nbd\n",		/* prefix typed one key at a time */
		"&udp\b\b\bunassigned\n",	/* backspace widens */
		"&tcp|udp\n",		/* | widens: no narrowing */
		"&ec.\n",
		"&helIx\n",		/* smart case turns on */
		"/remote des\n",
		"/reserved\033",	/* Esc: the last search again */
		"?Gestor\n",
		"/nbd|helix\n",
		"&zzz\n",		/* no rows: the filter stays */
		"\033&\n",
	};
	struct registry	*reg = sample_registry();
	struct ui	*a, *b;
	struct layout	 l;
	size_t		 i;

	(void)state;
	a = ui_new(reg);
	b = ui_new(reg);
	if (!search_works(a)) {
		ui_free(a);
		ui_free(b);
		registry_free(reg);
		skip_because(SEARCH_WHY);
	}
	layout_compute(&l, 40, 120);
	ui_resize(a, &l);
	ui_resize(b, &l);
	a->narrow = UI_NARROW_ALWAYS;
	b->narrow = UI_NARROW_NEVER;
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		type_both(a, b, typed[i]);
		assert_int_equal(a->prompt, PROMPT_NONE);
	}
	/* Narrowing happened, and only where it was asked for. */
	assert_true(a->narrowed >= 20);
	assert_int_equal(b->narrowed, 0);
	ui_free(a);
	ui_free(b);
	registry_free(reg);
}

static void
test_filter_without_matches_keeps_the_list(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_set_filter(ui, "zzzzzz");
	assert_null(ui->filter);
	assert_int_equal(ui->view->n, 15);
	assert_true(ui->msg_error);
	/* An empty filter clears. */
	ui_set_filter(ui, "echo");
	assert_int_equal(ui->view->n, 2);
	ui_set_filter(ui, "");
	assert_int_equal(ui->view->n, 15);
}

static void
test_goto_a_row_the_filter_hides_clears_it(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_set_filter(ui, "echo");
	ui_goto(ui, "nbd");
	assert_null(ui->filter);
	assert_string_equal(sel_name(ui), "nbd");
}

static void
test_goto_prefers_a_row_the_filter_shows_and_ctrl_o_restores(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_set_filter(ui, "proto:udp");
	assert_non_null(ui->filter);
	ui_goto(ui, "7");		/* echo 7/tcp is hidden, 7/udp shown */
	assert_non_null(ui->filter);
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_UDP);
	assert_null(strstr(ui->msg, "cleared"));
	ui_goto(ui, "9");		/* discard: tcp only, so it must go */
	assert_null(ui->filter);
	assert_string_equal(sel_name(ui), "discard");
	assert_non_null(strstr(ui->msg, "Filter cleared"));
	ui_key(ui, KEYC_CTRL('O'));	/* back: the filter and echo 7/udp */
	assert_non_null(ui->filter);
	assert_string_equal(ui->filter_expr, "proto:udp");
	assert_ptr_equal(ui->view, &ui->filtered);
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->reg->records[ui_record(ui)].proto, PROTO_UDP);
}

/* --- Contacts and people ------------------------------------------------ */

static void
test_enter_opens_contacts_then_a_persons_assignments(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	const struct detail_person *p;
	size_t		 i, np;

	ui_goto(ui, "7");
	p = ui_people(ui, &np);
	assert_int_equal(np, 1);
	assert_string_equal(p[0].id, "Jon_Postel");
	assert_int_equal(p[0].roles, DETAIL_ASSIGNEE|DETAIL_CONTACT);
	ui_key(ui, KEYC_ENTER);
	assert_int_equal(ui->focus, PANE_CONTACTS);
	ui_key(ui, KEYC_ENTER);
	assert_int_equal(ui->focus, PANE_LIST);
	assert_ptr_equal(ui->view, &ui->persons);
	assert_int_equal(ui->view->n, 4);	/* echo x2, discard, daytime */
	for (i = 0; i < ui->view->n; i++)
		assert_string_not_equal(ui->reg->records[ui_row_at(ui, i)].
		    service, "tcpmux");
	assert_string_equal(sel_name(ui), "echo");
	ui_key(ui, 'G');
	assert_string_equal(sel_name(ui), "daytime");
	ui_key(ui, KEYC_ESC);
	assert_ptr_equal(ui->view, &ui->all);
	assert_string_equal(sel_name(ui), "echo");
	assert_int_equal(ui->focus, PANE_CONTACTS);
}

static void
test_c_key_and_rows_without_people(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_key(ui, 'c');		/* gap 0: nobody */
	assert_int_equal(ui->focus, PANE_LIST);
	assert_non_null(strstr(ui->msg, "No people"));
	ui_goto(ui, "13/udp");
	ui_key(ui, 'c');
	assert_int_equal(ui->focus, PANE_CONTACTS);
	ui_key(ui, 'c');		/* Ghost_Person is in no table ... */
	assert_ptr_equal(ui->view, &ui->persons);	/* ... but named */
	assert_int_equal(ui->view->n, 1);
	assert_string_equal(sel_name(ui), "ghost");
	assert_string_equal(ui->msg,
	    "1 assignment of Ghost_Person (Esc returns)");
	ui_key(ui, KEYC_ESC);
	assert_ptr_equal(ui->view, &ui->all);
}

static void
test_tab_cycles_focus_and_j_scrolls_the_focused_pane(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_key(ui, KEYC_TAB);
	assert_int_equal(ui->focus, PANE_DETAIL);
	ui_key(ui, 'j');			/* scrolls the detail... */
	assert_int_equal(ui->cursor, 0);	/* ...not the list */
	ui_key(ui, KEYC_TAB);
	assert_int_equal(ui->focus, PANE_CONTACTS);
	ui_key(ui, KEYC_TAB);
	assert_int_equal(ui->focus, PANE_LIST);
	ui_key(ui, KEYC_BTAB);
	assert_int_equal(ui->focus, PANE_CONTACTS);
	ui_key(ui, KEYC_BTAB);
	assert_int_equal(ui->focus, PANE_DETAIL);
}

static void
test_open_picks_links_and_refuses_other_schemes(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_goto(ui, "9");
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, "https://example.org/discard");
	ui_goto(ui, "7");
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri,
	    "https://www.rfc-editor.org/rfc/rfc862");
	ui_goto(ui, "nbd");
	ui_key(ui, 'c');
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, "https://uter.be/");
	ui_goto(ui, "1");
	ui_key(ui, 'c');
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, "mailto:MKL@nisc.sri.com");
	ui_opened(ui, NULL);
	assert_non_null(strstr(ui->msg, "MKL@nisc.sri.com"));
	ui_key(ui, KEYC_TAB);
	ui_goto(ui, "2");		/* a gap: nothing to open */
	assert_false(ui_key(ui, 'o') & UI_OPEN);
	assert_true(ui->msg_error);

	assert_true(detail_uri_allowed("https://x.example/"));
	assert_true(detail_uri_allowed("HTTP://x.example/"));
	assert_true(detail_uri_allowed("mailto:a@b.example"));
	assert_false(detail_uri_allowed("javascript:alert(1)"));
	assert_false(detail_uri_allowed("file:///etc/passwd"));
	assert_false(detail_uri_allowed("tel:+1555"));
	assert_false(detail_uri_allowed("https://x\n.example/"));
	assert_false(detail_uri_allowed(NULL));
}

/* The text a link shows as (its first place). */
static char *
link_text(const struct detail *d, size_t l)
{
	const struct detail_link	*k = &d->links[l];

	return strndup(d->fields[k->field].text + k->off, k->len);
}

static void
test_detail_links_are_references_and_people_once_each(void **state)
{
	struct fixture	*f = *state;
	struct detail	 d;
	size_t		 i;
	char		*s;

	/* echo 7/tcp: Jon Postel as assignee and contact, RFC862. */
	detail_build(&d, f->reg, 3);
	assert_int_equal(d.n_links, 2);
	assert_string_equal(d.links[0].uri, "mailto:postel@isi.edu");
	assert_int_equal(d.links[0].kind, DETAIL_LINK_MAIL);
	assert_string_equal(d.links[1].uri,
	    "https://www.rfc-editor.org/rfc/rfc862");
	assert_int_equal(d.links[1].kind, DETAIL_LINK_REF);
	s = link_text(&d, 0);
	assert_string_equal(s, "postel@isi.edu");
	free(s);
	s = link_text(&d, 1);
	assert_string_equal(s, "https://www.rfc-editor.org/rfc/rfc862");
	free(s);
	/* The e-mail shows twice (assignee, contact): two spans, one link. */
	assert_int_equal(d.n_spans, 3);
	for (i = 0; i < d.n_spans; i++) {
		s = strndup(d.fields[d.spans[i].field].text + d.spans[i].off,
		    d.spans[i].len);
		assert_int_equal(strncmp(d.links[d.spans[i].link].uri + 7, s,
		    d.spans[i].link == 0 ? strlen(s) : 0), 0);
		free(s);
	}
	assert_int_equal(detail_link_default(&d), 1);	/* the reference */
	detail_free(&d);

	/* nbd 10/udp: Wouter's e-mail and URI; the URI is the default. */
	detail_build(&d, f->reg, 8);
	assert_int_equal(d.n_links, 2);
	assert_string_equal(d.links[0].uri, "mailto:w@uter.be");
	assert_string_equal(d.links[1].uri, "https://uter.be/");
	assert_int_equal(d.links[1].kind, DETAIL_LINK_URI);
	assert_int_equal(detail_link_default(&d), 1);
	assert_non_null(strstr(field(&d, "Assignee"),
	    "<w@uter.be> https://uter.be/"));
	detail_free(&d);

	/* ghost: not in the people table, no links at all. */
	detail_build(&d, f->reg, 10);
	assert_int_equal(d.n_links, 0);
	assert_int_equal(detail_link_default(&d), -1);
	detail_free(&d);
}

static void
test_detail_links_refuse_other_schemes(void **state)
{
	struct registry	*reg = registry_new("schemes");
	struct record	*r;
	struct detail	 d;
	size_t		 i;

	r = add(reg, "odd", 5, 5, PROTO_TCP, "Odd links", "Odd_Person");
	registry_add_ref(reg, r, "ISO 8601", 8);
	registry_add_ref(reg, r, "draft-ietf-odd-01", 17);
	person(reg, .id = "Odd_Person", .name = "Odd",
	    .email = "odd person@example.org", .uri = "tel:+15550100",
	    .updated = "2020-01-02");
	registry_finish(reg);
	detail_build(&d, reg, 0);
	/* Only the draft: an address with a space and tel: are shown, not
	   linked. */
	assert_int_equal(d.n_links, 1);
	assert_string_equal(d.links[0].uri,
	    "https://datatracker.ietf.org/doc/draft-ietf-odd-01/");
	assert_non_null(strstr(field(&d, "Assignee"), "tel:+15550100"));
	for (i = 0; i < d.n_links; i++)
		assert_true(detail_uri_allowed(d.links[i].uri));
	detail_free(&d);
	registry_free(reg);
}

/* A reference with a label of its own keeps its URL: shown beside the
   label and opened by o (issue 14, item 12). */
static void
test_labelled_reference_shows_and_opens_its_url(void **state)
{
	static const char	 url[] = "https://www.broadband-forum.org/"
	    "technical/download/TR-352.pdf";
	struct registry		*reg = registry_new("labelled");
	struct record		*r;
	struct detail		 d;
	struct ui		*ui;
	struct layout		 l;
	char			*s;

	(void)state;
	r = add(reg, "pon-ictp", 7202, 7202, PROTO_TCP, "ICTP", NULL);
	registry_add_ref_target(reg, r, "TR-352", 6, url, strlen(url));
	registry_add_ref(reg, r, "Some prose", 10);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	assert_int_equal(d.n_links, 1);
	assert_string_equal(d.links[0].uri, url);
	assert_int_equal(d.links[0].kind, DETAIL_LINK_REF);
	assert_string_equal(d.fields[d.links[0].field].text, "TR-352  "
	    "https://www.broadband-forum.org/technical/download/TR-352.pdf");
	s = detail_record_ref_link(r, 1);
	assert_null(s);			/* prose: no URL */
	assert_int_equal(detail_link_default(&d), 0);
	detail_free(&d);

	ui = ui_new(reg);
	layout_compute(&l, 24, 80);
	ui_resize(ui, &l);
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, url);
	ui_free(ui);
	registry_free(reg);
}

/*
 * Is the chosen link of the row on screen?  (Or, with any 1, is any
 * link?)
 */
static int
link_on_screen(struct ui *ui, int any)
{
	struct detail		 d;
	struct detail_line	*lines;
	size_t			 n, first, last, i;
	long			 sel;
	int			 x, on = 0;

	detail_build(&d, ui->reg, ui_row(ui));
	n = detail_wrap(&d, ui_layout(ui)->body[PANE_DETAIL].w, &lines,
	    &x);
	sel = ui_detail_link(ui, &d);
	for (i = 0; i < d.n_links; i++) {
		if ((any || (long)i == sel) &&
		    detail_link_lines(&d, i, lines, n, &first, &last) &&
		    last >= ui->detail_top &&
		    first < ui->detail_top +
		    (size_t)ui_pane_rows(ui, PANE_DETAIL))
			on = 1;
	}
	free(lines);
	detail_free(&d);
	return on;
}

/* The chosen link shows whenever some link does. */
static int
chosen_link_shows(struct ui *ui)
{
	return link_on_screen(ui, 0) || !link_on_screen(ui, 1);
}

static void
test_detail_j_k_choose_the_link_o_opens(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_goto(ui, "7");
	/* From the list, o opens the reference, as the highlight shows. */
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri,
	    "https://www.rfc-editor.org/rfc/rfc862");
	ui_key(ui, KEYC_TAB);
	assert_int_equal(ui->focus, PANE_DETAIL);
	{
		struct layout	 l = ui->layout;

		l.body[PANE_DETAIL].h = 20;	/* everything on screen */
		ui_resize(ui, &l);
	}
	ui_key(ui, 'k');
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, "mailto:postel@isi.edu");
	ui_key(ui, KEYC_UP);		/* no link above: stays */
	assert_int_equal(ui->detail_link, 0);
	ui_key(ui, KEYC_DOWN);
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri,
	    "https://www.rfc-editor.org/rfc/rfc862");
	ui_key(ui, 'j');		/* no link below: stays */
	assert_int_equal(ui->detail_link, 1);
	ui_key(ui, 'g');
	assert_int_equal(ui->detail_link, 0);
	ui_key(ui, 'G');
	assert_int_equal(ui->detail_link, 1);
	ui_key(ui, 'k');
	/* The list cursor did not move; another row starts afresh. */
	assert_string_equal(sel_name(ui), "echo");
	ui_key(ui, KEYC_BTAB);
	ui_key(ui, 'j');
	assert_int_equal(ui->detail_link, -1);
	/* A filter keeps the row's choice when it keeps the row, and
	   forgets it for another row, even one at the same position. */
	if (search_works(ui)) {
		ui_goto(ui, "7");
		ui_key(ui, KEYC_TAB);
		ui_key(ui, 'g');
		assert_int_equal(ui->detail_link, 0);
		ui_set_filter(ui, "echo");
		assert_string_equal(sel_name(ui), "echo");
		assert_int_equal(ui->detail_link, 0);
		ui_key(ui, KEYC_ESC);		/* clears the filter */
		assert_int_equal(ui->detail_link, 0);
		ui_goto(ui, "daytime");
		ui_key(ui, 'g');
		assert_int_equal(ui->detail_link, 0);
		ui_set_filter(ui, "nbd");	/* nbd at 0, the cursor too */
		assert_string_equal(sel_name(ui), "nbd");
		assert_int_equal(ui->detail_link, -1);
		ui_key(ui, KEYC_ESC);
		ui_key(ui, KEYC_BTAB);
	}
	/* The contacts pane opens its selected person's link. */
	ui_goto(ui, "nbd");
	ui_key(ui, 'c');
	assert_true(ui_key(ui, 'o') & UI_OPEN);
	assert_string_equal(ui->open_uri, "https://uter.be/");
	/* A click on the detail line of a link chooses it. */
	ui_goto(ui, "7");
	ui_click(ui, PANE_DETAIL, -1);
	ui_key(ui, 'g');
	ui_key(ui, 'G');
	assert_int_equal(ui->detail_link, 1);
	{
		struct detail		 d;
		struct detail_line	*lines;
		size_t			 n, first, last;
		int			 x;

		detail_build(&d, ui->reg, ui_row(ui));
		n = detail_wrap(&d, ui_layout(ui)->body[PANE_DETAIL].w,
		    &lines, &x);
		assert_true(detail_link_lines(&d, 0, lines, n, &first, &last));
		ui->detail_top = 0;
		ui_click(ui, PANE_DETAIL, (int)first);
		assert_int_equal(ui->detail_link, 0);
		free(lines);
		detail_free(&d);
	}
}

static void
test_detail_link_cursor_scrolls_and_reaches_every_line(void **state)
{
	struct registry	*reg = registry_new("refs");
	struct record	*r;
	struct ui	*ui;
	struct layout	 l;
	char		 ref[64];
	size_t		 i, max = 0, steps;
	long		 last_link = -1;
	int		 k;

	r = add(reg, "many", 5, 5, PROTO_TCP, "A description long enough "
	    "to take a few lines of the detail pane before the links come, "
	    "so that reading it needs scrolling too", "Jon_Postel");
	for (i = 0; i < 12; i++) {
		snprintf(ref, sizeof ref, "RFC%zu", 100 + i);
		registry_add_ref(reg, r, ref, strlen(ref));
	}
	registry_add_ref(reg, r, "plain text between", 18);
	registry_add_ref(reg, r, "RFC999", 6);
	person(reg, .id = "Jon_Postel", .name = "Jon Postel",
	    .email = "postel@isi.edu", .updated = "2020-01-02");
	registry_finish(reg);
	ui = ui_new(reg);
	layout_compute(&l, 24, 80);
	l.body[PANE_DETAIL].h = 4;
	l.body[PANE_DETAIL].w = 40;
	ui_resize(ui, &l);
	ui_goto(ui, "5");
	ui_key(ui, KEYC_TAB);
	ui_key(ui, 'g');
	assert_int_equal(ui->detail_link, 0);
	/* j walks every link in order, each on screen when chosen. */
	for (steps = 0; steps < 200; steps++) {
		ui_key(ui, 'j');
		if (ui->detail_top > max)
			max = ui->detail_top;
		if (ui->detail_link != last_link) {
			assert_true(ui->detail_link == last_link + 1 ||
			    last_link == -1);
			last_link = ui->detail_link;
		}
		assert_true(chosen_link_shows(ui));
	}
	assert_int_equal(last_link, 13);	/* 12 RFCs, RFC999, mail */
	/* ...and the last line of the detail was reached. */
	{
		struct detail		 d;
		struct detail_line	*lines;
		int			 x;
		size_t			 n;

		detail_build(&d, reg, 0);
		n = detail_wrap(&d, 40, &lines, &x);
		assert_int_equal(max, n - (size_t)ui_pane_rows(ui,
		    PANE_DETAIL));
		free(lines);
		detail_free(&d);
	}
	/* k walks them back to the first, and to the top. */
	for (k = 0; k < 200; k++) {
		ui_key(ui, 'k');
		assert_true(chosen_link_shows(ui));
	}
	assert_int_equal(ui->detail_link, 0);
	assert_int_equal(ui->detail_top, 0);
	/* A page down keeps the chosen link on screen. */
	ui_key(ui, KEYC_PGDN);
	assert_true(ui->detail_top > 0);
	assert_true(chosen_link_shows(ui));
	ui_free(ui);
	registry_free(reg);
}

static void
test_help_opens_scrolls_and_q_closes_without_quitting(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui->layout.help.h = 5 + 2;	/* 5 rows of text */
	ui_key(ui, 'h');
	assert_true(ui->help);
	ui_key(ui, 'j');
	assert_int_equal(ui->help_top, 1);
	assert_int_equal(ui->cursor, 0);
	ui_key(ui, 'G');
	assert_int_equal(ui->help_top,
	    ui_help_wrap(ui_help_cols(ui), NULL, 0) - 5);
	assert_false(ui_key(ui, 'q') & UI_QUIT);
	assert_false(ui->help);
	ui_key(ui, KEYC_F1);
	assert_true(ui->help);
	ui_key(ui, KEYC_ESC);
	assert_false(ui->help);
	ui_key(ui, KEYC_F1);
	ui_key(ui, 'h');
	assert_false(ui->help);
	assert_true(ui_key(ui, 'q') & UI_QUIT);
	assert_true(ui_key(ui, KEYC_CTRL('C')) & UI_QUIT);
	ui_key(ui, 'h');
	assert_true(ui_key(ui, KEYC_CTRL('C')) & UI_QUIT);
	ui_key(ui, ':');
	assert_true(ui_key(ui, KEYC_CTRL('C')) & UI_QUIT);
}

static void
test_help_lists_every_key_of_the_table(void **state)
{
	const char	*keys, *text;
	size_t		 i, n = ui_help_lines();
	int		 a, seen;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		seen = 0;
		for (i = 0; i < n; i++) {
			ui_help_line(i, &keys, &text);
			if (keys != NULL && strcmp(keys, keys_names(a)) == 0 &&
			    strcmp(text, keys_help(a)) == 0)
				seen++;
		}
		assert_int_equal(seen, 1);
	}
}

/* s without its spaces (a static buffer). */
static const char *
nospace(const char *s)
{
	static char	 buf[512];
	size_t		 n = 0;

	for (; *s != '\0' && n < sizeof buf - 1; s++) {
		if (*s != ' ')
			buf[n++] = *s;
	}
	buf[n] = '\0';
	return buf;
}

static void
test_help_wraps_descriptions_to_any_width(void **state)
{
	struct ui_help_row	 rows[1024];
	char			 joined[512];
	size_t			 n, i, j;
	int			 width, a, seen, beside = 0, below = 0;

	(void)state;
	for (width = 7; width <= 77; width++) {
		n = ui_help_wrap(width, rows, 1024);
		assert_true(n <= 1024);
		assert_int_equal(ui_help_wrap(width, NULL, 0), n);
		for (i = 0; i < n; i++) {
			assert_true(rows[i].x + (int)rows[i].len <= width ||
			    rows[i].x + 1 > width);
			assert_true(rows[i].len == 0 ||
			    (rows[i].text[0] != ' ' &&
			    rows[i].text[rows[i].len - 1] != ' '));
		}
		/* Each action once, its words all there, in order. */
		for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			seen = 0;
			for (i = 0; i < n; i++) {
				if (rows[i].keys == NULL ||
				    strcmp(rows[i].keys, keys_names(a)) != 0)
					continue;
				seen++;
				joined[0] = '\0';
				for (j = i; j < n && (j == i ||
				    (rows[j].keys == NULL &&
				    rows[j].x > 0)); j++) {
					if (rows[j].len == 0)
						continue;
					/* Narrower than a word, words are
					   cut: join without spaces. */
					if (joined[0] != '\0' && width >= 40)
						strcat(joined, " ");
					strncat(joined, rows[j].text,
					    rows[j].len);
				}
				if (width >= 40)
					assert_string_equal(joined,
					    keys_help(a));
				else {
					char	*t = strdup(nospace(joined));

					assert_string_equal(t,
					    nospace(keys_help(a)));
					free(t);
				}
				if (rows[i].len > 0)
					beside++;
				else
					below++;
			}
			assert_int_equal(seen, 1);
		}
	}
	assert_true(beside > 0);
	assert_true(below > 0);
	/* 80 columns: descriptions beside the keys; o's wraps. */
	n = ui_help_wrap(LAYOUT_HELP_W(80) - 4, rows, 1024);
	for (i = 0; i < n && (rows[i].keys == NULL ||
	    strcmp(rows[i].keys, "o") != 0); i++)
		;
	assert_true(i + 1 < n);
	assert_true(rows[i].len > 0);
	assert_null(rows[i + 1].keys);
	assert_int_equal(rows[i + 1].x, rows[i].x);
}

static void
test_help_scrolls_to_its_last_row_when_narrow(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	struct layout	 l;
	size_t		 n;

	layout_compute(&l, 12, 40);
	ui_resize(ui, &l);
	assert_int_equal(ui_help_cols(ui), 32);
	n = ui_help_wrap(ui_help_cols(ui), NULL, 0);
	assert_true(n > ui_help_lines());	/* something wrapped */
	ui_key(ui, 'h');
	ui_key(ui, 'G');
	assert_int_equal(ui->help_top, n - (size_t)ui_help_rows(ui));
	ui_key(ui, 'j');
	assert_int_equal(ui->help_top, n - (size_t)ui_help_rows(ui));
	ui_wheel(ui, PANE_LIST, 1);
	assert_int_equal(ui->help_top, n - (size_t)ui_help_rows(ui));
	ui_key(ui, 'g');
	assert_int_equal(ui->help_top, 0);
}

static void
test_esc_clears_in_order(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	if (!search_works(ui))
		skip_because(SEARCH_WHY);
	ui_search(ui, "echo", 1);
	ui_set_filter(ui, "Postel");
	ui_key(ui, 'h');
	ui_key(ui, KEYC_ESC);		/* the overlay */
	assert_false(ui->help);
	assert_non_null(ui->filter);
	ui_key(ui, KEYC_ESC);		/* the filter */
	assert_null(ui->filter);
	assert_non_null(ui->search);
	ui_key(ui, KEYC_ESC);		/* the search highlights */
	assert_null(ui->search);
}

static void
test_mouse_click_selects_and_wheel_scrolls(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	ui_click(ui, PANE_LIST, 3);
	assert_int_equal(ui->cursor, 3);
	ui_click(ui, PANE_DETAIL, -1);
	assert_int_equal(ui->focus, PANE_DETAIL);
	ui_click(ui, PANE_LIST, 100);	/* below the last row */
	assert_int_equal(ui->cursor, 3);
	assert_int_equal(ui->focus, PANE_LIST);
	ui_wheel(ui, PANE_LIST, 1);
	assert_int_equal(ui->top, 3);
	assert_true(ui->cursor >= ui->top);
	ui_wheel(ui, PANE_LIST, -1);
	ui_wheel(ui, PANE_LIST, -1);
	assert_int_equal(ui->top, 0);
	ui_goto(ui, "7");
	ui_click(ui, PANE_CONTACTS, 0);
	assert_int_equal(ui->focus, PANE_CONTACTS);
	assert_int_equal(ui->contact_sel, 0);
	assert_int_equal(ui_click(ui, -1, 0), UI_NONE);
	/* While a prompt is open the mouse changes nothing. */
	ui_key(ui, ':');
	assert_int_equal(ui_click(ui, PANE_LIST, 1), UI_NONE);
	assert_int_equal(ui_wheel(ui, PANE_LIST, 1), UI_NONE);
	assert_int_equal(ui->prompt, PROMPT_GOTO);
}

static void
test_every_action_is_safe_on_an_empty_registry(void **state)
{
	struct registry	*reg = registry_new("empty");
	struct ui	*ui;
	struct layout	 l;
	int		 a;

	registry_finish(reg);
	ui = ui_new(reg);
	layout_compute(&l, 24, 80);
	ui_resize(ui, &l);
	/* It lists no port, so it covers none: not even a gap row. */
	assert_int_equal(ui->view->n, 0);
	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		ui_action(ui, a);
		ui_key(ui, KEYC_ESC);
		ui_key(ui, KEYC_ESC);
	}
	ui_goto(ui, "80");
	assert_non_null(strstr(ui->msg, "lists no port"));
	ui_click(ui, PANE_LIST, 5);
	ui_wheel(ui, PANE_CONTACTS, 1);
	ui_free(ui);
	registry_free(reg);
}

/* --- The key table ------------------------------------------------------- */

static void
test_key_table_names_parse_and_bind_back(void **state)
{
	const char	*s, *e;
	int		 a, keyc, n;

	for (a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		n = 0;
		for (s = keys_names(a); *s != '\0'; s = e) {
			while (*s == ' ')
				s++;
			for (e = s; *e != '\0' && *e != ' '; e++)
				;
			keyc = keys_parse(s, e - s);
			assert_true(keyc >= 0);
			/* One action per key: no key bound twice. */
			assert_int_equal(keys_action(keyc), a);
			n++;
		}
		assert_true(n >= 1);
		assert_true(strlen(keys_help(a)) > 0);
	}
	assert_int_equal(keys_parse("Ctrl-O", 6), 15);
	assert_int_equal(keys_parse("Space", 5), ' ');
	assert_int_equal(keys_parse("Nope", 4), -1);
	assert_int_equal(keys_action('Z'), ACT_NONE);
	assert_string_equal(keys_action_name(ACT_PAGE_DOWN), "page-down");
}

static void
test_spec_keys_are_bound(void **state)
{
	static const struct {
		int		 keyc;
		enum key_action	 a;
	} want[] = {
		{ 'j', ACT_DOWN }, { KEYC_DOWN, ACT_DOWN },
		{ 'k', ACT_UP }, { KEYC_UP, ACT_UP },
		{ KEYC_PGDN, ACT_PAGE_DOWN }, { ' ', ACT_PAGE_DOWN },
		{ KEYC_CTRL('F'), ACT_PAGE_DOWN },
		{ KEYC_PGUP, ACT_PAGE_UP }, { 'b', ACT_PAGE_UP },
		{ KEYC_CTRL('B'), ACT_PAGE_UP },
		{ 'g', ACT_FIRST }, { KEYC_HOME, ACT_FIRST },
		{ 'G', ACT_LAST }, { KEYC_END, ACT_LAST },
		{ '}', ACT_NEXT_ASSIGN }, { '{', ACT_PREV_ASSIGN },
		{ ']', ACT_NEXT_GAP }, { '[', ACT_PREV_GAP },
		{ ':', ACT_GOTO }, { '/', ACT_SEARCH }, { '?', ACT_RSEARCH },
		{ 'n', ACT_NEXT_MATCH }, { 'N', ACT_PREV_MATCH },
		{ '&', ACT_FILTER }, { KEYC_ENTER, ACT_CONTACTS },
		{ 'c', ACT_CONTACTS }, { KEYC_TAB, ACT_FOCUS_NEXT },
		{ KEYC_BTAB, ACT_FOCUS_PREV }, { KEYC_CTRL('O'), ACT_BACK },
		{ KEYC_BSPACE, ACT_BACK }, { 'o', ACT_OPEN },
		{ 'h', ACT_HELP }, { KEYC_F1, ACT_HELP },
		{ KEYC_ESC, ACT_CANCEL }, { 'q', ACT_QUIT },
		{ KEYC_CTRL('C'), ACT_QUIT },
	};
	size_t	 i;

	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_int_equal(keys_action(want[i].keyc), want[i].a);
}

/* --- Detail text ------------------------------------------------------- */

static const char *
field(const struct detail *d, const char *label)
{
	size_t	 i;

	for (i = 0; i < d->n; i++) {
		if (strcmp(d->fields[i].label, label) == 0)
			return d->fields[i].text;
	}
	return NULL;
}

static void
test_detail_of_a_gap_gives_size_and_neighbours(void **state)
{
	struct fixture	*f = *state;
	struct detail	 d;
	int32_t		 g = registry_gap_at(f->reg, 11);

	assert_true(g >= 0);
	detail_build(&d, f->reg, ROW_GAP(g));
	assert_string_equal(field(&d, "Gap size"), "2 ports");
	assert_non_null(strstr(field(&d, "Before"), "nbd 10/udp"));
	assert_non_null(strstr(field(&d, "After"), "daytime 13/tcp"));
	assert_true(strncmp(field(&d, "Class"), "System", 6) == 0);
	detail_free(&d);
	/* An Unassigned record is a gap too. */
	detail_build(&d, f->reg, 2);
	assert_string_equal(field(&d, "Gap size"), "5 ports");
	assert_non_null(strstr(field(&d, "Before"), "tcpmux 1/"));
	assert_non_null(strstr(field(&d, "After"), "echo 7/tcp"));
	detail_free(&d);
}

/* The detail title of a gap no row lists gives its range. */
static void
test_detail_title_of_an_unlisted_gap_gives_its_range(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;
	char		*t;

	ui_goto(ui, "14");
	assert_true(ROW_IS_GAP(ui_row(ui)));
	t = ui_detail_title(ui);
	assert_string_equal(t, "Unassigned 14-65535, a gap no row lists");
	free(t);
	ui_key(ui, 'g');		/* port 0: a one-port gap */
	t = ui_detail_title(ui);
	assert_string_equal(t, "Unassigned 0, a gap no row lists");
	free(t);
	ui_goto(ui, "7");
	t = ui_detail_title(ui);
	assert_string_equal(t, "echo 7/tcp");
	free(t);
}

static void
test_detail_labels_every_field_and_links_rfcs(void **state)
{
	struct fixture	*f = *state;
	struct detail	 d;

	detail_build(&d, f->reg, 3);
	assert_string_equal(field(&d, "Service"), "echo");
	assert_string_equal(field(&d, "Port"), "7");
	assert_string_equal(field(&d, "Protocol"), "tcp");
	assert_string_equal(field(&d, "Description"), "Echo");
	assert_non_null(strstr(field(&d, "Assignee"), "Jon Postel"));
	assert_non_null(strstr(field(&d, "Contact"), "postel@isi.edu"));
	assert_non_null(strstr(field(&d, "Reference"),
	    "https://www.rfc-editor.org/rfc/rfc862"));
	assert_string_equal(d.link, "https://www.rfc-editor.org/rfc/rfc862");
	detail_free(&d);

	assert_null(detail_ref_link("ISO 8601"));
	{
		char *s = detail_ref_link("RFC8765, Section 6.1");

		assert_string_equal(s, "https://www.rfc-editor.org/rfc/rfc8765");
		free(s);
		s = detail_ref_link("draft-ietf-foo-bar-03");
		assert_string_equal(s,
		    "https://datatracker.ietf.org/doc/draft-ietf-foo-bar-03/");
		free(s);
		/* An RFC to be links to its draft, as drafts do. */
		s = detail_ref_link("RFC-ietf-ntp-roughtime-19");
		assert_string_equal(s, "https://datatracker.ietf.org/doc/"
		    "draft-ietf-ntp-roughtime-19/");
		free(s);
	}
}

static void
test_detail_wrap_fits_the_width(void **state)
{
	struct registry		*reg = registry_new("wrap");
	struct detail		 d;
	struct detail_line	*lines;
	size_t			 n, i;
	int			 x, width;

	add(reg, "long", 5, 5, PROTO_TCP, "A very long description that "
	    "certainly does not fit on one line of a narrow detail pane\n"
	    "and a second paragraph", NULL);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	for (width = 1; width <= 100; width++) {
		n = detail_wrap(&d, width, &lines, &x);
		assert_true(n >= d.n);
		for (i = 0; i < n; i++) {
			/* ASCII here: bytes are columns. */
			assert_true((int)lines[i].len <= (width - x > 0 ?
			    width - x : 1));
		}
		free(lines);
	}
	n = detail_wrap(&d, 40, &lines, &x);
	assert_int_equal(x, DETAIL_LABEL_W);
	for (i = 0; i < n && strcmp(d.fields[lines[i].field].label,
	    "Description") != 0; i++)
		;
	assert_true(i < n);
	assert_true(lines[i].first);
	assert_false(lines[i + 1].first);
	free(lines);
	detail_free(&d);
	registry_free(reg);
}

/* The lines of field label in d wrapped to width, as strings. */
static size_t
wrapped(const struct detail *d, const char *label, int width, char **out,
    size_t cap)
{
	struct detail_line	*lines;
	size_t			 n, i, k = 0;
	int			 x;

	n = detail_wrap(d, width, &lines, &x);
	for (i = 0; i < n; i++) {
		if (strcmp(d->fields[lines[i].field].label, label) != 0 ||
		    (x == 0 && lines[i].first))
			continue;
		if (k < cap)
			out[k] = strndup(d->fields[lines[i].field].text +
			    lines[i].off, lines[i].len);
		k++;
	}
	free(lines);
	return k;
}

static void
free_strings(char **s, size_t n)
{
	while (n-- > 0)
		free(s[n]);
}

static void
test_detail_wrap_breaks_long_urls_after_a_slash(void **state)
{
	struct fixture	*f = *state;
	struct registry	*reg = registry_new("urls");
	struct record	*r;
	struct detail	 d;
	char		*l[16];
	size_t		 n, i;
	int		 tw;

	/* RFC862 and its URL: at 30 text columns, the URL gets a line of
	   its own (it fits) and is not cut. */
	detail_build(&d, f->reg, 3);
	n = wrapped(&d, "Reference", DETAIL_LABEL_W + 40, l, 16);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "RFC862");
	assert_string_equal(l[1], "https://www.rfc-editor.org/rfc/rfc862");
	free_strings(l, n);
	/* At 30 it must be cut: after the last '/' that fits. */
	n = wrapped(&d, "Reference", DETAIL_LABEL_W + 30, l, 16);
	assert_int_equal(n, 3);
	assert_string_equal(l[1], "https://www.rfc-editor.org/");
	assert_string_equal(l[2], "rfc/rfc862");
	free_strings(l, n);
	/* Wide enough: one line, as it was. */
	n = wrapped(&d, "Reference", DETAIL_LABEL_W + 60, l, 16);
	assert_int_equal(n, 1);
	assert_string_equal(l[0],
	    "RFC862  https://www.rfc-editor.org/rfc/rfc862");
	free_strings(l, n);
	detail_free(&d);

	/* A long URL: every piece but the last ends with '/' when a '/'
	   fills half the line, and the pieces make the URL again. */
	r = add(reg, "u", 5, 5, PROTO_TCP, "u", NULL);
	registry_add_ref(reg, r, "https://github.com/NetworkBlockDevice/nbd/"
	    "blob/master/doc/proto.md", 66);
	/* ...and one with no '/' to break at: cut where the line is full. */
	r = add(reg, "v", 6, 6, PROTO_TCP, "v", NULL);
	registry_add_ref(reg, r, "https://averyveryverylongdomainnamewithou"
	    "tslashes.example", 57);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	for (tw = 16; tw <= 70; tw++) {
		char	 url[128] = "";

		n = wrapped(&d, "Reference", DETAIL_LABEL_W + tw, l, 16);
		assert_true(n <= 16);
		for (i = 0; i < n; i++) {
			assert_true(strlen(l[i]) <= (size_t)tw);
			strcat(url, l[i]);
		}
		assert_string_equal(url, "https://github.com/NetworkBlockDevice/"
		    "nbd/blob/master/doc/proto.md");
		if (tw == 47) {
			assert_string_equal(l[0], "https://github.com/"
			    "NetworkBlockDevice/nbd/blob/");
			assert_string_equal(l[1], "master/doc/proto.md");
		}
		if (tw >= 66)
			assert_int_equal(n, 1);
		free_strings(l, n);
	}
	detail_free(&d);
	detail_build(&d, reg, 1);
	n = wrapped(&d, "Reference", DETAIL_LABEL_W + 20, l, 16);
	assert_int_equal(n, 3);
	assert_string_equal(l[0], "https://averyveryver");
	free_strings(l, n);
	detail_free(&d);
	registry_free(reg);
}

static void
test_detail_wrap_never_cuts_a_word_of_text(void **state)
{
	static const char desc[] = "Words of ordinary text, none longer "
	    "than sixteen characters, wrapped at every width: breaks come "
	    "at spaces only, a word that ends exactly at the edge stays, "
	    "and no line starts or ends with a space.";
	struct registry	*reg = registry_new("words");
	struct detail	 d;
	char		*l[64], joined[512];
	size_t		 n, i;
	int		 tw;

	add(reg, "w", 5, 5, PROTO_TCP, desc, NULL);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	for (tw = 16; tw <= 120; tw++) {
		n = wrapped(&d, "Description", DETAIL_LABEL_W + tw, l, 64);
		assert_true(n <= 64);
		joined[0] = '\0';
		for (i = 0; i < n; i++) {
			assert_true(strlen(l[i]) <= (size_t)tw);
			assert_true(l[i][0] != ' ');
			assert_true(l[i][strlen(l[i]) - 1] != ' ');
			/* Greedy: the next line's first word did not fit. */
			if (i + 1 < n)
				assert_true(strlen(l[i]) + 1 +
				    strcspn(l[i + 1], " ") > (size_t)tw);
			if (i > 0)
				strcat(joined, " ");
			strcat(joined, l[i]);
		}
		/* Joined with single spaces, the lines are the text. */
		assert_string_equal(joined, desc);
		free_strings(l, n);
	}
	detail_free(&d);
	registry_free(reg);

	/* A word that exactly fills the line stays on it (9 columns: the
	   pane is too narrow for labels, the text has them all). */
	reg = registry_new("exact");
	add(reg, "x", 5, 5, PROTO_TCP, "aaaa bbbb cccc", NULL);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	n = wrapped(&d, "Description", 9, l, 64);
	assert_int_equal(n, 2);
	assert_string_equal(l[0], "aaaa bbbb");
	assert_string_equal(l[1], "cccc");
	free_strings(l, n);
	detail_free(&d);
	registry_free(reg);
}

static void
test_detail_escapes_control_characters(void **state)
{
	struct registry	*reg = registry_new("ctl");
	struct detail	 d;
	size_t		 i;
	const char	*s;

	add(reg, "evil\033[2J", 5, 5, PROTO_TCP, "bell\007 and \x9b csi",
	    NULL);
	registry_finish(reg);
	detail_build(&d, reg, 0);
	for (i = 0; i < d.n; i++) {
		for (s = d.fields[i].text; *s != '\0'; s++) {
			assert_false((unsigned char)*s < 0x20 && *s != '\n');
			assert_false((unsigned char)*s == 0x7f);
		}
	}
	assert_null(strchr(field(&d, "Service"), '\033'));
	detail_free(&d);
	registry_free(reg);
}

/* --- The shipped registries: the sample and the 2026 XML ------------- */

/* Issue 11 item 16: every person, however many, each once; the pane
   scrolls to the last. */
static void
test_contacts_beyond_64_people(void **state)
{
	struct registry			*reg = registry_new("crowd");
	const struct detail_person	*p;
	struct record			*r;
	struct ui			*ui;
	struct layout			 l;
	char				 id[32];
	size_t				 i, n;

	(void)state;
	r = add(reg, "crowd", 7, 7, PROTO_TCP, "Named by many", NULL);
	for (i = 0; i < 10000; i++) {
		snprintf(id, sizeof id, "P%05zu", 9999 - i);
		registry_add_assignee(reg, r, id, strlen(id));
	}
	/* Contacts: every other one again, and one new. */
	for (i = 0; i < 10000; i += 2) {
		snprintf(id, sizeof id, "P%05zu", i);
		registry_add_contact(reg, r, id, strlen(id));
	}
	registry_add_contact(reg, r, "Last", 4);
	registry_finish(reg);
	ui = ui_new(reg);
	layout_compute(&l, 24, 80);
	ui_resize(ui, &l);
	ui_goto(ui, "7");
	p = ui_people(ui, &n);
	assert_int_equal(n, 10001);
	/* In the order named: assignees, then the new contact. */
	assert_string_equal(p[0].id, "P09999");
	assert_int_equal(p[0].roles, DETAIL_ASSIGNEE);
	assert_string_equal(p[1].id, "P09998");
	assert_int_equal(p[1].roles, DETAIL_ASSIGNEE|DETAIL_CONTACT);
	assert_string_equal(p[10000].id, "Last");
	assert_int_equal(p[10000].roles, DETAIL_CONTACT);
	ui_key(ui, 'c');
	assert_int_equal(ui->focus, PANE_CONTACTS);
	ui_key(ui, 'G');
	assert_int_equal(ui->contact_sel, 10000);
	assert_true(ui->contact_top <= 10000 && ui->contact_top +
	    (size_t)ui_pane_rows(ui, PANE_CONTACTS) / 2 > 10000);
	ui_key(ui, KEYC_ENTER);
	assert_ptr_equal(ui->view, &ui->persons);
	assert_int_equal(ui->view->n, 1);
	ui_free(ui);
	registry_free(reg);
}

static void
test_sample_goto_nbd_shows_wouter(void **state)
{
	struct registry		*reg;
	struct ui		*ui;
	const struct detail_person *p;
	size_t			 n;

	reg = sample_registry();
	ui = ui_new(reg);
	ui_goto(ui, "10809");
	assert_string_equal(sel_name(ui), "nbd");
	p = ui_people(ui, &n);
	assert_true(n >= 1);
	assert_string_equal(p[0].id, "Wouter_Verhelst");
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 10811);
	ui_key(ui, '}');
	assert_string_equal(sel_name(ui), "helix");
	ui_free(ui);
	registry_free(reg);
}

static void
test_real_registry_acceptance_walk(void **state)
{
	struct registry		*reg = shipped_registry(XML_SHIPPED);
	struct ui		*ui;
	struct layout		 l;
	size_t			 i, n;
	int			 daytime = 0, tcpmux = 0;

	ui = ui_new(reg);
	layout_compute(&l, 40, 120);
	ui_resize(ui, &l);
	ui_goto(ui, "10809");
	assert_string_equal(sel_name(ui), "nbd");
	ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 10811);
	ui_key(ui, '}');
	assert_string_equal(sel_name(ui), "helix");
	(void)ui_people(ui, &n);
	assert_int_equal(n, 2);
	ui_key(ui, '[');
	assert_int_equal(sel_port(ui), 10811);
	ui_key(ui, '{');
	assert_string_equal(sel_name(ui), "nmc-disc");
	/* The last gap is 49152-65535, listed by no record. */
	ui_key(ui, 'g');
	for (i = 0; i < 2000 && !(ROW_IS_GAP(ui_row(ui)) &&
	    sel_port(ui) == 49152); i++)
		ui_key(ui, ']');
	assert_int_equal(sel_port(ui), 49152);
	/* Jon Postel's assignments from echo. */
	ui_goto(ui, "7/tcp");
	assert_string_equal(sel_name(ui), "echo");
	ui_key(ui, KEYC_ENTER);
	ui_key(ui, KEYC_ENTER);
	assert_ptr_equal(ui->view, &ui->persons);
	for (i = 0; i < ui->view->n; i++) {
		const char *s = reg->records[ui_row_at(ui, i)].service;

		daytime += s != NULL && strcmp(s, "daytime") == 0;
		tcpmux += s != NULL && strcmp(s, "tcpmux") == 0;
	}
	assert_true(daytime > 0);
	assert_int_equal(tcpmux, 0);
	n = ui->view->n;
	assert_true(n > 10);
	ui_key(ui, KEYC_ESC);
	assert_string_equal(sel_name(ui), "echo");
	ui_free(ui);
	registry_free(reg);
}

/* --- What an action redraws; one detail view per selection ---------------- */

static void
test_actions_say_what_they_change(void **state)
{
	struct ui	*ui = ((struct fixture *)*state)->ui;

	/* Another row: every pane and the status line, not the screen. */
	assert_int_equal(ui_key(ui, 'j'), UI_DRAW_ROW);
	/* Focus: the panes' headers only. */
	assert_int_equal(ui_key(ui, KEYC_TAB), UI_DRAW_PANES);
	/* In the detail pane, j changes the detail pane alone. */
	assert_int_equal(ui_key(ui, 'j'), UI_DRAW_DETAIL);
	ui_key(ui, KEYC_TAB);
	assert_int_equal(ui_key(ui, 'j'), UI_DRAW_CONTACTS);
	/* The help overlay redraws everything, opening and closing. */
	assert_int_equal(ui_key(ui, 'h'), UI_DRAW_ALL);
	assert_int_equal(ui_key(ui, 'j'), UI_DRAW_ALL);
	assert_int_equal(ui_key(ui, 'h'), UI_DRAW_ALL);
	/* The goto prompt: only its line, until Enter moves. */
	assert_int_equal(ui_key(ui, ':'), UI_DRAW_STATUS);
	assert_int_equal(ui_key(ui, '7'), UI_DRAW_STATUS);
	assert_true(ui_key(ui, KEYC_ENTER) & UI_DRAW_LIST);
	/* A key bound to nothing changes nothing. */
	assert_int_equal(ui_key(ui, 'Z'), UI_NONE);
	assert_int_equal(ui_key(ui, 'q'), UI_QUIT);
}

static void
test_detail_view_is_built_once_per_row_and_width(void **state)
{
	struct ui			*ui = ((struct fixture *)*state)->ui;
	const struct ui_detail_view	*v;
	const struct detail_line	*lines;
	struct layout			 l;

	ui_goto(ui, "7/tcp");
	v = ui_detail_view(ui);
	lines = v->lines;
	assert_int_equal(v->row, ui_row(ui));
	assert_true(v->n > 0);
	/* Actions that keep the row keep the view. */
	ui_key(ui, KEYC_TAB);
	ui_key(ui, 'j');
	ui_key(ui, KEYC_TAB);
	assert_ptr_equal(ui_detail_view(ui)->lines, lines);
	/* Another row, or another width, builds it again. */
	ui_key(ui, KEYC_TAB);
	ui_key(ui, 'j');
	assert_int_equal(ui_detail_view(ui)->row, ui_row(ui));
	layout_compute(&l, 24, 60);
	ui_resize(ui, &l);
	assert_int_equal(ui_detail_view(ui)->width, 60);
	/* The first line shown is clamped once, by the ui. */
	ui->detail_top = 1000;
	assert_true(ui_detail_top(ui) < ui_detail_view(ui)->n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_view_places_unlisted_gaps_in_port_order),
		T(test_rows_move_and_stop_at_the_ends),
		T(test_pages_move_by_the_list_height),
		T(test_next_assignment_skips_aliases_reserved_and_gaps),
		T(test_previous_assignment_lands_on_the_first_row_of_its_port),
		T(test_gap_keys_visit_unassigned_rows_and_unlisted_ranges),
		T(test_goto_port_proto_name_and_gap),
		T(test_goto_errors_change_nothing),
		T(test_goto_prompt_by_keys),
		T(test_back_returns_before_the_last_jump),
		T(test_search_forward_backward_and_wrap),
		T(test_first_backward_search_says_it_wrapped),
		T(test_search_as_you_type_and_escape_restores),
		T(test_bad_pattern_reports_and_changes_nothing),
		T(test_filter_shows_only_matching_rows_and_esc_clears),
		T(test_filter_without_matches_keeps_the_list),
		T(test_pattern_narrows_only_plain_extensions),
		T(test_goto_a_row_the_filter_hides_clears_it),
		T(test_goto_prefers_a_row_the_filter_shows_and_ctrl_o_restores),
		T(test_enter_opens_contacts_then_a_persons_assignments),
		T(test_c_key_and_rows_without_people),
		T(test_tab_cycles_focus_and_j_scrolls_the_focused_pane),
		T(test_open_picks_links_and_refuses_other_schemes),
		cmocka_unit_test(
		    test_labelled_reference_shows_and_opens_its_url),
		T(test_detail_links_are_references_and_people_once_each),
		T(test_detail_j_k_choose_the_link_o_opens),
		T(test_help_opens_scrolls_and_q_closes_without_quitting),
		T(test_help_scrolls_to_its_last_row_when_narrow),
		T(test_esc_clears_in_order),
		T(test_mouse_click_selects_and_wheel_scrolls),
		T(test_detail_of_a_gap_gives_size_and_neighbours),
		T(test_detail_title_of_an_unlisted_gap_gives_its_range),
		T(test_detail_labels_every_field_and_links_rfcs),
		T(test_detail_wrap_breaks_long_urls_after_a_slash),
#undef T
		cmocka_unit_test(test_gap_keys_stop_once_per_range),
		cmocka_unit_test(test_help_lists_every_key_of_the_table),
		cmocka_unit_test(test_help_wraps_descriptions_to_any_width),
		cmocka_unit_test(test_every_action_is_safe_on_an_empty_registry),
		cmocka_unit_test(test_key_table_names_parse_and_bind_back),
		cmocka_unit_test(test_spec_keys_are_bound),
		cmocka_unit_test(test_detail_wrap_fits_the_width),
		cmocka_unit_test(test_detail_wrap_never_cuts_a_word_of_text),
		cmocka_unit_test(test_detail_escapes_control_characters),
		cmocka_unit_test(test_detail_links_refuse_other_schemes),
		cmocka_unit_test(test_detail_link_cursor_scrolls_and_reaches_every_line),
		cmocka_unit_test(test_contacts_beyond_64_people),
		cmocka_unit_test(test_sample_goto_nbd_shows_wouter),
		cmocka_unit_test(test_narrowing_gives_the_rows_of_a_full_scan),
		cmocka_unit_test(test_real_registry_acceptance_walk),
		cmocka_unit_test_setup_teardown(test_actions_say_what_they_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_detail_view_is_built_once_per_row_and_width, setup,
		    teardown),
	};

	return RUN_TESTS(tests);
}
