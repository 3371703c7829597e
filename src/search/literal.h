/*
 * literal.h - the fast path of a search for a plain word.
 *
 * A pattern that is nothing but printable ASCII with no regex
 * metacharacter and no field prefix, searched caselessly, matches a
 * record exactly when its text, case-folded, holds the word folded: the
 * text of every field and of every person the record names, as
 * pattern_match searches it.  For that the haystack keeps a second copy
 * of its text, row by row, folded as PCRE2's caseless UTF matching
 * folds ASCII letters (A-Z, and the Kelvin sign and long s as k and s):
 * one contiguous run of text a record, so that narrowing the last
 * matches reads memory in order, and a whole scan is one pass over one
 * buffer (literal.c: 32 places a step for the word's first and last
 * byte, with SSE2).  Answers are pattern_scan's, record for record
 * (tests/test-literal.c compares them).  Searched with case, a plain
 * word is found in the haystack's own text, a pass over each section.
 */
#ifndef PORTREG_LITERAL_H
#define PORTREG_LITERAL_H

#include <stddef.h>
#include <stdint.h>

struct haystack;

/*
 * The folded word expr searches for, or NULL when expr is not a plain
 * word (caller frees).  *upper says whether expr has an uppercase
 * letter: under smart case it is then searched with case, with
 * literal_scan_case and expr itself, not the folded word.
 */
char	*literal_of(const char *expr, int *upper);

/* Build the row-by-row folded text (once; the ui does it after the
   first screen).  Until then literal_ready says no. */
void	 literal_prepare(struct haystack *);
int	 literal_ready(const struct haystack *);

/*
 * The records whose folded text holds word, in registry order, into out
 * (room for every record); returns how many.  rows: only these n
 * records (sorted; out may be rows: narrowing in place), or NULL: all.
 */
size_t	 literal_scan(const struct haystack *, const char *word,
	    const uint32_t *rows, size_t n, uint32_t *out);

/*
 * The same, with case: the records whose text holds word byte for byte
 * (a plain word, literal_of's test, not folded), as a search with case
 * finds them: a pass over each section of the haystack's own text, and
 * the people each record names as literal_prepare lists them.
 */
size_t	 literal_scan_case(const struct haystack *, const char *word,
	    const uint32_t *rows, size_t n, uint32_t *out);

#endif
