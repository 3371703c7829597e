/*
 * load-fixed-rows.c - the fixed-width loader's rows (load-fixed.h): the
 * lines between two anchors (a row's first line) are continuation lines,
 * shared out between the row above and the row below at least cost (see
 * the COST_* weights), then each row is handed to its table's emit.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load-fixed.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

/* --- Sharing continuation lines between rows -------------------------- */

static int64_t
load_fixed_off_centre(long below, long above)
{
	long	 x = below - above;

	if (x == 0 || x == 1)
		return 0;
	return COST_OFF_CENTRE * (x < 0 ? -x : x - 1);
}

static int
load_fixed_popcount(unsigned x)
{
	int	 n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Lines x and x + 1 as two lines of one cell: how many wrapped columns
   say they are not (*fits), look like they are (*wrapped), or would be
   cut inside brackets or a sentence (*paren). */
static void
load_fixed_pair(const struct fixed_table *t, const struct fixed_line *x,
    const struct fixed_line *y, int *fits, int *wrapped, int *paren,
    int *sentence)
{
	unsigned	 both = (unsigned)(x->mask & y->mask) & t->spec->wraps;
	unsigned	 open = (unsigned)x->mask & t->spec->wraps;
	size_t		 c;

	*fits = *wrapped = *paren = *sentence = 0;
	for (c = 0; open != 0; c++, open >>= 1) {
		if ((open & 1) && (x->c[c].paren & OPEN_END))
			(*sentence)++;
	}
	for (c = 0; both != 0; c++, both >>= 1) {
		if (!(both & 1))
			continue;
		if ((size_t)x->c[c].tlen + 1 + y->c[c].word <= t->width[c])
			(*fits)++;
		else
			(*wrapped)++;
		if ((x->c[c].paren & PAREN_OPEN) ||
		    (y->c[c].paren & PAREN_CLOSE))
			(*paren)++;
	}
}


/* Does line i of l[0 .. n) have a neighbour with text in column c? */
static int
load_fixed_wrapped_at(const struct fixed_line *l, size_t n, size_t i,
    size_t c)
{
	return (i > 0 && !l[i - 1].anchor && (l[i - 1].mask & (1U << c))) ||
	    (i + 1 < n && !l[i + 1].anchor && (l[i + 1].mask & (1U << c)));
}

/* Do lines x and y hold the same words, two or more, in column c? */
static int
load_fixed_same_words(const struct fixed_table *t, const struct fixed_line *x,
    const struct fixed_line *y, size_t c)
{
	const char	*s1, *s2;
	size_t		 n1, n2;

	load_fixed_cell_trimmed(t, x, c, &s1, &n1);
	load_fixed_cell_trimmed(t, y, c, &s2, &n2);
	return n1 == n2 && memchr(s1, ' ', n1) != NULL &&
	    memcmp(s1, s2, n1) == 0;
}

/*
 * Are the rows anchored at lines a and b of l[0 .. n) shaped alike: rows
 * of one service and port (its tcp and udp rows), or rows whose anchor
 * lines, or the lines after them, hold the same words of one cell that
 * wraps in both (a cell repeated, as "port, nv used" in the four rows of
 * 4444, or "Corporation for" in the two UCAR people)?
 */
static int
load_fixed_twins(const struct fixed_table *t, const struct fixed_line *l,
    size_t n, size_t a, size_t b)
{
	const char	*s1, *s2;
	size_t		 c, n1, n2;
	int		 any = 0;

	for (c = 0; t->spec->twin != 0 && c < t->ncols; c++) {
		if (!(t->spec->twin & (1U << c)))
			continue;
		load_fixed_cell_trimmed(t, &l[a], c, &s1, &n1);
		load_fixed_cell_trimmed(t, &l[b], c, &s2, &n2);
		if (n1 != n2 || memcmp(s1, s2, n1) != 0) {
			any = 0;
			break;
		}
		any |= n1 > 0;
	}
	if (any)
		return 1;
	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->wraps & l[a].mask & l[b].mask & (1U << c)) ||
		    !load_fixed_wrapped_at(l, n, a, c) ||
		    !load_fixed_wrapped_at(l, n, b, c))
			continue;
		if (load_fixed_same_words(t, &l[a], &l[b], c))
			return 1;
		/* The line after each anchor: "NewsEDGE/Web application"
		   below ddi-tcp-6 and below ddi-udp-6. */
		if (a + 1 < b && b + 1 < n && !l[b + 1].anchor &&
		    load_fixed_same_words(t, &l[a + 1], &l[b + 1], c))
			return 1;
	}
	return 0;
}

