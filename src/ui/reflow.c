/*
 * reflow.c - join the source lines of registry prose into paragraphs.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "reflow.h"
#include "xmalloc.h"

/* One source line: its indentation and its text without outer blanks. */
struct reflow_line {
	const char	*text;
	size_t		 len;		/* 0: a blank line */
	size_t		 indent;	/* columns; a tab counts 8 */
};

static int
reflow_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void
reflow_split(const char *s, size_t n, struct reflow_line *l)
{
	size_t	 i = 0;

	l->indent = 0;
	while (i < n && reflow_blank(s[i]))
		l->indent += s[i++] == '\t' ? 8 : 1;
	while (n > i && reflow_blank(s[n - 1]))
		n--;
	l->text = s + i;
	l->len = n - i;
}

/* Laid out in columns: two blanks in a row, or a tab, inside the text. */
static int
reflow_columns(const struct reflow_line *l)
{
	size_t	 i;

	for (i = 0; i + 1 < l->len; i++) {
		if (l->text[i] == '\t' || (l->text[i] == ' ' &&
		    l->text[i + 1] == ' '))
			return 1;
	}
	return 0;
}

/* A list item: "* ", "- ", "+ ", "o ", or a number then ". " or ") ". */
static int
reflow_item(const struct reflow_line *l)
{
	size_t	 i = 0;

	if (l->len >= 2 && strchr("*-+o", l->text[0]) != NULL &&
	    l->text[1] == ' ')
		return 1;
	while (i < l->len && i < 3 && l->text[i] >= '0' && l->text[i] <= '9')
		i++;
	return i > 0 && i + 1 < l->len && (l->text[i] == '.' ||
	    l->text[i] == ')') && l->text[i + 1] == ' ';
}

char *
reflow(const char *text)
{
	struct reflow_line	 l;
	const char		*s, *e;
	char			*out, *o;
	size_t			 item = 0, n;
	int			 state = 0;	/* 0 start, 1 prose, 2 kept */
	int			 blank = 0, in_item = 0;

	if (text == NULL)
		return NULL;
	/* A line grows by two newlines and 16 columns of indent at most. */
	for (s = text, n = 1; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	out = o = xmalloc(strlen(text) + 18 * n + 1);
	for (s = text; ; s = e + 1) {
		if ((e = strchr(s, '\n')) == NULL)
			e = s + strlen(s);
		reflow_split(s, (size_t)(e - s), &l);
		if (l.len == 0) {
			blank = state != 0;
		} else if (reflow_columns(&l)) {
			if (state != 0)
				*o++ = '\n';
			if (blank)
				*o++ = '\n';
			memset(o, ' ', l.indent < 16 ? l.indent : 16);
			o += l.indent < 16 ? l.indent : 16;
			memcpy(o, l.text, l.len);
			o += l.len;
			state = 2;
			blank = in_item = 0;
		} else {
			if (state == 2 || blank || reflow_item(&l) ||
			    (in_item && l.indent <= item)) {
				*o++ = '\n';
				if (blank)
					*o++ = '\n';
				in_item = 0;
			} else if (state == 1)
				*o++ = ' ';
			if (reflow_item(&l)) {
				in_item = 1;
				item = l.indent;
			}
			memcpy(o, l.text, l.len);
			o += l.len;
			state = 1;
			blank = 0;
		}
		if (*e == '\0')
			break;
	}
	*o = '\0';
	/* The first line never started with a break. */
	if (out[0] == '\n')
		memmove(out, out + 1, strlen(out));
	return out;
}
