/*
 * test-overlay.c - the lists beside the registry (SPEC 7): the
 * services(5) and nmap-services reader (aliases, comments, blank lines,
 * CRLF, no final newline, detection, warnings with their line, neither
 * format), the joins (compare classes, status, free blocks and their
 * ranking, marks), and the browser's side (marker, host:, the F key).
 */
#include "config.h"

#include "test.h"
#include "builder.h"

#include "load-services.h"
#include "overlay.h"
#include "registry.h"
#include "ui.h"
#include "xmalloc.h"

#define LOAD(text) load_services_buffer((text), sizeof(text) - 1, "t", &err)

static void
services_read_aliases_comments_crlf(void **state)
{
	struct ovl_list	*l;
	char		*err = NULL;

	(void)state;
	l = LOAD("# head\r\n\r\nhttp\t80/tcp\twww www-http\t# WWW\r\n"
	    "   \t\n"
	    "ssh 22/tcp # SSH\n"
	    "domain 53/udp");		/* no final newline */
	assert_non_null(l);
	assert_int_equal(l->kind, OVL_SERVICES);
	assert_int_equal(l->n, 3);
	assert_string_equal(l->e[0].name, "http");
	assert_int_equal(l->e[0].port, 80);
	assert_int_equal(l->e[0].proto, PROTO_TCP);
	assert_int_equal(l->e[0].n_aliases, 2);
	assert_string_equal(l->e[0].aliases[1], "www-http");
	assert_int_equal(l->e[0].line, 3);
	assert_int_equal(l->e[1].n_aliases, 0);
	assert_string_equal(l->e[2].name, "domain");
	assert_int_equal(l->e[2].proto, PROTO_UDP);
	assert_int_equal(l->e[2].line, 6);
	assert_int_equal(l->n_warnings, 0);
	assert_int_equal(ovl_list_find(l, 53, PROTO_UDP), 2);
	assert_int_equal(ovl_list_find(l, 53, PROTO_TCP), -1);
	assert_true(ovl_entry_is_named(&l->e[0], "WWW"));
	assert_false(ovl_entry_is_named(&l->e[0], "web"));
	ovl_list_free(l);
}

static void
nmap_detected_with_frequencies(void **state)
{
	struct ovl_list	*l;
	char		*err = NULL;

	(void)state;
	l = LOAD("# nmap\ntcpmux\t1/tcp\t0.001995\t# mux\n"
	    "unknown\t4/tcp\t0.000477\nhttp\t80/tcp\t0.484143\t# World Wide\n"
	    "x\t81/tcp\tlots\n");
	assert_non_null(l);
	assert_int_equal(l->kind, OVL_NMAP);
	assert_int_equal(l->n, 3);
	assert_true(l->e[2].freq > 0.48 && l->e[2].freq < 0.49);
	assert_int_equal(l->n_warnings, 1);
	assert_int_equal(l->warnings[0].line, 5);
	assert_non_null(strstr(l->warnings[0].text, "frequency"));
	ovl_list_free(l);
}

static void
bad_lines_are_warnings_with_lines(void **state)
{
	struct ovl_list	*l;
	char		*err = NULL;
	static const char text[] = "a 1/tcp\nb 70000/tcp\nc 80/xyz\nd\n"
	    "a 1/tcp\ne 5-6/tcp\nf 7/tcp\0nul\nrtmp 1/ddp\ng 8\n";

	(void)state;
	l = load_services_buffer(text, sizeof text - 1, "t", &err);
	assert_non_null(l);
	assert_int_equal(l->n, 1);
	assert_int_equal(l->n_other, 1);		/* ddp: skipped quietly */
	assert_int_equal(l->n_warnings, 7);
	assert_int_equal(l->warnings[0].line, 2);
	assert_non_null(strstr(l->warnings[0].text, "70000"));
	assert_int_equal(l->warnings[1].line, 3);
	assert_non_null(strstr(l->warnings[1].text, "unknown protocol 'xyz'"));
	assert_int_equal(l->warnings[2].line, 4);
	assert_int_equal(l->warnings[3].line, 5);
	assert_non_null(strstr(l->warnings[3].text, "duplicate of line 1"));
	assert_int_equal(l->warnings[4].line, 6);
	assert_int_equal(l->warnings[5].line, 7);
	assert_non_null(strstr(l->warnings[5].text, "NUL"));
	assert_int_equal(l->warnings[6].line, 9);
	ovl_list_free(l);
}

