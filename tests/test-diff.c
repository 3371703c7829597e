/*
 * test-diff.c - two editions compared (diff.h): matching by name and
 * protocol, by ports for a name-less row and for a name repeated per
 * protocol; added, removed, moved, changed each once with the right
 * fields; people apart; only the fields asked for; white space alone is
 * no change.
 */
#include "config.h"

#include <stdlib.h>

#include "test.h"
#include "builder.h"

#include "diff.h"
#include "registry.h"

/*
 * The old edition:
 *   0 echo 7/tcp   1 echo 7/udp   2 Unassigned 8-9   3 gone 10/tcp
 *   4 mover 20/udp (contact Ann)   5 dup 30/tcp   6 dup 31/tcp
 *   7 Reserved 40/tcp
 * people: Ann (ann@x), Bob, Cy
 */
static struct registry *
old_edition(void)
{
	struct registry	*reg = registry_new("old");
	struct record	*r;

	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", NULL);
	add(reg, "echo", 7, 7, PROTO_UDP, "Echo", NULL);
	add(reg, NULL, 8, 9, PROTO_NONE, "Unassigned", NULL);
	add(reg, "gone", 10, 10, PROTO_TCP, "Gone soon", NULL);
	add(reg, "mover", 20, 20, PROTO_UDP, "Moves", "Ann");
	add(reg, "dup", 30, 30, PROTO_TCP, "Dup one", NULL);
	add(reg, "dup", 31, 31, PROTO_TCP, "Dup two", NULL);
	r = add(reg, NULL, 40, 40, PROTO_TCP, "Reserved", NULL);
	r->notes = registry_strdup(reg, "a  note\nwrapped");
	person(reg, .id = "Ann", .name = "Ann A", .email = "ann@x");
	person(reg, .id = "Bob", .name = "Bob B");
	person(reg, .id = "Cy", .name = "Cy C");
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	return reg;
}

/*
 * The new edition: echo/udp's description changed, gone removed,
 * "fresh 11/tcp" added, mover moved to 21 (contact now Bob), dup 31's
 * description changed (dup 30 the same), the Reserved row's note wrapped
 * otherwise (no change); Ann's e-mail changed, Cy removed, Dee added.
 */
static struct registry *
new_edition(void)
{
	struct registry	*reg = registry_new("new");
	struct record	*r;

	add(reg, "echo", 7, 7, PROTO_TCP, "Echo", NULL);
	add(reg, "echo", 7, 7, PROTO_UDP, "Echo service", NULL);
	add(reg, NULL, 8, 9, PROTO_NONE, "Unassigned", NULL);
	add(reg, "fresh", 11, 11, PROTO_TCP, "New", NULL);
	r = add(reg, "mover", 21, 21, PROTO_UDP, "Moves", NULL);
	registry_add_assignee(reg, r, "Ann", 3);
	registry_add_contact(reg, r, "Bob", 3);
	add(reg, "dup", 30, 30, PROTO_TCP, "Dup one", NULL);
	add(reg, "dup", 31, 31, PROTO_TCP, "Dup 2", NULL);
	r = add(reg, NULL, 40, 40, PROTO_TCP, "Reserved", NULL);
	r->notes = registry_strdup(reg, "a note wrapped ");
	person(reg, .id = "Ann", .name = "Ann A", .email = "ann@y");
	person(reg, .id = "Bob", .name = "Bob B");
	person(reg, .id = "Dee", .name = "Dee D");
	registry_set_cover(reg, 0, PORT_MAX);
	registry_finish(reg);
	return reg;
}

/* The item of d for the record of the new edition named name on proto
   (removed: of the old one), or NULL. */
static const struct diff_item *
item_of(const struct diff *d, const char *name, enum proto proto)
{
	const struct record	*r;
	const struct diff_item	*it;
	size_t			 i;

	for (i = 0; i < d->n_record_items; i++) {
		it = &d->items[i];
		r = it->new >= 0 ? &d->new->records[it->new] :
		    &d->old->records[it->old];
		if (r->service != NULL && strcmp(r->service, name) == 0 &&
		    r->proto == proto)
			return it;
	}
	return NULL;
}

