#include "config.h"

#include <stdio.h>

#include "cli.h"

int
cli_main(int argc, char **argv)
{
	fprintf(stderr, "portreg: not written yet\n");
	return 2;
}

char *
cli_default_registry(void)
{
	return NULL;
}
