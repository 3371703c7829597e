/*
 * replay.c - run a libFuzzer harness without libFuzzer: each file named
 * on the command line goes once through LLVMFuzzerTestOneInput.  Linked
 * with a harness into the replay_* check programs, so that make check
 * (and its ASan/UBSan run in CI) replays the seed corpora and the inputs
 * that once crashed (tests/fuzz/regress/) in an ordinary build.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
main(int argc, char **argv)
{
	FILE	*f;
	char	*data;
	size_t	 len, cap;
	int	 i;

	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return 2;
		}
		len = 0;
		cap = 4096;
		data = xmalloc(cap);
		while ((len += fread(data + len, 1, cap - len, f)) == cap) {
			cap *= 2;
			data = xreallocarray(data, cap, 1);
		}
		if (ferror(f)) {
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		free(data);
	}
	return 0;
}
