/*
 * history.c - the prompts' history and its file (history.h); Up and
 * Down at a prompt (ui_history_key).
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "history.h"
#include "sanitize.h"
#include "ui-private.h"
#include "xmalloc.h"

#define HISTORY_N	(sizeof HISTORY_PROMPTS - 1)

struct history {
	char	*path;
	char	*e[HISTORY_N][HISTORY_MAX];
	size_t	 n[HISTORY_N];
};

static int
history_slot(char c)
{
	const char	*p;

	if (c == '\0' || (p = strchr(HISTORY_PROMPTS, c)) == NULL)
		return -1;
	return (int)(p - HISTORY_PROMPTS);
}

struct history *
history_new(const char *path)
{
	struct history	*h = xcalloc(1, sizeof *h);

	h->path = path != NULL ? xstrdup(path) : NULL;
	return h;
}

static void
history_clear(struct history *h)
{
	size_t	 i, j;

	for (i = 0; i < HISTORY_N; i++) {
		for (j = 0; j < h->n[i]; j++)
			free(h->e[i][j]);
		h->n[i] = 0;
	}
}

void
history_free(struct history *h)
{
	if (h == NULL)
		return;
	history_clear(h);
	free(h->path);
	free(h);
}

const char *
history_path(const struct history *h)
{
	return h->path;
}

char *
history_default_path(void)
{
	const char	*s = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (s != NULL && s[0] == '/')
		return xasprintf("%s/portreg/history", s);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.local/state/portreg/history", home);
	return NULL;
}

void
history_add(struct history *h, char c, const char *line)
{
	int	 k = history_slot(c);
	size_t	 i, n;

	if (k < 0 || line == NULL || *line == '\0' ||
	    strlen(line) >= HISTORY_LINE_MAX)
		return;
	n = h->n[k];
	/* Once only: an entry typed again becomes the newest. */
	for (i = 0; i < n; i++) {
		if (strcmp(h->e[k][i], line) == 0) {
			free(h->e[k][i]);
			memmove(&h->e[k][i], &h->e[k][i + 1],
			    (n - i - 1) * sizeof h->e[k][0]);
			n--;
			break;
		}
	}
	if (n == HISTORY_MAX) {
		free(h->e[k][0]);
		memmove(&h->e[k][0], &h->e[k][1],
		    (n - 1) * sizeof h->e[k][0]);
		n--;
	}
	h->e[k][n++] = xstrdup(line);
	h->n[k] = n;
}

size_t
history_count(const struct history *h, char c)
{
	int	 k = history_slot(c);

	return k < 0 ? 0 : h->n[k];
}

const char *
history_get(const struct history *h, char c, size_t i)
{
	int	 k = history_slot(c);

	if (k < 0 || i >= h->n[k])
		return NULL;
	return h->e[k][i];
}

/* Is s[0..len) an entry the file may hold: no control character, valid
   UTF-8, short enough? */
