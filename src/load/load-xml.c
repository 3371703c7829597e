/*
 * load-xml.c - read IANA's service-names-port-numbers.xml with Expat.
 *
 * One pass, no tree: the start/end/character-data handlers keep a stack
 * of what each open element is (its context), accumulate the text of
 * the field being read in one reusable buffer, and copy it into the
 * registry's arena once, when the field ends.  Child order inside a
 * record varies in the real file, so everything is matched by tag.
 *
 * Text is rendered as IANA's CSV renders it: <br/> is a line break (a
 * run of them, with the source newline after them, is one), an <xref>
 * inside text becomes "[RFC9483]" or "[Person_Id]", <paragraph>s are
 * kept on lines of their own, and a source line-wrap with trailing and
 * leading blanks (" \n      ") is one space.
 *
 * Untrusted input: a DTD (internal or external), entity declarations
 * and undefined entities are refused (no billion laughs, no external
 * entities, no attribute defaults, nothing dropped), nesting is bounded, Expat is linear in its
 * input, and unknown elements are warnings, never errors.
 *
 * Speed (the whole load is held to 2x an Expat parse with no handlers,
 * SPEC 5): load_file's XML is read straight into Expat's buffer and
 * parsed in one final call (load_xml_stream), so it is held once and
 * Expat makes no line/column pass over it, as it does after every
 * non-final call; element names are told apart by length; text is
 * reported only inside the elements whose text is kept; lines are
 * counted with memchr, where XML_GetCurrentLineNumber per record would
 * be that same pass.  Measured: doc/benchmarks.md.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>

#include "field.h"
#include "load.h"
#include "load-xml.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"


struct load_xml_count load_xml_count;

/* Contexts whose character data is kept. */
static const unsigned char xml_captures[] = {
	[C_TITLE] = 1, [C_UPDATED] = 1, [C_NAME] = 1, [C_PROTOCOL] = 1,
	[C_NUMBER] = 1, [C_SC] = 1, [C_DESCRIPTION] = 1, [C_NOTE] = 1,
	[C_UNAUTHORIZED] = 1, [C_REF] = 1, [C_TEXT_XREF] = 1,
	[C_PARAGRAPH] = 1, [C_INNER] = 1, [C_P_NAME] = 1, [C_P_ORG] = 1,
	[C_P_URI] = 1, [C_P_UPDATED] = 1
};
/*
 * Which element qname is (any prefix ignored); *local is its local name.
 * Called for every element: by length, then one comparison, where a
 * chain of strcmp cost a tenth of the load.
 */
static enum xml_elem
xml_elem(const char *qname, const char **local)
{
	const char	*name = qname, *c;
	size_t		 n;

#define XML_IS(s)	(n == sizeof s - 1 && memcmp(name, s, n) == 0)
again:
	*local = name;
	n = strlen(name);
	switch (n) {
	case 2:
		if (XML_IS("br"))
			return E_BR;
		if (XML_IS("sc"))
			return E_SC;
		break;
	case 3:
		if (XML_IS("org"))
			return E_ORG;
		if (XML_IS("uri"))
			return E_URI;
		break;
	case 4:
		if (XML_IS("xref"))
			return E_XREF;
		if (XML_IS("name"))
			return E_NAME;
		if (XML_IS("note"))
			return E_NOTE;
		break;
	case 5:
		if (XML_IS("title"))
			return E_TITLE;
		break;
	case 6:
		if (XML_IS("record"))
			return E_RECORD;
		if (XML_IS("number"))
			return E_NUMBER;
		if (XML_IS("person"))
			return E_PERSON;
		if (XML_IS("people"))
			return E_PEOPLE;
		if (XML_IS("expert"))
			return E_EXPERT;
		break;
	case 7:
		if (XML_IS("updated"))
			return E_UPDATED;
		break;
	case 8:
		if (XML_IS("protocol"))
			return E_PROTOCOL;
		if (XML_IS("assignee"))
			return E_ASSIGNEE;
		if (XML_IS("category"))
			return E_CATEGORY;
		if (XML_IS("footnote"))
			return E_FOOTNOTE;
		if (XML_IS("registry"))
			return E_REGISTRY;
		break;
	case 8 + 1:
		if (XML_IS("paragraph"))
			return E_PARAGRAPH;
		break;
	case 8 + 3:
		if (XML_IS("description"))
			return E_DESCRIPTION;
		break;
	case 8 + 4:
		if (XML_IS("unauthorized"))
			return E_UNAUTHORIZED;
		break;
	case 8 + 9:
		if (XML_IS("registration_rule"))
			return E_REGISTRATION_RULE;
		break;
	}
	/* No known name holds a ':': try again without the prefix. */
	if (name == qname && (c = strrchr(qname, ':')) != NULL) {
		name = c + 1;
		goto again;
	}
	return E_OTHER;
#undef XML_IS
}

