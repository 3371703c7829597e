/*
 * keys-man.c - print the man page's KEYS section as the key table
 * (src/ui/keys.h) generates it; tests/test-keys-doc.sh compares it with
 * doc/portreg.1 and, with --update, writes it there.
 */
#include "config.h"

#include <stdio.h>

#include "keys.h"

int
main(void)
{
	keys_man(stdout);
	return ferror(stdout) ? 1 : 0;
}
