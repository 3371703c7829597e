/*
 * gaps.c - the gaps a window of ports asks for; see gaps.h.
 */
#include "config.h"

#include <stdlib.h>

#include "gaps.h"
#include "registry.h"
#include "xmalloc.h"

struct gaps_list {
	struct gap	*g;
	size_t		 n;
	size_t		 cap;
};

static void
gaps_add(struct gaps_list *gs, int32_t lo, int32_t hi, enum proto proto,
    int32_t record)
{
	struct gap	*g;

	xgrow((void **)&gs->g, &gs->cap, gs->n + 1, sizeof *gs->g);
	g = &gs->g[gs->n++];
	g->lo = lo;
	g->hi = hi;
	g->proto = proto;
	g->record = record;
}

struct gaps_free_arg {
	struct gaps_list	*gs;
	enum proto		 proto;
	int32_t			 port;		/* -1: keep every run */
};

static void
gaps_free_run(int32_t lo, int32_t hi, void *arg)
{
	struct gaps_free_arg	*a = arg;

	if (a->port < 0 || (lo <= a->port && a->port <= hi))
		gaps_add(a->gs, lo, hi, a->proto, -1);
}

/* One window's gaps, appended to gs in port order. */
static void
gaps_one(const struct registry *reg, enum proto proto,
    const struct gaps_window *w, struct gaps_list *gs)
{
	struct gaps_free_arg	 a;
	const struct gap	*g;
	size_t			 i;

	if (proto != PROTO_NONE) {
		a.gs = gs;
		a.proto = proto;
		a.port = w->port ? w->lo : -1;
		if (w->port)
			registry_free_ranges(reg, proto, 0, PORT_MAX,
			    gaps_free_run, &a);
		else
			registry_free_ranges(reg, proto, w->lo, w->hi,
			    gaps_free_run, &a);
		return;
	}
	for (i = 0; i < reg->n_gaps; i++) {
		g = &reg->gaps[i];
		if (g->hi < w->lo || g->lo > w->hi)
			continue;
		if (w->port)
			gaps_add(gs, g->lo, g->hi, g->proto, g->record);
		else
			gaps_add(gs, g->lo < w->lo ? w->lo : g->lo,
			    g->hi > w->hi ? w->hi : g->hi, g->proto,
			    g->record);
	}
}

static int
gaps_cmp(const void *a, const void *b)
{
	const struct gap	*x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	return 0;
}

size_t
gaps_window(const struct registry *reg, enum proto proto,
    const struct gaps_window *w, size_t n, struct gap **out)
{
	struct gaps_list	 gs = { NULL, 0, 0 };
	size_t			 i, kept = 0;

	for (i = 0; i < n; i++)
		gaps_one(reg, proto, &w[i], &gs);
	/* Several windows: in port order, each gap once. */
	if (n > 1 && gs.n > 1) {
		qsort(gs.g, gs.n, sizeof *gs.g, gaps_cmp);
		for (i = 0; i < gs.n; i++) {
			if (kept != 0 && gaps_cmp(&gs.g[kept - 1], &gs.g[i]) == 0)
				continue;
			gs.g[kept++] = gs.g[i];
		}
		gs.n = kept;
	}
	*out = gs.g;
	return gs.n;
}

size_t
gaps_at_least(struct gap *g, size_t n, long min)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		if ((long)g[i].hi - g[i].lo + 1 >= min)
			g[k++] = g[i];
	}
	return k;
}

long
gaps_min_parse(const char *s)
{
	long	 v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > PORT_MAX + 1)
			return -1;
	}
	return v >= 1 ? v : -1;
}
