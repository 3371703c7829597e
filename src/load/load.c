/*
 * load.c - reading registry files: format detection, bounded reads and
 * the dispatch to the loaders.  What the loaders share is in loader.c,
 * which this file uses too but which never calls back here.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "load.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

static const char *load_format_names[] = {
	"auto", "xml", "csv", "text", "fixed", "tsv"
};

int
load_format_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof load_format_names / sizeof *load_format_names;
	    i++) {
		if (strcasecmp(s, load_format_names[i]) == 0)
			return (int)i;
	}
	return -1;
}

const char *
load_format_name(enum load_format f)
{
	if ((unsigned)f >= sizeof load_format_names / sizeof *load_format_names)
		return "?";
	return load_format_names[f];
}

/* --- Detection --------------------------------------------------------- */

/* Does the line [p, end) hold needle? */
static int
load_line_has(const char *p, const char *end, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; (size_t)(end - p) >= n; p++) {
		if (memcmp(p, needle, n) == 0)
			return 1;
	}
	return 0;
}

enum load_format
load_detect(const char *buf, size_t len)
{
	const char	*p = buf, *end = buf + len, *eol, *q;
	size_t		 lines = 0;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p < end && *p == '<')
		return LOAD_XML;
	if ((size_t)(end - p) >= 25 &&
	    strncasecmp(p, "Service Name,Port Number", 24) == 0)
		return LOAD_CSV;
	if ((size_t)(end - p) >= 25 &&
	    strncasecmp(p, "Service Name\tPort Number", 24) == 0)
		return LOAD_TSV;

	/* Look for the column header among the first lines: single spaces in
	   the pasted page, runs of spaces in the fixed-width file. */
	for (; p < end && lines < 400; p = eol + 1, lines++) {
		eol = memchr(p, '\n', (size_t)(end - p));
		if (eol == NULL)
			eol = end;
		if (load_line_has(p, eol, "Service Name Port Number"))
			return LOAD_TEXT;
		if (load_line_has(p, eol, "Service Name ")) {
			for (q = p; q < eol && memcmp(q, "Service Name", 12);
			    q++)
				;
			q += 12;
			while (q < eol && *q == ' ')
				q++;
			if (q + 4 <= eol && memcmp(q, "Port", 4) == 0)
				return LOAD_FIXED;
		}
		if (eol == end)
			break;
	}
	return LOAD_TEXT;
}

/* --- Reading ------------------------------------------------------------- */

/* Bytes read in one go when the size is not known (or was outgrown). */
#define LOAD_CHUNK	65536
/* What is read of a file before its format is known (load_file). */
#define LOAD_HEAD	512

/*
 * The size of fd's file for the reads (open as path): that of a regular
 * file within LOAD_MAX_SIZE (the reads size their buffers from it), 0
 * when unknown.  A directory is an error.
 */
static int
load_size(int fd, const char *path, size_t *size, char **err)
{
	struct stat	 st;

	*size = 0;
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			*err = load_error(path, 0, 0,
			    "is a directory, expected a registry file");
			return -1;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0 &&
		    (unsigned long long)st.st_size <= LOAD_MAX_SIZE)
			*size = (size_t)st.st_size;
	}
	return 0;
}

/*
 * Open path ("-" is standard input) for load_read_file and load_file,
 * and size it (load_size).
 */