/* Is [w, w + n) in [s, s + len), ignoring case? */
static int
load_fixed_contains(const char *s, size_t len, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i + n <= len; i++) {
		if (strncasecmp(s + i, w, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Does line l spell the start of key as an acronym: are the first four
 * letters or more of key (and half of it at least), in order, among the
 * initials of its words, an all-capital word giving all its letters
 * ("TZ-Software remote procedure" and tzrpc)?
 */
static int
load_fixed_acronym(const struct fixed_table *t, const struct fixed_line *l,
    const char *key, size_t keylen)
{
	const char	*s;
	size_t		 c, len, i, j, k = 0, w, caps;

	if (keylen < 4)
		return 0;
	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->naming & l->mask & (1U << c)))
			continue;
		load_fixed_cell_raw(t, l, c, &s, &len);
		for (i = 0; i < len && k < keylen; i += w + 1) {
			for (w = 0; i + w < len &&
			    isalnum((unsigned char)s[i + w]); w++)
				;
			for (caps = 0; caps < w &&
			    isupper((unsigned char)s[i + caps]); caps++)
				;
			if (w == 0)
				continue;
			if (caps < 2 || caps != w)
				caps = 1;	/* only the initial */
			for (j = 0; j < caps && k < keylen; j++) {
				if (tolower((unsigned char)s[i + j]) ==
				    tolower((unsigned char)key[k]))
					k++;
			}
		}
	}
	return k >= 4 && 2 * k >= keylen;
}

/*
 * How many words of four letters or more in the text of line l (its
 * wrapped columns) are part of key a and not of key b, a service name
 * or person id ("Cedros Fraud Detection" and cedros-fds)?  A word in
 * both ("Data" of Data_Access_Inc and Data_Storage_Institu) says
 * nothing.
 */
static int
load_fixed_names(const struct fixed_table *t, const struct fixed_line *l,
    const char *a, size_t n_a, const char *b, size_t n_b)
{
	const char	*s;
	size_t		 c, len, i, w;
	int		 n = 0;

	if (n_a < 4)
		return 0;
	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->naming & l->mask & (1U << c)))
			continue;
		load_fixed_cell_raw(t, l, c, &s, &len);
		for (i = 0; i < len; i += w + 1) {
			for (w = 0; i + w < len &&
			    isalnum((unsigned char)s[i + w]); w++)
				;
			if (w >= 4 && load_fixed_contains(a, n_a, s + i, w) &&
			    (n_b < 4 || !load_fixed_contains(b, n_b, s + i, w)))
				n++;
		}
	}
	if (load_fixed_acronym(t, l, a, n_a) &&
	    !load_fixed_acronym(t, l, b, n_b))
		n++;
	return n;
}

/*
 * The columns where anchor line l starts its text with the start of
 * key, its own service name or person id: a word of four letters or
 * more that key starts with, or that starts with key ("AroundSound's
 * information" for aroundsound, "iotaMed medical" for iota, "Hottinger
 * Baldwin" for Hottinger_Baldwin_Messtechnik_GmbH).  A cell starting
 * with its row's name most likely starts on that line, with no line of
 * it above the anchor; weakly so ("Authentication service for" above
 * "Mogeneti Software Applications" is mogeneti-auth's).
 */
static unsigned
load_fixed_heading(const struct fixed_table *t, const struct fixed_line *l,
    const char *key, size_t keylen)
{
	const char	*s;
	size_t		 c, len, w;
	unsigned	 named = 0;

	for (; keylen > 0 && !isalnum((unsigned char)*key); keylen--)
		key++;		/* a person's "[" */
	for (c = 0; keylen >= 4 && c < t->ncols; c++) {
		if (!(t->spec->naming & l->mask & (1U << c)))
			continue;
		load_fixed_cell_trimmed(t, l, c, &s, &len);
		for (w = 0; w < len && isalnum((unsigned char)s[w]); w++)
			;
		if ((w >= 4 && w <= keylen &&
		    strncasecmp(key, s, w) == 0) ||
		    (w >= keylen && strncasecmp(key, s, keylen) == 0))
			named |= 1U << c;
	}
	return named;
}

