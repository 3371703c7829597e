/*
 * main.c - portreg's entry point.  Everything lives in libportreg; this
 * only hands the command line to it.
 */
#include "config.h"

#include "cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
