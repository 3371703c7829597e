/*
 * field.c - ports, dates, protocols and quotes of the registry's fields
 * (field.h).
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "field.h"

static int
field_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read the digits at *p (before end) into *v, which stops growing past
   FIELD_PORT_MAX; 0 when there is none. */
static int
field_port_number(const char **p, const char *end, int32_t *v)
{
	const char	*s = *p;
	int32_t		 n = 0;

	for (; s < end && field_digit(*s); s++) {
		if (n <= FIELD_PORT_MAX)
			n = n * 10 + (*s - '0');
	}
	if (s == *p)
		return 0;
	*p = s;
	*v = n;
	return 1;
}

static int
field_blank(char c)
{
	return c == ' ' || c == '\t';
}

enum field_port_error
field_port_parse(const char *s, size_t len, int32_t *lo, int32_t *hi)
{
	const char	*p = s, *end = s + len;
	int32_t		 a, b;

	if (!field_port_number(&p, end, &a))
		return FIELD_PORT_SYNTAX;
	b = a;
	if (p != end) {
		while (p < end && field_blank(*p))
			p++;
		if (p == end || *p != '-')
			return FIELD_PORT_SYNTAX;
		p++;
		while (p < end && field_blank(*p))
			p++;
		if (!field_port_number(&p, end, &b) || p != end)
			return FIELD_PORT_SYNTAX;
	}
	if (a > FIELD_PORT_MAX || b > FIELD_PORT_MAX)
		return FIELD_PORT_RANGE;
	if (b < a)
		return FIELD_PORT_REVERSED;
	*lo = a;
	*hi = b;
	return FIELD_PORT_OK;
}

const char *
field_port_why(enum field_port_error e)
{
	switch (e) {
	case FIELD_PORT_OK:
		return "is a port";
	case FIELD_PORT_SYNTAX:
		break;
	case FIELD_PORT_RANGE:
		return "is outside 0-65535";
	case FIELD_PORT_REVERSED:
		return "is a reversed range";
	}
	return "is not a port number or range";
}

size_t
field_port_format(char *out, int32_t lo, int32_t hi)
{
	char		 tmp[12];
	size_t		 n = 0, k;
	uint32_t	 v;
	int		 i;

	if (lo < 0) {
		out[0] = '\0';
		return 0;
	}
	for (i = 0; i < 2; i++) {
		if (i == 1) {
			if (hi <= lo)
				break;
			out[n++] = '-';
		}
		v = (uint32_t)(i == 0 ? lo : hi);
		if (v > FIELD_PORT_MAX)
			v = FIELD_PORT_MAX;	/* stays within the buffer */
		k = 0;
		do {
			tmp[k++] = (char)('0' + v % 10);
			v /= 10;
		} while (v != 0);
		while (k > 0)
			out[n++] = tmp[--k];
	}
	out[n] = '\0';
	return n;
}

int
field_is_date(const char *s, size_t len)
{
	size_t	 i;

	if (len != 7 && len != 10)
		return 0;
	for (i = 0; i < len; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return 0;
		} else if (!field_digit(s[i]))
			return 0;
	}
	return 1;
}

int
field_date_valid(const char *s, size_t len)
{
	static const int	 days[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			 y, m, d;

	if (!field_is_date(s, len))
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (m < 1 || m > 12)
		return 0;
	if (len == 7)
		return 1;
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (d < 1 || d > days[m - 1])
		return 0;
	return m != 2 || d != 29 ||
	    (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static const char *field_proto_names[PROTO_COUNT] = {
	"", "tcp", "udp", "sctp", "dccp"
};

int
field_proto_parse(const char *s, size_t len)
{
	int	 i;

	for (i = 1; i < PROTO_COUNT; i++) {
		if (strlen(field_proto_names[i]) == len &&
		    strncasecmp(s, field_proto_names[i], len) == 0)
			return i;
	}
	return -1;
}

const char *
field_proto_name(enum proto p)
{
	if ((int)p < 0 || p >= PROTO_COUNT)
		return "";
	return field_proto_names[p];
}

const char *
field_quote(char *out, const char *s, size_t len)
{
	size_t	 i, k;

	field_trim(&s, &len);
	for (i = 0; i < len && i < FIELD_QUOTE_MAX; i++) {
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f)
			break;
	}
	/* Do not cut a UTF-8 sequence in two. */
	if (i < len)
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
	for (k = 0; k < i; k++)
		out[k] = s[k] == '\t' ? ' ' : s[k];
	if (i < len) {
		memcpy(out + i, "...", 3);
		i += 3;
	}
	out[i] = '\0';
	return out;
}
