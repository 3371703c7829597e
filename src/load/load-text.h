/*
 * load-text.h - the pasted-text loader's own declarations, shared by its
 * files: load-text-token.c (lines, tokens and their shapes, the contact
 * id set), load-text.c (preamble, records), load-text-join.c (wrapped
 * lines joined back to their record) and load-text-contact.c (the
 * contact table).  For those files only.
 */
#ifndef PORTREG_LOAD_TEXT_H
#define PORTREG_LOAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct record;
struct registry;

/* Longest service name taken as one (RFC 6335 allows 15; older ones are a
   little longer). */
#define TEXT_NAME_MAX		63
/* Most people in one list, and references in one record: real records
   have a handful; adding to a record's lists is not meant for thousands. */
#define TEXT_LIST_MAX		64

/* Most wrapped lines joined to one record (www-http 80's note has 20);
   more are refused, as lines that are not records. */
#define TEXT_JOIN_MAX		64

/* What the records say of a contact id: assignee of a record with another
   contact or none; contact of a record with another assignee; both. */
#define TEXT_ROLE_ASSIGNEE	0x1
#define TEXT_ROLE_CONTACT	0x2
#define TEXT_ROLE_SELF		0x4

struct load_text_line {
	const char	*line;		/* the line as read */
	const char	*s;		/* its text, trimmed */
	size_t		 len;
	uint32_t	 no;
};

struct load_text_token {
	const char	*s;
	size_t		 len;
};

/* The start of a record line: [name] [port] [protocol]. */
struct load_text_head {
	const char	*name;		/* NULL: none */
	size_t		 name_len;
	int32_t		 lo, hi;	/* -1: no port */
	int		 proto;		/* an enum proto */
	size_t		 i;	/* the first token after them */
};

/* A wrapped line joined to the record being read. */
struct load_text_break {
	size_t		 at;	/* its '\n' in the joined text */
	size_t		 len;	/* its text after the '\n' */
	uint32_t	 no;	/* its line */
	/* NULL when the lines around settle that it is wrapped text;
	   else why it may be a record line of its own. */
	const char	*doubt;
};

/* A contact id seen in the contact table, and the roles records give it. */
struct load_text_id {
	const char	*s;	/* into the input; NULL: empty slot */
	size_t		 len;
	int		 roles;
};

struct load_text {
	struct registry		*reg;
	const char		*buf;
	const char		*end;

	/*
	 * The landmarks: the line numbers (0 when absent) of the column
	 * header "Service Name Port Number ..." and of "Contact
	 * Information", the first byte after each, and the white space
	 * before the header.
	 */
	uint32_t		 header;
	const char		*records;
	size_t			 indent;
	uint32_t		 contacts;
	const char		*people;

	/*
	 * The last line of the record section whose start has a port
	 * ("10129 udp ...", "nbd 10809 ..."): IANA lists name-only rows
	 * after every port, so a name-only shape before it is a line
	 * wrapped out of a multi-line field.
	 */
	uint32_t		 last_port_line;
	/* 1 + the index of the last record read, 0 before the first: the
	   record a refused line most likely belongs to. */
	size_t			 prev_rec;

	/*
	 * The record being read (first.no == 0: none): its first line and
	 * the wrapped lines joined to it.  With any joined, join holds the
	 * text of all, each wrapped line after a '\n', and brk says where.
	 */
	struct load_text_line	 first;
	/* The line before first was joined on a guess, and first has no
	   port: it may be wrapped text as well. */
	int			 first_doubt;
	/* The last line read was joined on a guess. */
	int			 last_doubt;
	/* load_text_out_of_order's look ahead: the next line after the
	   name-only shapes being read that starts a record (UINT32_MAX:
	   none), and the first letter of its name (0: none, or a port). */
	uint32_t		 ahead_no;
	int			 ahead_initial;
	char			*join;
	size_t			 join_len;
	size_t			 join_cap;
	struct load_text_break	*brk;
	size_t			 n_brk;
	size_t			 cap_brk;

	struct load_text_token	*tok;
	size_t			 n_tok;
	size_t			 cap_tok;

