/*
 * registry.h - the in-memory IANA port registry: records, people, gaps.
 *
 * The model knows nothing of curses, regular expressions or file formats.
 * Loaders (load.h) fill a registry through the builder calls below and
 * then call registry_finish(); after that the registry is read-only and
 * every query here is safe to call.
 *
 * Ownership: every string and array reachable from a registry lives in
 * the registry's own arena and is valid until registry_free().  Callers
 * never free them.  Record and person indexes are stable.
 */
#ifndef PORTREG_REGISTRY_H
#define PORTREG_REGISTRY_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "field.h"	/* enum proto, and the fields' parsers */

#define PORT_MAX	FIELD_PORT_MAX
#define PORT_DYNAMIC	49152	/* the first Dynamic/Private port */

enum record_kind {
	KIND_ASSIGNED = 0,
	KIND_RESERVED,		/* description starts "Reserved" */
	KIND_UNASSIGNED,	/* description starts "Unassigned" or "(unassigned)" */
};

enum port_class {
	CLASS_NONE = 0,		/* no port (name-only registration) */
	CLASS_SYSTEM,		/* 0-1023 */
	CLASS_USER,		/* 1024-49151 */
	CLASS_DYNAMIC,		/* 49152-65535 */
};

/* A person named by a record: the id as written, and where it resolved. */
struct person_ref {
	const char	*id;		/* without brackets, never NULL */
	int32_t		 person;	/* index in reg->people, or -1: dangling */
};

/*
 * One registry row.  Absent fields are NULL (never ""), absent lists have
 * n == 0.  Text fields are as IANA's CSV renders them: line breaks as
 * '\n', cross-references inside text as "[RFC9483]" or "[Person_Id]".
 */
struct record {
	const char		*service;	/* service name */
	int32_t			 port_lo;	/* -1: no port number */
	int32_t			 port_hi;	/* == port_lo unless a range */
	enum proto		 proto;
	enum record_kind	 kind;		/* derived by registry_finish */
	const char		*description;
	struct person_ref	*assignees;
	uint32_t		 n_assignees;
	struct person_ref	*contacts;
	uint32_t		 n_contacts;
	const char		*registered;	/* YYYY-MM-DD or YYYY-MM */
	const char		*modified;
	const char	       **refs;		/* "RFC6353", "https://..." */
	uint32_t		 n_refs;
	/*
	 * NULL, or n_refs entries: what refs[i] points to where the file
	 * gives that apart from the reference's own text (XML's <xref
	 * type="uri" data="https://...">TR-352</xref>), written as the CSV
	 * writes a reference without text ("https://...", "RFC8765");
	 * NULL entries where it does not.
	 */
	const char	       **ref_targets;
	const char		*service_code;
	const char		*unauthorized;	/* unauthorized use reported */
	const char		*notes;		/* assignment notes */
	uint32_t		 line;		/* first source line, 0 unknown */
};

/*
 * One entry of the people (contact information) table.  email is the
 * de-obfuscated address of the first mailto: URI ("w@uter.be"); uri is
 * the first other URI, or a second address as "mailto:pg@uplanet.com"
 * (never IANA's '&' form).  Where the pasted-text form cannot tell a name
 * from an organization, name holds the whole text and name_is_display
 * is set.
 */
struct person {
	const char	*id;
	const char	*name;
	const char	*org;
	const char	*email;
	const char	*uri;
	const char	*updated;
	int		 name_is_display;
	uint32_t	 n_records;	/* records naming this person (either role) */
	uint32_t	 line;
};

/*
 * A gap: a port range with no assignment.  Either a row of the file
 * (record >= 0: an Unassigned record, proto as that record's) or a range
 * inside the file's cover that no record of any protocol lists
 * (record == -1, proto PROTO_NONE), such as 49152-65535.
 */
struct gap {
	int32_t		 lo;
	int32_t		 hi;
	enum proto	 proto;
	int32_t		 record;
};

struct warning {
	uint32_t	 line;		/* 0 when not tied to a line */
	const char	*text;
};

