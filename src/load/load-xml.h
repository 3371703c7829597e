/*
 * load-xml.h - the XML loader's own declarations, shared by its two
 * halves: load-xml.c (the Expat handlers and the entry points) and
 * load-xml-record.c (text, references, record and person fields).  For
 * those two files only; with expat.h, which only src/load includes.
 */
#ifndef PORTREG_LOAD_XML_H
#define PORTREG_LOAD_XML_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <expat.h>

#include "xmalloc.h"

struct registry;
struct record;
struct person;

#define XML_MAX_DEPTH		64
#define XML_MAX_UNKNOWN		32	/* distinct unknown names remembered */
/* load_xml: Expat copies what XML_Parse is given into its own buffer,
   and the whole file at once would double the file's share of peak
   memory.  Also what load_xml_stream asks for when its input outgrows
   the size it was told. */
#define XML_CHUNK		(256 * 1024)

/* What an open element is, given where it is. */
enum xml_ctx {
	C_IGNORE = 0,		/* skipped subtree: no text, no warnings */
	C_DOCUMENT,		/* before the root */
	C_REGISTRY,
	C_TITLE,		/* root <title> */
	C_UPDATED,		/* root <updated> */
	C_RECORD,
	C_NAME,
	C_PROTOCOL,
	C_NUMBER,
	C_SC,
	C_DESCRIPTION,		/* mixed content from here ... */
	C_NOTE,
	C_UNAUTHORIZED,		/* ... to here */
	C_ASSIGNEE,
	C_ASSIGNEE_XREF,
	C_REF,			/* record-level xref */
	C_TEXT_XREF,		/* xref inside text */
	C_PARAGRAPH,
	C_INNER,		/* other element inside text: transparent */
	C_PEOPLE,
	C_PERSON,
	C_P_NAME,
	C_P_ORG,
	C_P_URI,
	C_P_UPDATED,
};

/* The element names the loader knows. */
enum xml_elem {
	E_OTHER = 0,
	E_ASSIGNEE,
	E_BR,
	E_CATEGORY,
	E_DESCRIPTION,
	E_EXPERT,
	E_FOOTNOTE,
	E_NAME,
	E_NOTE,
	E_NUMBER,
	E_ORG,
	E_PARAGRAPH,
	E_PEOPLE,
	E_PERSON,
	E_PROTOCOL,
	E_RECORD,
	E_REGISTRATION_RULE,
	E_REGISTRY,
	E_SC,
	E_TITLE,
	E_UNAUTHORIZED,
	E_UPDATED,
	E_URI,
	E_XREF,
};

enum xref_type {
	XREF_OTHER = 0,
	XREF_PERSON,
	XREF_RFC,
	XREF_DRAFT,
};

struct xml_unknown {
	char		*name;
	const char	*where;
	uint32_t	 line;
	size_t		 count;
};

struct xml_state {
	struct registry		*reg;
	XML_Parser		 parser;
	char			*err;		/* our own reason to stop */
	const char		*buf;		/* the input given to Expat */
	size_t			 len;
	size_t			 buf_at;	/* byte index of buf[0] */
	size_t			 line_at;	/* xml_line counted up to here */
	uint32_t		 line;		/* the line at line_at */

	int			 depth;
	unsigned char		 ctx[XML_MAX_DEPTH + 1];
	int			 capturing;	/* xml_chardata is set */

	struct buf		 text;		/* the field being read */
	int			 after_br;	/* swallow one '\n' next */
	int			 after_para;	/* a paragraph just ended */
	size_t			 xref_at;	/* where an xref's text began */
	enum xref_type		 xref_type;
	struct buf		 xref_data;
	struct buf		 xref_section;
	struct buf		 label;		/* an xref's, as text */

	size_t			 rec;		/* record being read */
	int			 has_assignee;
	unsigned		 seen;		/* fields read, as 1 << ctx */
	size_t			 person;	/* person being read, or -1 */
	unsigned		 pseen;

	struct xml_unknown	 unknown[XML_MAX_UNKNOWN];
	size_t			 n_unknown;
	size_t			 other_unknown;	/* beyond XML_MAX_UNKNOWN */
};

/* buf_add, without a call when it fits. */
static inline void
xml_add(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->len > n) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else
		buf_add(b, s, n);
}

uint32_t	xml_line(struct xml_state *st);
void	xml_unknown(struct xml_state *st, const char *name, const char *where);
struct record *	xml_record(struct xml_state *st);
const char *	xml_text(struct xml_state *st, int collapse);
void	xml_para_break(struct xml_state *st);
void	xml_save_xref(struct xml_state *st, const char **attrs);
void	xml_record_start(struct xml_state *st, const char **attrs);
void	xml_record_end(struct xml_state *st);
void	xml_field_end(struct xml_state *st, enum xml_ctx c);
void	xml_ref_end(struct xml_state *st);
void	xml_text_xref_end(struct xml_state *st);
enum xml_ctx	xml_person_start(struct xml_state *st, const char **attrs);
void	xml_person_field_end(struct xml_state *st, enum xml_ctx c);
void	xml_fail(struct xml_state *st, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
