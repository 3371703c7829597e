/*
 * diff.h - what changed between two editions of the registry (SPEC 8).
 *
 * Pure model logic: two finished registries in, a list of changes out;
 * no I/O.  Records are matched by service name (ASCII case folded) and
 * protocol; name-less rows (Reserved, Unassigned) by port range,
 * protocol and kind.  Where a name appears more than once per protocol
 * on either side, its records are matched by port range as well, and
 * when one record of the group is then left on each side the two are
 * taken for a move.  People are matched by id (exact case).
 *
 * Text fields are compared with runs of white space taken as one blank
 * and leading and trailing white space ignored (IANA's CSV and XML wrap
 * the same text differently); lists (people ids, references) item by
 * item.  Only the fields in the mask given to diff_new are compared:
 * the caller leaves out what either form does not carry (people in a
 * CSV, say), so that nothing missing from a form shows as a change.
 *
 * Ownership: a diff borrows both registries (they must outlive it) and
 * owns its arrays; diff_free frees them.
 */
#ifndef PORTREG_DIFF_H
#define PORTREG_DIFF_H

#include <stddef.h>
#include <stdint.h>

struct registry;
struct record;
struct person;

/* The fields compared, record fields first, then a person's. */
enum diff_field {
	DIFF_SERVICE = 0,	/* the name's case (matching folds it) */
	DIFF_PORT,		/* a move */
	DIFF_DESCRIPTION,
	DIFF_ASSIGNEES,
	DIFF_CONTACTS,
	DIFF_REGISTERED,
	DIFF_MODIFIED,
	DIFF_REFS,
	DIFF_SERVICE_CODE,
	DIFF_UNAUTHORIZED,
	DIFF_NOTES,
	DIFF_PERSON_NAME,
	DIFF_PERSON_ORG,
	DIFF_PERSON_EMAIL,
	DIFF_PERSON_URI,
	DIFF_FIELDS
};

#define DIFF_BIT(f)		(1u << (f))
#define DIFF_RECORD_FIELDS	(DIFF_BIT(DIFF_PERSON_NAME) - 1)
#define DIFF_PEOPLE_FIELDS	(DIFF_BIT(DIFF_FIELDS) - DIFF_BIT(DIFF_PERSON_NAME))
#define DIFF_ALL_FIELDS		(DIFF_BIT(DIFF_FIELDS) - 1)

enum diff_change {
	DIFF_ADDED = 0,
	DIFF_REMOVED,
	DIFF_MOVED,		/* same name and protocol, other ports */
	DIFF_CHANGED,
	DIFF_CHANGES
};

struct diff_item {
	enum diff_change change;
	int		 person;	/* a people entry, not a record */
	int32_t		 old;		/* index in the old registry, or -1 */
	int32_t		 new;		/* index in the new registry, or -1 */
	uint32_t	 fields;	/* DIFF_BIT()s of the changed fields */
};

struct diff {
	const struct registry	*old;
	const struct registry	*new;
	uint32_t		 compared;	/* DIFF_BIT()s compared */
	/*
	 * Record changes first: those of records of the new edition in its
	 * order, then the removed ones in the old edition's order; then
	 * people changes, in the same way.
	 */
	struct diff_item	*items;
	size_t			 n_items;
	size_t			 n_record_items;	/* items[0..n) are records */
	size_t			 counts[2][DIFF_CHANGES]; /* [person][change] */
	/* For each record of the new edition, its item, or -1. */
	int32_t			*of_new;
};

/*
 * Compare old with new over the fields in compare (DIFF_BIT()s; people
 * only when a DIFF_PEOPLE_FIELDS bit is set).  Never fails.
 */
struct diff	*diff_new(const struct registry *old,
		     const struct registry *new, uint32_t compare);
void		 diff_free(struct diff *);

/* "service", "port", "description", ... "email", "uri": the JSON keys. */
const char	*diff_field_name(enum diff_field);
/* "added", "removed", "moved", "changed". */
const char	*diff_change_name(enum diff_change);

/*
 * Field f of record r (a record field) or person p (a person's field;
 * r is then ignored) as a malloc'd string the caller frees, or NULL when
 * absent: ports as "22" or "6000-6063", people ids and references as
 * IANA's CSV writes them ("[A][B]").
 */
char		*diff_record_value(const struct record *r, enum diff_field f);
char		*diff_person_value(const struct person *p, enum diff_field f);

/*
 * For a browser: a copy of the new edition with the records removed
 * since the old one put back, each before the first record of the new
 * edition whose first port is past its own (those without a port at
 * the end); finished, its people, warnings and gaps the new edition's
 * (a removed record's ports are free: it is listed, not assigned).  Sets
 * *item_of (malloc'd) to each of its records' item in d, or -1 where
 * nothing changed.  The caller frees both; d must outlive them only as
 * long as items are looked up.
 */
struct registry	*diff_merge(const struct diff *, int32_t **item_of);

/* Whether a and b are equal as the diff compares text (NULL is ""). */
int		 diff_text_equal(const char *a, const char *b);

#endif
