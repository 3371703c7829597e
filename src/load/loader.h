/*
 * loader.h - what the loaders (load-*.c) share, for them and load.c only;
 * the rest of portreg reads files through load.h.  Nothing here calls
 * back into load.c or a loader.
 *
 * Strings passed in are borrowed for the call; what is kept is copied
 * into the registry's arena.  Error strings are malloc'd: the caller
 * frees them.
 */
#ifndef PORTREG_LOADER_H
#define PORTREG_LOADER_H

#include <stddef.h>

struct registry;
struct record;
struct person;

/* Make the "FILE:LINE[:COL]: message" error string (line 0: "FILE:
   message"; col 0: omitted).  Caller frees. */
char		*load_error(const char *file, unsigned line, unsigned col,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * load_people_list: parse "[A][B]" (or "[A] [B]") into person ids,
 * calling registry_add_assignee or _contact (role 'a' or 'c').  Returns
 * 0, or -1 (adding nothing) when the text is not a people list.
 * load_refs: split "[RFC6335][RFC4727]" / "[RFC8765, Section 6.1]" into
 * references (contents of each bracket); text that is not bracketed
 * becomes one reference.
 * load_person_uri: set person->email / ->uri from one URI as IANA writes
 * it ("mailto:w&uter.be" -> email "w@uter.be"); a second address, where
 * uri is free, becomes uri "mailto:pg@uplanet.com", never the '&' form.
 */
int		 load_people_list(struct registry *, struct record *, int role,
		     const char *s, size_t len);
void		 load_refs(struct registry *, struct record *, const char *s,
		     size_t len);
void		 load_person_uri(struct registry *, struct person *,
		     const char *uri, size_t len);

#endif
