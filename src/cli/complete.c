/*
 * complete.c - the words the shell completion scripts offer (the hidden
 * --list-names and --list-people); see complete.h.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "complete.h"
#include "registry.h"
#include "sanitize.h"
#include "xmalloc.h"

/*
 * Whether s may be offered to a shell as a completion: one word that no
 * shell (bash, zsh, fish) expands, splits or runs, and that is safe on a
 * terminal.  Registry text is untrusted; names that fail are left out.
 */
static int
complete_word(const char *s)
{
	const unsigned char	*p;
	char			*safe;
	int			 ascii = 1, ok;

	if (*s == '\0' || *s == '-')
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x21 || *p == 0x7f ||
		    strchr("\"'\\`$;|&<>()*?[]{}~#!^=", *p) != NULL)
			return 0;
		if (*p >= 0x80)
			ascii = 0;
	}
	if (ascii)
		return 1;
	/* Beyond ASCII: valid UTF-8 with no controls or format characters,
	   the text the screen would show unchanged. */
	safe = sanitize(s, 0);
	ok = strcmp(safe, s) == 0;
	free(safe);
	return ok;
}

void
complete_names(FILE *f, const struct registry *reg)
{
	const char	*name;
	uint32_t	 first;
	size_t		 i;

	for (i = 0; i < reg->n_records; i++) {
		if ((name = reg->records[i].service) == NULL ||
		    !complete_word(name))
			continue;
		if (registry_by_name(reg, name, PROTO_NONE, &first, 1) != 0 &&
		    first == i)
			fprintf(f, "%s\n", name);
	}
}

static int
complete_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void
complete_people(FILE *f, const struct registry *reg)
{
	const struct record	*r;
	const struct person_ref	*ref;
	const char		**ids = NULL;
	size_t			 i, j, n = 0, cap = 0;

	for (i = 0; i < reg->n_people; i++) {
		if (complete_word(reg->people[i].id) &&
		    registry_person(reg, reg->people[i].id) == (int32_t)i)
			fprintf(f, "%s\n", reg->people[i].id);
	}
	for (i = 0; i < reg->n_records; i++) {
		r = &reg->records[i];
		for (j = 0; j < r->n_assignees + r->n_contacts; j++) {
			ref = j < r->n_assignees ? &r->assignees[j] :
			    &r->contacts[j - r->n_assignees];
			if (ref->person >= 0 || !complete_word(ref->id))
				continue;
			xgrow((void **)&ids, &cap, n + 1, sizeof *ids);
			ids[n++] = ref->id;
		}
	}
	if (n != 0)
		qsort(ids, n, sizeof *ids, complete_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(ids[i - 1], ids[i]) != 0)
			fprintf(f, "%s\n", ids[i]);
	}
	free(ids);
}
