/*
 * test-layout.c - the pane layout as a pure function of the terminal
 * size: every pane on screen and apart, at every size.
 */
#include "config.h"

#include "test.h"

#include "layout.h"

static int
rect_inside(const struct rect *r, int rows, int cols)
{
	return r->y >= 0 && r->x >= 0 && r->h >= 0 && r->w >= 0 &&
	    r->y + r->h <= rows && r->x + r->w <= cols;
}

static int
rect_overlap(const struct rect *a, const struct rect *b)
{
	if (a->h == 0 || a->w == 0 || b->h == 0 || b->w == 0)
		return 0;
	return a->y < b->y + b->h && b->y < a->y + a->h &&
	    a->x < b->x + b->w && b->x < a->x + a->w;
}

/* Every rectangle of l, for the generic checks. */
static size_t
layout_rects(const struct layout *l, const struct rect **out)
{
	size_t	 n = 0;
	int	 p;

	out[n++] = &l->title;
	out[n++] = &l->status;
	out[n++] = &l->message;
	for (p = 0; p < PANE_COUNT; p++) {
		out[n++] = &l->header[p];
		out[n++] = &l->body[p];
	}
	if (l->wide)
		out[n++] = &l->separator;
	return n;
}

static void
check_layout(const struct layout *l, int rows, int cols)
{
	const struct rect	*r[16];
	size_t			 n, i, j;
	int			 p;

	n = layout_rects(l, r);
	for (i = 0; i < n; i++) {
		if (!rect_inside(r[i], rows, cols))
			fail_msg("%dx%d: rect %zu (%d,%d %dx%d) off screen",
			    cols, rows, i, r[i]->y, r[i]->x, r[i]->w, r[i]->h);
		for (j = i + 1; j < n; j++) {
			if (rect_overlap(r[i], r[j]))
				fail_msg("%dx%d: rects %zu and %zu overlap",
				    cols, rows, i, j);
		}
	}
	for (p = 0; p < PANE_COUNT; p++) {
		if (l->body[p].h < 1 || l->body[p].w < 1)
			fail_msg("%dx%d: pane %d has no room", cols, rows, p);
	}
}

static void
test_80x24_shows_all_three_panes_stacked(void **state)
{
	struct layout	 l;
	int		 p;

	layout_compute(&l, 24, 80);
	assert_false(l.too_small);
	assert_false(l.wide);
	check_layout(&l, 24, 80);
	for (p = 0; p < PANE_COUNT; p++)
		assert_int_equal(l.body[p].w, 80);
	assert_true(l.body[PANE_LIST].y < l.body[PANE_DETAIL].y);
	assert_true(l.body[PANE_DETAIL].y < l.body[PANE_CONTACTS].y);
	/* The list gets the most room; contacts fit one person at least. */
	assert_true(l.body[PANE_LIST].h >= l.body[PANE_DETAIL].h);
	assert_true(l.body[PANE_CONTACTS].h >= 2);
	assert_int_equal(l.title.y, 0);
	assert_int_equal(l.message.y, 23);
	assert_int_equal(l.status.y, 22);
}

static void
test_wide_puts_detail_and_contacts_beside_the_list(void **state)
{
	struct layout	 l;

	layout_compute(&l, 40, 120);
	assert_false(l.too_small);
	assert_true(l.wide);
	check_layout(&l, 40, 120);
	assert_true(l.body[PANE_DETAIL].x > l.body[PANE_LIST].x +
	    l.body[PANE_LIST].w - 1);
	assert_int_equal(l.body[PANE_DETAIL].x, l.body[PANE_CONTACTS].x);
	assert_true(l.body[PANE_DETAIL].y < l.body[PANE_CONTACTS].y);
	/* The list runs the full height between title and status. */
	assert_int_equal(l.header[PANE_LIST].y, 1);
	assert_int_equal(l.body[PANE_LIST].y + l.body[PANE_LIST].h,
	    l.status.y);
	assert_int_equal(l.separator.x, l.body[PANE_LIST].w);
}

