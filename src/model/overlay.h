/*
 * overlay.h - the lists a user checks beside the registry (SPEC 7):
 * a services(5) file, nmap's nmap-services, and this host's listening
 * sockets; and what joins them to a registry: comparing a list with
 * it, the registry's answer for a socket, free ports, the browser's
 * marks.  Plain data: the loaders (load-services.h, load-host.h) fill
 * these, nothing here reads a file.  An overlay never changes the
 * registry it is joined to.
 *
 * Ownership: a list's strings live in its own arena and are valid until
 * ovl_list_free; a socket's text is inside the socket.  An overlay
 * borrows its lists.
 */
#ifndef PORTREG_OVERLAY_H
#define PORTREG_OVERLAY_H

#include <stddef.h>
#include <stdint.h>

#include "field.h"
#include "registry.h"	/* struct warning */

enum ovl_kind {
	OVL_SERVICES = 1,	/* services(5): name port/proto [aliases] */
	OVL_NMAP,		/* nmap-services: name port/proto frequency */
};

/* One line of a list. */
struct ovl_entry {
	const char	 *name;
	int32_t		  port;
	enum proto	  proto;
	double		  freq;		/* nmap open frequency; -1 in services(5) */
	const char	**aliases;
	uint32_t	  n_aliases;
	uint32_t	  line;
};

/* Warnings kept in full; more are only counted (n_warnings). */
#define OVL_WARNINGS_KEPT	1000

struct ovl_list {
	char		*source;	/* file name as given */
	enum ovl_kind	 kind;
	struct ovl_entry *e;		/* file order */
	size_t		 n;
	size_t		 cap;
	struct warning	*warnings;	/* the first OVL_WARNINGS_KEPT */
	size_t		 n_kept;
	size_t		 cap_kept;
	size_t		 n_warnings;	/* all of them */
	size_t		 n_other;	/* lines of other protocols (ddp),
					   skipped */
	uint32_t	*by_port;	/* entries by (port, proto, line) */
	struct arena	*arena;
};

/* This host's socket: listening TCP, bound UDP, SCTP endpoints. */
#define OVL_ADDR_SIZE	64
#define OVL_COMM_SIZE	64
struct ovl_socket {
	enum proto	 proto;
	char		 addr[OVL_ADDR_SIZE];	/* as ss shows it: 0.0.0.0,
						   [::], [::ffff:127.0.0.1] */
	int32_t		 port;
	uint64_t	 inode;
	int32_t		 pid;			/* -1: unknown */
	char		 command[OVL_COMM_SIZE];	/* "" unknown */
};

struct ovl_sockets {
	struct ovl_socket *s;		/* sorted by port, proto, addr */
	size_t		 n;
	size_t		 cap;
};

/* The lists joined to a registry; any may be NULL (not loaded). */
struct overlay {
	const struct ovl_list	 *services;
	const struct ovl_list	 *nmap;
	const struct ovl_sockets *sockets;
};

/* --- Building (loaders) --------------------------------------------- */