/* --- Expat handlers --------------------------------------------------- */

static void XMLCALL xml_chardata(void *, const XML_Char *, int);

/*
 * Character data is handled only where it is kept: elsewhere (most of it
 * is the indentation between elements) Expat is told not to report it.
 */
static void
xml_capture(struct xml_state *st)
{
	int	 on = xml_captures[st->ctx[st->depth]];

	if (on != st->capturing) {
		st->capturing = on;
		XML_SetCharacterDataHandler(st->parser, on ? xml_chardata :
		    NULL);
	}
}

/* The context of element e (named name) under parent; warns about
   unknown ones. */
static enum xml_ctx
xml_context(struct xml_state *st, enum xml_ctx parent, enum xml_elem e,
    const char *name, const char **attrs)
{
	switch (parent) {
	case C_IGNORE:
		return C_IGNORE;
	case C_DOCUMENT:
		if (e != E_REGISTRY) {
			xml_fail(st, "expected <registry> as the root element "
			    "(an IANA registry), found <%.40s>", name);
			return C_IGNORE;
		}
		return C_REGISTRY;
	case C_REGISTRY:
		switch (e) {
		case E_RECORD:
			xml_record_start(st, attrs);
			return C_RECORD;
		case E_PEOPLE:
			return C_PEOPLE;
		default:
			break;
		}
		buf_clear(&st->text);
		switch (e) {
		case E_TITLE:
			return C_TITLE;
		case E_UPDATED:
			return C_UPDATED;
		case E_CATEGORY:
		case E_XREF:
		case E_EXPERT:
		case E_NOTE:
		case E_FOOTNOTE:
		case E_REGISTRATION_RULE:
			return C_IGNORE;
		default:
			xml_unknown(st, name, "<registry>");
			return C_IGNORE;
		}
	case C_RECORD:
		switch (e) {
		case E_ASSIGNEE:
			return C_ASSIGNEE;
		case E_XREF:
			xml_save_xref(st, attrs);
			buf_clear(&st->text);
			return C_REF;
		default:
			break;
		}
		/* The fields proper start with an empty buffer. */
		buf_clear(&st->text);
		st->after_br = st->after_para = 0;
		switch (e) {
		case E_NAME:
			return C_NAME;
		case E_PROTOCOL:
			return C_PROTOCOL;
		case E_NUMBER:
			return C_NUMBER;
		case E_DESCRIPTION:
			return C_DESCRIPTION;
		case E_NOTE:
			return C_NOTE;
		case E_UNAUTHORIZED:
			return C_UNAUTHORIZED;
		case E_SC:
			return C_SC;
		default:
			xml_unknown(st, name, "<record>");
			return C_IGNORE;
		}
	case C_ASSIGNEE:
		if (e == E_XREF) {
			xml_save_xref(st, attrs);
			return C_ASSIGNEE_XREF;
		}
		xml_unknown(st, name, "<assignee>");
		return C_IGNORE;
	case C_PEOPLE:
		if (e == E_PERSON)
			return xml_person_start(st, attrs);
		xml_unknown(st, name, "<people>");
		return C_IGNORE;
	case C_PERSON:
		buf_clear(&st->text);
		st->after_br = st->after_para = 0;
		switch (e) {
		case E_NAME:
			return C_P_NAME;
		case E_ORG:
			return C_P_ORG;
		case E_URI:
			return C_P_URI;
		case E_UPDATED:
			return C_P_UPDATED;
		default:
			xml_unknown(st, name, "<person>");
			return C_IGNORE;
		}
	case C_REF:
	case C_ASSIGNEE_XREF:
		return C_IGNORE;
	default:
		break;
	}

	/* Inside text. */
	st->after_br = 0;
	if (st->after_para)
		xml_para_break(st);
	if (e == E_PARAGRAPH) {
		xml_para_break(st);
		return C_PARAGRAPH;
	}
	if (e == E_XREF && parent != C_TEXT_XREF) {
		xml_save_xref(st, attrs);
		st->xref_at = st->text.len;
		return C_TEXT_XREF;
	}
	xml_unknown(st, name, "text");
	return C_INNER;
}

