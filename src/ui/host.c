/*
 * host.c - the browser's view of the lists beside the registry (SPEC 7):
 * the marks of each row, the detail pane's lines about a row's port
 * (services(5) and nmap names, nmap's frequency, the local process),
 * the filter prefix host: and the free-port key.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "overlay.h"
#include "pattern.h"
#include "registry.h"
#include "ui-private.h"
#include "xmalloc.h"

#define UI_HOST_PREFIX	"host:"

struct ui_host {
	const struct overlay	*ov;
	unsigned char		*marks;		/* per record */
	unsigned char		*gap_marks;	/* per reg->gaps */
	struct ovl_free		*free;		/* the free key's candidates */
	size_t			 n_free;
	size_t			 free_at;	/* the one shown */
	long			 free_n;
	char			*(*more)(void *);	/* ui_set_host_more */
	void			*more_arg;
};

void
ui_host_drop(struct ui *ui)
{
	struct ui_host	*h = ui->host;

	if (h == NULL)
		return;
	free(h->marks);
	free(h->gap_marks);
	free(h->free);
	free(h);
	ui->host = NULL;
}

void
ui_set_host(struct ui *ui, const struct overlay *ov)
{
	const struct registry	*reg = ui->reg;
	const struct record	*r;
	const struct gap	*g;
	struct ui_host		*h;
	size_t			 i;

	ui_host_drop(ui);
	if (ov == NULL)
		return;
	h = xcalloc(1, sizeof *h);
	h->ov = ov;
	h->marks = xcalloc(reg->n_records + 1, 1);
	h->gap_marks = xcalloc(reg->n_gaps + 1, 1);
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		h->marks[i] = (unsigned char)ovl_marks(reg, ov, r->port_lo,
		    r->port_hi, r->proto);
	}
	for (i = 0; i < reg->n_gaps; i++) {
		g = &reg->gaps[i];
		h->gap_marks[i] = (unsigned char)ovl_marks(reg, ov, g->lo,
		    g->hi, g->proto);
	}
	ui->host = h;
}

void
ui_set_host_more(struct ui *ui, char *(*more)(void *), void *arg)
{
	if (ui->host == NULL)
		return;
	ui->host->more = more;
	ui->host->more_arg = arg;
}

int
ui_idle(struct ui *ui)
{
	struct ui_host	*h = ui->host;
	char		*note;

	if (h == NULL || h->more == NULL)
		return UI_NONE;
	note = h->more(h->more_arg);
	h->more = NULL;
	ui->dview->width = -1;		/* rebuild the detail: it has more */
	if (note == NULL)
		return UI_DRAW_DETAIL;
	ui_message(ui, 1, "%s", note);
	free(note);
	return UI_DRAW_DETAIL | UI_DRAW_STATUS;
}

unsigned
ui_host_marks(const struct ui *ui, int32_t row)
{
	if (ui->host == NULL || row == INT32_MIN)
		return 0;
	if (ROW_IS_GAP(row))
		return ROW_GAP_INDEX(row) < ui->reg->n_gaps ?
		    ui->host->gap_marks[ROW_GAP_INDEX(row)] : 0;
	return (size_t)row < ui->reg->n_records ? ui->host->marks[row] : 0;
}

char
ui_host_marker(unsigned marks)
{
	switch (marks & (OVL_MARK_IN_USE | OVL_MARK_DIFFERS)) {
	case OVL_MARK_IN_USE:
		return '@';
	case OVL_MARK_DIFFERS:
		return '~';
	case OVL_MARK_IN_USE | OVL_MARK_DIFFERS:
		return '!';
	default:
		return ' ';
	}
}

/* The ports and protocol of row. */
static void
ui_host_row_ports(const struct ui *ui, int32_t row, int32_t *lo,
    int32_t *hi, enum proto *proto)
{
	const struct registry	*reg = ui->reg;

	if (ROW_IS_GAP(row)) {
		*lo = reg->gaps[ROW_GAP_INDEX(row)].lo;
		*hi = reg->gaps[ROW_GAP_INDEX(row)].hi;
		*proto = reg->gaps[ROW_GAP_INDEX(row)].proto;
	} else {
		*lo = reg->records[row].port_lo;
		*hi = reg->records[row].port_hi;
		*proto = reg->records[row].proto;
	}
}

/* The name entries of list l at port for proto (all protocols: any). */
static void
ui_host_names(struct buf *b, const struct ovl_list *l, int32_t port,
    enum proto proto)
{
	const struct ovl_entry	*e;
	int32_t			 i;
	int			 p;

