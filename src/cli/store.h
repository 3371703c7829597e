/*
 * store.h - the data folder, where --update keeps fetched registries:
 * $XDG_DATA_HOME/portreg when that is an absolute path, else
 * $HOME/.local/share/portreg.
 *
 * It holds registries kept under service-names-port-numbers.EXT, and,
 * while a download runs, a hidden temporary file (".update.XXXXXX")
 * that is renamed into place once it loads.  Readers take the newest
 * visible regular file, so they see a kept registry whole or not at
 * all.  Functions here never print and never exit; paths are malloc'd
 * (caller frees).
 */
#ifndef PORTREG_STORE_H
#define PORTREG_STORE_H

/* The data folder's path, or NULL without XDG_DATA_HOME and HOME. */
char		*store_dir(void);

/* Make dir and each missing folder above it (mode 0755 less umask).
   0, or -1 with *err set (malloc'd). */
int		 store_make(const char *dir, char **err);

/*
 * The newest readable regular file in dir (by modification time, then
 * name), skipping hidden files and *.tmp, which are downloads not yet
 * kept.  NULL when there is none.
 */
char		*store_newest(const char *dir);

/*
 * A new, empty temporary file in dir for a download, hidden from
 * store_newest, with the mode a download would have (0666 less umask).
 * Sets *tmp to its path and returns 0, or -1 with *err set.
 */
int		 store_temp(const char *dir, char **tmp, char **err);

/* Remove what interrupted downloads left in dir: temporary files older
   than an hour (a younger one may be another update's, running). */
void		 store_sweep(const char *dir);

/*
 * Keep tmp, a download holding a registry of this format ("xml", "csv",
 * else text), by renaming it to dir/service-names-port-numbers.EXT (xml,
 * csv or txt): a reader sees the old file or the new, never a part.
 * Sets *path to the kept path and returns 0, or -1 with *err set and
 * *path NULL.
 */
int		 store_keep(const char *dir, const char *tmp,
		     const char *format, char **path, char **err);

/*
 * Editions: the registries --update replaced, kept in dir as
 * edition-DATE.EXT (DATE their Last Updated date, YYYY-MM-DD), the
 * newest STORE_EDITIONS by date; store_newest skips them.
 */
#define STORE_EDITIONS	10

/*
 * Keep the file path (the registry about to be replaced; EXT from its
 * name) as the edition of date: a hard link (else a copy) made under a
 * hidden name and renamed into place, so that an edition is whole or
 * absent; then remove the oldest editions past STORE_EDITIONS.  date
 * must be YYYY-MM-DD or YYYY-MM.  0, or -1 with *err set.
 */
int		 store_edition_keep(const char *dir, const char *path,
		     const char *date, char **err);

/* The edition kept last (newest modification time), or NULL. */
char		*store_edition_last(const char *dir);

/* The newest edition whose date is on or before date (YYYY-MM-DD
   compared as text), or NULL. */
char		*store_edition_on(const char *dir, const char *date);

#endif
