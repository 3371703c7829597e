#!/bin/sh
# test-editions.sh - portreg --diff OLD NEW (SPEC 8): an edition against
# itself is no change and exit 0; editions made from the 2026 XML with one
# change of each kind report each once with its before and after, in
# every output format; the 2025 CSV against the 2026 XML gives the same
# changes as an independent comparison (tests/check-diff.py).  TAP.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export PORTREG

# --- The same edition ------------------------------------------------------
out=$(timeout 30 "$PORTREG" --diff "$XML" "$XML"); st=$?
is "$st:$out" "0:" "--diff A A prints nothing and exits 0"
out=$(timeout 30 "$PORTREG" --diff -o json - "$XML" < "$XML"); st=$?
is "$st:$out" "0:" "--diff - A (A on standard input) prints nothing, exit 0"
out=$(timeout 30 "$PORTREG" --diff "$SEED" "$SEED" -o csv); st=$?
is "$st:$out" "0:" "the pasted-text excerpt against itself: nothing, exit 0"

# --- --diff and --since as option values ----------------------------------
# A word that is an option's value is that value, not an option: -e
# --diff searches for "--diff", -f --since opens a file of that name.
out=$(timeout 30 "$PORTREG" -f "$XML" -e --diff 2>&1); st=$?
is "$st:$out" "1:portreg: nothing found" "-e --diff searches for the text --diff"
out=$(timeout 30 "$PORTREG" -f "$XML" --reg --diff 2>&1); st=$?
is "$st:$out" "1:portreg: nothing found" "--reg (--regexp) --diff: the same"
out=$(timeout 30 "$PORTREG" -f --since 22 2>&1); st=$?
ok '[ $st = 2 ] && printf "%s" "$out" | grep -q -- "--since"' \
    "-f --since names a file, and it is missing"
out=$(timeout 30 "$PORTREG" -f "$XML" --since="$XML" 22 2>&1); st=$?
ok '[ $st = 2 ] && printf "%s" "$out" | grep -q "marks changes in the browser"' \
    "--since=FILE with a query is refused"

# --- One change of each kind ------------------------------------------------
# From the 2026 XML: portreg-test 10810/tcp added, finger/udp removed,
# qmtp/tcp moved to 9999, telnet/tcp's description changed, nbd/tcp's
# contact reassigned to Jon_Postel, Wouter_Verhelst's e-mail changed.
python3 - "$XML" "$tmp/new.xml" <<'EOF' || echo "Bail out! cannot make the edited edition"
import re, sys
s = open(sys.argv[1], encoding='utf-8').read()
def record(name, proto):
    m = [m for m in re.finditer(r'<record[^>]*>.*?</record>', s, re.S)
         if '<name>%s</name>' % name in m.group(0)
         and '<protocol>%s</protocol>' % proto in m.group(0)]
    assert len(m) == 1, (name, proto, len(m))
    return m[0]
def edit(name, proto, fn):
    global s
    m = record(name, proto)
    new = fn(m.group(0))
    assert new != m.group(0), name
    s = s[:m.start()] + new + s[m.end():]
edit('finger', 'udp', lambda r: '')
edit('qmtp', 'tcp', lambda r: re.sub(r'<number>\d+</number>',
                                     '<number>9999</number>', r))
edit('telnet', 'tcp', lambda r: r.replace('<description>Telnet<',
                                          '<description>Telnet (insecure)<'))
edit('nbd', 'tcp', lambda r: r.replace(
    '</assignee>\n    <xref type="person" data="Wouter_Verhelst"/>',
    '</assignee>\n    <xref type="person" data="Jon_Postel"/>'))
edit('nbd', 'tcp', lambda r: '<record><name>portreg-test</name>'
     '<protocol>tcp</protocol><description>Test service</description>'
     '<number>10810</number></record>\n  ' + r)
old = 'mailto:w&amp;uter.be'
assert s.count(old) == 1
s = s.replace(old, 'mailto:wouter&amp;example.org')
open(sys.argv[2], 'w', encoding='utf-8').write(s)
EOF
timeout 30 "$PORTREG" --diff -o json "$XML" "$tmp/new.xml" > "$tmp/d.json"
is "$?" 1 "--diff of two different editions exits 1"
python3 - "$tmp/d.json" > "$tmp/got" <<'EOF'
import json, sys
for c in json.load(open(sys.argv[1])):
    if 'person' in c:
        who = 'person %s' % c['person']
    else:
        who = '%s %s/%s-%s' % (c['service'], c['protocol'], c['port'],
                               c['port_end'])
    f = ' '.join('%s=%r>%r' % (k, v[0], v[1])
                 for k, v in sorted(c.get('fields', {}).items()))
    print(('%s %s %s' % (c['change'], who, f)).rstrip())
