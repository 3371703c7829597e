/*
 * update.h - fetch the current registry (portreg --update).
 *
 * The download is curl's (or, without curl, wget's), run as a program
 * with the URL as one argument: portreg links no HTTP or TLS library.
 * What it fetched is loaded like any registry file; only a file that
 * loads replaces the one fetched before, kept in the data folder
 * (store.h), so a reader sees the old file or the new, never a part.
 *
 * Bounded: the download is stopped after opts->timeout seconds (curl's
 * --max-time, wget's --timeout with one try, and a watchdog that kills
 * either), and the downloader cannot write a file past LOAD_MAX_SIZE + 1
 * bytes (RLIMIT_FSIZE, set in it before it runs; curl's --max-filesize
 * refuses earlier when the server gives a length).  SIGINT, SIGTERM and
 * SIGHUP while an update runs stop the downloader and remove its
 * temporary file before portreg dies of the signal.
 *
 * Functions here never print and never exit.
 */
#ifndef PORTREG_UPDATE_H
#define PORTREG_UPDATE_H

struct registry;

/* --timeout: the default and the largest, in seconds. */
#define UPDATE_TIMEOUT		120
#define UPDATE_TIMEOUT_MAX	86400

struct update_opts {
	unsigned	 timeout;	/* seconds for the whole download */
	int		 force;		/* keep a much smaller registry too */
};

/* IANA's XML, the default of --update. */
#define UPDATE_URL \
	"https://www.iana.org/assignments/service-names-port-numbers/" \
	"service-names-port-numbers.xml"

/*
 * Fetch url (http, https or file) into dir, the data folder (store_dir;
 * made when missing), load it and keep it there (store_keep:
 * service-names-port-numbers.EXT, from what it holds).  Unless
 * opts->force, a download holding under half the records of the
 * registry it would replace (store_newest, when that loads) is refused.
 * On success returns the loaded registry, sets *path (malloc'd) and
 * *prev, the registry it replaced (NULL: none, or it did not load;
 * caller frees); else returns NULL, sets *err (a malloc'd message
 * naming the URL) and leaves dir as it was.
 */
struct registry	*update_fetch(const char *url, const char *dir,
		     const struct update_opts *opts, char **path,
		     struct registry **prev, char **err);

#endif
