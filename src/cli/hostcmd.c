/*
 * hostcmd.c - --services, --nmap-services, --listening, --compare and
 * --free (hostcmd.h, SPEC 7).
 */
#include "config.h"

#include <sys/random.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "grid.h"
#include "hostcmd.h"
#include "load-host.h"
#include "load-services.h"
#include "registry.h"
#include "sanitize.h"
#include "ui.h"
#include "xmalloc.h"

enum {
	HOST_OK = -1,
	HOST_FOUND = 0,
	HOST_NOTHING = 1,
	HOST_ERROR = 2,
};

int
hostcmd_option(struct hostcmd *h, int ch, const char *arg)
{
	char	*end;

	switch (ch) {
	case HOSTCMD_OPT_SERVICES:
		h->services = arg;
		break;
	case HOSTCMD_OPT_NMAP:
		h->nmap = arg;
		break;
	case HOSTCMD_OPT_LISTENING:
		h->listening = 1;
		break;
	case HOSTCMD_OPT_COMPARE:
		h->compare = 1;
		break;
	case HOSTCMD_OPT_FREE:
		h->free = 1;
		break;
	case HOSTCMD_OPT_RANDOM:
		h->random = 1;
		break;
	case HOSTCMD_OPT_LIMIT:
		errno = 0;
		h->limit = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || errno != 0 ||
		    h->limit < 1 || h->limit > 65536) {
			cli_error("--limit '%s': expected a number from 1 to "
			    "65536", arg);
			return HOST_ERROR;
		}
		break;
	}
	return 0;
}

void
hostcmd_usage(FILE *f)
{
	fputs(
"\n"
"This host and the lists beside the registry:\n"
"      --listening [QUERY]  this host's listening sockets, with the\n"
"                      registry's entry for each\n"
"      --compare [FILE]  compare a services(5) or nmap-services file\n"
"                      (default /etc/services) with the registry\n"
"      --free [N] [RANGE]  blocks of N free ports (default 1) in RANGE\n"
"                      (default 1024-49151), best first\n"
"      --limit N       --free: show the best N (default 10)\n"
"      --random        --free: one of the best, at random\n"
"      --services FILE|none       services(5) (default /etc/services)\n"
"      --nmap-services FILE|none  nmap's port frequencies (default\n"
"                      /usr/share/nmap/nmap-services)\n", f);
}

int
hostcmd_active(const struct hostcmd *h)
{
	/* --random and --limit too: hostcmd_args says they need --free. */
	return h->listening || h->compare || h->free || h->random ||
	    h->limit != 0;
}

/* --free's words: [N] [RANGE]. */
static int
hostcmd_free_args(struct hostcmd *h, int argc, char **argv)
{
	enum field_port_error	 e;
	char			*end;
	int			 i;

	h->n = 1;
	h->lo = 1024;
	h->hi = PORT_DYNAMIC - 1;
	if (argc > 2) {
		cli_error("--free takes at most N and a RANGE");
		return HOST_ERROR;
	}
	for (i = 0; i < argc; i++) {
		if (strchr(argv[i], '-') != NULL) {
			if ((e = field_port_parse(argv[i], strlen(argv[i]),
			    &h->lo, &h->hi)) != FIELD_PORT_OK) {
				cli_error("--free: range '%s' %s", argv[i],
				    field_port_why(e));
				return HOST_ERROR;
			}
			continue;
		}
		if (i != 0) {
			cli_error("--free: '%s': expected a RANGE (lo-hi) "
			    "after N", argv[i]);
			return HOST_ERROR;
		}
		errno = 0;
		h->n = strtol(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0' || errno != 0 ||
		    h->n < 1 || h->n > PORT_MAX + 1) {
			cli_error("--free: '%s': expected N, a number of "
			    "ports from 1 to 65536, or a RANGE", argv[i]);
			return HOST_ERROR;
		}
	}
	return HOST_OK;
}

