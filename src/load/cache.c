/*
 * cache.c - load a registry file through a snapshot of its model
 * (cache.h): the key, the folder, mapping an image and writing one.
 * What an image holds and how it is checked is snapshot.c's.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "registry.h"
#include "snapshot.h"
#include "xmalloc.h"

/* The hashed blocks at the file's start and end. */
#define CACHE_BLOCK	4096
/* An image's name ends so; a temporary one starts with CACHE_TEMP. */
#define CACHE_EXT	".snap"
#define CACHE_TEMP	".tmp-"
/* A temporary file this old (seconds) was left by a run that died. */
#define CACHE_STALE	600
/* A snapshot used is marked so (its mtime) at most this often. */
#define CACHE_TOUCH	3600

struct cache_key {
	uint64_t	 dev, ino, size;
	uint64_t	 mtime_s, mtime_ns, ctime_s, ctime_ns;
	uint64_t	 head, tail;	/* the first and last CACHE_BLOCK */
	uint64_t	 build;		/* program, case folding, format */
	uint64_t	 zero[2];
};
_Static_assert(sizeof(struct cache_key) == SNAPSHOT_KEY_SIZE, "key size");

/* FNV-1a, 64 bits, continuing from h. */
static uint64_t
cache_hash(uint64_t h, const void *p, size_t n)
{
	const unsigned char	*s = p;

	while (n-- > 0)
		h = (h ^ *s++) * 0x100000001b3ULL;
	return h;
}

#define CACHE_H0	0xcbf29ce484222325ULL

/* What else the model depends on: this program (any rebuild has other
   loaders), the locale's case folding (the name index), the format. */
static uint64_t
cache_build(enum load_format format)
{
	struct stat	 st;
	unsigned char	 fold[256];
	uint64_t	 h = CACHE_H0, v[5] = { SNAPSHOT_VERSION, 0, 0, 0, 0 };
	int		 c;

	if (stat("/proc/self/exe", &st) == 0) {
		v[1] = (uint64_t)st.st_dev;
		v[2] = (uint64_t)st.st_ino;
		v[3] = (uint64_t)st.st_size;
		v[4] = (uint64_t)st.st_mtim.tv_sec * 1000000000u +
		    (uint64_t)st.st_mtim.tv_nsec;
	}
	h = cache_hash(h, v, sizeof v);
	for (c = 0; c < 256; c++)
		fold[c] = (unsigned char)tolower(c);
	h = cache_hash(h, fold, sizeof fold);
	c = (int)format;
	return cache_hash(h, &c, sizeof c);
}

/* pread all of n bytes at off; the block's hash, or -1 on a short read. */
static int
cache_block(int fd, off_t off, size_t n, uint64_t *h)
{
	unsigned char	 buf[CACHE_BLOCK];
	size_t		 got = 0;
	ssize_t		 r;

	while (got < n) {
		r = pread(fd, buf + got, n - got, off + (off_t)got);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	*h = cache_hash(CACHE_H0, buf, n);
	return 0;
}

static int
cache_key(int fd, const struct stat *st, enum load_format format,
    struct cache_key *k)
{
	size_t	 size = (size_t)st->st_size;
	size_t	 n = size < CACHE_BLOCK ? size : CACHE_BLOCK;

	memset(k, 0, sizeof *k);
	k->dev = (uint64_t)st->st_dev;
	k->ino = (uint64_t)st->st_ino;
	k->size = (uint64_t)st->st_size;
	k->mtime_s = (uint64_t)st->st_mtim.tv_sec;
	k->mtime_ns = (uint64_t)st->st_mtim.tv_nsec;
	k->ctime_s = (uint64_t)st->st_ctim.tv_sec;
	k->ctime_ns = (uint64_t)st->st_ctim.tv_nsec;
	k->build = cache_build(format);
	if (cache_block(fd, 0, n, &k->head) != 0 ||
	    cache_block(fd, (off_t)(size - n), n, &k->tail) != 0)
		return -1;
	return 0;
}

char *
load_cache_dir(void)
{
	const char	*env;

	if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env == '/')
		return xasprintf("%s/portreg", env);
	if ((env = getenv("HOME")) != NULL && *env == '/')
		return xasprintf("%s/.cache/portreg", env);
	return NULL;
}

/*
 * The snapshot folder, made (mode 0700) where missing, open: a folder
 * of the user's that no one else may write, not through a symbolic link
 * at its own name.  -1 with *note set when there is none.
 */
