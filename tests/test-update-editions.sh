#!/bin/sh
# test-update-editions.sh - portreg --update keeps the editions it
# replaces (edition-DATE.EXT in the data folder, the last 10) and says
# what changed against the previous one, "unchanged" when nothing did;
# over real HTTP on 127.0.0.1 (tests/http-server.py), serving two
# editions of tests/data/xml-excerpt.xml.  Bounded: every run under
# `timeout`, files of a few kilobytes in a temporary folder.  TAP.
. "$top_srcdir/tests/lib.sh"
for prog in python3 curl; do
	command -v $prog >/dev/null 2>&1 && continue
	[ "${CI:-}" = true ] && { echo "Bail out! $prog missing under CI"; exit 1; }
	skip_all "$prog is not installed"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-editions.XXXXXX")
srv=
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# Two editions: the excerpt (2026-08-17), and a later one in which
# finger/tcp's description changed.
www=$tmp/www
mkdir -p "$www"
cp "$top_srcdir/tests/data/xml-excerpt.xml" "$www/e1.xml"
sed -e 's|<updated>2026-08-17</updated>|<updated>2026-09-30</updated>|' \
    -e 's|<description>Finger</description>|<description>Finger (retired)</description>|' \
    "$www/e1.xml" > "$www/e2.xml"

timeout 300 python3 "$top_srcdir/tests/http-server.py" "$www" "$tmp/port" \
    >/dev/null 2>&1 &
srv=$!
url=http://127.0.0.1:$(wait_port "$tmp/port" "the HTTP server")

XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
unset PORTREG_FILE
dir=$XDG_DATA_HOME/portreg
run() { timeout 60 "$PORTREG" "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

is "$(run --update "$url/e1.xml")" 0 "first update: exit 0"
ok 'grep -q "^no earlier edition kept" "$tmp/out"' \
    "first update: nothing to compare, and it says so"

is "$(run --update "$url/e2.xml")" 0 "second update, another edition: exit 0"
ok 'grep -qx "changes since $dir/edition-2026-08-17.xml:" "$tmp/out" &&
    grep -qx "records: 0 added, 0 removed, 0 moved, 1 changed; people: 0 added, 0 removed, 0 changed" "$tmp/out" &&
    grep -qx "  changed finger 79/tcp: description" "$tmp/out"' \
    "second update: the counts, then the change"
sed 's/^/# /' "$tmp/out" | tail -4
ok 'cmp -s "$dir/edition-2026-08-17.xml" "$www/e1.xml" &&
    cmp -s "$dir/service-names-port-numbers.xml" "$www/e2.xml"' \
    "the data folder holds both editions, byte for byte"
run --check >/dev/null
is "$(head -1 "$tmp/out" | cut -d: -f1)" "$dir/service-names-port-numbers.xml" \
    "without -f the newest is opened, not a kept edition"
is "$(ls -A "$dir" | grep -c '^\.')" 0 "no temporary file left behind"

is "$(run --update "$url/e2.xml")" 0 "third update, the same edition: exit 0"
ok 'grep -qx "unchanged" "$tmp/out"' "the same edition again: \"unchanged\""

# Twelve more editions, dated 2027-01 .. 2027-12: only the last 10 stay.
m=1
while [ $m -le 12 ]; do
	d=$(printf '2027-%02d-01' $m)
	sed "s|<updated>2026-09-30</updated>|<updated>$d</updated>|" \
	    "$www/e2.xml" > "$www/m.xml"
	run --update "$url/m.xml" >/dev/null
	m=$((m + 1))
done
is "$(ls "$dir" | grep -c '^edition-')" 10 "at most 10 editions are kept"
is "$(ls "$dir" | grep '^edition-' | head -1):$(ls "$dir" | grep '^edition-' | tail -1)" \
    "edition-2027-02-01.xml:edition-2027-11-01.xml" \
    "the oldest go first; the newest edition is the one replaced last"

# A failed update keeps no edition.
ls "$dir" > "$tmp/before"
printf 'not a registry\n' > "$www/bad.xml"
is "$(run --update "$url/bad.xml")" 2 "an update that does not load: exit 2"
ls "$dir" > "$tmp/after"
ok 'cmp -s "$tmp/before" "$tmp/after"' "it keeps no edition and changes nothing"
done_testing
