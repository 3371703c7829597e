/*
 * update.h - fetch the current registry (portreg --update).
 *
 * The download is curl's (or, without curl, wget's), run as a program
 * with the URL as one argument: portreg links no HTTP or TLS library.
 * What it fetched is loaded like any registry file; only a file that
 * loads replaces the one fetched before, kept in the data folder
 * (store.h), so a reader sees the old file or the new, never a part.
 * Functions here never print and never exit.
 */
#ifndef PORTREG_UPDATE_H
#define PORTREG_UPDATE_H

struct registry;

/* IANA's XML, the default of --update. */
#define UPDATE_URL \
	"https://www.iana.org/assignments/service-names-port-numbers/" \
	"service-names-port-numbers.xml"

/*
 * Fetch url (http, https or file) into dir, the data folder (store_dir;
 * made when missing), load it and keep it there (store_keep:
 * service-names-port-numbers.EXT, from what it holds).  On success returns the loaded
 * registry and sets *path (malloc'd); else returns NULL, sets *err (a
 * malloc'd message naming the URL) and leaves dir as it was.
 */
struct registry	*update_fetch(const char *url, const char *dir, char **path,
		     char **err);

#endif
