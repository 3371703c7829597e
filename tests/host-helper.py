#!/usr/bin/env python3
"""host-helper.py - sockets for tests/test-host.sh, loopback only.

Usage: host-helper.py OUTFILE [TCPPORT [UDPPORT]]

Names itself $PRTEST_NAME, default "prtest-lsn" (its command, as
/proc/PID/comm shows it: tests running side by side give their own),
listens on 127.0.0.1 with TCP and binds a UDP socket on 127.0.0.1 (each
at the port given, else one the kernel picks), writes
"TCPPORT UDPPORT PID" to OUTFILE, and waits until it is killed or 120
seconds pass (so that it never outlives a broken test by long).
"""
import os
import socket
import sys
import time

with open('/proc/self/comm', 'w') as f:
    f.write(os.environ.get('PRTEST_NAME', 'prtest-lsn')[:15])
tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
tcp.bind(('127.0.0.1', int(sys.argv[2]) if len(sys.argv) > 2 else 0))
tcp.listen(1)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(('127.0.0.1', int(sys.argv[3]) if len(sys.argv) > 3 else 0))
tmp = sys.argv[1] + '.tmp'
with open(tmp, 'w') as f:
    f.write('%d %d %d\n' % (tcp.getsockname()[1], udp.getsockname()[1],
                            os.getpid()))
os.rename(tmp, sys.argv[1])
time.sleep(120)
