/*
 * overlay-join.c - the lists beside the registry joined to it: the
 * registry's answer for a port, comparing an entry, free ports and the
 * browser's marks (overlay.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "overlay.h"
#include "xmalloc.h"

/* Records at one port: a port holds few (the real registry: at most 4). */
#define OVL_AT_MAX	256

/* The records at port that apply to proto (its own, or of no protocol). */
static size_t
ovl_records_at(const struct registry *reg, int32_t port, enum proto proto,
    uint32_t *out)
{
	size_t	 n, i, k = 0;

	n = registry_at_port(reg, port, PROTO_NONE, out, OVL_AT_MAX);
	if (n > OVL_AT_MAX)
		n = OVL_AT_MAX;
	for (i = 0; i < n; i++) {
		if (proto == PROTO_NONE ||
		    reg->records[out[i]].proto == PROTO_NONE ||
		    reg->records[out[i]].proto == proto)
			out[k++] = out[i];
	}
	return k;
}

enum ovl_status
ovl_status(const struct registry *reg, int32_t port, enum proto proto,
    int32_t *rec)
{
	uint32_t	 at[OVL_AT_MAX];
	size_t		 i, n;
	int32_t		 reserved = -1;

	*rec = -1;
	if (!registry_covers(reg, port, port))
		return OVL_NOT_COVERED;
	n = ovl_records_at(reg, port, proto, at);
	for (i = 0; i < n; i++) {
		if (reg->records[at[i]].kind == KIND_ASSIGNED) {
			*rec = (int32_t)at[i];
			return OVL_ASSIGNED;
		}
		if (reg->records[at[i]].kind == KIND_RESERVED && reserved < 0)
			reserved = (int32_t)at[i];
	}
	if (reserved >= 0) {
		*rec = reserved;
		return OVL_RESERVED;
	}
	return port >= PORT_DYNAMIC ? OVL_DYNAMIC : OVL_UNASSIGNED;
}

const char *
ovl_status_name(enum ovl_status s)
{
	static const char *const names[] = {
		"assigned", "reserved", "unassigned", "dynamic", "not covered"
	};

	return (unsigned)s < sizeof names / sizeof *names ? names[s] : "?";
}

enum ovl_class
ovl_compare(const struct registry *reg, const struct ovl_entry *e,
    int32_t *rec)
{
	const struct record	*r;
	uint32_t		 at[OVL_AT_MAX];
	size_t			 i, n;
	int32_t			 first = -1, other = -1, reserved = -1;

	*rec = -1;
	if (!registry_covers(reg, e->port, e->port))
		return OVL_CLASS_NOT_COVERED;
	n = ovl_records_at(reg, e->port, PROTO_NONE, at);
	for (i = 0; i < n; i++) {
		r = &reg->records[at[i]];
		if (r->kind == KIND_RESERVED && reserved < 0 &&
		    (r->proto == PROTO_NONE || r->proto == e->proto))
			reserved = (int32_t)at[i];
		if (r->kind != KIND_ASSIGNED)
			continue;
		if (r->proto != e->proto && r->proto != PROTO_NONE) {
			if (other < 0)
				other = (int32_t)at[i];
			continue;
		}
		if (ovl_entry_is_named(e, r->service)) {
			*rec = (int32_t)at[i];
			return OVL_AGREES;
		}
		if (first < 0)
			first = (int32_t)at[i];
	}
	if (first >= 0) {
		*rec = first;
		return OVL_NAME_DIFFERS;
	}
	if (other >= 0) {
		*rec = other;
		return OVL_PROTO_UNREGISTERED;
	}
	if (reserved >= 0) {
		*rec = reserved;
		return OVL_CLASS_RESERVED;
	}
	return OVL_CLASS_UNASSIGNED;
}

static const char *const ovl_class_names[OVL_CLASS_COUNT] = {
	"agrees", "name differs", "port unassigned at IANA",
	"port reserved at IANA", "protocol not registered",
	"not covered by the registry file",
};
static const char *const ovl_class_keys[OVL_CLASS_COUNT] = {
	"agrees", "name_differs", "unassigned", "reserved",
	"protocol_not_registered", "not_covered",
};

const char *
ovl_class_name(enum ovl_class c)
{
	return (unsigned)c < OVL_CLASS_COUNT ? ovl_class_names[c] : "?";
}

