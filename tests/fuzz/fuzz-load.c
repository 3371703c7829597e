/*
 * fuzz-load.c - libFuzzer harness for the loaders and format detection.
 * Built once per surface with FUZZ_FORMAT set to a LOAD_* value
 * (LOAD_AUTO: detection, then whichever loader it picks; LOAD_TSV, 5:
 * the TSV that -o tsv writes).  A registry
 * that loads is then taken through what reads it: the four output
 * formats, the detail pane's fields, wrapping and links, and a search.
 *
 * With FUZZ_SNAPSHOT instead, the input is a snapshot image (snapshot.h;
 * the seeds are real ones): its checksum made right unless the last
 * byte says not, so that the mutations reach the checks behind it, and
 * its base set to where it lies when the last byte says so (opened in
 * place, else moved).  It must open, and then be used as a loaded
 * registry is, or be refused; never crash.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "load.h"
#include "output.h"
#include "pattern.h"
#include "registry.h"
#include "snapshot.h"
#include "xmalloc.h"

#define FUZZ_ROWS	64	/* records output and searched */
#define FUZZ_DETAILS	8	/* records (and gaps) shown in detail: the
				   wrap at two widths is the costly part */

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fuzz_detail(const struct registry *reg, int32_t row)
{
	struct detail		 d;
	struct detail_line	*lines;
	size_t			 n, l, first, last;
	int			 x, width;

	detail_build(&d, reg, row);
	for (width = 8; width <= 80; width += 72) {
		n = detail_wrap(&d, width, &lines, &x);
		for (l = 0; l < d.n_links; l++) {
			if (!detail_link_lines(&d, l, lines, n, &first, &last))
				abort();	/* every link shows somewhere */
		}
		free(lines);
	}
	(void)detail_link_default(&d);
	detail_free(&d);
}

static void
fuzz_use(const struct registry *reg)
{
	static FILE		*null;
	static struct pattern	*p;	/* compiled once: JIT is the cost */
	struct registry_stats	 st;
	struct haystack		*hay;
	uint32_t		 idx[FUZZ_ROWS];
	size_t			 i, n;
	char			*err = NULL;
	int			 f, limited;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	registry_stats(reg, &st);
	n = reg->n_records < FUZZ_ROWS ? reg->n_records : FUZZ_ROWS;
	for (i = 0; i < n; i++)
		idx[i] = (uint32_t)i;
	for (f = OUTPUT_TABLE; f <= OUTPUT_TSV; f++)
		output_records(null, reg, idx, n, (enum output_format)f);
	for (i = 0; i < n && i < FUZZ_DETAILS; i++)
		fuzz_detail(reg, (int32_t)i);
	for (i = 0; i < reg->n_gaps && i < FUZZ_DETAILS; i++)
		fuzz_detail(reg, ROW_GAP(i));
	hay = haystack_new(reg);
	if (p == NULL && (p = pattern_new("who:a|\\d$", &err)) == NULL)
		abort();
	(void)pattern_scan(p, hay, idx, FUZZ_ROWS, &limited);
	haystack_free(hay);
}

#ifdef FUZZ_SNAPSHOT
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry	*reg;
	uint64_t	*img, sum, base;
	const char	*why = NULL;
	unsigned char	 key[SNAPSHOT_KEY_SIZE];
	int		 flags = size != 0 ? data[size - 1] : 0;

	/* Aligned as a mapping is; the image's own key. */
	img = xcalloc(size / 8 + 1, 8);
	memcpy(img, data, size);
	memset(key, 0, sizeof key);
	if (size >= SNAPSHOT_OFF_KEY + SNAPSHOT_KEY_SIZE)
		memcpy(key, data + SNAPSHOT_OFF_KEY, sizeof key);
	if ((flags & 1) && size >= SNAPSHOT_OFF_BASE + 8) {
		base = (uint64_t)(uintptr_t)img;
		memcpy((char *)img + SNAPSHOT_OFF_BASE, &base, sizeof base);
	}
	if (!(flags & 2) && size >= SNAPSHOT_OFF_CHECKSUM + 8) {
		sum = registry_snapshot_sum(img, size);
		memcpy((char *)img + SNAPSHOT_OFF_CHECKSUM, &sum, sizeof sum);
	}
	reg = registry_snapshot_open(img, size, key, "fuzz", NULL, &why);
	if (reg != NULL) {
		fuzz_use(reg);
		registry_free(reg);	/* no release: img is freed below */
	} else if (why == NULL)
		abort();	/* every refusal says why */
	free(img);
	return 0;
}
#else
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry	*reg;
	char		*buf, *err = NULL;

	/* Loaders see what load_read_file gives them: NUL-terminated. */
	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
#if FUZZ_FORMAT == 0
	(void)load_detect(buf, size);
#endif
	reg = load_buffer(buf, size, "fuzz", (enum load_format)FUZZ_FORMAT,
	    &err);
	if (reg != NULL) {
		fuzz_use(reg);
		registry_free(reg);
	} else if (err == NULL || strncmp(err, "fuzz", 4) != 0)
		abort();	/* every error names the file */
	free(err);
	free(buf);
	return 0;
}
#endif
