/*
 * load-host.c - this host's listening sockets from /proc (load-host.h).
 */
#include "config.h"

#include <sys/types.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load-host.h"
#include "overlay.h"
#include "xmalloc.h"

/* TCP_LISTEN and TCP_CLOSE (an unconnected, bound UDP socket). */
#define HOST_TCP_LISTEN	0x0a
#define HOST_UDP_BOUND	0x07

/* Hex "0100007F" (IPv4) or 32 hex digits (IPv6), as the kernel prints
   the address's 32-bit words in host order, into text as ss shows it. */
static int
host_addr(const char *hex, size_t n, char *out, size_t size)
{
	unsigned char	 bytes[16];
	uint32_t	 w;
	char		 word[9], text[INET6_ADDRSTRLEN];
	size_t		 i;

	if (n != 8 && n != 32)
		return -1;
	for (i = 0; i < n / 8; i++) {
		memcpy(word, hex + i * 8, 8);
		word[8] = '\0';
		if (strspn(word, "0123456789abcdefABCDEF") != 8)
			return -1;
		w = (uint32_t)strtoul(word, NULL, 16);
		memcpy(bytes + i * 4, &w, 4);
	}
	if (inet_ntop(n == 8 ? AF_INET : AF_INET6, bytes, text,
	    sizeof text) == NULL)
		return -1;
	snprintf(out, size, n == 8 ? "%s" : "[%s]", text);
	return 0;
}

/* One line of /proc/net/{tcp,udp}[6]: keep it when it is state want. */
static void
host_net_line(struct ovl_sockets *s, char *line, enum proto proto,
    unsigned want)
{
	struct ovl_socket	*o;
	char			*f[12], *save = NULL, *colon;
	char			 addr[OVL_ADDR_SIZE];
	unsigned long		 port, st;
	unsigned long long	 inode;
	size_t			 n = 0;
	char			*end;

	for (f[n] = strtok_r(line, " \t\n", &save); f[n] != NULL && n < 11;
	    f[n] = strtok_r(NULL, " \t\n", &save))
		n++;
	if (n < 10 || (colon = strchr(f[1], ':')) == NULL)
		return;
	port = strtoul(colon + 1, &end, 16);
	if (*end != '\0' || port == 0 || port > 65535)
		return;
	st = strtoul(f[3], &end, 16);
	if (*end != '\0' || st != want)
		return;
	if (host_addr(f[1], (size_t)(colon - f[1]), addr, sizeof addr) != 0)
		return;
	inode = strtoull(f[9], &end, 10);
	if (*end != '\0')
		return;
	o = ovl_sockets_add(s);
	o->proto = proto;
	o->port = (int32_t)port;
	o->inode = inode;
	memcpy(o->addr, addr, sizeof o->addr);
}

/* Read table path; -1 when it cannot be opened. */
static int
host_net_table(struct ovl_sockets *s, const char *path, enum proto proto,
    unsigned want)
{
	FILE	*f;
	char	 line[1024];
	int	 first = 1;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL) {
		if (strchr(line, '\n') == NULL) {	/* too long: skip */
			int	 c;

			while ((c = getc(f)) != EOF && c != '\n')
				continue;
			continue;
		}
		if (first) {		/* the header */
			first = 0;
			continue;
		}
		host_net_line(s, line, proto, want);
	}
	fclose(f);
	return 0;
}

/*
 * /proc/net/sctp/eps: ENDPT SOCK STY SST HBKT LPORT UID INODE LADDRS...
 * Addresses are listed in full; the first stands for the endpoint.
 */
static void
host_sctp(struct ovl_sockets *s, const char *proc)
{
	struct ovl_socket	*o;
	FILE			*f;
	char			*path, line[1024], *t[10], *save = NULL, *end;
	unsigned long		 port;
	unsigned long long	 inode;
	size_t			 n;

	path = xasprintf("%s/net/sctp/eps", proc);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return;
	if (fgets(line, sizeof line, f) == NULL) {
		fclose(f);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		n = 0;
		for (t[n] = strtok_r(line, " \t\n", &save);
		    t[n] != NULL && n < 9; t[n] = strtok_r(NULL, " \t\n", &save))
			n++;
		if (n < 8)
			continue;
		port = strtoul(t[5], &end, 10);
		if (*end != '\0' || port == 0 || port > 65535)
			continue;
		inode = strtoull(t[7], &end, 10);
		if (*end != '\0')
			continue;
		o = ovl_sockets_add(s);
		o->proto = PROTO_SCTP;
		o->port = (int32_t)port;
		o->inode = inode;
		if (n > 8) {
			if (strchr(t[8], ':') != NULL)
				snprintf(o->addr, sizeof o->addr, "[%s]", t[8]);
			else
				snprintf(o->addr, sizeof o->addr, "%s", t[8]);
		} else
			snprintf(o->addr, sizeof o->addr, "*");
	}
	fclose(f);
}

