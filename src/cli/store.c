/*
 * store.c - the data folder where --update keeps registries; see store.h.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "xmalloc.h"

/* The start of a download's temporary name: hidden from readers. */
#define STORE_TEMP	".update."

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
		if (de->d_name[0] == '.')
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