static void
neither_format_is_an_error(void **state)
{
	struct ovl_list	*l;
	char		*err = NULL;

	(void)state;
	l = LOAD("# a comment\n<?xml version=\"1.0\"?>\n<registry/>\n");
	assert_null(l);
	assert_non_null(err);
	assert_non_null(strstr(err, "t:2: expected"));
	free(err);
	err = NULL;
	l = LOAD("# only comments\n\n");	/* empty, not wrong */
	assert_non_null(l);
	assert_int_equal(l->n, 0);
	ovl_list_free(l);
}

static void
long_line_is_a_warning(void **state)
{
	struct ovl_list	*l;
	char		*err = NULL, *text;
	size_t		 n = 1024 * 1024;

	(void)state;
	text = malloc(n + 32);
	memcpy(text, "ok 1/tcp\n", 9);
	memset(text + 9, 'x', n);
	memcpy(text + 9 + n, "\nok2 2/tcp\n", 11);
	l = load_services_buffer(text, n + 20, "t", &err);
	assert_non_null(l);
	assert_int_equal(l->n, 2);
	assert_int_equal(l->n_warnings, 1);
	assert_int_equal(l->warnings[0].line, 2);
	assert_non_null(strstr(l->warnings[0].text, "too long"));
	ovl_list_free(l);
	free(text);
}

/*
 * A whole registry: 0 Reserved/tcp, ssh 22 tcp+udp, http 80/tcp only,
 * Reserved 1023/tcp+udp, Unassigned 24-79, x11 6000-6063/tcp.
 */
static struct registry *
small_registry(void)
{
	struct registry	*reg = registry_new("test");

	add(reg, NULL, 0, 0, PROTO_TCP, "Reserved", NULL);
	add(reg, "ssh", 22, 22, PROTO_TCP, "SSH", NULL);
	add(reg, "ssh", 22, 22, PROTO_UDP, "SSH", NULL);
	add(reg, NULL, 24, 79, PROTO_NONE, "Unassigned", NULL);
	add(reg, "http", 80, 80, PROTO_TCP, "World Wide Web HTTP", NULL);
	add(reg, NULL, 1023, 1023, PROTO_TCP, "Reserved", NULL);
	add(reg, NULL, 1023, 1023, PROTO_UDP, "Reserved", NULL);
	add(reg, "x11", 6000, 6063, PROTO_TCP, "X Window System", NULL);
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	return reg;
}

static void
compare_gives_each_class(void **state)
{
	struct registry	*reg = small_registry();
	struct ovl_list	*l;
	char		*err = NULL;
	int32_t		 rec;

	(void)state;
	l = LOAD("SSH 22/tcp\nwww 80/tcp http\nweb 80/tcp\nhttp 80/udp\n"
	    "x 1023/udp\nfoo 30/tcp\nbar 6010/tcp\nbaz 50000/tcp\n");
	assert_non_null(l);
	assert_int_equal(ovl_compare(reg, &l->e[0], &rec), OVL_AGREES);
	assert_int_equal(rec, 1);
	assert_int_equal(ovl_compare(reg, &l->e[1], &rec), OVL_AGREES);
	assert_int_equal(ovl_compare(reg, &l->e[2], &rec), OVL_NAME_DIFFERS);
	assert_string_equal(reg->records[rec].service, "http");
	assert_int_equal(ovl_compare(reg, &l->e[3], &rec),
	    OVL_PROTO_UNREGISTERED);
	assert_int_equal(ovl_compare(reg, &l->e[4], &rec), OVL_CLASS_RESERVED);
	assert_int_equal(ovl_compare(reg, &l->e[5], &rec),
	    OVL_CLASS_UNASSIGNED);
	assert_int_equal(ovl_compare(reg, &l->e[6], &rec), OVL_NAME_DIFFERS);
	assert_string_equal(reg->records[rec].service, "x11");
	assert_int_equal(ovl_compare(reg, &l->e[7], &rec),
	    OVL_CLASS_UNASSIGNED);
	assert_int_equal(ovl_status(reg, 50000, PROTO_TCP, &rec), OVL_DYNAMIC);
	assert_int_equal(ovl_status(reg, 1023, PROTO_UDP, &rec), OVL_RESERVED);
	assert_int_equal(ovl_status(reg, 30, PROTO_TCP, &rec), OVL_UNASSIGNED);
	ovl_list_free(l);
	registry_free(reg);
}

