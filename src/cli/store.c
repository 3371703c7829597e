/*
 * store.c - the data folder where --update keeps registries; see store.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "xmalloc.h"

/* The start of a download's temporary name: hidden from readers. */
#define STORE_TEMP	".update."

/* The start of a kept edition's name (store_edition_keep). */
#define STORE_EDITION	"edition-"

/* How old a temporary file must be before a sweep takes it for left. */
#define STORE_STALE	3600

char *
store_dir(void)
{
	const char	*env;

	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return xasprintf("%s/portreg", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.local/share/portreg", env);
	return NULL;
}

int
store_make(const char *dir, char **err)
{
	char	*p, *s, c;
	int	 rc = 0;

	p = xstrdup(dir);
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

char *
store_newest(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		*path, *best = NULL;
	struct timespec	 best_time = { 0, 0 };
	size_t		 len;

	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || strncmp(de->d_name,
		    STORE_EDITION, strlen(STORE_EDITION)) == 0)
			continue;
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".tmp") == 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    access(path, R_OK) != 0) {
			free(path);
			continue;
		}
		if (best == NULL || sb.st_mtim.tv_sec > best_time.tv_sec ||
		    (sb.st_mtim.tv_sec == best_time.tv_sec &&
		    sb.st_mtim.tv_nsec > best_time.tv_nsec) ||
		    (sb.st_mtim.tv_sec == best_time.tv_sec &&
		    sb.st_mtim.tv_nsec == best_time.tv_nsec &&
		    strcmp(path, best) > 0)) {
			free(best);
			best = path;
			best_time = sb.st_mtim;
		} else
			free(path);
	}
	closedir(d);
	return best;
}

int
store_temp(const char *dir, char **tmp, char **err)
{
	mode_t	 mask;
	int	 fd;

	*tmp = xasprintf("%s/" STORE_TEMP "XXXXXX", dir);
	if ((fd = mkstemp(*tmp)) == -1) {
		*err = xasprintf("cannot write in %s: %s", dir,
		    strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	/* mkstemp makes it 0600; a download is 0666 less the umask. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

void
store_sweep(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		*path;
	time_t		 now = time(NULL);

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, STORE_TEMP, strlen(STORE_TEMP)) != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    sb.st_mtime < now - STORE_STALE)
			(void)unlink(path);
		free(path);
	}
	closedir(d);
}

/* The name a registry of this format is kept under. */
static const char *
store_name(const char *format)
{
	if (format != NULL && strcmp(format, "xml") == 0)
		return "service-names-port-numbers.xml";
	if (format != NULL && strcmp(format, "csv") == 0)
		return "service-names-port-numbers.csv";
	return "service-names-port-numbers.txt";
}

int
store_keep(const char *dir, const char *tmp, const char *format,
    char **path, char **err)
{
	*path = xasprintf("%s/%s", dir, store_name(format));
	if (rename(tmp, *path) == -1) {
		*err = xasprintf("cannot rename into %s: %s", *path,
		    strerror(errno));
		free(*path);
		*path = NULL;
		return -1;
	}
	return 0;
}

/* --- Editions --------------------------------------------------------- */

/* Copy path to the new file tmp (link(2) refused: another file system
   type).  0 or -1 with *err. */
static int
store_copy(const char *path, const char *tmp, char **err)
{
	char	 chunk[65536];
	ssize_t	 n, w;
	size_t	 off;
	int	 in, out, rc = 0;

	if ((in = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		*err = xasprintf("cannot read %s: %s", path, strerror(errno));
		return -1;
	}
	if ((out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1) {
		*err = xasprintf("cannot write %s: %s", tmp, strerror(errno));
		close(in);
		return -1;
	}
	while (rc == 0 && (n = read(in, chunk, sizeof chunk)) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		for (off = 0; rc == 0 && off < (size_t)n; off += (size_t)w) {
			if ((w = write(out, chunk + off, (size_t)n - off)) == -1
			    && errno != EINTR)
				rc = -1;
			else if (w == -1)
				w = 0;
		}
	}
	if (rc == 0 && fsync(out) == -1)
		rc = -1;
	if (rc != 0)
		*err = xasprintf("cannot copy %s: %s", path, strerror(errno));
	if (close(out) == -1 && rc == 0) {
		*err = xasprintf("cannot write %s: %s", tmp, strerror(errno));
		rc = -1;
	}
	close(in);
	return rc;
}

static int
store_name_sort(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the editions in dir, sorted (oldest date first); sets *n.
   Caller frees each and the array. */
static char **
store_editions(const char *dir, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 cap = 0;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, STORE_EDITION,
		    strlen(STORE_EDITION)) != 0)
			continue;
		xgrow((void **)&names, &cap, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n != 0)
		qsort(names, *n, sizeof *names, store_name_sort);
	return names;
}

static void
store_names_free(char **names, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
store_edition_keep(const char *dir, const char *path, const char *date,
    char **err)
{
	const char	*slash, *dot;
	char		*tmp, *final, **names;
	size_t		 n, i;
	int		 rc = 0;

	slash = strrchr(path, '/');
	dot = strrchr(slash != NULL ? slash : path, '.');
	final = xasprintf("%s/" STORE_EDITION "%s%s", dir, date,
	    dot != NULL && strlen(dot) <= 5 ? dot : ".txt");
	tmp = xasprintf("%s/" STORE_TEMP "edition.%ld", dir, (long)getpid());
	(void)unlink(tmp);
	if (link(path, tmp) == -1 && store_copy(path, tmp, err) != 0)
		rc = -1;
	else if (rename(tmp, final) == -1) {
		*err = xasprintf("cannot rename into %s: %s", final,
		    strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		(void)unlink(tmp);
	free(tmp);
	free(final);

	/* The oldest first: remove those past the last STORE_EDITIONS. */
	names = store_editions(dir, &n);
	for (i = 0; n > STORE_EDITIONS && i < n - STORE_EDITIONS; i++) {
		final = xasprintf("%s/%s", dir, names[i]);
		(void)unlink(final);
		free(final);
	}
	store_names_free(names, n);
	return rc;
}

char *
store_edition_last(const char *dir)
{
	struct stat	 sb;
	struct timespec	 best_time = { 0, 0 };
	char		**names, *path, *best = NULL;
	size_t		 n, i;

	names = store_editions(dir, &n);
	for (i = 0; i < n; i++) {
		path = xasprintf("%s/%s", dir, names[i]);
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
		    (best != NULL && (sb.st_mtim.tv_sec < best_time.tv_sec ||
		    (sb.st_mtim.tv_sec == best_time.tv_sec &&
		    sb.st_mtim.tv_nsec < best_time.tv_nsec)))) {
			free(path);
			continue;
		}
		free(best);
		best = path;
		best_time = sb.st_mtim;
	}
	store_names_free(names, n);
	return best;
}

char *
store_edition_on(const char *dir, const char *date)
{
	char	**names, *best = NULL, *edate, *dot;
	size_t	  n, i;
	int	  c;

	names = store_editions(dir, &n);
	for (i = n; best == NULL && i-- > 0;) {
		edate = xstrdup(names[i] + strlen(STORE_EDITION));
		if ((dot = strchr(edate, '.')) != NULL)
			*dot = '\0';
		c = strcmp(edate, date);
		free(edate);
		if (c <= 0)
			best = xasprintf("%s/%s", dir, names[i]);
	}
	store_names_free(names, n);
	return best;
}
