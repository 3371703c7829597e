/*
 * load-host.h - this host's sockets, from the kernel's tables under
 * /proc: listening TCP (/proc/net/tcp, tcp6: state 0A), bound UDP
 * (udp, udp6: state 07, not connected) and SCTP endpoints
 * (/proc/net/sctp/eps, where it exists), each with its owner (pid and
 * command) found by its socket inode under /proc/PID/fd where that is
 * readable, else unknown (pid -1).  Addresses are written as ss(8)
 * writes them: 0.0.0.0, 127.0.0.1, [::], [::1], [::ffff:127.0.0.1].
 * A line of a table that cannot be read is skipped.  Never prints.
 */
#ifndef PORTREG_LOAD_HOST_H
#define PORTREG_LOAD_HOST_H

struct ovl_sockets;

/*
 * Read the sockets under proc (normally "/proc"; tests give a tree of
 * their own), with their owners when owners is set (else every pid is
 * -1 until load_host_owners).  NULL with *err set (caller frees) when
 * proc/net/tcp cannot be read: no /proc/net, not Linux.
 */
struct ovl_sockets *load_host_sockets(const char *proc, int owners,
		     char **err);
/* Find the owners of s's sockets (the costly part: every process's
   open files are looked at). */
void		 load_host_owners(struct ovl_sockets *s, const char *proc);

#endif
