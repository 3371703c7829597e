/*
 * draw.c - the drawing primitives every part of the screen uses: colour
 * roles and their monochrome looks, and clipped UTF-8 output along one
 * screen line.  It knows nothing of the ui or of any pane.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "draw.h"

/*
 * The look of each role: foreground and background from the terminal's
 * palette (-1: the terminal's default), attributes with colour, and the
 * attributes used without colour.
 */
static const struct {
	short	 fg;
	short	 bg;
	attr_t	 attr;
	attr_t	 mono;
} draw_roles[ROLE_COUNT] = {
	[ROLE_NORMAL] =		{ -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] =		{ COLOR_WHITE, COLOR_BLUE, A_BOLD,
				  A_REVERSE|A_BOLD },
	[ROLE_STATUS] =		{ COLOR_BLACK, COLOR_CYAN, A_NORMAL,
				  A_REVERSE },
	[ROLE_HEADER] =		{ COLOR_CYAN, -1, A_BOLD, A_UNDERLINE },
	[ROLE_HEADER_FOCUS] =	{ COLOR_BLACK, COLOR_YELLOW, A_BOLD,
				  A_REVERSE|A_BOLD },
	[ROLE_CURSOR] =		{ COLOR_BLACK, COLOR_GREEN, A_BOLD,
				  A_REVERSE|A_BOLD },
	[ROLE_CURSOR_DIM] =	{ -1, -1, A_REVERSE, A_REVERSE },
	[ROLE_GAP] =		{ COLOR_GREEN, -1, A_NORMAL, A_DIM },
	[ROLE_RESERVED] =	{ COLOR_MAGENTA, -1, A_NORMAL, A_DIM },
	[ROLE_MATCH] =		{ COLOR_BLACK, COLOR_YELLOW, A_NORMAL,
				  A_UNDERLINE|A_BOLD },
	[ROLE_LABEL] =		{ COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_LINK] =		{ COLOR_BLUE, -1, A_UNDERLINE, A_UNDERLINE },
	[ROLE_NOTE] =		{ COLOR_YELLOW, -1, A_NORMAL, A_DIM },
	[ROLE_ERROR] =		{ COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_KEY] =		{ COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_BORDER] =		{ COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_REMOVED] =	{ COLOR_RED, -1, A_DIM, A_DIM },
};

/* Set once by draw_init. */
static int	 draw_colours;

void
draw_init(void)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i;

	draw_colours = 0;
	if (nc != NULL && *nc != '\0')
		return;
	if (!has_colors() || start_color() == ERR || COLORS < 8)
		return;
	use_default_colors();
	for (i = 1; i < ROLE_COUNT; i++)
		init_pair((short)i, draw_roles[i].fg, draw_roles[i].bg);
	draw_colours = 1;
}

int
draw_colour(void)
{
	return draw_colours;
}

attr_t
draw_attr(enum role r)
{
	if (r < 0 || r >= ROLE_COUNT)
		r = ROLE_NORMAL;
	if (!draw_colours)
		return draw_roles[r].mono;
	if (r == ROLE_NORMAL)
		return A_NORMAL;
	return draw_roles[r].attr | COLOR_PAIR(r);
}

/* --- Clipped output ---------------------------------------------------- */

void
sline_start(struct sline *sl, int y, int x, int w)
{
	sl->y = y;
	sl->x = x;
	sl->end = x + (w > 0 ? w : 0);
	sl->col = x;
}

/* Next character of s (n bytes left): its wide char, width and length. */
static size_t
draw_char(const char *s, size_t n, wchar_t *wc, int *w)
{
	mbstate_t	 ps;
	size_t		 r;

	memset(&ps, 0, sizeof ps);
	r = mbrtowc(wc, s, n, &ps);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*wc = L'?';
		*w = 1;
		return 1;
	}
	*w = wcwidth(*wc);
	if (*w < 0) {
		*wc = L'?';
		*w = 1;
	}
	return r;
}

int
draw_width(const char *s, size_t len)
{
	size_t	 i = 0;
	wchar_t	 wc;
	int	 w, total = 0;

	while (i < len) {
		i += draw_char(s + i, len - i, &wc, &w);
		total += w;
	}
	return total;
}

/* s[0..len) up to column limit, cut where it stops fitting. */
static void
sline_put(struct sline *sl, const char *s, size_t len, attr_t a, int limit)
{
	wchar_t	 buf[256];
	size_t	 i = 0, n = 0;
	int	 w, start = sl->col;

	if (limit < 0 || limit > sl->end)
		limit = sl->end;
	while (i < len && sl->col < limit) {
		i += draw_char(s + i, len - i, &buf[n], &w);
		if (w == 0 && n == 0 && sl->col == start)
			continue;	/* a combining mark with no base */
		if (sl->col + w > limit)
			break;
		n++;
		sl->col += w;
		if (n == sizeof buf / sizeof buf[0] - 1) {
			attrset(a);
			mvaddnwstr(sl->y, start, buf, (int)n);
			start = sl->col;
			n = 0;
		}
	}
	if (n > 0) {
		attrset(a);
		mvaddnwstr(sl->y, start, buf, (int)n);
	}
	attrset(A_NORMAL);
}

/* Text cut to fit ends in "…": the reader sees that there is more. */
void
sline_add(struct sline *sl, const char *s, size_t len, attr_t a, int limit)
{
	size_t	 i = 0, k;
	wchar_t	 wc;
	int	 w, col;

	if (limit < 0 || limit > sl->end)
		limit = sl->end;
	if (sl->col + draw_width(s, len) <= limit) {
		sline_put(sl, s, len, a, limit);
		return;
	}
	/* Cut: as much as fits in one column less, then the "…". */
	for (col = sl->col; i < len; i += k) {
		k = draw_char(s + i, len - i, &wc, &w);
		if (col + w > limit - 1)
			break;
		col += w;
	}
	sline_put(sl, s, i, a, limit - 1);
	if (sl->col < limit)
		sline_put(sl, "\xe2\x80\xa6", 3, a, limit);
}

void
sline_adds(struct sline *sl, const char *s, attr_t a)
{
	sline_add(sl, s, strlen(s), a, -1);
}

void
sline_pad(struct sline *sl, int upto, attr_t a)
{
	if (upto < 0 || upto > sl->end)
		upto = sl->end;
	if (sl->col >= upto)
		return;
	attrset(a);
	mvhline(sl->y, sl->col, ' ', upto - sl->col);
	attrset(A_NORMAL);
	sl->col = upto;
}

void
draw_clear(const struct rect *r)
{
	int	 y;

	attrset(A_NORMAL);
	for (y = 0; y < r->h; y++)
		mvhline(r->y + y, r->x, ' ', r->w);
}
