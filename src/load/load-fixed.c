/*
 * load-fixed.c - IANA's fixed-width service-names-port-numbers.txt.
 *
 * The file (the 2013 edition is in ../shared/registry) is an HTML table
 * rendered as text: a preamble (the title, "Last Updated" with the date
 * on a following line, notes), a column header of one to three lines,
 * one row per record, a centred "People" line with the people table, and
 * a "Footnote" section, which is ignored.  All positions are bytes, as
 * in the file (a UTF-8 name shifts nothing in bytes).
 *
 * Columns.  Each column is as wide as its widest cell or label; columns
 * are one byte apart (several gutters are one space, so runs of spaces
 * do not separate cells), and each header label is centred in its
 * column, the odd space going right.  The labels' positions therefore
 * give each column's end to within a byte or two; of those candidate
 * gutters the one blank on the most table lines is taken (one cheap
 * pre-scan of the table counts them).  Where the header cannot be read
 * that way, the layout of the 2013 file is used, with a warning.
 *
 * Rows.  A cell wider than its column wraps onto more lines, and cells
 * are centred vertically in their row: a row of k lines has (k-1)/2 of
 * them (rounded down) above its "anchor", the line with the port number
 * (or, for a service-name-only entry, a service name and more: a wrapped
 * name, "Apple Remote" / "Desktop (Net" / "Assistant)", has spaces or
 * brackets and no other cell), and the rest below.  The people table is
 * read the same way, its anchor the line with the [Id].  So the
 * continuation lines between two anchors belong partly to the upper
 * record (its last lines) and partly to the lower one (its first lines:
 * "whois++" above "whoispp 63").  Where to cut is decided for each run of
 * rows between two adjacent anchors at once (dynamic programming, the
 * state of a row being how many lines it has above its anchor),
 * minimising these costs:
 *  - a row off centre (lines below minus lines above not 0 or 1);
 *  - a line with text in a column that has no text between it and its
 *    anchor (cells are contiguous around their anchor);
 *  - a row starting, or less so ending, with a blank line;
 *  - two lines of one cell where the lower line's first word would have
 *    fitted on the upper line (the wrapping is greedy, so they are not
 *    one wrapped cell), and, more weakly, a cut between two lines that
 *    look like one wrapped cell, inside brackets, or after a word that
 *    needs more ("and", "of", "for", a comma);
 *  - a line naming the other record's service or person id (a word of
 *    four letters or more of it: "Cedros Fraud Detection" and cedros-fds);
 *  - adjacent rows of one service and port (its tcp and udp rows) shaped
 *    differently;
 *  - and, to break ties, each line given to the lower record: ambiguous
 *    lines go to the previous record.
 * Exactness is impossible.  Measured on the 2013 file against the 2025
 * CSV: of the 12,970 records found there by name, port and protocol,
 * 65 descriptions differ, 61 of them because IANA changed the text since;
 * 4 (two cuts, both between name-only entries) are wrong.
 * The text of a wrapped cell is joined with single spaces; a blank line
 * inside a cell is a paragraph break, kept as one '\n' (as IANA's CSV
 * writes <br/><br/>).  A person's URI cell holds one URI a line.
 *
 * Fatal: no column header ("expected the column header").  Warnings:
 * unreadable header (the 2013 layout is used), a column boundary that is
 * not blank everywhere, a bad port or protocol (record kept without it),
 * a people cell that is not a [Id] list (kept whole as one id), a date
 * not YYYY-MM[-DD] (kept as written), an over-long run of continuation
 * lines (the excess is dropped), a table without rows.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "load.h"
#include "registry.h"
#include "xmalloc.h"

#define FIXED_MAXCOLS	12
/* Continuation lines kept between two anchors (the 2013 file has 27 at
   most); more are dropped with a warning, which bounds time and memory. */
#define FIXED_GAP_MAX	200
/* Lines read before the rows so far are shared out even though no two
   anchors are adjacent yet (which bounds memory on odd input). */
