/*
 * test-load-fixed.c - the fixed-width text loader on an excerpt of the
 * 2013 file (tests/data/fixed-excerpt.txt: the preamble and ports 0-35,
 * then cuts at row boundaries: 62-63 with whois++ above whoispp, the
 * 225-241 range, a wrapped service name, x11 6000-6063, name-only
 * entries, the People section with a three-line organization, a person
 * without mailto:, one with two URIs, and the Footnote), on tables laid
 * out here with other column widths, and on bad input.  The whole 2013
 * file is test-load-fixed-2013.c's.
 */

#include "config.h"

#include "test.h"
#include "test-loader.h"
#include "test-fixed.h"

#include "load.h"
#include "registry.h"
#include "xmalloc.h"

#define EXCERPT		"fixed-excerpt.txt"
#define EXCERPT_RECORDS	103	/* anchor lines: 96 with a port, 7 with
				   a service name only */
#define EXCERPT_PEOPLE	14	/* lines starting "[" before Footnote */

/*
 * Load len bytes with load_fixed into a fresh registry, finished when
 * the load succeeds.  The text is copied into a buffer of exactly len + 1
 * bytes, overwritten and freed before returning: the registry must not
 * point into it.
 */
static struct registry *
fixed_load(const char *text, size_t len, int *rc, char **err)
{
	return test_loader_load(load_fixed, "t.txt", 1, text, len, rc, err);
}

static struct registry *
fixed_ok(const char *text, size_t len)
{
	return test_loader_ok(load_fixed, "t.txt", 1, text, len);
}

static struct registry *
fixed_excerpt(void)
{
	struct registry	*reg;
	size_t		 len;
	char		*buf = test_loader_read(test_data(EXCERPT), &len);

	reg = fixed_ok(buf, len);
	free(buf);
	return reg;
}

/* --- The excerpt ------------------------------------------------------- */

static void
excerpt_preamble_and_counts(void **state)
{
	struct registry	*reg = fixed_excerpt();

	assert_string_equal(reg->format, "fixed");
	assert_string_equal(reg->title,
	    "Service Name and Transport Protocol Port Number Registry");
	assert_string_equal(reg->updated, "2013-06-26");
	assert_int_equal(reg->n_records, EXCERPT_RECORDS);
	assert_int_equal(reg->n_people, EXCERPT_PEOPLE);
	/* Nothing but people the excerpt leaves out is warned about: not
	   "Apple Remote" (line 167), the start of the name below it, which
	   the tcp and udp rows of 3283 settle, shaped alike. */
	assert_int_equal(fixed_warnings(reg, "not defined in the people "
	    "table"), reg->n_warnings);
	registry_free(reg);
}

static void
excerpt_ports_0_to_35(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*r;
	uint32_t		 idx[128];
	size_t			 n;

	/* One record per anchor line from 0/tcp to 35/udp: 81 lines, 4 of
	   them continuation lines (msp 18 and ssh 22). */
	n = registry_in_range(reg, 0, 35, PROTO_NONE, idx, 128);
	assert_int_equal(n, 77);

	r = fixed_at(reg, 0, PROTO_TCP, NULL);
	assert_string_equal(r->description, "Reserved");
	assert_int_equal(r->kind, KIND_RESERVED);
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "Jon_Postel");
	assert_int_equal(r->n_contacts, 1);
	assert_string_equal(r->contacts[0].id, "Jon_Postel");
	assert_int_equal(r->line, 61);

	/* discard on four protocols. */
	assert_int_equal(registry_at_port(reg, 9, PROTO_NONE, idx, 128), 4);
	r = fixed_at(reg, 9, PROTO_DCCP, "discard");
	assert_string_equal(r->description, "Discard");

	r = fixed_at(reg, 15, PROTO_TCP, NULL);
	assert_string_equal(r->description, "Unassigned [was netstat]");
	assert_int_equal(r->kind, KIND_UNASSIGNED);

	/* A two-line description below its anchor. */
	r = fixed_at(reg, 18, PROTO_UDP, "msp");
	assert_string_equal(r->description,
	    "Message Send Protocol (historic)");

	/* Columns one space apart: date, reference, notes. */
	r = fixed_at(reg, 21, PROTO_TCP, "ftp");
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC959");
	assert_string_equal(r->notes, "Defined TXT keys: u=<username> "
	    "p=<password> path=<path>");
	registry_free(reg);
}