static int
cache_open_dir(char **note)
{
	struct stat	 st;
	char		*dir, *s, c;
	int		 fd;

	if ((dir = load_cache_dir()) == NULL) {
		*note = xstrdup("no place for it (set HOME or "
		    "XDG_CACHE_HOME)");
		return -1;
	}
	for (s = dir + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		(void)mkdir(dir, 0700);	/* the open below says why not */
		if ((*s = c) == '\0')
			break;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1)
		*note = xasprintf("%s: %s", dir, strerror(errno));
	else if (fstat(fd, &st) != 0 || st.st_uid != geteuid() ||
	    (st.st_mode & 022) != 0) {
		*note = xasprintf("%s: not a folder of the user's alone",
		    dir);
		close(fd);
		fd = -1;
	}
	free(dir);
	return fd;
}

static void
cache_unmap(void *image, size_t len)
{
	munmap(image, len);
}

/*
 * Map fd's len bytes where the image was written for (its base), read
 * only: opening then writes nothing, so no page is copied.  Where that
 * address is taken (or unknown), anywhere, writable and private, for
 * registry_snapshot_open to move the pointers.
 */
static void *
cache_mmap(int fd, size_t len)
{
	uint64_t	 base = 0;
	void		*map = MAP_FAILED;

	if (pread(fd, &base, sizeof base, SNAPSHOT_OFF_BASE) !=
	    (ssize_t)sizeof base)
		return MAP_FAILED;
#ifdef MAP_FIXED_NOREPLACE
	if (base != 0 && base % 4096 == 0 && (uintptr_t)base == base) {
		map = mmap((void *)(uintptr_t)base, len, PROT_READ,
		    MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
		/* A kernel without the flag takes the address as a hint. */
		if (map != MAP_FAILED && (uintptr_t)map != base) {
			munmap(map, len);
			map = MAP_FAILED;
		}
	}
#endif
	if (map == MAP_FAILED)
		map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE,
		    fd, 0);
	return map;
}

/*
 * The address a new image is written for: page aligned, somewhere in
 * 16-80 TiB, away from where Linux puts the heap, the libraries and
 * the stack, and another for each image (two registries open at once
 * do not collide).  0 where pointers are narrower: always moved.
 */
static uint64_t
cache_base(const struct cache_key *key)
{
	struct timespec	 ts;
	uint64_t	 h;

	if (sizeof(void *) < 8)
		return 0;
	clock_gettime(CLOCK_REALTIME, &ts);
	h = cache_hash(CACHE_H0, key, sizeof *key);
	h = cache_hash(h, &ts, sizeof ts);
	return 0x100000000000ULL + (h % (1ULL << 26)) * (1ULL << 20);
}

/* The registry in snapshot name of folder dfd, if it is one for key. */
static struct registry *
cache_map(int dfd, const char *name, const struct cache_key *key,
    const char *path)
{
	struct registry	*reg;
	struct stat	 st;
	const char	*why;
	void		*map;
	size_t		 len;
	int		 fd;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 077) != 0 ||
	    st.st_size < 256 ||
	    (unsigned long long)st.st_size > 8ULL * LOAD_MAX_SIZE) {
		close(fd);
		return NULL;
	}
	len = (size_t)st.st_size;
	map = cache_mmap(fd, len);
	if (map != MAP_FAILED && st.st_mtim.tv_sec < time(NULL) -
	    CACHE_TOUCH)
		(void)futimens(fd, NULL);	/* used: the last to go */
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	reg = registry_snapshot_open(map, len, (const unsigned char *)key,
	    path, cache_unmap, &why);
	if (reg == NULL)
		munmap(map, len);
	return reg;
}

static int
cache_write_all(int fd, const unsigned char *p, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Keep the LOAD_CACHE_KEEP snapshots used last (by mtime; cache_map
 * marks one used), and sweep temporary files a dead run left.
 */
static void
cache_bound(int dfd)
{
	struct {
		char		 name[64];
		struct timespec	 t;
	}		 keep[LOAD_CACHE_KEEP + 1];
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	size_t		 n = 0, i, old, len;
	int		 fd;

	if ((fd = dup(dfd)) == -1)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		if (strncmp(de->d_name, CACHE_TEMP, strlen(CACHE_TEMP)) == 0) {
			if (st.st_mtim.tv_sec < time(NULL) - CACHE_STALE)
				(void)unlinkat(dfd, de->d_name, 0);
			continue;
		}
		if (len < strlen(CACHE_EXT) || len >= sizeof keep[0].name ||
		    strcmp(de->d_name + len - strlen(CACHE_EXT),
		    CACHE_EXT) != 0)
			continue;
		memcpy(keep[n].name, de->d_name, len + 1);
		keep[n++].t = st.st_mtim;
		if (n <= LOAD_CACHE_KEEP)
			continue;
		/* One too many: the oldest goes. */
		for (old = 0, i = 1; i < n; i++) {
			if (keep[i].t.tv_sec < keep[old].t.tv_sec ||
			    (keep[i].t.tv_sec == keep[old].t.tv_sec &&
			    keep[i].t.tv_nsec < keep[old].t.tv_nsec))
				old = i;
		}
		(void)unlinkat(dfd, keep[old].name, 0);
		keep[old] = keep[--n];
	}
	closedir(d);
}

