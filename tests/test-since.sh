#!/bin/sh
# test-since.sh - the browser's --since (SPEC 8), in tmux: rows added,
# changed, moved and removed since an older edition are marked in the
# marker column, . and , step through them, the detail pane shows each
# changed field's before -> after, the changed: prefix filters them, and
# --since DATE takes the newest kept edition on or before DATE.  TAP.
. "$top_srcdir/tests/lib.sh"

tmux_init since || skip_all "tmux is absent"
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"
XDG_DATA_HOME=$WORK/xdg
export XDG_DATA_HOME
unset PORTREG_FILE

# Two small editions from the XML excerpt: finger/tcp's description
# changed, whois++/tcp removed, and a record added at port 80.
EX=$top_srcdir/tests/data/xml-excerpt.xml
sed -e 's|<description>Finger</description>|<description>Finger (retired)</description>|' \
    "$EX" > "$WORK/new.xml"
python3 - "$WORK/new.xml" <<'PY' || echo "Bail out! cannot edit the excerpt"
import re, sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
m = [m for m in re.finditer(r'<record[^>]*>.*?</record>\s*', s, re.S)
     if '<name>whois++</name>' in m.group(0)
     and '<protocol>tcp</protocol>' in m.group(0)]
assert len(m) == 1
s = s[:m[0].start()] + s[m[0].end():]
at = s.index('<name>http</name>')
at = s.rindex('<record', 0, at)
s = s[:at] + ('<record><name>portreg-test</name><protocol>tcp</protocol>'
              '<description>Test</description><number>80</number>'
              '</record>\n  ') + s[at:]
open(p, 'w', encoding='utf-8').write(s)
PY

start 120 40 -- -f "$WORK/new.xml" --since "$EX"
check "--since FILE: the counts on the message line" \
    'Since 2026-08-17: 1 added, 1 removed, 0 moved, 1 changed'
keys '.'
check ". goes to the first change: the removed row, listed, marked -" \
    '^-63 +tcp +whois\+\+'
check "... and says which change it is" 'Change 1 of 3'
check "the detail of a removed row says so" 'Since +removed since'
keys '.'
check ". again: finger/tcp changed, marked ~" '^~79 +tcp +finger'
check "the detail pane shows the description before -> after" \
    'Description +Finger → Finger \(retired\)'
keys '.'
check ". again: the added row, marked +" '^\+80 +tcp +portreg-test'
check "the detail pane says it was added" 'Since +added since'
keys '.'
check ". wraps to the top, and says so" 'Wrapped to the top: Change 1 of 3'
keys ','
check ", goes back, wrapping to the bottom" 'Wrapped to the bottom: Change 3 of 3'
keys ','
check ", again: the changed row" 'Change 2 of 3'
keys '&'; lit 'changed:desc'; keys Enter
check "filter changed:desc keeps the row whose description changed" \
    'filtered: 1 of'
check "... finger" '^.79 +tcp +finger'
keys '&'; lit 'changed:added|removed'; keys Enter
check "filter changed:added|removed keeps the added and removed rows" \
    'filtered: 2 of'
keys Escape
keys '&'; lit 'changed:'; keys Enter
check "filter changed: alone keeps every changed row" 'filtered: 3 of'
quits "q quits" q

start 120 40 -- -f "$EX"
keys '.'
check ". without --since says how to get changes" 'start portreg with --since'
keys '&'; lit 'changed:x'; keys Enter
check "changed: without --since is an error that says why" \
    'changed: marks changes since an older edition'
quits "q quits" q

# --since DATE: the newest edition --update kept on or before DATE.
mkdir -p "$XDG_DATA_HOME/portreg"
cp "$EX" "$XDG_DATA_HOME/portreg/edition-2026-08-17.xml"
sed 's|<description>Finger</description>|<description>F</description>|' \
    "$EX" > "$XDG_DATA_HOME/portreg/edition-2026-09-01.xml"
start 120 40 -- -f "$WORK/new.xml" --since 2026-08-31
check "--since DATE: the kept edition on or before DATE" \
    'Since 2026-08-17: 1 added, 1 removed, 0 moved, 1 changed'
quits "q quits" q
start 120 40 -- -f "$EX" --since 2020-01-01
check "--since DATE with no edition that old: a clear error" \
    'portreg: --since 2020-01-01: no edition kept on or before that date'
check "... and exit status 2" '^portreg exited 2$'
out=$(timeout 10 "$PORTREG" -f "$EX" --since "$EX" 79 2>&1)
is "$?:$out" "2:portreg: --since marks changes in the browser: it takes no QUERY, -e or -o, and a terminal" \
    "--since with a lookup: a usage error, exit 2"

# The acceptance: the 2025 CSV under the 2026 XML.
if need_shared; then
	start 140 40 -- -f "$XML" --since "$CSV"
	check "2026 XML since the 2025 CSV: the counts" \
	    'Since .*2025-07.csv: 87 added, 28 removed, 0 moved, 59 changed'
	keys '.'
	check ". goes to the first change, smtp/tcp, marked ~" '^~25 +tcp +smtp'
	check "its detail: references before -> after" \
	    'References +\[RFC5321\] → \[RFC-ietf-emailcore-rfc5321bis-43\]'
	keys '.'
	check ". then smtp/udp" 'Change 2 of 174'
	keys '&'; lit 'changed:contacts'; keys Enter
	check "filter changed:contacts" 'filtered: [1-9][0-9]* of'
	quits "q quits" q
else
	skip_part 5 "the 2025 CSV: $SHARED_WHY"
fi
done_testing