static void
free_blocks_avoid_every_list_and_rank(void **state)
{
	struct registry		*reg = small_registry();
	struct ovl_list		*svc, *nmap;
	struct ovl_sockets	 socks = { 0 };
	struct ovl_socket	*s;
	struct overlay		 ov;
	struct ovl_free		*c;
	char			*err = NULL;
	size_t			 n, i;
	int32_t			 p;

	(void)state;
	svc = LOAD("a 40/udp\n");
	nmap = LOAD("n\t25/tcp\t0.5\nm\t60/udp\t0.001\nq\t1030/tcp\t0.2\n");
	assert_int_equal(nmap->kind, OVL_NMAP);
	s = ovl_sockets_add(&socks);
	s->proto = PROTO_TCP;
	s->port = 50;
	ovl_sockets_finish(&socks);
	ov.services = svc;
	ov.nmap = nmap;
	ov.sockets = &socks;
	/* tcp+udp, 3 in a row, in 20-100: the gaps 1-21 (too little of
	   it inside), 23-39 (nmap 0.5 at 25), 41-49, 51-79 (0.001 at 60)
	   and 81-1022 (cut to 81-100).  Every gap has a block nmap lists
	   no port of: they rank by the room to the nearer gap edge. */
	n = ovl_free_find(reg, &ov, (1u << PROTO_TCP) | (1u << PROTO_UDP), 3,
	    20, 100, &c);
	assert_int_equal(n, 4);
	assert_int_equal(c[0].gap_lo, 81);		/* 98-100: 17 ports */
	assert_int_equal(c[0].gap_hi, 1022);
	assert_int_equal(c[0].port, 98);
	assert_int_equal(c[0].port_end, 100);
	assert_int_equal(c[0].margin, 17);
	assert_int_equal(c[1].gap_lo, 51);		/* 64-66, clear of 60 */
	assert_int_equal(c[1].port, 64);
	assert_int_equal(c[1].margin, 13);
	assert_true(c[1].freq == 0);
	assert_int_equal(c[2].gap_lo, 23);		/* 30-32, clear of 25 */
	assert_int_equal(c[2].port, 30);
	assert_int_equal(c[3].gap_lo, 41);		/* 44-46, the middle */
	assert_int_equal(c[3].port, 44);
	free(c);
	/* tcp, 25 in a row: every block of 23-49 holds 25 (0.5), those of
	   51-79 nothing nmap lists: frequency ranks before room. */
	n = ovl_free_find(reg, &ov, 1u << PROTO_TCP, 25, 23, 79, &c);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].gap_lo, 51);
	assert_true(c[0].freq == 0);
	assert_int_equal(c[1].gap_lo, 23);
	assert_true(c[1].freq > 0.49);
	free(c);
	n = ovl_free_find(reg, &ov, (1u << PROTO_TCP) | (1u << PROTO_UDP), 3,
	    20, 100, &c);
	for (i = 0; i < n; i++) {
		for (p = c[i].port; p <= c[i].port_end; p++)
			assert_true(p != 40 && p != 50 && p != 22 && p != 80);
	}
	free(c);
	/* A block that fits nowhere. */
	assert_int_equal(ovl_free_find(reg, &ov, 1u << PROTO_TCP, 100, 20,
	    100, &c), 0);
	/* The edges: what holds the port before and after a gap. */
	{
		int32_t	 rec, ent, sock;

		assert_int_equal(ovl_free_edge(reg, &ov, 1u << PROTO_UDP, 40,
		    &rec, &ent, &sock), OVL_EDGE_SERVICES);
		assert_int_equal(ovl_free_edge(reg, &ov, 1u << PROTO_TCP, 50,
		    &rec, &ent, &sock), OVL_EDGE_SOCKET);
		assert_int_equal(ovl_free_edge(reg, &ov, 1u << PROTO_TCP, 80,
		    &rec, &ent, &sock), OVL_EDGE_RECORD);
		assert_int_equal(rec, 4);
	}
	free(c);
	/* The marks: a socket in a row's range, a services name that
	   differs. */
	assert_int_equal(ovl_marks(reg, &ov, 24, 79, PROTO_NONE),
	    OVL_MARK_IN_USE);
	assert_int_equal(ovl_marks(reg, &ov, 40, 40, PROTO_UDP),
	    OVL_MARK_DIFFERS);
	assert_int_equal(ovl_marks(reg, &ov, 22, 22, PROTO_TCP), 0);
	free(socks.s);
	ovl_list_free(svc);
	ovl_list_free(nmap);
	registry_free(reg);
}

