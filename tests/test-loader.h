/*
 * test-loader.h - what the loader test programs share: load a text with
 * one loader the way load_buffer would, but from a copy exactly len + 1
 * bytes long that is wiped and freed before returning, so that a
 * sanitizer sees any over-read and any pointer the registry kept into
 * the input shows as garbage.  test_loader_read() reads a data file
 * for them.
 */
#ifndef PORTREG_TEST_LOADER_H
#define PORTREG_TEST_LOADER_H

#include "load.h"
#include "registry.h"
#include "xmalloc.h"

typedef int test_loader_fn(struct registry *, const char *, size_t,
    char **);

/* The whole of the file at path, read by load_read_file (malloc'd,
   NUL-terminated, *len bytes); a file that cannot be read fails the
   case.  Not inlined: GCC 12 then takes the pointer it returns for one
   to the local variable buf (-Wdangling-pointer). */
static __attribute__((noinline, unused)) char *
test_loader_read(const char *path, size_t *len)
{
	char	*buf = NULL, *err = NULL;

	if (load_read_file(path, &buf, len, &err) != 0)
		fail_msg("%s", err);
	assert_non_null(buf);
	return buf;
}

/* Load text; with finish, run registry_finish when the load succeeds. */
static inline struct registry *
test_loader_load(test_loader_fn *load, const char *name, int finish,
    const char *text, size_t len, int *rc, char **err)
{
	struct registry	*reg = registry_new(name);
	char		*buf = xmalloc(len + 1);

	memcpy(buf, text, len);
	buf[len] = '\0';
	*err = NULL;
	*rc = load(reg, buf, len, err);
	memset(buf, 'X', len);
	free(buf);
	if (finish && *rc == 0)
		registry_finish(reg);
	return reg;
}

/* Load text that must load, with no error message. */
static inline struct registry *
test_loader_ok(test_loader_fn *load, const char *name, int finish,
    const char *text, size_t len)
{
	struct registry	*reg;
	char		*err;
	int		 rc;

	reg = test_loader_load(load, name, finish, text, len, &rc, &err);
	if (rc != 0)
		fail_msg("%s failed: %s", name, err ? err : "(no message)");
	assert_null(err);
	return reg;
}

/* Load text that must fail; returns the message (caller frees). */
static inline char *
test_loader_fails(test_loader_fn *load, const char *name, const char *text,
    size_t len)
{
	struct registry	*reg;
	char		*err;
	int		 rc;

	reg = test_loader_load(load, name, 0, text, len, &rc, &err);
	assert_int_equal(rc, -1);
	assert_non_null(err);
	registry_free(reg);
	return err;
}

/* The one record named so (with proto); fails unless there is one. */
static __attribute__((unused)) const struct record *
test_named(const struct registry *reg, const char *name, enum proto proto)
{
	uint32_t	 idx[4];
	size_t		 n;

	n = registry_by_name(reg, name, proto, idx, 4);
	if (n != 1)
		fail_msg("%zu records named %s/%s", n, name, proto_name(proto));
	return &reg->records[idx[0]];
}

/* Person id; fails when there is none. */
static __attribute__((unused)) const struct person *
test_person(const struct registry *reg, const char *id)
{
	int32_t	 p = registry_person(reg, id);

	if (p < 0)
		fail_msg("no person [%s]", id);
	return &reg->people[p];
}

#endif
