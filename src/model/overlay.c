/*
 * overlay.c - the lists beside the registry: building them and finding
 * their entries and sockets by port.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "overlay.h"
#include "xmalloc.h"

struct ovl_list *
ovl_list_new(const char *source)
{
	struct ovl_list	*l;

	l = xcalloc(1, sizeof *l);
	l->source = xstrdup(source != NULL ? source : "-");
	l->kind = OVL_SERVICES;
	l->arena = arena_new();
	return l;
}

void
ovl_list_free(struct ovl_list *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n_kept; i++)
		free((char *)l->warnings[i].text);
	free(l->warnings);
	free(l->e);
	free(l->by_port);
	free(l->source);
	arena_free(l->arena);
	free(l);
}

struct ovl_entry *
ovl_list_add(struct ovl_list *l)
{
	struct ovl_entry	*e;

	xgrow((void **)&l->e, &l->cap, l->n + 1, sizeof *l->e);
	e = &l->e[l->n++];
	memset(e, 0, sizeof *e);
	e->freq = -1;
	return e;
}

const char *
ovl_list_strndup(struct ovl_list *l, const char *s, size_t n)
{
	return arena_strndup(l->arena, s, n);
}

void *
ovl_list_alloc(struct ovl_list *l, size_t n)
{
	return arena_alloc(l->arena, n);
}

void
ovl_list_warn(struct ovl_list *l, uint32_t line, const char *fmt, ...)
{
	va_list		 ap;

	l->n_warnings++;
	if (l->n_kept >= OVL_WARNINGS_KEPT)
		return;
	xgrow((void **)&l->warnings, &l->cap_kept, l->n_kept + 1,
	    sizeof *l->warnings);
	va_start(ap, fmt);
	l->warnings[l->n_kept].text = xvasprintf(fmt, ap);
	va_end(ap);
	l->warnings[l->n_kept++].line = line;
}

static const struct ovl_list *ovl_sort_list;

static int
ovl_by_port_cmp(const void *a, const void *b)
{
	const struct ovl_entry	*x = &ovl_sort_list->e[*(const uint32_t *)a];
	const struct ovl_entry	*y = &ovl_sort_list->e[*(const uint32_t *)b];

	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void
ovl_list_finish(struct ovl_list *l)
{
	size_t	 i;

	free(l->by_port);
	l->by_port = xreallocarray(NULL, l->n + 1, sizeof *l->by_port);
	for (i = 0; i < l->n; i++)
		l->by_port[i] = (uint32_t)i;
	ovl_sort_list = l;
	qsort(l->by_port, l->n, sizeof *l->by_port, ovl_by_port_cmp);
	ovl_sort_list = NULL;
}

/* The first position in by_port whose entry is at or after port/proto. */
static size_t
ovl_list_lower(const struct ovl_list *l, int32_t port, enum proto proto)
{
	const struct ovl_entry	*e;
	size_t			 lo = 0, hi = l->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = &l->e[l->by_port[mid]];
		if (e->port < port || (e->port == port && e->proto < proto))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int32_t
ovl_list_find(const struct ovl_list *l, int32_t port, enum proto proto)
{
	const struct ovl_entry	*e;
	size_t			 i;

	if (l == NULL || l->by_port == NULL)
		return -1;
	i = ovl_list_lower(l, port, proto);
	if (i >= l->n)
		return -1;
	e = &l->e[l->by_port[i]];
	return e->port == port && e->proto == proto ?
	    (int32_t)l->by_port[i] : -1;
}

int
ovl_list_names_range(const struct ovl_list *l, int32_t lo, int32_t hi,
    enum proto proto)
{
	const struct ovl_entry	*e;
	size_t			 i;

	if (l == NULL || l->by_port == NULL)
		return 0;
	for (i = ovl_list_lower(l, lo, PROTO_NONE); i < l->n; i++) {
		e = &l->e[l->by_port[i]];
		if (e->port > hi)
			break;
		if (proto == PROTO_NONE || e->proto == proto)
			return 1;
	}
	return 0;
}

int
ovl_entry_is_named(const struct ovl_entry *e, const char *name)
{
	uint32_t	 i;

	if (name == NULL)
		return 0;
	if (strcasecmp(e->name, name) == 0)
		return 1;
	for (i = 0; i < e->n_aliases; i++) {
		if (strcasecmp(e->aliases[i], name) == 0)
			return 1;
	}
	return 0;
}

/* --- Sockets ------------------------------------------------------------ */

struct ovl_socket *
ovl_sockets_add(struct ovl_sockets *s)
{
	struct ovl_socket	*o;

	xgrow((void **)&s->s, &s->cap, s->n + 1, sizeof *s->s);
	o = &s->s[s->n++];
	memset(o, 0, sizeof *o);
	o->pid = -1;
	return o;
}

static int
ovl_socket_cmp(const void *a, const void *b)
{
	const struct ovl_socket	*x = a, *y = b;
	int			 c;

	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	if ((c = strcmp(x->addr, y->addr)) != 0)
		return c;
	return x->inode < y->inode ? -1 : x->inode > y->inode;
}

void
ovl_sockets_finish(struct ovl_sockets *s)
{
	if (s->n > 1)
		qsort(s->s, s->n, sizeof *s->s, ovl_socket_cmp);
}

void
ovl_sockets_free(struct ovl_sockets *s)
{
	if (s == NULL)
		return;
	free(s->s);
	free(s);
}

size_t
ovl_sockets_in(const struct ovl_sockets *s, int32_t lo, int32_t hi,
    enum proto proto, size_t *first)
{
	size_t	 a = 0, b, mid, i, n = 0;

	*first = 0;
	if (s == NULL || s->n == 0)
		return 0;
	b = s->n;
	while (a < b) {
		mid = a + (b - a) / 2;
		if (s->s[mid].port < lo)
			a = mid + 1;
		else
			b = mid;
	}
	for (i = a; i < s->n && s->s[i].port <= hi; i++) {
		if (proto != PROTO_NONE && s->s[i].proto != proto)
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}
