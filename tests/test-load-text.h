/*
 * test-load-text.h - what the pasted-text test programs (test-load-text,
 * test-load-text-join) share: the column header line, loading a text or
 * a file with load_text, and finding records, people and warnings.
 */
#ifndef PORTREG_TEST_LOAD_TEXT_H
#define PORTREG_TEST_LOAD_TEXT_H

#include "test-loader.h"

#include "load.h"
#include "registry.h"
#include "xmalloc.h"

#define HEADER "Service Name Port Number Transport Protocol Description " \
	"Assignee Contact Registration Date Modification Date Reference " \
	"Service Code Unauthorized Use Reported Assignment Notes\n"

/*
 * Load len bytes with load_text into a fresh registry, finished when the
 * load succeeds.  The text is copied into a buffer of exactly len + 1
 * bytes, overwritten and freed before returning: the registry must not
 * point into it.
 */
static __attribute__((unused)) struct registry *
text_load(const char *text, size_t len, int *rc, char **err)
{
	return test_loader_load(load_text, "t.txt", 1, text, len, rc, err);
}

static __attribute__((unused)) struct registry *
text_ok(const char *text, size_t len)
{
	return test_loader_ok(load_text, "t.txt", 1, text, len);
}

static __attribute__((unused)) struct registry *
text_file(const char *path)
{
	struct registry	*reg;
	char		*buf;
	size_t		 len;

	buf = test_loader_read(path, &len);
	reg = text_ok(buf, len);
	free(buf);
	return reg;
}

/* The only record at port/proto; fails unless there is exactly one. */
static __attribute__((unused)) const struct record *
text_at(const struct registry *reg, int32_t port, enum proto proto)
{
	uint32_t	 idx[4];
	size_t		 n;

	n = registry_at_port(reg, port, proto, idx, 4);
	if (n != 1)
		fail_msg("%zu records at %d/%s", n, port, proto_name(proto));
	return &reg->records[idx[0]];
}

/* How many warnings on this line contain needle. */
static __attribute__((unused)) size_t
text_warnings(const struct registry *reg, uint32_t line, const char *needle)
{
	size_t	 i, n = 0;

	for (i = 0; i < reg->n_warnings; i++) {
		if ((line == 0 || reg->warnings[i].line == line) &&
		    strstr(reg->warnings[i].text, needle) != NULL)
			n++;
	}
	return n;
}

#endif