static void
test_narrow_stacks_below_the_wide_threshold(void **state)
{
	struct layout	 l;

	layout_compute(&l, 40, LAYOUT_WIDE_COLS - 1);
	assert_false(l.wide);
	layout_compute(&l, 40, LAYOUT_WIDE_COLS);
	assert_true(l.wide);
}

static void
test_below_minimum_is_too_small(void **state)
{
	struct layout	 l;

	layout_compute(&l, LAYOUT_MIN_ROWS - 1, 80);
	assert_true(l.too_small);
	layout_compute(&l, 24, LAYOUT_MIN_COLS - 1);
	assert_true(l.too_small);
	layout_compute(&l, 1, 1);
	assert_true(l.too_small);
	layout_compute(&l, 0, 0);
	assert_true(l.too_small);
	layout_compute(&l, -5, -7);
	assert_true(l.too_small);
	assert_int_equal(l.rows, 0);
	assert_int_equal(l.cols, 0);
}

static void
test_minimum_size_is_usable(void **state)
{
	struct layout	 l;

	layout_compute(&l, LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS);
	assert_false(l.too_small);
	check_layout(&l, LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS);
}

static void
test_every_size_keeps_panes_on_screen_and_apart(void **state)
{
	struct layout	 l;
	int		 rows, cols;

	for (rows = -1; rows <= 120; rows++) {
		for (cols = -1; cols <= 300; cols++) {
			layout_compute(&l, rows, cols);
			if (l.too_small) {
				assert_true(rows < LAYOUT_MIN_ROWS ||
				    cols < LAYOUT_MIN_COLS);
				continue;
			}
			check_layout(&l, rows, cols);
			/* The help frame: on screen, centred, at most 80
			   wide, with room for its text. */
			assert_true(l.help.x >= 0 && l.help.y >= 0);
			assert_true(l.help.x + l.help.w <= cols);
			assert_true(l.help.y + l.help.h <= rows);
			assert_true(l.help.w <= 80 && l.help.w >= 10);
			assert_true(l.help.h >= 3);
			assert_true(l.help.x * 2 + l.help.w == cols ||
			    l.help.x * 2 + l.help.w == cols - 1);
		}
	}
}

static void
test_hit_finds_pane_and_row(void **state)
{
	struct layout	 l;
	int		 row, p;

	layout_compute(&l, 24, 80);
	p = layout_hit(&l, l.body[PANE_LIST].y + 2, 5, &row);
	assert_int_equal(p, PANE_LIST);
	assert_int_equal(row, 2);
	p = layout_hit(&l, l.header[PANE_DETAIL].y, 10, &row);
	assert_int_equal(p, PANE_DETAIL);
	assert_int_equal(row, -1);
	p = layout_hit(&l, l.body[PANE_CONTACTS].y, 0, &row);
	assert_int_equal(p, PANE_CONTACTS);
	assert_int_equal(row, 0);
	/* Title and status lines are no pane. */
	assert_int_equal(layout_hit(&l, 0, 0, &row), -1);
	assert_int_equal(layout_hit(&l, 22, 0, &row), -1);
	assert_int_equal(layout_hit(&l, 500, 500, &row), -1);
}

static void
test_hit_in_wide_layout_tells_columns_apart(void **state)
{
	struct layout	 l;
	int		 row;

	layout_compute(&l, 40, 120);
	assert_int_equal(layout_hit(&l, 5, 0, &row), PANE_LIST);
	assert_int_equal(layout_hit(&l, 5, 119, &row), PANE_DETAIL);
	assert_int_equal(layout_hit(&l, l.body[PANE_CONTACTS].y + 1, 119,
	    &row), PANE_CONTACTS);
	assert_int_equal(row, 1);
	/* The separator column belongs to no pane. */
	assert_int_equal(layout_hit(&l, 5, l.separator.x, &row), -1);
}

