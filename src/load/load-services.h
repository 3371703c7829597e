/*
 * load-services.h - read a services(5) file or nmap's nmap-services
 * into an overlay list (overlay.h).  Both are lines of
 *   name port/proto [aliases...] [# comment]          services(5)
 *   name port/proto frequency [# comment]             nmap-services
 * with blank lines, comment lines, CRLF and a missing final newline
 * allowed.  Which of the two a file is, is detected from its lines (a
 * third field that is a frequency, 0 to 1 with a decimal point, on most
 * of them: nmap).  A line that cannot be read (no port/proto, a port
 * past 65535, an unknown protocol, a bad frequency, a NUL byte, a line
 * over LOAD_SERVICES_LINE_MAX bytes, an exact duplicate) is a counted
 * warning naming its line, and skipped.  Lines of AppleTalk's ddp
 * (no port registry's protocol) are skipped and counted (n_other).  A file none of whose first
 * LOAD_SERVICES_PROBE data lines can be read is neither format: an
 * error ("FILE:LINE: expected ...").  Never prints, never exits.
 */
#ifndef PORTREG_LOAD_SERVICES_H
#define PORTREG_LOAD_SERVICES_H

#include <stddef.h>

struct ovl_list;

#define LOAD_SERVICES_LINE_MAX	4096
#define LOAD_SERVICES_PROBE	64

/* The default files, when they exist. */
#define LOAD_SERVICES_DEFAULT	"/etc/services"
#define LOAD_NMAP_DEFAULT	"/usr/share/nmap/nmap-services"

/* Read path ("-": standard input).  NULL with *err set (caller frees). */
struct ovl_list	*load_services_file(const char *path, char **err);
/* The same from buf[0, len) (NUL at buf[len] not needed); name for
   messages. */
struct ovl_list	*load_services_buffer(const char *buf, size_t len,
		     const char *name, char **err);

#endif