#define FIXED_SEGMENT_MAX 4096
/* Widest uncertainty about a gutter that the header may leave. */
#define FIXED_SLACK	32

/* The costs of a way to share continuation lines (see above). */
#define COST_OFF_CENTRE	100	/* per line a row is off centre */
#define COST_ORPHAN	50	/* per cell fragment cut off its anchor */
#define COST_BLANK_TOP	200	/* a row whose first line is blank */
#define COST_BLANK_END	20	/* a row whose last line is blank */
#define COST_FITS	30	/* a word wrapped though it fitted */
#define COST_CUT_WRAP	5	/* a cut where a cell looks wrapped */
#define COST_CUT_PAREN	10	/* a cut inside brackets */
#define COST_CUT_SENTENCE 10	/* a cut after "and", "of", "for", ... */
#define COST_TWIN	10	/* tcp and udp rows shaped apart */
#define COST_NAMES	20	/* a line naming the other record's service */
#define COST_BELOW	1	/* per line given to the lower record */

#define PAREN_OPEN	0x1	/* the cell line leaves a bracket open */
#define PAREN_CLOSE	0x2	/* ... closes one it did not open */
#define OPEN_END	0x4	/* ... ends in a word that needs more */

enum {
	FC_NAME, FC_PORT, FC_PROTO, FC_DESC, FC_ASSIGNEE, FC_CONTACT, FC_REG,
	FC_MOD, FC_REF, FC_SC, FC_UNAUTH, FC_NOTES
};
enum { FP_ID, FP_NAME, FP_ORG, FP_URI, FP_UPDATED };

struct fixed_parse;
struct fixed_table;

/* One input line of the table being read. */
struct fixed_line {
	const char	*p;
	uint32_t	 len;
	uint32_t	 no;
	uint16_t	 mask;		/* columns with text */
	uint8_t		 anchor;
	struct {
		uint16_t tlen;		/* bytes from the column start to the
					   end of its text */
		uint16_t word;		/* length of its first word */
		uint8_t	 paren;
	}		 c[FIXED_MAXCOLS];
};

/* What a table is: its columns, header words, and how rows are read. */
struct fixed_spec {
	const char	*what;
	size_t		 ncols;
	const char	*names[FIXED_MAXCOLS];
	const char	*vocab[FIXED_MAXCOLS];	/* header words, '|' apart */
	uint32_t	 defaults[FIXED_MAXCOLS];	/* 2013 column starts */
	uint16_t	 wraps;		/* columns of wrapped text */
	uint16_t	 twin;		/* key columns of tcp/udp twins */
	size_t		 key;		/* column of the service name or id */
	int		 (*anchor)(const struct fixed_table *,
			     const struct fixed_line *);
	void		 (*emit)(struct fixed_parse *,
			     const struct fixed_table *,
			     const struct fixed_line *, size_t, size_t);
};

/* A table as laid out in this file. */
struct fixed_table {
	const struct fixed_spec	*spec;
	size_t			 ncols;
	size_t			 st[FIXED_MAXCOLS + 1];	/* column starts */
	size_t			 width[FIXED_MAXCOLS];
	size_t			 glo[FIXED_MAXCOLS];	/* candidate gutters */
	size_t			 ghi[FIXED_MAXCOLS];
	int			 derived;	/* from the header */
};

struct fixed_parse {
	struct registry		*reg;
	const char		*buf;
	const char		*end;

	/* The rows being read: lines since the last adjacent anchors. */
	struct fixed_line	*lines;
	size_t			 n_lines;
	size_t			 cap_lines;
	size_t			*anchors;	/* indexes into lines */
	size_t			 n_anchors;
	size_t			 cap_anchors;
	size_t			 gap;		/* lines since an anchor */
	uint32_t		 dropped_from;	/* first dropped line, or 0 */
	uint32_t		 dropped_to;

