/*
 * query.c - parse and run the query forms of query.h.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "field.h"
#include "query.h"
#include "registry.h"

int
query_parse(const char *s, struct query *q, const char **why)
{
	const char	*p, *slash, *end, *ports, *dash;
	size_t		 len, n;
	int		 proto;

	memset(q, 0, sizeof *q);
	q->proto = PROTO_NONE;
	*why = NULL;
	len = strlen(s);
	field_trim(&s, &len);
	if (len == 0) {
		*why = "empty query";
		return -1;
	}
	end = s + len;

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

	/* [s, p) is digits, dashes and spaces: the ports. */
	slash = p;
	ports = s;
	n = (size_t)(p - s);
	field_trim(&ports, &n);
	dash = n > 0 ? memchr(ports, '-', n) : NULL;
	q->kind = dash != NULL ? QUERY_RANGE : QUERY_PORT;
	switch (field_port_parse(ports, n, &q->lo, &q->hi)) {
	case FIELD_PORT_OK:
		break;
	case FIELD_PORT_RANGE:
		*why = "port out of range 0-65535";
		return -1;
	case FIELD_PORT_REVERSED:
		*why = "range is reversed";
		return -1;
	case FIELD_PORT_SYNTAX:
		for (p = dash != NULL ? dash + 1 : end; p < end && *p == ' ';
		    p++)
			;
		*why = dash != NULL && (p == end || !isdigit((unsigned char)*p)) ?
		    "expected a port number after '-'" :
		    "expected a port, a range lo-hi, or port/protocol";
		return -1;
	}
	if (slash < end) {
		p = slash + 1;
		proto = field_proto_parse(p, (size_t)(end - p));
		if (proto < 0) {
			*why = "unknown protocol (expected tcp, udp, sctp or dccp)";
			return -1;
		}
		q->proto = (enum proto)proto;
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
	    (proto = field_proto_parse(slash + 1, strlen(slash + 1))) > 0) {
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
