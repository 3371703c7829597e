/*
 * fuzz-history.c - libFuzzer harness for the prompts' history file
 * (ui/history.h), an input anyone who can write the user's state folder
 * controls: the bytes are the file.  A file that loads must save and
 * load back to the same entries; one that does not must leave nothing.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char fuzz_prompts[] = HISTORY_PROMPTS;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char		 path[] = "/tmp/portreg-fuzz-history.XXXXXX", *why = NULL;
	struct history	*h, *back;
	size_t		 i, k, n;
	FILE		*f;
	int		 fd, rc;

	if ((fd = mkstemp(path)) == -1)
		return 0;
	f = fdopen(fd, "wb");
	if (f == NULL) {
		close(fd);
		unlink(path);
		return 0;
	}
	fwrite(data, 1, len, f);
	fclose(f);
	h = history_new(path);
	rc = history_load(h, &why);
	free(why);
	why = NULL;
	for (k = 0; k < sizeof fuzz_prompts - 1; k++) {
		n = history_count(h, fuzz_prompts[k]);
		if (rc != 0 && n != 0)
			abort();	/* a damaged file is ignored whole */
		if (n > HISTORY_MAX)
			abort();
	}
	if (rc == 0 && history_save(h, &why) == 0) {
		back = history_new(path);
		if (history_load(back, &why) != 0)
			abort();	/* what it writes, it reads */
		for (k = 0; k < sizeof fuzz_prompts - 1; k++) {
			n = history_count(h, fuzz_prompts[k]);
			if (history_count(back, fuzz_prompts[k]) != n)
				abort();
			for (i = 0; i < n; i++) {
				if (strcmp(history_get(h, fuzz_prompts[k], i),
				    history_get(back, fuzz_prompts[k], i)) != 0)
					abort();
			}
		}
		history_free(back);
	}
	free(why);
	history_free(h);
	unlink(path);
	return 0;
}
