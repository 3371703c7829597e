/*
 * update.c - fetch the current registry (portreg --update); see update.h.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "edition.h"
#include "load.h"
#include "registry.h"
#include "sanitize.h"
#include "store.h"
#include "update.h"
#include "xmalloc.h"

/* Exit status of a child whose program could not be run at all. */
#define UPDATE_NOT_FOUND	127

/* How long after --timeout the watchdog kills a downloader that its own
   limit did not stop. */
#define UPDATE_GRACE		2

/*
 * What a signal handler needs to clean up after an update: the running
 * downloader and the temporary file.  Set only with the signals blocked
 * (update_block), so the handler sees them whole.
 */
static volatile pid_t	 update_child;
static char		 update_tmp[PATH_MAX];
static struct sigaction	 update_old[3];
static const int	 update_signals[3] = { SIGINT, SIGTERM, SIGHUP };

/* SIGINT, SIGTERM or SIGHUP during an update: stop the download, remove
   its file, then die of the signal as if it had not been caught. */
static void
update_on_signal(int sig)
{
	if (update_child > 0) {
		(void)kill(-update_child, SIGKILL);
		(void)waitpid(update_child, NULL, 0);
	}
	if (update_tmp[0] != '\0')
		(void)unlink(update_tmp);
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);	/* delivered when the handler returns */
}

static void
update_block(int block)
{
	sigset_t	 set;
	size_t		 i;

	sigemptyset(&set);
	for (i = 0; i < 3; i++)
		sigaddset(&set, update_signals[i]);
	(void)sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/* Catch the signals (those not ignored: nohup stays nohup) while the
   update may leave tmp behind; restore them with on 0. */
static void
update_catch(int on, const char *tmp)
{
	struct sigaction	 sa;
	size_t			 i;

	update_block(1);
	if (on) {
		snprintf(update_tmp, sizeof update_tmp, "%s", tmp);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = update_on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < 3; i++)
			sigaddset(&sa.sa_mask, update_signals[i]);
		for (i = 0; i < 3; i++) {
			(void)sigaction(update_signals[i], NULL,
			    &update_old[i]);
			if (update_old[i].sa_handler != SIG_IGN)
				(void)sigaction(update_signals[i], &sa, NULL);
		}
	} else {
		for (i = 0; i < 3; i++)
			(void)sigaction(update_signals[i], &update_old[i],
			    NULL);
		update_tmp[0] = '\0';
	}
	update_block(0);
}

/* The downloader, after fork: signals as portreg found them, files no
   larger than a registry portreg loads, output into the pipe. */
static void
update_child_exec(char *const argv[], int out)
{
	struct rlimit	 rl;
	size_t		 i;
	int		 fd;

	for (i = 0; i < 3; i++)
		(void)sigaction(update_signals[i], &update_old[i], NULL);
	/* Its own process group: the watchdog and the signal handler
	   stop whatever it started too. */
	(void)setpgid(0, 0);
	/* Past the limit a write fails (EFBIG) rather than killing it. */
	(void)signal(SIGXFSZ, SIG_IGN);
	update_block(0);
	if (getrlimit(RLIMIT_FSIZE, &rl) == 0 &&
	    (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > LOAD_MAX_SIZE + 1)) {
		rl.rlim_cur = LOAD_MAX_SIZE + 1;
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(UPDATE_NOT_FOUND + 1);
	}
	if ((fd = open("/dev/null", O_RDONLY)) != -1) {
		dup2(fd, STDIN_FILENO);
		close(fd);
	}
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	close(out);
	execvp(argv[0], argv);
	_exit(UPDATE_NOT_FOUND);
}

/* Seconds on the monotonic clock. */
static double
update_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * Run argv (execvp: no shell) with standard input from /dev/null and its
 * output and errors read into *said (the first line, sanitised: curl
 * repeats the URL it was given, control characters and all), so that a
 * download never writes into portreg's output or onto the terminal.
 * After timeout seconds (and the grace its own limit has) it is killed,
 * with its process group, and *late set to 2; one that failed after its time ran out (wget's
 * read timeout, curl's --max-time) sets *late to 1.  Returns the exit status (128 + the signal when a
 * signal ended it), UPDATE_NOT_FOUND when the program cannot be run, or
 * -1 (errno set) when no process could be made.
 */