static void
test_hit_on_too_small_is_nothing(void **state)
{
	struct layout	 l;
	int		 row;

	layout_compute(&l, 3, 3);
	assert_int_equal(layout_hit(&l, 0, 0, &row), -1);
	assert_int_equal(row, -1);
}

/* Issue 11 item 10: the detail and contacts panes share by content. */
static void
test_share_gives_empty_lines_to_the_pane_that_overflows(void **state)
{
	static const int	 sizes[][2] = { { 40, 120 }, { 24, 80 },
	    { 12, 60 }, { 9, 30 }, { 60, 200 } };
	struct layout		 base, l;
	size_t			 i;
	int			 d, c, t;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		layout_compute(&base, sizes[i][0], sizes[i][1]);
		d = base.body[PANE_DETAIL].h;
		c = base.body[PANE_CONTACTS].h;
		t = d + c;

		/* Both fit, or both overflow: the split stays. */
		l = base;
		layout_share(&l, 1, 1);
		assert_memory_equal(&l, &base, sizeof l);
		layout_share(&l, 1000, 1000);
		assert_memory_equal(&l, &base, sizeof l);

		/* A long detail, one person: contacts keep two lines. */
		l = base;
		layout_share(&l, 1000, 2);
		check_layout(&l, sizes[i][0], sizes[i][1]);
		assert_int_equal(l.body[PANE_CONTACTS].h, c >= 2 ? 2 : c);
		assert_int_equal(l.body[PANE_DETAIL].h + l.body[PANE_CONTACTS].h,
		    t);
		assert_int_equal(l.header[PANE_CONTACTS].y,
		    l.body[PANE_DETAIL].y + l.body[PANE_DETAIL].h);
		/* Just what it needs, when that is less than all. */
		l = base;
		layout_share(&l, d + 1, 1);
		assert_int_equal(l.body[PANE_DETAIL].h, d + 1 < t ? d + 1 :
		    t - 1);

		/* Many people, a short detail: it keeps what it needs. */
		l = base;
		layout_share(&l, 3, 5000);
		check_layout(&l, sizes[i][0], sizes[i][1]);
		assert_int_equal(l.body[PANE_DETAIL].h, d > 3 ? 3 : d);
		assert_int_equal(l.body[PANE_DETAIL].h + l.body[PANE_CONTACTS].h,
		    t);

		/* Nothing asked for: still a line each. */
		l = base;
		layout_share(&l, 0, 5000);
		assert_int_equal(l.body[PANE_DETAIL].h, 1);
		l = base;
		layout_share(&l, 5000, 0);
		assert_int_equal(l.body[PANE_CONTACTS].h, 1);
		check_layout(&l, sizes[i][0], sizes[i][1]);

		/* The list and the widths never move. */
		assert_memory_equal(&l.body[PANE_LIST], &base.body[PANE_LIST],
		    sizeof l.body[PANE_LIST]);
		assert_int_equal(l.body[PANE_DETAIL].w,
		    base.body[PANE_DETAIL].w);
	}
	layout_compute(&l, 5, 5);
	layout_share(&l, 100, 1);
	assert_true(l.too_small);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80x24_shows_all_three_panes_stacked),
		cmocka_unit_test(test_wide_puts_detail_and_contacts_beside_the_list),
		cmocka_unit_test(test_narrow_stacks_below_the_wide_threshold),
		cmocka_unit_test(test_below_minimum_is_too_small),
		cmocka_unit_test(test_minimum_size_is_usable),
		cmocka_unit_test(test_every_size_keeps_panes_on_screen_and_apart),
		cmocka_unit_test(test_hit_finds_pane_and_row),
		cmocka_unit_test(test_hit_in_wide_layout_tells_columns_apart),
		cmocka_unit_test(test_hit_on_too_small_is_nothing),
		cmocka_unit_test(
		    test_share_gives_empty_lines_to_the_pane_that_overflows),
	};

	return RUN_TESTS(tests);
}
