/*
 * test-output.c - JSON, CSV, TSV and table output of a hand-built
 * registry: keys and nulls, escaping, quoting, sanitized tables.
 */
#include "config.h"

#include <locale.h>

#include "test.h"
#include "builder.h"

#include "load.h"
#include "output.h"
#include "registry.h"
#include "sanitize.h"

/* Record indexes in the registry built by setup. */
enum { R_NBD, R_X11, R_ARGUS, R_TRICKY, R_GAP, R_HELIX, R_WIDE, R_COUNT };

static int
setup(void **state)
{
	struct registry	*reg = registry_new("test");
	struct record	*r;

	r = add(reg, "nbd", 10809, 10809, PROTO_TCP, "Network Block Device",
	    "Wouter_Verhelst");
	r->registered = registry_strdup(reg, "2010-08-02");
	r->modified = registry_strdup(reg, "2024-04-30");
	registry_add_ref(reg, r, "https://github.com/NetworkBlockDevice/nbd",
	    41);
	add(reg, "x11", 6000, 6063, PROTO_UDP, "X Window System", NULL);
	r = add(reg, "argus", -1, -1, PROTO_NONE, "ARGUS", NULL);
	registry_add_contact(reg, r, "Ghost_Id", 8);
	r->registered = registry_strdup(reg, "2009-01");
	r = add(reg, "tricky", 4569, 4569, PROTO_TCP,
	    "say \"hi\", \\back\nline2\tend\001\033[31m\xff", NULL);
	registry_add_assignee(reg, r, "A_One", 5);
	registry_add_contact(reg, r, "A_Two", 5);
	r->notes = registry_strdup(reg, "note, with \"quotes\"\r\nand CRLF");
	registry_add_ref(reg, r, "RFC6335", 7);
	registry_add_ref(reg, r, "RFC8765, Section 6.1", 20);
	r->service_code = registry_strdup(reg, "1145656131");
	r->unauthorized = registry_strdup(reg, "yes, by someone");
	add(reg, NULL, 10130, 10159, PROTO_NONE, "Unassigned", NULL);
	r = add(reg, "helix", 10860, 10860, PROTO_TCP, "Helix", NULL);
	registry_add_assignee(reg, r, "Matthew_Strange", 15);
	registry_add_contact(reg, r, "Larry_Atkin_2", 13);
	add(reg, "\xe6\x9d\xb1\xe4\xba\xac", 7000, 7000, PROTO_SCTP, "Wide",
	    NULL);

	person(reg, .id = "Wouter_Verhelst", .name = "Wouter Verhelst",
	    .email = "w@uter.be", .updated = "2010-08-02");
	person(reg, .id = "A_One", .name = "A \"One\"",
	    .org = "Org\033]0;title\007");
	person(reg, .id = "A_Two");
	person(reg, .id = "Matthew_Strange");
	person(reg, .id = "Larry_Atkin_2");
	registry_finish(reg);
	*state = reg;
	return 0;
}

/* Output of some records as a malloc'd string. */
static char *
render(struct registry *reg, const uint32_t *idx, size_t n,
    enum output_format fmt)
{
	char	*s = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&s, &len);

	assert_non_null(f);
	output_records(f, reg, idx, n, fmt);
	assert_int_equal(fclose(f), 0);
	return s;
}

static char *
render_one(struct registry *reg, uint32_t i, enum output_format fmt)
{
	return render(reg, &i, 1, fmt);
}

static void
test_json_record_keys_exact(void **state)
{
	char	*s = render_one(*state, R_NBD, OUTPUT_JSON);

	assert_string_equal(s, "[\n{\"service\":\"nbd\",\"port\":10809,"
	    "\"port_end\":10809,\"protocol\":\"tcp\","
	    "\"description\":\"Network Block Device\","
	    "\"assignees\":[{\"id\":\"Wouter_Verhelst\","
	    "\"name\":\"Wouter Verhelst\",\"organization\":null,"
	    "\"email\":\"w@uter.be\",\"uri\":null,\"updated\":\"2010-08-02\"}],"
	    "\"contacts\":[{\"id\":\"Wouter_Verhelst\","
	    "\"name\":\"Wouter Verhelst\",\"organization\":null,"
	    "\"email\":\"w@uter.be\",\"uri\":null,\"updated\":\"2010-08-02\"}],"
	    "\"registered\":\"2010-08-02\",\"modified\":\"2024-04-30\","
	    "\"references\":[\"https://github.com/NetworkBlockDevice/nbd\"],"
	    "\"links\":[\"https://github.com/NetworkBlockDevice/nbd\"],"
	    "\"service_code\":null,\"unauthorized_use\":null,\"notes\":null,"
	    "\"kind\":\"assigned\"}\n]\n");
	free(s);
}

