/*
 * literal.c - the fast path of a search for a plain word (literal.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "haystack.h"
#include "literal.h"
#include "registry.h"
#include "xmalloc.h"

char *
literal_of(const char *expr, int *upper)
{
	const unsigned char	*s;
	char			*w;
	size_t			 i;

	*upper = 0;
	if (expr == NULL || *expr == '\0')
		return NULL;
	for (s = (const unsigned char *)expr; *s != '\0'; s++) {
		if (*s < 0x20 || *s > 0x7e ||
		    strchr("\\^$.|?*+()[]{}", *s) != NULL)
			return NULL;
		if (*s >= 'A' && *s <= 'Z')
			*upper = 1;
	}
	/* A prefix (pattern.h: lowercase letters and ':') is not plain. */
	for (s = (const unsigned char *)expr; *s >= 'a' && *s <= 'z'; s++)
		continue;
	if (*s == ':' && s != (const unsigned char *)expr && s[1] != '/')
		return NULL;
	w = xstrdup(expr);
	for (i = 0; w[i] != '\0'; i++)
		if (w[i] >= 'A' && w[i] <= 'Z')
			w[i] = (char)(w[i] + 32);
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

/*
 * A row's mask: a bit for each letter and digit it holds (folded), and
 * one of 28 for any other byte.  A row lacking a bit of the word's mask
 * lacks the word; for a word of one letter or digit the mask is the
 * answer.
 */
static uint64_t
literal_bit(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return (uint64_t)1 << (c - 'a');
	if (c >= '0' && c <= '9')
		return (uint64_t)1 << (26 + c - '0');
	return (uint64_t)1 << (36 + c % 28);
}

static uint64_t
literal_mask(const char *s, size_t n)
{
	uint64_t	 m = 0;
	size_t		 i;

	for (i = 0; i < n; i++)
		m |= literal_bit((unsigned char)s[i]);
	return m;
}

/* Each record's people (those the people section has), compact: what
   literal_scan_case reads, not the records themselves. */
static void
literal_people(struct haystack *h)
{
	const struct record	*r;
	const struct person_ref	*l;
	size_t			 i, j, m, k, n = 0;
	int			 pass;

	h->who_at = xcalloc(h->n_records + 1, sizeof *h->who_at);
	for (pass = 0; pass < 2; pass++) {
		for (i = n = 0; i < h->n_records; i++) {
			r = &h->reg->records[i];
			h->who_at[i] = (uint32_t)n;
			for (k = 0; k < 2; k++) {
				l = k ? r->contacts : r->assignees;
				m = k ? r->n_contacts : r->n_assignees;
				for (j = 0; j < m; j++) {
					if (l[j].person < 0 || (size_t)
					    l[j].person >= h->people.n ||
					    n >= UINT32_MAX - 1)
						continue;
					if (pass == 1)
						h->who[n] =
						    (uint32_t)l[j].person;
					n++;
				}
			}
		}
		h->who_at[h->n_records] = (uint32_t)n;
		if (pass == 0)
			h->who = xcalloc(n + 1, sizeof *h->who);
	}
}

void
literal_prepare(struct haystack *h)
{
	size_t	 i, len = 0, bytes = 1, at;

	if (h == NULL || h->rows != NULL || h->reg == NULL)
		return;
	/* Sized first, then one big block (xbig: huge pages where the
	   system has them; a buffer grown by doubling took page faults
	   on the first scan). */
	for (i = 0; i < h->n_records; i++)
		bytes += literal_row(h, i, NULL);
	h->rows = xbig(&bytes);
	h->row_at = xcalloc(h->n_records + 1, sizeof *h->row_at);
	h->row_mask = xcalloc(h->n_records + 1, sizeof *h->row_mask);
	literal_people(h);
	for (i = 0; i < h->n_records; i++) {
		h->row_at[i] = at = len;
		len += literal_row(h, i, h->rows + len);
		h->row_mask[i] = literal_mask(h->rows + at, len - at);
	}
	h->row_at[h->n_records] = len;
}