	buf_clear(b);
	for (p = PROTO_TCP; l != NULL && p < PROTO_COUNT; p++) {
		if (proto != PROTO_NONE && p != (int)proto)
			continue;
		if ((i = ovl_list_find(l, port, (enum proto)p)) < 0)
			continue;
		e = &l->e[i];
		buf_printf(b, "%s%s %d/%s", b->len != 0 ? "\n" : "", e->name,
		    (int)port, proto_name(e->proto));
		if (e->freq >= 0)
			buf_printf(b, ", open frequency %.6f", e->freq);
		else if (e->n_aliases != 0)
			buf_printf(b, " (alias %s)", e->aliases[0]);
	}
}

void
ui_host_detail(const struct ui *ui, struct detail *d, int32_t row)
{
	const struct ovl_socket	*s;
	const struct overlay	*ov;
	struct buf		 b = { 0 };
	size_t			 first, n, i;
	int32_t			 lo, hi;
	enum proto		 proto;

	if (ui->host == NULL || row == INT32_MIN)
		return;
	ov = ui->host->ov;
	ui_host_row_ports(ui, row, &lo, &hi, &proto);
	if (lo < 0)
		return;
	if (lo == hi) {
		ui_host_names(&b, ov->services, lo, proto);
		detail_append(d, "services(5)", b.data, DETAIL_NOTE);
		ui_host_names(&b, ov->nmap, lo, proto);
		detail_append(d, "nmap", b.data, DETAIL_NOTE);
	}
	buf_clear(&b);
	n = ovl_sockets_in(ov->sockets, lo, hi, proto, &first);
	for (i = first; n != 0 && i < ov->sockets->n &&
	    ov->sockets->s[i].port <= hi; i++) {
		s = &ov->sockets->s[i];
		if (proto != PROTO_NONE && s->proto != proto)
			continue;
		buf_printf(&b, "%s%s %s:%d/%s", b.len != 0 ? "\n" : "",
		    s->command[0] != '\0' ? s->command : "(unknown process)",
		    s->addr, (int)s->port, proto_name(s->proto));
		if (s->pid >= 0)
			buf_printf(&b, " pid %d", (int)s->pid);
	}
	detail_append(d, "This host", b.data, DETAIL_NOTE);
	buf_free(&b);
}

/* --- host: ------------------------------------------------------------ */

int
ui_host_prefix(const char *expr)
{
	return expr != NULL && strncmp(expr, UI_HOST_PREFIX,
	    strlen(UI_HOST_PREFIX)) == 0;
}

struct pattern *
ui_host_pattern(const char *expr, char **err)
{
	const char	*re = expr + strlen(UI_HOST_PREFIX);

	/* host: alone keeps every row in use: a regex matching anything. */
	return pattern_new(*re != '\0' ? re : "(?:)", err);
}

/* Does a socket of row's ports have a command p matches? */
static int
ui_host_row_matches(const struct ui *ui, struct pattern *p, int32_t row)
{
	const struct ovl_sockets *ss = ui->host->ov->sockets;
	const struct ovl_socket	*s;
	const char		*cmd;
	size_t			 first, n, i, ms, me;
	int32_t			 lo, hi;
	enum proto		 proto;

	ui_host_row_ports(ui, row, &lo, &hi, &proto);
	n = ovl_sockets_in(ss, lo, hi, proto, &first);
	for (i = first; n != 0 && i < ss->n && ss->s[i].port <= hi; i++) {
		s = &ss->s[i];
		if (proto != PROTO_NONE && s->proto != proto)
			continue;
		cmd = s->command[0] != '\0' ? s->command : "unknown";
		if (pattern_span(p, cmd, strlen(cmd), 0, &ms, &me) == 1)
			return 1;
	}
	return 0;
}

/*
 * host:REGEX: the rows of the full view in use on this host whose
 * process command REGEX matches, into rows (room for cap).  With gaps
 * (a filter: view_build_list takes them back), the gap rows no record
 * lists too, as their (uint32_t)ROW_GAP, where they fit in cap along
 * with the records; else (a search, whose matches are records) records
 * only.
 */
size_t
ui_host_find(struct ui *ui, struct pattern *p, uint32_t *rows, size_t cap,
    int gaps)
{
	size_t	 i, n = 0;
	int32_t	 row;

	if (ui->host == NULL || ui->host->ov->sockets == NULL)
		return 0;
	for (i = 0; i < ui->all.n; i++) {
		row = ui->all.rows[i];
		if ((ui_host_marks(ui, row) & OVL_MARK_IN_USE) &&
		    (gaps || !ROW_IS_GAP(row)) &&
		    ui_host_row_matches(ui, p, row)) {
			if (n < cap)
				rows[n] = (uint32_t)row;
			n++;
		}
	}
	if (n <= cap)
		return n;
	/* No room for every gap row (a registry of few records): the
	   records only, which always fit. */
	return ui_host_find(ui, p, rows, cap, 0);
}