static void XMLCALL
xml_start(void *arg, const XML_Char *qname, const XML_Char **attrs)
{
	struct xml_state	*st = arg;
	const char		*name;
	enum xml_elem		 e;
	enum xml_ctx		 parent, c;

	if (st->err != NULL)
		return;
	if (st->depth == XML_MAX_DEPTH) {
		xml_fail(st, "expected elements nested at most %d deep",
		    XML_MAX_DEPTH);
		return;
	}
	parent = st->ctx[st->depth];
	e = xml_elem(qname, &name);
	if (e == E_BR && xml_captures[parent]) {
		/* A run of <br/>, with the newline after it, is one break. */
		if (!st->after_br)
			buf_addc(&st->text, '\n');
		st->after_br = 1;
		st->ctx[++st->depth] = C_INNER;
		return;
	}
	c = xml_context(st, parent, e, name, attrs);
	st->ctx[++st->depth] = (unsigned char)c;
	xml_capture(st);
}

static void XMLCALL
xml_end(void *arg, const XML_Char *qname)
{
	struct xml_state	*st = arg;
	enum xml_ctx		 c;

	if (st->err != NULL || st->depth == 0)
		return;
	c = st->ctx[st->depth--];
	xml_capture(st);
	switch (c) {
	case C_TITLE:
		if (st->reg->title == NULL)
			st->reg->title = xml_text(st, 0);
		break;
	case C_UPDATED:
		if (st->reg->updated == NULL)
			st->reg->updated = xml_text(st, 0);
		break;
	case C_RECORD:
		xml_record_end(st);
		break;
	case C_NAME:
	case C_PROTOCOL:
	case C_NUMBER:
	case C_SC:
	case C_DESCRIPTION:
	case C_NOTE:
	case C_UNAUTHORIZED:
		xml_field_end(st, c);
		break;
	case C_ASSIGNEE_XREF:
		if (st->xref_type != XREF_PERSON || st->xref_data.len == 0 ||
		    field_is_empty(st->xref_data.data, st->xref_data.len)) {
			registry_warn(st->reg, xml_line(st), "expected "
			    "<xref type=\"person\" data=\"...\"> in <assignee>;"
			    " ignored");
			break;
		}
		{
			const char	*s = st->xref_data.data;
			size_t		 n = st->xref_data.len;

			field_trim(&s, &n);
			registry_add_assignee(st->reg, xml_record(st), s, n);
			st->has_assignee = 1;
		}
		break;
	case C_REF:
		xml_ref_end(st);
		break;
	case C_TEXT_XREF:
		xml_text_xref_end(st);
		break;
	case C_PARAGRAPH:
		st->after_para = 1;
		break;
	case C_P_NAME:
	case C_P_ORG:
	case C_P_URI:
	case C_P_UPDATED:
		xml_person_field_end(st, c);
		break;
	default:
		break;
	}
}

