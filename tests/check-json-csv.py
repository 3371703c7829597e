#!/usr/bin/env python3
"""check-json-csv.py - compare portreg's reading of a CSV registry with an
independent one (Python's csv module), record by record.

Usage:
  check-json-csv.py [--portreg PATH] [--format-in FMT] FILE.csv
      Read FILE.csv with the csv module and compare each row with the
      record `portreg -f FILE.csv -o json` prints, in order.  Identical:
      service, port, port_end, protocol, assignee ids, contact ids,
      registered, modified (and kind: a named row is an assignment,
      else the description's "Reserved" / "Unassigned" prefix decides).
      Identical after collapsing runs of white space: description, notes,
      references, unauthorized use, service code.
  check-json-csv.py --round-trip [--via csv|tsv] [--portreg PATH]
                    [--format-in FMT] FILE
      `portreg -f FILE -o csv` (or -o tsv), loaded back by portreg, must
      give the same JSON as FILE itself.  FILE may be any format portreg reads; people
      details (name, e-mail, ...) are not in IANA's CSV, so when FILE has
      them only the person ids must survive (counted, not a mismatch),
      and so for the URL of a reference with a label of its own (XML).

PORTREG (environment) or --portreg names the program; default "portreg".
--format-in FMT is passed on to portreg when it reads FILE (content
detection only knows IANA's own column order).
Prints one summary line; exit 0 when everything matches, 1 on mismatches
(the first 20 listed), 2 when portreg or the file cannot be read.
"""

import csv
import json
import os
import re
import subprocess
import sys
import tempfile

COLUMNS = {
    "service name": "service",
    "port number": "port",
    "transport protocol": "protocol",
    "description": "description",
    "assignee": "assignee",
    "contact": "contact",
    "registration date": "registered",
    "modification date": "modified",
    "reference": "reference",
    "service code": "service_code",
    "unauthorized use reported": "unauthorized",
    "assignment notes": "notes",
}
SHOWN = 20


def die(msg):
    print("check-json-csv: " + msg, file=sys.stderr)
    sys.exit(2)


FORMAT_IN = []