	/* Scratch for sharing continuation lines (load_fixed_flush). */
	struct {
		int64_t	 cost;		/* least cost to reach this state */
		uint32_t from;		/* the previous row's state */
	}			*state;
	size_t			 cap_state;
	size_t			*off;		/* each row's first state */
	size_t			 cap_off;
	int64_t			*gcost;
	size_t			 cap_gcost;
	struct {
		uint32_t above;		/* lines above the anchor */
		uint32_t below;
	}			*rows;
	size_t			 cap_rows;

	struct buf		 text;		/* a cell's joined text */
};

static int	load_fixed_record_anchor(const struct fixed_table *,
		    const struct fixed_line *);
static void	load_fixed_record_emit(struct fixed_parse *,
		    const struct fixed_table *, const struct fixed_line *,
		    size_t, size_t);
static int	load_fixed_person_anchor(const struct fixed_table *,
		    const struct fixed_line *);
static void	load_fixed_person_emit(struct fixed_parse *,
		    const struct fixed_table *, const struct fixed_line *,
		    size_t, size_t);

static const struct fixed_spec fixed_records = {
	"record", 12,
	{ "Service Name", "Port Number", "Transport Protocol", "Description",
	  "Assignee", "Contact", "Registration Date", "Modification Date",
	  "Reference", "Service Code", "Known Unauthorized Uses",
	  "Assignment Notes" },
	{ "Service|Name", "Port|Number", "Transport|Protocol", "Description",
	  "Assignee", "Contact", "Registration|Date", "Modification|Date",
	  "Reference", "Service|Code", "Known|Unauthorized|Uses|Use|Reported",
	  "Assignment|Notes" },
	{ 0, 16, 28, 38, 67, 147, 205, 218, 231, 259, 270, 284 },
	(1 << FC_DESC) | (1 << FC_ASSIGNEE) | (1 << FC_CONTACT) |
	    (1 << FC_REG) | (1 << FC_MOD) | (1 << FC_REF) | (1 << FC_SC) |
	    (1 << FC_UNAUTH) | (1 << FC_NOTES),
	(1 << FC_NAME) | (1 << FC_PORT), FC_NAME,
	load_fixed_record_anchor, load_fixed_record_emit
};

static const struct fixed_spec fixed_people = {
	"person", 5,
	{ "ID", "Name", "Organization", "Contact URI", "Last Updated" },
	{ "ID", "Name", "Organization", "Contact|URI", "Last|Updated" },
	{ 0, 58, 84, 106, 168 },
	(1 << FP_NAME) | (1 << FP_ORG) | (1 << FP_URI) | (1 << FP_UPDATED),
	0, FP_ID,
	load_fixed_person_anchor, load_fixed_person_emit
};

/* --- Lines --------------------------------------------------------------- */

/* The line at *p: its text (without the line end) in *s, *len; advances
   *p past it.  Returns 0 at the end of the input. */
static int
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
static int
load_fixed_is(const char *s, size_t len, const char *word)
{
	field_trim(&s, &len);
	return len == strlen(word) && strncasecmp(s, word, len) == 0;
}

/* Column c of a line: [*s, *s + *len), untrimmed. */
static void
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

static void
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
static void
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
static void
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
static void
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


/* Are the anchors at x and y rows of one service and port? */
static int
load_fixed_twins(const struct fixed_table *t, const struct fixed_line *x,
    const struct fixed_line *y)
{
	const char	*s1, *s2;
	size_t		 c, n1, n2;
	int		 any = 0;

	if (t->spec->twin == 0)
		return 0;
	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->twin & (1U << c)))
			continue;
		load_fixed_cell_trimmed(t, x, c, &s1, &n1);
		load_fixed_cell_trimmed(t, y, c, &s2, &n2);
		if (n1 != n2 || memcmp(s1, s2, n1) != 0)
			return 0;
		any |= n1 > 0;
	}
	return any;
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
 * Does the text of line l (its wrapped columns) hold a word of four
 * letters or more that is part of key, a service name or person id
 * ("Cedros Fraud Detection" and cedros-fds)?
 */
