/*
 * pattern.h - regular-expression search over registry records (PCRE2).
 *
 * The only module that includes pcre2.h.  A pattern is compiled once with
 * JIT, UTF and smart case (case-insensitive unless the pattern holds an
 * uppercase letter), optionally narrowed by a field prefix:
 *   name: desc: proto: port: who: ref: note: date:
 * Without a prefix it matches any field of a record: service name, port,
 * protocol, description, person ids and those people's names,
 * organizations and e-mails, dates, references, service code,
 * unauthorized use, notes.
 *
 * Matching is bounded by PCRE2 match and depth limits: a runaway pattern
 * returns PATTERN_LIMIT, never hangs.
 */
#ifndef PORTREG_PATTERN_H
#define PORTREG_PATTERN_H

#include <stddef.h>
#include <stdint.h>

struct registry;
struct pattern;
struct haystack;

enum {
	PATTERN_LIMIT = -1,	/* match/depth limit hit: "pattern too complex" */
	PATTERN_NOMATCH = 0,
	PATTERN_MATCH = 1,
};

/*
 * The searchable text of every record of a finished registry, built
 * once.  Borrows reg: free the haystack before the registry.
 */
struct haystack	*haystack_new(const struct registry *);
void		 haystack_free(struct haystack *);

/*
 * Compile expr (with its optional field prefix).  On a bad pattern
 * returns NULL and sets *err (caller frees) to PCRE2's message with the
 * offset in expr, e.g. "missing closing parenthesis at offset 4".
 * An empty expr (after the prefix) is an error too.
 */
struct pattern	*pattern_new(const char *expr, char **err);
void		 pattern_free(struct pattern *);

/* Does record rec match?  PATTERN_MATCH, _NOMATCH or _LIMIT. */
int		 pattern_match(struct pattern *, const struct haystack *,
		     size_t rec);

/*
 * Every matching record from index from on, in order, into out (up to cap;
 * returns how many match in all).  *limited is set when some record hit
 * the limits (those count as not matching).
 */
size_t		 pattern_scan(struct pattern *, const struct haystack *,
		     uint32_t *out, size_t cap, int *limited);

/*
 * For highlighting: the first match of the bare regex (prefix ignored)
 * in text[start..len).  Returns 1 and sets *mstart/*mend (byte offsets
 * in text), 0 when none, PATTERN_LIMIT on the limits.
 */
int		 pattern_span(struct pattern *, const char *text, size_t len,
		     size_t start, size_t *mstart, size_t *mend);

/* The field the prefix named ("name", ...) or NULL for all fields. */
const char	*pattern_field(const struct pattern *);

#endif
