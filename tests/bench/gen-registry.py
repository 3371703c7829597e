#!/usr/bin/env python3
"""gen-registry.py - a synthetic IANA port registry N times the real one.

Reads the real registry and writes one N times its size, for the 100x
rows of `make bench`:

    gen-registry.py -n 100 -o registry-100x.xml            # from the XML
    gen-registry.py -n 100 --csv -o registry-100x.csv      # from the CSV

Each record of the real file is written N times in a row: copy 0 is the
record itself, byte for byte, and copy k (1 <= k < N) is the same record
with
  - its service name suffixed "-k" (an empty or absent name stays so),
  - every person id it names suffixed "_xk" (assignees, contacts and
    person xrefs inside notes), so references resolve to copy k of the
    person, and dangling ones stay dangling,
  - its registration and modification dates shifted back by
    (97 k mod 2557) days (YYYY-MM dates by whole months),
and everything else (ports, protocol, description, multi-line notes,
references, service code, unauthorized use) unchanged.  Likewise each
person is written N times: copy k has id "ID_xk", the e-mail address
"local+k&domain" and its updated date shifted; name, organization and
other URIs unchanged.

So the synthetic registry keeps the real one's order (by port, service
name only records last), its distributions of fields, gaps, Reserved
rows, people per record, multi-line text and dangling references; what
changes is that every port carries N times as many rows (ports stop at
65535, so N x the rows means N x the rows per port) and the people
table is N times as long.  With -n 1 the output is the input, unchanged.

The XML is rewritten as text (never re-serialized), so entities, child
order, white space and mixed content stay as IANA wrote them.

Python 3 standard library only.
"""

import argparse
import csv
import datetime
import io
import os
import re
import sys

XML_NAME = "service-names-port-numbers-2026-08-17.xml"
CSV_NAME = "service-names-port-numbers-2025-07.csv"

PERSON_SUFFIX = "_x%d"


def default_dir():
    d = os.environ.get("PORTREG_REGISTRY_DIR")
    if d:
        return d
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared",
                                         "registry"))


