/*
 * test-load-text-join.c - wrapped lines of the pasted page joined back
 * to their record (src/load/load-text-join.c).  The records are lines
 * of tests/check-pasted.py's renders of the shipped 2026 XML: a line
 * break inside a field (<br/>) breaks the pasted line.
 */

#include "config.h"

#include "test.h"
#include "test-load-text.h"

#define CONTACTS "Contact Information\n" \
	"ID Name Organization Contact URI Last Updated\n"

static size_t
join_count(const char *s, char c)
{
	size_t	 n = 0;

	for (; s != NULL && *s != '\0'; s++)
		n += *s == c;
	return n;
}

/*
 * instl-bootc 1068: the description's second line carries the people
 * lists; instl_bootc's notes take three lines.  Both are read whole,
 * with no warning: a line with a port comes after them, so they cannot
 * be name-only rows.
 */
static void
wrapped_description_and_notes(void **state)
{
	static const char text[] = HEADER
	    "instl-bootc 1068 tcp Installation Bootstrap Proto. Cli.\n"
	    "IANA assigned this well-formed service name as a replacement "
	    "for \"instl_bootc\". [David_Arko] [David_Arko]\n"
	    "instl_bootc 1068 tcp Installation Bootstrap Proto. Cli. "
	    "[David_Arko] [David_Arko] This entry is an alias to "
	    "\"instl-bootc\".\n"
	    "This entry is now historic, not usable for use with many\n"
	    "common service discovery mechanisms.\n"
	    "cognex-insight 1069 tcp COGNEX-INSIGHT [Steve_Olson] "
	    "[Steve_Olson]\n"
	    CONTACTS
	    "[David_Arko] David Arko mailto:darko&hpfcrn.fc.hp.com\n"
	    "[Steve_Olson] Steve Olson mailto:solson&cognex.com\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 3);
	r = test_named(reg, "instl-bootc", PROTO_TCP);
	assert_int_equal(r->line, 2);
	assert_string_equal(r->description, "Installation Bootstrap Proto. "
	    "Cli.\nIANA assigned this well-formed service name as a "
	    "replacement for \"instl_bootc\".");
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "David_Arko");
	assert_int_equal(r->n_contacts, 1);
	assert_string_equal(r->contacts[0].id, "David_Arko");
	assert_null(r->notes);
	r = test_named(reg, "instl_bootc", PROTO_TCP);
	assert_int_equal(r->line, 4);
	assert_string_equal(r->notes, "This entry is an alias to "
	    "\"instl-bootc\".\nThis entry is now historic, not usable for "
	    "use with many\ncommon service discovery mechanisms.");
	/* Nothing to warn of on the lines that were wrapped. */
	assert_int_equal(text_warnings(reg, 2, ""), 0);
	assert_int_equal(text_warnings(reg, 3, ""), 0);
	assert_int_equal(text_warnings(reg, 5, ""), 0);
	assert_int_equal(text_warnings(reg, 6, ""), 0);
	registry_free(reg);
}

/* radsec 2083/udp: the notes wrap onto a line that starts with a quote
   and one that reads "RFC.". */
static void
wrapped_notes_after_references(void **state)
{
	static const char text[] = HEADER
	    "radsec 2083 udp Secure Radius Service [IESG] [IETF_Chair] "
	    "2005-05 2014-07-14 [RFC7360] The UDP port 2083 was already "
	    "previously assigned by IANA for\n"
	    "\"RadSec\", an early implementation of RADIUS/TLS, prior to "
	    "issuance of this\n"
	    "RFC.\n"
	    "sunclustergeo 2084 tcp SunCluster Geographic [IESG] [IESG] "
	    "2005-11 2013-08-14\n"
	    CONTACTS
	    "[IESG] IESG mailto:iesg&ietf.org\n"
	    "[IETF_Chair] IETF Chair IETF mailto:chair&ietf.org\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 2);
	r = text_at(reg, 2083, PROTO_UDP);
	assert_string_equal(r->description, "Secure Radius Service");
	assert_string_equal(r->registered, "2005-05");
	assert_string_equal(r->modified, "2014-07-14");
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC7360");
	assert_string_equal(r->notes, "The UDP port 2083 was already "
	    "previously assigned by IANA for\n\"RadSec\", an early "
	    "implementation of RADIUS/TLS, prior to issuance of this\nRFC.");
	assert_int_equal(text_warnings(reg, 3, ""), 0);
	assert_int_equal(text_warnings(reg, 4, ""), 0);
	registry_free(reg);
}

/* pon-ictp 7202/tcp: the description wraps, and so does a reference
   IANA gave its own text. */
