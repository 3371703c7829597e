/*
 * test-load-csv.c - the CSV loader on excerpts of IANA's CSV, on
 * hand-made bad input, and on the full 2025-07 file when present.
 */

#include "config.h"

#include "test.h"
#include "test-loader.h"

#include "load.h"
#include "registry.h"
#include "xmalloc.h"

/* Header of IANA's CSV. */
#define HDR "Service Name,Port Number,Transport Protocol,Description," \
	"Assignee,Contact,Registration Date,Modification Date,Reference," \
	"Service Code,Unauthorized Use Reported,Assignment Notes\n"

/* Rows the python csv module counts in tests/data/csv-excerpt.csv. */
#define EXCERPT_ROWS	66

/*
 * Load len bytes of text with load_csv into a fresh registry.  The text
 * is copied into a buffer of exactly len + 1 bytes (so that a sanitizer
 * sees any over-read) which is freed before returning: the registry must
 * not point into it.
 */
static struct registry *
csv_load(const char *text, size_t len, int *rc, char **err)
{
	return test_loader_load(load_csv, "t.csv", 0, text, len, rc, err);
}

/* Load text that must load: no error. */
static struct registry *
csv_ok(const char *text)
{
	return test_loader_ok(load_csv, "t.csv", 0, text, strlen(text));
}

/* Load text that must fail; returns the message (caller frees). */
static char *
csv_fails(const char *text, size_t len)
{
	return test_loader_fails(load_csv, "t.csv", text, len);
}

static struct registry *
excerpt(void)
{
	struct registry	*reg;
	char		*buf, *err;
	size_t		 len;
	int		 rc;

	buf = test_loader_read(test_data("csv-excerpt.csv"), &len);
	reg = csv_load(buf, len, &rc, &err);
	free(buf);
	if (rc != 0)
		fail_msg("%s", err);
	return reg;
}

/* The first record with this name (NULL: no name), port and protocol. */
static const struct record *
find(const struct registry *reg, const char *service, int32_t port,
    enum proto proto)
{
	size_t			 i;
	const struct record	*r;

	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (r->port_lo != port || r->proto != proto)
			continue;
		if (service == NULL ? r->service == NULL :
		    (r->service != NULL && strcmp(r->service, service) == 0))
			return r;
	}
	fail_msg("no record %s %d/%s", service ? service : "(none)", port,
	    proto_name(proto));
	return NULL;
}

/* Does some warning on this line contain text? */
static int
warned(const struct registry *reg, uint32_t line, const char *text)
{
	size_t	 i;

	for (i = 0; i < reg->n_warnings; i++) {
		if (reg->warnings[i].line == line &&
		    strstr(reg->warnings[i].text, text) != NULL)
			return 1;
	}
	return 0;
}

static void
dump_warnings(const struct registry *reg)
{
	size_t	 i;

	for (i = 0; i < reg->n_warnings && i < 20; i++)
		print_message("# warning line %u: %s\n", reg->warnings[i].line,
		    reg->warnings[i].text);
}

/* --- The excerpt of the real file ------------------------------------ */

static void
excerpt_loads_every_row_without_warnings(void **state)
{
	struct registry	*reg = excerpt();

	dump_warnings(reg);
	assert_int_equal(reg->n_records, EXCERPT_ROWS);
	assert_int_equal(reg->n_warnings, 0);
	assert_string_equal(reg->format, "csv");
	assert_null(reg->updated);
	/* Registry order is file order, lines are physical lines. */
	assert_int_equal(reg->records[0].line, 2);
	assert_int_equal(reg->records[0].port_lo, 0);
	assert_string_equal(reg->records[reg->n_records - 1].service, "rdp");
	assert_int_equal(reg->records[reg->n_records - 1].line, 122);
	registry_finish(reg);
	registry_free(reg);
}

static void
embedded_newlines_and_line_numbers(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, "whoispp", 63, PROTO_TCP);
	assert_int_equal(r->line, 24);
	assert_string_equal(r->description, "whois++\nIANA assigned this "
	    "well-formed service name as a replacement for \"whois++\".");
	r = find(reg, "whois++", 63, PROTO_TCP);
	assert_int_equal(r->line, 26);
	assert_string_equal(r->description, "whois++");
	assert_string_equal(r->notes, "This entry is an alias to "
	    "\"whoispp\".\nThis entry is now historic, not usable for use "
	    "with many\ncommon service discovery mechanisms.");
	/* The row after a three-line row starts three lines later. */
	assert_int_equal(find(reg, "whoispp", 63, PROTO_UDP)->line, 29);
	r = find(reg, "www-http", 80, PROTO_TCP);
	assert_int_equal(r->line, 48);
	assert_non_null(strstr(r->notes, "\n        Known Subtypes: _printer"));
	assert_non_null(strstr(r->notes, "just \"http\", actually"));
	assert_int_equal(find(reg, "www-http", 80, PROTO_UDP)->line, 69);
	registry_free(reg);
}

