/*
 * grid.c - rows of named columns in the four output formats (grid.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "grid.h"
#include "sanitize.h"
#include "xmalloc.h"

void
grid_add(struct grid *g, const char *const *cells)
{
	size_t	 i;

	xgrow((void **)&g->cells, &g->cap, (g->nrows + 1) * g->ncols,
	    sizeof *g->cells);
	for (i = 0; i < g->ncols; i++)
		g->cells[g->nrows * g->ncols + i] = cells[i] != NULL ?
		    xstrdup(cells[i]) : NULL;
	g->nrows++;
}

void
grid_free(struct grid *g)
{
	size_t	 i;

	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cells[i]);
	free(g->cells);
	g->cells = NULL;
	g->nrows = g->cap = 0;
}

void
grid_write_json(FILE *f, const struct grid *g)
{
	const char	*v;
	size_t		 r, c;

	fputc('[', f);
	for (r = 0; r < g->nrows; r++) {
		fputs(r == 0 ? "\n{" : ",\n{", f);
		for (c = 0; c < g->ncols; c++) {
			v = g->cells[r * g->ncols + c];
			fprintf(f, "%s\"%s\":", c == 0 ? "" : ",", g->names[c]);
			if (g->numeric != NULL && g->numeric[c] && v != NULL &&
			    *v != '\0')
				fputs(v, f);
			else
				output_json_string(f, v);
		}
		fputc('}', f);
	}
	fputs("\n]", f);
}

static void
grid_delimited(FILE *f, enum output_format fmt, const struct grid *g)
{
	const char	*v;
	char		*safe;
	size_t		 r, c;
	int		 tty = isatty(fileno(f));

	for (r = 0; r <= g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			v = r == 0 ? g->names[c] : g->cells[(r - 1) *
			    g->ncols + c];
			if (c != 0)
				fputc(fmt == OUTPUT_CSV ? ',' : '\t', f);
			safe = tty && v != NULL ? sanitize(v, 0) : NULL;
			if (fmt == OUTPUT_CSV)
				output_csv_field(f, safe != NULL ? safe : v);
			else
				output_tsv_field(f, safe != NULL ? safe : v);
			free(safe);
		}
		fputc('\n', f);
	}
}

static void
grid_table(FILE *f, const struct grid *g)
{
	char		**safe;
	size_t		 *w, r, c, k, n = (g->nrows + 1) * g->ncols, x;
	const char	 *v;

	safe = xcalloc(n + 1, sizeof *safe);
	w = xcalloc(g->ncols + 1, sizeof *w);
	for (r = 0; r <= g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			k = r * g->ncols + c;
			if (r == 0) {
				safe[k] = xstrdup(g->names[c]);
				for (x = 0; safe[k][x] != '\0'; x++)
					safe[k][x] = safe[k][x] == '_' ? ' ' :
					    (char)toupper((unsigned char)
					    safe[k][x]);
			} else {
				v = g->cells[k - g->ncols];
				safe[k] = sanitize(v != NULL ? v : "-", 0);
			}
			x = sanitize_width(safe[k], strlen(safe[k]));
			if (x > w[c])
				w[c] = x;
		}
	}
	for (r = 0; r <= g->nrows; r++) {
		for (c = 0; c < g->ncols; c++) {
			k = r * g->ncols + c;
			fputs(safe[k], f);
			if (c + 1 == g->ncols)
				break;
			for (x = sanitize_width(safe[k], strlen(safe[k]));
			    x < w[c] + 2; x++)
				fputc(' ', f);
		}
		fputc('\n', f);
	}
	for (k = 0; k < n; k++)
		free(safe[k]);
	free(safe);
	free(w);
}

void
grid_write(FILE *f, enum output_format fmt, const struct grid *g)
{
	switch (fmt) {
	case OUTPUT_JSON:
		grid_write_json(f, g);
		fputc('\n', f);
		break;
	case OUTPUT_CSV:
	case OUTPUT_TSV:
		grid_delimited(f, fmt, g);
		break;
	default:
		grid_table(f, g);
		break;
	}
}