/* --- The free-port key ------------------------------------------------ */

/* The position of the row that holds port (a gap row first) in the full
   view, or -1. */
static long
ui_host_gap_pos(const struct ui *ui, int32_t port)
{
	const struct registry	*reg = ui->reg;
	size_t			 i;
	int32_t			 row;
	long			 any = -1;

	for (i = 0; i < ui->all.n; i++) {
		row = ui->all.rows[i];
		if (ROW_IS_GAP(row)) {
			if (reg->gaps[ROW_GAP_INDEX(row)].lo <= port &&
			    reg->gaps[ROW_GAP_INDEX(row)].hi >= port)
				return (long)i;
			continue;
		}
		if (reg->records[row].port_lo <= port &&
		    reg->records[row].port_hi >= port && port >= 0) {
			if (reg->records[row].kind == KIND_UNASSIGNED)
				return (long)i;
			if (any < 0)
				any = (long)i;
		}
	}
	return any;
}

int
ui_host_free(struct ui *ui, long n)
{
	struct ui_host		*h = ui->host;
	static const struct overlay none;
	const struct ovl_free	*c;
	long			 pos;

	if (n < 1 || n > PORT_MAX + 1) {
		ui_message(ui, 1, "Free ports: expected a number from 1 to "
		    "65536");
		return UI_DRAW_STATUS;
	}
	if (h != NULL && h->free != NULL && h->free_n == n &&
	    h->n_free != 0)
		h->free_at = (h->free_at + 1) % h->n_free;
	else {
		if (h == NULL) {
			ui_set_host(ui, &none);
			h = ui->host;
		}
		free(h->free);
		h->n_free = ovl_free_find(ui->reg, h->ov, (1u << PROTO_TCP) |
		    (1u << PROTO_UDP), (int32_t)n, 1024, PORT_DYNAMIC - 1,
		    &h->free);
		h->free_n = n;
		h->free_at = 0;
	}
	if (h->n_free == 0) {
		ui_message(ui, 1, "No block of %ld free ports in 1024-49151", n);
		return UI_DRAW_STATUS;
	}
	c = &h->free[h->free_at];
	if (ui->view != &ui->all) {
		ui_park_drop(ui);
		if (ui->view == &ui->persons)
			ui_leave_persons(ui, ui_row(ui));
		ui_clear_filter(ui, ui_row(ui));
	}
	if ((pos = ui_host_gap_pos(ui, c->port)) >= 0)
		ui_jump(ui, (size_t)pos);
	if (c->port == c->port_end)
		ui_message(ui, 0, "Free %zu of %zu: port %d in gap %d-%d "
		    "(nmap %.6f); F for the next", h->free_at + 1, h->n_free,
		    (int)c->port, (int)c->gap_lo, (int)c->gap_hi, c->freq);
	else
		ui_message(ui, 0, "Free %zu of %zu: ports %d-%d in gap %d-%d "
		    "(nmap %.6f); F for the next", h->free_at + 1, h->n_free,
		    (int)c->port, (int)c->port_end, (int)c->gap_lo,
		    (int)c->gap_hi, c->freq);
	return UI_DRAW_ROW;
}

/* F: ask how many, or (the candidate still selected) go to the next. */
int
ui_act_free(struct ui *ui)
{
	struct ui_host	*h = ui->host;
	long		 pos;

	if (h != NULL && h->n_free != 0 &&
	    (pos = ui_host_gap_pos(ui, h->free[h->free_at].port)) >= 0 &&
	    ui->view == &ui->all && (size_t)pos == ui->cursor)
		return ui_host_free(ui, h->free_n);
	return ui_prompt_open(ui, PROMPT_FREE);
}

/* The free prompt's answer (empty: 1). */
int
ui_host_free_prompt(struct ui *ui, const char *line)
{
	char	*end;
	long	 n;

	if (line == NULL || *line == '\0')
		n = 1;
	else {
		errno = 0;
		n = strtol(line, &end, 10);
		if (*end != '\0' || errno != 0)
			n = 0;
	}
	if (ui->host != NULL)
		ui->host->free_n = 0;		/* ask again: start over */
	return ui_host_free(ui, n);
}