struct ovl_list	*ovl_list_new(const char *source);
void		 ovl_list_free(struct ovl_list *);
/* A zeroed entry (freq -1) to fill; valid until the next add. */
struct ovl_entry *ovl_list_add(struct ovl_list *);
const char	*ovl_list_strndup(struct ovl_list *, const char *, size_t);
void		*ovl_list_alloc(struct ovl_list *, size_t);
void		 ovl_list_warn(struct ovl_list *, uint32_t line,
		     const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Index the entries (call once, after the last add). */
void		 ovl_list_finish(struct ovl_list *);

struct ovl_socket *ovl_sockets_add(struct ovl_sockets *);
void		 ovl_sockets_finish(struct ovl_sockets *);
void		 ovl_sockets_free(struct ovl_sockets *);

/* --- Queries -------------------------------------------------------- */

/* The first entry (file order) naming port/proto, or -1. */
int32_t		 ovl_list_find(const struct ovl_list *, int32_t port,
		     enum proto);
/* Whether any entry names a port of [lo, hi] with proto (PROTO_NONE:
   any protocol). */
int		 ovl_list_names_range(const struct ovl_list *, int32_t lo,
		     int32_t hi, enum proto);
/* Does e's name or one of its aliases equal name (ASCII, any case)? */
int		 ovl_entry_is_named(const struct ovl_entry *, const char *name);
/* How many sockets are on a port of [lo, hi] with proto (PROTO_NONE:
   any); *first is the first of them.  Sockets are sorted by port: the
   others follow it, among sockets of other protocols. */
size_t		 ovl_sockets_in(const struct ovl_sockets *, int32_t lo,
		     int32_t hi, enum proto, size_t *first);

/*
 * What the registry says of port/proto: the assigned record (*rec set),
 * else reserved, unassigned (a gap or an Unassigned row), dynamic
 * (49152-65535 with no record) or not covered by the file.
 */
enum ovl_status {
	OVL_ASSIGNED = 0,
	OVL_RESERVED,
	OVL_UNASSIGNED,
	OVL_DYNAMIC,
	OVL_NOT_COVERED,
};
enum ovl_status	 ovl_status(const struct registry *, int32_t port,
		     enum proto, int32_t *rec);
const char	*ovl_status_name(enum ovl_status);

/*
 * --compare: the class of one entry against the registry.  *rec is the
 * registry's record for the port and protocol (IANA's name), or -1.
 * Agrees: the entry's name or an alias is the name of an assigned
 * record at that port and protocol (any case).  Name differs: there
 * are assigned records there, none so named.  Protocol not registered:
 * no assigned record for that protocol, but one for another protocol
 * at the port.  Reserved / unassigned at IANA: otherwise, as the
 * registry marks the port (no record at all counts as unassigned).
 * Not covered: the file is an excerpt without that port.
 */
enum ovl_class {
	OVL_AGREES = 0,
	OVL_NAME_DIFFERS,
	OVL_CLASS_UNASSIGNED,
	OVL_CLASS_RESERVED,
	OVL_PROTO_UNREGISTERED,
	OVL_CLASS_NOT_COVERED,
	OVL_CLASS_COUNT
};
enum ovl_class	 ovl_compare(const struct registry *,
		     const struct ovl_entry *, int32_t *rec);
/* "agrees", "name differs", ... and the JSON/CSV key "name_differs". */
const char	*ovl_class_name(enum ovl_class);
const char	*ovl_class_key(enum ovl_class);

/*
 * --free: blocks of n consecutive ports in [lo, hi] free on every
 * protocol of protos (a bit mask, 1 << PROTO_TCP ...): no assigned or
 * reserved record of those protocols (or of none) covers them, the
 * file covers them, the services list names none of them for those
 * protocols, and no socket of this host holds one.  A gap is a maximal
 * run of such ports (not cut by [lo, hi]); each gap gives one
 * candidate, its best block: the lowest nmap open frequency (the
 * highest of its ports and protocols; 0 where nmap lists none), then
 * the farthest from the gap's edges, then the lowest port.  Candidates
 * are ranked the same way across gaps.  Returns how many (all of them,
 * *out caller frees, ranked best first).
 */
struct ovl_free {
	int32_t		 port;		/* the block: port .. port + n - 1 */
	int32_t		 port_end;
	int32_t		 gap_lo;	/* the gap it lies in */
	int32_t		 gap_hi;
	double		 freq;
	int32_t		 margin;	/* ports to the nearer gap edge */
};
size_t		 ovl_free_find(const struct registry *, const struct overlay *,
		     unsigned protos, int32_t n, int32_t lo, int32_t hi,
		     struct ovl_free **out);
/* What holds port (just outside a gap) on protos, first found of: */
enum ovl_edge {
	OVL_EDGE_NONE = 0,	/* nothing: the port is past 0-65535 */
	OVL_EDGE_RECORD,	/* an assigned or reserved record (*rec) */
	OVL_EDGE_SERVICES,	/* a services(5) entry (*ent) */
	OVL_EDGE_SOCKET,	/* a socket of this host (*sock) */
	OVL_EDGE_NOT_COVERED,	/* a port the registry file does not cover */
};
enum ovl_edge	 ovl_free_edge(const struct registry *, const struct overlay *,
		     unsigned protos, int32_t port, int32_t *rec,
		     int32_t *ent, int32_t *sock);

/* --- The browser's marks ---------------------------------------------- */

#define OVL_MARK_IN_USE		0x01	/* a socket here on a port of it */
#define OVL_MARK_DIFFERS	0x02	/* services(5) names it otherwise */
/* The marks of a row: ports [lo, hi] (lo < 0: none), protocol proto
   (PROTO_NONE: any).  It differs when it is one port and protocol that
   services(5) names and that entry does not agree with reg
   (ovl_compare): so no row of port 80/tcp is marked while services(5)
   calls it http, one of IANA's names there. */
unsigned	 ovl_marks(const struct registry *, const struct overlay *,
		     int32_t lo, int32_t hi, enum proto);

#endif
