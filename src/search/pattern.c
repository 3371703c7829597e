/*
 * pattern.c - regular-expression search over registry records (PCRE2).
 *
 * The haystack (haystack.c) holds every record's searchable text, a
 * section per field kind, each record one slice ended by '\n'; the
 * pattern is compiled multi-line, so ^ and $ anchor at each field or
 * item.
 *
 * A scan runs one JIT search over many slices at once (a chunk of a
 * section, ~32 KB), maps the match offset back to its slice by searching
 * the slice starts, and resumes at the next slice not yet matched.  A
 * match that runs across a slice's end is checked against that slice
 * alone.  Patterns that could answer differently on one slice than on
 * many (\A \z \Z \G \K, lookaround, verbs, atomic groups, possessive
 * quantifiers) are matched one slice at a time instead, so that both
 * ways give the same answer; a test checks that on the real registry.
 *
 * A person's text is searched once, not once for every record naming
 * them: a match there selects every record naming that person.
 */
#include "config.h"

#include <sys/types.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "field.h"
#include "haystack.h"
#include "pattern.h"
#include "registry.h"
#include "xmalloc.h"

/* Prefixes, indexed by enum hay_field (HAY_OTHER has none). */
static const char *pattern_prefixes[] = {
	"name", "desc", "proto", "port", "who", "ref", "note", "date"
};

/*
 * Limits.  PCRE2 applies the match limit to each start position, so a
 * runaway pattern costs about one limit's worth of work per record
 * before it is given up there: with JIT, 10-60 us at 10000 on the real
 * registry (the interpreter counts the same units, ~10 times slower).
 * 10000 lets every sensible pattern through on the real registry
 * ((.*a){12} needs more than 2000), and stops (\w+\s?)*$ on a
 * description after about 20 us.  A scan stops altogether once
 * PATTERN_RUNAWAY slices have hit a limit (bounding a runaway pattern
 * over a huge registry), and once it has run for PATTERN_BUDGET_MS (a
 * guard against patterns that stay just under the limit everywhere).
 */
#define PATTERN_MATCH_LIMIT	  10000
#define PATTERN_DEPTH_LIMIT	  10000
#define PATTERN_HEAP_LIMIT	  (16 * 1024)		/* KiB */
#define PATTERN_JIT_STACK_MIN	  (32 * 1024)
#define PATTERN_JIT_STACK_MAX	  (1024 * 1024)
#define PATTERN_RUNAWAY		  1000
#define PATTERN_BUDGET_MS	  1000
/* Bytes of slices given to one search call. */
#define PATTERN_CHUNK		  (32 * 1024)

struct pattern {
	pcre2_code		*code;
	pcre2_match_data	*md;
	pcre2_match_context	*mctx;
	int			 field;		/* enum hay_field or -1: all */
	int			 jit;
	int			 per_slice;	/* never search across slices */
	unsigned		 budget_ms;
};

/* --- Compiling --------------------------------------------------------- */

/* An uppercase letter, for smart case: ASCII, Latin-1, Latin Extended-A,
   Greek and Cyrillic capitals (no locale involved). */
static int
pattern_upper(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return 1;
	if (c >= 0x100 && c <= 0x137)
		return (c & 1) == 0;
	if (c >= 0x139 && c <= 0x148)
		return (c & 1) == 1;
	if (c >= 0x14a && c <= 0x177)
		return (c & 1) == 0;
	if (c == 0x178)
		return 1;
	if (c >= 0x179 && c <= 0x17e)
		return (c & 1) == 1;
	if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2)
		return 1;
	if (c >= 0x400 && c <= 0x42f)
		return 1;
	return 0;
}

/* Decode one UTF-8 sequence at s[*i] (advancing *i past it, less one, as
   the caller's loop adds one); invalid bytes decode as themselves. */
static uint32_t
pattern_decode(const char *s, size_t len, size_t *i)
{
	const unsigned char	*u = (const unsigned char *)s + *i;
	size_t			 left = len - *i, n, k;
	uint32_t		 c = u[0];

	if (c < 0x80)
		return c;
	if (c >= 0xc2 && c <= 0xdf)
		n = 1, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 2, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 3, c &= 0x07;
	else
		return c;
	if (n >= left)
		return u[0];
	for (k = 1; k <= n; k++) {
		if ((u[k] & 0xc0) != 0x80)
			return u[0];
		c = (c << 6) | (u[k] & 0x3f);
	}
	*i += n;
	return c;
}

