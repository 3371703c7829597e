/*
 * update.c - fetch the current registry (portreg --update); see update.h.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "registry.h"
#include "sanitize.h"
#include "update.h"
#include "xmalloc.h"

/* The start of a download's temporary name in the data directory. */
#define UPDATE_TEMP		".update."

/* Exit status of a child whose program could not be run at all. */
#define UPDATE_NOT_FOUND	127

char *
update_dir(void)
{
	const char	*env;

	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/portreg", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.local/share/portreg", env);
	return NULL;
}

/* mkdir -p: each missing directory of path, mode 0755 (less umask). */
static int
update_mkdirs(const char *path, char **err)
{
	char	*p, *s, c;
	int	 rc = 0;

	p = xstrdup(path);
	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			*err = xasprintf("cannot make %s: %s", p,
			    strerror(errno));
			rc = -1;
		}
		if ((*s = c) == '\0')
			break;
	}
	free(p);
	return rc;
}

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
 * Remove what interrupted updates left: hidden .update.* files in dir
 * older than an hour (a younger one may be another update's, running).
 */
static void
update_sweep(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		*path;
	time_t		 now = time(NULL);

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, UPDATE_TEMP, strlen(UPDATE_TEMP)) != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_mtime < now - 3600)
			(void)unlink(path);
		free(path);
	}
	closedir(d);
}

/* The name a fetched registry is kept under, from its format. */
static const char *
update_name(const struct registry *reg)
{
	if (reg->format != NULL && strcmp(reg->format, "xml") == 0)
		return "service-names-port-numbers.xml";
	if (reg->format != NULL && strcmp(reg->format, "csv") == 0)
		return "service-names-port-numbers.csv";
	return "service-names-port-numbers.txt";
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
	char		*tmp, *shown, *lerr = NULL;
	size_t		 n;
	mode_t		 mask;
	int		 fd;

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
	if (update_mkdirs(dir, err) != 0) {
		free(shown);
		return NULL;
	}

	update_sweep(dir);

	/* A hidden name: the reader skips it until it is renamed. */
	tmp = xasprintf("%s/" UPDATE_TEMP "XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1) {
		*err = xasprintf("cannot write in %s: %s", dir,
		    strerror(errno));
		goto fail;
	}
	/* mkstemp makes it 0600; a download is 0666 less the umask. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);
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
	*path = xasprintf("%s/%s", dir, update_name(reg));
	if (rename(tmp, *path) == -1) {
		*err = xasprintf("cannot rename into %s: %s", *path,
		    strerror(errno));
		goto fail;
	}
	free(reg->source);
	reg->source = xstrdup(*path);
	free(tmp);
	free(shown);
	return reg;

fail:
	(void)unlink(tmp);
	free(tmp);
	free(shown);
	free(*path);
	*path = NULL;
	registry_free(reg);
	return NULL;
}