int
hostcmd_args(struct hostcmd *h, int argc, char **argv, int others)
{
	const char	*why;
	int		 i;

	if (h->listening + h->compare + h->free > 1 || others != 0) {
		cli_error("--listening, --compare and --free go alone (no -e, "
		    "--check, --gaps, --contact or --update)");
		return HOST_ERROR;
	}
	if ((h->random || h->limit != 0) && !h->free) {
		cli_error("--random and --limit go with --free");
		return HOST_ERROR;
	}
	if (h->free)
		return hostcmd_free_args(h, argc, argv);
	if (h->compare) {
		if (argc > 1) {
			cli_error("--compare takes one FILE");
			return HOST_ERROR;
		}
		h->file = argc == 1 ? argv[0] : NULL;
		return HOST_OK;
	}
	h->queries = xcalloc((size_t)argc + 1, sizeof *h->queries);
	h->query_text = xcalloc((size_t)argc + 1, sizeof *h->query_text);
	for (i = 0; i < argc; i++) {
		if (query_parse(argv[i], &h->queries[i], &why) != 0) {
			cli_error("query '%s': %s", argv[i], why);
			return HOST_ERROR;
		}
		h->query_text[i] = argv[i];
		h->n_queries++;
	}
	return HOST_OK;
}

void
hostcmd_free(struct hostcmd *h)
{
	ovl_list_free(h->svc);
	ovl_list_free(h->nmap_list);
	ovl_sockets_free(h->sockets);
	free(h->note);
	h->note = NULL;
	free(h->queries);
	free(h->query_text);
	h->svc = h->nmap_list = NULL;
	h->sockets = NULL;
	h->queries = NULL;
	h->query_text = NULL;
}

/* --- Loading the lists ------------------------------------------------ */

/* A list's warnings on stderr: the first few, then how many more. */
static void
hostcmd_warnings(const struct ovl_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n_kept && i < HOSTCMD_WARNINGS_SHOWN; i++)
		cli_error("%s:%u: warning: %s", l->source,
		    (unsigned)l->warnings[i].line, l->warnings[i].text);
	if (l->n_warnings > i)
		cli_error("%s: %zu more warning%s", l->source,
		    l->n_warnings - i, l->n_warnings - i == 1 ? "" : "s");
}

/*
 * The list given (FILE or "none") or the default when it exists.  0 and
 * *out (NULL for none), or 2 after a message.  With note (the browser):
 * no message, a list that cannot be read is left out and *note says so
 * (malloc'd; the first such, when *note is still NULL).
 */
static int
hostcmd_list(const char *given, const char *dflt, char **note,
    struct ovl_list **out)
{
	char	*err = NULL;

	*out = NULL;
	if (given != NULL && strcmp(given, "none") == 0)
		return 0;
	if (given == NULL) {
		if (access(dflt, R_OK) != 0)
			return 0;
		given = dflt;
	}
	if ((*out = load_services_file(given, &err)) == NULL) {
		if (note == NULL) {
			cli_error("%s", err);
			free(err);
			return HOST_ERROR;
		}
		if (*note == NULL)
			*note = xasprintf("%s (left out)", err);
		free(err);
		return 0;
	}
	if (note == NULL)
		hostcmd_warnings(*out);
	return 0;
}

static const char *
hostcmd_proc(void)
{
	const char	*p = getenv("PORTREG_PROC");

	return p != NULL && *p != '\0' ? p : HOSTCMD_PROC;
}

/*
 * Load what the action needs: 0, or 2 after a message.  With note (the
 * browser, quiet): see hostcmd_list.  later (the browser): leave nmap's
 * list and the sockets' owners to hostcmd_browse_more.
 */
static int
hostcmd_load(struct hostcmd *h, char **note, int sockets_needed, int later)
{
	char	*err = NULL;
	int	 quiet = note != NULL;

	if (hostcmd_list(h->services, LOAD_SERVICES_DEFAULT, note,
	    &h->svc) != 0 || (!later && hostcmd_list(h->nmap,
	    LOAD_NMAP_DEFAULT, note, &h->nmap_list) != 0))
		return HOST_ERROR;
	if ((h->sockets = load_host_sockets(hostcmd_proc(), !later,
	    &err)) == NULL) {
		if (sockets_needed) {
			cli_error("%s", err);
			free(err);
			return HOST_ERROR;
		}
		if (!quiet)
			cli_error("warning: not checked against this host: %s",
			    err);
		free(err);
	}
	h->ov.services = h->svc;
	h->ov.nmap = h->nmap_list;
	h->ov.sockets = h->sockets;
	return 0;
}

/* What the browser's first screen need not wait for; the first list
   left out, if any, for the status line. */