static void
reference_with_newline_and_free_text(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, "pon-ictp", 7202, PROTO_TCP);
	assert_int_equal(r->line, 105);
	assert_non_null(strchr(r->description, '\n'));
	assert_int_equal(r->n_refs, 2);
	assert_string_equal(r->refs[0], "TR-352");
	assert_true(strncmp(r->refs[1], "Inter-Channel-Termination protocol "
	    "(ICTP) is a peer-to-peer protocol with\n", 73) == 0);
	assert_int_equal(find(reg, NULL, 7202, PROTO_UDP)->line, 109);

	r = find(reg, "x510", 9877, PROTO_TCP);
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "ITU-T X.510 / ISO/IEC 9584-11");
	r = find(reg, "nbd", 10809, PROTO_TCP);
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "https://github.com/"
	    "NetworkBlockDevice/nbd/blob/master/doc/proto.md");
	registry_free(reg);
}

static void
reference_lists(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, "exp1", 1021, PROTO_DCCP);
	assert_int_equal(r->n_refs, 3);
	assert_string_equal(r->refs[0], "1");
	assert_string_equal(r->refs[1], "RFC4727");
	assert_string_equal(r->refs[2], "RFC6335");
	r = find(reg, "dns-push-tls", -1, PROTO_TCP);
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC8765, Section 6.1");
	r = find(reg, "new-rwho", 550, PROTO_UDP);
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "n/a");
	assert_int_equal(find(reg, "tcpmux", 1, PROTO_TCP)->n_refs, 0);
	registry_free(reg);
}

static void
people_lists(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, "helix", 10860, PROTO_UDP);
	assert_int_equal(r->n_assignees, 2);
	assert_string_equal(r->assignees[0].id, "Matthew_Strange");
	assert_string_equal(r->assignees[1].id, "Larry_Atkin_2");
	assert_int_equal(r->n_contacts, 2);
	assert_string_equal(r->contacts[1].id, "Larry_Atkin_2");
	r = find(reg, "pcoip", 4172, PROTO_TCP);
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "Teradici");
	assert_int_equal(r->n_contacts, 1);
	assert_string_equal(r->contacts[0].id, "Jeff_Dillabough");
	assert_string_equal(r->registered, "2009-12-23");
	assert_string_equal(r->modified, "2012-03-06");
	r = find(reg, NULL, 4, PROTO_TCP);
	assert_int_equal(r->n_assignees, 0);
	assert_int_equal(r->n_contacts, 0);
	registry_free(reg);
}

static void
reserved_port_zero_and_deassigned(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, NULL, 0, PROTO_TCP);
	assert_string_equal(r->description, "Reserved");
	assert_null(r->registered);
	assert_string_equal(r->modified, "2024-12-20");
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC6335");
	assert_null(r->notes);
	assert_null(r->service_code);
	r = find(reg, NULL, 2, PROTO_UDP);
	assert_string_equal(r->notes, "De-assigned on 2025-02-13, previously "
	    "compressnet by [Bernie_Volz]");
	registry_free(reg);
}

static void
port_range_unauthorized_and_service_code(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, "x11", 6000, PROTO_TCP);
	assert_int_equal(r->port_hi, 6063);
	assert_non_null(r->unauthorized);
	assert_true(strncmp(r->unauthorized, "Known Unauthorized Use", 22) == 0);
	r = find(reg, "discard", 9, PROTO_DCCP);
	assert_int_equal(r->port_hi, 9);
	assert_string_equal(r->service_code, "1145656131");
	assert_null(find(reg, "discard", 9, PROTO_SCTP)->service_code);
	registry_free(reg);
}

static void
name_only_rows(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;
	size_t			 i, rdp = 0;

	r = find(reg, "argus", -1, PROTO_NONE);
	assert_int_equal(r->port_hi, -1);
	assert_string_equal(r->description, "ARGUS Protocol");
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		if (r->service != NULL && strcmp(r->service, "rdp") == 0) {
			assert_int_equal(r->port_lo, -1);
			rdp++;
		}
	}
	assert_int_equal(rdp, 2);
	r = find(reg, "dccp-ping", -1, PROTO_DCCP);
	assert_string_equal(r->service_code, "1885957735");
	assert_string_equal(r->registered, "2012-11-14");
	registry_free(reg);
}

