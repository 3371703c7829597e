/*
 * fuzz-lists.c - libFuzzer harness for SPEC 7's list reader: services(5)
 * and nmap-services (load-services.h, the same reader detects either).
 * A list that loads is then joined to a small registry as every user of
 * it does: each entry compared, its port looked up, the browser's marks,
 * and (for short inputs) the free-port search with it as both lists.
 * Invariants that must hold for any input are checked with abort().
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load-services.h"
#include "overlay.h"
#include "registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A registry of a few rows, built once. */
static struct registry *
fuzz_registry(void)
{
	static struct registry	*reg;
	static const struct {
		const char	*name;
		int		 lo, hi;
		enum proto	 proto;
		const char	*desc;
	} rows[] = {
		{ NULL, 0, 0, PROTO_TCP, "Reserved" },
		{ "tcpmux", 1, 1, PROTO_TCP, "TCP Port Service Multiplexer" },
		{ "ssh", 22, 22, PROTO_TCP, "SSH" },
		{ "ssh", 22, 22, PROTO_UDP, "SSH" },
		{ NULL, 24, 79, PROTO_NONE, "Unassigned" },
		{ "http", 80, 80, PROTO_TCP, "HTTP" },
		{ "x11", 6000, 6063, PROTO_TCP, "X Window System" },
	};
	struct record		*r;
	size_t			 i;

	if (reg != NULL)
		return reg;
	reg = registry_new("fuzz");
	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		r = registry_add_record(reg);
		r->service = registry_strdup(reg, rows[i].name);
		r->port_lo = rows[i].lo;
		r->port_hi = rows[i].hi;
		r->proto = rows[i].proto;
		r->description = registry_strdup(reg, rows[i].desc);
	}
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	return reg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct registry	*reg = fuzz_registry();
	const struct ovl_entry	*e;
	struct ovl_list		*l;
	struct overlay		 ov = { 0 };
	struct ovl_free		*c;
	char			*err = NULL;
	size_t			 i, n;
	int32_t			 rec, k;

	l = load_services_buffer((const char *)data, size, "fuzz", &err);
	if (l == NULL) {
		if (err == NULL || strstr(err, "fuzz:") != err)
			abort();	/* an error always names file:line */
		free(err);
		return 0;
	}
	if (l->n_kept > l->n_warnings || l->n_kept > OVL_WARNINGS_KEPT)
		abort();
	for (i = 0; i < l->n_kept; i++) {
		if (l->warnings[i].line == 0 || l->warnings[i].text == NULL)
			abort();
	}
	for (i = 0; i < l->n; i++) {
		e = &l->e[i];
		if (e->port < 0 || e->port > PORT_MAX || e->proto == PROTO_NONE ||
		    e->name == NULL || *e->name == '\0' || e->line == 0)
			abort();
		if (l->kind == OVL_NMAP && !(e->freq >= 0 && e->freq <= 1))
			abort();
		if ((unsigned)ovl_compare(reg, e, &rec) >= OVL_CLASS_COUNT)
			abort();
		k = ovl_list_find(l, e->port, e->proto);
		if (k < 0 || (size_t)k > i || l->e[k].port != e->port)
			abort();	/* the first entry of its port */
	}
	ov.services = l;
	ov.nmap = l;
	for (i = 0; i < l->n && i < 64; i++)
		(void)ovl_marks(reg, &ov, l->e[i].port, l->e[i].port,
		    l->e[i].proto);
	/* The free-port search zeroes about 1 MB: one input in eight. */
	if (size < 4096 && size % 8 == 0) {
		n = ovl_free_find(reg, &ov, (1u << PROTO_TCP) |
		    (1u << PROTO_UDP), 2, 1024, 1100, &c);
		for (i = 0; i < n; i++) {
			if (c[i].port_end - c[i].port != 1 ||
			    ovl_list_names_range(l, c[i].port, c[i].port_end,
			    PROTO_TCP) || ovl_list_names_range(l, c[i].port,
			    c[i].port_end, PROTO_UDP))
				abort();	/* never a port the list names */
		}
		free(c);
	}
	ovl_list_free(l);
	return 0;
}