/*
 * The columns of load_fixed_heading where the anchor line holds just the
 * row's name and one more word, not a word that needs more: a title
 * ("Egistix Auto-Discovery" for egistix).  Such a cell is most likely
 * complete on its line: of the 2025 CSV's descriptions starting with
 * their service's name whose first line, wrapped as here, has two words,
 * 94% have no second line (1,361 of 1,451), against 76% of the others.
 */
static unsigned
load_fixed_title(const struct fixed_table *t, const struct fixed_line *l,
    unsigned heading)
{
	const char	*s, *sp;
	size_t		 c, len;
	unsigned	 title = 0;

	for (c = 0; c < t->ncols; c++) {
		if (!(heading & t->spec->titles & (1U << c)) ||
		    (l->c[c].paren & OPEN_END))
			continue;
		load_fixed_cell_trimmed(t, l, c, &s, &len);
		sp = memchr(s, ' ', len);
		if (sp != NULL && memchr(sp + 1, ' ',
		    len - (size_t)(sp + 1 - s)) == NULL)
			title |= 1U << c;
	}
	return title;
}

/* The cost of line x going to the record whose key is mine rather than
   to the one whose key is other: it names the other more than mine
   ("National Marine" between National_Instruments and
   National_Marine_Electronics_Association). */
static int64_t
load_fixed_line_names(const struct fixed_table *t, const struct fixed_line *x,
    const char *mine, size_t n_mine, const char *other, size_t n_other)
{
	if (x->mask == 0 || load_fixed_names(t, x, other, n_other, mine,
	    n_mine) <= load_fixed_names(t, x, mine, n_mine, other, n_other))
		return 0;
	return COST_NAMES;
}

/* Does the first wrapped cell with text on line l start in lower case? */
static int
load_fixed_lower(const struct fixed_table *t, const struct fixed_line *l)
{
	const char	*s;
	size_t		 c, len, i;

	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->wraps & l->mask & (1U << c)))
			continue;
		load_fixed_cell_raw(t, l, c, &s, &len);
		for (i = 0; i < len && s[i] == ' '; i++)
			;
		if (i < len)
			return islower((unsigned char)s[i]) != 0;
	}
	return 0;
}

/*
 * The cost of each way to share the m lines between the anchors at a
 * and b = a + m + 1: g[j] when the upper record takes the first j.
 */
static void
load_fixed_gap_costs(const struct fixed_table *t,
    const struct fixed_line *l, size_t a, size_t m, int64_t *g)
{
	size_t		 b = a + m + 1, x, j, n_upper, n_lower;
	const char	*upper, *lower;
	unsigned	 seen, heading, title;
	int64_t		*up = g + m + 1, cost_up = 0, cost_down = 0;
	int64_t		 fit_total = 0;
	int		 fits, wrapped, paren, sentence;

	load_fixed_cell_trimmed(t, &l[a], t->spec->key, &upper, &n_upper);
	load_fixed_cell_trimmed(t, &l[b], t->spec->key, &lower, &n_lower);

	/* up[j]: the cost of lines a+j+1 .. b-1 going down: orphans, lines
	   naming the upper record only, and lines above a cell that starts
	   with the lower record's name. */
	seen = l[b].mask;
	heading = load_fixed_heading(t, &l[b], lower, n_lower);
	up[m] = 0;
	for (x = b - 1; x > a; x--) {
		cost_up += COST_ORPHAN *
		    load_fixed_popcount(l[x].mask & ~seen) +
		    load_fixed_line_names(t, &l[x], lower, n_lower, upper,
		    n_upper) + (l[x].mask & heading ? COST_HEADING : 0);
		seen |= l[x].mask;
		up[x - a - 1] = cost_up;
	}
	for (x = a; x < b; x++) {
		load_fixed_pair(t, &l[x], &l[x + 1], &fits, &wrapped, &paren,
		    &sentence);
		fit_total += fits;
	}

	/* cost_down: the cost of lines a+1 .. a+j staying up: orphans,
	   lines naming the lower record only, and a line going on below a
	   title (not in lower case, which goes on a sentence). */
	seen = l[a].mask;
	title = load_fixed_title(t, &l[a],
	    load_fixed_heading(t, &l[a], upper, n_upper));
	for (j = 0; j <= m; j++) {
		if (j > 0) {
			x = a + j;
			cost_down += COST_ORPHAN *
			    load_fixed_popcount(l[x].mask & ~seen) +
			    load_fixed_line_names(t, &l[x], upper, n_upper,
			    lower, n_lower);
			if (j == 1 && (l[x].mask & title) &&
			    !load_fixed_lower(t, &l[x]))
				cost_down += COST_HEADING;
			seen |= l[x].mask;
		}
		/* The cut is between lines a + j and a + j + 1. */
		load_fixed_pair(t, &l[a + j], &l[a + j + 1], &fits, &wrapped,
		    &paren, &sentence);
		g[j] = cost_down + up[j] +
		    COST_FITS * (fit_total - fits) +
		    COST_CUT_WRAP * wrapped + COST_CUT_PAREN * paren +
		    COST_CUT_SENTENCE * sentence;
		if (j > 0 && l[a + j].mask == 0)
			g[j] += COST_BLANK_END;
		if (j < m && l[a + j + 1].mask == 0)
			g[j] += COST_BLANK_TOP;
	}
}