static char *
hostcmd_browse_more(void *arg)
{
	struct hostcmd	*h = arg;
	char		*note = h->note;

	h->note = NULL;
	if (hostcmd_list(h->nmap, LOAD_NMAP_DEFAULT, &note,
	    &h->nmap_list) == 0)
		h->ov.nmap = h->nmap_list;
	if (h->sockets != NULL)
		load_host_owners(h->sockets, hostcmd_proc());
	return note;
}

void
hostcmd_browse(struct ui *ui, void *arg)
{
	struct hostcmd	*h = arg;

	if (hostcmd_load(h, &h->note, 0, 1) == 0) {
		ui_set_host(ui, &h->ov);
		ui_set_host_more(ui, hostcmd_browse_more, h);
	}
}

/* --- --listening ------------------------------------------------------ */

static int
hostcmd_query_hit(const struct hostcmd *h, const struct ovl_socket *s,
    const char *service, const char *svc_name)
{
	const struct query	*q;
	size_t			 i;

	if (h->n_queries == 0)
		return 1;
	for (i = 0; i < h->n_queries; i++) {
		q = &h->queries[i];
		if (q->kind == QUERY_NAME) {
			if (strcasecmp(q->name, s->command) == 0 ||
			    (service != NULL && strcasecmp(q->name,
			    service) == 0) || (svc_name != NULL &&
			    strcasecmp(q->name, svc_name) == 0))
				return 1;
			continue;
		}
		if (s->port >= q->lo && s->port <= q->hi &&
		    (q->proto == PROTO_NONE || q->proto == s->proto))
			return 1;
	}
	return 0;
}

static const char *const hostcmd_listen_cols[] = {
	"protocol", "address", "port", "pid", "command", "registry",
	"service", "description", "services_name"
};
static const unsigned char hostcmd_listen_num[] = { 0, 0, 1, 1, 0, 0, 0,
	0, 0 };

static int
hostcmd_listening(struct hostcmd *h, const struct registry *reg,
    enum output_format fmt, enum proto proto)
{
	struct grid		 g = { 9, hostcmd_listen_cols,
				       hostcmd_listen_num, NULL, 0, 0 };
	const struct ovl_socket	*s;
	const struct record	*r;
	const char		*cell[9], *svc_name;
	enum ovl_status		 st;
	char			 port[16], pid[16];
	size_t			 i;
	int32_t			 rec, e, other;

	for (i = 0; i < h->sockets->n; i++) {
		s = &h->sockets->s[i];
		if (proto != PROTO_NONE && s->proto != proto)
			continue;
		st = ovl_status(reg, s->port, s->proto, &rec);
		r = rec >= 0 ? &reg->records[rec] : NULL;
		svc_name = NULL;
		/* services(5)'s name where it is none of IANA's there. */
		if ((e = ovl_list_find(h->svc, s->port, s->proto)) >= 0 &&
		    ovl_compare(reg, &h->svc->e[e], &other) != OVL_AGREES)
			svc_name = h->svc->e[e].name;
		if (!hostcmd_query_hit(h, s, r != NULL ? r->service : NULL,
		    svc_name))
			continue;
		snprintf(port, sizeof port, "%d", (int)s->port);
		snprintf(pid, sizeof pid, "%d", (int)s->pid);
		cell[0] = proto_name(s->proto);
		cell[1] = s->addr;
		cell[2] = port;
		cell[3] = s->pid >= 0 ? pid : NULL;
		cell[4] = s->command[0] != '\0' ? s->command : NULL;
		cell[5] = ovl_status_name(st);
		cell[6] = r != NULL ? r->service : NULL;
		cell[7] = r != NULL ? r->description : NULL;
		cell[8] = svc_name;
		if (fmt == OUTPUT_TABLE && cell[4] == NULL)
			cell[4] = "(unknown)";
		grid_add(&g, cell);
	}
	if (g.nrows == 0) {
		cli_error("no listening sockets found%s",
		    h->n_queries != 0 || proto != PROTO_NONE ?
		    " that match" : "");
		return HOST_NOTHING;
	}
	grid_write(stdout, fmt, &g);
	grid_free(&g);
	return HOST_FOUND;
}

/* --- --compare -------------------------------------------------------- */

static const char *const hostcmd_cmp_cols[] = {
	"class", "service", "port", "protocol", "iana_service", "line"
};
static const unsigned char hostcmd_cmp_num[] = { 0, 0, 1, 0, 0, 1 };
static const char *const hostcmd_count_cols[] = { "class", "count" };
static const unsigned char hostcmd_count_num[] = { 0, 1 };

