#!/usr/bin/env python3
"""http-server.py DIR PORTFILE - serve DIR over HTTP on 127.0.0.1 (a free
port, loopback only) until killed, for the --update tests.  Writes the
port to PORTFILE (atomically) once it listens; logs nothing."""
import functools
import http.server
import os
import sys


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


h = functools.partial(Quiet, directory=sys.argv[1])
s = http.server.HTTPServer(("127.0.0.1", 0), h)
open(sys.argv[2] + ".new", "w").write(str(s.server_address[1]))
os.rename(sys.argv[2] + ".new", sys.argv[2])
s.serve_forever()