static void
wrapped_reference(void **state)
{
	static const char text[] = HEADER
	    "pon-ictp 7202 tcp Inter-Channel Termination Protocol (ICTP) for "
	    "multi-wavelength PON\n"
	    "(Passive Optical Network) systems [Broadband_Forum] "
	    "[Broadband_Forum] 2017-02-22 2019-12-16 [TR-352]"
	    "[Inter-Channel-Termination protocol (ICTP) is a peer-to-peer "
	    "protocol with\n"
	    "a binary message format that is used by a set of optical line "
	    "terminal (OLT) channel terminations (CT)\n"
	    "comprising a 40-Gigabit-capable next-generation passive optical "
	    "network (NG-PON2) system to\n"
	    "exchange channel profile configuration and status information "
	    "and to coordinate the operation of tunable\n"
	    "optical network units (ONUs) in a multi-wavelength channel "
	    "environment.]\n"
	    "7202 udp Reserved\n"
	    CONTACTS
	    "[Broadband_Forum] Broadband Forum "
	    "mailto:help&broadband-forum.org 2020-03-17\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;
	uint32_t		 no;

	assert_int_equal(reg->n_records, 2);
	r = text_at(reg, 7202, PROTO_TCP);
	assert_string_equal(r->description, "Inter-Channel Termination "
	    "Protocol (ICTP) for multi-wavelength PON\n(Passive Optical "
	    "Network) systems");
	assert_string_equal(r->assignees[0].id, "Broadband_Forum");
	assert_string_equal(r->registered, "2017-02-22");
	assert_string_equal(r->modified, "2019-12-16");
	assert_int_equal(r->n_refs, 2);
	assert_string_equal(r->refs[0], "TR-352");
	assert_int_equal(strncmp(r->refs[1], "Inter-Channel-Termination "
	    "protocol (ICTP) is a peer-to-peer protocol with\na binary", 79),
	    0);
	assert_int_equal(join_count(r->refs[1], '\n'), 4);
	assert_null(r->notes);
	for (no = 2; no <= 7; no++)
		assert_int_equal(text_warnings(reg, no, ""), 0);
	assert_int_equal(text_at(reg, 7202, PROTO_UDP)->line, 8);
	registry_free(reg);
}

/* iax 4569/tcp: fifteen lines of notes, column-aligned in the XML. */
static void
wrapped_notes_of_many_lines(void **state)
{
	static const char text[] = HEADER
	    "iax 4569 tcp Inter-Asterisk eXchange [Benjamin_Kowarsch] "
	    "[Benjamin_Kowarsch] [RFC5456] Defined TXT keys:\n"
	    "auth plaintext | md5 | rsakeys\n"
	    "userid alphanumeric, additionally '_', '+', '-'\n"
	    "secret any printable ASCII characters\n"
	    "domain any DNS domain name or IP address\n"
	    "extension alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "context alphanumeric, additionally '_', '+', '-'\n"
	    "trunk yes | no | 0 | 1\n"
	    "welcome alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "voicemail alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "reception alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "echotest alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "ivrtest alphanumeric, additionally '*', '#', '_', '+', '-'\n"
	    "All of these TXT record keys are optional, they may be "
	    "omitted.\n"
	    "Further keys may be added in the future.\n"
	    "iax 4569 udp Inter-Asterisk eXchange [Benjamin_Kowarsch] "
	    "[Benjamin_Kowarsch] [RFC5456]\n"
	    CONTACTS
	    "[Benjamin_Kowarsch] Benjamin Kowarsch "
	    "mailto:benjamin&sunrise-tel.com 2004-11\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 2);
	r = text_at(reg, 4569, PROTO_TCP);
	assert_int_equal(join_count(r->notes, '\n'), 14);
	assert_int_equal(strncmp(r->notes, "Defined TXT keys:\nauth "
	    "plaintext | md5 | rsakeys\nuserid", 48), 0);
	assert_non_null(strstr(r->notes, "\nFurther keys may be added in "
	    "the future."));
	assert_int_equal(text_warnings(reg, 0, "joined"), 0);
	assert_int_equal(text_warnings(reg, 0, "not a record line"), 0);
	registry_free(reg);
}

/*
 * nxedit 126/tcp: its notes quote the fixed-width rows of another
 * service, "unitary 126/tcp ...", and end on "Port 126 ...": a line
 * that starts with a word and a port, as a record could.  It is joined,
 * and that one join is warned.
 */
