/*
 * snapshot-forge.c - damage a snapshot (snapshot.h) the ways
 * test-hostile.sh asks for, keeping its checksum right where that is
 * the point: the checks behind the checksum must catch it then.
 *
 *	snapshot-forge offsets FILE	every section's offset past the end
 *	snapshot-forge version FILE	the next format version
 *	snapshot-forge key FROM TO	TO gets FROM's key (checksum as was)
 *	snapshot-forge sum FILE		the checksum made right again
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE		*f = fopen(path, "rb");
	unsigned char	*buf;
	long		 n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 512) {
		fprintf(stderr, "snapshot-forge: %s: cannot read\n", path);
		exit(2);
	}
	rewind(f);
	/* uint64_t-aligned, as the checksum reads it. */
	buf = calloc(1, (size_t)n + 8);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		exit(2);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
spill(const char *path, const unsigned char *buf, size_t len, int sum)
{
	FILE		*f;
	uint64_t	 c;

	if (sum) {
		c = registry_snapshot_sum(buf, len);
		memcpy((unsigned char *)buf + SNAPSHOT_OFF_CHECKSUM, &c,
		    sizeof c);
	}
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(buf, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "snapshot-forge: %s: cannot write\n", path);
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	unsigned char	*buf, *from;
	size_t		 len, flen, i;
	uint64_t	 off;
	uint32_t	 v;

	if (argc == 3 && strcmp(argv[1], "offsets") == 0) {
		buf = slurp(argv[2], &len);
		for (i = 0; i < SNAPSHOT_SECTIONS; i++) {
			off = len + 8 * (i + 1);
			memcpy(buf + SNAPSHOT_OFF_SECTIONS + 16 * i, &off,
			    sizeof off);
		}
		spill(argv[2], buf, len, 1);
	} else if (argc == 3 && strcmp(argv[1], "version") == 0) {
		buf = slurp(argv[2], &len);
		memcpy(&v, buf + SNAPSHOT_OFF_VERSION, sizeof v);
		v++;
		memcpy(buf + SNAPSHOT_OFF_VERSION, &v, sizeof v);
		spill(argv[2], buf, len, 1);
	} else if (argc == 4 && strcmp(argv[1], "key") == 0) {
		from = slurp(argv[2], &flen);
		buf = slurp(argv[3], &len);
		memcpy(buf + SNAPSHOT_OFF_KEY, from + SNAPSHOT_OFF_KEY,
		    SNAPSHOT_KEY_SIZE);
		spill(argv[3], buf, len, 0);
		free(from);
	} else if (argc == 3 && strcmp(argv[1], "sum") == 0) {
		buf = slurp(argv[2], &len);
		spill(argv[2], buf, len, 1);
	} else {
		fprintf(stderr, "usage: snapshot-forge offsets|version|sum "
		    "FILE | key FROM TO\n");
		return 2;
	}
	free(buf);
	return 0;
}