static int
update_run(char *const argv[], unsigned timeout, char **said, int *late)
{
	struct buf	 out = { NULL, 0, 0 }, safe = { NULL, 0, 0 };
	struct pollfd	 pfd;
	char		 chunk[4096], *nl;
	double		 start, deadline, left;
	pid_t		 pid;
	ssize_t		 n;
	int		 status, p[2], saved;

	*said = NULL;
	*late = 0;
	if (pipe(p) == -1)
		return -1;
	update_block(1);
	if ((pid = fork()) == -1) {
		saved = errno;
		update_block(0);
		close(p[0]);
		close(p[1]);
		errno = saved;
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		update_child_exec(argv, p[1]);
	}
	(void)setpgid(pid, pid);	/* as the child does: no race */
	update_child = pid;
	update_block(0);
	close(p[1]);

	start = update_now();
	deadline = start + timeout + UPDATE_GRACE;
	pfd.fd = p[0];
	pfd.events = POLLIN;
	for (;;) {
		left = deadline - update_now();
		if (left <= 0 && *late == 0) {
			(void)kill(-pid, SIGKILL);
			*late = 2;
			deadline += UPDATE_GRACE;
		} else if (left <= 0)
			break;	/* killed, yet something holds the pipe */
		if (*late != 0)
			left = deadline - update_now();
		n = poll(&pfd, 1, (int)(left * 1000) + 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == 0)
			continue;
		if (n == -1)
			break;
		n = read(p[0], chunk, sizeof chunk);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (out.len < sizeof chunk)	/* the start is enough */
			buf_add(&out, chunk, (size_t)n);
	}
	close(p[0]);
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			update_child = 0;
			buf_free(&out);
			return -1;
		}
	}
	update_block(1);
	update_child = 0;
	update_block(0);
	if (out.len != 0) {
		if ((nl = memchr(out.data, '\n', out.len)) != NULL)
			out.len = (size_t)(nl - out.data);
		sanitize_buf(&safe, out.data, out.len, 0);
		*said = buf_detach(&safe);
	}
	buf_free(&out);
	if (*late == 0 && status != 0 && update_now() - start >= timeout)
		*late = 1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* Whether the downloader stopped at the size limit: the file grew past
   what portreg loads (RLIMIT_FSIZE), or curl saw the length first. */
static int
update_too_big(const char *tmp, const char *prog, int st)
{
	struct stat	 sb;

	if (strcmp(prog, "curl") == 0 && st == 63)
		return 1;
	return stat(tmp, &sb) == 0 &&
	    (unsigned long long)sb.st_size > LOAD_MAX_SIZE;
}

/* Download url to the file tmp with curl, else wget.  0 or -1 and *err. */
static int
update_download(const char *url, const char *tmp, const char *shown,
    unsigned timeout, char **err)
{
	char	 size[32], secs[32], connect[32], wsecs[48], *said = NULL;
	char	*curl[] = {
		"curl", "-fsSLg",
		"--proto", "=http,https,file", "--proto-redir", "=http,https",
		"--connect-timeout", connect, "--max-time", secs,
		"--max-filesize", size,
		"-o", (char *)tmp, "--", (char *)url, NULL
	};
	char	*wget[] = {
		"wget", "-q", wsecs, "--tries=1", "-O", (char *)tmp, "--",
		(char *)url, NULL
	};
	const char	*prog = "curl";
	int		 st, late;

	snprintf(size, sizeof size, "%lu", LOAD_MAX_SIZE);
	snprintf(secs, sizeof secs, "%u", timeout);
	snprintf(connect, sizeof connect, "%u", timeout < 30 ? timeout : 30);
	snprintf(wsecs, sizeof wsecs, "--timeout=%u", timeout);
	st = update_run(curl, timeout, &said, &late);
	if (st == UPDATE_NOT_FOUND && strncasecmp(url, "file:", 5) != 0) {
		free(said);
		prog = "wget";
		st = update_run(wget, timeout, &said, &late);
		if (st == UPDATE_NOT_FOUND) {
			free(said);
			*err = xstrdup("cannot download: neither curl nor "
			    "wget is installed (--update runs one of them)");
			return -1;
		}
	} else if (st == UPDATE_NOT_FOUND) {
		free(said);
		*err = xstrdup("cannot download: curl is not installed "
		    "(--update runs it)");
		return -1;
	}
	if (st == -1)
		*err = xasprintf("cannot download: %s", strerror(errno));
	else if (late == 2)
		*err = xasprintf("%s: download stopped after %u seconds "
		    "(--timeout; %s killed)", shown, timeout, prog);
	else if (late != 0)
		*err = xasprintf("%s: download stopped after %u seconds "
		    "(--timeout; %s exit status %d)", shown, timeout, prog, st);
	else if (st != 0 && update_too_big(tmp, prog, st))
		*err = xasprintf("%s: download stopped: larger than %lu MiB, "
		    "the most a registry may be", shown,
		    LOAD_MAX_SIZE / (1024 * 1024));
	else if (st != 0)
		*err = xasprintf("%s: download failed (%s exit status %d%s%s)",
		    shown, prog, st, said != NULL ? ": " : "",
		    said != NULL ? said : "");
	free(said);
	return st == 0 && late == 0 ? 0 : -1;
}