/* ui_set_host_more's callback: counts its calls, names the owner; the
   second time (another ui) says a list was left out. */
static int more_calls;
static char *
more(void *arg)
{
	struct ovl_sockets	*s = arg;

	more_calls++;
	s->s[0].pid = 7;
	strcpy(s->s[0].command, "late");
	return more_calls == 2 ? xstrdup("nmap: cannot read (left out)") :
	    NULL;
}

static void
idle_completes_the_overlay_once(void **state)
{
	struct registry		*reg = small_registry();
	struct ovl_sockets	 socks = { 0 };
	struct overlay		 ov = { 0 };
	struct ui		*ui;
	const struct ui_detail_view *v;
	size_t			 i;
	int			 late = 0;

	(void)state;
	ovl_sockets_add(&socks)->port = 80;
	socks.s[0].proto = PROTO_TCP;
	ov.sockets = &socks;
	ui = ui_new(reg);
	ui_set_host(ui, &ov);
	ui_set_host_more(ui, more, &socks);
	ui_goto(ui, "80/tcp");
	(void)ui_detail_view(ui);	/* the first screen, before idle */
	assert_int_equal(more_calls, 0);
	assert_int_equal(ui_idle(ui), UI_DRAW_DETAIL);
	assert_int_equal(ui_idle(ui), UI_NONE);
	assert_int_equal(more_calls, 1);
	v = ui_detail_view(ui);		/* rebuilt: it names the owner now */
	for (i = 0; i < v->d.n; i++)
		late |= strstr(v->d.fields[i].text, "late") != NULL;
	assert_true(late);
	ui_free(ui);
	/* A note from more: on the status line, as an error. */
	ui = ui_new(reg);
	ui_set_host(ui, &ov);
	ui_set_host_more(ui, more, &socks);
	assert_int_equal(ui_idle(ui), UI_DRAW_DETAIL | UI_DRAW_STATUS);
	assert_non_null(strstr(ui->msg, "(left out)"));
	assert_true(ui->msg_error);
	ui_free(ui);
	free(socks.s);
	registry_free(reg);
}