/* Index of the first close at or after i, or len. */
static size_t
pattern_skip_to(const char *re, size_t len, size_t i, char close)
{
	while (i < len && re[i] != close)
		i++;
	return i;
}

/* A start-of-pattern setting that means the same on one record or many:
   (*UCP) and friends, not the newline conventions or verbs. */
static int
pattern_start_option(const char *name, size_t n)
{
	static const char	*ok[] = {
		"UTF", "UCP", "NO_JIT", "NO_START_OPT", "NO_AUTO_POSSESS",
		"NO_DOTSTAR_ANCHOR", "NOTEMPTY", "NOTEMPTY_ATSTART", NULL
	};
	static const char	*limits[] = {
		"LIMIT_MATCH=", "LIMIT_DEPTH=", "LIMIT_HEAP=",
		"LIMIT_RECURSION=", NULL
	};
	size_t			 i, k;

	for (i = 0; ok[i] != NULL; i++) {
		if (strlen(ok[i]) == n && memcmp(name, ok[i], n) == 0)
			return 1;
	}
	for (i = 0; limits[i] != NULL; i++) {
		k = strlen(limits[i]);
		if (n > k && memcmp(name, limits[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Read the regex for smart case and for the scan: *upper is set when it
 * has an uppercase letter other than in an escape (\S \W \p{Lu} ...), a
 * group name, a verb or an option letter; *per_slice when it holds
 * something that may answer differently on one slice than on many
 * (\A \z \Z \G \K, lookaround, backtracking verbs, atomic groups and
 * possessive quantifiers, which may not give back a line break they
 * took).
 */
static void
pattern_read(const char *re, size_t len, int *upper, int *per_slice)
{
	size_t		 i, j, lead = 0;
	char		 c;
	uint32_t	 cp;

	*upper = *per_slice = 0;
	for (i = 0; i < len; i++) {
		c = re[i];
		if (c == '\\') {
			if (++i >= len)
				break;
			c = re[i];
			switch (c) {
			case 'Q':
				for (i++; i < len; i++) {
					if (re[i] == '\\' && i + 1 < len &&
					    re[i + 1] == 'E') {
						i++;
						break;
					}
					cp = pattern_decode(re, len, &i);
					if (pattern_upper(cp))
						*upper = 1;
				}
				break;
			case 'A': case 'z': case 'Z': case 'G': case 'K':
				*per_slice = 1;
				break;
			case 'p': case 'P': case 'x': case 'o': case 'N':
			case 'g': case 'k':
				if (i + 1 >= len)
					break;
				if (re[i + 1] == '{')
					i = pattern_skip_to(re, len, i, '}');
				else if (re[i + 1] == '<')
					i = pattern_skip_to(re, len, i, '>');
				else if (re[i + 1] == '\'' && (c == 'g' ||
				    c == 'k'))
					i = pattern_skip_to(re, len, i + 2,
					    '\'');
				else if (c == 'p' || c == 'P')
					i++;	/* \pL */
				break;
			case 'c':
				i++;		/* \cX: a control character */
				break;
			default:
				if ((unsigned char)c >= 0x80)
					(void)pattern_decode(re, len, &i);
				break;
			}
			continue;
		}
		if (c == '(' && i + 1 < len && re[i + 1] == '*') {
			j = pattern_skip_to(re, len, i, ')');
			if (i == lead && pattern_start_option(re + i + 2,
			    j - i - 2))
				lead = j + 1;
			else
				*per_slice = 1;
			i = j;
			continue;
		}
		if (c == '(' && i + 2 < len && re[i + 1] == '?') {
			j = i + 2;
			c = re[j];
			if (c == '=' || c == '!' || c == '>')
				*per_slice = 1;
			else if (c == '<' && j + 1 < len &&
			    (re[j + 1] == '=' || re[j + 1] == '!'))
				*per_slice = 1;
			else if (c == '<')
				i = pattern_skip_to(re, len, j, '>');
			else if (c == '\'')
				i = pattern_skip_to(re, len, j + 1, '\'');
			else if (c == 'P' || c == '&' || c == '#' ||
			    c == 'C' || c == 'R' || c == '+' || c == '-' ||
			    (c >= '0' && c <= '9'))
				i = pattern_skip_to(re, len, j, ')');
			else if (c == '(') {
				/* Condition: (?(name)...), unless an
				   assertion (?(?=...)...) that is read on. */
				if (j + 1 < len && re[j + 1] != '?')
					i = pattern_skip_to(re, len, j, ')');
			} else {
				/* Option letters: (?i) (?-i) (?J:...) */
				while (j < len && (re[j] == '^' ||
				    re[j] == '-' ||
				    (re[j] >= 'a' && re[j] <= 'z') ||
				    (re[j] >= 'A' && re[j] <= 'Z')))
					j++;
				i = j - 1;
			}
			continue;
		}
		/* A possessive quantifier (or a '+' in a class: harmless). */
		if ((c == '*' || c == '+' || c == '?' || c == '}') &&
		    i + 1 < len && re[i + 1] == '+')
			*per_slice = 1;
		cp = pattern_decode(re, len, &i);
		if (pattern_upper(cp))
			*upper = 1;
	}
}

/*
 * Does re (perhaps) call a group: (?R) (?1) (?+1) (?-1) (?&name)
 * (?P>name) \g<name> \g'name'?  PCRE2's JIT has no recursion-loop check
 * and its cost grows with the square of the depth: (|(?1))n took 130 ms
 * a call to reach the match limit (found by fuzzing the browser), where
 * the interpreter stops at once with "recursive loop".  Such patterns
 * are interpreted.  A false alarm (inside a class, after \Q) costs only
 * speed.
 */
static int
pattern_recurses(const char *re)
{
	const char	*s;

	for (s = re; (s = strpbrk(s, "(\\")) != NULL; s++) {
		if (*s == '\\') {
			if (s[1] == 'g' && (s[2] == '<' || s[2] == '\''))
				return 1;
			if (s[1] != '\0')
				s++;
			continue;
		}
		if (s[1] != '?')
			continue;
		if (s[2] == 'R' || s[2] == '&' || (s[2] >= '0' && s[2] <= '9') ||
		    ((s[2] == '+' || s[2] == '-') && s[3] >= '0' && s[3] <= '9') ||
		    (s[2] == 'P' && s[3] == '>'))
			return 1;
	}
	return 0;
}

/*
 * The JIT's stack, one for the process: patterns run one at a time, and
 * a stack made and unmade with each pattern cost an mmap and an munmap
 * per keystroke of search-as-you-type.  Made on first use, kept.
 */
static pcre2_jit_stack *
pattern_jit_stack(void)
{
	static pcre2_jit_stack	*stack;

	if (stack == NULL)
		stack = pcre2_jit_stack_create(PATTERN_JIT_STACK_MIN,
		    PATTERN_JIT_STACK_MAX, NULL);
	return stack;
}

struct pattern *
pattern_new(const char *expr, char **err)
{
	struct pattern		*p;
	pcre2_compile_context	*cctx;
	pcre2_jit_stack		*stack;
	PCRE2_UCHAR		 msg[256];
	PCRE2_SIZE		 erroff;
	const char		*re = expr;
	size_t			 n, skip = 0, jitsize;
	uint32_t		 opts;
	int			 field = -1, f, upper, per_slice, errcode;

	*err = NULL;
	if (expr == NULL)
		expr = re = "";
	/* A prefix: lowercase ASCII letters and ':' not followed by '/'
	   ("http://x" is a regex); an unknown one is an error. */
	for (n = 0; expr[n] >= 'a' && expr[n] <= 'z'; n++)
		continue;
	if (n != 0 && expr[n] == ':' && expr[n + 1] != '/') {
		for (f = 0; f < HAY_OTHER; f++) {
			if (strlen(pattern_prefixes[f]) == n &&
			    strncmp(expr, pattern_prefixes[f], n) == 0) {
				field = f;
				skip = n + 1;
				break;
			}
		}
		if (field < 0) {
			*err = xasprintf("unknown prefix '%.*s:' (known: "
			    "name: desc: proto: port: who: ref: note: date:; "
			    "in the browser's filter also size: host: "
			    "changed:; \\: is a literal colon)", (int)n, expr);
			return NULL;
		}
	}
	re = expr + skip;
	if (*re == '\0') {
		*err = xstrdup("empty pattern");
		return NULL;
	}
	pattern_read(re, strlen(re), &upper, &per_slice);

	opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MULTILINE |
	    PCRE2_NEVER_BACKSLASH_C;
	/* Protocol names have no case: proto:SCTP finds sctp. */
	if (!upper || field == HAY_PROTO)
		opts |= PCRE2_CASELESS;
	cctx = pcre2_compile_context_create(NULL);
	if (cctx != NULL)
		pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);

	p = xcalloc(1, sizeof *p);
	p->field = field;
	p->per_slice = per_slice;
	p->budget_ms = PATTERN_BUDGET_MS;
	p->code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts,
	    &errcode, &erroff, cctx);
	pcre2_compile_context_free(cctx);
	if (p->code == NULL) {
		if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "error %d", errcode);
		*err = xasprintf("%s at offset %zu", (char *)msg,
		    (size_t)erroff + skip);
		free(p);
		return NULL;
	}

	p->mctx = pcre2_match_context_create(NULL);
	p->md = pcre2_match_data_create_from_pattern(p->code, NULL);
	if (p->mctx == NULL || p->md == NULL) {
		pattern_free(p);
		*err = xstrdup("out of memory compiling the pattern");
		return NULL;
	}
	pcre2_set_depth_limit(p->mctx, PATTERN_DEPTH_LIMIT);
	pcre2_set_heap_limit(p->mctx, PATTERN_HEAP_LIMIT);
	pcre2_set_match_limit(p->mctx, PATTERN_MATCH_LIMIT);
	/* Without JIT (unsupported here, or (*NO_JIT)) PCRE2 interprets:
	   slower, same answers, same limits. */
	if (!pattern_recurses(re) &&
	    pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0 &&
	    pcre2_pattern_info(p->code, PCRE2_INFO_JITSIZE, &jitsize) == 0 &&
	    jitsize != 0) {
		if ((stack = pattern_jit_stack()) != NULL)
			pcre2_jit_stack_assign(p->mctx, NULL, stack);
		p->jit = 1;
	}
	return p;
}

void
pattern_free(struct pattern *p)
{
	if (p == NULL)
		return;
	pcre2_match_data_free(p->md);
	pcre2_match_context_free(p->mctx);
	pcre2_code_free(p->code);
	free(p);
}

const char *
pattern_field(const struct pattern *p)
{
	if (p == NULL || p->field < 0)
		return NULL;
	return pattern_prefixes[p->field];
}

int
pattern_jit(const struct pattern *p)
{
	return p != NULL && p->jit;
}

void
pattern_set_budget(struct pattern *p, unsigned ms)
{
	if (p != NULL)
		p->budget_ms = ms;
}

/* --- Matching ---------------------------------------------------------- */

/* One search of s[start..len): PATTERN_MATCH (offsets in p->md),
   PATTERN_NOMATCH or PATTERN_LIMIT. */
static int
pattern_exec(struct pattern *p, const char *s, size_t len, size_t start)
{
	int	 rc;

	/* pcre2_jit_match skips pcre2_match's checks: a tenth of the
	   cost of a call when most records match. */
	if (p->jit)
		rc = pcre2_jit_match(p->code, (PCRE2_SPTR)s, len, start, 0,
		    p->md, p->mctx);
	else
		rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, start, 0, p->md,
		    p->mctx);
	if (rc >= 0)
		return PATTERN_MATCH;
	switch (rc) {
	case PCRE2_ERROR_MATCHLIMIT:
	case PCRE2_ERROR_DEPTHLIMIT:
	case PCRE2_ERROR_HEAPLIMIT:
	case PCRE2_ERROR_JIT_STACKLIMIT:
	case PCRE2_ERROR_NOMEMORY:
	case PCRE2_ERROR_RECURSELOOP:	/* a group calls itself forever */
		return PATTERN_LIMIT;
	default:
		return PATTERN_NOMATCH;
	}
}

/* Search slice i of a section on its own. */
static int
pattern_slice(struct pattern *p, const struct haystack *h,
    const struct hsec *sec, size_t i)
{
	uint32_t	 a = sec->at[i];

	return pattern_exec(p, h->buf + a, sec->at[i + 1] - 1 - a, 0);
}

/* Combine two results: a match wins over a limit, a limit over none. */
static int
pattern_or(int a, int b)
{
	if (a == PATTERN_MATCH || b == PATTERN_MATCH)
		return PATTERN_MATCH;
	if (a == PATTERN_LIMIT || b == PATTERN_LIMIT)
		return PATTERN_LIMIT;
	return PATTERN_NOMATCH;
}

int
pattern_match(struct pattern *p, const struct haystack *h, size_t rec)
{
	const struct record	*r;
	const struct person_ref	*l;
	uint32_t		 n, j;
	int			 f, k, rc = PATTERN_NOMATCH;

	if (p == NULL || h == NULL || rec >= h->n_records)
		return PATTERN_NOMATCH;
	for (f = 0; f < HAY_COUNT; f++) {
		if (p->field >= 0 && p->field != f)
			continue;
		rc = pattern_or(rc, pattern_slice(p, h, &h->sec[f], rec));
		if (rc == PATTERN_MATCH)
			return rc;
	}
	if (p->field >= 0 && p->field != HAY_WHO)
		return rc;
	r = &h->reg->records[rec];
	for (k = 0; k < 2; k++) {
		l = k ? r->contacts : r->assignees;
		n = k ? r->n_contacts : r->n_assignees;
		for (j = 0; j < n; j++) {
			if (l[j].person < 0 ||
			    (size_t)l[j].person >= h->people.n)
				continue;
			rc = pattern_or(rc, pattern_slice(p, h, &h->people,
			    (size_t)l[j].person));
			if (rc == PATTERN_MATCH)
				return rc;
		}
	}
	return rc;
}

/* --- Scanning ---------------------------------------------------------- */

enum {
	MARK_NONE = 0,
	MARK_MATCH,
	MARK_LIMIT,
};

struct scan {
	struct pattern		*p;
	const struct haystack	*h;
	unsigned char		*mark;		/* per record */
	size_t			 limited;	/* slices that hit a limit */
	int			 stop;		/* runaway or out of time */
	struct timespec		 t0;
	unsigned		 calls;
};

static void
scan_check_time(struct scan *s)
{
	struct timespec	 t;
	long		 ms;

	if (s->p->budget_ms == 0 || (++s->calls & 15) != 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	ms = (t.tv_sec - s->t0.tv_sec) * 1000 +
	    (t.tv_nsec - s->t0.tv_nsec) / 1000000;
	if (ms >= (long)s->p->budget_ms)
		s->stop = 1;
}

static void
scan_mark(struct scan *s, size_t rec, int rc)
{
	if (rc == PATTERN_MATCH)
		s->mark[rec] = MARK_MATCH;
	else if (rc == PATTERN_LIMIT && s->mark[rec] == MARK_NONE)
		s->mark[rec] = MARK_LIMIT;
}

/* The outcome for slice i of the section: a record, or a person whose
   records all take it. */
static void
scan_settle(struct scan *s, int people, size_t i, int rc)
{
	const uint32_t	*recs;
	size_t		 n, j;

	if (rc == PATTERN_LIMIT && ++s->limited >= PATTERN_RUNAWAY)
		s->stop = 1;
	if (rc == PATTERN_NOMATCH)
		return;
	if (!people) {
		scan_mark(s, i, rc);
		return;
	}
	recs = registry_person_records(s->h->reg, (uint32_t)i, &n);
	for (j = 0; j < n; j++) {
		if (recs[j] < s->h->n_records)
			scan_mark(s, recs[j], rc);
	}
}

/* Whether every record naming person i has matched already. */
static int
scan_person_done(const struct scan *s, size_t i)
{
	const uint32_t	*recs;
	size_t		 n, j;

	recs = registry_person_records(s->h->reg, (uint32_t)i, &n);
	for (j = 0; j < n; j++) {
		if (recs[j] < s->h->n_records && s->mark[recs[j]] != MARK_MATCH)
			return 0;
	}
	return 1;
}

/* The next slice from i on still worth searching: a record not matched
   yet, or a person with a record not matched yet. */
static size_t
scan_next(const struct scan *s, const struct hsec *sec, int people,
    size_t i)
{
	if (people) {
		while (i < sec->n && scan_person_done(s, i))
			i++;
	} else {
		while (i < sec->n && s->mark[i] == MARK_MATCH)
			i++;
	}
	return i;
}

/* The slice holding offset off (absolute), searching in [lo, hi]. */
static size_t
scan_find(const struct hsec *sec, size_t lo, size_t hi, size_t off)
{
	size_t	 mid;

	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		if (sec->at[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The slice holding offset off, at or after slice i: galloping from i
   then halving, so that the search stays near i (mostly the answer is i
   or i + 1; the offsets of a huge registry do not fit in the cache). */
static size_t
scan_find_from(const struct hsec *sec, size_t i, size_t off)
{
	size_t	 step = 1, hi = i;

	while (hi < sec->n - 1 && sec->at[hi] <= off) {
		i = hi;
		hi = sec->n - 1 - hi > step ? hi + step : sec->n - 1;
		step *= 2;
	}
	if (sec->at[hi] <= off)
		return hi;
	return scan_find(sec, i, hi - 1, off);
}

/*
 * Search one section.  Slices go to PCRE2 a chunk at a time; where that
 * could give a different answer from searching each slice alone, they
 * go one at a time: always for a pattern marked per_slice, up to the end
 * of a chunk that hit a limit (which slice did is unknown), and over the
 * slices a match ran across (a greedy \s+ can run through many records;
 * searching them again from each start would be quadratic).
 */
static void
scan_section(struct scan *s, const struct hsec *sec, int people)
{
	struct pattern	*p = s->p;
	const char	*buf = s->h->buf;
	PCRE2_SIZE	*ov;
	size_t		 i, j = 0, r, base, end, mstart, mend, solo_end;
	int		 rc;

	solo_end = p->per_slice ? sec->n : 0;
	i = scan_next(s, sec, people, 0);
	if (i < sec->n)
		j = scan_find_from(sec, i, sec->at[i] + PATTERN_CHUNK);
	while (i < sec->n && !s->stop) {
		scan_check_time(s);
		if (i < solo_end) {
			scan_settle(s, people, i, pattern_slice(p, s->h, sec,
			    i));
			i = scan_next(s, sec, people, i + 1);
			continue;
		}

		/* A chunk of whole slices [i, j], searched at once; the
		   same j until the search has passed it. */
		base = sec->at[i];
		if (i > j)
			j = scan_find_from(sec, i, base + PATTERN_CHUNK);
		end = sec->at[j + 1] - 1;
		rc = pattern_exec(p, buf + base, end - base, 0);
		if (rc == PATTERN_NOMATCH) {
			i = scan_next(s, sec, people, j + 1);
			continue;
		}
		if (rc == PATTERN_LIMIT) {
			solo_end = j + 1;
			continue;
		}
		ov = pcre2_get_ovector_pointer(p->md);
		mstart = base + ov[0];
		mend = base + ov[1];
		r = scan_find_from(sec, i, mstart);
		if (mend > sec->at[r + 1] - 1) {
			/* Ran on into the next slices: each decides alone. */
			solo_end = scan_find_from(sec, r, mend) + 1;
			i = scan_next(s, sec, people, r);
			continue;
		}
		scan_settle(s, people, r, PATTERN_MATCH);
		i = scan_next(s, sec, people, r + 1);
	}
}

size_t
pattern_scan(struct pattern *p, const struct haystack *h, uint32_t *out,
    size_t cap, int *limited)
{
	struct scan	 s;
	size_t		 i, n = 0;
	int		 f, any_limit = 0;

	if (limited != NULL)
		*limited = 0;
	if (p == NULL || h == NULL || h->n_records == 0)
		return 0;

	memset(&s, 0, sizeof s);
	s.p = p;
	s.h = h;
	s.mark = xcalloc(h->n_records, 1);
	clock_gettime(CLOCK_MONOTONIC, &s.t0);
	for (f = 0; f < HAY_COUNT && !s.stop; f++) {
		if (p->field < 0 || p->field == f)
			scan_section(&s, &h->sec[f], 0);
	}
	/* People last, when most records that match have: a person is
	   searched only for the records still open. */
	if ((p->field < 0 || p->field == HAY_WHO) && !s.stop)
		scan_section(&s, &h->people, 1);

	for (i = 0; i < h->n_records; i++) {
		if (s.mark[i] == MARK_MATCH) {
			if (n < cap && out != NULL)
				out[n] = (uint32_t)i;
			n++;
		} else if (s.mark[i] == MARK_LIMIT)
			any_limit = 1;
	}
	if (limited != NULL && (any_limit || s.stop))
		*limited = 1;
	free(s.mark);
	return n;
}

int
pattern_span(struct pattern *p, const char *text, size_t len, size_t start,
    size_t *mstart, size_t *mend)
{
	PCRE2_SIZE	*ov;
	int		 rc;

	if (p == NULL || text == NULL || start > len)
		return 0;
	rc = pattern_exec(p, text, len, start);
	if (rc != PATTERN_MATCH)
		return rc;
	ov = pcre2_get_ovector_pointer(p->md);
	*mstart = ov[0];
	*mend = ov[1];
	return 1;
}