static int
load_fixed_names(const struct fixed_table *t, const struct fixed_line *l,
    const char *key, size_t keylen)
{
	const char	*s;
	size_t		 c, len, i, w;

	if (keylen < 4)
		return 0;
	for (c = 0; c < t->ncols; c++) {
		if (!(t->spec->wraps & l->mask & (1U << c)))
			continue;
		load_fixed_cell_raw(t, l, c, &s, &len);
		for (i = 0; i < len; i += w + 1) {
			for (w = 0; i + w < len &&
			    isalnum((unsigned char)s[i + w]); w++)
				;
			if (w >= 4 &&
			    load_fixed_contains(key, keylen, s + i, w))
				return 1;
		}
	}
	return 0;
}

/* The cost of line x going to the record whose key is mine rather than
   to the one whose key is other. */
static int64_t
load_fixed_line_names(const struct fixed_table *t, const struct fixed_line *x,
    const char *mine, size_t n_mine, const char *other, size_t n_other)
{
	if (x->mask == 0 || !load_fixed_names(t, x, other, n_other) ||
	    load_fixed_names(t, x, mine, n_mine))
		return 0;
	return COST_NAMES;
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
	unsigned	 seen;
	int64_t		*up = g + m + 1, cost_up = 0, cost_down = 0;
	int64_t		 fit_total = 0;
	int		 fits, wrapped, paren, sentence;

	load_fixed_cell_trimmed(t, &l[a], t->spec->key, &upper, &n_upper);
	load_fixed_cell_trimmed(t, &l[b], t->spec->key, &lower, &n_lower);

	/* up[j]: the cost of lines a+j+1 .. b-1 going down: orphans, and
	   lines naming the upper record only. */
	seen = l[b].mask;
	up[m] = 0;
	for (x = b - 1; x > a; x--) {
		cost_up += COST_ORPHAN *
		    load_fixed_popcount(l[x].mask & ~seen) +
		    load_fixed_line_names(t, &l[x], lower, n_lower, upper,
		    n_upper);
		seen |= l[x].mask;
		up[x - a - 1] = cost_up;
	}
	for (x = a; x < b; x++) {
		load_fixed_pair(t, &l[x], &l[x + 1], &fits, &wrapped, &paren,
		    &sentence);
		fit_total += fits;
	}

	seen = l[a].mask;
	for (j = 0; j <= m; j++) {
		if (j > 0) {
			x = a + j;
			cost_down += COST_ORPHAN *
			    load_fixed_popcount(l[x].mask & ~seen) +
			    load_fixed_line_names(t, &l[x], upper, n_upper,
			    lower, n_lower);
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
	size_t			 states, first;
	int64_t			 c, best, here;
	int			 twins;

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

	for (k = 0; k + 1 < n; k++) {
		a = an[k];
		m = an[k + 1] - a - 1;
		xgrow((void **)&fp->gcost, &fp->cap_gcost, 2 * (m + 1),
		    sizeof *fp->gcost);
		load_fixed_gap_costs(t, l, a, m, fp->gcost);
		twins = load_fixed_twins(t, &l[a], &l[an[k + 1]]);
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
				if (twins && ub != u)
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
		if (!keep_last)
			c += load_fixed_off_centre((long)tail, (long)u);
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
static void
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

/* --- Rows to records and people -------------------------------------- */

/* The text of column c over n rows, in fp->text: wrapped lines joined by
   a space, a blank line inside the cell kept as one '\n'.  Returns the
   length (0: empty). */
static size_t
load_fixed_text(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c)
{
	const char	*s;
	size_t		 i, len;
	int		 brk = 0;

	buf_clear(&fp->text);
	for (i = 0; i < n; i++) {
		load_fixed_cell_trimmed(t, &rows[i], c, &s, &len);
		if (len == 0) {
			brk = fp->text.len > 0;
			continue;
		}
		if (fp->text.len > 0)
			buf_addc(&fp->text, brk ? '\n' : ' ');
		buf_add(&fp->text, s, len);
		brk = 0;
	}
	return fp->text.len;
}

static const char *
load_fixed_string(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c)
{
	size_t	 len = load_fixed_text(fp, t, rows, n, c);

	return len == 0 ? NULL : registry_strndup(fp->reg, fp->text.data, len);
}

static int
load_fixed_name_char(char c)
{
	return isalnum((unsigned char)c) || strchr("-_.+*/", c) != NULL;
}

/*
 * A record's anchor: a line with a port number, or (service-name-only
 * entries) a line with a service name and something else.  A wrapped
 * service name ("Apple Remote" / "Desktop (Net" / "Assistant)") has
 * spaces or brackets, which service names do not.
 */
static int
load_fixed_record_anchor(const struct fixed_table *t,
    const struct fixed_line *l)
{
	const char	*s;
	size_t		 len, i;

	if (l->mask & (1U << FC_PORT))
		return 1;
	if (!(l->mask & (1U << FC_NAME)) || l->mask == (1U << FC_NAME))
		return 0;
	load_fixed_cell_trimmed(t, l, FC_NAME, &s, &len);
	for (i = 0; i < len; i++) {
		if (!load_fixed_name_char(s[i]))
			return 0;
	}
	return 1;
}

static void
load_fixed_people_cell(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c, struct record *r,
    int role, uint32_t no)
{
	char	 q[FIELD_QUOTE_SIZE];
	size_t	 len = load_fixed_text(fp, t, rows, n, c);

	if (len == 0 ||
	    load_people_list(fp->reg, r, role, fp->text.data, len) == 0)
		return;
	registry_warn(fp->reg, no, "expected people like [Id] in the %s "
	    "column, found \"%s\"; kept as one id", t->spec->names[c],
	    field_quote(q, fp->text.data, len));
	if (role == 'a')
		registry_add_assignee(fp->reg, r, fp->text.data, len);
	else
		registry_add_contact(fp->reg, r, fp->text.data, len);
}

static const char *
load_fixed_date(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t c, uint32_t no)
{
	char		 q[FIELD_QUOTE_SIZE];
	const char	*d = load_fixed_string(fp, t, rows, n, c);

	if (d != NULL && !field_is_date(d, strlen(d))) {
		registry_warn(fp->reg, no, "expected a date (YYYY-MM-DD) in "
		    "the %s column, found \"%s\"; kept as written",
		    t->spec->names[c],
		    field_quote(q, d, strlen(d)));
	}
	return d;
}

static void
load_fixed_record_emit(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t above)
{
	struct registry	*reg = fp->reg;
	struct record	*r;
	char		 q[FIELD_QUOTE_SIZE];
	uint32_t	 no = rows[above].no;
	size_t		 len;
	int		 proto;

	r = registry_add_record(reg);
	r->line = rows[0].no;
	r->service = load_fixed_string(fp, t, rows, n, FC_NAME);
	len = load_fixed_text(fp, t, rows, n, FC_PORT);
	if (len > 0 && field_port_parse(fp->text.data, len, &r->port_lo,
	    &r->port_hi) != FIELD_PORT_OK) {
		registry_warn(reg, no, "expected a port number or range, "
		    "found \"%s\"; the record is kept without a port",
		    field_quote(q, fp->text.data, len));
		r->port_lo = r->port_hi = -1;
	}
	if ((len = load_fixed_text(fp, t, rows, n, FC_PROTO)) > 0) {
		if ((proto = field_proto_parse(fp->text.data, len)) < 0) {
			registry_warn(reg, no, "expected a protocol (tcp, udp, "
			    "sctp or dccp), found \"%s\"; the record is kept "
			    "without one",
			    field_quote(q, fp->text.data, len));
		} else
			r->proto = (enum proto)proto;
	}
	r->description = load_fixed_string(fp, t, rows, n, FC_DESC);
	load_fixed_people_cell(fp, t, rows, n, FC_ASSIGNEE, r, 'a', no);
	load_fixed_people_cell(fp, t, rows, n, FC_CONTACT, r, 'c', no);
	r->registered = load_fixed_date(fp, t, rows, n, FC_REG, no);
	r->modified = load_fixed_date(fp, t, rows, n, FC_MOD, no);
	if ((len = load_fixed_text(fp, t, rows, n, FC_REF)) > 0)
		load_refs(reg, r, fp->text.data, len);
	r->service_code = load_fixed_string(fp, t, rows, n, FC_SC);
	r->unauthorized = load_fixed_string(fp, t, rows, n, FC_UNAUTH);
	r->notes = load_fixed_string(fp, t, rows, n, FC_NOTES);
}

/* A person's anchor: the line with the [Id]. */
static int
load_fixed_person_anchor(const struct fixed_table *t,
    const struct fixed_line *l)
{
	const char	*s;
	size_t		 len;

	if (!(l->mask & (1U << FP_ID)))
		return 0;
	load_fixed_cell_trimmed(t, l, FP_ID, &s, &len);
	return s[0] == '[';
}

static void
load_fixed_person_emit(struct fixed_parse *fp, const struct fixed_table *t,
    const struct fixed_line *rows, size_t n, size_t above)
{
	struct registry	*reg = fp->reg;
	struct person	*p;
	char		 q[FIELD_QUOTE_SIZE];
	const char	*s;
	size_t		 i, len;

	len = load_fixed_text(fp, t, rows, n, FP_ID);
	s = fp->text.data;
	if (len >= 2 && s[0] == '[' && s[len - 1] == ']' &&
	    memchr(s + 1, ']', len - 2) == NULL) {
		s++;
		len -= 2;
	} else {
		registry_warn(reg, rows[above].no, "expected a person id like "
		    "[Id], found \"%s\"; kept as written",
		    field_quote(q, s, len));
	}
	p = registry_add_person(reg);
	p->line = rows[0].no;
	p->id = registry_strtrim(reg, s, len);
	if (p->id == NULL)
		p->id = registry_strdup(reg, "");
	p->name = load_fixed_string(fp, t, rows, n, FP_NAME);
	p->org = load_fixed_string(fp, t, rows, n, FP_ORG);
	/* One URI a line: a person may have two. */
	for (i = 0; i < n; i++) {
		load_fixed_cell_trimmed(t, &rows[i], FP_URI, &s, &len);
		if (len > 0)
			load_person_uri(reg, p, s, len);
	}
	p->updated = load_fixed_string(fp, t, rows, n, FP_UPDATED);
}

/* --- Sections -------------------------------------------------------- */

/* Offset of needle in [s, s + len), or -1. */
static long
load_fixed_find(const char *s, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;

	for (i = 0; i + n <= len; i++) {
		if (memcmp(s + i, needle, n) == 0)
			return (long)i;
	}
	return -1;
}

/* The main line of the records header: "Service Name", blanks, "Port". */
static int
load_fixed_is_header(const char *s, size_t len)
{
	long	 i = load_fixed_find(s, len, "Service Name");
	size_t	 k;

	if (i < 0)
		return 0;
	for (k = (size_t)i + 12; k < len && field_is_space(s[k]); k++)
		;
	return k > (size_t)i + 12 && len - k >= 4 &&
	    memcmp(s + k, "Port", 4) == 0;
}

/*
 * Find where the table starting at p ends: a line holding only "People"
 * (when people is set) or "Footnote(s)", between blank lines.  Sets *end
 * to the start of that line (or the end of the input), *end_no to its
 * number, and returns 'P', 'F' or 0.
 */
static int
load_fixed_section_end(const struct fixed_parse *fp, const char *p, uint32_t no,
    int people, const char **end, uint32_t *end_no)
{
	const char	*s, *next, *s2;
	size_t		 len, len2;
	int		 prev_blank = 1, which;

	for (; load_fixed_getline(fp, &p, &s, &len); no++) {
		which = 0;
		if (prev_blank && people && load_fixed_is(s, len, "People"))
			which = 'P';
		else if (prev_blank && (load_fixed_is(s, len, "Footnote") ||
		    load_fixed_is(s, len, "Footnotes")))
			which = 'F';
		if (which != 0) {
			next = p;
			if (!load_fixed_getline(fp, &next, &s2, &len2) ||
			    field_is_empty(s2, len2)) {
				*end = s;
				*end_no = no;
				return which;
			}
		}
		prev_blank = field_is_empty(s, len);
	}
	*end = fp->end;
	*end_no = no;
	return 0;
}

/* Read one table whose header's main line is at main (line no); return
   the kind of section after it as load_fixed_section_end does. */
static int
load_fixed_section(struct fixed_parse *fp, const struct fixed_spec *spec,
    const char *main, uint32_t no, const char **next, uint32_t *next_no)
{
	struct fixed_table	 t;
	const char		*data;
	uint32_t		 data_no;
	int			 which;

	memset(&t, 0, sizeof t);
	t.spec = spec;
	load_fixed_header(fp, &t, main, no, &data, &data_no);
	which = load_fixed_section_end(fp, data, data_no,
	    spec == &fixed_records, next, next_no);
	load_fixed_columns(fp, &t, data, *next, data_no);
	load_fixed_table_read(fp, &t, data, *next, data_no);
	return which;
}

int
load_fixed(struct registry *reg, const char *buf, size_t len, char **err)
{
	struct fixed_parse	 fp;
	const char		*p = buf, *s, *end;
	size_t			 n;
	uint32_t		 no = 1, end_no;
	int			 last_updated = 0, which;

	memset(&fp, 0, sizeof fp);
	fp.reg = reg;
	fp.buf = buf;
	fp.end = buf + len;
	reg->format = "fixed";

	/* The preamble, to the column header. */
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;; no++) {
		if (!load_fixed_getline(&fp, &p, &s, &n)) {
			*err = load_error(reg->source, no > 1 ? no - 1 : 1, 0,
			    "expected the column header (a line \"Service Name"
			    "   Port Number   Transport Protocol ...\"), found "
			    "the end of the input");
			return -1;
		}
		if (load_fixed_is_header(s, n))
			break;
		if (field_is_empty(s, n))
			continue;
		if (reg->title == NULL)
			reg->title = registry_strtrim(reg, s, n);
		else if (last_updated && reg->updated == NULL)
			reg->updated = registry_strtrim(reg, s, n);
		last_updated = load_fixed_is(s, n, "Last Updated");
	}

	which = load_fixed_section(&fp, &fixed_records, s, no, &end, &end_no);
	if (which == 'P') {
		/* The people header: the first line after "People" that is
		   not blank. */
		p = end;
		no = end_no;
		load_fixed_getline(&fp, &p, &s, &n);
		for (no++; load_fixed_getline(&fp, &p, &s, &n); no++) {
			if (!field_is_empty(s, n))
				break;
		}
		if (s < fp.end && load_fixed_find(s, n, "ID") >= 0)
			load_fixed_section(&fp, &fixed_people, s, no, &end,
			    &end_no);
		else {
			registry_warn(reg, no, "expected the people header "
			    "(\"ID  Name  Organization  Contact URI  Last "
			    "Updated\") after \"People\"; people ignored");
		}
	}

	free(fp.lines);
	free(fp.anchors);
	free(fp.state);
	free(fp.off);
	free(fp.gcost);
	free(fp.rows);
	buf_free(&fp.text);
	return 0;
}