const char *
ovl_class_key(enum ovl_class c)
{
	return (unsigned)c < OVL_CLASS_COUNT ? ovl_class_keys[c] : "?";
}

/* --- Free ports ------------------------------------------------------- */

struct ovl_count {
	unsigned char	*free_on;	/* per port: protocols it is free on */
	unsigned	 bit;
};

static void
ovl_free_mark(int32_t lo, int32_t hi, void *arg)
{
	struct ovl_count	*c = arg;
	int32_t			 p;

	for (p = lo; p <= hi; p++)
		c->free_on[p] |= (unsigned char)c->bit;
}

/* Is candidate a better than b? */
static int
ovl_free_better(const struct ovl_free *a, const struct ovl_free *b)
{
	if (a->freq != b->freq)
		return a->freq < b->freq;
	if (a->margin != b->margin)
		return a->margin > b->margin;
	return a->port < b->port;
}

static int
ovl_free_cmp(const void *x, const void *y)
{
	const struct ovl_free	*a = x, *b = y;

	if (ovl_free_better(a, b))
		return -1;
	return ovl_free_better(b, a) ? 1 : 0;
}

/* Per port: 1 when free on every protocol of protos (ovl_free_find). */
static unsigned char *
ovl_free_map(const struct registry *reg, const struct overlay *ov,
    unsigned protos)
{
	struct ovl_count	 c;
	const struct ovl_entry	*e;
	const struct ovl_socket	*s;
	unsigned char		*ok;
	size_t			 i;
	int			 p;

	c.free_on = xcalloc(PORT_MAX + 1, 1);
	for (p = PROTO_TCP; p < PROTO_COUNT; p++) {
		if (!(protos & (1u << p)))
			continue;
		c.bit = 1u << p;
		registry_free_ranges(reg, (enum proto)p, 0, PORT_MAX,
		    ovl_free_mark, &c);
	}
	ok = c.free_on;
	for (i = 0; i <= PORT_MAX; i++)
		ok[i] = (ok[i] & protos) == protos;
	if (ov != NULL && ov->services != NULL) {
		for (i = 0; i < ov->services->n; i++) {
			e = &ov->services->e[i];
			if (protos & (1u << e->proto))
				ok[e->port] = 0;
		}
	}
	if (ov != NULL && ov->sockets != NULL) {
		for (i = 0; i < ov->sockets->n; i++) {
			s = &ov->sockets->s[i];
			if (s->port >= 0 && s->port <= PORT_MAX &&
			    (protos & (1u << s->proto)))
				ok[s->port] = 0;
		}
	}
	return ok;
}

/* Per port: the highest nmap open frequency over protos (0: none). */
static double *
ovl_free_freqs(const struct overlay *ov, unsigned protos)
{
	const struct ovl_entry	*e;
	double			*f;
	size_t			 i;

	f = xcalloc(PORT_MAX + 1, sizeof *f);
	if (ov == NULL || ov->nmap == NULL)
		return f;
	for (i = 0; i < ov->nmap->n; i++) {
		e = &ov->nmap->e[i];
		if ((protos & (1u << e->proto)) && e->freq > f[e->port])
			f[e->port] = e->freq;
	}
	return f;
}

/*
 * The best block of n ports inside [a, b] (b - a + 1 >= n) of the gap
 * [glo, ghi]: the window maxima of freq by a monotonic queue.
 */
static void
ovl_free_best(const double *freq, int32_t glo, int32_t ghi, int32_t a,
    int32_t b, int32_t n, int32_t *queue, struct ovl_free *best)
{
	struct ovl_free	 c;
	size_t		 qh = 0, qt = 0;
	int32_t		 p, start, lm, rm;

	best->port = -1;
	for (p = a; p <= b; p++) {
		while (qt > qh && freq[queue[qt - 1]] <= freq[p])
			qt--;
		queue[qt++] = p;
		start = p - n + 1;
		if (start < a)
			continue;
		while (queue[qh] < start)
			qh++;
		lm = start - glo;
		rm = ghi - p;
		c.port = start;
		c.port_end = p;
		c.gap_lo = glo;
		c.gap_hi = ghi;
		c.freq = freq[queue[qh]];
		c.margin = lm < rm ? lm : rm;
		if (best->port < 0 || ovl_free_better(&c, best))
			*best = c;
	}
}

