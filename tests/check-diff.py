#!/usr/bin/env python3
"""check-diff.py - compare `portreg --diff OLD NEW -o json` with an
independent comparison of the two registries.

Usage: check-diff.py [--portreg PATH] OLD NEW

Each file (IANA's XML or CSV, told apart by its first character) is read
by the independent readers of check-json-xml.py (xml.etree) and
check-json-csv.py (the csv module), written without looking at the C
loaders.  The records are then matched as SPEC 8 and portreg(1) say,
again without looking at the C code: by service name (case folded) and
protocol; name-less rows by port range, protocol and kind; where a name
is repeated per protocol on either side, by port range too, and the one
record left on each side, if just one, is a move.  Compared: the record
fields both forms carry (CSV has no people table, so people are not
compared when either side is a CSV), text with runs of white space as
one blank.

The set of changes must equal portreg's, each change with its service,
protocol, port, port_end and every changed field with before and after
(white space collapsed).  Prints the counts per kind of change; exit 0
when the two agree, 1 when not (the first 20 differences listed), 2
when something cannot run.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def module(name):
    spec = importlib.util.spec_from_file_location(
        name.replace('-', '_'), os.path.join(HERE, name + '.py'))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


XMLR = module('check-json-xml')
CSVR = module('check-json-csv')


def ws(s):
    if s is None:
        return None
    s = ' '.join(s.split())
    return s or None


def read(path):
    with open(path, 'rb') as f:
        head = f.read(64).lstrip(b'\xef\xbb\xbf \t\r\n')
    if head.startswith(b'<'):
        recs = XMLR.read_xml(path)
        for r in recs:
            r['kind'] = CSVR.kind(r['service'], r['description'])
        return recs
    return [d for _, d in CSVR.read_csv(path)]


def key(r):
    if r['service'] is not None:
        return ('name', r['service'].lower(), r['protocol'])
    return ('rows', r['port'], r['port_end'], r['protocol'], r['kind'])


def match(old, new):
    """Pairs (i, j) of matched records, by the rules above."""
    go, gn = {}, {}
    for i, r in enumerate(old):
        go.setdefault(key(r), []).append(i)
    for j, r in enumerate(new):
        gn.setdefault(key(r), []).append(j)
    pairs = []
    for k, os_ in go.items():
        ns = gn.get(k)
        if not ns:
            continue
        if len(os_) == 1 and len(ns) == 1:
            pairs.append((os_[0], ns[0]))
            continue
        left_n = list(ns)
        left_o = []
        for i in os_:
            hit = [j for j in left_n if (new[j]['port'], new[j]['port_end'])
                   == (old[i]['port'], old[i]['port_end'])]
            if hit:
                pairs.append((i, hit[0]))
                left_n.remove(hit[0])
            else:
                left_o.append(i)
        if len(left_o) == 1 and len(left_n) == 1:
            pairs.append((left_o[0], left_n[0]))
    return pairs


def brackets(items):
    return ''.join('[%s]' % s for s in items) or None


def port_text(r):
    if r['port'] is None:
        return None
    if r['port'] == r['port_end']:
        return str(r['port'])
    return '%d-%d' % (r['port'], r['port_end'])


TEXT = (('description', 'description'), ('registered', 'registered'),
        ('modified', 'modified'), ('service_code', 'service_code'),
        ('unauthorized_use', 'unauthorized_use'), ('notes', 'notes'))


def fields(a, b):
    """{field: (before, after)} of a matched pair, white space collapsed."""
    out = {}
    if a['service'] is not None and a['service'] != b['service']:
        out['service'] = (a['service'], b['service'])
    if (a['port'], a['port_end']) != (b['port'], b['port_end']):
        out['port'] = (port_text(a), port_text(b))
    for name, k in TEXT:
        if ws(a[k]) != ws(b[k]):
            out[name] = (ws(a[k]), ws(b[k]))
    for k in ('assignees', 'contacts'):
        if a[k] != b[k]:
            out[k] = (brackets(a[k]), brackets(b[k]))
    if [ws(s) for s in a['references']] != [ws(s) for s in b['references']]:
        out['references'] = (ws(brackets(a['references'])),
                             ws(brackets(b['references'])))
    return out


def change(kind, r, f):
    return (kind, r['service'], r['protocol'], r['port'], r['port_end'],
            tuple(sorted(f.items())))


def expected(old, new):
    pairs = match(old, new)
    mo = {i for i, _ in pairs}
    mn = {j for _, j in pairs}
    out = []
    for j, r in enumerate(new):
        if j not in mn:
            out.append(change('added', r, {}))
    for i, r in enumerate(old):
        if i not in mo:
            out.append(change('removed', r, {}))
    for i, j in pairs:
        f = fields(old[i], new[j])
        if f:
            out.append(change('moved' if 'port' in f else 'changed',
                              new[j], f))
    return out


def got(portreg, a, b):
    p = subprocess.run([portreg, '--diff', '-o', 'json', a, b],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        raise SystemExit('check-diff: portreg --diff exited %d: %s' % (
            p.returncode, p.stderr.decode('utf-8', 'replace').strip()))
    if p.returncode == 0:
        if p.stdout:
            raise SystemExit('check-diff: exit 0 but output')
        return []
    out = []
    for c in json.loads(p.stdout.decode('utf-8')):
        if 'person' in c:
            out.append(('person', c['change'], c['person']))
            continue
        f = {k: (ws(v[0]), ws(v[1])) for k, v in c['fields'].items()}
        r = {'service': c['service'], 'protocol': c['protocol'],
             'port': c['port'], 'port_end': c['port_end']}
        out.append(change(c['change'], r, f))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--portreg', default=os.environ.get('PORTREG', 'portreg'))
    ap.add_argument('old')
    ap.add_argument('new')
    a = ap.parse_args()
    try:
        want = expected(read(a.old), read(a.new))
    except (OSError, XMLR.ET.ParseError) as e:
        print('check-diff: %s' % e, file=sys.stderr)
        return 2
    have = got(a.portreg, a.old, a.new)
    counts = {}
    for c in want:
        counts[c[0]] = counts.get(c[0], 0) + 1
    print('check-diff: expected %d changes (%s), portreg printed %d' % (
        len(want), ', '.join('%s %d' % kv for kv in sorted(counts.items())),
        len(have)))
    problems = []
    if len(set(want)) != len(want) or len(set(have)) != len(have):
        problems.append('a change listed twice')
    for c in sorted(set(want) - set(have), key=repr)[:10]:
        problems.append('missing: %r' % (c,))
    for c in sorted(set(have) - set(want), key=repr)[:10]:
        problems.append('not expected: %r' % (c,))
    for p in problems[:20]:
        print('  ' + p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