static void
note_starting_with_a_quote(void **state)
{
	struct registry		*reg = excerpt();
	const struct record	*r;

	r = find(reg, NULL, 44323, PROTO_UDP);
	assert_int_equal(r->line, 117);
	assert_string_equal(r->description, "Unassigned");
	assert_string_equal(r->notes, "\"pcp\" assignment withdrawn, moved "
	    "to port 5351 per RFC6887");
	registry_free(reg);
}

/* Every field of two records is the same. */
static void
assert_same_record(const struct record *a, const struct record *b)
{
	uint32_t	 i;

#define SAME_STR(f) do { \
	if (a->f == NULL || b->f == NULL) \
		assert_ptr_equal(a->f, b->f); \
	else \
		assert_string_equal(a->f, b->f); \
} while (0)
	SAME_STR(service);
	SAME_STR(description);
	SAME_STR(registered);
	SAME_STR(modified);
	SAME_STR(service_code);
	SAME_STR(unauthorized);
	SAME_STR(notes);
#undef SAME_STR
	assert_int_equal(a->port_lo, b->port_lo);
	assert_int_equal(a->port_hi, b->port_hi);
	assert_int_equal(a->proto, b->proto);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->n_assignees, b->n_assignees);
	for (i = 0; i < a->n_assignees; i++)
		assert_string_equal(a->assignees[i].id, b->assignees[i].id);
	assert_int_equal(a->n_contacts, b->n_contacts);
	for (i = 0; i < a->n_contacts; i++)
		assert_string_equal(a->contacts[i].id, b->contacts[i].id);
	assert_int_equal(a->n_refs, b->n_refs);
	for (i = 0; i < a->n_refs; i++)
		assert_string_equal(a->refs[i], b->refs[i]);
}

static void
crlf_and_bom_load_like_lf(void **state)
{
	struct registry	*lf = excerpt(), *crlf, *bom;
	struct buf	 b = { 0 };
	char		*text, *err;
	size_t		 len, i;
	int		 rc;

	/* CR LF everywhere, inside quoted fields too, then a BOM. */
	text = test_loader_read(test_data("csv-excerpt.csv"), &len);
	buf_adds(&b, "\xef\xbb\xbf");
	for (i = 0; i < len; i++) {
		if (text[i] == '\n')
			buf_addc(&b, '\r');
		buf_addc(&b, text[i]);
	}
	free(text);
	crlf = csv_load(b.data + 3, b.len - 3, &rc, &err);
	assert_int_equal(rc, 0);
	bom = csv_load(b.data, b.len, &rc, &err);
	assert_int_equal(rc, 0);
	buf_free(&b);

	assert_int_equal(crlf->n_warnings, 0);
	assert_int_equal(bom->n_warnings, 0);
	assert_int_equal(crlf->n_records, lf->n_records);
	assert_int_equal(bom->n_records, lf->n_records);
	for (i = 0; i < lf->n_records; i++) {
		assert_same_record(&lf->records[i], &crlf->records[i]);
		assert_same_record(&lf->records[i], &bom->records[i]);
	}
	assert_null(strchr(find(crlf, "whois++", 63, PROTO_UDP)->notes, '\r'));
	registry_free(lf);
	registry_free(crlf);
	registry_free(bom);
}

/* --- Hand-made input ------------------------------------------------- */

static void
header_columns_mapped_by_name(void **state)
{
	struct registry		*reg;
	const struct record	*r;

	/* Reordered, other case, blanks, an unknown extra column. */
	reg = csv_ok("Assignment Notes,port number , Service Name,Extra,"
	    "Transport Protocol,Description,Contact,Assignee,"
	    "Modification Date,Registration Date,Service Code,"
	    "Unauthorized Use Reported,Reference\n"
	    "a note,10809,nbd,xx,tcp,Network Block Device,[C],[A],"
	    "2024-04-30,2010-08-02,42,bad,[RFC1]\n");
	assert_int_equal(reg->n_records, 1);
	assert_int_equal(reg->n_warnings, 1);
	assert_true(warned(reg, 1, "Extra"));
	r = &reg->records[0];
	assert_string_equal(r->service, "nbd");
	assert_int_equal(r->port_lo, 10809);
	assert_int_equal(r->proto, PROTO_TCP);
	assert_string_equal(r->description, "Network Block Device");
	assert_string_equal(r->assignees[0].id, "A");
	assert_string_equal(r->contacts[0].id, "C");
	assert_string_equal(r->registered, "2010-08-02");
	assert_string_equal(r->modified, "2024-04-30");
	assert_string_equal(r->refs[0], "RFC1");
	assert_string_equal(r->service_code, "42");
	assert_string_equal(r->unauthorized, "bad");
	assert_string_equal(r->notes, "a note");
	assert_int_equal(r->line, 2);
	registry_free(reg);
}

