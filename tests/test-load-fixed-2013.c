/*
 * test-load-fixed-2013.c - the fixed-width loader on the whole 2013 file
 * (IANA's service-names-port-numbers.txt of 2013-06-26, read from
 * ../shared/registry or $PORTREG_REGISTRY_DIR; each case is a SKIP
 * where it is absent): its counts, its tricky records, and the wrapped
 * lines that went to the wrong row (issue 14, item 16), checked against
 * IANA's 2025 CSV and 2026 XML.
 */

#include "config.h"

#include "test.h"
#include "test-loader.h"
#include "test-fixed.h"

#include "load.h"
#include "registry.h"

/* Measured on the 2013 file; see the report of the loader's author:
   12,567 lines with a port number + 739 service-name-only lines. */
#define TXT_2013_RECORDS	13306
#define TXT_2013_PEOPLE		4736
/* Wrapped lines that nothing but the tie-break shares out (warned). */
#define GUESSES_2013		1

/* The 2013 file, loaded as portreg loads it; skips when absent. */
static struct registry *
fixed_2013(void)
{
	const char	*path = test_registry(TXT_2013);
	struct registry	*reg;
	char		*err = NULL;

	if (path == NULL)
		skip();
	reg = load_file(path, LOAD_AUTO, &err);
	if (reg == NULL)
		fail_msg("%s", err);
	return reg;
}

static void
registry_2013(void **state)
{
	struct registry		*reg = fixed_2013();
	struct registry_stats	 st;
	const struct record	*r;

	assert_string_equal(reg->format, "fixed");
	assert_string_equal(reg->updated, "2013-06-26");
	assert_int_equal(reg->n_records, TXT_2013_RECORDS);
	assert_int_equal(reg->n_people, TXT_2013_PEOPLE);
	/* The loader warns only about lines shared out by a guess;
	   registry_finish about 5 ids the people table lacks. */
	assert_int_equal(fixed_warnings(reg, "not defined in the people "
	    "table") + fixed_warnings(reg, "by a guess; the layout cannot "
	    "tell"), reg->n_warnings);
	/* A guess is warned only where nothing but the tie-break decided:
	   sip's last line of notes, "Further TXT record keys may be added
	   in the future.", could as well open sipuri's (read right). */
	assert_int_equal(fixed_warnings(reg, "by a guess"), GUESSES_2013);
	assert_int_equal(fixed_warnings(reg, "lines 16959-16969 between the "
	    "records 'sip' (line 16958) and 'sipuri' (line 16970): 11 given "
	    "to the first and 0 to the second by a guess"), 1);
	registry_stats(reg, &st);
	assert_int_equal(st.name_only, 739);

	r = fixed_at(reg, 22, PROTO_TCP, "ssh");
	assert_string_equal(r->description, "The Secure Shell (SSH) Protocol");
	r = fixed_at(reg, 63, PROTO_TCP, "whoispp");
	assert_non_null(strstr(r->description,
	    "replacement for \"whois++\""));
	r = fixed_at(reg, 63, PROTO_TCP, "whois++");
	assert_string_equal(r->description, "whois++");
	r = fixed_at(reg, 80, PROTO_TCP, "www-http");
	assert_non_null(r->notes);
	assert_true(strlen(r->notes) > 1000);
	r = fixed_at(reg, 9, PROTO_DCCP, "discard");
	assert_string_equal(r->service_code, "1145656131");
	assert_string_equal(test_person(reg,
	    "ZigBee_Alliances_Network_Device_working_group")->org,
	    "ZigBee Alliance's Network Device working group");
	registry_free(reg);
}

/*
 * Wrapped lines that went to the wrong row (issue 14, item 16), against
 * IANA's 2025 CSV and 2026 XML: a line naming the lower row's id more
 * than the upper's, or spelling its service name as an acronym, goes
 * down; two people of one name are shaped alike; a line below a title
 * (the row's name and one word) goes down when the layout allows.
 */
