/*
 * test-snapshot-image.c - a registry's image (snapshot.h) opens as the same
 * registry, moved or in place (read-only there: opening writes
 * nothing), and an image damaged behind a right checksum is refused,
 * each check by its own damage.
 */
#include "config.h"

#include <sys/mman.h>

#include "test.h"

#include "load.h"
#include "registry.h"
#include "snapshot-image.h"
#include "xmalloc.h"

#define BASE	0x200000000000ULL

static const unsigned char key[SNAPSHOT_KEY_SIZE] = "test key";

static struct registry *
excerpt(void)
{
	struct registry	*reg;
	char		*err = NULL;

	reg = load_file(test_data("xml-excerpt.xml"), LOAD_XML, &err);
	if (reg == NULL)
		fail_msg("%s", err);
	return reg;
}

static void
same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void
same_refs(const struct person_ref *a, const struct person_ref *b,
    uint32_t n)
{
	uint32_t	 i;

	for (i = 0; i < n; i++) {
		assert_string_equal(a[i].id, b[i].id);
		assert_int_equal(a[i].person, b[i].person);
	}
}

/* Everything a query reads, field by field. */
static void
same_registry(const struct registry *a, const struct registry *b)
{
	const struct record	*x, *y;
	size_t			 i, slots;
	uint32_t		 j;

	same_text(a->format, b->format);
	same_text(a->updated, b->updated);
	same_text(a->title, b->title);
	assert_int_equal(a->n_records, b->n_records);
	for (i = 0; i < a->n_records; i++) {
		x = &a->records[i];
		y = &b->records[i];
		same_text(x->service, y->service);
		assert_int_equal(x->port_lo, y->port_lo);
		assert_int_equal(x->port_hi, y->port_hi);
		assert_int_equal(x->proto, y->proto);
		assert_int_equal(x->kind, y->kind);
		same_text(x->description, y->description);
		assert_int_equal(x->n_assignees, y->n_assignees);
		same_refs(x->assignees, y->assignees, x->n_assignees);
		assert_int_equal(x->n_contacts, y->n_contacts);
		same_refs(x->contacts, y->contacts, x->n_contacts);
		/* Lists shared stay shared (haystack.c compares them). */
		assert_int_equal(x->contacts == x->assignees,
		    y->contacts == y->assignees);
		same_text(x->registered, y->registered);
		same_text(x->modified, y->modified);
		assert_int_equal(x->n_refs, y->n_refs);
		for (j = 0; j < x->n_refs; j++)
			assert_string_equal(x->refs[j], y->refs[j]);
		same_text(x->service_code, y->service_code);
		same_text(x->unauthorized, y->unauthorized);
		same_text(x->notes, y->notes);
		assert_int_equal(x->line, y->line);
	}
	assert_int_equal(a->n_people, b->n_people);
	for (i = 0; i < a->n_people; i++) {
		same_text(a->people[i].id, b->people[i].id);
		same_text(a->people[i].name, b->people[i].name);
		same_text(a->people[i].org, b->people[i].org);
		same_text(a->people[i].email, b->people[i].email);
		same_text(a->people[i].uri, b->people[i].uri);
		same_text(a->people[i].updated, b->people[i].updated);
		assert_int_equal(a->people[i].n_records,
		    b->people[i].n_records);
	}
	assert_int_equal(a->n_gaps, b->n_gaps);
	assert_memory_equal(a->gaps, b->gaps, a->n_gaps * sizeof *a->gaps);
	assert_int_equal(a->n_warnings, b->n_warnings);
	for (i = 0; i < a->n_warnings; i++)
		assert_string_equal(a->warnings[i].text, b->warnings[i].text);
	assert_int_equal(a->cover_lo, b->cover_lo);
	assert_int_equal(a->cover_hi, b->cover_hi);
	assert_int_equal(a->max_span, b->max_span);
	assert_int_equal(a->n_by_port, b->n_by_port);
	assert_memory_equal(a->by_port, b->by_port, a->n_by_port * 4);
	assert_int_equal(a->n_by_name, b->n_by_name);
	assert_memory_equal(a->by_name, b->by_name,
	    (a->n_records + a->n_by_name) * 4);
	slots = 16;
	while (slots < a->n_people + a->n_people / 2)
		slots *= 2;
	assert_memory_equal(a->people_by_id, b->people_by_id, slots * 4);
	assert_memory_equal(a->person_first, b->person_first,
	    (a->n_people + 1) * 4);
}