static void
excerpt_ssh_wrapped_description(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*r;

	r = fixed_at(reg, 22, PROTO_TCP, "ssh");
	assert_string_equal(r->description, "The Secure Shell (SSH) Protocol");
	assert_int_equal(r->n_assignees, 0);
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC4251");
	assert_string_equal(r->notes,
	    "Defined TXT keys: u=<username> p=<password>");
	r = fixed_at(reg, 22, PROTO_UDP, "ssh");
	assert_string_equal(r->description, "The Secure Shell (SSH) Protocol");
	/* The next record did not take "Protocol". */
	r = fixed_at(reg, 22, PROTO_SCTP, "ssh");
	assert_string_equal(r->description, "SSH");
	assert_string_equal(r->assignees[0].id, "Randall_Stewart");
	registry_free(reg);
}

static void
excerpt_whois_continuation_above_anchor(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*pp, *plus, *acas;

	pp = fixed_at(reg, 63, PROTO_TCP, "whoispp");
	plus = fixed_at(reg, 63, PROTO_TCP, "whois++");
	assert_ptr_not_equal(pp, plus);
	/* "whois++" and a blank line stand above the whoispp anchor. */
	assert_string_equal(pp->description, "whois++\nIANA assigned this "
	    "well-formed service name as a replacement for \"whois++\".");
	assert_non_null(strstr(pp->description,
	    "replacement for \"whois++\""));
	assert_true(pp->line < plus->line);
	assert_null(pp->notes);
	assert_string_equal(plus->description, "whois++");
	assert_string_equal(plus->notes, "This entry is an alias to "
	    "\"whoispp\". This entry is now historic, not usable for use "
	    "with many common service discovery mechanisms.");
	assert_string_equal(plus->assignees[0].id, "Rickard_Schoultz");
	/* The record above kept its own one-line description. */
	acas = fixed_at(reg, 62, PROTO_UDP, "acas");
	assert_string_equal(acas->description, "ACA Services");
	/* And the udp pair is read the same way. */
	pp = fixed_at(reg, 63, PROTO_UDP, "whoispp");
	assert_non_null(strstr(pp->description,
	    "replacement for \"whois++\""));
	plus = fixed_at(reg, 63, PROTO_UDP, "whois++");
	assert_string_equal(plus->description, "whois++");
	registry_free(reg);
}

static void
excerpt_ranges(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*r;

	r = fixed_at(reg, 230, PROTO_NONE, NULL);
	assert_int_equal(r->port_lo, 225);
	assert_int_equal(r->port_hi, 241);
	assert_int_equal(r->proto, PROTO_NONE);
	assert_int_equal(r->kind, KIND_RESERVED);
	r = fixed_at(reg, 6010, PROTO_TCP, "x11");
	assert_int_equal(r->port_lo, 6000);
	assert_int_equal(r->port_hi, 6063);
	assert_string_equal(r->description, "X Window System");
	registry_free(reg);
}

static void
excerpt_wrapped_service_name(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*r;

	/* "Apple Remote" / "Desktop (Net" / "Assistant)": one record each
	   for tcp and udp, not six. */
	r = fixed_at(reg, 3283, PROTO_TCP,
	    "Apple Remote Desktop (Net Assistant)");
	assert_string_equal(r->description, "Net Assistant");
	assert_string_equal(r->assignees[0].id, "Michael_Stein");
	r = fixed_at(reg, 3283, PROTO_UDP,
	    "Apple Remote Desktop (Net Assistant)");
	assert_string_equal(r->description, "Net Assistant");
	r = fixed_at(reg, 3284, PROTO_TCP, "4talk");
	assert_string_equal(r->description, "4Talk");
	registry_free(reg);
}

static void
excerpt_name_only_entries(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct record	*r;

	r = test_named(reg, "cip4discovery", PROTO_NONE);
	assert_int_equal(r->port_lo, -1);
	assert_int_equal(r->proto, PROTO_NONE);
	/* A three-line cell centred on its anchor. */
	assert_string_equal(r->description, "Discovery of JDF (CIP4 Job "
	    "Definition Format) enabled devices");
	assert_string_equal(r->assignees[0].id, "Stefan_Daun");
	r = test_named(reg, "ciao", PROTO_TCP);
	assert_string_equal(r->description, "Ciao Arduino Protocol");
	/* A name-only ssh with a protocol, apart from ssh 22. */
	assert_int_equal(registry_by_name(reg, "ssh", PROTO_TCP, NULL, 0), 2);
	r = test_named(reg, "ssscreenshare", PROTO_NONE);
	assert_int_equal(r->port_lo, -1);
	assert_string_equal(r->description, "Screen Sharing");
	registry_free(reg);
}

