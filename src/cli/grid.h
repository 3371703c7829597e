/*
 * grid.h - rows of named columns as table, CSV, JSON or TSV: the
 * output of --listening, --compare and --free.
 *
 * JSON: an array, one object per row, the column names as keys, numeric
 * columns as numbers (null where the cell is NULL), others as strings
 * (null where NULL).  CSV and TSV: a header line of the names, then the
 * rows (output.h's quoting); written to a terminal, control characters
 * are shown escaped.  Table: aligned columns, every cell sanitized, the
 * header in capitals.
 */
#ifndef PORTREG_GRID_H
#define PORTREG_GRID_H

#include <stddef.h>
#include <stdio.h>

#include "output.h"

struct grid {
	size_t			 ncols;
	const char *const	*names;
	const unsigned char	*numeric;	/* per column, or NULL */
	char			**cells;	/* nrows * ncols, row-major;
						   NULL: no value */
	size_t			 nrows;
	size_t			 cap;
};

/* Append a row (ncols cells, copied; NULL stays NULL). */
void	 grid_add(struct grid *, const char *const *cells);
void	 grid_free(struct grid *);
void	 grid_write(FILE *, enum output_format, const struct grid *);
/* Only the JSON array, to embed in a larger object. */
void	 grid_write_json(FILE *, const struct grid *);

#endif
