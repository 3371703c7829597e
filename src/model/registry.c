/*
 * registry.c - the in-memory registry: building it, and the queries.
 */
#include "config.h"

#include <sys/types.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "registry.h"
#include "xmalloc.h"

struct registry *
registry_new(const char *source)
{
	struct registry	*reg = xcalloc(1, sizeof *reg);

	reg->source = xstrdup(source != NULL ? source : "-");
	reg->arena = arena_new();
	return reg;
}

void
registry_set_cover(struct registry *reg, int32_t lo, int32_t hi)
{
	if (lo < 0 || hi > PORT_MAX || lo > hi)
		lo = hi = -1;
	reg->cover_lo = lo;
	reg->cover_hi = hi;
	reg->cover_given = 1;
}

void
registry_free(struct registry *reg)
{
	if (reg == NULL)
		return;
	if (reg->image != NULL) {
		/* Opened from a snapshot: the arrays are the image's. */
		if (reg->image_release != NULL)
			reg->image_release(reg->image, reg->image_len);
		arena_free(reg->arena);
		free(reg->source);
		free(reg);
		return;
	}
	free(reg->records);
	free(reg->people);
	free(reg->gaps);
	free(reg->warnings);
	free(reg->by_port);
	free(reg->by_name);
	free(reg->people_by_id);
	free(reg->person_records);
	free(reg->person_first);
	arena_free(reg->arena);
	free(reg->source);
	free(reg);
}

const char *
registry_strndup(struct registry *reg, const char *s, size_t n)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(reg->arena, s, n);
}

const char *
registry_strdup(struct registry *reg, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(reg->arena, s, strlen(s));
}

const char *
registry_strtrim(struct registry *reg, const char *s, size_t n)
{
	if (s == NULL)
		return NULL;
	field_trim(&s, &n);
	if (n == 0)
		return NULL;
	return arena_strndup(reg->arena, s, n);
}

void *
registry_alloc(struct registry *reg, size_t n)
{
	return arena_alloc(reg->arena, n);
}

/*
 * The records array, once past REGISTRY_BIG bytes, comes from xbig: in
 * huge pages where the system has them.  The array of the full registry
 * (1.9 MB, 460 pages) took 0.55 ms of a 2.4 ms CSV load in page faults.
 * Growing copies the array (realloc would not keep the alignment),
 * which costs less than the faults it saves.
 */
#define REGISTRY_BIG	(256 * 1024)

static void
registry_grow_records(struct registry *reg)
{
	size_t		 size = sizeof *reg->records, cap, bytes;
	struct record	*p;

	cap = reg->cap_records;
	if (reg->n_records < cap)
		return;
	if (cap < REGISTRY_BIG / size) {
		xgrow((void **)&reg->records, &reg->cap_records,
		    reg->n_records + 1, size);
		return;
	}
	if (cap > SIZE_MAX / 4 / size)
		xmalloc(SIZE_MAX);	/* reports and exits */
	bytes = 2 * cap * size;
	if (bytes < XBIG_MIN)
		bytes = XBIG_MIN;	/* a huge page from the start */
	p = xbig(&bytes);
	memcpy(p, reg->records, reg->n_records * size);
	free(reg->records);
	reg->records = p;
	reg->cap_records = bytes / size;
}

struct record *
registry_add_record(struct registry *reg)
{
	struct record	*r;

	registry_grow_records(reg);
	r = &reg->records[reg->n_records++];
	memset(r, 0, sizeof *r);
	r->port_lo = r->port_hi = -1;
	return r;
}

struct person *
registry_add_person(struct registry *reg)
{
	struct person	*p;

	xgrow((void **)&reg->people, &reg->cap_people, reg->n_people + 1,
	    sizeof *reg->people);
	p = &reg->people[reg->n_people++];
	memset(p, 0, sizeof *p);
	return p;
}

/*
 * Make room for element n of an arena array: capacities are powers of two,
 * so a list of n elements costs O(n) copying and at most 2n slots of
 * arena in all, however long a hostile line makes it.
 */
static void *
registry_append(struct registry *reg, void *old, uint32_t n, size_t size)
{
	void		*p;
	uint32_t	 cap;

	if (n != 0 && (n & (n - 1)) != 0)
		return old;		/* n is not a power of two: room left */
	cap = n == 0 ? 1 : 2 * n;
	p = arena_alloc(reg->arena, cap * size);
	if (n != 0)
		memcpy(p, old, n * size);
	return p;
}

static void
registry_add_ref_to(struct registry *reg, struct person_ref **list,
    uint32_t *n, const char *id, size_t len)
{
	struct person_ref	*l;

	l = registry_append(reg, *list, *n, sizeof **list);
	l[*n].id = arena_strndup(reg->arena, id, len);
	l[*n].person = -1;
	*list = l;
	(*n)++;
}