#define HDR_TWICE "Service Name,Port Number,Transport Protocol," \
	"Description,Assignee,Contact,Registration Date,Modification Date," \
	"Reference,Service Code,Unauthorized Use Reported,Assignment Notes," \
	"Port Number\n"

static void
bad_header_is_an_error_at_line_1(void **state)
{
	static const char	*bad[] = {
		"Service,Port,Protocol\n,1,tcp\n",
		"nbd,10809,tcp,Network Block Device,,,,,,,,\n",
		/* the XML and the pasted text are not CSV */
		"<?xml version=\"1.0\"?>\n<registry>\n",
		"Service Name Port Number Transport Protocol Description\n",
		"",
		"\xef\xbb\xbf",
		/* a column missing, and one twice */
		"Service Name,Port Number,Transport Protocol,Description,"
		"Assignee,Contact,Registration Date,Modification Date,"
		"Reference,Service Code,Unauthorized Use Reported\n",
	};
	char	*err;
	size_t	 i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err = csv_fails(bad[i], strlen(bad[i]));
		assert_true(strncmp(err, "t.csv:1: expected the CSV header", 32)
		    == 0);
		free(err);
	}
	err = csv_fails(HDR_TWICE, strlen(HDR_TWICE));
	assert_non_null(strstr(err, "t.csv:1:"));
	assert_non_null(strstr(err, "\"Port Number\" twice"));
	free(err);
	/* The missing column is named. */
	err = csv_fails(bad[6], strlen(bad[6]));
	assert_non_null(strstr(err, "no column \"Assignment Notes\""));
	free(err);
}

static void
unclosed_quote_names_where_the_field_began(void **state)
{
	char	*err;
	char	 text[] = HDR
	    "a,1,tcp,A,,,,,,,,\n"
	    "b,2,tcp,\"never closed,,,,,,,,\n"
	    "c,3,tcp,C,,,,,,,,\n"
	    "d,4,tcp,D,,,,,,,,\n";

	err = csv_fails(text, strlen(text));
	assert_string_equal(err, "t.csv:3:9: expected closing quote of the "
	    "field that starts here, found the end of the file");
	free(err);
	/* An odd quote inside a quoted field also leaves it open. */
	err = csv_fails(HDR "a,1,tcp,\"x\"\"y,,,,,,,,\n",
	    strlen(HDR "a,1,tcp,\"x\"\"y,,,,,,,,\n"));
	assert_non_null(strstr(err, "t.csv:2:9: expected closing quote"));
	free(err);
}

static void
short_and_long_rows(void **state)
{
	struct registry		*reg;
	const struct record	*r;

	reg = csv_ok(HDR
	    "short,1,tcp,Short row\n"
	    "trail,2,tcp,Trailing comma,,,,,,,,,\n"
	    "long,3,tcp,Comma, unquoted,,,,,,,,note\n"
	    "ok,4,udp,Fine,,,,,,,,\n");
	dump_warnings(reg);
	assert_int_equal(reg->n_records, 3);
	assert_int_equal(reg->n_warnings, 3);
	assert_true(warned(reg, 2, "4 fields, expected 12"));
	assert_true(warned(reg, 3, "13 fields, expected 12"));
	assert_true(warned(reg, 4, "row skipped"));
	r = find(reg, "short", 1, PROTO_TCP);
	assert_string_equal(r->description, "Short row");
	assert_null(r->notes);
	assert_string_equal(find(reg, "trail", 2, PROTO_TCP)->description,
	    "Trailing comma");
	assert_int_equal(find(reg, "ok", 4, PROTO_UDP)->line, 5);
	registry_free(reg);
}

