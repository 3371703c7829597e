/*
 * test-load.c - format detection, bounded file reading, and the parsers
 * the loaders share (people lists, references, contact URIs).
 */
#include "config.h"

#include <sys/stat.h>

#include <stdint.h>

#include "test.h"

#include "load.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

static void
detects_each_format(void **state)
{
	const char	*xml = "\xef\xbb\xbf  <?xml version='1.0'?><registry/>";
	const char	*csv = "Service Name,Port Number,Transport Protocol,"
	    "Description\n";
	const char	*text = "Last Updated\n2024-10-15\nService Name Port "
	    "Number Transport Protocol Description\n";
	const char	*fixed = "\n Service Name   Port Number Protocol  "
	    "Description\n";
	const char	*tsv = "\xef\xbb\xbfService Name\tPort Number\t"
	    "Transport Protocol\tDescription\n";

	assert_int_equal(load_detect(xml, strlen(xml)), LOAD_XML);
	assert_int_equal(load_detect(csv, strlen(csv)), LOAD_CSV);
	assert_int_equal(load_detect(text, strlen(text)), LOAD_TEXT);
	assert_int_equal(load_detect(fixed, strlen(fixed)), LOAD_FIXED);
	assert_int_equal(load_detect(tsv, strlen(tsv)), LOAD_TSV);
	assert_int_equal(load_detect("", 0), LOAD_TEXT);
}

static void
detects_the_real_files(void **state)
{
	static const char *names[] = { CSV_2025, TXT_2013 };
	static const enum load_format want[] = { LOAD_CSV, LOAD_FIXED };
	char		*buf, *err;
	size_t		 len, i;
	const char	*path;

	for (i = 0; i < 2; i++) {
		if ((path = test_registry(names[i])) == NULL)
			skip();
		assert_int_equal(load_read_file(path, &buf, &len, &err), 0);
		assert_int_equal(load_detect(buf, len), want[i]);
		free(buf);
	}
}

/* The registries in data/: the 2026 XML and the pasted-text sample. */
static void
detects_the_shipped_files(void **state)
{
	static const char *names[] = { XML_SHIPPED, SEED_2024 };
	static const enum load_format want[] = { LOAD_XML, LOAD_TEXT };
	char	*buf, *err;
	size_t	 len, i;

	for (i = 0; i < 2; i++) {
		assert_int_equal(load_read_file(test_shipped(names[i]), &buf,
		    &len, &err), 0);
		assert_int_equal(load_detect(buf, len), want[i]);
		free(buf);
	}
}

static void
format_names(void **state)
{
	assert_int_equal(load_format_parse("XML"), LOAD_XML);
	assert_int_equal(load_format_parse("fixed"), LOAD_FIXED);
	assert_int_equal(load_format_parse("tsv"), LOAD_TSV);
	assert_string_equal(load_format_name(LOAD_TSV), "tsv");
	assert_int_equal(load_format_parse("yaml"), -1);
	assert_string_equal(load_format_name(LOAD_CSV), "csv");
}

static void
error_messages_name_file_and_line(void **state)
{
	char	*e;

	e = load_error("f.xml", 12, 3, "expected %s", "a record");
	assert_string_equal(e, "f.xml:12:3: expected a record");
	free(e);
	e = load_error("f.csv", 4, 0, "short row");
	assert_string_equal(e, "f.csv:4: short row");
	free(e);
	e = load_error("f", 0, 0, "empty");
	assert_string_equal(e, "f: empty");
	free(e);
}

static void
read_refuses_missing_file(void **state)
{
	char	*buf, *err;
	size_t	 len;

	assert_int_equal(load_read_file("/nonexistent/x", &buf, &len, &err),
	    -1);
	assert_non_null(strstr(err, "/nonexistent/x"));
	assert_non_null(strstr(err, "cannot open"));
	free(err);
}

static void
read_refuses_directory(void **state)
{
	char	*buf, *err;
	size_t	 len;

	assert_int_equal(load_read_file("/", &buf, &len, &err), -1);
	assert_non_null(strstr(err, "directory"));
	free(err);
}

static void
read_stops_at_nul(void **state)
{
	char	*buf, *err;
	size_t	 len;

	/* /dev/zero: ends at once with a clear message, no unbounded read. */
	assert_int_equal(load_read_file("/dev/zero", &buf, &len, &err), -1);
	assert_non_null(strstr(err, "/dev/zero:1:1: NUL byte"));
	free(err);
}

static void
read_nul_names_line(void **state)
{
	char	 path[] = "/tmp/portreg-test-XXXXXX", *buf, *err;
	int	 fd = mkstemp(path);
	size_t	 len;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "a\nbc\0d", 6), 6);
	close(fd);
	assert_int_equal(load_read_file(path, &buf, &len, &err), -1);
	assert_non_null(strstr(err, ":2:3: NUL byte"));
	free(err);
	unlink(path);
}

