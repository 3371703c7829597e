/*
 * query.c - parse and run the query forms of query.h.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "query.h"
#include "registry.h"

/* Parse digits at *s into a port; -1 when not all digits or too large. */
static int32_t
query_port(const char **s)
{
	const char	*p = *s;
	int32_t		 v = 0;

	if (!isdigit((unsigned char)*p))
		return -1;
	while (isdigit((unsigned char)*p)) {
		if (v <= PORT_MAX)
			v = v * 10 + (*p - '0');
		p++;
	}
	*s = p;
	return v;
}

int
query_parse(const char *s, struct query *q, const char **why)
{
	const char	*p, *slash;
	size_t		 len;
	int		 proto;

	memset(q, 0, sizeof *q);
	q->proto = PROTO_NONE;
	*why = NULL;
	while (isspace((unsigned char)*s))
		s++;
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0) {
		*why = "empty query";
		return -1;
	}

	/* A port, range or port/proto starts with a digit and has no letter
	   before an optional '/'. */
	p = s;
	if (!isdigit((unsigned char)*p))
		goto name;
	while (p < s + len && (isdigit((unsigned char)*p) || *p == '-' ||
	    *p == ' '))
		p++;
	if (p != s + len && *p != '/')
		goto name;

	p = s;
	q->lo = query_port(&p);
	q->hi = q->lo;
	q->kind = QUERY_PORT;
	while (*p == ' ')
		p++;
	if (*p == '-') {
		p++;
		while (*p == ' ')
			p++;
		if ((q->hi = query_port(&p)) < 0) {
			*why = "expected a port number after '-'";
			return -1;
		}
		q->kind = QUERY_RANGE;
		while (*p == ' ')
			p++;
	}
	if (q->lo > PORT_MAX || q->hi > PORT_MAX) {
		*why = "port out of range 0-65535";
		return -1;
	}
	if (q->lo > q->hi) {
		*why = "range is reversed";
		return -1;
	}
	if (*p == '/') {
		slash = ++p;
		proto = proto_parse(slash, (size_t)(s + len - slash));
		if (proto < 0) {
			*why = "unknown protocol (expected tcp, udp, sctp or dccp)";
			return -1;
		}
		q->proto = (enum proto)proto;
	} else if (p < s + len) {
		*why = "expected a port, a range lo-hi, or port/protocol";
		return -1;
	}
	return 0;

name:
	if (len >= sizeof q->name) {
		*why = "service name too long";
		return -1;
	}
	q->kind = QUERY_NAME;
	memcpy(q->name, s, len);
	q->name[len] = '\0';
	/* "nbd/tcp": a name with a protocol. */
	if ((slash = strrchr(q->name, '/')) != NULL &&
	    (proto = proto_parse(slash + 1, strlen(slash + 1))) > 0) {
		q->proto = (enum proto)proto;
		q->name[slash - q->name] = '\0';
	}
	return 0;
}

size_t
query_run(const struct registry *reg, const struct query *q, uint32_t *out,
    size_t cap)
{
	switch (q->kind) {
	case QUERY_PORT:
	case QUERY_RANGE:
		return registry_in_range(reg, q->lo, q->hi, q->proto, out,
		    cap);
	case QUERY_NAME:
		return registry_by_name(reg, q->name, q->proto, out, cap);
	}
	return 0;
}
