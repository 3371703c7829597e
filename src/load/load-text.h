/*
 * load-text.h - the pasted-text loader's own declarations, shared by its
 * files: load-text-token.c (lines, tokens and their shapes, the contact
 * id set), load-text.c (preamble, records) and load-text-contact.c (the
 * contact table).  For those files only.
 */
#ifndef PORTREG_LOAD_TEXT_H
#define PORTREG_LOAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct registry;

/* Longest service name taken as one (RFC 6335 allows 15; older ones are a
   little longer). */
#define TEXT_NAME_MAX		63
/* Most people in one list, and references in one record: real records
   have a handful; adding to a record's lists is not meant for thousands. */
#define TEXT_LIST_MAX		64

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
/* Does the string s hold a bracketed group ("[...]")? */
int	load_text_has_bracket(const char *s);
/* Does the line start with a port, or a word and a port? */
int	load_text_starts_with_port(const struct load_text_line *l);
void	load_text_warn_line(struct load_text *tp,
	    const struct load_text_line *l, const char *what);
int	load_text_line_ok(struct load_text *tp,
	    const struct load_text_line *l);

/* --- Contacts (load-text-contact.c) ----------------------------------- */

/* Read the contact table, after the records. */
void	load_text_contacts(struct load_text *tp);

#endif
