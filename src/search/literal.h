/*
 * literal.h - the fast path of a search for a plain word.
 *
 * A pattern that is nothing but printable ASCII with no regex
 * metacharacter, no field prefix and no uppercase letter (so caseless,
 * by smart case) matches a record exactly when its text, case-folded,
 * holds the word: the text of every field and of every person the
 * record names, as pattern_match searches it.  For that the haystack
 * keeps a second copy of its text, row by row, folded as PCRE2's
 * caseless UTF matching folds ASCII letters (A-Z, and the Kelvin sign
 * and long s as k and s): one contiguous run of text a record, so that
 * narrowing the last matches reads memory in order, and a whole scan is
 * memmem() over one buffer.  Answers are pattern_scan's, record for
 * record (tests/test-pattern.c compares them).
 */
#ifndef PORTREG_LITERAL_H
#define PORTREG_LITERAL_H

#include <stddef.h>
#include <stdint.h>

struct haystack;

/* The folded word expr searches for, or NULL when expr is not a plain
   caseless word (caller frees). */
char	*literal_of(const char *expr);

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

#endif
