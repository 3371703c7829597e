/*
 * clipboard.c - y and Y's copy: OSC 52 to the terminal, and wl-copy or
 * xclip (clipboard.h).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clipboard.h"
#include "sanitize.h"
#include "xmalloc.h"

char *
clip_base64(const char *s, size_t len)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*u = (const unsigned char *)s;
	char			*out = xmalloc(4 * ((len + 2) / 3) + 1), *o = out;
	size_t			 i;
	uint32_t		 v;

	for (i = 0; i + 2 < len; i += 3) {
		v = (uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2];
		*o++ = tab[v >> 18];
		*o++ = tab[(v >> 12) & 63];
		*o++ = tab[(v >> 6) & 63];
		*o++ = tab[v & 63];
	}
	if (i < len) {
		v = (uint32_t)u[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)u[i + 1] << 8;
		*o++ = tab[v >> 18];
		*o++ = tab[(v >> 12) & 63];
		*o++ = i + 1 < len ? tab[(v >> 6) & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

int
clip_on_path(const char *prog)
{
	const char	*path = getenv("PATH"), *p;
	char		*f;
	size_t		 n;
	int		 ok = 0;

	if (path == NULL || *path == '\0')
		return 0;
	for (p = path; !ok; p += n + 1) {
		n = strcspn(p, ":");
		if (n > 0) {
			f = xasprintf("%.*s/%s", (int)n, p, prog);
			ok = access(f, X_OK) == 0;
			free(f);
		}
		if (p[n] == '\0')
			break;
	}
	return ok;
}

/*
 * Run argv detached (a grandchild, in its own session, output to
 * /dev/null) with text on its standard input.  0, or an errno.
 */
static int
clip_spawn(char *const argv[], const char *text)
{
	struct sigaction sa, old;
	pid_t	 pid;
	int	 in[2], st, fd;
	size_t	 len = strlen(text), off = 0;
	ssize_t	 w;

	if (pipe(in) != 0)
		return errno;
	if ((pid = fork()) == -1) {
		close(in[0]);
		close(in[1]);
		return errno;
	}
	if (pid == 0) {
		close(in[1]);
		if (fork() != 0)
			_exit(0);
		setsid();
		dup2(in[0], 0);
		if (in[0] > 2)
			close(in[0]);
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(in[0]);
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	/* The text is small: it fits the pipe; never wait on the reader. */
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, &old);
	while (off < len) {
		w = write(in[1], text + off, len - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	return 0;
}

const char *
clip_copy(FILE *tty, const char *text, const char **why)
{
	static char	 where[128];
	static char	 whybuf[160];
	char		*safe = sanitize(text, 0), *b64;
	char		*wl[] = { "wl-copy", NULL };
	char		*xc[] = { "xclip", "-selection", "clipboard", "-in",
			    NULL };
	char	       **argv = NULL;
	const char	*w = getenv("WAYLAND_DISPLAY"), *x = getenv("DISPLAY");
	int		 err;

	*why = NULL;
	b64 = clip_base64(safe, strlen(safe));
	fprintf(tty, "\033]52;c;%s\a", b64);
	fflush(tty);
	free(b64);
	snprintf(where, sizeof where, "the terminal (OSC 52)");
	if (w != NULL && *w != '\0' && clip_on_path("wl-copy"))
		argv = wl;
	else if (x != NULL && *x != '\0' && clip_on_path("xclip"))
		argv = xc;
	if (argv != NULL) {
		if ((err = clip_spawn(argv, safe)) == 0)
			snprintf(where + strlen(where),
			    sizeof where - strlen(where), " and %s", argv[0]);
		else {
			snprintf(whybuf, sizeof whybuf, "%s: %s", argv[0],
			    strerror(err));
			*why = whybuf;
		}
	}
	free(safe);
	return where;
}