EOF
sort "$tmp/got" > "$tmp/got.s"
cat > "$tmp/want" <<'EOF'
added portreg-test tcp/10810-10810
changed nbd tcp/10809-10809 contacts='[Wouter_Verhelst]'>'[Jon_Postel]'
changed person Wouter_Verhelst email='w@uter.be'>'wouter@example.org'
changed telnet tcp/23-23 description='Telnet'>'Telnet (insecure)'
moved qmtp tcp/9999-9999 port='209'>'9999'
removed finger udp/79-79
EOF
if cmp -s "$tmp/got.s" "$tmp/want"; then
	ok true "-o json: each change once, with its before and after"
else
	ok false "-o json: each change once, with its before and after"
	diff "$tmp/want" "$tmp/got.s" | sed 's/^/# /'
fi

LC_ALL=C timeout 30 "$PORTREG" --diff "$XML" "$tmp/new.xml" > "$tmp/d.txt"
ok "grep -q '^records: 1 added, 1 removed, 1 moved, 2 changed' '$tmp/d.txt' &&
    grep -q '^people: 0 added, 0 removed, 1 changed' '$tmp/d.txt' &&
    grep -q '^compared: service, port, .*, email, uri' '$tmp/d.txt' &&
    grep -q '^    description: Telnet -> Telnet (insecure)' '$tmp/d.txt'" \
    "table: counted, grouped, fields compared, before -> after"
timeout 30 "$PORTREG" --diff -o csv "$XML" "$tmp/new.xml" > "$tmp/d.csv"
is "$(sed -n '1p' "$tmp/d.csv")" "change,service,protocol,port,port_end,person,field,before,after" "-o csv: the header"
ok "grep -qx 'moved,qmtp,tcp,9999,9999,,port,209,9999' '$tmp/d.csv' &&
    grep -qx 'removed,finger,udp,79,79,,,,' '$tmp/d.csv' &&
    [ \$(wc -l < '$tmp/d.csv') = 7 ]" "-o csv: one row per changed field"
timeout 30 "$PORTREG" --diff -o tsv "$XML" "$tmp/new.xml" > "$tmp/d.tsv"
ok "grep -q '^changed	telnet	tcp	23	23		description	Telnet	Telnet (insecure)\$' '$tmp/d.tsv'" "-o tsv: the same, tab-separated"

# The other way round: each change reversed.
timeout 30 "$PORTREG" --diff -o json "$tmp/new.xml" "$XML" > "$tmp/r.json"
ok "grep -q '\"change\":\"added\",\"service\":\"finger\"' '$tmp/r.json' &&
    grep -q '\"port\":\\[\"9999\",\"209\"\\]' '$tmp/r.json'" \
    "NEW OLD: the removed is added, the move goes back"

# A CSV against the XML it was written from: no people compared, so the
# e-mail is no change, and the output says what was compared.
timeout 30 "$PORTREG" -f "$tmp/new.xml" -o csv > "$tmp/new.csv"
timeout 30 "$PORTREG" --diff "$tmp/new.csv" "$tmp/new.xml" > "$tmp/same.txt"
is "$?:$(wc -c < "$tmp/same.txt")" "0:0" "a CSV against its own XML: identical"
timeout 30 "$PORTREG" --diff "$XML" "$tmp/new.csv" > "$tmp/x.txt"
ok "grep -q '^not compared (not in both forms): name, organization, email, uri' '$tmp/x.txt' &&
    ! grep -q 'email:' '$tmp/x.txt' &&
    grep -q '^records: 1 added, 1 removed, 1 moved, 2 changed' '$tmp/x.txt'" \
    "XML against CSV: people not compared, and it says so"

timeout 30 "$PORTREG" --diff -o json "$XML" "$tmp/new.csv" > /dev/null 2> "$tmp/err"
is "$(cat "$tmp/err")" "portreg: --diff: not compared (not in both forms): name, organization, email, uri" \
    "-o json: what was not compared goes to standard error"

# --- Usage ------------------------------------------------------------------
timeout 10 "$PORTREG" --diff "$XML" > /dev/null 2> "$tmp/err"; st=$?
ok "[ $st = 2 ] && grep -q 'takes two registries' '$tmp/err'" "--diff with one file: usage, exit 2"
timeout 10 "$PORTREG" --diff -o yaml "$XML" "$XML" > /dev/null 2> "$tmp/err"; st=$?
ok "[ $st = 2 ] && grep -q 'unknown output format' '$tmp/err'" "--diff -o yaml: exit 2"

# --- The 2025 CSV against the 2026 XML ----------------------------------------
if need_shared; then
	out=$(timeout 60 python3 "$top_srcdir/tests/check-diff.py" "$CSV" "$XML" 2>&1); st=$?
	echo "$out" | sed 's/^/# /'
	is "$st" 0 "2025 CSV -> 2026 XML: the changes an independent comparison finds"
	out=$(timeout 60 python3 "$top_srcdir/tests/check-diff.py" "$XML" "$CSV" 2>&1); st=$?
	echo "$out" | sed 's/^/# /'
	is "$st" 0 "2026 XML -> 2025 CSV: the same, reversed"
else
	skip_part 2 "the 2025 CSV: $SHARED_WHY"
fi
done_testing