def portreg_json(portreg, path, opts=()):
    """Records as portreg prints them with -o json."""
    try:
        p = subprocess.run([portreg, "-f", path, *opts, "-o", "json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL)
    except OSError as e:
        die("cannot run %s: %s" % (portreg, e))
    if p.returncode != 0:
        die("%s -f %s -o json: exit %d: %s" % (portreg, path, p.returncode,
            p.stderr.decode("utf-8", "replace").strip()))
    try:
        return json.loads(p.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        die("%s -o json printed invalid JSON: %s" % (portreg, e))


def text(s):
    """A text field: None when empty, else stripped."""
    s = s.strip()
    return s if s else None


def squash(s):
    """Runs of white space collapsed, for the free-text fields."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s).strip()
    return s if s else None


def people(s):
    """Ids of "[A][B]" (blanks between allowed); text that is not such a
    list is one id, as portreg's loader keeps it (with a warning)."""
    s = s.strip()
    if not s:
        return []
    if re.fullmatch(r"(\s*\[[^\[\]]+\])+\s*", s):
        return re.findall(r"\[([^\[\]]+)\]", s)
    return [s]


def refs(s):
    """Contents of the top-level bracket groups ("[1][RFC4727]",
    "[RFC8765, Section 6.1]"); text that is not all bracketed is one."""
    s = s.strip()
    if not s:
        return []
    out, depth, start, i = [], 0, 0, 0
    for i, c in enumerate(s):
        if depth == 0:
            if c.isspace():
                continue
            if c != "[":
                return [s]
            depth, start = 1, i + 1
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                out.append(s[start:i].strip())
    if depth != 0:
        return [s]
    return [r for r in out if r]


def port(s):
    s = s.strip()
    if not s:
        return None, None
    m = re.fullmatch(r"(\d+)\s*-\s*(\d+)", s)
    if m:
        return int(m.group(1)), int(m.group(2))
    return int(s), int(s)


def kind(service, desc):
    """registry.c's rule: a named row is an assignment, whatever its
    description says ("stun-behaviors", "Reserved for a future ...")."""
    if service is not None:
        return "assigned"
    d = (desc or "").lower()
    if d.startswith("reserved"):
        return "reserved"
    if d.startswith("unassigned") or d.startswith("(unassigned)"):
        return "unassigned"
    return "assigned"


def read_csv(path):
    """(first line, expected JSON-like dict) for each row."""
    try:
        f = open(path, newline="", encoding="utf-8-sig")
    except OSError as e:
        die("%s: %s" % (path, e))
    rows = []
    with f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            die("%s: empty" % path)
        cols = [COLUMNS.get(h.strip().lower()) for h in header]
        missing = set(COLUMNS.values()) - set(cols)
        if missing:
            die("%s: no column %s in the header" % (path,
                ", ".join(sorted(missing))))
        line = reader.line_num + 1
        for row in reader:
            first, line = line, reader.line_num + 1
            if not any(c.strip() for c in row):
                continue
            v = dict.fromkeys(COLUMNS.values(), "")
            for name, val in zip(cols, row):
                if name is not None:
                    v[name] = val
            lo, hi = port(v["port"])
            proto = v["protocol"].strip().lower()
            desc = text(v["description"])
            service = text(v["service"])
            rows.append((first, {
                "service": service,
                "port": lo,
                "port_end": hi,
                "protocol": proto if proto else None,
                "description": desc,
                "assignees": people(v["assignee"]),
                "contacts": people(v["contact"]),
                "registered": text(v["registered"]),
                "modified": text(v["modified"]),
                "references": refs(v["reference"]),
                "service_code": text(v["service_code"]),
                "unauthorized_use": text(v["unauthorized"]),
                "notes": text(v["notes"]),
                "kind": kind(service, desc),
            }))
    return rows


EXACT = ("service", "port", "port_end", "protocol", "registered",
         "modified", "kind")
SQUASHED = ("description", "notes", "unauthorized_use", "service_code")


def short(v):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 70 else s[:67] + "..."


def compare_csv(portreg, path):
    expected = read_csv(path)
    got = portreg_json(portreg, path, FORMAT_IN)
    problems = []
    if len(got) != len(expected):
        problems.append("record count: csv module %d, portreg %d"
                        % (len(expected), len(got)))
    matched = 0
    for i, ((line, want), have) in enumerate(zip(expected, got)):
        bad = []
        for k in EXACT:
            if want[k] != have.get(k):
                bad.append((k, want[k], have.get(k)))
        for k in SQUASHED:
            if squash(want[k]) != squash(have.get(k)):
                bad.append((k, want[k], have.get(k)))
        for k in ("assignees", "contacts"):
            ids = [p.get("id") for p in have.get(k) or []]
            if want[k] != ids:
                bad.append((k, want[k], ids))
        wr = [squash(r) for r in want["references"]]
        hr = [squash(r) for r in have.get("references") or []]
        if wr != hr:
            bad.append(("references", want["references"],
                        have.get("references")))
        if bad:
            for k, w, h in bad:
                problems.append("record %d (line %d) %s: csv %s, portreg %s"
                                % (i + 1, line, k, short(w), short(h)))
        else:
            matched += 1
    report("csv module vs portreg -o json", path, len(expected), matched,
           problems)


def compare_round_trip(portreg, path, via="csv"):
    first = portreg_json(portreg, path, FORMAT_IN)
    try:
        p = subprocess.run([portreg, "-f", path, *FORMAT_IN, "-o", via],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL)
    except OSError as e:
        die("cannot run %s: %s" % (portreg, e))
    if p.returncode != 0:
        die("%s -f %s -o %s: exit %d: %s" % (portreg, path, via,
            p.returncode, p.stderr.decode("utf-8", "replace").strip()))
    fd, tmp = tempfile.mkstemp(suffix="." + via, prefix="portreg-rt-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(p.stdout)
        second = portreg_json(portreg, tmp)
    finally:
        os.unlink(tmp)
    problems = []
    if len(first) != len(second):
        problems.append("record count: %d, after -o csv %d"
                        % (len(first), len(second)))
    matched = details_lost = links_lost = 0
    for i, (a, b) in enumerate(zip(first, second)):
        bad = []
        lost = False
        for k in sorted(set(a) | set(b)):
            if a.get(k) == b.get(k):
                continue
            if (k == "links" and a.get("references") == b.get("references")
                    and len(a.get(k) or []) == len(b.get(k) or [])):
                # The URL of a reference with its own label (an XML
                # xref's data) has no column: counted, not a mismatch.
                links_lost += 1
                continue
            if k in ("assignees", "contacts"):
                ia = [x.get("id") for x in a.get(k) or []]
                ib = [x.get("id") for x in b.get(k) or []]
                if ia == ib:
                    lost = True
                    continue
            bad.append((k, a.get(k), b.get(k)))
        details_lost += lost
        if bad:
            name = a.get("service") or a.get("description")
            for k, x, y in bad:
                problems.append("record %d (%s %s/%s) %s: %s, after -o %s %s"
                                % (i + 1, name, a.get("port"),
                                   a.get("protocol"), k, short(x), via,
                                   short(y)))
        else:
            matched += 1
    extra = ""
    if details_lost:
        extra = "; %d with people details the %s cannot carry" % (
            details_lost, via.upper())
    if links_lost:
        extra += "; %d with labelled references' URLs the %s cannot carry" % (
            links_lost, via.upper())
    report("round trip through -o " + via, path, len(first), matched,
           problems, extra)


def report(what, path, n, matched, problems, extra=""):
    for p in problems[:SHOWN]:
        print("  " + p)
    if len(problems) > SHOWN:
        print("  ... and %d more" % (len(problems) - SHOWN))
    print("check-json-csv: %s: %s: %d records, %d identical, %d mismatches%s"
          % (what, path, n, matched, len(problems), extra))
    sys.exit(1 if problems else 0)


def main(argv):
    portreg = os.environ.get("PORTREG") or "portreg"
    round_trip = False
    via = "csv"
    args = []
    it = iter(argv)
    for a in it:
        if a == "--round-trip":
            round_trip = True
        elif a == "--via":
            via = next(it, None) or die("--via needs csv or tsv")
        elif a == "--format-in":
            FORMAT_IN[:] = ["--format-in",
                            next(it, None) or die("--format-in needs a format")]
        elif a == "--portreg":
            portreg = next(it, None) or die("--portreg needs a path")
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if len(args) != 1:
        die("usage: check-json-csv.py [--round-trip [--via FMT]] "
            "[--portreg PATH] "
            "[--format-in FMT] FILE")
    if round_trip:
        compare_round_trip(portreg, args[0], via)
    else:
        compare_csv(portreg, args[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
