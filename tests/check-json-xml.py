#!/usr/bin/env python3
"""check-json-xml.py - compare portreg's JSON with an independent XML reader.

Usage: tests/check-json-xml.py [--portreg PATH] FILE.xml

Reads FILE.xml (an IANA service-names-port-numbers registry) with Python's
xml.etree, runs `PORTREG -f FILE -o json` (PORTREG from --portreg, else
$PORTREG, else `portreg` on PATH) and compares the two record by record, in
registry order:
  identical:  service, port, port_end, protocol, assignee ids, contact ids,
              registered, modified, links (each reference's URL, computed
              here from the xref's type and data alone)
  identical after collapsing runs of white space:
              description, notes, references, unauthorized_use, service_code
It prints a summary and exits 1 on any mismatch (listing the first 20),
2 when it cannot run at all, 0 when everything agrees.

The reading rules are the registry's (SPEC.md section 1), written again here
without looking at the C loader: a person xref inside <assignee> is an
assignee, one at record level a contact, and without an <assignee> the
record-level people are both; other record-level xrefs are references,
written as IANA's CSV writes them inside brackets (rfc6335 -> RFC6335, an
xref's own text where it has one); inside text, <br/> is a line break and an
xref is "[label]".
"""

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''


def xref_label(e):
    """The CSV's rendering of an xref (without brackets)."""
    text = ''.join(e.itertext()).strip()
    if text:
        return text
    kind = e.get('type', '')
    data = (e.get('data') or '').strip()
    if kind == 'rfc' and data.lower().startswith('rfc'):
        data = 'RFC' + data[3:]
    section = (e.get('section') or '').strip()
    if kind in ('rfc', 'draft') and data and section:
        data += ', Section ' + section
    return data


def xref_link(e):
    """The URL of a reference xref, from its data alone: an rfc on the
    RFC Editor's site, a draft (or an RFC to be, RFC-ietf-...) on the
    datatracker, an http(s) uri itself; None for text."""
    kind = e.get('type', '')
    data = (e.get('data') or '').strip()
    if kind == 'rfc' and re.fullmatch(r'(?i)rfc\d{1,5}', data):
        return 'https://www.rfc-editor.org/rfc/rfc' + data[3:]
    if kind == 'draft' and data.startswith('RFC-'):
        return 'https://datatracker.ietf.org/doc/draft-%s/' % data[4:]
    if kind == 'draft' and data.startswith('draft-'):
        return 'https://datatracker.ietf.org/doc/%s/' % data
    if kind == 'uri' and re.match(r'(?i)https?://', data):
        return data.split()[0]
    return None


def mixed(e):
    """Text of a mixed-content element: <br/> -> newline, xref -> [label]."""
    out = []

    def walk(el):
        if el.text:
            out.append(el.text)
        for c in el:
            t = local(c.tag)
            if t == 'br':
                out.append('\n')
            elif t == 'xref':
                label = xref_label(c)
                if label:
                    out.append('[' + label + ']')
            elif t == 'paragraph':
                out.append('\n')
                walk(c)
                out.append('\n')
            else:
                walk(c)
            if c.tail:
                out.append(c.tail)

    walk(e)
    s = ''.join(out).strip()
    return s or None


def plain(e):
    if e is None:
        return None
    s = ''.join(e.itertext()).strip()
    return s or None


