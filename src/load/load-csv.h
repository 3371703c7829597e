/*
 * load-csv.h - the CSV loader's own declarations, shared by its two
 * halves: load-csv-split.c cuts the input into rows of fields (RFC 4180
 * quoting, or the TSV's tabs and backslash escapes; the header's column
 * map, the row checks), load-csv.c turns each row into a record.  For
 * those two files only.
 */
#ifndef PORTREG_LOAD_CSV_H
#define PORTREG_LOAD_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "xmalloc.h"

#define CSV_MAX_FIELDS		64	/* header columns we accept */
#define CSV_MAX_WARNINGS	1000	/* beyond this, not IANA's CSV */

enum load_csv_col {
	CSV_SERVICE = 0,
	CSV_PORT,
	CSV_PROTO,
	CSV_DESCRIPTION,
	CSV_ASSIGNEE,
	CSV_CONTACT,
	CSV_REGISTERED,
	CSV_MODIFIED,
	CSV_REFERENCE,
	CSV_SERVICE_CODE,
	CSV_UNAUTHORIZED,
	CSV_NOTES,
	CSV_NCOLS,
	CSV_IGNORED = -1
};

/* The columns copied as text (load_csv_text_cols in load-csv.c). */
#define CSV_NTEXTS	7

/* A field of the current row: s (in the input) or off (in scratch). */
struct load_csv_field {
	const char	*s;
	size_t		 off;
	size_t		 len;
	int		 in_scratch;
};

/* A field of the previous record, to share its parse when repeated. */
struct load_csv_prev {
	const char	*s;		/* in the input */
	size_t		 len;
	int		 ok;		/* s is set and parsed cleanly */
};

struct load_csv {
	struct registry		*reg;
	int			 tsv;		/* -o tsv's form: tabs, and
						   backslash escapes */
	const struct record	*rec;		/* the row's record while it is
						   read (warnings name it), or
						   NULL */
	size_t			 records;	/* added by this loader */
	struct load_csv_prev	 prev[3];	/* assignee, contact, refs */
	const char		*p;		/* next byte to read */
	const char		*end;
	const char		*line_start;	/* of the current line */
	uint32_t		 line;		/* current physical line */
	size_t			 warnings;	/* issued by this loader */

	struct buf		 scratch;	/* rewritten fields, per row */

	/* The current row. */
	uint32_t		 row_line;
	size_t			 n_fields;	/* may exceed CSV_MAX_FIELDS */
	struct load_csv_field	 fields[CSV_MAX_FIELDS];
	int			 has_nul;
	int			 trailing;	/* text after a closing quote */
	int			 bad_escape;	/* TSV: a backslash not of
						   \\ \t \n \r, kept */
	int			 extra_text;	/* non-empty beyond the header */

	/* Header: which column each field is (CSV_IGNORED: none). */
	size_t			 n_cols;
	int			 map[CSV_MAX_FIELDS];
	int			 in_order;	/* map is 0, 1, ... CSV_NCOLS-1 */

	/* Lengths of the previous record's texts (load_csv_texts). */
	size_t			 prev_len[CSV_NTEXTS];
	/* This row's Assignee (trimmed), when it gave a people list. */
	const char		*assignee_text;
	size_t			 assignee_len;
	int			 assignee_list;
};

/* A warning naming line; counted in lc->warnings. */
void	 load_csv_warn(struct load_csv *, uint32_t, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
/* Read and check the header row; fill lc->map and lc->n_cols.  0, or -1
   with *err set. */
int	 load_csv_header(struct load_csv *, char **err);
/* Cut the next row into lc->fields: 1, 0 at the end, -1 with *err set. */
int	 load_csv_row(struct load_csv *, char **err);
/* Decide what to do with the current row (warning as needed); 1 when it
   becomes a record. */
int	 load_csv_check_row(struct load_csv *);

#endif