static int
history_entry_ok(const char *s, size_t len)
{
	size_t	 i, k;
	long	 cp;

	if (len == 0 || len >= HISTORY_LINE_MAX)
		return 0;
	for (i = 0; i < len; i += k) {
		if ((k = sanitize_decode(s + i, len - i, &cp)) == 0 ||
		    cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return 0;
	}
	return 1;
}

int
history_load(struct history *h, char **why)
{
	char		*buf = NULL, *line, *nl;
	size_t		 len = 0, n, lineno = 0;
	ssize_t		 r;
	int		 fd, k;
	const char	*bad = NULL;

	*why = NULL;
	history_clear(h);
	if (h->path == NULL)
		return 0;
	if ((fd = open(h->path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		if (errno == ENOENT)
			return 0;
		*why = xasprintf("%s: %s", h->path, strerror(errno));
		return -1;
	}
	buf = xmalloc(HISTORY_FILE_MAX + 2);
	for (;;) {
		r = read(fd, buf + len, HISTORY_FILE_MAX + 1 - len);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
		if (len > HISTORY_FILE_MAX)
			break;
	}
	close(fd);
	if (r == -1) {
		*why = xasprintf("%s: %s", h->path, strerror(errno));
		free(buf);
		return -1;
	}
	buf[len] = '\0';
	if (len > HISTORY_FILE_MAX)
		bad = "a file of at most 1 MiB";
	for (line = buf; bad == NULL && line < buf + len; line = nl + 1) {
		lineno++;
		if ((nl = memchr(line, '\n', (size_t)(buf + len - line))) ==
		    NULL) {
			bad = "a line ending in a newline";
			break;
		}
		n = (size_t)(nl - line);
		if (lineno == 1) {
			if (n != strlen(HISTORY_HEADER) ||
			    memcmp(line, HISTORY_HEADER, n) != 0)
				bad = "the header \"" HISTORY_HEADER "\"";
			continue;
		}
		if (n == 0 || (k = history_slot(line[0])) < 0)
			bad = "a prompt character (: / ? &) and an entry";
		else if (!history_entry_ok(line + 1, n - 1))
			bad = "an entry of printable UTF-8, shorter than 256 "
			    "bytes";
		else {
			*nl = '\0';
			history_add(h, line[0], line + 1);
		}
	}
	if (bad == NULL && lineno == 0)
		bad = "the header \"" HISTORY_HEADER "\"";
	free(buf);
	if (bad != NULL) {
		history_clear(h);
		*why = xasprintf("%s:%zu: expected %s; history ignored",
		    h->path, lineno, bad);
		return -1;
	}
	return 0;
}

/* mkdir -p of path's folder (mode 0700 for what it makes). */
static int
history_mkdirs(const char *path)
{
	char	*d = xstrdup(path), *p, c;
	int	 rc = 0;

	if ((p = strrchr(d, '/')) != NULL)
		*p = '\0';
	for (p = d + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(d, 0700) == -1 && errno != EEXIST)
			rc = -1;
		*p = c;
		if (c == '\0')
			break;
	}
	free(d);
	return rc;
}

int
history_save(const struct history *h, char **why)
{
	FILE	*f = NULL;
	char	*tmp;
	size_t	 i, j;
	int	 fd, err = 0;

	*why = NULL;
	if (h->path == NULL)
		return 0;
	if (history_mkdirs(h->path) != 0) {
		*why = xasprintf("%s: %s", h->path, strerror(errno));
		return -1;
	}
	tmp = xasprintf("%s.tmp.%ld", h->path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_NOFOLLOW,
	    0600);
	if (fd == -1 || (f = fdopen(fd, "w")) == NULL) {
		err = errno;
		if (fd != -1)
			close(fd);
	} else {
		fprintf(f, "%s\n", HISTORY_HEADER);
		for (i = 0; i < HISTORY_N; i++) {
			for (j = 0; j < h->n[i]; j++)
				fprintf(f, "%c%s\n", HISTORY_PROMPTS[i],
				    h->e[i][j]);
		}
		/* No fsync: Enter must not wait on the disk; a file a crash
		   left damaged is ignored at the next start. */
		if (fflush(f) != 0 || ferror(f))
			err = errno != 0 ? errno : EIO;
		if (fclose(f) != 0 && err == 0)
			err = errno;
		if (err == 0 && rename(tmp, h->path) != 0)
			err = errno;
	}
	if (err != 0) {
		unlink(tmp);
		*why = xasprintf("%s: %s", h->path, strerror(err));
	}
	free(tmp);
	return err != 0 ? -1 : 0;
}

/* --- At a prompt ------------------------------------------------------ */

static const char ui_prompt_chars[] = " :/?&";

void
ui_set_history(struct ui *ui, struct history *h)
{
	history_free(ui->hist);
	ui->hist = h;
}

/* A prompt opened: Up starts from its newest entry. */
void
ui_history_open(struct ui *ui)
{
	ui->hist_pos = ui->hist != NULL ? history_count(ui->hist,
	    ui_prompt_chars[ui->prompt]) : 0;
	ui->hist_line[0] = '\0';
}

/* Enter: keep the line, and the file. */
void
ui_history_add(struct ui *ui)
{
	char	*why = NULL;

	if (ui->hist == NULL || ui->line_len == 0)
		return;
	history_add(ui->hist, ui_prompt_chars[ui->prompt], ui->line);
	if (history_save(ui->hist, &why) != 0) {
		ui_message(ui, 1, "History not saved: %s", why);
		free(why);
	}
}

/* Up (dir -1) or Down (1): an earlier or later entry into the line. */
int
ui_history_key(struct ui *ui, int dir)
{
	char		 c = ui_prompt_chars[ui->prompt];
	size_t		 n = ui->hist != NULL ? history_count(ui->hist, c) : 0;
	const char	*s;

	if (dir < 0 && ui->hist_pos == 0)
		return 0;
	if (dir > 0 && ui->hist_pos >= n)
		return 0;
	if (ui->hist_pos >= n)	/* leaving the line typed: keep it */
		snprintf(ui->hist_line, sizeof ui->hist_line, "%s", ui->line);
	ui->hist_pos = dir < 0 ? ui->hist_pos - 1 : ui->hist_pos + 1;
	s = ui->hist_pos < n ? history_get(ui->hist, c, ui->hist_pos) :
	    ui->hist_line;
	snprintf(ui->line, sizeof ui->line, "%s", s);
	ui->line_len = strlen(ui->line);
	return 1;
}
