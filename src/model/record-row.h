/*
 * record-row.h - a record as IANA's twelve CSV columns: the one place
 * the columns are made (cli/output.c writes them as CSV and TSV; the
 * browser's Y copies a record as its CSV line).
 */
#ifndef PORTREG_RECORD_ROW_H
#define PORTREG_RECORD_ROW_H

#include <stddef.h>

#include "field.h"
#include "xmalloc.h"

struct record;

#define RECORD_COLUMNS	12

/* The columns of one record: col[i] NULL where the record has nothing.
   Zero it first; fill it for each record in turn; free it once. */
struct record_row {
	const char	*col[RECORD_COLUMNS];
	char		 port[FIELD_PORT_SIZE];
	struct buf	 assignees;
	struct buf	 contacts;
	struct buf	 refs;
};

void	 record_row_fill(struct record_row *, const struct record *);
void	 record_row_free(struct record_row *);
/* Add s (NULL: nothing) as an RFC 4180 field, quoted only when it holds
   a comma, a quote, CR or LF. */
void	 record_csv_field(struct buf *, const char *s);
/* Add the record's CSV line, without the line end. */
void	 record_csv_line(struct buf *, const struct record *);

#endif
