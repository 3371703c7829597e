/*
 * expat-parse.c - the baseline of `make bench`: Expat alone parsing a file.
 *
 * Reads the whole file into memory (as portreg does) and hands it to
 * Expat in one XML_Parse call.  By default no handler is set at all: the
 * least work Expat must do to parse the file, the floor that SPEC §5
 * compares portreg against.  With -h, empty start-element, end-element
 * and character-data handlers are set, which costs Expat a little more
 * (it must then build the attribute arrays and report text), for
 * reference.
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
	size_t		 len;
	int		 handlers = 0, status = 0;

	if (argc == 3 && strcmp(argv[1], "-h") == 0) {
		handlers = 1;
		argv++;
		argc--;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: expat-parse [-h] FILE.xml\n");
		return 2;
	}
	if ((buf = expat_parse_read(argv[1], &len)) == NULL)
		return 2;
	if ((p = XML_ParserCreate(NULL)) == NULL) {
		fprintf(stderr, "expat-parse: XML_ParserCreate failed\n");
		return 2;
	}
	if (handlers) {
		XML_SetElementHandler(p, expat_parse_start, expat_parse_end);
		XML_SetCharacterDataHandler(p, expat_parse_text);
	}
	if (len > (size_t)2147483647 ||
	    XML_Parse(p, buf, (int)len, 1) != XML_STATUS_OK) {
		fprintf(stderr, "expat-parse: %s:%lu: %s\n", argv[1],
		    (unsigned long)XML_GetCurrentLineNumber(p),
		    XML_ErrorString(XML_GetErrorCode(p)));
		status = 1;
	}
	XML_ParserFree(p);
	free(buf);
	return status;
}