static void
bad_ports_are_dropped_with_a_warning(void **state)
{
	struct registry		*reg;
	const struct record	*r;
	size_t			 i;

	reg = csv_ok(HDR
	    "big,70000,tcp,Too big,,,,,,,,\n"
	    "neg,-1,tcp,Negative,,,,,,,,\n"
	    "rev,20-10,udp,Reversed,,,,,,,,\n"
	    "word,eighty,tcp,Not a number,,,,,,,,\n"
	    "huge,99999999999999999999,tcp,Overflow,,,,,,,,\n"
	    "half,10-,tcp,Half a range,,,,,,,,\n"
	    "edge,65535,tcp,Highest,,,,,,,,\n"
	    "span, 0 - 65535 ,tcp,Everything,,,,,,,,\n");
	dump_warnings(reg);
	assert_int_equal(reg->n_records, 8);
	assert_int_equal(reg->n_warnings, 6);
	assert_true(warned(reg, 2, "\"70000\" is outside 0-65535"));
	assert_true(warned(reg, 3, "\"-1\" is not a port"));
	assert_true(warned(reg, 4, "\"20-10\" is a reversed range"));
	assert_true(warned(reg, 5, "\"eighty\""));
	assert_true(warned(reg, 6, "is outside 0-65535"));
	assert_true(warned(reg, 7, "\"10-\""));
	for (i = 0; i < 6; i++) {
		r = &reg->records[i];
		assert_int_equal(r->port_lo, -1);
		assert_int_equal(r->port_hi, -1);
		assert_non_null(r->service);
		assert_non_null(r->description);
	}
	assert_int_equal(reg->records[2].proto, PROTO_UDP);
	r = find(reg, "edge", 65535, PROTO_TCP);
	assert_int_equal(r->port_hi, 65535);
	r = find(reg, "span", 0, PROTO_TCP);
	assert_int_equal(r->port_hi, 65535);
	registry_free(reg);
}

static void
unknown_protocol_and_odd_fields(void **state)
{
	struct registry		*reg;
	const struct record	*r;

	reg = csv_ok(HDR
	    "x,1,quic,Odd protocol,,,,,,,,\n"
	    "y,2,TCP,Upper case,Jon Postel,[A] [B],2020-1-1,,free text,,,\n"
	    "z,3,udp,\"quoted\"tail,,,,,,,,\n");
	dump_warnings(reg);
	assert_int_equal(reg->n_records, 3);
	assert_true(warned(reg, 2, "unknown protocol \"quic\""));
	/* The warning names the record: its name and port so far. */
	assert_true(warned(reg, 2, "x 1: unknown protocol \"quic\""));
	assert_true(warned(reg, 3, "y 2/tcp: Assignee \"Jon Postel\" is not"));
	r = &reg->records[0];
	assert_int_equal(r->proto, PROTO_NONE);
	assert_int_equal(r->port_lo, 1);
	r = &reg->records[1];
	assert_int_equal(r->proto, PROTO_TCP);
	/* Not a people list: kept whole, warned. */
	assert_true(warned(reg, 3, "Assignee \"Jon Postel\""));
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "Jon Postel");
	assert_int_equal(r->n_contacts, 2);
	assert_string_equal(r->contacts[1].id, "B");
	assert_true(warned(reg, 3, "registration date \"2020-1-1\""));
	assert_string_equal(r->registered, "2020-1-1");
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "free text");
	r = &reg->records[2];
	assert_true(warned(reg, 4, "after a closing quote"));
	assert_string_equal(r->description, "quotedtail");
	assert_int_equal(reg->n_warnings, 4);
	registry_free(reg);
}

static void
nul_bytes_blank_lines_and_quotes_in_text(void **state)
{
	struct registry		*reg;
	const struct record	*r;
	char			*err;
	int			 rc;
	static const char	 text[] = HDR
	    "a,1,tcp,N\0L,,,,,,,,\n"
	    "\n"
	    "   \n"
	    "\r\n"
	    ",,,,,,,,,,,\n"
	    "b,2,tcp,\"q\0q\",,,,,,,,\n"
	    "c,3,tcp,  \"blank before\"  ,,,,,,,,\r\n"
	    "d,4,tcp,5\" floppy,,,,,,,,\n"
	    "e,5,tcp,Last row without a line end,,,,,,,,";

	reg = csv_load(text, sizeof text - 1, &rc, &err);
	assert_int_equal(rc, 0);
	dump_warnings(reg);
	assert_int_equal(reg->n_records, 3);
	assert_true(warned(reg, 2, "NUL"));
	assert_true(warned(reg, 6, "empty"));
	assert_true(warned(reg, 7, "NUL"));
	assert_int_equal(reg->n_warnings, 3);
	r = find(reg, "c", 3, PROTO_TCP);
	assert_string_equal(r->description, "blank before");
	assert_int_equal(r->line, 8);
	assert_string_equal(find(reg, "d", 4, PROTO_TCP)->description,
	    "5\" floppy");
	assert_int_equal(find(reg, "e", 5, PROTO_TCP)->line, 10);
	registry_free(reg);

	/* In the header, a NUL is fatal. */
	err = csv_fails("Service Name\0,Port Number\n", 26);
	assert_non_null(strstr(err, "t.csv:1: expected the CSV header"));
	assert_non_null(strstr(err, "NUL"));
	free(err);
}

