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
 *
 * What each prefix searches:
 *   name:   the service name
 *   desc:   the description
 *   proto:  the protocol ("tcp"; nothing for whole-port entries)
 *   port:   the port as "80" or a range as "6000-6063" (nothing when the
 *           record has no port)
 *   who:    the assignee and contact ids as the record writes them, and
 *           each resolved person's name, organization and e-mail
 *   ref:    the references, each as written ("RFC6335", "https://...")
 *   note:   the assignment notes and the unauthorized use reported
 *   date:   the registration and modification dates (YYYY-MM[-DD])
 * The service code, and the "(30 ports)" of an Unassigned range as the
 * browser shows it, are searched only without a prefix.
 *
 * The pattern is multi-line: every field, and every item of a field with
 * several (each reference; each of a person's id, name, organization and
 * e-mail; each date), is a line of its own, so ^ and $ anchor there
 * (`name:^nbd$`, `ref:^RFC6335$`).  Line breaks inside the registry's
 * text are searched as spaces.  An absent field is an empty line: only
 * `name:^$` finds records without a name.  A match never spans two
 * records; within one field it may span its items (\s matches the line
 * break between them).  Smart case looks for uppercase letters (ASCII,
 * Latin-1, Latin Extended-A, Greek, Cyrillic) outside escapes such as
 * \S or \p{Lu}, group names, verbs and option letters; (?i) and (?-i)
 * override it.  A prefix is lowercase ASCII letters and a ':' at the
 * start, the ':' not followed by '/' ("https://x", "Name:x" and "\d+:"
 * are regexes); an unknown one ("foo:bar") is an error naming the known
 * ones (write "foo\:bar" for the text).  proto: is always caseless:
 * protocol names have no case.  \w \d \b
 * and POSIX classes are ASCII (twice as fast); non-ASCII letters match
 * as themselves, case-insensitively too, and (*UCP) at the start of the
 * regex makes the classes Unicode.
 * Invalid UTF-8 in the data never matches a character and never breaks
 * a search.
 */
#ifndef PORTREG_PATTERN_H
#define PORTREG_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#include "haystack.h"

struct registry;
struct pattern;

enum {
	PATTERN_LIMIT = -1,	/* match/depth limit hit: "pattern too complex" */
	PATTERN_NOMATCH = 0,
	PATTERN_MATCH = 1,
};

/*
 * Compile expr (with its optional field prefix).  On a bad pattern
 * returns NULL and sets *err (caller frees) to PCRE2's message with the
 * offset in expr, e.g. "missing closing parenthesis at offset 4".
 * An empty expr (after the prefix) is an error too.
 */
struct pattern	*pattern_new(const char *expr, char **err);
void		 pattern_free(struct pattern *);

/*
 * Does record rec match?  PATTERN_MATCH, _NOMATCH or _LIMIT.  About ten
 * small searches a record: to find many, pattern_scan is much faster.
 */
int		 pattern_match(struct pattern *, const struct haystack *,
		     size_t rec);

/*
 * Every matching record, in registry order, into out (up to cap; out may
 * be NULL when cap is 0); returns how many match in all.  *limited is
 * set when some record hit the limits (those count as not matching).
 * A runaway pattern (one that hits the limits on 1000 records) or a scan
 * that runs past its time budget (pattern_set_budget) stops early: the
 * records found so far are returned and *limited is set.
 */
size_t		 pattern_scan(struct pattern *, const struct haystack *,
		     uint32_t *out, size_t cap, int *limited);

/*
 * Wall-clock budget of one pattern_scan in milliseconds (default 1000;
 * 0: none).  A guard against patterns that cost just under the match
 * limit at every position; ordinary scans of the full registry take a
 * few milliseconds.
 */
void		 pattern_set_budget(struct pattern *, unsigned ms);

/* Whether the pattern runs JIT-compiled (else PCRE2's interpreter). */
int		 pattern_jit(const struct pattern *);

/*
 * For highlighting: the first match of the bare regex (prefix ignored)
 * in text[start..len).  Returns 1 and sets *mstart and *mend (byte offsets
 * in text), 0 when none, PATTERN_LIMIT on the limits.  The match may be
 * empty (*mstart == *mend, e.g. for "^"): to find the next one, resume
 * at *mend + 1 then.  text's lines (\n) are lines for ^ and $.  Invalid
 * UTF-8 in text is fine, and start may be any byte offset.  (JIT reads
 * text in aligned 16-byte blocks, possibly a few bytes past len but never
 * into another page: valgrind may note it; it is harmless.)
 */
int		 pattern_span(struct pattern *, const char *text, size_t len,
		     size_t start, size_t *mstart, size_t *mend);

/* The field the prefix named ("name", ...) or NULL for all fields. */
const char	*pattern_field(const struct pattern *);

#endif
