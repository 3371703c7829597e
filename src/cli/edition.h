/*
 * edition.h - editions of the registry compared: portreg --diff OLD NEW,
 * the change summary --update prints, and the edition --since names.
 *
 * The comparing is the model's (diff.h); here are the command line,
 * the fields each form carries and the words around the changes.
 */
#ifndef PORTREG_EDITION_H
#define PORTREG_EDITION_H

#include <stdint.h>
#include <stdio.h>

#include "load.h"

struct diff;
struct registry;

/* Whether argv asks for --diff: a word of its own before "--" that is
   not the value of an option of opts or shorts (cli.c's getopt_long
   table and string; "-e --diff" searches for "--diff"). */
struct option;
int		 edition_diff_wanted(int argc, char **argv,
		     const struct option *opts, const char *shorts);

/*
 * portreg --diff [-o FMT] [--format-in FMT] OLD NEW: the whole command;
 * messages on stderr.  Returns the exit status, as diff(1): 0 identical,
 * 1 different, 2 usage, input or output error.
 */
int		 edition_diff_main(int argc, char **argv);

/*
 * The diff.h fields (DIFF_BIT()s) a registry of this form carries:
 * IANA's CSV has no people table; the pasted text form cannot tell a
 * registration date from a modification date.
 */
uint32_t	 edition_carried(const struct registry *);

/* Compare old with new over the fields both carry. */
struct diff	*edition_compare(const struct registry *old,
		     const struct registry *new);

/*
 * What changed, in a few lines for --update: "unchanged", or the counts
 * and the first changes (at most max).
 */
void		 edition_summary(FILE *, const struct diff *, size_t max);

/*
 * Before --update replaces the registry kept in dir (path, loaded as reg,
 * or NULL when it does not load): keep it as an edition
 * (store_edition_keep), named by its Last Updated date (else its file's
 * day).  0, or -1 with *err set.
 */
int		 edition_keep_previous(const char *dir, const char *path,
		     const struct registry *reg, char **err);

/* After --update: what changed in reg against the edition kept last
   (store_edition_last), as edition_summary says it; prev, when not NULL,
   is that edition already loaded (the registry the update replaced). */
void		 edition_update_summary(FILE *, const char *dir,
		     const struct registry *reg, const struct registry *prev);

/* --since ARG, kept (not copied) for edition_tui_run. */
void		 edition_set_since(const char *arg);
/* The browser, with the changes since --since's edition marked when it
   was given, then setup(ui, arg) as tui_run_setup; exit status as
   tui_run. */
struct ui;
int		 edition_tui_run(struct registry *,
		     void (*setup)(struct ui *, void *), void *arg);
/* When --since was given to something other than the browser: say so
   and return 1; else 0. */
int		 edition_since_refused(void);

/*
 * The old edition --since names: arg is a registry file, or a date
 * (YYYY-MM-DD): the newest edition kept in dir (store.h) dated on or
 * before it.  Returns the loaded registry, or NULL with *err set
 * (malloc'd).
 */
struct registry	*edition_since(const char *arg, const char *dir,
		     enum load_format, char **err);

#endif