static void XMLCALL
xml_chardata(void *arg, const XML_Char *s, int len)
{
	struct xml_state	*st = arg;
	int			 i;

	if (!xml_captures[st->ctx[st->depth]] || len <= 0)
		return;
	if (st->after_br) {
		st->after_br = 0;
		if (s[0] == '\n') {
			s++;
			len--;
		}
	}
	if (st->after_para) {
		for (i = 0; i < len && field_is_space(s[i]); i++)
			;
		if (i == len) {
			xml_add(&st->text, s, (size_t)len);
			return;
		}
		xml_add(&st->text, s, (size_t)i);
		xml_para_break(st);
		s += i;
		len -= i;
	}
	xml_add(&st->text, s, (size_t)len);
}

/* No entities: a registry never declares any, and refusing them all
   rules out billion laughs and external entities alike. */
static void XMLCALL
xml_entity_decl(void *arg, const XML_Char *name, int is_parameter,
    const XML_Char *value, int value_length, const XML_Char *base,
    const XML_Char *system_id, const XML_Char *public_id,
    const XML_Char *notation_name)
{
	struct xml_state	*st = arg;

	xml_fail(st, "expected no entity declarations (found one for "
	    "\"%.40s\"); a registry declares none", name);
}

/*
 * No DTD: IANA's files have no <!DOCTYPE>.  An internal subset can
 * change what the elements mean (an <!ATTLIST> default turns an empty
 * <xref/> into a reference to anyone), and with an external one (never
 * read) Expat drops the entities it does not know ("a&x;b" read as
 * "ab").  Without either, an undefined entity is an error of its own.
 * A bare <!DOCTYPE registry> is harmless and kept.
 */
static void XMLCALL
xml_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int has_internal_subset)
{
	struct xml_state	*st = arg;

	if (has_internal_subset)
		xml_fail(st, "expected no internal DTD subset in <!DOCTYPE "
		    "%.40s [...]>; a registry has none", name);
	else if (sysid != NULL || pubid != NULL)
		xml_fail(st, "expected no external DTD in <!DOCTYPE %.40s "
		    "%s \"%.80s\">; a registry has none", name,
		    pubid != NULL ? "PUBLIC" : "SYSTEM",
		    pubid != NULL ? pubid : sysid);
}

/* Warnings for unknown elements: one per name and place, counted. */
static void
xml_warn_unknown(struct xml_state *st)
{
	struct xml_unknown	*u;
	size_t			 i;

	for (i = 0; i < st->n_unknown; i++) {
		u = &st->unknown[i];
		if (u->count == 1)
			registry_warn(st->reg, u->line, "unknown element <%s> "
			    "in %s ignored", u->name, u->where);
		else
			registry_warn(st->reg, u->line, "unknown element <%s> "
			    "in %s ignored (%zu times)", u->name, u->where,
			    u->count);
	}
	if (st->other_unknown != 0)
		registry_warn(st->reg, 0, "%zu more unknown elements ignored",
		    st->other_unknown);
}