/*
 * Warn when the lines between rows k and k + 1 could as well go another
 * way: the rows' other sides held as chosen, some other cut has nothing
 * more against it than the chosen one (within COST_GUESS, the least
 * evidence) but the tie-break that gives ambiguous lines to the row
 * above (COST_BELOW).  A cut where a line starting in lower case would
 * start the lower row is no alternative.  With open, row k + 1's lines
 * below are not read yet: its centring and its shape against the rows
 * after it are left out.
 */
static void
load_fixed_guess(struct fixed_parse *fp, const struct fixed_table *t,
    size_t k, int open)
{
	const struct fixed_line	*l = fp->lines;
	const size_t		*an = fp->anchors;
	size_t			 a = an[k], m = an[k + 1] - an[k] - 1, j, best;
	size_t			 up = fp->rows[k].above;
	long			 down = (long)fp->rows[k + 1].below;
	int64_t			 c, chosen = 0, other = INT64_MAX;
	const char		*s1, *s2;
	size_t			 n1, n2;

	if (m == 0)
		return;
	xgrow((void **)&fp->gcost, &fp->cap_gcost, 2 * (m + 1),
	    sizeof *fp->gcost);
	load_fixed_gap_costs(t, l, a, m, fp->gcost);
	best = fp->rows[k].below;
	for (j = 0; j <= m; j++) {
		if (j != best && j < m && load_fixed_lower(t, &l[a + 1 + j]))
			continue;
		/* Evidence only: COST_BELOW, the tie-break, is left out. */
		c = load_fixed_off_centre((long)j, (long)up) + fp->gcost[j];
		if (k > 0 && fp->twins[k - 1] &&
		    j != fp->rows[k - 1].below)
			c += COST_TWIN;
		if (fp->twins[k] && m - j != up)
			c += COST_TWIN;
		if (!open) {
			c += load_fixed_off_centre(down, (long)(m - j));
			if (fp->twins[k] && (long)j != down)
				c += COST_TWIN;
			if (k + 2 < fp->n_anchors && fp->twins[k + 1] &&
			    fp->rows[k + 2].above != m - j)
				c += COST_TWIN;
		}
		if (j == best)
			chosen = c;
		else if (c < other)
			other = c;
	}
	if (other == INT64_MAX || other - chosen >= COST_GUESS)
		return;
	load_fixed_cell_trimmed(t, &l[a], t->spec->key, &s1, &n1);
	load_fixed_cell_trimmed(t, &l[an[k + 1]], t->spec->key, &s2, &n2);
	registry_warn(fp->reg, l[a + 1].no, "line%s %u%s%.0u between the %ss "
	    "'%.*s' (line %u) and '%.*s' (line %u): %zu given to the first "
	    "and %zu to the second by a guess; the layout cannot tell",
	    m > 1 ? "s" : "", l[a + 1].no, m > 1 ? "-" : "",
	    m > 1 ? l[a + m].no : 0, t->spec->what, (int)n1, s1, l[a].no,
	    (int)n2, s2, l[an[k + 1]].no, best, m - best);
}

