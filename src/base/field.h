/*
 * field.h - the registry's small fields, parsed and written in one place:
 * ports and port ranges, dates, protocols, white space, and a short quote
 * of bad input for a warning.  Every loader, the query parser and every
 * output use these, so that "22", "6000-6063" or "2024-02" mean the same
 * thing everywhere.
 *
 * Nothing here allocates, prints or keeps a pointer: inputs are borrowed
 * for the call, outputs go to the caller's buffers.  Inputs are byte
 * ranges (s, len), not NUL-terminated strings, unless said otherwise.
 * White space is isspace() in the C locale (space, \t \n \v \f \r),
 * whatever the program's locale.
 */
#ifndef PORTREG_FIELD_H
#define PORTREG_FIELD_H

#include <stddef.h>
#include <stdint.h>

#define FIELD_PORT_MAX	65535

/* The transport protocols, in the order of the registry's own enum. */
enum proto {
	PROTO_NONE = 0,		/* no protocol: whole-port entries, gaps */
	PROTO_TCP,
	PROTO_UDP,
	PROTO_SCTP,
	PROTO_DCCP,
};
#define PROTO_COUNT 5

/* --- White space (inline: the loaders call these per field) ------------ */

static inline int
field_is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Move [*s, *s + *len) in past white space at both ends. */
static inline void
field_trim(const char **s, size_t *len)
{
	const char	*p, *e;

	/* An absent field (NULL, 0) stays as it is: NULL + 0 is undefined. */
	if (*len == 0)
		return;
	p = *s;
	e = *s + *len;
	if (!field_is_space(*p) && !field_is_space(e[-1]))
		return;		/* nearly always */
	while (p < e && field_is_space(*p))
		p++;
	while (e > p && field_is_space(e[-1]))
		e--;
	*s = p;
	*len = (size_t)(e - p);
}

/* Whether s[0, len) is only white space (or empty). */
static inline int
field_is_empty(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (!field_is_space(s[i]))
			return 0;
	}
	return 1;
}

/* --- Ports ------------------------------------------------------------ */

/* What field_port_parse found wrong, or FIELD_PORT_OK. */
enum field_port_error {
	FIELD_PORT_OK = 0,
	FIELD_PORT_SYNTAX,	/* not digits, or digits-digits */
	FIELD_PORT_RANGE,	/* a number above 65535 */
	FIELD_PORT_REVERSED,	/* lo-hi with hi < lo */
};

/*
 * Parse a port "22" or an inclusive range "10000-10200" (spaces or tabs
 * may stand around the dash; "22-22" is a range of one port).  Leading
 * zeros are allowed; any number of digits is read, and a number above
 * 65535 is FIELD_PORT_RANGE however long.  Nothing else may stand in
 * s[0, len): not a sign, not white space at either end (trim first with
 * field_trim where that is wanted).  Sets *lo and *hi (== *lo for a
 * single port) only on success.
 */
enum field_port_error field_port_parse(const char *s, size_t len,
		     int32_t *lo, int32_t *hi);
/* The error as a phrase for a message: "is outside 0-65535" etc. */
const char	*field_port_why(enum field_port_error);

/* Room for any port text field_port_format writes, with its NUL. */
#define FIELD_PORT_SIZE	12	/* "65535-65535" */
/*
 * Write "22" or, when hi > lo, "6000-6063" to out (FIELD_PORT_SIZE bytes)
 * and return its length; lo < 0 (no port) writes "".  No printf: the
 * search index formats every record's ports with it.
 */
size_t		 field_port_format(char *out, int32_t lo, int32_t hi);

/* --- Dates and protocols ------------------------------------------------ */

/*
 * Whether s[0, len) has the form of an IANA date, YYYY-MM-DD or YYYY-MM:
 * the form only, not the calendar, so that a date is kept as the
 * registry wrote it ("2024-02-30" passes, "2024-2-3" and "24-02" do not).
 */
int		 field_is_date(const char *s, size_t len);
/*
 * Whether s[0, len) is a real date: the form of field_is_date, a month
 * 01-12 and, in YYYY-MM-DD, a day of that month (29 February in leap
 * years only).  "2024-02-30", "9999-99-99" and "2024-13" are not.  The
 * loaders keep a date that is not as written, with a warning.
 */
int		 field_date_valid(const char *s, size_t len);

/* "tcp", "UDP" ... (case-insensitive, whole text) to PROTO_TCP etc.;
   -1 when s[0, len) names no protocol ("" too). */
int		 field_proto_parse(const char *s, size_t len);
/* "tcp" ... for a protocol; "" for PROTO_NONE or an unknown value. */
const char	*field_proto_name(enum proto);

/* --- Quoting bad input ---------------------------------------------------- */

/* Bytes of input a quote shows at most, and the buffer a quote needs. */
#define FIELD_QUOTE_MAX		60
#define FIELD_QUOTE_SIZE	(FIELD_QUOTE_MAX + 4)

/*
 * A short, one-line quote of some input for a warning: s[0, len) trimmed,
 * tabs as spaces, cut before the first other control character and after
 * FIELD_QUOTE_MAX bytes (never inside a UTF-8 sequence), "..." added
 * where it was cut.  Written
 * to out (FIELD_QUOTE_SIZE bytes), which it returns.  The quote is not
 * made terminal-safe: warnings pass through sanitize.h when shown.
 */
const char	*field_quote(char *out, const char *s, size_t len);

#endif