static void
excerpt_people_wrapped_organization(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct person	*p;

	/* "ZigBee Alliance's" above the anchor, "working group" below. */
	p = test_person(reg, "ZigBee_Alliances_Network_Device_working_group");
	assert_null(p->name);
	assert_string_equal(p->org,
	    "ZigBee Alliance's Network Device working group");
	assert_string_equal(p->email, "ljm@exegin.com");
	assert_string_equal(p->updated, "2013-05-28");
	p = test_person(reg, "Ziad_Sawalha");
	assert_string_equal(p->name, "Ziad Sawalha");
	assert_string_equal(p->org, "Rackspace Hosting");
	assert_string_equal(p->email, "ziad.sawalha@rackspace.com");
	assert_string_equal(p->updated, "2011-08-15");
	p = test_person(reg, "Zygmunt_Wiercioch");
	assert_null(p->org);
	registry_free(reg);
}

static void
excerpt_people_uris(void **state)
{
	struct registry		*reg = fixed_excerpt();
	const struct person	*p;

	/* A bare address, without mailto:. */
	p = test_person(reg, "flanne");
	assert_string_equal(p->email, "flanne@vnet.IBM.COM");
	assert_null(p->name);
	/* '&' for '@'. */
	p = test_person(reg, "AMTEC_S_p_A");
	assert_string_equal(p->name, "AMTEC S.p.A");
	assert_string_equal(p->email, "sp.amtec@interbusiness.it");
	/* Two URIs on two lines: the first is the e-mail address. */
	p = test_person(reg, "David_Walend");
	assert_string_equal(p->email, "david@walend.net");
	assert_non_null(p->uri);
	assert_non_null(strstr(p->uri, "salutafugijms"));
	/* Records resolve to people of the table. */
	p = test_person(reg, "Rickard_Schoultz");
	assert_int_equal(p->n_records, 4);
	registry_free(reg);
}

static void
excerpt_footnote_ignored(void **state)
{
	struct registry		*reg = fixed_excerpt();
	size_t			 i;

	assert_string_equal(reg->people[reg->n_people - 1].id,
	    "sn_w_of_renegade_lab");
	for (i = 0; i < reg->n_people; i++)
		assert_string_not_equal(reg->people[i].id, "1");
	registry_free(reg);
}

static void
excerpt_crlf_reads_the_same(void **state)
{
	struct registry	*reg;
	struct buf	 crlf = { NULL, 0, 0 };
	size_t		 len, i;
	char		*buf = test_loader_read(test_data(EXCERPT), &len);

	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			buf_addc(&crlf, '\r');
		buf_addc(&crlf, buf[i]);
	}
	reg = fixed_ok(crlf.data, crlf.len);
	assert_int_equal(reg->n_records, EXCERPT_RECORDS);
	assert_int_equal(reg->n_people, EXCERPT_PEOPLE);
	assert_string_equal(reg->updated, "2013-06-26");
	assert_string_equal(fixed_at(reg, 22, PROTO_TCP, "ssh")->description,
	    "The Secure Shell (SSH) Protocol");
	registry_free(reg);
	buf_free(&crlf);
	free(buf);
}

static void
excerpt_detected_as_fixed(void **state)
{
	struct registry	*reg;
	char		*err = NULL;

	reg = load_file(test_data(EXCERPT), LOAD_AUTO, &err);
	if (reg == NULL)
		fail_msg("%s", err);
	assert_string_equal(reg->format, "fixed");
	assert_int_equal(reg->n_records, EXCERPT_RECORDS);
	registry_free(reg);
}

/* --- Tables laid out here ---------------------------------------------- */

/*
 * A table as IANA's renderer lays it out: columns of the given widths
 * one byte apart, each label centred (the odd space to the right), the
 * cells left-aligned.  Each row of cells is one line; NULL is empty.
 */