static void
test_json_name_only_has_null_ports(void **state)
{
	char	*s = render_one(*state, R_ARGUS, OUTPUT_JSON);

	assert_non_null(strstr(s, "\"port\":null,\"port_end\":null,"
	    "\"protocol\":null,"));
	assert_non_null(strstr(s, "\"assignees\":[],"));
	free(s);
}

static void
test_json_range_port_end(void **state)
{
	char	*s = render_one(*state, R_X11, OUTPUT_JSON);

	assert_non_null(strstr(s, "\"port\":6000,\"port_end\":6063,"
	    "\"protocol\":\"udp\""));
	free(s);
}

static void
test_json_dangling_person_has_id_and_nulls(void **state)
{
	char	*s = render_one(*state, R_ARGUS, OUTPUT_JSON);

	assert_non_null(strstr(s, "\"contacts\":[{\"id\":\"Ghost_Id\","
	    "\"name\":null,\"organization\":null,\"email\":null,\"uri\":null,"
	    "\"updated\":null}]"));
	free(s);
}

static void
test_json_string_escaping(void **state)
{
	char	*s = render_one(*state, R_TRICKY, OUTPUT_JSON);

	assert_non_null(strstr(s, "\"description\":\"say \\\"hi\\\", "
	    "\\\\back\\nline2\\tend\\u0001\\u001b[31m\\ufffd\""));
	assert_non_null(strstr(s, "\"notes\":\"note, with \\\"quotes\\\"\\r"
	    "\\nand CRLF\""));
	assert_non_null(strstr(s, "\"name\":\"A \\\"One\\\"\""));
	assert_non_null(strstr(s, "\"references\":[\"RFC6335\","
	    "\"RFC8765, Section 6.1\"]"));
	/* No raw control byte anywhere but the layout newlines. */
	for (const char *p = s; *p != '\0'; p++)
		assert_false((unsigned char)*p < 0x20 && *p != '\n');
	free(s);
}

static void
test_json_kinds_and_empty_array(void **state)
{
	char	*s = render_one(*state, R_GAP, OUTPUT_JSON);

	assert_non_null(strstr(s, "\"service\":null,\"port\":10130,"
	    "\"port_end\":10159,\"protocol\":null,"));
	assert_non_null(strstr(s, "\"kind\":\"unassigned\"}"));
	free(s);
	s = render(*state, NULL, 0, OUTPUT_JSON);
	assert_string_equal(s, "[]\n");
	free(s);
}

static void
test_csv_header_and_quoting(void **state)
{
	static const uint32_t	 idx[] = { R_NBD, R_TRICKY, R_GAP, R_ARGUS };
	char			*s = render(*state, idx, 4, OUTPUT_CSV);

	assert_string_equal(s,
	    "Service Name,Port Number,Transport Protocol,Description,"
	    "Assignee,Contact,Registration Date,Modification Date,Reference,"
	    "Service Code,Unauthorized Use Reported,Assignment Notes\n"
	    "nbd,10809,tcp,Network Block Device,[Wouter_Verhelst],"
	    "[Wouter_Verhelst],2010-08-02,2024-04-30,"
	    "[https://github.com/NetworkBlockDevice/nbd],,,\n"
	    "tricky,4569,tcp,\"say \"\"hi\"\", \\back\nline2\tend\001\033[31m"
	    "\xff\",[A_One],[A_Two],,,\"[RFC6335][RFC8765, Section 6.1]\","
	    "1145656131,\"yes, by someone\","
	    "\"note, with \"\"quotes\"\"\r\nand CRLF\"\n"
	    ",10130-10159,,Unassigned,,,,,,,,\n"
	    "argus,,,ARGUS,,[Ghost_Id],2009-01,,,,,\n");
	free(s);
}

static void
test_csv_people_lists_bracketed(void **state)
{
	char	*s = render_one(*state, R_HELIX, OUTPUT_CSV);

	assert_non_null(strstr(s, "\nhelix,10860,tcp,Helix,[Matthew_Strange],"
	    "[Larry_Atkin_2],,,,,,\n"));
	free(s);
}

static void
test_tsv_escaping(void **state)
{
	static const uint32_t	 idx[] = { R_TRICKY };
	char			*s = render(*state, idx, 1, OUTPUT_TSV);
	char			*body;

	assert_true(strncmp(s, "Service Name\tPort Number\tTransport Protocol\t"
	    "Description\t", 45) == 0);
	body = strchr(s, '\n') + 1;
	assert_string_equal(body, "tricky\t4569\ttcp\tsay \"hi\", \\\\back\\n"
	    "line2\\tend\001\033[31m\xff\t[A_One]\t[A_Two]\t\t\t"
	    "[RFC6335][RFC8765, Section 6.1]\t1145656131\tyes, by someone\t"
	    "note, with \"quotes\"\\r\\nand CRLF\n");
	/* Exactly one line per record plus the header, 12 columns each. */
	assert_int_equal(strchr(body, '\n') - body + 1, strlen(body));
	free(s);
}

