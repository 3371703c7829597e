/*
 * load-fixed-columns.c - the fixed-width loader's columns (load-fixed.h):
 * reading lines, cutting a line into cells at the table's columns, and
 * finding the column header and where each column starts and ends.
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

/* --- Lines --------------------------------------------------------------- */

/* The line at *p: its text (without the line end) in *s, *len; advances
   *p past it.  Returns 0 at the end of the input. */
int
load_fixed_getline(const struct fixed_parse *fp, const char **p, const char **s,
    size_t *len)
{
	const char	*eol;

	if (*p >= fp->end)
		return 0;
	*s = *p;
	eol = memchr(*p, '\n', (size_t)(fp->end - *p));
	if (eol == NULL)
		eol = fp->end;
	*len = (size_t)(eol - *p);
	if (*len > 0 && (*s)[*len - 1] == '\r')
		(*len)--;
	*p = eol < fp->end ? eol + 1 : eol;
	return 1;
}

/* Is the trimmed line exactly word? */
int
load_fixed_is(const char *s, size_t len, const char *word)
{
	field_trim(&s, &len);
	return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

/* Column c of a line: [*s, *s + *len), untrimmed. */
void
load_fixed_cell_raw(const struct fixed_table *t, const struct fixed_line *l,
    size_t c, const char **s, size_t *len)
{
	size_t	 a = t->st[c], b = t->st[c + 1];

	if (a >= l->len) {
		*s = l->p + l->len;
		*len = 0;
		return;
	}
	if (b > l->len)
		b = l->len;
	*s = l->p + a;
	*len = b - a;
}

void
load_fixed_cell_trimmed(const struct fixed_table *t, const struct fixed_line *l,
    size_t c, const char **s, size_t *len)
{
	load_fixed_cell_raw(t, l, c, s, len);
	field_trim(s, len);
}

/*
 * Does the text end in a word after which a sentence must go on ("and",
 * "of", "for", a comma)?  Then the next line holds the rest of the cell.
 */
static int
load_fixed_open_end(const char *s, size_t len)
{
	static const char *const words[] = {
		"a", "an", "and", "as", "at", "between", "by", "for", "from",
		"in", "into", "of", "on", "or", "over", "the", "to", "via",
		"with", NULL
	};
	const char	*const *w;
	size_t		 n;

	if (len > 0 && s[len - 1] == ',')
		return 1;
	for (n = 0; n < len && !field_is_space(s[len - 1 - n]); n++)
		;
	if (n == len)		/* a single word: nothing to go on from */
		return 0;
	for (w = words; *w != NULL; w++) {
		if (strlen(*w) == n &&
		    strncasecmp(*w, s + len - n, n) == 0)
			return 1;
	}
	return 0;
}

/* Fill in what the cost function needs to know about a line. */
void
load_fixed_measure(const struct fixed_table *t, struct fixed_line *l)
{
	const char	*s, *q;
	size_t		 c, len, i, w;
	int		 depth, neg;

	l->mask = 0;
	for (c = 0; c < t->ncols; c++) {
		load_fixed_cell_raw(t, l, c, &s, &len);
		while (len > 0 && field_is_space(s[len - 1]))
			len--;
		l->c[c].tlen = (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len);
		l->c[c].word = 0;
		l->c[c].paren = 0;
		for (i = 0; i < len && field_is_space(s[i]); i++)
			;
		if (i == len)
			continue;
		l->mask |= (uint16_t)(1U << c);
		for (w = 0, q = s + i; q < s + len && !field_is_space(*q);
		    q++)
			w++;
		l->c[c].word = (uint16_t)(w > UINT16_MAX ? UINT16_MAX : w);
		if (!(t->spec->wraps & (1U << c)))
			continue;
		depth = neg = 0;
		for (q = s + i; q < s + len; q++) {
			if (*q == '(' || *q == '[')
				depth++;
			else if ((*q == ')' || *q == ']') && --depth < 0) {
				neg = 1;
				depth = 0;
			}
		}
		l->c[c].paren = (uint8_t)((depth > 0 ? PAREN_OPEN : 0) |
		    (neg ? PAREN_CLOSE : 0) |
		    (load_fixed_open_end(s + i, len - i) ? OPEN_END : 0));
	}
	l->anchor = (uint8_t)t->spec->anchor(t, l);
}

/* --- The column header ------------------------------------------------- */

/* Is word [s, s + len) one of the '|'-separated words of vocab? */
static int
load_fixed_vocab_has(const char *vocab, const char *s, size_t len)
{
	const char	*v = vocab, *bar;
	size_t		 n;

	for (;;) {
		bar = strchr(v, '|');
		n = bar ? (size_t)(bar - v) : strlen(v);
		if (n == len && strncasecmp(v, s, len) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		v = bar + 1;
	}
}

/*
 * Place the words of one header line in columns: words in left to right
 * column order; a word one space after a word of the same column's label
 * joins that label.  Sets lo[c], hi[c] (the label's extent, or lo > hi
 * when column c has none on this line).  Returns 0, or -1 when a word
 * belongs to no column (not a header line).
 */
static int
load_fixed_header_words(const struct fixed_spec *spec, const char *s,
    size_t len, size_t *lo, size_t *hi)
{
	size_t	 i = 0, ws, we, c, prev_end = 0;
	int	 col = -1;

	for (c = 0; c < spec->ncols; c++) {
		lo[c] = SIZE_MAX;
		hi[c] = 0;
	}
	for (;;) {
		while (i < len && field_is_space(s[i]))
			i++;
		if (i == len)
			break;
		ws = i;
		while (i < len && !field_is_space(s[i]))
			i++;
		we = i;
		if (col >= 0 && ws == prev_end + 1 &&
		    load_fixed_vocab_has(spec->vocab[col], s + ws, we - ws))
			c = (size_t)col;
		else {
			for (c = (size_t)(col + 1); c < spec->ncols; c++) {
				if (load_fixed_vocab_has(spec->vocab[c], s + ws,
				    we - ws))
					break;
			}
			if (c == spec->ncols)
				return -1;
		}
		if (ws < lo[c])
			lo[c] = ws;
		hi[c] = we;
		col = (int)c;
		prev_end = we;
	}
	return col >= 0 ? 0 : -1;
}

/*
 * From the labels (ls[c][k], le[c][k], n[c] of them per column), the
 * candidate gutters after each column: column c spans [s, e) with its
 * label centred, the left pad floor((e - s - width) / 2).  Returns 0,
 * or -1 when the labels do not give a consistent layout.
 */
static int
load_fixed_header_layout(struct fixed_table *t, size_t ls[][4], size_t le[][4],
    const size_t *n)
{
	size_t	 c, k, slo = 0, shi = 0, elo, ehi, pmin, next;

	for (c = 0; c < t->ncols; c++) {
		if (n[c] == 0)
			return -1;
	}
	for (c = 0; c + 1 < t->ncols; c++) {
		elo = 0;
		ehi = SIZE_MAX;
		for (k = 0; k < n[c]; k++) {
			if (ls[c][k] < slo)
				return -1;
			pmin = ls[c][k] > shi ? ls[c][k] - shi : 0;
			if (le[c][k] + pmin > elo)
				elo = le[c][k] + pmin;
			if (le[c][k] + (ls[c][k] - slo) + 1 < ehi)
				ehi = le[c][k] + (ls[c][k] - slo) + 1;
		}
		next = SIZE_MAX;
		for (k = 0; k < n[c + 1]; k++) {
			if (ls[c + 1][k] < next)
				next = ls[c + 1][k];
		}
		if (next == 0)
			return -1;
		if (ehi > next - 1)
			ehi = next - 1;
		if (elo > ehi || ehi - elo > FIXED_SLACK)
			return -1;
		t->glo[c] = elo;
		t->ghi[c] = ehi;
		slo = elo + 1;
		shi = ehi + 1;
	}
	return 0;
}

static void
load_fixed_default_layout(struct fixed_table *t)
{
	size_t	 c;

	for (c = 0; c + 1 < t->ncols; c++)
		t->glo[c] = t->ghi[c] = t->spec->defaults[c + 1] - 1;
	t->derived = 0;
}

/* The start of the line before the one starting at p, or NULL. */
static const char *
load_fixed_prev_line(const struct fixed_parse *fp, const char *p)
{
	if (p <= fp->buf)
		return NULL;
	p--;			/* the '\n' ending the previous line */
	while (p > fp->buf && p[-1] != '\n')
		p--;
	return p;
}

/*
 * Read the header block around the line at main (line number no): the
 * lines next to it holding only header words.  Sets the candidate
 * gutters (or the defaults, with a warning), and *data to the first line
 * after the block.
 */
void
load_fixed_header(struct fixed_parse *fp, struct fixed_table *t,
    const char *main, uint32_t no, const char **data, uint32_t *data_no)
{
	size_t		 ls[FIXED_MAXCOLS][4], le[FIXED_MAXCOLS][4];
	size_t		 n[FIXED_MAXCOLS], lo[FIXED_MAXCOLS], hi[FIXED_MAXCOLS];
	const char	*p, *s, *first;
	size_t		 len, c;
	int		 lines = 0, ok = 1, header;

	t->ncols = t->spec->ncols;
	memset(n, 0, sizeof n);

	/* Go up to the first line of the block. */
	first = main;
	while (lines < 3 && (p = load_fixed_prev_line(fp, first)) != NULL) {
		s = p;
		if (!load_fixed_getline(fp, &p, &s, &len) ||
		    field_is_empty(s, len) ||
		    load_fixed_header_words(t->spec, s, len, lo, hi) != 0)
			break;
		first = s;
		no--;
		lines++;
	}

	/* Then down, collecting labels, to the first line that is not. */
	p = first;
	lines = 0;
	while (load_fixed_getline(fp, &p, &s, &len)) {
		header = !field_is_empty(s, len) &&
		    load_fixed_header_words(t->spec, s, len, lo, hi) == 0;
		if (!header && s != main) {
			p = s;
			break;
		}
		if (!header)		/* a main line word of no column */
			ok = 0;
		for (c = 0; header && c < t->ncols; c++) {
			if (lo[c] > hi[c] || n[c] == 4)
				continue;
			ls[c][n[c]] = lo[c];
			le[c][n[c]++] = hi[c];
		}
		no++;
		if (++lines == 6)
			break;
	}
	*data = p;
	*data_no = no;

	t->derived = ok && load_fixed_header_layout(t, ls, le, n) == 0;
	if (!t->derived) {
		registry_warn(fp->reg, *data_no - 1, "cannot place the %s "
		    "columns from the column header; using the layout of the "
		    "2013 file", t->spec->what);
		load_fixed_default_layout(t);
	}
}

/*
 * One pass over the table's lines [p, end): for each candidate gutter,
 * how many lines have text there; then choose the gutters and widths.
 */
void
load_fixed_columns(struct fixed_parse *fp, struct fixed_table *t, const char *p,
    const char *end, uint32_t no)
{
	uint32_t	 count[FIXED_MAXCOLS][FIXED_SLACK + 1];
	const char	*s;
	size_t		 len, c, g, best, maxlen = 0;
	struct fixed_parse sub = *fp;

	memset(count, 0, sizeof count);
	sub.end = end;
	while (load_fixed_getline(&sub, &p, &s, &len)) {
		if (len > maxlen)
			maxlen = len;
		for (c = 0; c + 1 < t->ncols; c++) {
			for (g = t->glo[c]; g <= t->ghi[c] && g < len; g++) {
				if (!field_is_space(s[g]))
					count[c][g - t->glo[c]]++;
			}
		}
	}
	t->st[0] = 0;
	for (c = 0; c + 1 < t->ncols; c++) {
		best = t->glo[c];
		for (g = t->glo[c]; g <= t->ghi[c]; g++) {
			if (count[c][g - t->glo[c]] <
			    count[c][best - t->glo[c]])
				best = g;
		}
		if (count[c][best - t->glo[c]] > 0) {
			registry_warn(fp->reg, no, "no blank gutter between "
			    "the %s columns \"%s\" and \"%s\" (%u lines have "
			    "text at byte %zu)", t->spec->what,
			    t->spec->names[c], t->spec->names[c + 1],
			    count[c][best - t->glo[c]], best + 1);
		}
		/* The gutter byte goes with the column on its left. */
		t->st[c + 1] = best + 1;
		t->width[c] = best > t->st[c] ? best - t->st[c] : 1;
	}
	t->st[t->ncols] = SIZE_MAX;
	c = t->ncols - 1;
	t->width[c] = maxlen > t->st[c] ? maxlen - t->st[c] : 1;
}
