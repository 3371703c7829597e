/*
 * bench-spawn.c - run a command once; print its wall time and peak RSS.
 *
 *	bench-spawn COMMAND [ARG...]
 *
 * Prints "SECONDS MAXRSS_KIB STATUS CPU_SECONDS" on standard error (the
 * command's standard input and output are /dev/null; its standard error
 * is kept).  SECONDS is wall time from fork to exit, CPU_SECONDS user +
 * system time; STATUS is the exit status, or 128 + the signal.
 *
 * Why not measure from the Python driver: Linux charges a process's peak
 * RSS with that of the address space it had before exec(), i.e. a copy
 * of its parent.  Spawned from Python, every command "peaks" at least at
 * Python's own 10-30 MB, which hides what portreg uses.  Spawned from
 * this small program, the floor is about a megabyte, the same for the
 * command measured and for its baseline.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec	 t0, t1;
	struct rusage	 ru;
	pid_t		 pid;
	int		 st, fd, status;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-spawn COMMAND [ARG...]\n");
		return 2;
	}
	if ((fd = open("/dev/null", O_RDWR)) == -1) {
		perror("bench-spawn: /dev/null");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) == -1) {
		perror("bench-spawn: fork");
		return 2;
	}
	if (pid == 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		close(fd);
		execv(argv[1], argv + 1);
		fprintf(stderr, "bench-spawn: %s: %s\n", argv[1],
		    strerror(errno));
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) == -1) {
		if (errno != EINTR) {
			perror("bench-spawn: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (WIFEXITED(st))
		status = WEXITSTATUS(st);
	else
		status = 128 + WTERMSIG(st);
	fprintf(stderr, "%.9f %ld %d %.6f\n", (t1.tv_sec - t0.tv_sec) +
	    (t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss, status,
	    ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
	return 0;
}