struct registry_stats {
	size_t	 records;
	size_t	 by_proto[PROTO_COUNT];
	size_t	 by_kind[3];
	size_t	 by_class[4];		/* records whose first port is in class */
	size_t	 name_only;		/* records without a port */
	size_t	 people;
	size_t	 dangling_refs;		/* person refs with no people entry */
	size_t	 gaps;
	size_t	 gap_ports;		/* ports inside gaps, all of them */
	int32_t	 largest_gap_lo;
	int32_t	 largest_gap_hi;
	size_t	 warnings;
};

struct arena;

struct registry {
	char			*source;	/* file name as given, "-" stdin */
	const char		*format;	/* "xml", "csv", "text", "fixed" */
	const char		*updated;	/* "Last Updated" date or NULL */
	const char		*title;

	struct record		*records;	/* registry order */
	size_t			 n_records;
	size_t			 cap_records;
	struct person		*people;	/* file order */
	size_t			 n_people;
	size_t			 cap_people;
	struct gap		*gaps;		/* sorted by lo, then hi */
	size_t			 n_gaps;
	/*
	 * The ports this file covers (registry_finish): 0-65535 for a whole
	 * registry (its rows start at 0 and run through 49151; IANA lists no
	 * Dynamic ports), else the span from its lowest to its highest listed
	 * port, as for an excerpt; -1, -1 when it lists no port.  Ports
	 * outside are not covered: never gaps, never free.
	 */
	int32_t			 cover_lo;
	int32_t			 cover_hi;
	int			 cover_given;	/* registry_set_cover called */
	struct warning		*warnings;
	size_t			 n_warnings;
	size_t			 cap_warnings;

	/* Indexes built by registry_finish; private to registry.c. */
	uint32_t		*by_port;	/* records with a port, by lo */
	size_t			 n_by_port;
	uint32_t		*by_name;	/* hash of folded names (layout: registry.c) */
	size_t			 n_by_name;	/* slots in by_name */
	uint32_t		*people_by_id;	/* hash of person ids (registry.c) */
	uint32_t		*person_records; /* CSR: records of each person */
	uint32_t		*person_first;	/* n_people + 1 offsets */
	int32_t			 max_span;	/* widest port range, hi - lo */

	struct arena		*arena;

	/*
	 * A registry opened from a snapshot (snapshot.h): the arrays above
	 * point into this image, which registry_free hands to release
	 * (when set) instead of freeing them.  NULL for a parsed one.
	 */
	void			*image;
	size_t			 image_len;
	void			(*image_release)(void *, size_t);
};

/* --- Building (loaders only) ---------------------------------------- */

struct registry	*registry_new(const char *source);
void		 registry_free(struct registry *);

/* Copy n bytes (plus a NUL) into the arena.  NULL in, NULL out. */
const char	*registry_strndup(struct registry *, const char *, size_t);
const char	*registry_strdup(struct registry *, const char *);
/* Like registry_strndup, trimming leading and trailing white space;
   returns NULL when nothing is left. */
const char	*registry_strtrim(struct registry *, const char *, size_t);
/* Uninitialised arena memory, aligned for any type. */
void		*registry_alloc(struct registry *, size_t);

/* Append a zeroed record (port_lo = port_hi = -1) / person and return it
   for the loader to fill in; its strings must live in the arena.  The
   pointer is valid only until the next add of the same kind. */
struct record	*registry_add_record(struct registry *);
struct person	*registry_add_person(struct registry *);
/* Add a person id to a record's assignees or contacts (id copied).
   Amortised O(1).  A loader may point two records at one list (equal
   fields); it must not then add to either. */
void		 registry_add_assignee(struct registry *, struct record *,
		     const char *id, size_t len);
void		 registry_add_contact(struct registry *, struct record *,
		     const char *id, size_t len);
void		 registry_add_ref(struct registry *, struct record *,
		     const char *ref, size_t len);
/* A reference with text of its own and, apart, its target (see
   ref_targets); both copied. */
void		 registry_add_ref_target(struct registry *, struct record *,
		     const char *ref, size_t len, const char *target,
		     size_t tlen);

/* Declare the ports the file covers, instead of the span of its rows
   that registry_finish otherwise takes (see cover_lo). */
void		 registry_set_cover(struct registry *, int32_t lo,
		     int32_t hi);

