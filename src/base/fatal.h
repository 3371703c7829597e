/*
 * fatal.h - ending the process on an error nothing can recover from.
 *
 * fatal() runs the cleanup hook (one at a time; the terminal layer
 * registers one that restores the terminal while curses owns it),
 * prints "portreg: " and the message on stderr and exits with status 2.
 * It never returns.  Recoverable failures return a status instead.
 */
#ifndef PORTREG_FATAL_H
#define PORTREG_FATAL_H

/*
 * Run fn first in fatal() (NULL: nothing).  The hook runs once, and
 * must not allocate; a fatal() inside it exits without running it
 * again.  Unregister it (NULL) when what it restores is gone.
 */
void		 fatal_set_cleanup(void (*fn)(void));

_Noreturn void	 fatal(const char *fmt, ...)
		     __attribute__((format(printf, 1, 2)));

#endif
