#!/usr/bin/env python3
"""check-host.py - independent readers for portreg's --compare and --free.

  check-host.py compare REGISTRY.xml SERVICES
      Prints, as JSON, the count of SERVICES's entries in each class of
      --compare (portreg(1)), read here without portreg: the registry's
      XML with xml.etree, SERVICES line by line.
  check-host.py free REGISTRY.xml SERVICES NMAP LISTENING.json FREE.json N LO HI
      Checks every block of FREE.json (portreg --free N LO-HI -o json):
      N ports inside LO-HI, none of them assigned or reserved in the
      registry on tcp or udp, named in SERVICES, or held by a socket of
      LISTENING.json (portreg --listening -o json); and that the blocks
      are ranked by nmap's open frequency (from NMAP).  Exit 1 on a
      failure (printed), 0 when all hold.

The rules, written again here from portreg(1) and not from the C code:
a record with a service name is assigned, else its description says
Reserved or Unassigned (an assignment otherwise).  A services(5) line is
"name port/proto aliases... # comment"; AppleTalk's ddp lines are skipped,
as are lines that do not read and exact duplicates.  Classes: agrees (the
name or an alias is the name of an assigned record at that port and
protocol, any case); name_differs (assigned records there, none so
named); protocol_not_registered (an assignment at the port for another
protocol only); reserved; unassigned.
"""

import json
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''


def registry(path):
    """[(lo, hi, proto or '', kind, name or None)] of records with ports."""
    out = []
    for rec in ET.parse(path).getroot():
        if local(rec.tag) != 'record':
            continue
        f = {local(c.tag): (c.text or '').strip() for c in rec}
        num = f.get('number')
        if not num:
            continue
        lo, _, hi = num.partition('-')
        lo = int(lo)
        hi = int(hi) if hi else lo
        name = f.get('name') or None
        desc = (f.get('description') or '').lower()
        if name:
            kind = 'assigned'
        elif desc.startswith('reserved'):
            kind = 'reserved'
        elif desc.startswith('unassigned') or desc.startswith('(unassigned)'):
            kind = 'unassigned'
        else:
            kind = 'assigned'
        out.append((lo, hi, f.get('protocol', '').lower(), kind, name))
    return out


def at_port(reg, port):
    return [r for r in reg if r[0] <= port <= r[1]]


def services(path):
    """[(name, port, proto, aliases)] of the lines that read."""
    out, seen = [], set()
    with open(path, 'rb') as fh:
        for raw in fh.read().decode('utf-8', 'replace').split('\n'):
            line = raw.split('#', 1)[0].split()
            if len(line) < 2 or '/' not in line[1]:
                continue
            port, _, proto = line[1].partition('/')
            proto = proto.lower()
            if not port.isdigit() or int(port) > 65535:
                continue
            if proto not in ('tcp', 'udp', 'sctp', 'dccp'):
                continue
            key = (line[0], int(port), proto)
            if key in seen:
                continue
            seen.add(key)
            out.append((line[0], int(port), proto, line[2:]))
    return out


def classify(reg, entry):
    name, port, proto, aliases = entry
    names = {n.lower() for n in [name] + aliases}
    here = at_port(reg, port)
    mine = [r for r in here if r[3] == 'assigned' and r[2] in (proto, '')]
    if any(r[4] and r[4].lower() in names for r in mine):
        return 'agrees'
    if mine:
        return 'name_differs'
    if any(r[3] == 'assigned' for r in here):
        return 'protocol_not_registered'
    if any(r[3] == 'reserved' and r[2] in (proto, '') for r in here):
        return 'reserved'
    return 'unassigned'


def compare(xml, svc):
    reg = registry(xml)
    counts = {}
    for e in services(svc):
        c = classify(reg, e)
        counts[c] = counts.get(c, 0) + 1
    print(json.dumps(counts, sort_keys=True))
    return 0


def nmap_freq(path):
    freq = {}
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            t = line.split('#', 1)[0].split()
            if len(t) < 3 or '/' not in t[1]:
                continue
            port, _, proto = t[1].partition('/')
            if proto in ('tcp', 'udp') and port.isdigit():
                p = int(port)
                freq[p] = max(freq.get(p, 0.0), float(t[2]))
    return freq


def free(xml, svc, nmap, listening, blocks, n, lo, hi):
    reg = registry(xml)
    busy = set()
    for r in reg:
        if r[3] != 'unassigned' and r[2] in ('tcp', 'udp', ''):
            busy.update(range(r[0], r[1] + 1))
    busy.update(e[1] for e in services(svc) if e[2] in ('tcp', 'udp'))
    with open(listening) as fh:
        held = {s['port'] for s in json.load(fh) if s['protocol'] in
                ('tcp', 'udp')}
    freq = nmap_freq(nmap)
    with open(blocks) as fh:
        got = json.load(fh)
    bad = []
    if not got:
        bad.append('no block listed')
    last = -1.0
    for b in got:
        ports = range(b['port'], b['port_end'] + 1)
        if len(ports) != n:
            bad.append('%d-%d: not %d ports' % (b['port'], b['port_end'], n))
        if b['port'] < lo or b['port_end'] > hi:
            bad.append('%d-%d: outside %d-%d' % (b['port'], b['port_end'],
                                                 lo, hi))
        for p in ports:
            if p in busy:
                bad.append('%d: in the registry or services(5)' % p)
            if p in held:
                bad.append('%d: in use on this host' % p)
        f = max(freq.get(p, 0.0) for p in ports)
        if abs(f - b['nmap_frequency']) > 1e-6:
            bad.append('%d: nmap frequency %f, listed %f' %
                       (b['port'], f, b['nmap_frequency']))
        if f + 1e-9 < last:
            bad.append('%d: ranked after a block of higher frequency'
                       % b['port'])
        last = f
        if not (b['gap_lo'] <= b['port'] and b['port_end'] <= b['gap_hi']):
            bad.append('%d: outside its gap' % b['port'])
        for p in (b['gap_lo'] - 1, b['gap_hi'] + 1):
            if 0 <= p <= 65535 and p not in busy and p not in held:
                bad.append('%d: gap %d-%d does not end at a used port'
                           % (p, b['gap_lo'], b['gap_hi']))
    for m in bad[:20]:
        print(m)
    print('%d blocks checked, %d problems' % (len(got), len(bad)))
    return 1 if bad else 0


def main(argv):
    if len(argv) == 4 and argv[1] == 'compare':
        return compare(argv[2], argv[3])
    if len(argv) == 10 and argv[1] == 'free':
        return free(argv[2], argv[3], argv[4], argv[5], argv[6],
                    int(argv[7]), int(argv[8]), int(argv[9]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