static void
wrapped_line_with_a_port_is_warned(void **state)
{
	static const char text[] = HEADER
	    "nxedit 126 tcp NXEdit [Don_Payette] [Don_Payette] Port 126 "
	    "Previously assigned to application below\n"
	    "unitary 126/tcp Unisys Unitary Login\n"
	    "unitary 126/udp Unisys Unitary Login\n"
	    "<feil&kronos.nisd.cam.unisys.com>\n"
	    "Port 126 Previously assigned to application above\n"
	    "nxedit 126 udp NXEdit [Don_Payette] [Don_Payette]\n"
	    CONTACTS
	    "[Don_Payette] Don Payette mailto:Don.Payette&unisys.com\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 2);
	r = text_at(reg, 126, PROTO_TCP);
	assert_int_equal(join_count(r->notes, '\n'), 4);
	assert_non_null(strstr(r->notes, "\nPort 126 Previously assigned to "
	    "application above"));
	assert_int_equal(text_warnings(reg, 3, ""), 0);
	assert_int_equal(text_warnings(reg, 4, ""), 0);
	assert_int_equal(text_warnings(reg, 5, ""), 0);
	assert_int_equal(text_warnings(reg, 6, "nxedit 126/tcp: 'Port 126 "
	    "Previously assigned to application above' joined to this "
	    "record as a wrapped line of its notes, but it starts with a "
	    "port"), 1);
	registry_free(reg);
}

/*
 * mmm (a name-only row): its description wraps onto "user-focused PKI.
 * [...]", the shape of a name-only row.  The rows around, mmm and
 * mms-edgerouter, are in IANA's order of names, and "user-focused" is
 * not: it is wrapped text, not a record.
 */
static void
wrapped_name_only_row_by_order(void **state)
{
	static const char text[] = HEADER
	    "49151 Reserved 2024-12-20 [RFC6335]\n"
	    "mmm tcp Provides a client with access to the Mathematical Mesh, "
	    "a\n"
	    "user-focused PKI. [Phillip_Hallam-Baker] [Phillip_Hallam-Baker] "
	    "2015-11-18 Defined TXT keys: None\n"
	    "mms-edgerouter tcp Maritime Messaging Service Edge Router "
	    "[Radio_Technical_Commission_for_Maritime_Services] "
	    "[RTCM_President_or_Technical_Officer] 2026-03-18 Defined TXT "
	    "keys: None\n"
	    CONTACTS
	    "[Phillip_Hallam-Baker] Phillip Hallam-Baker "
	    "mailto:phill&hallambaker.com 2015-11-18\n"
	    "[Radio_Technical_Commission_for_Maritime_Services] Radio "
	    "Technical Commission for Maritime Services mailto:hq&rtcm.org "
	    "2026-03-18\n"
	    "[RTCM_President_or_Technical_Officer] Radio Technical "
	    "Commission for Maritime Services mailto:hq&rtcm.org "
	    "2026-03-18\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 3);
	r = test_named(reg, "mmm", PROTO_TCP);
	assert_string_equal(r->description, "Provides a client with access "
	    "to the Mathematical Mesh, a\nuser-focused PKI.");
	assert_string_equal(r->assignees[0].id, "Phillip_Hallam-Baker");
	assert_string_equal(r->contacts[0].id, "Phillip_Hallam-Baker");
	assert_string_equal(r->notes, "Defined TXT keys: None");
	assert_int_equal(text_warnings(reg, 4, ""), 0);
	test_named(reg, "mms-edgerouter", PROTO_TCP);
	registry_free(reg);
}

/* The paste breaks lines only inside a field: a reading that puts a
   break between two fields is doubtful, and says so. */
static void
break_between_fields_is_warned(void **state)
{
	static const char text[] = HEADER
	    "ftp-data 20 tcp File Transfer\n"
	    "[Jon_Postel] [Jon_Postel]\n"
	    "ftp 21 tcp File Transfer Protocol [Jon_Postel] [Jon_Postel]\n"
	    CONTACTS
	    "[Jon_Postel] Jon Postel mailto:postel&isi.edu\n";
	struct registry		*reg = text_ok(text, sizeof text - 1);
	const struct record	*r;

	assert_int_equal(reg->n_records, 2);
	r = text_at(reg, 20, PROTO_TCP);
	assert_string_equal(r->description, "File Transfer");
	assert_string_equal(r->assignees[0].id, "Jon_Postel");
	assert_int_equal(text_warnings(reg, 3, "ftp-data 20/tcp: a wrapped "
	    "line '[Jon_Postel] [Jon_Postel]' read as the people, dates or "
	    "references where the line before it ends in the description"),
	    1);
	registry_free(reg);
}

/* Before the first record there is nothing to join to; past
   TEXT_JOIN_MAX lines a record takes no more.  Both are refused. */
