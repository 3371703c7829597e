/*
 * loader.c - what the four loaders share (loader.h): error messages and
 * the parsers of people lists, references and contact URIs.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "field.h"
#include "loader.h"
#include "registry.h"
#include "xmalloc.h"

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

/* --- People, references, addresses ------------------------------------- */

int
load_people_list(struct registry *reg, struct record *r, int role,
    const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *close;
	size_t		 n = 0;

	/* Check the whole text first: add nothing unless all of it is a list. */
	for (;;) {
		while (p < end && field_is_space(*p))
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
		while (p < end && field_is_space(*p))
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

	field_trim(&s, &len);
	if (len == 0)
		return;
	end = s + len;

	/* Is all of it bracketed groups (brackets may nest)? */
	for (p = s; p < end; p++) {
		while (p < end && field_is_space(*p))
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
		while (p < end && field_is_space(*p))
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
		while (start < p && field_is_space(*start))
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

	field_trim(&uri, &len);
	if (len == 0)
		return;

	if (len > 7 && strncasecmp(uri, "mailto:", 7) == 0)
		addr = xstrndup(uri + 7, len - 7);
	else if (memchr(uri, ':', len) == NULL &&
	    memchr(uri, ' ', len) == NULL &&
	    (memchr(uri, '@', len) != NULL || memchr(uri, '&', len) != NULL))
		addr = xstrndup(uri, len);	/* a bare address */
	else {
		if (p->uri == NULL)
			p->uri = registry_strndup(reg, uri, len);
		return;
	}
	/* IANA writes '@' as '&'; a few addresses have a real '@' already,
	   and then '&' is part of the address. */
	if (strchr(addr, '@') == NULL && (c = strchr(addr, '&')) != NULL)
		*c = '@';
	if (p->email == NULL)
		p->email = registry_strdup(reg, addr);
	else if (p->uri == NULL && strcmp(p->email, addr) != 0) {
		/* A second address (WAP_Forum, Oracle_Corp): a mailto: URI
		   of the real address, never IANA's '&' form. */
		c = xasprintf("mailto:%s", addr);
		p->uri = registry_strdup(reg, c);
		free(c);
	}
	free(addr);
}