static void
read_empty_file(void **state)
{
	char	 path[] = "/tmp/portreg-test-XXXXXX", *buf, *err;
	int	 fd = mkstemp(path);
	size_t	 len;

	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(load_read_file(path, &buf, &len, &err), 0);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
	free(buf);
	unlink(path);
}

/* A temporary file holding len bytes of text; path must be a mkstemp
   template. */
static void
temp_file(char *path, const char *text, size_t len)
{
	int	 fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
}

static void
read_sizes_buffer_from_the_file(void **state)
{
	char	 path[] = "/tmp/portreg-test-XXXXXX", *buf, *err;
	char	 text[100000];
	size_t	 len, i;

	for (i = 0; i < sizeof text; i++)
		text[i] = i % 61 == 60 ? '\n' : 'a' + i % 26;
	temp_file(path, text, sizeof text);
	assert_int_equal(load_read_file(path, &buf, &len, &err), 0);
	assert_int_equal(len, sizeof text);
	assert_memory_equal(buf, text, sizeof text);
	assert_int_equal(buf[len], '\0');
	free(buf);
	unlink(path);
}

/* A big file is read into huge-page units (xbig), whole. */
static void
read_big_file_whole(void **state)
{
	char	 path[] = "/tmp/portreg-test-XXXXXX", *buf, *err, *text;
	size_t	 len, i, size = XBIG_MIN + XBIG_MIN / 2;

	text = xmalloc(size);
	for (i = 0; i < size; i++)
		text[i] = i % 61 == 60 ? '\n' : 'a' + i % 26;
	temp_file(path, text, size);
	assert_int_equal(load_read_file(path, &buf, &len, &err), 0);
	assert_int_equal(len, size);
	assert_memory_equal(buf, text, size);
	assert_int_equal(buf[len], '\0');
	assert_int_equal((uintptr_t)buf % XBIG_UNIT, 0);
	free(buf);
	unlink(path);
	free(text);
}

/* XML is read straight into the parser: the NUL-byte message is the
   same, wherever the NUL is. */
static void
load_file_xml_nul_names_line(void **state)
{
	char		 path[] = "/tmp/portreg-test-XXXXXX", *err;
	struct buf	 b = { NULL, 0, 0 };
	int		 i;

	buf_adds(&b, "<?xml version='1.0'?>\n<registry>\n");
	for (i = 0; i < 100; i++)
		buf_adds(&b, "<record><name>x</name></record>\n");
	buf_add(&b, "<record><name>x", 15);
	buf_addc(&b, '\0');
	buf_adds(&b, "</name></record>\n</registry>\n");
	temp_file(path, b.data, b.len);
	assert_null(load_file(path, LOAD_AUTO, &err));
	assert_non_null(strstr(err, ":103:16: NUL byte, expected text"));
	free(err);
	assert_null(load_file(path, LOAD_XML, &err));
	assert_non_null(strstr(err, ":103:16: NUL byte, expected text"));
	free(err);
	buf_free(&b);
	unlink(path);
}

/* Format detection still looks at the whole start of the file: blank
   lines longer than what load_file reads first, then XML, or CSV. */
static void
load_file_detects_after_long_blank_start(void **state)
{
	char		 path[] = "/tmp/portreg-test-XXXXXX", *err;
	struct buf	 b = { NULL, 0, 0 };
	struct registry	*reg;
	int		 i;

	for (i = 0; i < 200; i++)
		buf_adds(&b, "    \n");
	buf_adds(&b, "<registry><record><name>nbd</name><protocol>tcp"
	    "</protocol><number>10809</number></record></registry>\n");
	temp_file(path, b.data, b.len);
	reg = load_file(path, LOAD_AUTO, &err);
	assert_non_null(reg);
	assert_string_equal(reg->format, "xml");
	assert_int_equal(reg->n_records, 1);
	assert_int_equal(reg->records[0].port_lo, 10809);
	assert_int_equal(reg->records[0].line, 201);
	registry_free(reg);
	unlink(path);

	buf_clear(&b);
	buf_adds(&b, "Service Name,Port Number,Transport Protocol,"
	    "Description,Assignee,Contact,Registration Date,Modification "
	    "Date,Reference,Service Code,Unauthorized Use Reported,"
	    "Assignment Notes\n");
	for (i = 0; i < 100; i++)
		buf_printf(&b, "s%d,%d,tcp,Service %d,,,,,,,,\n", i, 1000 + i,
		    i);
	strcpy(path, "/tmp/portreg-test-XXXXXX");
	temp_file(path, b.data, b.len);
	reg = load_file(path, LOAD_AUTO, &err);
	assert_non_null(reg);
	assert_string_equal(reg->format, "csv");
	assert_int_equal(reg->n_records, 100);
	registry_free(reg);
	unlink(path);
	buf_free(&b);
}

static struct record *
one_record(struct registry **reg)
{
	*reg = registry_new("t");
	return registry_add_record(*reg);
}