static int
load_open(const char *path, int *fdp, size_t *size, char **err)
{
	int	 fd;

	*size = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*err = load_error(path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (load_size(fd, path, size, err) != 0) {
		if (fd != STDIN_FILENO)
			close(fd);
		return -1;
	}
	*fdp = fd;
	return 0;
}

static void
load_close(int fd)
{
	if (fd != STDIN_FILENO)
		close(fd);
}

/*
 * Where a read stands: the position of the input's first byte not
 * counted yet (for the NUL-byte message) and how much was read.
 */
struct load_pos {
	const char	*path;
	int		 fd;
	unsigned	 line, col;	/* of byte number counted */
	size_t		 counted;
	size_t		 total;		/* bytes read */
};

/* Move pos over s[0, n) (the input from byte pos->counted on). */
static void
load_pos_count(struct load_pos *pos, const char *s, size_t n)
{
	const char	*p;

	for (p = s; p < s + n; p++) {
		pos->col++;
		if (*p == '\n') {
			pos->line++;
			pos->col = 1;
		}
	}
	pos->counted += n;
}

/*
 * One read() into dst (at most cap bytes); *got is 0 at the end of the
 * input.  dst - (pos->total - pos->counted) must be where the input's
 * uncounted bytes are, for the message when the input holds a NUL.
 */
static int
load_read_some(struct load_pos *pos, char *dst, size_t cap, size_t *got,
    char **err)
{
	const char	*z;
	ssize_t		 n;

	for (;;) {
		n = read(pos->fd, dst, cap);
		if (n != -1)
			break;
		if (errno != EINTR) {
			*err = load_error(pos->path, 0, 0, "read error: %s",
			    strerror(errno));
			return -1;
		}
	}
	/* Text and XML registries never hold a NUL: stop at the first
	   (this also ends a read of /dev/zero at once). */
	if (n > 0 && (z = memchr(dst, '\0', (size_t)n)) != NULL) {
		load_pos_count(pos, dst - (pos->total - pos->counted),
		    (size_t)(z - dst) + pos->total - pos->counted);
		*err = load_error(pos->path, pos->line, pos->col,
		    "NUL byte, expected text (is this a registry file?)");
		return -1;
	}
	pos->total += (size_t)n;
	*got = (size_t)n;
	return 0;
}

static char *
load_too_large(const char *path)
{
	return load_error(path, 0, 0,
	    "larger than %lu MiB, expected a registry file",
	    LOAD_MAX_SIZE / (1024 * 1024));
}

/*
 * A buffer of want bytes holding buf's first len: a big one from xbig,
 * whose huge pages spare the read a page fault per 4 KiB (a 1.1 MB CSV
 * took 275 of them, half the lookup's faults).
 */
static char *
load_buf_grow(char *buf, size_t len, size_t *capp, size_t want)
{
	char	*p;

	if (want < XBIG_MIN) {
		*capp = want;
		return xreallocarray(buf, want, 1);
	}
	p = xbig(&want);
	if (len != 0)
		memcpy(p, buf, len);
	free(buf);
	*capp = want;
	return p;
}

/*
 * Read the rest of the input after the len bytes already in *bufp (of
 * *capp), growing the buffer from size (the file's size, 0 when not
 * known), and NUL-terminate it.
 */
static int
load_read_rest(struct load_pos *pos, size_t size, char **bufp, size_t *lenp,
    size_t *capp, char **err)
{
	char	*buf = *bufp;
	size_t	 len = *lenp, cap = *capp, got, need;

	for (;;) {
		if (len == LOAD_MAX_SIZE + 1) {
			*err = load_too_large(pos->path);
			goto fail;
		}
		if (size > len && cap < size + 2) {
			/* Exactly the file, and room for one byte more to
			   see its end (and the NUL). */
			buf = load_buf_grow(buf, len, &cap, size + 2);
		} else if (size <= len && cap - len < LOAD_CHUNK / 16 + 1) {
			/* Not known, or outgrown: by doubling, up to one
			   byte beyond the limit (and the NUL). */
			need = len + LOAD_CHUNK + 1;
			if (need > LOAD_MAX_SIZE + 2)
				need = LOAD_MAX_SIZE + 2;
			xgrow((void **)&buf, &cap, need, 1);
			if (cap > LOAD_MAX_SIZE + 2)
				cap = LOAD_MAX_SIZE + 2;
		}
		if (load_read_some(pos, buf + len, cap - 1 - len, &got,
		    err) != 0)
			goto fail;
		if (got == 0)
			break;
		len += got;
	}
	if (buf == NULL)
		buf = xmalloc(cap = 1);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	*capp = cap;
	return 0;

fail:
	free(buf);
	*bufp = NULL;
	*lenp = 0;
	return -1;
}

int
load_read_file(const char *path, char **bufp, size_t *lenp, char **err)
{
	struct load_pos	 pos = { path, -1, 1, 1, 0, 0 };
	size_t		 size, cap = 0;
	int		 rc;

	*bufp = NULL;
	*lenp = 0;
	if (load_open(path, &pos.fd, &size, err) != 0)
		return -1;
	rc = load_read_rest(&pos, size, bufp, lenp, &cap, err);
	load_close(pos.fd);
	return rc;
}

/* load_buffer's and load_file's end: name the format, finish. */
static struct registry *
load_done(struct registry *reg, int rc, enum load_format format,
    const char *name, char **err)
{
	if (rc != 0) {
		if (*err == NULL)
			*err = load_error(name, 0, 0, "cannot load");
		registry_free(reg);
		return NULL;
	}
	if (reg->format == NULL)
		reg->format = load_format_name(format);
	registry_finish(reg);
	return reg;
}

struct registry *
load_buffer(const char *buf, size_t len, const char *name,
    enum load_format format, char **err)
{
	struct registry	*reg;
	int		 rc;

	*err = NULL;
	if (format == LOAD_AUTO)
		format = load_detect(buf, len);
	reg = registry_new(name);
	switch (format) {
	case LOAD_XML:
		rc = load_xml(reg, buf, len, err);
		break;
	case LOAD_CSV:
		rc = load_csv(reg, buf, len, err);
		break;
	case LOAD_TSV:
		rc = load_tsv(reg, buf, len, err);
		break;
	case LOAD_FIXED:
		rc = load_fixed(reg, buf, len, err);
		break;
	default:
		rc = load_text(reg, buf, len, err);
		break;
	}
	return load_done(reg, rc, format, name, err);
}

/* The XML loader's input: the head load_file read, then the file. */
struct load_feed {
	struct load_pos	 pos;
	const char	*head;
	size_t		 head_len;
};

static int
load_feed_fill(void *arg, char *dst, size_t cap, size_t *got, int *eof,
    char **err)
{
	struct load_feed	*f = arg;
	size_t			 len = 0, n;

	*got = 0;
	*eof = 0;
	if (f->head_len != 0) {
		/* The first call: the input so far starts dst. */
		if (f->head_len > cap) {
			*err = load_error(f->pos.path, 0, 0, "cannot load");
			return -1;
		}
		memcpy(dst, f->head, f->head_len);
		len = f->head_len;
		f->head_len = 0;
	}
	while (len < cap) {
		if (load_read_some(&f->pos, dst + len, cap - len, &n,
		    err) != 0)
			return -1;
		if (n == 0) {
			*eof = 1;
			break;
		}
		len += n;
	}
	if (f->pos.total > LOAD_MAX_SIZE) {
		*err = load_too_large(f->pos.path);
		return -1;
	}
	/* dst is the parser's from now on: count it for a NUL further on. */
	if (!*eof)
		load_pos_count(&f->pos, dst, len);
	*got = len;
	return 0;
}

/*
 * A regular file's size is known: read its start, and when that says XML
 * let the XML loader read the file straight into Expat's own buffer (it
 * is then held once, and parsed in one final call).  Anything else is
 * read whole and handed to load_buffer.  Reads fd (open as path) from
 * where it is; leaves it open.
 */
static struct registry *
load_from(int fd, const char *path, size_t size, enum load_format format,
    char **err)
{
	struct load_feed	 f = { { path, -1, 1, 1, 0, 0 }, NULL, 0 };
	struct registry		*reg;
	char			 head[LOAD_HEAD], *buf = NULL;
	size_t			 len = 0, cap = 0, n;
	int			 rc;

	f.pos.fd = fd;
	if (size != 0 && (format == LOAD_AUTO || format == LOAD_XML)) {
		while (len < sizeof head) {
			if (load_read_some(&f.pos, head + len,
			    sizeof head - len, &n, err) != 0)
				return NULL;
			if (n == 0)
				break;
			len += n;
		}
		if (format == LOAD_XML || load_detect(head, len) == LOAD_XML) {
			f.head = head;
			f.head_len = len;
			reg = registry_new(path);
			rc = load_xml_stream(reg, size > len ? size : len,
			    load_feed_fill, &f, err);
			return load_done(reg, rc, LOAD_XML, path, err);
		}
		buf = load_buf_grow(NULL, 0, &cap, size + 2);
		memcpy(buf, head, len);
	}
	rc = load_read_rest(&f.pos, size, &buf, &len, &cap, err);
	if (rc != 0)
		return NULL;
	reg = load_buffer(buf, len, path, format, err);
	free(buf);
	return reg;
}

struct registry *
load_file(const char *path, enum load_format format, char **err)
{
	struct registry	*reg;
	size_t		 size;
	int		 fd;

	*err = NULL;
	if (load_open(path, &fd, &size, err) != 0)
		return NULL;
	reg = load_from(fd, path, size, format, err);
	load_close(fd);
	return reg;
}

struct registry *
load_fd(int fd, const char *path, enum load_format format, char **err)
{
	size_t	 size;

	*err = NULL;
	if (load_size(fd, path, &size, err) != 0)
		return NULL;
	return load_from(fd, path, size, format, err);
}