static int
xml_begin(struct xml_state *st, struct registry *reg, char **err)
{
	memset(st, 0, sizeof *st);
	st->reg = reg;
	st->line = 1;
	st->person = (size_t)-1;
	st->ctx[0] = C_DOCUMENT;
	reg->format = "xml";

	/* NULL: the document's own declaration (or BOM) says the encoding;
	   the handlers always see UTF-8. */
	st->parser = XML_ParserCreate(NULL);
	if (st->parser == NULL) {
		*err = load_error(reg->source, 0, 0, "out of memory");
		return -1;
	}
	XML_SetUserData(st->parser, st);
	/* The character data handler is set where text is kept
	   (xml_capture). */
	XML_SetElementHandler(st->parser, xml_start, xml_end);
	XML_SetEntityDeclHandler(st->parser, xml_entity_decl);
	XML_SetStartDoctypeDeclHandler(st->parser, xml_doctype);
	XML_SetParamEntityParsing(st->parser, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 6)
	/* On by default; it keeps a huge token split over many chunks from
	   being rescanned for every chunk. */
	XML_SetReparseDeferralEnabled(st->parser, XML_TRUE);
#endif
#ifdef XML_DTD
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(st->parser,
	    10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(st->parser,
	    1024 * 1024);
#endif
	return 0;
}

/* The end of a load: the error (rc -1, *err unset when the XML was not
   well-formed) or the warnings; frees the state. */
static int
xml_finish(struct xml_state *st, int rc, char **err)
{
	enum XML_Error	 code;
	size_t		 i;

	if (rc != 0 && *err == NULL) {
		if (st->err != NULL) {
			*err = st->err;
			st->err = NULL;
		} else {
			code = XML_GetErrorCode(st->parser);
			*err = load_error(st->reg->source,
			    (unsigned)XML_GetCurrentLineNumber(st->parser),
			    (unsigned)XML_GetCurrentColumnNumber(st->parser) + 1,
			    "expected well-formed XML: %s",
			    XML_ErrorString(code));
		}
	} else if (rc == 0)
		xml_warn_unknown(st);

	XML_ParserFree(st->parser);
	free(st->err);
	buf_free(&st->text);
	buf_free(&st->xref_data);
	buf_free(&st->xref_section);
	buf_free(&st->label);
	for (i = 0; i < st->n_unknown; i++)
		free(st->unknown[i].name);
	return rc;
}

int
load_xml(struct registry *reg, const char *buf, size_t len, char **err)
{
	struct xml_state	 st;
	size_t			 off = 0, n;
	int			 final, rc = 0;

	if (xml_begin(&st, reg, err) != 0)
		return -1;
	st.buf = buf;
	st.len = len;
	/* XML_Parse copies what it is given into its own buffer: handing it
	   slices keeps that copy small, where the whole would hold the
	   input twice.  (Each slice but the last costs Expat a pass to
	   count lines; load_xml_stream avoids both.) */
	do {
		n = len - off;
		if (n > XML_CHUNK)
			n = XML_CHUNK;
		final = off + n == len;
		load_xml_count.calls++;
		load_xml_count.bytes += n;
		if (XML_Parse(st.parser, buf + off, (int)n, final) !=
		    XML_STATUS_OK) {
			rc = -1;
			break;
		}
		off += n;
	} while (!final);
	return xml_finish(&st, rc, err);
}

int
load_xml_stream(struct registry *reg, size_t size, load_fill_fn *fill,
    void *arg, char **err)
{
	struct xml_state	 st;
	char			*dst;
	size_t			 want = size + 1, got;
	int			 eof = 0, rc = 0;

	*err = NULL;
	if (xml_begin(&st, reg, err) != 0)
		return -1;
	while (!eof) {
		if (want > INT_MAX ||
		    (dst = XML_GetBuffer(st.parser, (int)want)) == NULL) {
			*err = load_error(reg->source, 0, 0,
			    "out of memory, or input too large");
			rc = -1;
			break;
		}
		if (fill(arg, dst, want, &got, &eof, err) != 0) {
			rc = -1;
			break;
		}
		/* xml_line counts lines in what Expat was just given. */
		st.buf = dst;
		st.buf_at = st.buf_at + st.len;
		st.len = got;
		/* The whole input in one final call: Expat then need not
		   count lines and columns through it as it does after any
		   other call. */
		load_xml_count.calls++;
		load_xml_count.bytes += got;
		if (XML_ParseBuffer(st.parser, (int)got, eof) !=
		    XML_STATUS_OK) {
			rc = -1;
			break;
		}
		want = XML_CHUNK;
	}
	return xml_finish(&st, rc, err);
}