struct layout {
	size_t	 start[12];
	size_t	 width[12];
	size_t	 ncols;
};

static void
layout_init(struct layout *lay, const size_t *widths, size_t ncols)
{
	size_t	 c, at = 0;

	lay->ncols = ncols;
	for (c = 0; c < ncols; c++) {
		lay->start[c] = at;
		lay->width[c] = widths[c];
		at += widths[c] + 1;
	}
}

static void
layout_line(struct buf *out, const struct layout *lay,
    const char *const *cells, int centred)
{
	char	 line[1024];
	size_t	 c, len = 0, at, n;

	memset(line, ' ', sizeof line);
	for (c = 0; c < lay->ncols; c++) {
		if (cells[c] == NULL || *cells[c] == '\0')
			continue;
		n = strlen(cells[c]);
		at = lay->start[c];
		if (centred && n < lay->width[c])
			at += (lay->width[c] - n) / 2;
		assert_true(at + n < sizeof line);
		memcpy(line + at, cells[c], n);
		if (at + n > len)
			len = at + n;
	}
	buf_add(out, line, len);
	buf_addc(out, '\n');
}

#define ROW(...)	((const char *const []){ __VA_ARGS__ })

static const size_t narrow[12] = {
	14, 11, 9, 20, 12, 12, 12, 12, 10, 7, 12, 16
};

static void
layout_records_header(struct buf *out, const struct layout *lay)
{
	buf_adds(out, "A Registry\n\n   Last Updated\n\n       2020-02-02\n\n");
	layout_line(out, lay, ROW(NULL, NULL, "Transport", NULL, NULL, NULL,
	    "Registration", "Modification", NULL, "Service", "Known", NULL),
	    1);
	layout_line(out, lay, ROW("Service Name", "Port Number", "Protocol",
	    "Description", "Assignee", "Contact", "Date", "Date",
	    "Reference", "Code", "Unauthorized", "Assignment Notes"), 1);
	layout_line(out, lay, ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL, "Uses", NULL), 1);
}