/* A skippable problem: counted, listed by --check, shown by the TUI. */
void		 registry_warn(struct registry *, uint32_t line,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The same for a problem of record r, named first as its label
   ("hip-nat-t 10500/udp: lone date ...").  r may be half filled (the
   label says what is known) or NULL (registry_warn). */
void		 registry_warn_record(struct registry *, uint32_t line,
		     const struct record *r, const char *fmt, ...)
		     __attribute__((format(printf, 4, 5)));
/* A record as warnings name it: "hip-nat-t 10500/udp", "10130-10159",
   "nbd/tcp", or "" when it has no name, port or protocol yet.  Writes
   at most size bytes with the NUL (cut when longer); returns the
   length written. */
#define REGISTRY_LABEL_SIZE	160
size_t		 registry_record_label(char *out, size_t size,
		     const struct record *);

/*
 * Resolve person references, derive kinds, count assignments, compute
 * gaps and build the indexes.  Call once, after the last add.
 */
void		 registry_finish(struct registry *);

/* --- Queries ---------------------------------------------------------- */

/* field_proto_parse and field_proto_name (field.h), by their old names:
   "tcp" etc. (case-insensitive) to a protocol or -1; "" for PROTO_NONE. */
int		 proto_parse(const char *, size_t);
const char	*proto_name(enum proto);
enum port_class	 port_class(int32_t port);
const char	*port_class_name(enum port_class); /* "System" ... */
const char	*record_kind_name(enum record_kind); /* "assigned" ... */

/*
 * Records whose port range contains port (6010 finds x11 6000-6063),
 * limited to proto unless PROTO_NONE, in registry order.  Writes up to
 * cap indexes to out and returns how many there are in all.
 */
size_t		 registry_at_port(const struct registry *, int32_t port,
		     enum proto, uint32_t *out, size_t cap);
/* Records overlapping [lo, hi], same conventions. */
size_t		 registry_in_range(const struct registry *, int32_t lo,
		     int32_t hi, enum proto, uint32_t *out, size_t cap);
/* Records with this service name (case-insensitive), same conventions. */
size_t		 registry_by_name(const struct registry *, const char *name,
		     enum proto, uint32_t *out, size_t cap);

/*
 * Navigation in registry order from record `from`: the next (dir = +1)
 * or previous (dir = -1) assigned record whose port differs from
 * from's first port (skipping Reserved and Unassigned rows), or the next
 * or previous Unassigned record.  Return the index or -1 when none.
 */
int32_t		 registry_next_assignment(const struct registry *,
		     uint32_t from, int dir);
int32_t		 registry_next_gap_record(const struct registry *,
		     uint32_t from, int dir);

/* Whether the file covers every port of [lo, hi] (reg->cover_lo/hi). */
int		 registry_covers(const struct registry *, int32_t lo,
		     int32_t hi);

/* The first gap (reg->gaps index) containing port, or -1. */
int32_t		 registry_gap_at(const struct registry *, int32_t port);
/*
 * For gap g: the nearest assigned record before it and after it (by
 * port), or -1.
 */
void		 registry_gap_neighbours(const struct registry *, size_t g,
		     int32_t *before, int32_t *after);
/*
 * Free ranges for one protocol: maximal runs of ports in [lo, hi], within
 * the file's cover, that no assigned or reserved record of that protocol
 * (or of no protocol) covers.  PROTO_NONE: runs free on every protocol.  Calls fn for each
 * range; returns how many there were.
 */
size_t		 registry_free_ranges(const struct registry *, enum proto,
		     int32_t lo, int32_t hi,
		     void (*fn)(int32_t lo, int32_t hi, void *), void *arg);

/* Person by id (exact, case-sensitive), or -1. */
int32_t		 registry_person(const struct registry *, const char *id);
/* Records naming person p (either role), in registry order.  Sets *n. */
const uint32_t	*registry_person_records(const struct registry *, uint32_t p,
		     size_t *n);
/*
 * Records naming person id (either role, exact case), in registry
 * order, whether or not the people table has an entry for it (a CSV
 * has none): the first cap into out; returns how many in all.  A scan
 * of every record.
 */
size_t		 registry_id_records(const struct registry *, const char *id,
		     uint32_t *out, size_t cap);

void		 registry_stats(const struct registry *,
		     struct registry_stats *);

#endif
