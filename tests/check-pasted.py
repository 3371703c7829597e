#!/usr/bin/env python3
"""check-pasted.py - render IANA's XML as its web page pastes, read the
render back with portreg, and check that every misread is warned.

Usage: tests/check-pasted.py [--portreg PATH] [--keep DIR] [--all] FILE.xml
       LO-HI[+names]...

For each port range LO-HI, the records of FILE.xml with a port in it
(and with +names the name-only rows after them, as the page lists them
after every port) are written the way the registry page copies out of a browser as plain text
(the form of data/seed-excerpt-2024-10-15.txt): a preamble with "Last
Updated", the column header line, one line per record holding its
non-empty CSV fields joined by single spaces (a line break inside a field,
<br/> in the XML, breaks the line; other white space is collapsed, as a
browser shows HTML), then "Contact Information" and one line per person
the records name, "[Id] name organization URI... updated".

`portreg -f RENDER -o json` and `portreg -f RENDER --check` then read it.
The records read are matched, in order, to the records rendered, by
service, port and protocol.  A record whose
fields differ from the XML's (service, port, protocol, description,
assignee and contact ids, dates, references, service code, unauthorized
use, notes; text compared with white space collapsed) must have a
--check warning on one of its lines (its record line or the lines its
multi-line fields wrapped onto); a record the loader made from a wrapped
line (one that matches no record rendered) must be warned on a wrapped
line of the record before it; a record rendered and not read must be
warned on one of its lines; a person whose name, organization,
e-mail or date differs must be warned on their contact line.  Any other
difference is an unwarned misread: listed (the first 20), and the exit
status is 1.  Exit 0 when there is none, 2 when it cannot run.

--keep DIR keeps each render as DIR/pasted-LO-HI[+names].txt; --all lists every
record misread, warned or not.
"""

import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "check_json_xml", os.path.join(HERE, "check-json-xml.py"))
cjx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cjx)
local = cjx.local

HEADER = ("Service Name Port Number Transport Protocol Description Assignee "
          "Contact Registration Date Modification Date Reference Service "
          "Code Unauthorized Use Reported Assignment Notes")
SHOWN = 20
# How far ahead a record read is looked for among those rendered.
LOOKAHEAD = 50
# --all: list every record misread, warned or not.
LIST_ALL = False


def shown(s):
    """Text as a browser shows it: <br/> (here '\\n') breaks the line,
    other runs of white space are one space."""
    if s is None:
        return None
    lines = [' '.join(x.split()) for x in s.split('\n')]
    out = '\n'.join(x for x in lines)
    out = re.sub(r'\n+', '\n', out).strip()
    return out or None


def ws(s):
    if s is None:
        return None
    s = ' '.join(s.split())
    return s or None


def read_people(path):
    root = ET.parse(path).getroot()
    people = {}
    order = []
    for el in root.iter():
        if local(el.tag) != 'person':
            continue
        pid = (el.get('id') or '').strip()
        if not pid:
            continue
        d = {'name': None, 'org': None, 'uris': [], 'updated': None}
        for c in el:
            t = local(c.tag)
            v = ' '.join(''.join(c.itertext()).split()) or None
            if t == 'name':
                d['name'] = v
            elif t == 'org':
                d['org'] = v
            elif t == 'uri' and v:
                d['uris'].append(v)
            elif t == 'updated':
                d['updated'] = v
        if pid not in people:
            order.append(pid)
        people[pid] = d
    return people, order


def email_of(uris):
    """The first address as portreg shows it (IANA's & made @)."""
    for u in uris:
        if u.lower().startswith('mailto:'):
            a = u[7:]
            if '@' not in a:
                a = a.replace('&', '@', 1)
            return a
    return None


