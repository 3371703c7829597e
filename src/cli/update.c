/*
 * update.c - fetch the current registry (portreg --update); see update.h.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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

/*
 * Run argv (execvp: no shell) with standard input from /dev/null and its
 * output and errors read into *said (the first line, sanitised: curl
 * repeats the URL it was given, control characters and all), so that a
 * download never writes into portreg's output or onto the terminal.
 * Returns the exit status, UPDATE_NOT_FOUND when the program cannot be
 * run, or -1 (errno set) when no process could be made.
 */
static int
update_run(char *const argv[], char **said)
{
	struct buf	 out = { NULL, 0, 0 }, safe = { NULL, 0, 0 };
	char		 chunk[4096], *nl;
	pid_t		 pid;
	ssize_t		 n;
	int		 status, fd, p[2];

	*said = NULL;
	if (pipe(p) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		if ((fd = open("/dev/null", O_RDONLY)) != -1) {
			dup2(fd, STDIN_FILENO);
			close(fd);
		}
		dup2(p[1], STDOUT_FILENO);
		dup2(p[1], STDERR_FILENO);
		close(p[1]);
		execvp(argv[0], argv);
		_exit(UPDATE_NOT_FOUND);
	}
	close(p[1]);
	for (;;) {
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
			buf_free(&out);
			return -1;
		}
	}
	if (out.len != 0) {
		if ((nl = memchr(out.data, '\n', out.len)) != NULL)
			out.len = (size_t)(nl - out.data);
		sanitize_buf(&safe, out.data, out.len, 0);
		*said = buf_detach(&safe);
	}
	buf_free(&out);
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* Download url to the file tmp with curl, else wget.  0 or -1 and *err. */
static int
update_download(const char *url, const char *tmp, const char *shown,
    char **err)
{
	char	 size[32], *said = NULL;
	char	*curl[] = {
		"curl", "-fsSLg",
		"--proto", "=http,https,file", "--proto-redir", "=http,https",
		"--connect-timeout", "30", "--max-filesize", size,
		"-o", (char *)tmp, "--", (char *)url, NULL
	};
	char	*wget[] = {
		"wget", "-q", "--timeout=30", "-O", (char *)tmp, "--",
		(char *)url, NULL
	};
	const char	*prog = "curl";
	int		 st;

	snprintf(size, sizeof size, "%lu", LOAD_MAX_SIZE);
	st = update_run(curl, &said);
	if (st == UPDATE_NOT_FOUND && strncasecmp(url, "file:", 5) != 0) {
		free(said);
		prog = "wget";
		st = update_run(wget, &said);
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
	else if (st != 0)
		*err = xasprintf("%s: download failed (%s exit status %d%s%s)",
		    shown, prog, st, said != NULL ? ": " : "",
		    said != NULL ? said : "");
	free(said);
	return st == 0 ? 0 : -1;
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

struct registry *
update_fetch(const char *url, const char *dir, char **path, char **err)
{
	struct registry	*reg = NULL;
	char		*tmp = NULL, *shown, *lerr = NULL;
	size_t		 n;

	*path = NULL;
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

	/* A hidden name: the reader skips it until it is kept. */
	if (store_temp(dir, &tmp, err) != 0)
		goto fail;
	if (update_download(url, tmp, shown, err) != 0 ||
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
	/* The registry this one replaces stays, as an edition. */
	if (edition_keep_previous(dir, err) != 0)
		goto fail;
	if (store_keep(dir, tmp, reg->format, path, err) != 0)
		goto fail;
	free(reg->source);
	reg->source = xstrdup(*path);
	free(tmp);
	free(shown);
	return reg;

fail:
	if (tmp != NULL)
		(void)unlink(tmp);
	free(tmp);
	free(shown);
	free(*path);
	*path = NULL;
	registry_free(reg);
	return NULL;
}