static void
people_lists(void **state)
{
	struct registry	*reg;
	struct record	*r = one_record(&reg);

	assert_int_equal(load_people_list(reg, r, 'a',
	    "[Matthew_Strange][Larry_Atkin_2]", 32), 0);
	assert_int_equal(r->n_assignees, 2);
	assert_string_equal(r->assignees[1].id, "Larry_Atkin_2");
	assert_int_equal(load_people_list(reg, r, 'c', " [_3GPP] [FORTÉ] ",
	    strlen(" [_3GPP] [FORTÉ] ")), 0);
	assert_int_equal(r->n_contacts, 2);
	assert_string_equal(r->contacts[1].id, "FORTÉ");
	/* Not lists: nothing added. */
	assert_int_equal(load_people_list(reg, r, 'a', "Jon Postel", 10), -1);
	assert_int_equal(load_people_list(reg, r, 'a', "[A] x", 5), -1);
	assert_int_equal(load_people_list(reg, r, 'a', "[]", 2), -1);
	assert_int_equal(load_people_list(reg, r, 'a', "[A", 2), -1);
	assert_int_equal(load_people_list(reg, r, 'a', "", 0), -1);
	assert_int_equal(r->n_assignees, 2);
	registry_free(reg);
}

static void
references(void **state)
{
	struct registry	*reg;
	struct record	*r = one_record(&reg);
	const char	*s;

	s = "[1][RFC4727][RFC6335]";
	load_refs(reg, r, s, strlen(s));
	assert_int_equal(r->n_refs, 3);
	assert_string_equal(r->refs[0], "1");
	assert_string_equal(r->refs[2], "RFC6335");
	s = " [RFC8765, Section 6.1] ";
	load_refs(reg, r, s, strlen(s));
	assert_string_equal(r->refs[3], "RFC8765, Section 6.1");
	s = "free text / with slashes";
	load_refs(reg, r, s, strlen(s));
	assert_string_equal(r->refs[4], s);
	s = "[[a]b]";
	load_refs(reg, r, s, strlen(s));
	assert_string_equal(r->refs[5], "[a]b");
	s = "[unclosed";
	load_refs(reg, r, s, strlen(s));
	assert_string_equal(r->refs[6], "[unclosed");
	load_refs(reg, r, "  ", 2);
	assert_int_equal(r->n_refs, 7);
	registry_free(reg);
}

static void
contact_uris(void **state)
{
	struct registry	*reg = registry_new("t");
	struct person	*p = registry_add_person(reg);
	const char	*u;

	u = "mailto:w&uter.be";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, "w@uter.be");
	u = "http://xippix.com";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->uri, u);

	p = registry_add_person(reg);
	u = "mailto:mouthers@slugg&nwnexus.wa.com";	/* both: keep '&' */
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, "mouthers@slugg&nwnexus.wa.com");

	p = registry_add_person(reg);
	u = "flanne@vnet.IBM.COM";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, u);
	u = "tel:+1-604-681-4549";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->uri, u);

	p = registry_add_person(reg);
	u = "mailto:Giriraj Harapanahalli";	/* broken, kept as given */
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, "Giriraj Harapanahalli");

	/* Two addresses (WAP_Forum): the second is a real mailto: URI,
	   never IANA's '&' form (issue 14, item 13). */
	p = registry_add_person(reg);
	u = "mailto:wap-feedback&mail.wapforum.org";
	load_person_uri(reg, p, u, strlen(u));
	u = "mailto:pg&uplanet.com";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, "wap-feedback@mail.wapforum.org");
	assert_string_equal(p->uri, "mailto:pg@uplanet.com");
	u = "mailto:third&example.org";		/* no room: dropped */
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->uri, "mailto:pg@uplanet.com");
	/* A bare '&' address, without mailto:. */
	p = registry_add_person(reg);
	u = "pg&uplanet.com";
	load_person_uri(reg, p, u, strlen(u));
	assert_string_equal(p->email, "pg@uplanet.com");
	assert_null(p->uri);
	/* The same address twice is one address. */
	p = registry_add_person(reg);
	u = "mailto:a&b.example";
	load_person_uri(reg, p, u, strlen(u));
	load_person_uri(reg, p, u, strlen(u));
	assert_null(p->uri);
	registry_free(reg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(detects_each_format),
		cmocka_unit_test(detects_the_real_files),
		cmocka_unit_test(detects_the_shipped_files),
		cmocka_unit_test(format_names),
		cmocka_unit_test(error_messages_name_file_and_line),
		cmocka_unit_test(read_refuses_missing_file),
		cmocka_unit_test(read_refuses_directory),
		cmocka_unit_test(read_stops_at_nul),
		cmocka_unit_test(read_nul_names_line),
		cmocka_unit_test(read_empty_file),
		cmocka_unit_test(read_sizes_buffer_from_the_file),
		cmocka_unit_test(read_big_file_whole),
		cmocka_unit_test(load_file_xml_nul_names_line),
		cmocka_unit_test(load_file_detects_after_long_blank_start),
		cmocka_unit_test(people_lists),
		cmocka_unit_test(references),
		cmocka_unit_test(contact_uris),
	};

	return RUN_TESTS(tests);
}