static void
registry_2013_wrapped_lines_and_neighbours(void **state)
{
	struct registry		*reg = fixed_2013();
	const struct record	*r;
	uint32_t		 idx[4];


	assert_int_equal(registry_by_name(reg, "twinlevel", PROTO_TCP, idx,
	    4), 1);
	r = &reg->records[idx[0]];
	assert_string_equal(r->description, "detect sanitary product");
	assert_int_equal(registry_by_name(reg, "tzrpc", PROTO_TCP, idx, 4),
	    1);
	r = &reg->records[idx[0]];
	assert_string_equal(r->description, "TZ-Software remote procedure "
	    "call based synchronization protocol");
	/* "Interactive Room Software" (line 16303) is eheap's.  The
	   layout reads both ways alike (egistix 1 line and eheap 3, or 2
	   and 2, all centred, at the same byte offsets); egistix's anchor
	   line, its name and one word, is a title, which seldom goes on. */
	assert_string_equal(test_named(reg, "egistix",
	    PROTO_NONE)->description, "Egistix Auto-Discovery");
	assert_string_equal(test_named(reg, "eheap",
	    PROTO_NONE)->description, "Interactive Room Software "
	    "Infrastructure (Event Sharing)");
	assert_int_equal(fixed_warnings(reg, "'egistix'"), 0);
	assert_int_equal(fixed_warnings(reg, "between the records "
	    "'twinlevel'"), 0);

	assert_string_equal(test_person(reg, "Steven_Emmerson")->org,
	    "The University Corporation for Atmospheric Research");
	assert_string_equal(test_person(reg, "Steven_Emmerson2")->org,
	    "The University Corporation for Atmospheric Research");
	assert_string_equal(test_person(reg, "Data_Access_Inc")->org,
	    "Data Access, Inc.");
	assert_string_equal(test_person(reg, "Data_Storage_Institu")->org,
	    "Data Storage Institute of Singapore");
	assert_string_equal(test_person(reg, "National_Instruments")->org,
	    "National Instruments");
	assert_string_equal(test_person(reg,
	    "National_Marine_Electronics_Association")->org,
	    "National Marine Electronics Association");
	registry_free(reg);
}

/*
 * A cell repeated on neighbouring rows is shaped alike on each: the
 * unauthorized use of the four rows of 4444 ("krb524 assigned the port,
 * nv used it without an assignment", five lines centred on each anchor),
 * and the organization of the two UCAR people (three lines each).  A
 * notes or unauthorized-use cell names other services ("krb524" on
 * nv-video's row): only a description, a person's name or organization
 * is taken to name its own row.
 */
static void
registry_2013_repeated_cells(void **state)
{
	static const char	 k524[] = "krb524 assigned the port, nv used "
	    "it without an assignment";
	static const char	 ucar[] = "The University Corporation for "
	    "Atmospheric Research";
	struct registry		*reg = fixed_2013();

	assert_string_equal(fixed_at(reg, 4444, PROTO_TCP,
	    "krb524")->unauthorized, k524);
	assert_string_equal(fixed_at(reg, 4444, PROTO_UDP,
	    "krb524")->unauthorized, k524);
	assert_string_equal(fixed_at(reg, 4444, PROTO_TCP,
	    "nv-video")->unauthorized, k524);
	assert_string_equal(fixed_at(reg, 4444, PROTO_UDP,
	    "nv-video")->unauthorized, k524);
	assert_string_equal(test_person(reg,
	    "University_Corporation_for_Atmospheric_Research")->org, ucar);
	assert_string_equal(test_person(reg,
	    "University_Corporation_for_Atmospheric_Research2")->org, ucar);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(registry_2013),
		cmocka_unit_test(registry_2013_wrapped_lines_and_neighbours),
		cmocka_unit_test(registry_2013_repeated_cells),
	};

	return RUN_TESTS(tests);
}