static void
browser_marks_filters_and_frees(void **state)
{
	struct registry		*reg = small_registry();
	struct ovl_list		*svc;
	struct ovl_sockets	 socks = { 0 };
	struct ovl_socket	*s;
	struct overlay		 ov = { 0 };
	struct ui		*ui;
	char			*err = NULL;
	int32_t			 first;

	(void)state;
	svc = LOAD("secsh 22/tcp\n");
	s = ovl_sockets_add(&socks);
	s->proto = PROTO_TCP;
	s->port = 80;
	s->pid = 42;
	strcpy(s->command, "nginx");
	s = ovl_sockets_add(&socks);
	s->proto = PROTO_UDP;
	s->port = 30;
	strcpy(s->command, "dnsd");
	ovl_sockets_finish(&socks);
	ov.services = svc;
	ov.sockets = &socks;

	ui = ui_new(reg);
	ui_set_host(ui, &ov);
	assert_int_equal(ui_host_marker(ui_host_marks(ui, 4)), '@');
	assert_int_equal(ui_host_marker(ui_host_marks(ui, 1)), '~');
	assert_int_equal(ui_host_marker(ui_host_marks(ui, 2)), ' ');
	assert_int_equal(ui_host_marker(ui_host_marks(ui, 3)), '@');

	/* host: keeps the rows in use; its pattern matches the command. */
	ui_set_filter(ui, "host:");
	assert_int_equal(ui->view->n, 2);
	ui_set_filter(ui, "host:ngi");
	assert_int_equal(ui->view->n, 1);
	assert_int_equal(ui_row(ui), 4);
	ui_set_filter(ui, "host:nosuch");
	assert_int_equal(ui->view->n, 1);	/* no rows: filter unchanged */
	assert_non_null(strstr(ui->msg, "No rows match"));
	ui_set_filter(ui, "");

	/* A socket in a gap no row lists (7000-65535): the filter keeps
	   that gap's row; a search, whose matches are records, does not. */
	s = ovl_sockets_add(&socks);
	s->proto = PROTO_TCP;
	s->port = 50000;
	strcpy(s->command, "ephem");
	ovl_sockets_finish(&socks);
	ui_set_host(ui, &ov);
	ui_set_filter(ui, "host:ephem");
	assert_int_equal(ui->view->n, 1);
	assert_true(ROW_IS_GAP(ui_row(ui)));
	ui_set_filter(ui, "");
	ui_search(ui, "host:ephem", 1);
	assert_int_equal(ui->n_matches, 0);
	ui_search(ui, "host:.", 1);
	assert_int_equal(ui->n_matches, 2);	/* records 3 and 4 */

	/* The detail pane names the process and the services(5) name. */
	ui_goto(ui, "80/tcp");
	{
		const struct ui_detail_view	*v = ui_detail_view(ui);
		size_t				 i;
		int				 proc = 0;

		for (i = 0; i < v->d.n; i++)
			proc |= strstr(v->d.fields[i].text, "nginx") != NULL &&
			    strstr(v->d.fields[i].text, "pid 42") != NULL;
		assert_true(proc);
	}

	/* F: the best block of 1 in 1024-49151, then the next. */
	ui_host_free(ui, 1);
	first = ui_row(ui);
	assert_true(ROW_IS_GAP(first));
	assert_non_null(strstr(ui->msg, "Free 1 of"));
	ui_host_free(ui, 1);
	assert_non_null(strstr(ui->msg, "Free 2 of"));
	ui_host_free(ui, 0);
	assert_int_equal(ui->msg_error, 1);

	ui_free(ui);
	free(socks.s);
	ovl_list_free(svc);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(services_read_aliases_comments_crlf),
		cmocka_unit_test(nmap_detected_with_frequencies),
		cmocka_unit_test(bad_lines_are_warnings_with_lines),
		cmocka_unit_test(neither_format_is_an_error),
		cmocka_unit_test(long_line_is_a_warning),
		cmocka_unit_test(compare_gives_each_class),
		cmocka_unit_test(free_blocks_avoid_every_list_and_rank),
		cmocka_unit_test(browser_marks_filters_and_frees),
		cmocka_unit_test(idle_completes_the_overlay_once),
	};

	return RUN_TESTS(tests);
}
