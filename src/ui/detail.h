/*
 * detail.h - the text of the detail and contacts panes as plain data,
 * without curses: fields of a row, labelled and sanitized, wrapped to a
 * width; the people of a row; links (URLs) for references and people.
 *
 * A "row id" names a row of the browser's list: a record index (>= 0) or
 * a gap that no record lists (reg->gaps[g].record == -1), as ROW_GAP(g).
 */
#ifndef PORTREG_DETAIL_H
#define PORTREG_DETAIL_H

#include <stddef.h>
#include <stdint.h>

struct registry;

#define ROW_GAP(g)		(-(int32_t)(g) - 1)
#define ROW_IS_GAP(r)		((r) < 0)
#define ROW_GAP_INDEX(r)	((size_t)(-((r) + 1)))

/* Width of the label column in the detail pane. */
#define DETAIL_LABEL_W	13

enum detail_role {
	DETAIL_TEXT = 0,
	DETAIL_LINK,		/* holds a URL that 'o' can open */
	DETAIL_NOTE,		/* a remark of portreg's, not registry text */
};

struct detail_field {
	const char	*label;		/* static */
	char		*text;		/* sanitized (newlines kept); owned */
	enum detail_role role;
};

/* Where a link came from. */
enum detail_link_kind {
	DETAIL_LINK_REF = 0,	/* a reference: URL, RFC or draft */
	DETAIL_LINK_MAIL,	/* a person's e-mail, as mailto: */
	DETAIL_LINK_URI,	/* a person's (http, https) URI */
};

/*
 * Something 'o' can open, once per URI, in the order the text shows
 * them.  It shows at bytes [off, off+len) of fields[field].text (its
 * first place; spans lists every place).
 */
struct detail_link {
	char			*uri;	/* detail_uri_allowed; owned */
	enum detail_link_kind	 kind;
	size_t			 field;
	size_t			 off;
	size_t			 len;
};

/* A place a link shows: bytes [off, off+len) of fields[field].text. */
struct detail_span {
	size_t		 field;
	size_t		 off;
	size_t		 len;
	size_t		 link;		/* index in links */
};

struct detail {
	struct detail_field	*fields;
	size_t			 n;
	size_t			 cap;
	char			*link;	/* first reference URL; owned */
	struct detail_link	*links;
	size_t			 n_links;
	size_t			 links_cap;
	struct detail_span	*spans;	/* by field, then offset */
	size_t			 n_spans;
	size_t			 spans_cap;
};

/* One screen line of wrapped detail text: bytes [off, off+len) of field. */
struct detail_line {
	size_t		 field;
	size_t		 off;
	size_t		 len;
	int		 first;		/* the field's first line: show label */
};

/* Fill d (zeroed by the call) with every field of row. */
void		 detail_build(struct detail *d, const struct registry *,
		     int32_t row);
void		 detail_free(struct detail *);
/* Add a field after those of detail_build: label static, text raw
   (sanitized here), nothing when text is NULL or empty. */
void		 detail_add_field(struct detail *d, const char *label,
		     const char *text, enum detail_role role);

/*
 * Wrap d's fields to width columns (labels take DETAIL_LABEL_W of them,
 * unless width is too narrow: then the text starts at column 0).  Sets
 * *lines (caller frees) and returns how many.  *text_x is the column the
 * text starts at.  Lines break at spaces (which no line starts or ends
 * with), never inside a word; only a word longer than a whole line, such
 * as a long URL, is cut: after its last '/' that fills half the line,
 * else where the line is full.
 */
size_t		 detail_wrap(const struct detail *, int width,
		     struct detail_line **lines, int *text_x);

/*
 * The link 'o' opens when none was chosen: the first reference, else
 * the first person's URI, else the first link; -1 when there is none.
 */
long		 detail_link_default(const struct detail *);

/*
 * The wrapped lines link l covers: sets *first and *last (indexes in
 * lines).  Returns 0 when it is on no line (never, for lines from
 * detail_wrap of the same detail).
 */
int		 detail_link_lines(const struct detail *, size_t l,
		     const struct detail_line *lines, size_t n,
		     size_t *first, size_t *last);

/*
 * The URL for a reference as the registry writes it: "RFC6353" ->
 * https://www.rfc-editor.org/rfc/rfc6353, "draft-..." and an RFC to be
 * ("RFC-ietf-ntp-roughtime-19": its draft) -> the datatracker, http(s)
 * URLs as they are.  NULL when it is not a link.
 * Caller frees.
 */
char		*detail_ref_link(const char *ref);

/* May 'o' open this?  Only http:, https: and mailto:, no controls. */
int		 detail_uri_allowed(const char *uri);

/* The URI to open for person p (its URI if allowed, else mailto:), or
   NULL.  Caller frees. */
char		*detail_person_link(const struct registry *, int32_t p);

/* A person named by a row, with the roles it is named in. */
#define DETAIL_ASSIGNEE	0x1
#define DETAIL_CONTACT	0x2
struct detail_person {
	const char	*id;		/* borrowed from the registry */
	int32_t		 person;	/* reg->people index or -1 */
	unsigned	 roles;
};

/*
 * The people of row (assignees first, then contacts, each once), up to
 * cap into out.  Returns how many there are in all.
 */
size_t		 detail_people(const struct registry *, int32_t row,
		     struct detail_person *out, size_t cap);

/* The reg->gaps index of row's gap (an Unassigned record or a ROW_GAP),
   or -1. */
int32_t		 detail_gap_of(const struct registry *, int32_t row);

/* Short one-line name of a record for messages: "nbd 10809/tcp".
   Sanitized; caller frees. */
char		*detail_record_name(const struct registry *, int32_t rec);

#endif
