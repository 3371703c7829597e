/*
 * fuzz-load.c - libFuzzer harness for the loaders and format detection.
 * Built once per surface with FUZZ_FORMAT set to a LOAD_* value
 * (LOAD_AUTO: detection, then whichever loader it picks).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "registry.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct registry	*reg;
	char		*buf, *err = NULL;
	struct registry_stats st;

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
		registry_stats(reg, &st);
		registry_free(reg);
	} else if (err == NULL || strncmp(err, "fuzz", 4) != 0)
		abort();	/* every error names the file */
	free(err);
	free(buf);
	return 0;
}