/*
 * Share the continuation lines of the rows read so far between their
 * anchors (the last anchor takes the last tail lines), then emit the
 * rows and start afresh.  Viterbi: the state of a row is how many lines
 * it has above its anchor.  With keep_last, the last row (its lines below
 * not read yet) is kept, with the lines above it, to start afresh from.
 */
static void
load_fixed_flush(struct fixed_parse *fp, const struct fixed_table *t,
    size_t tail, int keep_last)
{
	const struct fixed_line	*l = fp->lines;
	const size_t		*an = fp->anchors;
	size_t			 k, n = fp->n_anchors, total, u, j, m, a, ub;
	size_t			 states, first, prev_m;
	int64_t			 c, best, here;

	if (n == 0)
		goto done;

	/* The states of row k are fp->off[k] .. fp->off[k + 1] - 1. */
	xgrow((void **)&fp->off, &fp->cap_off, n + 1, sizeof *fp->off);
	fp->off[0] = 0;
	for (k = 0; k < n; k++) {
		m = k == 0 ? an[0] : an[k] - an[k - 1] - 1;
		fp->off[k + 1] = fp->off[k] + m + 1;
	}
	total = fp->off[n];
	xgrow((void **)&fp->state, &fp->cap_state, total, sizeof *fp->state);
	for (k = 0; k < total; k++)
		fp->state[k].cost = INT64_MAX;
	fp->state[an[0]].cost = 0;	/* the lines before the first row */

	/* Which neighbouring rows are shaped alike. */
	xgrow((void **)&fp->twins, &fp->cap_twins, n, sizeof *fp->twins);
	for (k = 0; k + 1 < n; k++)
		fp->twins[k] = (uint8_t)load_fixed_twins(t, l, fp->n_lines,
		    an[k], an[k + 1]);

	/* Row k with u lines above and j below: its centring, the cost of
	   the cut in the gap below it, and its shape against row k - 1
	   (whose lines below follow from u) and row k + 1 (whose lines
	   above follow from j). */
	for (k = 0; k + 1 < n; k++) {
		a = an[k];
		m = an[k + 1] - a - 1;
		prev_m = k > 0 ? an[k] - an[k - 1] - 1 : 0;
		xgrow((void **)&fp->gcost, &fp->cap_gcost, 2 * (m + 1),
		    sizeof *fp->gcost);
		load_fixed_gap_costs(t, l, a, m, fp->gcost);
		states = fp->off[k + 1] - fp->off[k];
		for (u = 0; u < states; u++) {
			here = fp->state[fp->off[k] + u].cost;
			if (here == INT64_MAX)
				continue;
			for (j = 0; j <= m; j++) {
				ub = m - j;
				c = here +
				    load_fixed_off_centre((long)j, (long)u) +
				    fp->gcost[j] + COST_BELOW * (int64_t)ub;
				if (fp->twins[k] && ub != u)
					c += COST_TWIN;
				if (k > 0 && fp->twins[k - 1] &&
				    j + u != prev_m)
					c += COST_TWIN;
				if (c < fp->state[fp->off[k + 1] + ub].cost) {
					fp->state[fp->off[k + 1] + ub].cost = c;
					fp->state[fp->off[k + 1] + ub].from =
					    (uint32_t)u;
				}
			}
		}
	}

	/* The best state of the last row, then back to the first. */
	xgrow((void **)&fp->rows, &fp->cap_rows, n, sizeof *fp->rows);
	k = n - 1;
	best = INT64_MAX;
	first = 0;
	for (u = 0; u < fp->off[n] - fp->off[k]; u++) {
		here = fp->state[fp->off[k] + u].cost;
		if (here == INT64_MAX)
			continue;
		c = here;
		if (!keep_last) {
			c += load_fixed_off_centre((long)tail, (long)u);
			if (k > 0 && fp->twins[k - 1] &&
			    tail + u != an[k] - an[k - 1] - 1)
				c += COST_TWIN;
		}
		if (c < best) {
			best = c;
			first = u;
		}
	}
	fp->rows[k].above = (uint32_t)first;
	fp->rows[k].below = (uint32_t)tail;
	for (; k > 0; k--) {
		fp->rows[k - 1].above =
		    fp->state[fp->off[k] + fp->rows[k].above].from;
		fp->rows[k - 1].below = (uint32_t)(an[k] - an[k - 1] - 1 -
		    fp->rows[k].above);
	}

	for (k = 0; k + 1 < n; k++)
		load_fixed_guess(fp, t, k, keep_last && k + 2 == n);
	for (k = 0; k + (keep_last ? 1 : 0) < n; k++) {
		a = an[k] - fp->rows[k].above;
		t->spec->emit(fp, t, &l[a], (size_t)fp->rows[k].above + 1 +
		    fp->rows[k].below, fp->rows[k].above);
	}
	if (keep_last) {
		a = an[n - 1] - fp->rows[n - 1].above;
		memmove(fp->lines, fp->lines + a,
		    (fp->n_lines - a) * sizeof *fp->lines);
		fp->n_lines -= a;
		fp->anchors[0] = fp->rows[n - 1].above;
		fp->n_anchors = 1;
		return;
	}
done:
	fp->n_lines = 0;
	fp->n_anchors = 0;
	fp->gap = 0;
}