	struct load_text_id	*ids;		/* open addressing */
	size_t			 n_ids;
	size_t			 cap_ids;	/* a power of 2, or 0 */
};

/* --- Lines and tokens -------------------------------------------------- */

static inline int
load_text_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline int
load_text_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int	load_text_next_line(const char **p, const char *end, uint32_t *no,
	    struct load_text_line *l);
void	load_text_trim_start(struct load_text_line *l);
int	load_text_line_is(const struct load_text_line *l, const char *s);
int	load_text_line_starts(const struct load_text_line *l,
	    const char *words);
void	load_text_add_token(struct load_text *tp, const char *s, size_t len);
void	load_text_tokenize(struct load_text *tp,
	    const struct load_text_line *l);
/* Text of tokens [a, b) as it stands on the line, trimmed, or NULL. */
const char	*load_text_span(struct load_text *tp, size_t a, size_t b);
int	load_text_is_proto(const char *s, size_t len);
int	load_text_is_name(const char *s, size_t len);
int	load_text_has_upper(const char *s, size_t len);
int	load_text_all_digits(const char *s, size_t len);
size_t	load_text_groups(const struct load_text_token *t);
int	load_text_prefix(const char *s, size_t len, const char *prefix);
int	load_text_id_like(const char *s, size_t len);
struct load_text_id	*load_text_id_find(struct load_text *tp, const char *s,
	    size_t len);
void	load_text_id_add(struct load_text *tp, const char *s, size_t len);
int	load_text_people(struct load_text *tp, const struct load_text_token *t,
	    int *known);
int	load_text_ref_token(const struct load_text_token *t);
void	load_text_roles(struct load_text *tp, const struct load_text_token *t,
	    int role);
/* Do the len bytes at s hold a bracketed group ("[...]")? */
int	load_text_has_bracket(const char *s, size_t len);
/* Does the line start with a port, or a word and a port? */
int	load_text_starts_with_port(const struct load_text_line *l);
void	load_text_warn_line(struct load_text *tp,
	    const struct load_text_line *l, const char *what);
int	load_text_line_ok(struct load_text *tp,
	    const struct load_text_line *l);

/* --- Records (load-text.c) ------------------------------------------- */

/* Does line l start a record?  NULL, or why not; *never when no shape
   of record line starts so (its first word is neither a port nor a
   service name).  Tokenizes l. */
const char	*load_text_starts(struct load_text *tp,
	    const struct load_text_line *l, int *never);
/* Read a record from l: a line load_text_starts took, or the text of the
   record being read with its wrapped lines joined (tp->brk). */
void	load_text_record(struct load_text *tp,
	    const struct load_text_line *l);

/* --- Wrapped lines (load-text-join.c) ---------------------------------- */

/* Is line l, after every port, out of the name-only rows' order between
   the record being read and the next line that starts one (p: the input
   after l)?  May tokenize the lines after l, each once per input. */
int	load_text_out_of_order(struct load_text *tp,
	    const struct load_text_line *l, const char *p);
/* Join line l, which load_text_starts refused or load_text_out_of_order
   found out of order, to the record being read; settled: the lines
   around settle that it is wrapped text (out of order, or never a
   record line).  1: joined,
   as the lines around settle; 0: joined on a guess (warned when the
   record is read); -1: not joined (no record being read, or
   TEXT_JOIN_MAX lines joined to it already). */
int	load_text_join(struct load_text *tp, const struct load_text_line *l,
	    int settled);
/* Read the record being read, if any, and start none. */
void	load_text_flush(struct load_text *tp);
/* After the record r is read from joined text: warn where a wrapped line
   does not continue the field the line before it ended in (the paste
   breaks lines only inside a field), or was joined on a guess.  The
   description is tokens [i, j), the notes or unauthorized use [k, n). */
void	load_text_check_breaks(struct load_text *tp, const struct record *r,
	    size_t i, size_t j, size_t k);

/* --- Contacts (load-text-contact.c) ----------------------------------- */

/* Read the contact table, after the records. */
void	load_text_contacts(struct load_text *tp);

#endif