static void
hostcmd_compare_write(const struct ovl_list *l, const struct grid *counts,
    const struct grid *entries, const size_t *n, enum output_format fmt)
{
	size_t	 c;

	switch (fmt) {
	case OUTPUT_JSON:
		fputs("{\"file\":", stdout);
		output_json_string(stdout, l->source);
		printf(",\"format\":\"%s\",\"counts\":{", l->kind == OVL_NMAP ?
		    "nmap-services" : "services");
		for (c = 0; c < OVL_CLASS_COUNT; c++)
			printf("%s\"%s\":%zu", c == 0 ? "" : ",",
			    ovl_class_key((enum ovl_class)c), n[c]);
		fputs("},\"entries\":", stdout);
		grid_write_json(stdout, entries);
		fputs("}\n", stdout);
		break;
	case OUTPUT_TABLE:
		for (c = 0; c < OVL_CLASS_COUNT; c++) {
			if (n[c] != 0 || c < OVL_CLASS_NOT_COVERED)
				printf("%-32s %zu\n", ovl_class_name(
				    (enum ovl_class)c), n[c]);
		}
		putchar('\n');
		grid_write(stdout, fmt, entries);
		break;
	default:
		grid_write(stdout, fmt, counts);
		putchar('\n');
		grid_write(stdout, fmt, entries);
		break;
	}
}

static int
hostcmd_compare(struct hostcmd *h, const struct registry *reg,
    enum output_format fmt, enum proto proto)
{
	struct grid		 counts = { 2, hostcmd_count_cols,
				       hostcmd_count_num, NULL, 0, 0 };
	struct grid		 entries = { 6, hostcmd_cmp_cols,
				       hostcmd_cmp_num, NULL, 0, 0 };
	struct ovl_list		*l;
	const struct ovl_entry	*e;
	const char		*cell[6], *path;
	enum ovl_class		 k;
	char			 port[16], line[16], num[24], *err = NULL;
	size_t			 n[OVL_CLASS_COUNT] = { 0 }, i, differ = 0;
	size_t			 listed;
	int32_t			 rec;

	path = h->file != NULL ? h->file : h->services != NULL &&
	    strcmp(h->services, "none") != 0 ? h->services :
	    LOAD_SERVICES_DEFAULT;
	if ((l = load_services_file(path, &err)) == NULL) {
		cli_error("%s", err);
		free(err);
		return HOST_ERROR;
	}
	hostcmd_warnings(l);
	for (i = 0; i < l->n; i++) {
		e = &l->e[i];
		if (proto != PROTO_NONE && e->proto != proto)
			continue;
		k = ovl_compare(reg, e, &rec);
		n[k]++;
		differ += k != OVL_AGREES;
		snprintf(port, sizeof port, "%d", (int)e->port);
		snprintf(line, sizeof line, "%u", (unsigned)e->line);
		cell[0] = ovl_class_key(k);
		cell[1] = e->name;
		cell[2] = port;
		cell[3] = proto_name(e->proto);
		cell[4] = rec >= 0 ? reg->records[rec].service : NULL;
		cell[5] = line;
		grid_add(&entries, cell);
	}
	for (i = 0; i < OVL_CLASS_COUNT; i++) {
		snprintf(num, sizeof num, "%zu", n[i]);
		cell[0] = ovl_class_key((enum ovl_class)i);
		cell[1] = num;
		grid_add(&counts, cell);
	}
	if ((listed = entries.nrows) == 0)
		cli_error("%s: no entries to compare", l->source);
	else
		hostcmd_compare_write(l, &counts, &entries, n, fmt);
	grid_free(&counts);
	grid_free(&entries);
	ovl_list_free(l);
	return listed == 0 ? HOST_NOTHING : differ != 0 ?
	    HOST_NOTHING : HOST_FOUND;
}

/* --- --free ----------------------------------------------------------- */