/*
 * The downloaded file as what the reader will see: written to disk
 * (fsync) and dated now (wget may set the server's date, and the reader
 * opens the newest file).
 */
static int
update_settle(const char *tmp, char **err)
{
	int	 fd, rc = 0;

	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) == -1) {
		*err = xasprintf("cannot open %s: %s", tmp, strerror(errno));
		return -1;
	}
	if (futimens(fd, NULL) == -1 || fsync(fd) == -1) {
		*err = xasprintf("cannot write %s: %s", tmp, strerror(errno));
		rc = -1;
	}
	close(fd);
	return rc;
}

/*
 * A registry that shrank to under half: refused (-1, *err set) unless
 * forced.  prev is the registry it would replace (store_newest) when
 * that loads; one that does not load is replaced whatever comes.
 */
static int
update_shrunk(const struct registry *reg, const struct registry *prev,
    const char *old, const char *shown, char **err)
{
	char	*oshown;

	if (prev == NULL || reg->n_records * 2 >= prev->n_records)
		return 0;
	oshown = sanitize(old, 0);
	*err = xasprintf("%s: holds %zu records, under half the %zu of %s, "
	    "which it would replace; not kept (--force keeps it)", shown,
	    reg->n_records, prev->n_records, oshown);
	free(oshown);
	return -1;
}

struct registry *
update_fetch(const char *url, const char *dir, const struct update_opts *opts,
    char **path, struct registry **prev, char **err)
{
	struct registry	*reg = NULL;
	char		*tmp = NULL, *shown, *lerr = NULL, *old = NULL;
	size_t		 n;
	int		 rc;

	*path = NULL;
	*prev = NULL;
	*err = NULL;
	shown = sanitize(url, 0);
	if (strncasecmp(url, "https://", 8) != 0 &&
	    strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "file://", 7) != 0) {
		*err = xasprintf("%s: expected an http, https or file URL",
		    shown);
		free(shown);
		return NULL;
	}
	if (store_make(dir, err) != 0) {
		free(shown);
		return NULL;
	}

	store_sweep(dir);
	/* The registry this one replaces, loaded once: for the size check,
	   its edition's name and the summary of what changed. */
	if ((old = store_newest(dir)) != NULL &&
	    (*prev = load_file(old, LOAD_AUTO, &lerr)) == NULL) {
		free(lerr);
		lerr = NULL;
	}

	/* A hidden name: the reader skips it until it is kept.  From its
	   making to its keeping, a signal removes it (update_on_signal). */
	update_catch(1, "");
	update_block(1);
	rc = store_temp(dir, &tmp, err);
	if (rc == 0)
		snprintf(update_tmp, sizeof update_tmp, "%s", tmp);
	update_block(0);
	if (rc != 0)
		goto fail;
	if (update_download(url, tmp, shown, opts->timeout, err) != 0 ||
	    update_settle(tmp, err) != 0)
		goto fail;

	if ((reg = load_file(tmp, LOAD_AUTO, &lerr)) == NULL) {
		/* Messages name the URL, not the temporary file. */
		n = strlen(tmp);
		if (lerr != NULL && strncmp(lerr, tmp, n) == 0)
			*err = xasprintf("%s%s", shown, lerr + n);
		else
			*err = xasprintf("%s: %s", shown,
			    lerr != NULL ? lerr : "cannot load");
		free(lerr);
		goto fail;
	}
	if (!opts->force && update_shrunk(reg, *prev, old, shown, err) != 0)
		goto fail;
	/* The registry this one replaces stays, as an edition. */
	if (old != NULL && edition_keep_previous(dir, old, *prev, err) != 0)
		goto fail;
	if (store_keep(dir, tmp, reg->format, path, err) != 0)
		goto fail;
	update_catch(0, NULL);
	free(reg->source);
	reg->source = xstrdup(*path);
	free(tmp);
	free(old);
	free(shown);
	return reg;

fail:
	if (tmp != NULL)
		(void)unlink(tmp);
	update_catch(0, NULL);
	free(tmp);
	free(old);
	free(shown);
	free(*path);
	*path = NULL;
	registry_free(*prev);
	*prev = NULL;
	registry_free(reg);
	return NULL;
}