static void
moved_and_in_place(void **state)
{
	struct registry	*reg = excerpt(), *got;
	const char	*why = NULL;
	unsigned char	*img, *copy;
	size_t		 len;
	void		*at;

	(void)state;
	img = registry_snapshot_image(reg, key, BASE, &len);
	assert_non_null(img);
	assert_int_equal(len % 8, 0);

	/* Moved: a buffer elsewhere, the pointers fixed in place. */
	copy = xmalloc(len);
	memcpy(copy, img, len);
	got = registry_snapshot_open(copy, len, key, "x", NULL, &why);
	assert_non_null(got);
	same_registry(reg, got);
	registry_free(got);
	free(copy);

	/* In place, read-only: a write would fault. */
	at = mmap((void *)(uintptr_t)BASE, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (at == MAP_FAILED || (uintptr_t)at != BASE) {
		if (at != MAP_FAILED)
			munmap(at, len);
		free(img);
		registry_free(reg);
		skip_because("address 0x%llx is taken", (unsigned long long)BASE);
	}
	memcpy(at, img, len);
	assert_int_equal(mprotect(at, len, PROT_READ), 0);
	got = registry_snapshot_open(at, len, key, "x", NULL, &why);
	assert_non_null(got);
	assert_ptr_equal(got->records, (char *)at +
	    ((const struct snap_header *)at)->sec[SEC_RECORDS].off);
	same_registry(reg, got);
	registry_free(got);
	munmap(at, len);
	free(img);
	registry_free(reg);
}

/* Damage copy of img with fn; with the checksum right again, it must be
   refused for reason want. */
static void
refused(const unsigned char *img, size_t len,
    void (*fn)(unsigned char *, size_t), const char *want, int resum)
{
	unsigned char	*copy = xmalloc(len);
	const char	*why = NULL;
	uint64_t	 sum;
	struct registry	*got;

	memcpy(copy, img, len);
	fn(copy, len);
	if (resum) {
		sum = registry_snapshot_sum(copy, len);
		memcpy(copy + SNAPSHOT_OFF_CHECKSUM, &sum, sizeof sum);
	}
	got = registry_snapshot_open(copy, len, key, "x", NULL, &why);
	if (got != NULL)
		fail_msg("damage for '%s' was not refused", want);
	assert_non_null(why);
	if (strstr(why, want) == NULL)
		fail_msg("refused for '%s', want '%s'", why, want);
	free(copy);
}

#define H(c)	((struct snap_header *)(void *)(c))
#define SEC(c, s) ((c) + H(c)->sec[s].off)

static void d_version(unsigned char *c, size_t n) { (void)n; H(c)->version++; }
static void d_layout(unsigned char *c, size_t n) { (void)n; H(c)->layout[2]++; }
static void d_magic(unsigned char *c, size_t n) { (void)n; c[0] ^= 1; }
static void d_length(unsigned char *c, size_t n) { (void)n; H(c)->length += 8; }
static void d_key(unsigned char *c, size_t n) { (void)n; H(c)->key[5] ^= 1; }
static void d_byte(unsigned char *c, size_t n) { c[n / 2] ^= 0x40; }
static void d_cover(unsigned char *c, size_t n) { (void)n; H(c)->cover_hi = 70000; }
static void d_past(unsigned char *c, size_t n) { H(c)->sec[SEC_STRINGS].off = n + 8; }
static void d_overlap(unsigned char *c, size_t n) { (void)n; H(c)->sec[SEC_PEOPLE].off = H(c)->sec[SEC_RECORDS].off; }
static void d_count(unsigned char *c, size_t n) { (void)n; H(c)->n_records++; }

static void
d_port(unsigned char *c, size_t n)
{
	struct record	*r = (struct record *)(void *)SEC(c, SEC_RECORDS);

	(void)n;
	r[1].port_lo = r[1].port_hi = 70000;
}

static void
d_text(unsigned char *c, size_t n)
{
	struct record	*r = (struct record *)(void *)SEC(c, SEC_RECORDS);
	uint64_t	 v = H(c)->base + n + 100;

	memcpy(&r[0].description, &v, sizeof v);
}

static void
d_list(unsigned char *c, size_t n)
{
	struct record	*r = (struct record *)(void *)SEC(c, SEC_RECORDS);

	(void)n;
	r[0].n_assignees = 1u << 30;
}

static void
d_cycle(unsigned char *c, size_t n)
{
	uint32_t	*next = (uint32_t *)(void *)SEC(c, SEC_BY_NAME);

	(void)n;
	next[3] = 3;		/* a chain that never ends */
}

static void
d_full(unsigned char *c, size_t n)
{
	uint32_t	*t = (uint32_t *)(void *)SEC(c, SEC_PEOPLE_BY_ID);
	size_t		 i, k = H(c)->sec[SEC_PEOPLE_BY_ID].size / 4;

	(void)n;
	for (i = 0; i < k; i++)
		t[i] = 0;	/* no free slot: a probe would not stop */
}

static void
d_order(unsigned char *c, size_t n)
{
	uint32_t	*p = (uint32_t *)(void *)SEC(c, SEC_BY_PORT);
	uint32_t	 t = p[0];

	(void)n;
	p[0] = p[5];
	p[5] = t;
}

static void
d_person(unsigned char *c, size_t n)
{
	struct person_ref *l = (struct person_ref *)(void *)SEC(c, SEC_PREFS);

	(void)n;
	l[0].person = 1 << 20;
}

static void
refuses_damage(void **state)
{
	struct registry	*reg = excerpt();
	unsigned char	*img;
	size_t		 len;

	(void)state;
	img = registry_snapshot_image(reg, key, BASE, &len);
	assert_non_null(img);
	refused(img, len, d_magic, "not a snapshot", 1);
	refused(img, len, d_version, "version", 1);
	refused(img, len, d_layout, "layout", 1);
	refused(img, len, d_length, "length", 1);
	refused(img, len, d_byte, "checksum", 0);
	refused(img, len, d_key, "checksum", 0);
	refused(img, len, d_key, "key", 1);
	refused(img, len, d_cover, "cover", 1);
	refused(img, len, d_past, "section", 1);
	refused(img, len, d_overlap, "section", 1);
	refused(img, len, d_count, "section", 1);
	refused(img, len, d_port, "port", 1);
	refused(img, len, d_text, "text", 1);
	refused(img, len, d_list, "list", 1);
	refused(img, len, d_cycle, "name index", 1);
	refused(img, len, d_full, "people index", 1);
	refused(img, len, d_order, "port index", 1);
	refused(img, len, d_person, "person number", 1);
	/* Shorter than a header; not aligned. */
	assert_null(registry_snapshot_open(img, 100, key, "x", NULL,
	    &(const char *){ NULL }));
	free(img);
	registry_free(reg);
}

/*
 * The fuzz harness's seeds (tests/fuzz/corpus/snapshot) are images of
 * this format: moved (as the harness opens them unless their last byte
 * says otherwise) and with the checksum made right, each opens, so mutations start from a snapshot that loads, not one the
 * version check refuses at once (as the seeds did when the format went
 * to version 2).  After a format change, make them again:
 * tests/fuzz/make-snapshot-seeds.sh.
 */
static void
fuzz_seeds_are_this_format(void **state)
{
	const char	*seeds[] = { "csv-excerpt", "fixed-excerpt",
	    "text-excerpt", "xml-excerpt", NULL };
	const char	*top = getenv("top_srcdir"), *why;
	struct registry	*got;
	unsigned char	 k[SNAPSHOT_KEY_SIZE];
	uint64_t	*img, sum;
	char		 path[4096];
	size_t		 i, len;
	FILE		*f;

	(void)state;
	for (i = 0; seeds[i] != NULL; i++) {
		snprintf(path, sizeof path,
		    "%s/tests/fuzz/corpus/snapshot/%s.snap", top ? top : ".",
		    seeds[i]);
		if ((f = fopen(path, "rb")) == NULL)
			fail_msg("%s: %s", path, strerror(errno));
		img = xcalloc(1 << 17, 8);
		len = fread(img, 1, (size_t)8 << 17, f);
		fclose(f);
		assert_true(len > SNAPSHOT_OFF_KEY + SNAPSHOT_KEY_SIZE &&
		    len < (size_t)8 << 17);
		memcpy(k, (char *)img + SNAPSHOT_OFF_KEY, sizeof k);
		sum = registry_snapshot_sum(img, len);
		memcpy((char *)img + SNAPSHOT_OFF_CHECKSUM, &sum, sizeof sum);
		why = NULL;
		got = registry_snapshot_open(img, len, k, path, NULL, &why);
		if (got == NULL)
			fail_msg("%s: refused: %s", path, why ? why : "?");
		assert_true(got->n_records > 0);
		registry_free(got);
		free(img);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moved_and_in_place),
		cmocka_unit_test(refuses_damage),
		cmocka_unit_test(fuzz_seeds_are_this_format),
	};

	return RUN_TESTS(tests);
}