/* Say which lines were dropped for being too many in a row. */
static void
load_fixed_dropped(struct fixed_parse *fp)
{
	if (fp->dropped_from == 0)
		return;
	registry_warn(fp->reg, fp->dropped_from, "lines %u-%u: more than %d "
	    "lines without a row's anchor in a row; the rest ignored",
	    fp->dropped_from, fp->dropped_to, FIXED_GAP_MAX);
	fp->dropped_from = fp->dropped_to = 0;
}

/* Read the rows of a table: the lines [p, end), the first numbered no. */
void
load_fixed_table_read(struct fixed_parse *fp, const struct fixed_table *t,
    const char *p, const char *end, uint32_t no)
{
	struct fixed_parse	 sub = *fp;
	struct fixed_line	 line, *l;
	const char		*s;
	size_t			 len, before = fp->reg->n_records +
				     fp->reg->n_people;
	uint32_t		 first_no = no;

	sub.end = end;
	fp->n_lines = fp->n_anchors = fp->gap = 0;
	for (; load_fixed_getline(&sub, &p, &s, &len); no++) {
		line.p = s;
		line.len = (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len);
		line.no = no;
		load_fixed_measure(t, &line);
		if (line.anchor) {
			load_fixed_dropped(fp);
			if (fp->n_anchors > 0 && fp->gap == 0)
				load_fixed_flush(fp, t, 0, 0);
			xgrow((void **)&fp->anchors, &fp->cap_anchors,
			    fp->n_anchors + 1, sizeof *fp->anchors);
			fp->anchors[fp->n_anchors++] = fp->n_lines;
			fp->gap = 0;
		} else {
			if (fp->n_lines == 0 && line.mask == 0)
				continue;	/* blank lines before a row */
			if (fp->gap == FIXED_GAP_MAX) {
				if (fp->dropped_from == 0)
					fp->dropped_from = no;
				fp->dropped_to = no;
				continue;
			}
			fp->gap++;
		}
		xgrow((void **)&fp->lines, &fp->cap_lines, fp->n_lines + 1,
		    sizeof *fp->lines);
		fp->lines[fp->n_lines++] = line;
		if (line.anchor && fp->n_anchors > 1 &&
		    fp->n_lines > FIXED_SEGMENT_MAX)
			load_fixed_flush(fp, t, 0, 1);
	}
	load_fixed_dropped(fp);

	/* Blank lines after the last row are not part of it. */
	while (fp->n_lines > 0) {
		l = &fp->lines[fp->n_lines - 1];
		if (l->anchor || l->mask != 0)
			break;
		fp->n_lines--;
		fp->gap--;
	}
	if (fp->n_anchors == 0) {
		if (fp->n_lines > 0) {
			registry_warn(fp->reg, fp->lines[0].no, "%zu lines of "
			    "the %s table without a row's anchor; ignored",
			    fp->n_lines, t->spec->what);
		}
		fp->n_lines = 0;
	} else
		load_fixed_flush(fp, t, fp->gap, 0);
	if (fp->reg->n_records + fp->reg->n_people == before)
		registry_warn(fp->reg, first_no, "the %s table has no rows",
		    t->spec->what);
}