static void
test_table_sanitizes_controls(void **state)
{
	char	*s = render_one(*state, R_TRICKY, OUTPUT_TABLE);

	assert_null(strchr(s, '\033'));
	assert_null(strchr(s, '\001'));
	assert_null(strchr(s, '\t'));
	/* The first line of the description only. */
	assert_non_null(strstr(s, "say \"hi\", \\back\n"));
	assert_null(strstr(s, "line2"));
	free(s);
}

static void
test_table_header_and_columns(void **state)
{
	static const uint32_t	 idx[] = { R_X11, R_ARGUS, R_GAP };
	char			*s = render(*state, idx, 3, OUTPUT_TABLE);

	assert_string_equal(s,
	    "PORT         PROTO  SERVICE  DESCRIPTION\n"
	    "6000-6063    udp    x11      X Window System\n"
	    "-                   argus    ARGUS\n"
	    "10130-10159                  Unassigned\n");
	free(s);
}

/* Display column at which "Wide" / "Helix" start, by wcwidth. */
static size_t
column_of(const char *line, const char *word)
{
	const char	*at = strstr(line, word);

	assert_non_null(at);
	return sanitize_width(line, (size_t)(at - line));
}

static void
test_table_aligns_wide_characters(void **state)
{
	static const uint32_t	 idx[] = { R_WIDE, R_HELIX };
	char			*s, *second;

	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		skip_because("no C.UTF-8 locale");
	s = render(*state, idx, 2, OUTPUT_TABLE);
	second = strchr(strchr(s, '\n') + 1, '\n') + 1;
	assert_int_equal(column_of(s, "DESCRIPTION"),
	    column_of(strchr(s, '\n') + 1, "Wide"));
	assert_int_equal(column_of(s, "DESCRIPTION"),
	    column_of(second, "Helix"));
	setlocale(LC_CTYPE, "C");
	free(s);
}

static char *
render_person(struct registry *reg, const char *id, enum output_format fmt)
{
	char	*s = NULL;
	size_t	 len = 0;
	FILE	*f = open_memstream(&s, &len);
	int32_t	 p = registry_person(reg, id);

	assert_true(p >= 0);
	output_person(f, reg, (uint32_t)p, fmt);
	fclose(f);
	return s;
}

static void
test_person_json_with_assignments(void **state)
{
	static const char	 want[] = "{\"id\":\"Wouter_Verhelst\","
	    "\"name\":\"Wouter Verhelst\",\"organization\":null,"
	    "\"email\":\"w@uter.be\",\"uri\":null,\"updated\":\"2010-08-02\","
	    "\"assignments\":[\n{\"service\":\"nbd\",";
	char			*s = render_person(*state, "Wouter_Verhelst",
	    OUTPUT_JSON);

	assert_true(strncmp(s, want, sizeof want - 1) == 0);
	assert_non_null(strstr(s, "\"kind\":\"assigned\"}\n]}\n"));
	free(s);
}

static void
test_person_table_sanitized(void **state)
{
	char	*s = render_person(*state, "A_One", OUTPUT_TABLE);

	assert_non_null(strstr(s, "Organization  Org^[]0;title^G\n"));
	assert_non_null(strstr(s, "Assignments   1\n"));
	assert_non_null(strstr(s, "tricky"));
	assert_null(strchr(s, '\033'));
	free(s);
}

static void
test_person_dangling_json(void **state)
{
	static const uint32_t	 idx[] = { R_ARGUS };
	static const char	 want[] = "{\"id\":\"Ghost_Id\",\"name\":null,"
	    "\"organization\":null,\"email\":null,\"uri\":null,"
	    "\"updated\":null,\"assignments\":[\n{\"service\":\"argus\"";
	char			*s = NULL;
	size_t			 len = 0;
	FILE			*f = open_memstream(&s, &len);

	output_person_dangling(f, *state, "Ghost_Id", idx, 1, OUTPUT_JSON);
	fclose(f);
	assert_true(strncmp(s, want, sizeof want - 1) == 0);
	free(s);
}