static int
host_inode_cmp(const void *a, const void *b)
{
	const struct ovl_socket	*const *x = a, *const *y = b;

	return (*x)->inode < (*y)->inode ? -1 : (*x)->inode > (*y)->inode;
}

/* The command of pid (its comm), or "" when unreadable. */
static void
host_comm(const char *proc, long pid, char *out, size_t size)
{
	FILE	*f;
	char	*path;
	size_t	 n = 0;

	out[0] = '\0';
	path = xasprintf("%s/%ld/comm", proc, pid);
	if ((f = fopen(path, "r")) != NULL) {
		n = fread(out, 1, size - 1, f);
		fclose(f);
	}
	free(path);
	out[n] = '\0';
	if (n > 0 && out[n - 1] == '\n')
		out[n - 1] = '\0';
}

/* Owners: every /proc/PID/fd/N that is "socket:[INODE]" of ours. */
void
load_host_owners(struct ovl_sockets *s, const char *proc)
{
	struct ovl_socket	**by, key, *kp, **hit;
	DIR			*pd, *fd;
	struct dirent		*pe, *fe;
	char			*dir, target[64], comm[OVL_COMM_SIZE];
	unsigned long long	 inode;
	ssize_t			 n;
	size_t			 i;
	long			 pid;
	char			*end;

	if (s->n == 0 || (pd = opendir(proc)) == NULL)
		return;
	by = xreallocarray(NULL, s->n, sizeof *by);
	for (i = 0; i < s->n; i++)
		by[i] = &s->s[i];
	qsort(by, s->n, sizeof *by, host_inode_cmp);
	while ((pe = readdir(pd)) != NULL) {
		pid = strtol(pe->d_name, &end, 10);
		if (*end != '\0' || pid <= 0)
			continue;
		dir = xasprintf("%s/%ld/fd", proc, pid);
		fd = opendir(dir);
		comm[0] = '\0';
		while (fd != NULL && (fe = readdir(fd)) != NULL) {
			if (fe->d_name[0] == '.')
				continue;
			n = readlinkat(dirfd(fd), fe->d_name, target,
			    sizeof target - 1);
			if (n <= 9 || strncmp(target, "socket:[", 8) != 0)
				continue;
			target[n] = '\0';
			inode = strtoull(target + 8, &end, 10);
			if (*end != ']')
				continue;
			key.inode = inode;
			kp = &key;
			hit = bsearch(&kp, by, s->n, sizeof *by, host_inode_cmp);
			if (hit == NULL)
				continue;
			if (comm[0] == '\0')
				host_comm(proc, pid, comm, sizeof comm);
			/* Several owners (after fork): the lowest pid, the
			   same one ss lists first. */
			while (hit > by && hit[-1]->inode == inode)
				hit--;
			for (; hit < by + s->n && (*hit)->inode == inode; hit++) {
				if ((*hit)->pid < 0 || (*hit)->pid > pid) {
					(*hit)->pid = (int32_t)pid;
					memcpy((*hit)->command, comm,
					    sizeof comm);
				}
			}
		}
		if (fd != NULL)
			closedir(fd);
		free(dir);
	}
	closedir(pd);
	free(by);
}

struct ovl_sockets *
load_host_sockets(const char *proc, int owners, char **err)
{
	static const struct {
		const char	*name;
		enum proto	 proto;
		unsigned	 want;
	} tables[] = {
		{ "tcp", PROTO_TCP, HOST_TCP_LISTEN },
		{ "tcp6", PROTO_TCP, HOST_TCP_LISTEN },
		{ "udp", PROTO_UDP, HOST_UDP_BOUND },
		{ "udp6", PROTO_UDP, HOST_UDP_BOUND },
	};
	struct ovl_sockets	*s;
	char			*path;
	size_t			 i;
	int			 rc;

	*err = NULL;
	s = xcalloc(1, sizeof *s);
	for (i = 0; i < sizeof tables / sizeof *tables; i++) {
		path = xasprintf("%s/net/%s", proc, tables[i].name);
		rc = host_net_table(s, path, tables[i].proto, tables[i].want);
		if (rc != 0 && i == 0) {
			*err = xasprintf("this host's sockets are not "
			    "available: %s: %s (portreg reads them from "
			    "Linux's /proc/net)", path, strerror(errno));
			free(path);
			ovl_sockets_free(s);
			return NULL;
		}
		free(path);
	}
	host_sctp(s, proc);
	if (owners)
		load_host_owners(s, proc);
	ovl_sockets_finish(s);
	return s;
}