def render(records, people, order, updated, lo, hi, names):
    """The pasted page for records with a port in [lo, hi], and with names
    the name-only rows (in the XML's order, after every port, as IANA's
    page lists them): the text and, per record, (first line, last line)
    of its lines; per person id its contact line."""
    out = ["Internet Assigned Numbers Authority", "",
           "Service Name and Transport Protocol Port Number Registry", "",
           "Last Updated", updated or "2026-08-17", "", HEADER]
    spans = []
    chosen = []
    for r in records:
        if r['port'] is None:
            if not names:
                continue
            port = None
        elif r['port_end'] < lo or r['port'] > hi:
            continue
        else:
            port = (str(r['port']) if r['port'] == r['port_end'] else
                    '%d-%d' % (r['port'], r['port_end']))
        fields = [r['service'], port, r['protocol'], r['description'],
                  ''.join('[%s]' % a for a in r['assignees']),
                  ''.join('[%s]' % c for c in r['contacts']),
                  r['registered'], r['modified'],
                  ''.join('[%s]' % x for x in r['references']),
                  r['service_code'], r['unauthorized_use'], r['notes']]
        text = ' '.join(s for s in (shown(f) for f in fields) if s)
        first = len(out) + 1
        lines = text.split('\n')
        out.extend(lines)
        spans.append((first, first + len(lines) - 1))
        chosen.append(r)
    out += ["", "Contact Information", "",
            "ID Name Organization Contact URI Last Updated"]
    named = set()
    for r in chosen:
        named.update(r['assignees'])
        named.update(r['contacts'])
    pline = {}
    for pid in order:
        if pid not in named:
            continue
        p = people[pid]
        parts = ['[%s]' % pid, p['name'], p['org']] + p['uris'] + \
            [p['updated']]
        out.append(' '.join(x for x in parts if x))
        pline[pid] = len(out)
    return '\n'.join(out) + '\n', chosen, spans, pline


def run(portreg, path, *args):
    try:
        p = subprocess.run([portreg, '-f', path, *args],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        print('check-pasted: cannot run %s: %s' % (portreg, e),
              file=sys.stderr)
        sys.exit(2)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), \
        p.stderr.decode('utf-8', 'replace')


FIELDS = ('service', 'port', 'port_end', 'protocol', 'description',
          'assignees', 'contacts', 'registered', 'modified', 'references',
          'service_code', 'unauthorized_use', 'notes')


def field_of(r, k, from_json):
    v = r.get(k)
    if k in ('assignees', 'contacts'):
        v = [p['id'] if isinstance(p, dict) else p for p in (v or [])]
        return v
    if k == 'references':
        return [ws(x) for x in (v or [])]
    if k in ('description', 'unauthorized_use', 'notes', 'service_code',
             'service'):
        return ws(v)
    return v