static void
test_gaps_formats(void **state)
{
	static const struct gap		 g[] = {
		{ 10130, 10159, PROTO_NONE, R_GAP },
		{ 49152, 65535, PROTO_NONE, -1 },
		{ 7, 9, PROTO_UDP, -1 },
	};
	char				*s = NULL;
	size_t				 len = 0;
	FILE				*f;

	f = open_memstream(&s, &len);
	output_gaps(f, *state, g, 3, OUTPUT_JSON);
	fclose(f);
	assert_string_equal(s, "[\n"
	    "{\"port\":10130,\"port_end\":10159,\"protocol\":null,\"size\":30,"
	    "\"listed\":true},\n"
	    "{\"port\":49152,\"port_end\":65535,\"protocol\":null,"
	    "\"size\":16384,\"listed\":false},\n"
	    "{\"port\":7,\"port_end\":9,\"protocol\":\"udp\",\"size\":3,"
	    "\"listed\":false}\n]\n");
	free(s);

	f = open_memstream(&s, &len);
	output_gaps(f, *state, g, 3, OUTPUT_TABLE);
	fclose(f);
	assert_string_equal(s,
	    "PORTS        PROTO   SIZE  NOTE\n"
	    "10130-10159  all       30  Unassigned\n"
	    "49152-65535  all    16384  (not listed in the registry)\n"
	    "7-9          udp        3  free on udp\n");
	free(s);

	f = open_memstream(&s, &len);
	output_gaps(f, *state, g, 1, OUTPUT_CSV);
	fclose(f);
	assert_string_equal(s, "Port Number,Transport Protocol,Size,Listed\n"
	    "10130-10159,,30,yes\n");
	free(s);
}

static void
test_format_names(void **state)
{
	assert_int_equal(output_format_parse("table"), OUTPUT_TABLE);
	assert_int_equal(output_format_parse("csv"), OUTPUT_CSV);
	assert_int_equal(output_format_parse("JSON"), OUTPUT_JSON);
	assert_int_equal(output_format_parse("tsv"), OUTPUT_TSV);
	assert_int_equal(output_format_parse("xml"), -1);
	assert_int_equal(output_format_parse(""), -1);
}

/* Drop each CR that precedes an LF, in place. */
static void
crlf_to_lf(char *s)
{
	char	*w = s;

	for (; *s != '\0'; s++) {
		if (s[0] != '\r' || s[1] != '\n')
			*w++ = *s;
	}
	*w = '\0';
}

/*
 * CSV written and loaded back by the CSV loader gives the same records:
 * the same CSV again (but for a CRLF inside a field, which the loader
 * reads as a line break, LF) and the same JSON but for people's details
 * (a CSV holds only their ids).
 */
static void
test_csv_loads_back_unchanged(void **state)
{
	struct registry	*reg = *state, *back;
	uint32_t	 idx[R_COUNT], i;
	char		*csv, *csv2, *json2, *err = NULL;

	for (i = 0; i < R_COUNT; i++)
		idx[i] = i;
	csv = render(reg, idx, R_COUNT, OUTPUT_CSV);
	back = load_buffer(csv, strlen(csv), "roundtrip.csv", LOAD_CSV, &err);
	if (back == NULL)
		fail_msg("CSV did not load back: %s", err);
	assert_int_equal(back->n_records, R_COUNT);
	csv2 = render(back, idx, R_COUNT, OUTPUT_CSV);
	crlf_to_lf(csv);
	assert_string_equal(csv2, csv);
	json2 = render(back, idx, R_COUNT, OUTPUT_JSON);
	assert_non_null(strstr(json2, "\"description\":\"say \\\"hi\\\", "
	    "\\\\back\\nline2\\tend\\u0001\\u001b[31m\\ufffd\""));
	assert_non_null(strstr(json2, "\"port\":null,\"port_end\":null"));
	free(json2);
	free(csv2);
	free(csv);
	registry_free(back);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_record_keys_exact),
		cmocka_unit_test(test_json_name_only_has_null_ports),
		cmocka_unit_test(test_json_range_port_end),
		cmocka_unit_test(test_json_dangling_person_has_id_and_nulls),
		cmocka_unit_test(test_json_string_escaping),
		cmocka_unit_test(test_json_kinds_and_empty_array),
		cmocka_unit_test(test_csv_header_and_quoting),
		cmocka_unit_test(test_csv_people_lists_bracketed),
		cmocka_unit_test(test_tsv_escaping),
		cmocka_unit_test(test_table_sanitizes_controls),
		cmocka_unit_test(test_table_header_and_columns),
		cmocka_unit_test(test_table_aligns_wide_characters),
		cmocka_unit_test(test_person_json_with_assignments),
		cmocka_unit_test(test_person_table_sanitized),
		cmocka_unit_test(test_person_dangling_json),
		cmocka_unit_test(test_gaps_formats),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_csv_loads_back_unchanged),
	};

	return RUN_GROUP_TESTS(tests, setup, builder_teardown);
}
