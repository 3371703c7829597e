/*
 * test-fatal.c - fatal() runs the cleanup hook (the terminal layer's
 * endwin) before it prints and exits 2, and xmalloc's failures go
 * through it.  Each case runs the dying code in a child process.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include "test.h"

#include "fatal.h"
#include "xmalloc.h"

static void
cleanup_hook(void)
{
	/* What the hook does shows on stderr, before fatal's message. */
	if (write(STDERR_FILENO, "[cleanup]", 9) != 9)
		_exit(99);
}

/*
 * Run fn in a child whose stderr goes into err (cap bytes, NUL
 * terminated); returns its exit status, or -1 if it did not exit.
 */
static int
run_child(void (*fn)(void), char *err, size_t cap)
{
	int	 fds[2], st;
	pid_t	 pid;
	size_t	 n = 0;
	ssize_t	 r;

	assert_int_equal(pipe(fds), 0);
	fflush(stdout);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], STDERR_FILENO);
		close(fds[1]);
		fn();
		_exit(0);	/* fatal() returned: the case fails */
	}
	close(fds[1]);
	while (n + 1 < cap && (r = read(fds[0], err + n, cap - 1 - n)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		n += (size_t)r;
	}
	err[n] = '\0';
	close(fds[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
die_with_hook(void)
{
	fatal_set_cleanup(cleanup_hook);
	fatal("cannot %s: %d", "go on", 42);
}

static void
die_without_hook(void)
{
	fatal_set_cleanup(cleanup_hook);
	fatal_set_cleanup(NULL);
	fatal("plain");
}

static void
die_out_of_memory(void)
{
	fatal_set_cleanup(cleanup_hook);
	/* An overflowing size: refused before any malloc is tried. */
	(void)xreallocarray(NULL, SIZE_MAX / 2 + 1, 2);
}

static void
test_hook_runs_before_the_message_and_exit_2(void **state)
{
	char	 err[256];

	assert_int_equal(run_child(die_with_hook, err, sizeof err), 2);
	assert_string_equal(err, "[cleanup]portreg: cannot go on: 42\n");
}

static void
test_unregistered_hook_does_not_run(void **state)
{
	char	 err[256];

	assert_int_equal(run_child(die_without_hook, err, sizeof err), 2);
	assert_string_equal(err, "portreg: plain\n");
}

static void
test_xmalloc_failure_runs_the_hook(void **state)
{
	char	 err[256];

	assert_int_equal(run_child(die_out_of_memory, err, sizeof err), 2);
	assert_true(strncmp(err, "[cleanup]portreg: out of memory", 31) == 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hook_runs_before_the_message_and_exit_2),
		cmocka_unit_test(test_unregistered_hook_does_not_run),
		cmocka_unit_test(test_xmalloc_failure_runs_the_hook),
	};

	return RUN_TESTS(tests);
}