static const struct diff_item *
person_item(const struct diff *d, const char *id)
{
	const struct diff_item	*it;
	const struct person	*p;
	size_t			 i;

	for (i = d->n_record_items; i < d->n_items; i++) {
		it = &d->items[i];
		p = it->new >= 0 ? &d->new->people[it->new] :
		    &d->old->people[it->old];
		if (strcmp(p->id, id) == 0)
			return it;
	}
	return NULL;
}

static void
assert_value(const struct diff *d, const struct diff_item *it,
    enum diff_field f, const char *before, const char *after)
{
	char	*b, *a;

	b = diff_record_value(&d->old->records[it->old], f);
	a = diff_record_value(&d->new->records[it->new], f);
	assert_string_equal(b, before);
	assert_string_equal(a, after);
	free(b);
	free(a);
}

static void
same_edition_has_no_change(void **state)
{
	struct registry	*a = old_edition(), *b = old_edition();
	struct diff	*d = diff_new(a, b, DIFF_ALL_FIELDS);

	assert_int_equal(d->n_items, 0);
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

static void
each_change_is_reported_once(void **state)
{
	struct registry			*a = old_edition(), *b = new_edition();
	struct diff			*d = diff_new(a, b, DIFF_ALL_FIELDS);
	const struct diff_item		*it;

	/* Records: fresh added, gone removed, mover moved, echo/udp and
	   dup 31 changed; nothing else. */
	assert_int_equal(d->n_record_items, 5);
	assert_int_equal(d->counts[0][DIFF_ADDED], 1);
	assert_int_equal(d->counts[0][DIFF_REMOVED], 1);
	assert_int_equal(d->counts[0][DIFF_MOVED], 1);
	assert_int_equal(d->counts[0][DIFF_CHANGED], 2);

	assert_non_null(it = item_of(d, "fresh", PROTO_TCP));
	assert_int_equal(it->change, DIFF_ADDED);
	assert_int_equal(it->old, -1);
	assert_non_null(it = item_of(d, "gone", PROTO_TCP));
	assert_int_equal(it->change, DIFF_REMOVED);
	assert_int_equal(it->new, -1);

	assert_non_null(it = item_of(d, "mover", PROTO_UDP));
	assert_int_equal(it->change, DIFF_MOVED);
	assert_int_equal(it->fields, DIFF_BIT(DIFF_PORT) |
	    DIFF_BIT(DIFF_CONTACTS));
	assert_value(d, it, DIFF_PORT, "20", "21");
	assert_value(d, it, DIFF_CONTACTS, "[Ann]", "[Bob]");

	assert_non_null(it = item_of(d, "echo", PROTO_UDP));
	assert_int_equal(it->change, DIFF_CHANGED);
	assert_int_equal(it->fields, DIFF_BIT(DIFF_DESCRIPTION));
	assert_value(d, it, DIFF_DESCRIPTION, "Echo", "Echo service");
	assert_null(item_of(d, "echo", PROTO_TCP));

	/* The repeated name: matched by port, so only 31 changed. */
	assert_non_null(it = item_of(d, "dup", PROTO_TCP));
	assert_int_equal(it->change, DIFF_CHANGED);
	assert_int_equal(d->new->records[it->new].port_lo, 31);
	assert_value(d, it, DIFF_DESCRIPTION, "Dup two", "Dup 2");

	/* The item of each changed record of the new edition. */
	assert_int_equal(d->of_new[0], -1);
	assert_int_equal(d->items[d->of_new[1]].change, DIFF_CHANGED);
	assert_int_equal(d->of_new[7], -1);	/* the re-wrapped note */

	/* People: Ann's e-mail, Dee added, Cy removed. */
	assert_int_equal(d->counts[1][DIFF_CHANGED], 1);
	assert_int_equal(d->counts[1][DIFF_ADDED], 1);
	assert_int_equal(d->counts[1][DIFF_REMOVED], 1);
	assert_non_null(it = person_item(d, "Ann"));
	assert_int_equal(it->fields, DIFF_BIT(DIFF_PERSON_EMAIL));
	assert_non_null(it = person_item(d, "Dee"));
	assert_int_equal(it->change, DIFF_ADDED);
	assert_non_null(it = person_item(d, "Cy"));
	assert_int_equal(it->change, DIFF_REMOVED);
	assert_null(person_item(d, "Bob"));

	diff_free(d);
	registry_free(a);
	registry_free(b);
}

/* A form that carries no people (CSV): no people change at all; a
   field left out: not reported, the move still is. */
static void
only_the_fields_asked_for(void **state)
{
	struct registry		*a = old_edition(), *b = new_edition();
	struct diff		*d;
	const struct diff_item	*it;

	d = diff_new(a, b, DIFF_RECORD_FIELDS & ~DIFF_BIT(DIFF_DESCRIPTION)
	    & ~DIFF_BIT(DIFF_CONTACTS));
	assert_int_equal(d->n_items, d->n_record_items);
	assert_null(item_of(d, "echo", PROTO_UDP));
	assert_non_null(it = item_of(d, "mover", PROTO_UDP));
	assert_int_equal(it->fields, DIFF_BIT(DIFF_PORT));
	assert_int_equal(d->compared & DIFF_PEOPLE_FIELDS, 0);
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

/* A name is matched without its case; the case is a change. */
static void
name_case_is_a_change_not_a_new_record(void **state)
{
	struct registry		*a = registry_new("a"), *b = registry_new("b");
	struct diff		*d;

	add(a, "Kerberos", 88, 88, PROTO_TCP, "Kerberos", NULL);
	add(b, "kerberos", 88, 88, PROTO_TCP, "Kerberos", NULL);
	registry_finish(a);
	registry_finish(b);
	d = diff_new(a, b, DIFF_ALL_FIELDS);
	assert_int_equal(d->n_items, 1);
	assert_int_equal(d->items[0].change, DIFF_CHANGED);
	assert_int_equal(d->items[0].fields, DIFF_BIT(DIFF_SERVICE));
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

/* Name-less rows: by ports and kind.  A Reserved row that became
   Unassigned is one removed and one added. */
static void
nameless_rows_match_by_ports_and_kind(void **state)
{
	struct registry		*a = registry_new("a"), *b = registry_new("b");
	struct diff		*d;

	add(a, NULL, 5, 5, PROTO_TCP, "Reserved", NULL);
	add(a, NULL, 6, 9, PROTO_NONE, "Unassigned", NULL);
	add(b, NULL, 5, 5, PROTO_TCP, "Unassigned", NULL);
	add(b, NULL, 6, 9, PROTO_NONE, "Unassigned", NULL);
	registry_finish(a);
	registry_finish(b);
	d = diff_new(a, b, DIFF_ALL_FIELDS);
	assert_int_equal(d->n_items, 2);
	assert_int_equal(d->items[0].change, DIFF_ADDED);
	assert_int_equal(d->items[0].new, 0);
	assert_int_equal(d->items[1].change, DIFF_REMOVED);
	assert_int_equal(d->items[1].old, 0);
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

/* A repeated name with one left on each side after matching by port:
   a move; two left: removed and added. */
static void
repeated_name_leftovers(void **state)
{
	struct registry		*a = registry_new("a"), *b = registry_new("b");
	struct diff		*d;

	add(a, "x", 1, 1, PROTO_TCP, "X", NULL);
	add(a, "x", 2, 2, PROTO_TCP, "X", NULL);
	add(b, "x", 1, 1, PROTO_TCP, "X", NULL);
	add(b, "x", 3, 3, PROTO_TCP, "X", NULL);
	add(a, "y", 1, 1, PROTO_UDP, "Y", NULL);
	add(a, "y", 2, 2, PROTO_UDP, "Y", NULL);
	add(b, "y", 3, 3, PROTO_UDP, "Y", NULL);
	add(b, "y", 4, 4, PROTO_UDP, "Y", NULL);
	registry_finish(a);
	registry_finish(b);
	d = diff_new(a, b, DIFF_ALL_FIELDS);
	assert_int_equal(d->counts[0][DIFF_MOVED], 1);
	assert_int_equal(d->counts[0][DIFF_ADDED], 2);
	assert_int_equal(d->counts[0][DIFF_REMOVED], 2);
	assert_int_equal(d->n_items, 5);
	assert_int_equal(d->items[0].change, DIFF_MOVED);
	assert_int_equal(d->items[0].old, 1);
	assert_int_equal(d->items[0].new, 1);
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

/* The browser's list: the new edition with the removed record put back
   before the first record past its port, each record with its item. */
static void
merge_puts_removed_records_back_at_their_port(void **state)
{
	struct registry		*a = old_edition(), *b = new_edition(), *m;
	struct diff		*d = diff_new(a, b, DIFF_ALL_FIELDS);
	int32_t			*item_of;
	size_t			 i;

	m = diff_merge(d, &item_of);
	assert_int_equal(m->n_records, b->n_records + 1);
	/* echo 7/tcp, echo 7/udp, 8-9, gone 10/tcp (removed), fresh 11 */
	assert_string_equal(m->records[3].service, "gone");
	assert_int_equal(d->items[item_of[3]].change, DIFF_REMOVED);
	assert_string_equal(m->records[4].service, "fresh");
	assert_int_equal(d->items[item_of[4]].change, DIFF_ADDED);
	assert_int_equal(item_of[0], -1);
	assert_int_equal(d->items[item_of[1]].change, DIFF_CHANGED);
	for (i = 5; i < m->n_records; i++)
		assert_string_equal(m->records[i].service == NULL ? "" :
		    m->records[i].service, b->records[i - 1].service == NULL ?
		    "" : b->records[i - 1].service);
	assert_int_equal(m->n_people, b->n_people);
	/* The gaps are the new edition's: 10, where gone was, is free;
	   the Unassigned row's gap points at that row in m. */
	assert_int_equal(m->n_gaps, b->n_gaps);
	for (i = 0; i < m->n_gaps; i++) {
		assert_int_equal(m->gaps[i].lo, b->gaps[i].lo);
		assert_int_equal(m->gaps[i].hi, b->gaps[i].hi);
		assert_int_equal(m->gaps[i].proto, b->gaps[i].proto);
		if (b->gaps[i].record < 0)
			assert_int_equal(m->gaps[i].record, -1);
		else
			assert_int_equal(m->records[m->gaps[i].record].port_lo,
			    b->records[b->gaps[i].record].port_lo);
	}
	assert_true(registry_gap_at(m, 10) >= 0);
	assert_int_equal(m->cover_lo, b->cover_lo);
	assert_int_equal(m->cover_hi, b->cover_hi);
	assert_string_equal(m->updated == NULL ? "" : m->updated,
	    b->updated == NULL ? "" : b->updated);
	free(item_of);
	registry_free(m);
	diff_free(d);
	registry_free(a);
	registry_free(b);
}

static void
text_equal_ignores_white_space_runs_only(void **state)
{
	assert_true(diff_text_equal(NULL, ""));
	assert_true(diff_text_equal(NULL, " \n"));
	assert_true(diff_text_equal("a b", " a\n  b "));
	assert_true(diff_text_equal("a b ", "a b"));
	assert_false(diff_text_equal("ab", "a b"));
	assert_false(diff_text_equal("a b", "a bc"));
	assert_false(diff_text_equal("a", NULL));
	assert_false(diff_text_equal("A", "a"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_edition_has_no_change),
		cmocka_unit_test(each_change_is_reported_once),
		cmocka_unit_test(only_the_fields_asked_for),
		cmocka_unit_test(name_case_is_a_change_not_a_new_record),
		cmocka_unit_test(nameless_rows_match_by_ports_and_kind),
		cmocka_unit_test(repeated_name_leftovers),
		cmocka_unit_test(merge_puts_removed_records_back_at_their_port),
		cmocka_unit_test(text_equal_ignores_white_space_runs_only),
	};

	return RUN_TESTS(tests);
}