static void
too_many_problems_is_an_error(void **state)
{
	struct buf	 b = { 0 };
	char		*err;
	int		 i;

	buf_adds(&b, HDR);
	for (i = 0; i < 5000; i++)
		buf_adds(&b, "x\n");
	err = csv_fails(b.data, b.len);
	assert_non_null(strstr(err, "t.csv:1002: expected IANA's CSV"));
	free(err);
	buf_free(&b);
}

/*
 * Every prefix of the excerpt loads or fails cleanly, and fails exactly
 * when the cut leaves the header incomplete or a quote open (the excerpt
 * has quotes only around fields).
 */
static void
every_truncation_is_safe(void **state)
{
	struct registry	*reg;
	char		*text, *err;
	size_t		 len, n, header, ok = 0;
	int		 rc, open = 0;

	text = test_loader_read(test_data("csv-excerpt.csv"), &len);
	header = strcspn(text, "\n");
	for (n = 0; n <= len; n++) {
		if (n > 0 && text[n - 1] == '"')
			open = !open;
		reg = csv_load(text, n, &rc, &err);
		if (n < header || open) {
			assert_int_equal(rc, -1);
			assert_non_null(err);
			free(err);
		} else {
			assert_int_equal(rc, 0);
			assert_null(err);
			assert_true(reg->n_records <= EXCERPT_ROWS);
			ok++;
		}
		registry_free(reg);
	}
	assert_true(ok > 0);
	free(text);
}

/* --- The real file --------------------------------------------------- */

/* --- TSV, as -o tsv writes it (issue 14, item 14) ----------------------- */

#define TSV_HDR "Service Name\tPort Number\tTransport Protocol\t" \
	"Description\tAssignee\tContact\tRegistration Date\t" \
	"Modification Date\tReference\tService Code\t" \
	"Unauthorized Use Reported\tAssignment Notes\n"

static struct registry *
tsv_ok(const char *text)
{
	return test_loader_ok(load_tsv, "t.tsv", 0, text, strlen(text));
}

static void
tsv_reads_escapes_and_columns(void **state)
{
	struct registry		*reg;
	const struct record	*r;

	(void)state;
	reg = tsv_ok(TSV_HDR
	    "nbd\t10809\ttcp\tNetwork Block Device\t[Wouter_Verhelst]\t"
	    "[Wouter_Verhelst]\t2010-08-02\t2024-04-30\t[RFC1][a, b]\t\t"
	    "\tline one\\nline two\\ttabbed \\\\ back\\rcr\n"
	    "x\t11\tudp\t\"quoted\" text, comma\t\t\t\t\t\t7\t\t\r\n"
	    "\t12-14\t\tUnassigned\t\t\t\t\t\t\t\t");
	assert_string_equal(reg->format, "tsv");
	assert_int_equal(reg->n_records, 3);
	assert_int_equal(reg->n_warnings, 0);
	r = &reg->records[0];
	assert_string_equal(r->service, "nbd");
	assert_int_equal(r->port_lo, 10809);
	assert_int_equal(r->proto, PROTO_TCP);
	assert_string_equal(r->assignees[0].id, "Wouter_Verhelst");
	assert_string_equal(r->modified, "2024-04-30");
	assert_int_equal(r->n_refs, 2);
	assert_string_equal(r->refs[1], "a, b");
	assert_string_equal(r->notes, "line one\nline two\ttabbed \\ "
	    "back\rcr");
	r = &reg->records[1];
	assert_string_equal(r->description, "\"quoted\" text, comma");
	assert_string_equal(r->service_code, "7");
	assert_null(r->notes);			/* CR LF line end */
	r = &reg->records[2];
	assert_int_equal(r->port_lo, 12);
	assert_int_equal(r->port_hi, 14);
	assert_null(r->service);
	registry_free(reg);
}