size_t
ovl_free_find(const struct registry *reg, const struct overlay *ov,
    unsigned protos, int32_t n, int32_t lo, int32_t hi,
    struct ovl_free **out)
{
	unsigned char	*ok;
	double		*freq;
	int32_t		*queue;
	struct ovl_free	*c = NULL, best;
	size_t		 nc = 0, cap = 0;
	int32_t		 p, glo, ghi, a, b;

	*out = NULL;
	protos &= ((1u << PROTO_COUNT) - 1) & ~1u;
	if (protos == 0 || n < 1 || lo < 0 || hi > PORT_MAX || lo > hi)
		return 0;
	ok = ovl_free_map(reg, ov, protos);
	freq = ovl_free_freqs(ov, protos);
	queue = xreallocarray(NULL, PORT_MAX + 1, sizeof *queue);
	for (p = 0; p <= PORT_MAX; p++) {
		if (!ok[p])
			continue;
		glo = p;
		while (p < PORT_MAX && ok[p + 1])
			p++;
		ghi = p;
		a = glo > lo ? glo : lo;
		b = ghi < hi ? ghi : hi;
		if (b < a || b - a + 1 < n)
			continue;
		ovl_free_best(freq, glo, ghi, a, b, n, queue, &best);
		xgrow((void **)&c, &cap, nc + 1, sizeof *c);
		c[nc++] = best;
	}
	if (nc > 1)
		qsort(c, nc, sizeof *c, ovl_free_cmp);
	free(queue);
	free(freq);
	free(ok);
	*out = c;
	return nc;
}

enum ovl_edge
ovl_free_edge(const struct registry *reg, const struct overlay *ov,
    unsigned protos, int32_t port, int32_t *rec, int32_t *ent,
    int32_t *sock)
{
	uint32_t	 at[OVL_AT_MAX];
	size_t		 i, n, first;
	int		 p;
	int32_t		 e;

	*rec = *ent = *sock = -1;
	if (port < 0 || port > PORT_MAX)
		return OVL_EDGE_NONE;
	if (!registry_covers(reg, port, port))
		return OVL_EDGE_NOT_COVERED;
	for (p = PROTO_TCP; p < PROTO_COUNT; p++) {
		if (!(protos & (1u << p)))
			continue;
		n = ovl_records_at(reg, port, (enum proto)p, at);
		for (i = 0; i < n; i++) {
			if (reg->records[at[i]].kind != KIND_UNASSIGNED) {
				*rec = (int32_t)at[i];
				return OVL_EDGE_RECORD;
			}
		}
	}
	for (p = PROTO_TCP; ov != NULL && p < PROTO_COUNT; p++) {
		if ((protos & (1u << p)) &&
		    (e = ovl_list_find(ov->services, port, (enum proto)p)) >= 0) {
			*ent = e;
			return OVL_EDGE_SERVICES;
		}
	}
	if (ov != NULL && ov->sockets != NULL) {
		n = ovl_sockets_in(ov->sockets, port, port, PROTO_NONE, &first);
		for (i = first; i < first + n; i++) {
			if (protos & (1u << ov->sockets->s[i].proto)) {
				*sock = (int32_t)i;
				return OVL_EDGE_SOCKET;
			}
		}
	}
	return OVL_EDGE_NONE;
}

/* --- Marks ------------------------------------------------------------ */

unsigned
ovl_marks(const struct registry *reg, const struct overlay *ov, int32_t lo,
    int32_t hi, enum proto proto)
{
	size_t		 first;
	int32_t		 e, rec;
	unsigned	 m = 0;

	if (ov == NULL || lo < 0)
		return 0;
	if (ovl_sockets_in(ov->sockets, lo, hi, proto, &first) != 0)
		m |= OVL_MARK_IN_USE;
	if (lo == hi && proto != PROTO_NONE && ov->services != NULL &&
	    (e = ovl_list_find(ov->services, lo, proto)) >= 0 &&
	    ovl_compare(reg, &ov->services->e[e], &rec) != OVL_AGREES)
		m |= OVL_MARK_DIFFERS;
	return m;
}