/* Write reg's image as name in folder dfd: a temporary file, renamed. */
static int
cache_write(int dfd, const char *name, const struct registry *reg,
    const struct cache_key *key, char **note)
{
	unsigned char	*img;
	char		*tmp;
	size_t		 len;
	int		 fd, rc = -1;

	img = registry_snapshot_image(reg, (const unsigned char *)key,
	    cache_base(key), &len);
	if (img == NULL) {
		*note = xstrdup("this registry has no image");
		return -1;
	}
	tmp = xasprintf("%s%ld-%s", CACHE_TEMP, (long)getpid(), name);
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (fd == -1)
		*note = xasprintf("%s: %s", tmp, strerror(errno));
	else if (cache_write_all(fd, img, len) != 0) {
		*note = xasprintf("%s: %s", tmp, strerror(errno));
		close(fd);
	} else if (close(fd) != 0)
		*note = xasprintf("%s: %s", tmp, strerror(errno));
	else if (renameat(dfd, tmp, dfd, name) != 0)
		*note = xasprintf("%s: %s", name, strerror(errno));
	else
		rc = 0;
	if (rc != 0 && fd != -1)
		(void)unlinkat(dfd, tmp, 0);
	free(tmp);
	free(img);
	if (rc == 0)
		cache_bound(dfd);
	return rc;
}

/* Has the file changed since its key was taken (while it was read)? */
static int
cache_same(int fd, const struct stat *was)
{
	struct stat	 st;

	return fstat(fd, &st) == 0 && st.st_size == was->st_size &&
	    st.st_ino == was->st_ino && st.st_dev == was->st_dev &&
	    st.st_mtim.tv_sec == was->st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == was->st_mtim.tv_nsec &&
	    st.st_ctim.tv_sec == was->st_ctim.tv_sec &&
	    st.st_ctim.tv_nsec == was->st_ctim.tv_nsec;
}

struct registry *
load_cached(const char *path, enum load_format format, struct load_cache *lc,
    char **err)
{
	struct registry		*reg;
	struct cache_key	 key;
	struct stat		 st;
	uint64_t		 id[4];
	char			*note = NULL, name[64];
	int			 fd, dfd;

	lc->hit = lc->wrote = 0;
	lc->note = NULL;
	*err = NULL;
	if (lc->off || strcmp(path, "-") == 0)
		return load_file(path, format, err);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return load_file(path, format, err);	/* says why */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (unsigned long long)st.st_size > LOAD_MAX_SIZE ||
	    cache_key(fd, &st, format, &key) != 0) {
		reg = load_fd(fd, path, format, err);
		close(fd);
		return reg;
	}

	id[0] = (uint64_t)st.st_dev;
	id[1] = (uint64_t)st.st_ino;
	id[2] = (uint64_t)format;
	/* The build too: two programs (an installed one and a build
	   tree's) each keep their own slot, not rewrite each other's. */
	id[3] = key.build;
	snprintf(name, sizeof name, "%016llx" CACHE_EXT,
	    (unsigned long long)cache_hash(CACHE_H0, id, sizeof id));
	if ((dfd = cache_open_dir(&note)) != -1 &&
	    (reg = cache_map(dfd, name, &key, path)) != NULL) {
		lc->hit = 1;
		close(dfd);
		close(fd);
		return reg;
	}

	reg = load_fd(fd, path, format, err);
	if (reg != NULL && dfd != -1) {
		if (!cache_same(fd, &st))
			note = xstrdup("the file changed while read");
		else if (cache_write(dfd, name, reg, &key, &note) == 0)
			lc->wrote = 1;
	}
	if (dfd != -1)
		close(dfd);
	close(fd);
	if (reg != NULL && note != NULL)
		lc->note = note;
	else
		free(note);
	return reg;
}