static void
layout_other_widths_from_header(void **state)
{
	struct layout		 lay;
	struct buf		 out = { NULL, 0, 0 };
	struct registry		*reg;
	const struct record	*r;

	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	layout_line(&out, &lay, ROW("alpha", "100", "tcp", "Alpha service",
	    "[A]", "[A]", "2001-01-01", NULL, "[RFC1]", NULL, NULL, NULL), 0);
	/* beta's description wraps onto three lines centred on its anchor:
	   "Beta" would have fitted after "Alpha service", so it is beta's. */
	layout_line(&out, &lay, ROW(NULL, NULL, NULL, "Beta is the first",
	    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	layout_line(&out, &lay, ROW("beta", "101", "udp", "line of three",
	    "[B][C]", "[C]", "2002-02", "2003-03-03", "[RFC2]", "42",
	    "by someone", "a note"), 0);
	layout_line(&out, &lay, ROW(NULL, NULL, NULL, "wrapped lines",
	    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	layout_line(&out, &lay, ROW(NULL, "102-104", NULL, "Unassigned",
	    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	reg = fixed_ok(out.data, out.len);

	assert_string_equal(reg->updated, "2020-02-02");
	assert_string_equal(reg->title, "A Registry");
	assert_int_equal(reg->n_records, 3);
	assert_int_equal(fixed_warnings(reg, "cannot place"), 0);
	r = fixed_at(reg, 100, PROTO_TCP, "alpha");
	assert_string_equal(r->description, "Alpha service");
	assert_string_equal(r->registered, "2001-01-01");
	assert_null(r->modified);
	r = fixed_at(reg, 101, PROTO_UDP, "beta");
	assert_string_equal(r->description,
	    "Beta is the first line of three wrapped lines");
	assert_int_equal(r->n_assignees, 2);
	assert_string_equal(r->assignees[1].id, "C");
	assert_string_equal(r->contacts[0].id, "C");
	assert_string_equal(r->registered, "2002-02");
	assert_string_equal(r->modified, "2003-03-03");
	assert_string_equal(r->refs[0], "RFC2");
	assert_string_equal(r->service_code, "42");
	assert_string_equal(r->unauthorized, "by someone");
	assert_string_equal(r->notes, "a note");
	r = fixed_at(reg, 103, PROTO_NONE, NULL);
	assert_int_equal(r->port_lo, 102);
	assert_int_equal(r->port_hi, 104);
	registry_free(reg);
	buf_free(&out);
}

static void
layout_people_table(void **state)
{
	static const size_t	 pw[5] = { 20, 12, 14, 24, 10 };
	struct layout		 lay, people;
	struct buf		 out = { NULL, 0, 0 };
	struct registry		*reg;
	const struct person	*p;

	layout_init(&lay, narrow, 12);
	layout_init(&people, pw, 5);
	layout_records_header(&out, &lay);
	layout_line(&out, &lay, ROW("alpha", "100", "tcp", "Alpha", "[Ann_B]",
	    "[Ann_B]", NULL, NULL, NULL, NULL, NULL, NULL), 0);
	buf_adds(&out, "\n                          People\n\n");
	layout_line(&out, &people, ROW("ID", "Name", "Organization",
	    "Contact URI", "Last"), 1);
	layout_line(&out, &people, ROW(NULL, NULL, NULL, NULL, "Updated"), 1);
	layout_line(&out, &people, ROW("[Ann_B]", "Ann B", "Big Org",
	    "mailto:ann&big.example", "2001-01"), 0);
	layout_line(&out, &people, ROW(NULL, NULL, "Carol's Small", NULL,
	    NULL), 0);
	layout_line(&out, &people, ROW("[Carol_S]", NULL, "Organization",
	    "tel:+1-555-0100", NULL), 0);
	layout_line(&out, &people, ROW(NULL, NULL, "of Nobody", NULL, NULL),
	    0);
	buf_adds(&out, "\n            Footnote\n\n   [1] A footnote.\n");
	reg = fixed_ok(out.data, out.len);

	assert_int_equal(reg->n_records, 1);
	assert_int_equal(reg->n_people, 2);
	p = test_person(reg, "Ann_B");
	assert_string_equal(p->name, "Ann B");
	assert_string_equal(p->org, "Big Org");
	assert_string_equal(p->email, "ann@big.example");
	assert_string_equal(p->updated, "2001-01");
	assert_int_equal(p->n_records, 1);
	p = test_person(reg, "Carol_S");
	assert_null(p->name);
	assert_string_equal(p->org, "Carol's Small Organization of Nobody");
	assert_null(p->email);
	assert_string_equal(p->uri, "tel:+1-555-0100");
	assert_int_equal(reg->n_warnings, 0);
	registry_free(reg);
	buf_free(&out);
}

static void
layout_unreadable_header_uses_2013_columns(void **state)
{
	struct registry		*reg;
	const struct record	*r;
	size_t			 len;
	char			*buf = test_loader_read(test_data(EXCERPT), &len);
	char			*hdr;
	struct buf		 out = { NULL, 0, 0 };

	/* The excerpt with a word of no column in its header line. */
	hdr = strstr(buf, " Service Name   Port Number Protocol");
	assert_non_null(hdr);
	buf_add(&out, buf, (size_t)(hdr - buf));
	buf_adds(&out, " Service Name   Port Number Whatever\n");
	hdr = strchr(hdr, '\n');
	buf_add(&out, hdr + 1, len - (size_t)(hdr + 1 - buf));
	reg = fixed_ok(out.data, out.len);

	assert_int_equal(fixed_warnings(reg, "cannot place the record "
	    "columns"), 1);
	assert_int_equal(reg->n_records, EXCERPT_RECORDS);
	r = fixed_at(reg, 22, PROTO_TCP, "ssh");
	assert_string_equal(r->description, "The Secure Shell (SSH) Protocol");
	registry_free(reg);
	buf_free(&out);
	free(buf);
}

/* --- Bad input ---------------------------------------------------------- */

static void
bad_no_header(void **state)
{
	static const char *const inputs[] = {
		"", "\n\n", "hello\nworld\n", "Service Name,Port Number\n",
		"<registry/>", "Service Name\nPort Number\n"
	};
	struct registry	*reg;
	char		*err;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		reg = fixed_load(inputs[i], strlen(inputs[i]), &rc, &err);
		assert_int_equal(rc, -1);
		assert_non_null(err);
		assert_non_null(strstr(err, "expected the column header"));
		assert_true(strncmp(err, "t.txt:", 6) == 0);
		free(err);
		registry_free(reg);
	}
	/* The line named is the last one read. */
	reg = fixed_load("a\nb\nc\n", 6, &rc, &err);
	assert_int_equal(rc, -1);
	assert_true(strncmp(err, "t.txt:3: ", 9) == 0);
	free(err);
	registry_free(reg);
}

static void
bad_header_without_rows(void **state)
{
	struct layout	 lay;
	struct buf	 out = { NULL, 0, 0 };
	struct registry	*reg;

	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	reg = fixed_ok(out.data, out.len);
	assert_int_equal(reg->n_records, 0);
	assert_int_equal(fixed_warnings(reg, "has no rows"), 1);
	registry_free(reg);
	buf_free(&out);

	/* "People" with no people header after it. */
	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	buf_adds(&out, "\n      People\n\n[x] y\n");
	reg = fixed_ok(out.data, out.len);
	assert_int_equal(reg->n_people, 0);
	registry_free(reg);
	buf_free(&out);
}

static void
bad_port_and_protocol_kept_without(void **state)
{
	struct layout		 lay;
	struct buf		 out = { NULL, 0, 0 };
	struct registry		*reg;
	const struct record	*r;

	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	layout_line(&out, &lay, ROW("big", "70000", "tcp", "Too big", NULL,
	    NULL, "someday", NULL, NULL, NULL, NULL, NULL), 0);
	layout_line(&out, &lay, ROW("odd", "7", "xtp", "Odd protocol",
	    "no brackets", NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	layout_line(&out, &lay, ROW("rev", "9-8", "udp", "Reversed", NULL,
	    NULL, "2024-02-30", NULL, NULL, NULL, NULL, NULL), 0);
	reg = fixed_ok(out.data, out.len);

	assert_int_equal(reg->n_records, 3);
	assert_int_equal(fixed_warnings(reg, "expected a port number"), 2);
	assert_int_equal(fixed_warnings(reg, "expected a protocol"), 1);
	/* "someday", and 2024-02-30: the form of a date, not a date.  Each
	   warning names its record as the other loaders' do. */
	assert_int_equal(fixed_warnings(reg, "expected a date"), 2);
	assert_int_equal(fixed_warnings(reg, "big/tcp: expected a date "
	    "(YYYY-MM-DD) in the Registration Date column, found "
	    "\"someday\""), 1);
	assert_int_equal(fixed_warnings(reg, "rev/udp: expected a date "
	    "(YYYY-MM-DD) in the Registration Date column, found "
	    "\"2024-02-30\""), 1);
	assert_int_equal(fixed_warnings(reg, "expected people like [Id]"), 1);
	r = test_named(reg, "big", PROTO_TCP);
	assert_int_equal(r->port_lo, -1);
	assert_string_equal(r->registered, "someday");
	r = test_named(reg, "odd", PROTO_NONE);
	assert_int_equal(r->port_lo, 7);
	assert_int_equal(r->proto, PROTO_NONE);
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "no brackets");
	assert_int_equal(test_named(reg, "rev", PROTO_UDP)->port_lo, -1);
	assert_string_equal(test_named(reg, "rev", PROTO_UDP)->registered,
	    "2024-02-30");
	registry_free(reg);
	buf_free(&out);
}

static void
bad_bytes_never_crash(void **state)
{
	static const char nul[] = "nul\0\0in it    5   tcp  \xff\xfe\xc3 bad\n";
	struct layout	 lay;
	struct buf	 out = { NULL, 0, 0 };
	struct registry	*reg;
	char		*big;
	size_t		 i;

	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	/* Short lines, tabs, invalid UTF-8, NULs, a control character, a
	   200 KB line, a line of only a gutter, CR alone. */
	buf_adds(&out, "x\n\t\t\tnum\t7\n");
	buf_add(&out, nul, sizeof nul - 1);
	buf_adds(&out, "\x1b[31m       8       udp   esc\n");
	big = xmalloc(200001);
	for (i = 0; i < 200000; i++)
		big[i] = i % 7 == 0 ? ' ' : (char)('a' + i % 26);
	big[200000] = '\n';
	buf_add(&out, big, 200001);
	buf_adds(&out, "               \n\r\r\n  1-2-3  \n");
	free(big);
	reg = fixed_ok(out.data, out.len);
	/* Whatever it makes of this, every string is in the arena. */
	for (i = 0; i < reg->n_records; i++) {
		if (reg->records[i].description != NULL)
			assert_true(strlen(reg->records[i].description) <
			    out.len);
	}
	registry_free(reg);

	/* Every prefix of the excerpt: no crash, no error once the header
	   is in. */
	buf_clear(&out);
	{
		size_t	 len, n;
		char	*ex = test_loader_read(test_data(EXCERPT), &len);
		char	*err;
		int	 rc;
		const char *h = strstr(ex, "Uses");

		for (n = (size_t)(h - ex); n < len; n += 97) {
			reg = fixed_load(ex, n, &rc, &err);
			assert_int_equal(rc, 0);
			registry_free(reg);
		}
		free(ex);
	}
	buf_free(&out);
}

static void
bad_endless_continuation_is_cut(void **state)
{
	struct layout	 lay;
	struct buf	 out = { NULL, 0, 0 };
	struct registry	*reg;
	size_t		 i;

	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	layout_line(&out, &lay, ROW("a", "1", "tcp", "A", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL), 0);
	for (i = 0; i < 5000; i++) {
		layout_line(&out, &lay, ROW(NULL, NULL, NULL, "more words",
		    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	}
	layout_line(&out, &lay, ROW("b", "2", "tcp", "B", NULL, NULL, NULL,
	    NULL, NULL, NULL, NULL, NULL), 0);
	reg = fixed_ok(out.data, out.len);
	assert_int_equal(reg->n_records, 2);
	assert_int_equal(fixed_warnings(reg, "the rest ignored"), 1);
	registry_free(reg);
	buf_free(&out);
}

static void
bad_no_adjacent_anchors_for_long(void **state)
{
	struct layout		 lay;
	struct buf		 out = { NULL, 0, 0 };
	struct registry		*reg;
	char			 name[16], port[8];
	size_t			 i;

	/* 10,000 rows of two lines: no two anchors adjacent, so the rows are
	   shared out in runs of bounded length; every run must agree. */
	layout_init(&lay, narrow, 12);
	layout_records_header(&out, &lay);
	for (i = 0; i < 10000; i++) {
		snprintf(name, sizeof name, "svc%zu", i);
		snprintf(port, sizeof port, "%zu", 1000 + i);
		layout_line(&out, &lay, ROW(name, port, "tcp",
		    "Service number", NULL, NULL, NULL, NULL, NULL, NULL,
		    NULL, NULL), 0);
		layout_line(&out, &lay, ROW(NULL, NULL, NULL, "wrapped text",
		    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), 0);
	}
	reg = fixed_ok(out.data, out.len);
	assert_int_equal(reg->n_records, 10000);
	assert_int_equal(reg->n_warnings, 0);
	for (i = 0; i < reg->n_records; i++) {
		assert_string_equal(reg->records[i].description,
		    "Service number wrapped text");
		assert_int_equal(reg->records[i].port_lo, 1000 + (int32_t)i);
		assert_int_equal(reg->records[i].line, 10 + 2 * i);
	}
	registry_free(reg);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(excerpt_preamble_and_counts),
		cmocka_unit_test(excerpt_ports_0_to_35),
		cmocka_unit_test(excerpt_ssh_wrapped_description),
		cmocka_unit_test(excerpt_whois_continuation_above_anchor),
		cmocka_unit_test(excerpt_ranges),
		cmocka_unit_test(excerpt_wrapped_service_name),
		cmocka_unit_test(excerpt_name_only_entries),
		cmocka_unit_test(excerpt_people_wrapped_organization),
		cmocka_unit_test(excerpt_people_uris),
		cmocka_unit_test(excerpt_footnote_ignored),
		cmocka_unit_test(excerpt_crlf_reads_the_same),
		cmocka_unit_test(excerpt_detected_as_fixed),
		cmocka_unit_test(layout_other_widths_from_header),
		cmocka_unit_test(layout_people_table),
		cmocka_unit_test(layout_unreadable_header_uses_2013_columns),
		cmocka_unit_test(bad_no_header),
		cmocka_unit_test(bad_header_without_rows),
		cmocka_unit_test(bad_port_and_protocol_kept_without),
		cmocka_unit_test(bad_bytes_never_crash),
		cmocka_unit_test(bad_endless_continuation_is_cut),
		cmocka_unit_test(bad_no_adjacent_anchors_for_long),
	};

	return RUN_TESTS(tests);
}