static void
join_refused_before_a_record_and_past_limit(void **state)
{
	char		*text, *p;
	size_t		 i, size = 64 * 1024;
	struct registry	*reg;
	const struct record	*r;

	text = p = xmalloc(size);
	p += snprintf(p, size, "%sprose before any record\n"
	    "10129 udp Reserved\n", HEADER);
	for (i = 0; i < 70; i++)
		p += snprintf(p, size - (size_t)(p - text), "wrapped prose "
		    "line %zu\n", i);
	p += snprintf(p, size - (size_t)(p - text), "10130 tcp Reserved\n");
	reg = text_ok(text, (size_t)(p - text));
	assert_int_equal(reg->n_records, 2);
	assert_int_equal(text_warnings(reg, 2, "not a record line"), 1);
	r = text_at(reg, 10129, PROTO_UDP);
	assert_int_equal(join_count(r->description, '\n'), 64);
	assert_int_equal(text_warnings(reg, 0, "10129/udp: not a record "
	    "line"), 6);
	registry_free(reg);
	free(text);
}

/* The excerpt of hard shapes: its 7 wrapped lines (whois++ 63, and
   brski-reg-cmp after every port) make no records and are joined. */
static void
excerpt_wrapped_lines_joined(void **state)
{
	struct registry		*reg = text_file(test_data("text-excerpt.txt"));
	const struct record	*r;
	uint32_t		 idx[8];

	assert_int_equal(reg->n_records, 20);
	assert_int_equal(text_warnings(reg, 0, "not a record line"), 0);
	assert_int_equal(text_warnings(reg, 0, "joined"), 0);
	assert_int_equal(registry_by_name(reg, "whoispp", PROTO_TCP, idx, 8),
	    1);
	r = &reg->records[idx[0]];
	assert_string_equal(r->description, "whois++\nIANA assigned this "
	    "well-formed service name as a replacement for \"whois++\".");
	assert_string_equal(r->assignees[0].id, "Rickard_Schoultz");
	assert_int_equal(registry_by_name(reg, "whois++", PROTO_UDP, idx, 8),
	    1);
	assert_string_equal(reg->records[idx[0]].notes, "This entry is an "
	    "alias to \"whoispp\".\nThis entry is now historic, not usable "
	    "for use with many");
	r = test_named(reg, "brski-reg-cmp", PROTO_TCP);
	assert_int_equal(strncmp(r->description, "Bootstrapping Remote "
	    "Secure Key Infrastructure\nregistrar with CMP capabilities "
	    "according to the Lightweight CMP\nProfile (LCMPP)", 126), 0);
	assert_int_equal(reg->n_people, 12);
	registry_free(reg);
}

/*
 * brski-reg-cmp: its description, wrapped over three lines, ends in a
 * reference, "(LCMPP) [RFC9483]", and its people lists follow.  In
 * column order references come after the people: the bracket is the
 * description's, and the tail starts at [IESG].
 */
static void
reference_before_people_is_description(void **state)
{
	struct registry		*reg = text_file(test_data("text-excerpt.txt"));
	const struct record	*r;

	r = test_named(reg, "brski-reg-cmp", PROTO_TCP);
	assert_string_equal(r->description, "Bootstrapping Remote Secure "
	    "Key Infrastructure\nregistrar with CMP capabilities according "
	    "to the Lightweight CMP\nProfile (LCMPP) [RFC9483]");
	assert_int_equal(r->n_assignees, 1);
	assert_string_equal(r->assignees[0].id, "IESG");
	assert_int_equal(r->n_contacts, 1);
	assert_string_equal(r->contacts[0].id, "IETF_Chair");
	assert_string_equal(r->registered, "2024-09-23");
	assert_int_equal(r->n_refs, 1);
	assert_string_equal(r->refs[0], "RFC9733");
	assert_string_equal(r->notes, "Defined TXT keys: None");
	assert_int_equal(text_warnings(reg, r->line, "bracket"), 0);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrapped_description_and_notes),
		cmocka_unit_test(wrapped_notes_after_references),
		cmocka_unit_test(wrapped_reference),
		cmocka_unit_test(wrapped_notes_of_many_lines),
		cmocka_unit_test(wrapped_line_with_a_port_is_warned),
		cmocka_unit_test(wrapped_name_only_row_by_order),
		cmocka_unit_test(break_between_fields_is_warned),
		cmocka_unit_test(join_refused_before_a_record_and_past_limit),
		cmocka_unit_test(excerpt_wrapped_lines_joined),
		cmocka_unit_test(reference_before_people_is_description),
	};

	return RUN_TESTS(tests);
}