void
registry_add_assignee(struct registry *reg, struct record *r, const char *id,
    size_t len)
{
	registry_add_ref_to(reg, &r->assignees, &r->n_assignees, id, len);
}

void
registry_add_contact(struct registry *reg, struct record *r, const char *id,
    size_t len)
{
	registry_add_ref_to(reg, &r->contacts, &r->n_contacts, id, len);
}

void
registry_add_ref(struct registry *reg, struct record *r, const char *ref,
    size_t len)
{
	const char	**l;

	l = registry_append(reg, r->refs, r->n_refs, sizeof *l);
	l[r->n_refs] = arena_strndup(reg->arena, ref, len);
	r->refs = l;
	if (r->ref_targets != NULL) {
		l = registry_append(reg, r->ref_targets, r->n_refs, sizeof *l);
		l[r->n_refs] = NULL;
		r->ref_targets = l;
	}
	r->n_refs++;
}

void
registry_add_ref_target(struct registry *reg, struct record *r,
    const char *ref, size_t len, const char *target, size_t tlen)
{
	const char	**l;
	uint32_t	 cap, i;

	if (r->ref_targets == NULL) {
		/* The first target: room as registry_append keeps it, a
		   power of two above the references there are. */
		for (cap = 1; cap <= r->n_refs; cap *= 2)
			;
		l = arena_alloc(reg->arena, cap * sizeof *l);
		for (i = 0; i < r->n_refs; i++)
			l[i] = NULL;
		r->ref_targets = l;
	}
	registry_add_ref(reg, r, ref, len);
	r->ref_targets[r->n_refs - 1] = arena_strndup(reg->arena, target,
	    tlen);
}

static void
registry_warn_add(struct registry *reg, uint32_t line, const char *text)
{
	struct warning	*w;

	xgrow((void **)&reg->warnings, &reg->cap_warnings,
	    reg->n_warnings + 1, sizeof *reg->warnings);
	w = &reg->warnings[reg->n_warnings++];
	w->line = line;
	w->text = arena_strndup(reg->arena, text, strlen(text));
}

void
registry_warn(struct registry *reg, uint32_t line, const char *fmt, ...)
{
	va_list		 ap;
	char		*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	registry_warn_add(reg, line, s);
	free(s);
}

size_t
registry_record_label(char *out, size_t size, const struct record *r)
{
	char	 port[FIELD_PORT_SIZE];
	int	 n;

	port[0] = '\0';
	if (r->port_lo >= 0)
		field_port_format(port, r->port_lo, r->port_hi);
	n = snprintf(out, size, "%s%s%s%s%s",
	    r->service != NULL ? r->service : "",
	    r->service != NULL && port[0] != '\0' ? " " : "", port,
	    r->proto != PROTO_NONE ? "/" : "",
	    r->proto != PROTO_NONE ? proto_name(r->proto) : "");
	if (n < 0)
		n = 0;
	if (size != 0 && (size_t)n >= size)
		n = (int)size - 1;
	return (size_t)n;
}

void
registry_warn_record(struct registry *reg, uint32_t line,
    const struct record *r, const char *fmt, ...)
{
	va_list		 ap;
	char		 label[REGISTRY_LABEL_SIZE], *s, *t;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (r != NULL && registry_record_label(label, sizeof label, r) != 0) {
		t = xasprintf("%s: %s", label, s);
		registry_warn_add(reg, line, t);
		free(t);
	} else
		registry_warn_add(reg, line, s);
	free(s);
}

/* --- Small things -------------------------------------------------------- */

int
proto_parse(const char *s, size_t len)
{
	return field_proto_parse(s, len);
}

const char *
proto_name(enum proto p)
{
	return field_proto_name(p);
}

enum port_class
port_class(int32_t port)
{
	if (port < 0 || port > PORT_MAX)
		return CLASS_NONE;
	if (port <= 1023)
		return CLASS_SYSTEM;
	if (port <= 49151)
		return CLASS_USER;
	return CLASS_DYNAMIC;
}

const char *
port_class_name(enum port_class c)
{
	switch (c) {
	case CLASS_SYSTEM:
		return "System (0-1023)";
	case CLASS_USER:
		return "User (1024-49151)";
	case CLASS_DYNAMIC:
		return "Dynamic/Private (49152-65535)";
	default:
		return "none (service name only)";
	}
}

const char *
record_kind_name(enum record_kind k)
{
	switch (k) {
	case KIND_RESERVED:
		return "reserved";
	case KIND_UNASSIGNED:
		return "unassigned";
	default:
		return "assigned";
	}
}