static void
tsv_bad_escapes_rows_and_headers(void **state)
{
	struct registry	*reg;
	char		*err;
	int		 rc;

	(void)state;
	/* An unknown escape is kept as written, with a warning. */
	reg = tsv_ok(TSV_HDR "a\t1\ttcp\tC:\\x\\q\\\n");
	assert_int_equal(reg->n_records, 1);
	assert_string_equal(reg->records[0].description, "C:\\x\\q\\");
	assert_true(warned(reg, 2, "backslash"));
	registry_free(reg);
	/* A row with a tab too many and text in it: skipped, warned. */
	reg = tsv_ok(TSV_HDR "a\t1\ttcp\td\t\t\t\t\t\t\t\tn\textra\n"
	    "b\t2\ttcp\n");
	assert_int_equal(reg->n_records, 1);
	assert_true(warned(reg, 2, "a tab not written as \\t"));
	assert_true(warned(reg, 3, "missing ones"));
	registry_free(reg);
	/* Headers: the CSV's under --format-in tsv, and a column short. */
	err = test_loader_fails(load_tsv, "t.tsv", HDR, strlen(HDR));
	assert_non_null(strstr(err, "t.tsv:1: expected the TSV header"));
	free(err);
	err = test_loader_fails(load_tsv, "t.tsv", "Service Name\tPort "
	    "Number\n1\t2\n", 26);
	assert_non_null(strstr(err, "no column \"Transport Protocol\""));
	free(err);
	/* A NUL inside a row: the row is skipped. */
	reg = test_loader_load(load_tsv, "t.tsv", 0, TSV_HDR "a\t1\ttcp\td"
	    "\0x\n", sizeof TSV_HDR - 1 + 11, &rc, &err);
	assert_int_equal(rc, 0);
	assert_int_equal(reg->n_records, 0);
	assert_true(warned(reg, 2, "NUL"));
	registry_free(reg);
}

/*
 * 3,000 generated rows: fields of every length from 0 to 70 (so that
 * lines end anywhere in the splitter's 64-byte blocks), repeated from
 * the row before (shared copies) or not, a Contact the same as the
 * Assignee or not, a quoted row every seventh, and the last row ending
 * the input without a line end.  Every field reads back as written.
 */
#define GEN_ROWS	3000

static void
gen_text(char *buf, size_t size, size_t row, size_t col)
{
	size_t	 len = (row * 7 + col * 13) % 71, i;

	/* Repeat the row before's text in two rows of three. */
	if (row % 3 != 0)
		row -= 1;
	for (i = 0; i < len && i + 1 < size; i++)
		buf[i] = (char)('a' + (row + i * col) % 26);
	buf[i] = '\0';
}

static void
generated_rows_read_back(void **state)
{
	struct buf		 csv = { NULL, 0, 0 };
	struct registry		*reg;
	const struct record	*r;
	char			 t[5][80], who[2][40];
	size_t			 row;

	buf_adds(&csv, HDR);
	for (row = 0; row < GEN_ROWS; row++) {
		gen_text(t[0], sizeof t[0], row, 1);
		gen_text(t[1], sizeof t[1], row, 2);
		gen_text(t[2], sizeof t[2], row, 3);
		gen_text(t[3], sizeof t[3], row, 4);
		gen_text(t[4], sizeof t[4], row, 5);
		snprintf(who[0], sizeof who[0], "[A_%zu]", row / 2);
		if (row % 4 == 0)
			snprintf(who[1], sizeof who[1], "[C_%zu][A_%zu]",
			    row, row / 2);
		else
			snprintf(who[1], sizeof who[1], "%s", who[0]);
		buf_printf(&csv, "%s%s%s,%zu,%s,%s%s%s,%s,%s,,,,,%s,%s%s",
		    row % 7 == 0 ? "\"" : "", t[0], row % 7 == 0 ? "\"" : "",
		    row % 65536, row % 2 ? "udp" : "tcp",
		    row % 7 == 3 ? "\"" : "", t[1], row % 7 == 3 ? "\"" : "",
		    who[0], who[1], t[3], t[4],
		    row + 1 < GEN_ROWS ? "\n" : "");
	}
	reg = csv_ok(csv.data);
	assert_int_equal(reg->n_records, GEN_ROWS);
	assert_int_equal(reg->n_warnings, 0);
	for (row = 0; row < GEN_ROWS; row++) {
		r = &reg->records[row];
		gen_text(t[0], sizeof t[0], row, 1);
		gen_text(t[1], sizeof t[1], row, 2);
		gen_text(t[3], sizeof t[3], row, 4);
		gen_text(t[4], sizeof t[4], row, 5);
		if (t[0][0] == '\0')
			assert_null(r->service);
		else
			assert_string_equal(r->service, t[0]);
		if (t[1][0] == '\0')
			assert_null(r->description);
		else
			assert_string_equal(r->description, t[1]);
		if (t[3][0] == '\0')
			assert_null(r->unauthorized);
		else
			assert_string_equal(r->unauthorized, t[3]);
		if (t[4][0] == '\0')
			assert_null(r->notes);
		else
			assert_string_equal(r->notes, t[4]);
		assert_int_equal(r->port_lo, (int32_t)(row % 65536));
		assert_int_equal(r->proto, row % 2 ? PROTO_UDP : PROTO_TCP);
		assert_int_equal(r->line, row + 2);
		snprintf(who[0], sizeof who[0], "A_%zu", row / 2);
		assert_int_equal(r->n_assignees, 1);
		assert_string_equal(r->assignees[0].id, who[0]);
		if (row % 4 == 0) {
			snprintf(who[1], sizeof who[1], "C_%zu", row);
			assert_int_equal(r->n_contacts, 2);
			assert_string_equal(r->contacts[0].id, who[1]);
			assert_string_equal(r->contacts[1].id, who[0]);
		} else {
			assert_int_equal(r->n_contacts, 1);
			assert_string_equal(r->contacts[0].id, who[0]);
		}
		assert_null(r->registered);
		assert_int_equal(r->n_refs, 0);
	}
	registry_free(reg);
	buf_free(&csv);
}