def read_xml(path):
    root = ET.parse(path).getroot()
    if local(root.tag) != 'registry':
        raise SystemExit('%s: root is <%s>, expected <registry>' %
                         (path, local(root.tag)))
    records = []
    for r in root:
        if local(r.tag) != 'record':
            continue
        d = {'service': None, 'port': None, 'port_end': None,
             'protocol': None, 'description': None, 'notes': None,
             'unauthorized_use': None, 'service_code': None,
             'registered': (r.get('date') or '').strip() or None,
             'modified': (r.get('updated') or '').strip() or None,
             'assignees': [], 'contacts': [], 'references': [],
             'links': [], 'line': None}
        has_assignee = False
        for c in r:
            t = local(c.tag)
            if t == 'name':
                d['service'] = plain(c)
            elif t == 'protocol':
                p = plain(c)
                d['protocol'] = p.lower() if p else None
            elif t == 'number':
                n = plain(c)
                if n:
                    m = re.fullmatch(r'(\d+)(?:-(\d+))?', n)
                    if m:
                        d['port'] = int(m.group(1))
                        d['port_end'] = int(m.group(2) or m.group(1))
            elif t == 'description':
                d['description'] = mixed(c)
            elif t == 'note':
                d['notes'] = mixed(c)
            elif t == 'unauthorized':
                d['unauthorized_use'] = mixed(c)
            elif t == 'sc':
                d['service_code'] = plain(c)
            elif t == 'assignee':
                for x in c:
                    if local(x.tag) == 'xref' and x.get('type') == 'person':
                        pid = (x.get('data') or '').strip()
                        if pid:
                            d['assignees'].append(pid)
                            has_assignee = True
            elif t == 'xref':
                if c.get('type') == 'person':
                    pid = (c.get('data') or '').strip() or plain(c)
                    if pid:
                        d['contacts'].append(pid)
                else:
                    label = xref_label(c)
                    if label:
                        d['references'].append(label)
                        d['links'].append(xref_link(c))
        if not has_assignee:
            d['assignees'] = list(d['contacts'])
        records.append(d)
    return records


def ws(s):
    if s is None:
        return None
    s = ' '.join(s.split())
    return s or None


EXACT = ('service', 'port', 'port_end', 'protocol', 'registered', 'modified')
LOOSE = ('description', 'notes', 'unauthorized_use', 'service_code')


def compare(x, j):
    """Differences between the XML record x and the JSON object j."""
    diffs = []
    for k in EXACT:
        if x[k] != j.get(k):
            diffs.append((k, x[k], j.get(k)))
    for k in LOOSE:
        if ws(x[k]) != ws(j.get(k)):
            diffs.append((k, x[k], j.get(k)))
    for k in ('assignees', 'contacts'):
        ids = [p.get('id') if isinstance(p, dict) else p
               for p in (j.get(k) or [])]
        if x[k] != ids:
            diffs.append((k, x[k], ids))
    refs = [ws(s) for s in (j.get('references') or [])]
    if [ws(s) for s in x['references']] != refs:
        diffs.append(('references', x['references'], j.get('references')))
    if x['links'] != j.get('links'):
        diffs.append(('links', x['links'], j.get('links')))
    return diffs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--portreg', default=os.environ.get('PORTREG', 'portreg'))
    ap.add_argument('file')
    a = ap.parse_args()

    try:
        xrecs = read_xml(a.file)
    except (OSError, ET.ParseError) as e:
        print('check-json-xml: %s: %s' % (a.file, e), file=sys.stderr)
        return 2
    try:
        p = subprocess.run([a.portreg, '-f', a.file, '-o', 'json'],
                           stdout=subprocess.PIPE, check=False)
    except OSError as e:
        print('check-json-xml: cannot run %s: %s' % (a.portreg, e),
              file=sys.stderr)
        return 2
    if p.returncode != 0:
        print('check-json-xml: %s exited %d' % (a.portreg, p.returncode),
              file=sys.stderr)
        return 2
    try:
        jrecs = json.loads(p.stdout.decode('utf-8'))
    except ValueError as e:
        print('check-json-xml: output is not JSON: %s' % e, file=sys.stderr)
        return 2

    problems = []
    if len(xrecs) != len(jrecs):
        problems.append('record count: XML %d, JSON %d' %
                        (len(xrecs), len(jrecs)))
    bad = 0
    fields = {}
    for i, (x, j) in enumerate(zip(xrecs, jrecs)):
        d = compare(x, j)
        if not d:
            continue
        bad += 1
        for k, xv, jv in d:
            fields[k] = fields.get(k, 0) + 1
            if len(problems) < 20:
                problems.append('record %d (%s %s/%s) %s: XML %r, JSON %r' %
                                (i + 1, x['service'] or '-', x['port'],
                                 x['protocol'], k, xv, jv))
    n = min(len(xrecs), len(jrecs))
    print('check-json-xml: %s: %d XML records, %d JSON records, '
          '%d compared, %d agree, %d differ' %
          (a.file, len(xrecs), len(jrecs), n, n - bad, bad))
    if fields:
        print('  differing fields: ' + ', '.join(
            '%s %d' % kv for kv in sorted(fields.items())))
    for line in problems[:20]:
        print('  ' + line)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
