/*
 * load-services.c - services(5) and nmap-services files into overlay
 * lists (load-services.h).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "load-services.h"
#include "load.h"
#include "loader.h"
#include "overlay.h"
#include "xmalloc.h"

/* A line cut into its fields (the comment dropped). */
struct svc_line {
	const char	*tok[LOAD_SERVICES_LINE_MAX / 2 + 1];
	size_t		 len[LOAD_SERVICES_LINE_MAX / 2 + 1];
	size_t		 n;
	int32_t		 port;
	enum proto	 proto;
	double		 freq;
	const char	*why;		/* what is wrong, or NULL */
	int		 other;		/* a protocol of no port registry */
	char		 quote[FIELD_QUOTE_SIZE];
	char		 msg[160];
};

struct svc_reader {
	const char	*buf;
	size_t		 len;
	size_t		 at;
	uint32_t	 line;
};

/* The next line [*s, *s + *n) without its CR LF; 0 at the end. */
static int
svc_next(struct svc_reader *r, const char **s, size_t *n)
{
	const char	*nl;

	if (r->at >= r->len)
		return 0;
	*s = r->buf + r->at;
	nl = memchr(*s, '\n', r->len - r->at);
	*n = nl != NULL ? (size_t)(nl - *s) : r->len - r->at;
	r->at += *n + (nl != NULL);
	r->line++;
	if (*n > 0 && (*s)[*n - 1] == '\r')
		(*n)--;
	return 1;
}

static int
svc_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* A frequency as nmap writes it: digits, '.', digits, in [0, 1]. */
static int
svc_freq(const char *s, size_t n, double *f)
{
	char	 tmp[64];
	size_t	 i, dots = 0;
	char	*end;

	if (n == 0 || n >= sizeof tmp)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	if (dots != 1)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*f = strtod(tmp, &end);
	return *end == '\0' && isfinite(*f) && *f >= 0 && *f <= 1;
}

/*
 * Cut line s[0, n) into fields and read name port/proto.  Returns 0 for
 * a blank or comment line, 1 for a data line (l->why set when it is
 * bad).
 */
static int
svc_parse(struct svc_line *l, const char *s, size_t n)
{
	const char	*hash, *slash, *t;
	size_t		 i, tl, pl;
	int32_t		 lo, hi;
	int		 p;
	enum field_port_error pe;

	l->n = 0;
	l->why = NULL;
	l->other = 0;
	if (n > LOAD_SERVICES_LINE_MAX) {
		snprintf(l->msg, sizeof l->msg, "line too long (%zu bytes; "
		    "at most %d)", n, LOAD_SERVICES_LINE_MAX);
		l->why = l->msg;
		return 1;
	}
	if (memchr(s, '\0', n) != NULL) {
		l->why = "NUL byte in the line";
		return 1;
	}
	if ((hash = memchr(s, '#', n)) != NULL)
		n = (size_t)(hash - s);
	for (i = 0; i < n;) {
		while (i < n && svc_blank(s[i]))
			i++;
		if (i == n)
			break;
		l->tok[l->n] = s + i;
		while (i < n && !svc_blank(s[i]))
			i++;
		l->len[l->n] = (size_t)(s + i - l->tok[l->n]);
		l->n++;
	}
	if (l->n == 0)
		return 0;
	if (l->n < 2) {
		snprintf(l->msg, sizeof l->msg, "expected 'name port/protocol', "
		    "found '%s'", field_quote(l->quote, s, n));
		l->why = l->msg;
		return 1;
	}
	t = l->tok[1];
	tl = l->len[1];
	if ((slash = memchr(t, '/', tl)) == NULL) {
		snprintf(l->msg, sizeof l->msg, "expected port/protocol, "
		    "found '%s'", field_quote(l->quote, t, tl));
		l->why = l->msg;
		return 1;
	}
	pl = (size_t)(slash - t);
	if ((pe = field_port_parse(t, pl, &lo, &hi)) != FIELD_PORT_OK ||
	    lo != hi) {
		snprintf(l->msg, sizeof l->msg, "port '%s' %s",
		    field_quote(l->quote, t, pl), pe != FIELD_PORT_OK ?
		    field_port_why(pe) : "is a range, expected one port");
		l->why = l->msg;
		return 1;
	}
	/* AppleTalk's ddp (Debian's netbase lists it): not a transport
	   the registry has ports for; skipped without a warning. */
	if (tl - pl - 1 == 3 && strncmp(slash + 1, "ddp", 3) == 0) {
		l->other = 1;
		return 1;
	}
	if ((p = field_proto_parse(slash + 1, tl - pl - 1)) <= 0) {
		snprintf(l->msg, sizeof l->msg, "unknown protocol '%s' "
		    "(expected tcp, udp, sctp or dccp)",
		    field_quote(l->quote, slash + 1, tl - pl - 1));
		l->why = l->msg;
		return 1;
	}
	l->port = lo;
	l->proto = (enum proto)p;
	l->freq = -1;
	return 1;
}

/* Is the buffer nmap-services?  Sets *first_bad to the first data line
   when none of the first LOAD_SERVICES_PROBE can be read (-1: some can,
   0: there is no data line). */