static void
real_csv_2025(void **state)
{
	const char	*path = test_registry(CSV_2025);
	struct registry	*reg;
	char		*buf, *err;
	size_t		 len, i, by_proto[PROTO_COUNT] = { 0 }, ranged = 0;
	size_t		 newlines = 0;
	int		 rc;

	if (path == NULL)
		skip();
	buf = test_loader_read(path, &len);
	reg = csv_load(buf, len, &rc, &err);
	free(buf);
	if (rc != 0)
		fail_msg("%s", err);
	dump_warnings(reg);
	/* Counted by the python csv module (DATA-NOTES.md). */
	assert_int_equal(reg->n_records, 14474);
	assert_int_equal(reg->n_warnings, 0);
	for (i = 0; i < reg->n_records; i++) {
		const struct record *r = &reg->records[i];

		by_proto[r->proto]++;
		ranged += r->port_hi != r->port_lo;
		newlines += (r->description && strchr(r->description, '\n')) ||
		    (r->notes && strchr(r->notes, '\n')) ||
		    (r->n_refs == 2 && strchr(r->refs[1], '\n'));
		assert_true(i == 0 || r->line > reg->records[i - 1].line);
	}
	assert_int_equal(by_proto[PROTO_TCP], 6576);
	assert_int_equal(by_proto[PROTO_UDP], 6338);
	assert_int_equal(by_proto[PROTO_SCTP], 93);
	assert_int_equal(by_proto[PROTO_DCCP], 11);
	assert_int_equal(by_proto[PROTO_NONE], 1456);
	assert_int_equal(newlines, 444);
	/* The last row starts on the file's last line. */
	assert_int_equal(reg->records[reg->n_records - 1].line, 15343);
	assert_true(ranged > 0);
	registry_finish(reg);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(excerpt_loads_every_row_without_warnings),
		cmocka_unit_test(embedded_newlines_and_line_numbers),
		cmocka_unit_test(reference_with_newline_and_free_text),
		cmocka_unit_test(reference_lists),
		cmocka_unit_test(people_lists),
		cmocka_unit_test(reserved_port_zero_and_deassigned),
		cmocka_unit_test(port_range_unauthorized_and_service_code),
		cmocka_unit_test(name_only_rows),
		cmocka_unit_test(note_starting_with_a_quote),
		cmocka_unit_test(crlf_and_bom_load_like_lf),
		cmocka_unit_test(header_columns_mapped_by_name),
		cmocka_unit_test(bad_header_is_an_error_at_line_1),
		cmocka_unit_test(unclosed_quote_names_where_the_field_began),
		cmocka_unit_test(short_and_long_rows),
		cmocka_unit_test(bad_ports_are_dropped_with_a_warning),
		cmocka_unit_test(unknown_protocol_and_odd_fields),
		cmocka_unit_test(nul_bytes_blank_lines_and_quotes_in_text),
		cmocka_unit_test(too_many_problems_is_an_error),
		cmocka_unit_test(every_truncation_is_safe),
		cmocka_unit_test(generated_rows_read_back),
		cmocka_unit_test(tsv_reads_escapes_and_columns),
		cmocka_unit_test(tsv_bad_escapes_rows_and_headers),
		cmocka_unit_test(real_csv_2025),
	};

	return RUN_TESTS(tests);
}