def check_range(portreg, records, people, order, updated, lo, hi, names,
                keep):
    text, chosen, spans, pline = render(records, people, order, updated,
                                        lo, hi, names)
    what = '%d-%d%s' % (lo, hi, '+names' if names else '')
    if keep:
        path = os.path.join(keep, 'pasted-%s.txt' % what)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    else:
        fd, path = tempfile.mkstemp(suffix='.txt', prefix='portreg-paste-')
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            f.write(text)
    try:
        rc, out, err = run(portreg, path, '-o', 'json')
        if rc != 0:
            print('check-pasted: %s: portreg -o json: exit %d: %s'
                  % (what, rc, err.strip()[:300]))
            return None
        got = json.loads(out)
        rc, out, err = run(portreg, path, '--check', '--format-in', 'text')
        if rc == 2:
            print('check-pasted: %s: --check: %s' % (what, err[:300]))
            return None
    finally:
        if not keep:
            os.unlink(path)

    warned = {}
    pat = re.compile(r'^.*?:(\d+): warning: (.*)$')
    for line in out.splitlines():
        m = pat.match(line)
        if not m:
            continue
        n = int(m.group(1))
        warned.setdefault(n, []).append(m.group(2))

    problems = []
    misread = 0
    unwarned = 0
    exact = 0

    def is_warned(i):
        a, b = spans[i]
        return any(n in warned for n in range(a, b + 1))

    def key(r):
        return (r.get('service'), r.get('port'), r.get('port_end'),
                r.get('protocol'))

    # The records read, matched in order to the records rendered by
    # service, port and protocol.  One the loader made of a wrapped line
    # matches none: it must be warned on a wrapped line of the record
    # before it.  A rendered record nothing matches is lost: it must be
    # warned on one of its lines.
    seen = set()
    i = 0
    for rec in got:
        k = key(rec)
        d = next((d for d in range(LOOKAHEAD) if i + d < len(chosen) and
                  key(chosen[i + d]) == k), None)
        if d is None:
            misread += 1
            if i == 0:
                problems.append('%s: record %r before the first line, '
                                'unwarned' % (what, k))
                unwarned += 1
                continue
            a, b = spans[i - 1]
            if not any(n in warned for n in range(a + 1, b + 1)):
                unwarned += 1
                problems.append('lines %d-%d: a record %r made of a '
                                'wrapped line of %s %s/%s, unwarned'
                                % (a + 1, b, k, chosen[i - 1]['service'],
                                   chosen[i - 1]['port'],
                                   chosen[i - 1]['protocol']))
            continue
        i += d
        seen.add(i)
        want = chosen[i]
        n = spans[i][0]
        i += 1
        bad = []
        for f in FIELDS:
            a = field_of(want, f, False)
            b = field_of(rec, f, True)
            if a != b:
                bad.append((f, a, b))
        if not bad:
            exact += 1
            continue
        misread += 1
        if LIST_ALL:
            for f, a, b in bad:
                print('  misread (%s) line %d (%s %s/%s) %s: %r, read %r'
                      % ('warned' if is_warned(i - 1) else 'UNWARNED', n,
                         want['service'], want['port'], want['protocol'],
                         f, a, b))
        if not is_warned(i - 1):
            unwarned += 1
            for f, a, b in bad:
                problems.append('line %d (%s %s/%s) %s: %r, read %r'
                                % (n, want['service'], want['port'],
                                   want['protocol'], f, a, b))
    for i in range(len(chosen)):
        if i not in seen:
            misread += 1
            if not is_warned(i):
                unwarned += 1
                problems.append('line %d: record %s %s/%s lost, unwarned'
                                % (spans[i][0], chosen[i]['service'],
                                   chosen[i]['port'], chosen[i]['protocol']))

    # People, as the records' person objects give them.
    byid = {}
    for rec in got:
        for p in (rec.get('assignees') or []) + (rec.get('contacts') or []):
            if isinstance(p, dict):
                byid[p.get('id')] = p
    pmis = 0
    for pid, n in pline.items():
        want = people[pid]
        have = byid.get(pid)
        if have is None:
            continue
        bad = []
        if ws(want['name']) != ws(have.get('name')):
            bad.append(('name', want['name'], have.get('name')))
        if ws(want['org']) != ws(have.get('organization')):
            bad.append(('organization', want['org'],
                        have.get('organization')))
        if email_of(want['uris']) != have.get('email'):
            bad.append(('email', email_of(want['uris']), have.get('email')))
        if want['updated'] != have.get('updated'):
            bad.append(('updated', want['updated'], have.get('updated')))
        if bad:
            pmis += 1
            if n not in warned:
                unwarned += 1
                for f, a, b in bad:
                    problems.append('line %d person [%s] %s: %r, read %r'
                                    % (n, pid, f, a, b))
    print('check-pasted: %s: %d records, %d read exactly right, %d '
          'people; %d records and %d people misread; %d misreads '
          'unwarned; %d warnings'
          % (what, len(chosen), exact, len(pline), misread, pmis,
             unwarned, sum(len(v) for v in warned.values())))
    return problems


def main(argv):
    portreg = os.environ.get('PORTREG') or 'portreg'
    keep = None
    args = []
    it = iter(argv)
    for a in it:
        if a == '--portreg':
            portreg = next(it, None)
        elif a == '--keep':
            keep = next(it, None)
        elif a == '--all':
            global LIST_ALL
            LIST_ALL = True
        else:
            args.append(a)
    if len(args) < 2:
        print(__doc__)
        return 2
    path = args[0]
    try:
        records = cjx.read_xml(path)
        people, order = read_people(path)
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print('check-pasted: %s: %s' % (path, e), file=sys.stderr)
        return 2
    updated = None
    for c in root:
        if local(c.tag) == 'updated':
            updated = (c.text or '').strip()
    problems = []
    for r in args[1:]:
        m = re.fullmatch(r'(\d+)-(\d+)(\+names)?', r)
        if not m:
            print('check-pasted: expected LO-HI or LO-HI+names, found %r'
                  % r, file=sys.stderr)
            return 2
        p = check_range(portreg, records, people, order, updated,
                        int(m.group(1)), int(m.group(2)),
                        m.group(3) is not None, keep)
        if p is None:
            return 2
        problems += p
    for p in problems[:SHOWN]:
        print('  ' + p)
    if len(problems) > SHOWN:
        print('  ... and %d more' % (len(problems) - SHOWN))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
