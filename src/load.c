/*
 * load.c - reading registry files: format detection, bounded reads, the
 * dispatch to the loaders, and the small parsers the loaders share.
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
#include "registry.h"
#include "xmalloc.h"

static const char *load_format_names[] = {
	"auto", "xml", "csv", "text", "fixed"
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

char *
load_error(const char *file, unsigned line, unsigned col, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*msg, *s;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (line == 0)
		s = xasprintf("%s: %s", file, msg);
	else if (col == 0)
		s = xasprintf("%s:%u: %s", file, line, msg);
	else
		s = xasprintf("%s:%u:%u: %s", file, line, col, msg);
	free(msg);
	return s;
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

int
load_read_file(const char *path, char **bufp, size_t *lenp, char **err)
{
	struct stat	 st;
	char		*buf = NULL;
	size_t		 len = 0, cap = 0;
	ssize_t		 n;
	int		 fd;

	*bufp = NULL;
	*lenp = 0;
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*err = load_error(path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		*err = load_error(path, 0, 0,
		    "is a directory, expected a registry file");
		goto fail;
	}
	for (;;) {
		if (len == LOAD_MAX_SIZE + 1) {
			*err = load_error(path, 0, 0,
			    "larger than %lu MiB, expected a registry file",
			    LOAD_MAX_SIZE / (1024 * 1024));
			goto fail;
		}
		xgrow((void **)&buf, &cap, len + 65536 + 1, 1);
		if (cap - 1 > LOAD_MAX_SIZE + 1)
			cap = LOAD_MAX_SIZE + 2;
		n = read(fd, buf + len, cap - 1 - len);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			*err = load_error(path, 0, 0, "read error: %s",
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		/* Text and XML registries never hold a NUL: stop at the
		   first (this also ends a read of /dev/zero at once). */
		if (memchr(buf + len, '\0', (size_t)n) != NULL) {
			const char	*z = memchr(buf + len, '\0', (size_t)n);
			const char	*p;
			unsigned	 line = 1, col = 1;

			for (p = buf; p < z; p++) {
				col++;
				if (*p == '\n') {
					line++;
					col = 1;
				}
			}
			*err = load_error(path, line, col,
			    "NUL byte, expected text (is this a registry "
			    "file?)");
			goto fail;
		}
		len += (size_t)n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (buf == NULL)
		buf = xmalloc(1);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;

fail:
	if (fd != STDIN_FILENO)
		close(fd);
	free(buf);
	return -1;
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
	case LOAD_FIXED:
		rc = load_fixed(reg, buf, len, err);
		break;
	default:
		rc = load_text(reg, buf, len, err);
		break;
	}
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
load_file(const char *path, enum load_format format, char **err)
{
	struct registry	*reg;
	char		*buf;
	size_t		 len;

	*err = NULL;
	if (load_read_file(path, &buf, &len, err) != 0)
		return NULL;
	reg = load_buffer(buf, len, path, format, err);
	free(buf);
	return reg;
}

/* --- Shared parsers -------------------------------------------------------- */

int
load_people_list(struct registry *reg, struct record *r, int role,
    const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *close;
	size_t		 n = 0;

	/* Check the whole text first: add nothing unless all of it is a list. */
	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p == end)
			break;
		if (*p != '[')
			return -1;
		close = memchr(p, ']', (size_t)(end - p));
		if (close == NULL || close == p + 1 ||
		    memchr(p + 1, '[', (size_t)(close - p - 1)) != NULL)
			return -1;
		n++;
		p = close + 1;
	}
	if (n == 0)
		return -1;
	for (p = s; p < end; p = close + 1) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p == end)
			break;
		close = memchr(p, ']', (size_t)(end - p));
		if (role == 'a')
			registry_add_assignee(reg, r, p + 1,
			    (size_t)(close - p - 1));
		else
			registry_add_contact(reg, r, p + 1,
			    (size_t)(close - p - 1));
	}
	return 0;
}

void
load_refs(struct registry *reg, struct record *r, const char *s, size_t len)
{
	const char	*p, *end, *start;
	int		 depth;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return;
	end = s + len;

	/* Is all of it bracketed groups (brackets may nest)? */
	for (p = s; p < end; p++) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p == end)
			break;
		if (*p != '[')
			goto whole;
		for (depth = 0; p < end; p++) {
			if (*p == '[')
				depth++;
			else if (*p == ']' && --depth == 0)
				break;
		}
		if (p == end)
			goto whole;
	}
	for (p = s; p < end; p++) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p == end)
			break;
		start = p + 1;
		for (depth = 0; p < end; p++) {
			if (*p == '[')
				depth++;
			else if (*p == ']' && --depth == 0)
				break;
		}
		while (start < p && isspace((unsigned char)*start))
			start++;
		if (p > start)
			registry_add_ref(reg, r, start, (size_t)(p - start));
	}
	return;

whole:
	registry_add_ref(reg, r, s, len);
}

void
load_person_uri(struct registry *reg, struct person *p, const char *uri,
    size_t len)
{
	char	*addr, *c;

	while (len > 0 && isspace((unsigned char)*uri)) {
		uri++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)uri[len - 1]))
		len--;
	if (len == 0)
		return;

	if (len > 7 && strncasecmp(uri, "mailto:", 7) == 0) {
		addr = xstrndup(uri + 7, len - 7);
		/* IANA writes '@' as '&'; a few addresses have a real '@'
		   already, and then '&' is part of the address. */
		if (strchr(addr, '@') == NULL && (c = strchr(addr, '&')))
			*c = '@';
	} else if (memchr(uri, ':', len) == NULL &&
	    memchr(uri, '@', len) != NULL)
		addr = xstrndup(uri, len);	/* a bare address */
	else {
		if (p->uri == NULL)
			p->uri = registry_strndup(reg, uri, len);
		return;
	}
	if (p->email == NULL)
		p->email = registry_strdup(reg, addr);
	else if (p->uri == NULL)
		p->uri = registry_strndup(reg, uri, len);
	free(addr);
}