int
literal_ready(const struct haystack *h)
{
	return h != NULL && h->rows != NULL;
}

/*
 * Where w (wn > 0 bytes) first starts in [p, end), or NULL.  With SSE2
 * (every x86-64), 32 places a step are tested at once for w's first
 * and last byte, and only where both agree are the bytes between
 * compared: a common first byte ('r' of "re") costs nothing extra, as
 * it did when memchr stopped at each one.  Elsewhere memchr to each
 * first byte, then memcmp.
 */
static const char *
literal_find(const char *p, const char *end, const char *w, size_t wn)
{
#ifdef __SSE2__
	if (wn >= 2) {
		const __m128i	 f = _mm_set1_epi8(w[0]);
		const __m128i	 l = _mm_set1_epi8(w[wn - 1]);
		__m128i		 a0, a1, b0, b1;
		unsigned	 m;

		while ((size_t)(end - p) >= 32 + wn - 1) {
			a0 = _mm_loadu_si128((const __m128i *)(const void *)p);
			a1 = _mm_loadu_si128((const __m128i *)(const void *)
			    (p + 16));
			b0 = _mm_loadu_si128((const __m128i *)(const void *)
			    (p + wn - 1));
			b1 = _mm_loadu_si128((const __m128i *)(const void *)
			    (p + wn + 15));
			m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(a0, f), _mm_cmpeq_epi8(b0, l))) |
			    (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(a1, f), _mm_cmpeq_epi8(b1, l))) <<
			    16;
			for (; m != 0; m &= m - 1) {
				const char *q = p + __builtin_ctz(m);

				if (wn == 2 || memcmp(q + 1, w + 1, wn - 2) == 0)
					return q;
			}
			p += 32;
		}
	}