static int
svc_detect(struct svc_line *l, const char *buf, size_t len, long *first_bad,
    char *why, size_t why_size)
{
	struct svc_reader	 r = { buf, len, 0, 0 };
	const char		*s;
	size_t			 n, data = 0, ok = 0, freq = 0;
	double			 f;

	*first_bad = 0;
	while (data < LOAD_SERVICES_PROBE && svc_next(&r, &s, &n)) {
		if (!svc_parse(l, s, n))
			continue;
		if (data++ == 0 && l->why != NULL) {
			*first_bad = r.line;
			snprintf(why, why_size, "%s", l->why);
		}
		if (l->why != NULL || l->other)
			continue;
		ok++;
		if (l->n >= 3 && svc_freq(l->tok[2], l->len[2], &f))
			freq++;
	}
	if (ok != 0)
		*first_bad = -1;
	return ok != 0 && freq * 2 > ok;
}

/* Exact duplicates: the entries, chained in buckets by port/protocol
   (a table sized to the file's lines, not to every port). */
struct svc_seen {
	int32_t		*head;		/* per bucket */
	int32_t		*next;		/* per entry */
	size_t		 mask;
};

static size_t
svc_bucket(const struct svc_seen *d, int32_t port, enum proto proto)
{
	return ((size_t)port * PROTO_COUNT + proto) * 2654435761u & d->mask;
}

static int32_t
svc_duplicate(struct svc_seen *d, const struct ovl_list *list,
    const struct svc_line *l)
{
	const struct ovl_entry	*e;
	int32_t			 i;

	for (i = d->head[svc_bucket(d, l->port, l->proto)]; i >= 0;
	    i = d->next[i]) {
		e = &list->e[i];
		if (e->port == l->port && e->proto == l->proto &&
		    strlen(e->name) == l->len[0] &&
		    memcmp(e->name, l->tok[0], l->len[0]) == 0)
			return i;
	}
	return -1;
}

static void
svc_add(struct ovl_list *list, struct svc_seen *d, struct svc_line *l,
    uint32_t line)
{
	struct ovl_entry	*e;
	size_t			 i, k;

	e = ovl_list_add(list);
	e->name = ovl_list_strndup(list, l->tok[0], l->len[0]);
	e->port = l->port;
	e->proto = l->proto;
	e->line = line;
	if (list->kind == OVL_NMAP)
		e->freq = l->freq;
	else if (l->n > 2) {
		e->n_aliases = (uint32_t)(l->n - 2);
		e->aliases = ovl_list_alloc(list, e->n_aliases *
		    sizeof *e->aliases);
		for (i = 2; i < l->n; i++)
			e->aliases[i - 2] = ovl_list_strndup(list, l->tok[i],
			    l->len[i]);
	}
	k = svc_bucket(d, l->port, l->proto);
	d->next[list->n - 1] = d->head[k];
	d->head[k] = (int32_t)(list->n - 1);
}

struct ovl_list *
load_services_buffer(const char *buf, size_t len, const char *name,
    char **err)
{
	struct svc_reader	 r = { buf, len, 0, 0 };
	struct svc_line		*l;
	struct svc_seen		 d = { NULL, NULL, 0 };
	const char		*nl;
	size_t			 lines = 1, buckets = 64;
	struct ovl_list		*list;
	const char		*s;
	char			 why[160];
	size_t			 n;
	long			 bad;
	int32_t			 dup;

	*err = NULL;
	l = xcalloc(1, sizeof *l);
	list = ovl_list_new(name);
	list->kind = svc_detect(l, buf, len, &bad, why, sizeof why) ?
	    OVL_NMAP : OVL_SERVICES;
	if (bad > 0) {
		*err = load_error(name, (unsigned)bad, 0, "expected a services(5) "
		    "or nmap-services line 'name port/protocol ...': %s", why);
		ovl_list_free(list);
		free(l);
		return NULL;
	}
	/* Room for every line at once: no growing while reading. */
	for (nl = buf; (nl = memchr(nl, '\n', len - (size_t)(nl - buf))) !=
	    NULL; nl++)
		lines++;
	while (buckets < lines * 2)
		buckets *= 2;
	d.mask = buckets - 1;
	d.head = xreallocarray(NULL, buckets, sizeof *d.head);
	memset(d.head, 0xff, buckets * sizeof *d.head);
	d.next = xreallocarray(NULL, lines, sizeof *d.next);
	xgrow((void **)&list->e, &list->cap, lines, sizeof *list->e);
	while (svc_next(&r, &s, &n)) {
		if (!svc_parse(l, s, n))
			continue;
		if (l->other) {
			list->n_other++;
			continue;
		}
		if (l->why == NULL && list->kind == OVL_NMAP &&
		    (l->n < 3 || !svc_freq(l->tok[2], l->len[2], &l->freq)))
			l->why = "expected an open frequency from 0 to 1 "
			    "after port/protocol";
		if (l->why != NULL) {
			ovl_list_warn(list, r.line, "%s", l->why);
			continue;
		}
		if ((dup = svc_duplicate(&d, list, l)) >= 0) {
			ovl_list_warn(list, r.line, "duplicate of line %u: "
			    "%s %d/%s", (unsigned)list->e[dup].line,
			    list->e[dup].name, (int)l->port,
			    field_proto_name(l->proto));
			continue;
		}
		svc_add(list, &d, l, r.line);
	}
	free(d.head);
	free(d.next);
	free(l);
	ovl_list_finish(list);
	return list;
}

struct ovl_list *
load_services_file(const char *path, char **err)
{
	struct ovl_list	*list;
	char		*buf;
	size_t		 len;

	if (load_read_file(path, &buf, &len, err) != 0)
		return NULL;
	list = load_services_buffer(buf, len, path, err);
	free(buf);
	return list;
}