/* What holds port, just outside a gap, as text (caller frees). */
static char *
hostcmd_edge(const struct hostcmd *h, const struct registry *reg,
    unsigned protos, int32_t port)
{
	char		 label[REGISTRY_LABEL_SIZE];
	int32_t		 rec, ent, sock;
	const struct ovl_socket	*s;

	switch (ovl_free_edge(reg, &h->ov, protos, port, &rec, &ent, &sock)) {
	case OVL_EDGE_RECORD:
		registry_record_label(label, sizeof label, &reg->records[rec]);
		return xasprintf("%s (%s)", label,
		    record_kind_name(reg->records[rec].kind));
	case OVL_EDGE_SERVICES:
		return xasprintf("%s %d/%s (%s)", h->svc->e[ent].name,
		    (int)port, proto_name(h->svc->e[ent].proto),
		    h->svc->source);
	case OVL_EDGE_SOCKET:
		s = &h->sockets->s[sock];
		return xasprintf("%d/%s in use here (%s)", (int)port,
		    proto_name(s->proto), s->command[0] != '\0' ?
		    s->command : "unknown process");
	case OVL_EDGE_NOT_COVERED:
		return xasprintf("%d: not covered by the registry file",
		    (int)port);
	default:
		return NULL;
	}
}

static const char *const hostcmd_free_cols[] = {
	"port", "port_end", "protocols", "nmap_frequency", "gap_lo",
	"gap_hi", "before", "after"
};
static const unsigned char hostcmd_free_num[] = { 1, 1, 0, 1, 1, 1, 0, 0 };

static int
hostcmd_free_run(struct hostcmd *h, const struct registry *reg,
    enum output_format fmt, enum proto proto)
{
	struct grid	 g = { 8, hostcmd_free_cols, hostcmd_free_num, NULL,
			       0, 0 };
	struct ovl_free	*c;
	const char	*cell[8];
	char		 v[5][24], protos_text[32] = "", *before, *after;
	unsigned	 protos;
	size_t		 n, i, first = 0, show;
	uint32_t	 pick;
	int		 p;

	protos = proto != PROTO_NONE ? 1u << proto :
	    (1u << PROTO_TCP) | (1u << PROTO_UDP);
	for (p = PROTO_TCP; p < PROTO_COUNT; p++) {
		if (protos & (1u << p))
			snprintf(protos_text + strlen(protos_text),
			    sizeof protos_text - strlen(protos_text), "%s%s",
			    protos_text[0] != '\0' ? "+" : "",
			    proto_name((enum proto)p));
	}
	n = ovl_free_find(reg, &h->ov, protos, (int32_t)h->n, h->lo, h->hi,
	    &c);
	if (n == 0) {
		cli_error("no block of %ld free port%s on %s in %d-%d", h->n,
		    h->n == 1 ? "" : "s", protos_text, (int)h->lo, (int)h->hi);
		return HOST_NOTHING;
	}
	show = h->limit != 0 ? (size_t)h->limit : HOSTCMD_LIMIT;
	if (show > n)
		show = n;
	if (h->random) {
		if (getrandom(&pick, sizeof pick, 0) != sizeof pick) {
			cli_error("--random: getrandom: %s", strerror(errno));
			free(c);
			return HOST_ERROR;
		}
		first = pick % show;
		show = first + 1;
	}
	for (i = first; i < show; i++) {
		snprintf(v[0], sizeof v[0], "%d", (int)c[i].port);
		snprintf(v[1], sizeof v[1], "%d", (int)c[i].port_end);
		snprintf(v[2], sizeof v[2], "%.6f", c[i].freq);
		snprintf(v[3], sizeof v[3], "%d", (int)c[i].gap_lo);
		snprintf(v[4], sizeof v[4], "%d", (int)c[i].gap_hi);
		before = hostcmd_edge(h, reg, protos, c[i].gap_lo - 1);
		after = hostcmd_edge(h, reg, protos, c[i].gap_hi + 1);
		cell[0] = v[0];
		cell[1] = v[1];
		cell[2] = protos_text;
		cell[3] = v[2];
		cell[4] = v[3];
		cell[5] = v[4];
		cell[6] = before;
		cell[7] = after;
		grid_add(&g, cell);
		free(before);
		free(after);
	}
	grid_write(stdout, fmt, &g);
	grid_free(&g);
	free(c);
	return HOST_FOUND;
}

int
hostcmd_run(struct hostcmd *h, const struct registry *reg,
    enum output_format fmt, enum proto proto)
{
	if (h->compare)
		return hostcmd_compare(h, reg, fmt, proto);
	if (hostcmd_load(h, NULL, h->listening, 0) != 0)
		return HOST_ERROR;
	if (h->listening)
		return hostcmd_listening(h, reg, fmt, proto);
	return hostcmd_free_run(h, reg, fmt, proto);
}