#endif
	while ((size_t)(end - p) >= wn &&
	    (p = memchr(p, w[0], (size_t)(end - p) - wn + 1)) != NULL) {
		if (memcmp(p + 1, w + 1, wn - 1) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* Where the pieces of a buffer start: the folded rows' offsets, or a
   haystack section's (piece i is [at(i), at(i + 1)), '\n' last). */
struct lspan {
	const char	*buf;
	const size_t	*at64;		/* the rows */
	const uint32_t	*at32;		/* else a section */
};

static size_t
lspan_at(const struct lspan *s, size_t i)
{
	return s->at64 != NULL ? s->at64[i] : s->at32[i];
}

/*
 * The pieces of [a, b] (consecutive: their text is one run of the
 * buffer) that hold w: appended to out at n (returns the new n), or,
 * with bits, set there.  After a hit the scan goes on from the next
 * piece: w has no '\n', so no hit spans two.
 */
static size_t
literal_run(const struct lspan *s, size_t a, size_t b, const char *w,
    size_t wn, uint32_t *out, size_t n, unsigned char *bits)
{
	const char	*p = s->buf + lspan_at(s, a);
	const char	*end = s->buf + lspan_at(s, b + 1);
	const char	*hit;
	size_t		 off, lo, hi, mid;

	while (a <= b && (hit = literal_find(p, end, w, wn)) != NULL) {
		off = (size_t)(hit - s->buf);
		/* The piece holding off: the first of [a, b] ending past
		   it. */
		if (lspan_at(s, a + 1) <= off) {
			lo = a + 1;
			hi = b;
			while (lo < hi) {
				mid = lo + (hi - lo) / 2;
				if (lspan_at(s, mid + 1) <= off)
					lo = mid + 1;
				else
					hi = mid;
			}
			a = lo;
		}
		if (bits != NULL)
			bits[a / 8] |= (unsigned char)(1u << (a % 8));
		else
			out[n++] = (uint32_t)a;
		a++;
		p = s->buf + lspan_at(s, a);
	}
	return n;
}

/*
 * The rows of rows[0, n_rows) (NULL: every row) holding word.  Rows
 * whose mask lacks a bit of the word's are passed over unread; runs of
 * consecutive rows that may hold it are scanned as one span.  out may
 * be rows (narrowing in place): a run's rows are read before its hits
 * are written, and n never passes the index being read.
 */
size_t
literal_scan(const struct haystack *h, const char *word,
    const uint32_t *rows, size_t n_rows, uint32_t *out)
{
	struct lspan	 s = { h != NULL ? h->rows : NULL,
			    h != NULL ? h->row_at : NULL, NULL };
	size_t		 i, j, n = 0, wlen = strlen(word), a, b;
	uint64_t	 need;
	int		 exact;

	if (!literal_ready(h) || wlen == 0 || h->n_records == 0)
		return 0;
	need = literal_mask(word, wlen);
	/* One letter or digit: the mask alone answers. */
	exact = wlen == 1 && ((word[0] >= 'a' && word[0] <= 'z') ||
	    (word[0] >= '0' && word[0] <= '9'));
	if (rows == NULL)
		n_rows = h->n_records;
	for (i = 0; i < n_rows; i = j) {
		a = rows != NULL ? rows[i] : i;
		j = i + 1;
		if (a >= h->n_records)
			break;
		if ((h->row_mask[a] & need) != need)
			continue;
		if (exact) {
			out[n++] = (uint32_t)a;
			continue;
		}
		for (b = a; j < n_rows; j++, b++) {
			if ((rows != NULL ? rows[j] : j) != b + 1 ||
			    b + 1 >= h->n_records ||
			    (h->row_mask[b + 1] & need) != need)
				break;
		}
		n = literal_run(&s, a, b, word, wlen, out, n, NULL);
	}
	return n;
}

#define LIT_BIT(bits, i)	((bits)[(i) / 8] >> ((i) % 8) & 1)

size_t
literal_scan_case(const struct haystack *h, const char *word,
    const uint32_t *rows, size_t n_rows, uint32_t *out)
{
	struct lspan	 s = { h != NULL ? h->buf : NULL, NULL, NULL };
	unsigned char	*hit, *who;
	size_t		 i, n = 0, wlen = strlen(word), m, k;
	uint32_t	 j;
	int		 f, any = 0;

	if (!literal_ready(h) || wlen == 0 || h->n_records == 0)
		return 0;
	/* Each section is one run of text, a record a piece: one pass
	   each, the records holding the word marked. */
	hit = xcalloc(h->n_records / 8 + 1, 1);
	for (f = 0; f < HAY_COUNT; f++) {
		s.at32 = h->sec[f].at;
		if (h->sec[f].n > 0)
			(void)literal_run(&s, 0, h->sec[f].n - 1, word, wlen,
			    NULL, 0, hit);
	}
	/* The people holding it, then the records naming one of them. */
	who = xcalloc(h->people.n / 8 + 1, 1);
	if (h->people.n > 0) {
		s.at32 = h->people.at;
		(void)literal_run(&s, 0, h->people.n - 1, word, wlen, NULL, 0,
		    who);
		for (i = 0; i < h->people.n / 8 + 1 && !any; i++)
			any = who[i] != 0;
	}
	for (i = 0; any && i < h->n_records; i++) {
		for (j = h->who_at[i]; j < h->who_at[i + 1]; j++)
			if (LIT_BIT(who, h->who[j])) {
				hit[i / 8] |= (unsigned char)(1u << (i % 8));
				break;
			}
	}
	m = rows != NULL ? n_rows : h->n_records;
	for (i = 0; i < m; i++) {
		k = rows != NULL ? rows[i] : i;
		if (k < h->n_records && LIT_BIT(hit, k))
			out[n++] = (uint32_t)k;
	}
	free(who);
	free(hit);
	return n;
}
