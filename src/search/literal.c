/*
 * literal.c - the fast path of a search for a plain word (literal.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "haystack.h"
#include "literal.h"
#include "registry.h"
#include "xmalloc.h"

char *
literal_of(const char *expr)
{
	const unsigned char	*s;
	char			*w;

	if (expr == NULL || *expr == '\0')
		return NULL;
	for (s = (const unsigned char *)expr; *s != '\0'; s++) {
		if (*s < 0x20 || *s > 0x7e || (*s >= 'A' && *s <= 'Z') ||
		    strchr("\\^$.|?*+()[]{}", *s) != NULL)
			return NULL;
	}
	/* A prefix (pattern.h: lowercase letters and ':') is not plain. */
	for (s = (const unsigned char *)expr; *s >= 'a' && *s <= 'z'; s++)
		continue;
	if (*s == ':' && s != (const unsigned char *)expr && s[1] != '/')
		return NULL;
	w = xstrdup(expr);
	return w;
}

/* Append s[0, n) folded to b (room made by the caller). */
static size_t
literal_fold(char *out, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, o = 0;

	for (i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z')
			out[o++] = (char)(p[i] + 32);
		else if (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x84 &&
		    p[i + 2] == 0xaa) {
			out[o++] = 'k';		/* U+212A KELVIN SIGN */
			i += 2;
		} else if (p[i] == 0xc5 && i + 1 < n && p[i + 1] == 0xbf) {
			out[o++] = 's';		/* U+017F LONG S */
			i++;
		} else
			out[o++] = (char)p[i];
	}
	return o;
}

/* Slice i of sec, without its '\n'. */
static void
literal_slice(const struct haystack *h, const struct hsec *sec, size_t i,
    const char **s, size_t *n)
{
	*s = h->buf + sec->at[i];
	*n = sec->at[i + 1] - 1 - sec->at[i];
}

/* Each record's run: its slices, then its people's, each ending '\n'.
   With out NULL, only the length (folding only shortens text). */
static size_t
literal_row(const struct haystack *h, size_t i, char *out)
{
	const struct record	*r = &h->reg->records[i];
	const struct person_ref	*l;
	const char		*s;
	size_t			 n, len = 0;
	uint32_t		 j, m, k;
	int			 f;

	for (f = 0; f < HAY_COUNT; f++) {
		literal_slice(h, &h->sec[f], i, &s, &n);
		len += out != NULL ? literal_fold(out + len, s, n) : n;
		if (out != NULL)
			out[len] = '\n';
		len++;
	}
	for (k = 0; k < 2; k++) {
		l = k ? r->contacts : r->assignees;
		m = k ? r->n_contacts : r->n_assignees;
		for (j = 0; j < m; j++) {
			if (l[j].person < 0 || (size_t)l[j].person >= h->people.n)
				continue;
			literal_slice(h, &h->people, (size_t)l[j].person, &s,
			    &n);
			len += out != NULL ? literal_fold(out + len, s, n) : n;
			if (out != NULL)
				out[len] = '\n';
			len++;
		}
	}
	return len;
}

void
literal_prepare(struct haystack *h)
{
	size_t	 i, len = 0, bytes = 1;

	if (h == NULL || h->rows != NULL || h->reg == NULL)
		return;
	/* Sized first, then one big block (xbig: huge pages where the
	   system has them; a buffer grown by doubling took page faults
	   on the first scan). */
	for (i = 0; i < h->n_records; i++)
		bytes += literal_row(h, i, NULL);
	h->rows = xbig(&bytes);
	h->row_at = xcalloc(h->n_records + 1, sizeof *h->row_at);
	for (i = 0; i < h->n_records; i++) {
		h->row_at[i] = len;
		len += literal_row(h, i, h->rows + len);
	}
	h->row_at[h->n_records] = len;
}

int
literal_ready(const struct haystack *h)
{
	return h != NULL && h->rows != NULL;
}

/*
 * Does s[0, n) hold w (wn > 0 bytes)?  memchr to each place the first
 * byte is, then memcmp: most rows that hold the word hold it early, and
 * memmem's set-up cost a row outweighed its search.
 */
static int
literal_in(const char *s, size_t n, const char *w, size_t wn)
{
	const char	*p = s, *end = s + n;

	while ((size_t)(end - p) >= wn &&
	    (p = memchr(p, w[0], (size_t)(end - p) - wn + 1)) != NULL) {
		if (memcmp(p + 1, w + 1, wn - 1) == 0)
			return 1;
		p++;
	}
	return 0;
}

size_t
literal_scan(const struct haystack *h, const char *word,
    const uint32_t *rows, size_t n_rows, uint32_t *out)
{
	size_t	 i, n = 0, wlen = strlen(word), r, at;

	if (!literal_ready(h) || wlen == 0)
		return 0;
	if (rows == NULL)
		n_rows = h->n_records;
	for (i = 0; i < n_rows; i++) {
		r = rows != NULL ? rows[i] : i;
		if (r >= h->n_records)
			continue;
		at = h->row_at[r];
		if (literal_in(h->rows + at, h->row_at[r + 1] - at, word,
		    wlen))
			out[n++] = (uint32_t)r;
	}
	return n;
}
