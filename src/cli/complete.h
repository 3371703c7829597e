/*
 * complete.h - the words portreg's shell completion scripts offer, from
 * the registry the command line names (portreg --list-names and
 * --list-people, hidden from --help).
 *
 * Registry text is untrusted: only a word that no shell (bash, zsh,
 * fish) expands, splits or runs, and that shows unchanged on a terminal,
 * is offered; the others are left out.  One word a line.
 */
#ifndef PORTREG_COMPLETE_H
#define PORTREG_COMPLETE_H

#include <stdio.h>

struct registry;

/* Each distinct service name (the first spelling, case aside), in
   registry order. */
void		 complete_names(FILE *, const struct registry *);

/* Each person id --contact accepts: the people table's, in its order,
   then the ids records name but the table lacks (all of a CSV's),
   sorted, each once. */
void		 complete_people(FILE *, const struct registry *);

#endif
