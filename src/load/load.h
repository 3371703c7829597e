/*
 * load.h - read a registry file in any of IANA's forms.
 *
 * Formats: "xml" (service-names-port-numbers.xml, read with Expat), "csv"
 * (RFC 4180), "tsv" (portreg's -o tsv), "text" (the registry web page pasted as plain text, the form
 * of data/seed-excerpt-2024-10-15.txt) and "fixed" (IANA's fixed-width
 * service-names-port-numbers.txt).  The format is detected from content.
 *
 * Errors: a loader that cannot go on returns NULL / -1 and sets *err to a
 * malloc'd message the caller frees, of the form
 *   "FILE:LINE:COL: expected ..., found ..."   (":COL" where it applies)
 * Skippable problems become registry warnings instead (registry_warn).
 * Loaders never print and never exit.  What the loaders share (the error
 * message, people lists, references) is in loader.h, for them only.
 */
#ifndef PORTREG_LOAD_H
#define PORTREG_LOAD_H

#include <stddef.h>

struct registry;

enum load_format {
	LOAD_AUTO = 0,
	LOAD_XML,
	LOAD_CSV,
	LOAD_TEXT,	/* pasted web page */
	LOAD_FIXED,	/* fixed-width text */
	LOAD_TSV,	/* -o tsv: the CSV's columns, tab-separated */
};

/* Largest file portreg reads (bytes); larger input is an error. */
#define LOAD_MAX_SIZE	(512UL * 1024 * 1024)

/* "xml" etc. to a format; -1 when unknown. */
int		 load_format_parse(const char *);
const char	*load_format_name(enum load_format);

/* Guess the format of a buffer from its content.  Never LOAD_AUTO. */
enum load_format load_detect(const char *buf, size_t len);

/*
 * Read the whole of path ("-" is standard input) into a malloc'd,
 * NUL-terminated buffer.  Refuses directories, and input larger than
 * LOAD_MAX_SIZE, with a message.  Returns 0 or -1 with *err set.
 */
int		 load_read_file(const char *path, char **buf, size_t *len,
		     char **err);

/*
 * Load a registry from a file or from a buffer (name is used in messages
 * and as reg->source).  The returned registry is finished
 * (registry_finish has run).  NULL on error with *err set.
 */
struct registry	*load_file(const char *path, enum load_format, char **err);
struct registry	*load_buffer(const char *buf, size_t len, const char *name,
		     enum load_format, char **err);
/* load_file from fd, open as path, read from where it is (left open). */
struct registry	*load_fd(int fd, const char *path, enum load_format,
		     char **err);

/*
 * The loaders proper, for load_buffer and the tests: fill an unfinished
 * registry from buf (NUL-terminated at buf[len]).  Return 0, or -1 with
 * *err set.  They set reg->format, reg->updated and reg->title.
 */
int		 load_xml(struct registry *, const char *buf, size_t len,
		     char **err);
int		 load_csv(struct registry *, const char *buf, size_t len,
		     char **err);
/* What -o tsv writes: the CSV's header and columns separated by tabs,
   one line per record, \\ \t \n \r inside a field (load-csv.c). */
int		 load_tsv(struct registry *, const char *buf, size_t len,
		     char **err);
int		 load_text(struct registry *, const char *buf, size_t len,
		     char **err);
int		 load_fixed(struct registry *, const char *buf, size_t len,
		     char **err);

/*
 * load_xml_stream: load_xml for load_file, reading the input straight
 * into Expat's own buffer (held once, parsed in one call when size is
 * right).  fill(arg, dst, cap, &got, &eof, err) stores up to cap bytes
 * at dst, sets got and, at the end of the input, eof; it returns 0, or
 * -1 with *err set to stop the load.  It is asked for size + 1 bytes
 * first (size: the input's expected size), then for more while !eof.
 */
typedef int	 load_fill_fn(void *arg, char *dst, size_t cap, size_t *got,
		     int *eof, char **err);
int		 load_xml_stream(struct registry *, size_t size,
		     load_fill_fn *fill, void *arg, char **err);

/*
 * What load_xml and load_xml_stream handed Expat since the program
 * started: parse calls and their bytes.  For the tests, which assert on
 * work counted, never on time taken.
 */
struct load_xml_count {
	size_t	 calls;
	size_t	 bytes;
};
extern struct load_xml_count load_xml_count;

#endif