class DateShift:
    """Shift "YYYY-MM-DD" / "YYYY-MM" dates back by copy k's offset."""

    def __init__(self):
        self.cache = {}

    @staticmethod
    def days(k):
        return (97 * k) % 2557

    def __call__(self, value, k):
        key = (value, k)
        r = self.cache.get(key)
        if r is None:
            r = self.shift(value, k)
            self.cache[key] = r
        return r

    def shift(self, value, k):
        d = self.days(k)
        if k == 0 or d == 0:
            return value
        try:
            if len(value) == 10:
                t = datetime.date.fromisoformat(value)
                return (t - datetime.timedelta(days=d)).isoformat()
            if len(value) == 7 and value[4] == "-":
                y, m = int(value[:4]), int(value[5:])
                if not 1 <= m <= 12:
                    return value
                months = y * 12 + (m - 1) - round(d / 30.44)
                return "%04d-%02d" % (months // 12, months % 12 + 1)
        except ValueError:
            pass
        return value		# not a date we know: leave it


# --- XML ---------------------------------------------------------------

RECORD_RE = re.compile(r"(<record\b.*?</record>)", re.S)
PEOPLE_RE = re.compile(r"(<person\b.*?</person>)", re.S)

# Slots of a record that change per copy.
RECORD_SLOT_RE = re.compile(
    r'(?P<name><name>)(?P<nv>[^<]+)(?=</name>)'
    r'|(?P<date> (?:date|updated)=")(?P<dv>[^"]*)(?=")'
    r'|(?P<xref><xref type="person" data=")(?P<xv>[^"]*)(?=")')
# Slots of a person.
PERSON_SLOT_RE = re.compile(
    r'(?P<id><person id=")(?P<iv>[^"]*)(?=")'
    r'|(?P<mail><uri>mailto:)(?P<mv>[^<]*)(?=</uri>)'
    r'|(?P<upd><updated>)(?P<uv>[^<]*)(?=</updated>)')

NAME, DATE, PERSON, MAIL = range(4)


def mail_copy(value, k):
    """local&amp;domain -> local+k&amp;domain (or before a real @)."""
    for at in ("&amp;", "@"):
        i = value.find(at)
        if i > 0:
            return "%s+%d%s" % (value[:i], k, value[i:])
    return value


def template(text, slot_re, kinds):
    """Split text into literal strings and (kind, value) slots."""
    parts = []
    last = 0
    for m in slot_re.finditer(text):
        for group, kind in kinds:
            if m.group(group) is not None:
                vgroup = kind[1]
                parts.append(text[last:m.end(group)])
                parts.append((kind[0], m.group(vgroup)))
                last = m.end(vgroup)
                break
    parts.append(text[last:])
    return parts


def render(parts, k, shift):
    if k == 0:
        return "".join(p if isinstance(p, str) else p[1] for p in parts)
    out = []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
            continue
        kind, v = p
        if kind == NAME:
            out.append("%s-%d" % (v, k))
        elif kind == DATE:
            out.append(shift(v, k))
        elif kind == PERSON:
            out.append(v + PERSON_SUFFIX % k)
        else:
            out.append(mail_copy(v, k))
    return "".join(out)


def split_blocks(text, block_re):
    """[prefix, block, sep, block, sep, ..., block, suffix] -> pieces."""
    pieces = block_re.split(text)
    # pieces: text, block, text, block, ..., text
    return pieces[0], pieces[1::2], pieces[2:-1:2], pieces[-1]


def gen_xml(src, n, out):
    text = src
    start = text.find("<record")
    ppl = text.find("<people>")
    if start < 0 or ppl < 0:
        sys.exit("gen-registry: no <record> or <people> in the input")
    rec_head, records, rec_seps, rec_tail = split_blocks(text[:ppl],
                                                         RECORD_RE)
    ppl_head, persons, ppl_seps, ppl_tail = split_blocks(text[ppl:],
                                                         PEOPLE_RE)
    shift = DateShift()
    rec_kinds = [("name", (NAME, "nv")), ("date", (DATE, "dv")),
                 ("xref", (PERSON, "xv"))]
    per_kinds = [("id", (PERSON, "iv")), ("mail", (MAIL, "mv")),
                 ("upd", (DATE, "uv"))]

    # Person ids must stay unique across copies.
    ids = set(re.findall(r'<person id="([^"]*)"', "".join(persons)))
    for k in range(1, n):
        for i in ids:
            if i + PERSON_SUFFIX % k in ids:
                sys.exit("gen-registry: id %r collides" % i)

    def blocks(items, seps, slot_re, kinds):
        sep_between = seps[0] if seps else "\n"
        for idx, item in enumerate(items):
            parts = template(item, slot_re, kinds)
            for k in range(n):
                yield render(parts, k, shift)
                if k < n - 1:
                    yield sep_between
            if idx < len(seps):
                yield seps[idx]

    out.write(rec_head)
    buf = []
    size = 0
    for chunk in blocks(records, rec_seps, RECORD_SLOT_RE, rec_kinds):
        buf.append(chunk)
        size += len(chunk)
        if size > 1 << 20:
            out.write("".join(buf))
            buf, size = [], 0
    out.write("".join(buf))
    out.write(rec_tail)
    out.write(ppl_head)
    buf = []
    for chunk in blocks(persons, ppl_seps, PERSON_SLOT_RE, per_kinds):
        buf.append(chunk)
    out.write("".join(buf))
    out.write(ppl_tail)


# --- CSV ---------------------------------------------------------------

PEOPLE_FIELD_RE = re.compile(r"^(\[[^\[\]]+\])+$")
PERSON_ID_RE = re.compile(r"\[([^\[\]]+)\]")


def gen_csv(src, n, out):
    rows = csv.reader(io.StringIO(src, newline=""))
    w = csv.writer(out, lineterminator="\n")
    header = next(rows)
    w.writerow(header)
    shift = DateShift()
    for row in rows:
        w.writerow(row)
        if len(row) < 12:
            for k in range(1, n):
                w.writerow(row)
            continue
        for k in range(1, n):
            r = list(row)
            if r[0]:
                r[0] = "%s-%d" % (r[0], k)
            for c in (4, 5):
                if PEOPLE_FIELD_RE.match(r[c]):
                    r[c] = PERSON_ID_RE.sub(
                        lambda m: "[%s%s]" % (m.group(1),
                                              PERSON_SUFFIX % k), r[c])
            for c in (6, 7):
                if r[c]:
                    r[c] = shift(r[c], k)
            w.writerow(r)


def main():
    ap = argparse.ArgumentParser(
        description="Write a synthetic registry N times the real one.")
    ap.add_argument("-n", type=int, default=100,
                    help="how many times the real registry (default 100)")
    ap.add_argument("--csv", action="store_true",
                    help="write CSV (from the real CSV) instead of XML")
    ap.add_argument("-i", "--input",
                    help="the real registry (default: $PORTREG_REGISTRY_DIR/"
                    + XML_NAME + " or " + CSV_NAME + "; for XML, the "
                    "shipped data/service-names-port-numbers.xml when that "
                    "is absent)")
    ap.add_argument("-o", "--output", default="-",
                    help="output file (default standard output); written "
                    "to FILE.tmp and renamed when complete")
    a = ap.parse_args()
    if a.n < 1:
        ap.error("-n must be at least 1")
    path = a.input or os.path.join(default_dir(),
                                   CSV_NAME if a.csv else XML_NAME)
    if not a.input and not a.csv and not os.path.isfile(path):
        # The same 2026 XML, shipped in data/.
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "data",
                            "service-names-port-numbers.xml")
    with open(path, encoding="utf-8", newline="") as f:
        src = f.read()
    if a.output == "-":
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8",
                               newline="")
        (gen_csv if a.csv else gen_xml)(src, a.n, out)
        out.flush()
        return
    tmp = a.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="",
              buffering=1 << 20) as out:
        (gen_csv if a.csv else gen_xml)(src, a.n, out)
    os.replace(tmp, a.output)


if __name__ == "__main__":
    main()
