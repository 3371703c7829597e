/*
 * expat-parse.c - the baseline of `make bench`: Expat alone parsing a file.
 *
 * Reads the whole file into memory (as portreg does) and hands it to
 * Expat in one XML_Parse call.  By default no handler is set at all: the
 * least work Expat must do to parse the file, the floor that SPEC §5
 * compares portreg against.  With -h, empty start-element, end-element
 * and character-data handlers are set, which costs Expat a little more
 * (it must then build the attribute arrays and report text), for
 * reference.  With -c BYTES, the buffer is handed over in slices of that
 * size (XML_Parse copies each into its own buffer, where one call copies
 * the whole file), to see what slicing costs.
 *
 * Exit status: 0 when the file is well-formed XML, 1 when not, 2 on usage
 * or I/O errors.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <expat.h>

static void XMLCALL
expat_parse_start(void *data, const XML_Char *name, const XML_Char **atts)
{
}

static void XMLCALL
expat_parse_end(void *data, const XML_Char *name)
{
}

static void XMLCALL
expat_parse_text(void *data, const XML_Char *s, int len)
{
}

static char *
expat_parse_read(const char *path, size_t *len)
{
	struct stat	 sb;
	char		*buf;
	size_t		 off = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &sb) == -1) {
		fprintf(stderr, "expat-parse: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if ((buf = malloc((size_t)sb.st_size + 1)) == NULL) {
		fprintf(stderr, "expat-parse: out of memory\n");
		close(fd);
		return NULL;
	}
	while (off < (size_t)sb.st_size) {
		n = read(fd, buf + off, (size_t)sb.st_size - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(fd);
	buf[off] = '\0';
	*len = off;
	return buf;
}

int
main(int argc, char **argv)
{
	XML_Parser	 p;
	char		*buf;
	size_t		 len, off, chunk = 0, n;
	int		 c, handlers = 0, status = 0, final;

	while ((c = getopt(argc, argv, "c:h")) != -1) {
		switch (c) {
		case 'c':
			chunk = strtoul(optarg, NULL, 10);
			break;
		case 'h':
			handlers = 1;
			break;
		default:
			argc = 0;
			break;
		}
	}
	argv += optind;
	argc -= optind;
	if (argc != 1) {
		fprintf(stderr, "usage: expat-parse [-h] [-c BYTES] FILE.xml\n");
		return 2;
	}
	if ((buf = expat_parse_read(argv[0], &len)) == NULL)
		return 2;
	if ((p = XML_ParserCreate(NULL)) == NULL) {
		fprintf(stderr, "expat-parse: XML_ParserCreate failed\n");
		return 2;
	}
	if (handlers) {
		XML_SetElementHandler(p, expat_parse_start, expat_parse_end);
		XML_SetCharacterDataHandler(p, expat_parse_text);
	}
	if (chunk == 0 || chunk > (size_t)1 << 30)
		chunk = len;
	off = 0;
	do {
		n = len - off < chunk ? len - off : chunk;
		final = off + n == len;
		if (n > (size_t)2147483647 ||
		    XML_Parse(p, buf + off, (int)n, final) != XML_STATUS_OK) {
			status = 1;
			break;
		}
		off += n;
	} while (!final);
	if (status != 0) {
		fprintf(stderr, "expat-parse: %s:%lu: %s\n", argv[0],
		    (unsigned long)XML_GetCurrentLineNumber(p),
		    XML_ErrorString(XML_GetErrorCode(p)));
		status = 1;
	}
	XML_ParserFree(p);
	free(buf);
	return status;
}
