/*
 * load-fixed.h - the fixed-width loader's own declarations, shared by its
 * three parts: load-fixed-columns.c (lines, cells, the column header),
 * load-fixed-rows.c (sharing continuation lines out between rows) and
 * load-fixed.c (rows to records and people, sections, the entry).  For
 * those files only.
 */
#ifndef PORTREG_LOAD_FIXED_H
#define PORTREG_LOAD_FIXED_H

#include <stddef.h>
#include <stdint.h>

#include "xmalloc.h"

struct registry;

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
#define COST_HEADING	5	/* a line above a cell that starts with
				   its row's name */
#define COST_BELOW	1	/* per line given to the lower record */
#define COST_GUESS	5	/* another sharing of a gap's lines within
				   this of the best is a guess: warned */

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
	uint16_t	 naming;	/* columns where a row names itself
					   (its description, a person's name
					   and organization) */
	uint16_t	 titles;	/* columns where the row's name and
					   one more word make a title (a
					   description) */
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
	uint8_t			*twins;		/* rows k and k + 1 alike */
	size_t			 cap_twins;

	struct buf		 text;		/* a cell's joined text */
};

int	load_fixed_getline(const struct fixed_parse *fp, const char **p,
	    const char **s, size_t *len);
int	load_fixed_is(const char *s, size_t len, const char *word);
void	load_fixed_cell_raw(const struct fixed_table *t,
	    const struct fixed_line *l, size_t c, const char **s, size_t *len);
void	load_fixed_cell_trimmed(const struct fixed_table *t,
	    const struct fixed_line *l, size_t c, const char **s, size_t *len);
void	load_fixed_measure(const struct fixed_table *t, struct fixed_line *l);
void	load_fixed_header(struct fixed_parse *fp, struct fixed_table *t,
	    const char *main, uint32_t no, const char **data,
	    uint32_t *data_no);
void	load_fixed_columns(struct fixed_parse *fp, struct fixed_table *t,
	    const char *p, const char *end, uint32_t no);

void	load_fixed_table_read(struct fixed_parse *fp,
	    const struct fixed_table *t, const char *p, const char *end,
	    uint32_t no);

#endif
