/*
 * output.h - write records, people and gaps as table, CSV, JSON or TSV.
 *
 * CSV is IANA's format (header included, RFC 4180 quoting) and loads back
 * unchanged.  TSV is the same columns, tab-separated, with backslash,
 * tab, newline and carriage return escaped as \\ \t \n \r.  JSON is one
 * array, one object per record, keys as in SPEC 4 / portreg(1).  The table
 * is for people: aligned columns, every string sanitized (sanitize.h).
 */
#ifndef PORTREG_OUTPUT_H
#define PORTREG_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct gap;
struct registry;

enum output_format {
	OUTPUT_TABLE = 0,
	OUTPUT_CSV,
	OUTPUT_JSON,
	OUTPUT_TSV,
};

/* "table" etc.; -1 when unknown. */
int	 output_format_parse(const char *);

/* The records idx[0..n) in the given format. */
void	 output_records(FILE *, const struct registry *, const uint32_t *idx,
	     size_t n, enum output_format);
/*
 * A lookup: the records idx[0..n) and the gaps g[0..ng) that no row of
 * the file lists (record -1), each gap written as the Unassigned row the
 * file lacks: no service or protocol, description OUTPUT_GAP_DESCRIPTION,
 * kind unassigned.  A gap comes before the first record starting past
 * its first port.
 */
#define OUTPUT_GAP_DESCRIPTION	"Unassigned (not listed in the registry)"
void	 output_lookup(FILE *, const struct registry *, const uint32_t *idx,
	     size_t n, const struct gap *g, size_t ng, enum output_format);
/* Person p and all of their assignments (JSON: the person object with an
   "assignments" array). */
void	 output_person(FILE *, const struct registry *, uint32_t p,
	     enum output_format);
/* The same for an id with no people entry (dangling, or any id of a
   registry without a people table, such as IANA's CSV): the id, null
   details, and the records idx[0..n) that name it. */
void	 output_person_dangling(FILE *, const struct registry *,
	     const char *id, const uint32_t *idx, size_t n,
	     enum output_format);

/* The gaps g[0..n) (registry.h's struct gap: record -1 when not a row of
   the file), as gaps_window (gaps.h) gives them. */
void	 output_gaps(FILE *, const struct registry *, const struct gap *g,
	     size_t n, enum output_format);

/* One JSON string (null for NULL), one CSV field (quoted only where it
   must be) and one TSV field (escaped), for the other writers of the
   command line (grid.h). */
void	 output_json_string(FILE *, const char *);
void	 output_csv_field(FILE *, const char *);
void	 output_tsv_field(FILE *, const char *);

#endif
