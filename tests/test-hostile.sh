#!/bin/sh
# test-hostile.sh - hostile and broken inputs, each with its exact outcome:
# the exit status, and the message (naming file and line) or the counted
# warning.  Every run is bounded by `timeout 10`: a hang fails.  TAP.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

H='Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'
X='<?xml version="1.0" encoding="UTF-8"?>
<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
<title>T</title><updated>2026-08-17</updated>'
csv() { printf '%s\n' "$H" > "$1"; shift; printf '%s\n' "$@" >> "$1" 2>/dev/null; }
csvf() { f=$1; shift; { printf '%s\n' "$H"; printf '%s\n' "$@"; } > "$f"; }

# case NAME STATUS REGEX ARGS...: run portreg, check status, and that
# stdout+stderr match REGEX (grep -E); "" matches anything.
case_() {
	name=$1 want=$2 re=$3; shift 3
	timeout 10 "$PORTREG" "$@" >out 2>err
	st=$?
	cat out err > all
	if [ "$st" != "$want" ]; then
		_n=$((_n + 1)); _failed=$((_failed + 1))
		echo "not ok $_n - $name (exit $st, want $want)"
		sed 's/^/# /' err | head -5
		return
	fi
	if [ -n "$re" ] && ! grep -Eq -- "$re" all; then
		_n=$((_n + 1)); _failed=$((_failed + 1))
		echo "not ok $_n - $name (output lacks /$re/)"
		head -c 600 all | sed 's/^/# /'
		return
	fi
	_n=$((_n + 1)); echo "ok $_n - $name"
}

: > empty
case_ "empty file" 2 "empty:1: expected the registry's column header" -f empty 22

printf '\357\273\277' > bom
case_ "a BOM alone" 2 "bom:1: expected" -f bom 22

{ printf '\357\273\277'; printf '%s\n<record><name>nbd</name><protocol>tcp</protocol><number>10809</number><description>Network Block Device</description></record></registry>\n' "$X"; } > bom.xml
case_ "BOM before valid XML" 0 "nbd" -f bom.xml 10809

printf '%s\r\nnbd,10809,tcp,Network Block Device,[W],[W],,,,,,\r\n' "$H" > crlf.csv
case_ "CRLF line ends" 0 "Network Block Device" -f crlf.csv 10809

printf '%s\nnbd,10809,tcp,Net\000work,,,,,,,,\n' "$H" > nul.csv
case_ "NUL byte" 2 "nul.csv:2:[0-9]+: NUL byte" -f nul.csv 10809

csvf badutf.csv "nbd,10809,tcp,Bad $(printf '\377\376') bytes,,,,,,,,"
case_ "invalid UTF-8 in CSV is shown escaped" 0 'Bad \\xff\\xfe bytes' -f badutf.csv 10809

printf '%s\n<record><name>x</name><number>1</number><description>bad %s</description></record></registry>\n' "$X" "$(printf '\377')" > badutf.xml
case_ "invalid UTF-8 in XML" 2 "badutf.xml:4:[0-9]+: expected well-formed XML" -f badutf.xml 1

python3 -c "
import sys
sys.stdout.write('$H\n' + 'big,1,tcp,' + 'x' * 10_000_000 + ',,,,,,,,\n')" > big.csv
case_ "a 10 MB field" 0 "big" -f big.csv -o csv 1

head -c 20000 "$top_srcdir/tests/fuzz/corpus/xml/basic.xml" > full.xml
for cut in 100 700 1500; do
	head -c $cut full.xml > cut$cut.xml
	case_ "XML truncated at byte $cut" 2 "cut$cut.xml:[0-9]+:[0-9]+: expected" -f cut$cut.xml 1
done

cat > laughs.xml <<'L'
<?xml version="1.0"?>
<!DOCTYPE registry [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>
<registry xmlns="http://www.iana.org/assignments"><record><name>&h;</name><number>1</number></record></registry>
L
case_ "billion laughs" 2 "laughs.xml:2:[0-9]+: expected no entity declarations" -f laughs.xml 1

python3 -c "print('<registry>' + '<a>' * 100000 + '</a>' * 100000 + '</registry>')" > deep.xml
case_ "100,000-deep nesting" 2 "deep.xml:1:[0-9]+: expected elements nested at most" -f deep.xml 1

printf '%s\n<record><name>x</name><number>1</number><protocol>tcp</protocol><frobnicate>?</frobnicate></record></registry>\n' "$X" > unknown.xml
case_ "unknown element: warning" 1 "unknown.xml:4: warning: .*frobnicate" -f unknown.xml --check
case_ "unknown element: lookup still works" 0 "x" -f unknown.xml 1

printf '%s\n<foo/>\n' '<?xml version="1.0"?>' > root.xml
case_ "XML with the wrong root" 2 "root.xml:2:[0-9]+: expected .*registry" -f root.xml 1

printf '%s\nnbd,10809,tcp,"unclosed\n' "$H" > unclosed.csv
case_ "CSV quote never closed" 2 "unclosed.csv:2:15: expected closing quote" -f unclosed.csv 1

csvf short.csv "nbd,10809,tcp,Network Block Device" "ok,1,tcp,fine,,,,,,,,"
case_ "short row" 1 "short.csv:2: warning: row has 4 fields, expected 12" -f short.csv --check

csvf p70000.csv "x,70000,tcp,d,,,,,,,,"
case_ "port 70000" 1 "p70000.csv:2: warning: x: port \"70000\" is outside 0-65535" -f p70000.csv --check

csvf pneg.csv "x,-1,tcp,d,,,,,,,,"
case_ "port -1" 1 "pneg.csv:2: warning: .*-1" -f pneg.csv --check

csvf rev.csv "x,20-10,tcp,d,,,,,,,,"
case_ "reversed range 20-10" 1 "rev.csv:2: warning: .*20-10" -f rev.csv --check

csvf proto.csv "x,20,xtp,d,,,,,,,,"
case_ "unknown protocol" 1 "proto.csv:2: warning: .*xtp" -f proto.csv --check

printf '%s\n<record><name>x</name><number>1</number><xref type="person" data="A"/></record>\n<people><person id="A"><name>One</name></person><person id="A"><name>Two</name></person></people></registry>\n' "$X" > dup.xml
case_ "duplicate person ids" 1 "dup.xml:[0-9]+: warning: person \\[A\\] defined again" -f dup.xml --check

printf '%s\n<record><name>x</name><number>1</number><xref type="person" data="Ghost"/></record>\n<people><person id="A"><name>One</name></person></people></registry>\n' "$X" > ghost.xml
case_ "person referenced, never defined" 1 "ghost.xml:4: warning: person \\[Ghost\\] is named by a record but not defined" -f ghost.xml --check

mkdir adir
case_ "a directory" 2 "adir: is a directory" -f adir 1

csvf noread.csv "x,1,tcp,d,,,,,,,,"
chmod 000 noread.csv
if [ "$(id -u)" = 0 ]; then
	# root reads anything: a symlink loop is the unreadable file here.
	ln -s loop2 loop1; ln -s loop1 loop2
	case_ "unreadable file (root: symlink loop)" 2 "loop1: cannot open: Too many levels of symbolic links" -f loop1 1
else
	case_ "unreadable file" 2 "noread.csv: cannot open: Permission denied" -f noread.csv 1
fi

case_ "/dev/zero" 2 "/dev/zero:1:1: NUL byte" -f /dev/zero 1

mkfifo fifo
(cat crlf.csv > fifo &)
case_ "a FIFO" 0 "nbd" -f fifo 10809

timeout 10 "$PORTREG" -f - 10809 < crlf.csv > out 2>&1
is "$?" 0 "standard input"

csvf esc.csv "$(printf 'evil,1,tcp,title\033]0;pwned\007 clear\033[2J red\033[31m,,,,,,,,')"
timeout 10 "$PORTREG" -f esc.csv 1 > out 2>&1
ok "! grep -q \"\$(printf '\\033')\" out && grep -q '\\^\\[\\]0;pwned\\^G' out" "escape sequences in data are shown escaped"

csvf c1.csv "$(printf 'c1,1,tcp,csi\302\2332J del\177 esc\033[31m,,,,,,,,')"
timeout 10 "$PORTREG" -f c1.csv -o json 1 > out 2>&1
ok "! grep -q \"\$(printf '\\302\\233')\" out && ! grep -q \"\$(printf '\\033')\" out && grep -qF 'csi\\u009b2J del\\u007f esc\\u001b[31m' out" \
    "JSON escapes C0, DEL and C1 controls as \\u00XX"

case_ "runaway pattern is stopped" 2 "too complex" -f big.csv -e '(x+x+)+y'
case_ "bad pattern names PCRE2's offset" 2 "offset" -f crlf.csv -e 'a(b'
case_ "query port 70000" 2 "out of range" -f crlf.csv 70000
case_ "unknown --format-in" 2 "format" -f crlf.csv --format-in yaml 1
case_ "XML read as CSV" 2 "expected the CSV header" -f bom.xml --format-in csv 1

# Found by fuzzing the CSV round trip: a people list or reference that is
# not a bracketed list is kept whole; -o csv must write it so that it
# loads back the same, not grow a pair of brackets at each save.
csvf brackets.csv 'a,1,tcp,d,[A]],[[B],,,[R]]]],,,' 'b,2,tcp,d,[A] x,[],,,[https://x/[31m],,,' \
    'c,3,tcp,d,[A][B,[A]x[B],,,[[x]][y] z,,,' 'd,4,tcp,d,[A][B],[C],,,[RFC1][[n]],,,'
"$PORTREG" -f brackets.csv -o csv > once.csv 2>/dev/null
"$PORTREG" -f once.csv -o csv > twice.csv 2>/dev/null
ok 'cmp -s once.csv twice.csv && [ "$(wc -l < once.csv)" = 5 ]' \
    "malformed people lists and references load back unchanged from -o csv"
ok 'grep -qx "d,4,tcp,d,\[A\]\[B\],\[C\],,,\[RFC1\]\[\[n\]\],,," once.csv' \
    "well-formed lists are written as before"

{ cat "$SEED"; printf 'garbage ][ line with \001 control\n'; } > seedjunk.txt
case_ "junk line in pasted text" 1 "warning" -f seedjunk.txt --check

# --list-names feeds the shell completion scripts: only names that are
# one plain shell word, safe on a terminal, get out.
csvf names.csv 'ok-name,1,tcp,d,,,,,,,,' "$(printf 'esc\033[2J,2,tcp,d,,,,,,,,')" \
    'two words,3,tcp,d,,,,,,,,' '$(reboot),4,tcp,d,,,,,,,,' 'a|b,5,tcp,d,,,,,,,,'
timeout 10 "$PORTREG" -f names.csv --list-names > out 2>&1
is "$?:$(cat out)" "0:ok-name" "--list-names leaves out names with ESC, a space, \$(...) or |"

# --- Snapshots (load/cache.h): a damaged, stale, foreign or planted image
# is ignored and rebuilt, never trusted.  Each case damages the one
# snapshot of s.txt; the next run must answer as the file says, exit 0,
# silently, and leave a good snapshot that the run after uses (its inode
# stays: a rejected snapshot is replaced by a rename).
FORGE="$top_builddir/tests/snapshot-forge"
XDG_CACHE_HOME="$tmp/snapcache"; export XDG_CACHE_HOME
cp "$SEED" s.txt
csvf other.csv 'other,1,tcp,another file,,,,,,,,'
"$PORTREG" --no-cache -f s.txt -o json > want.json 2>/dev/null
"$PORTREG" -f other.csv 1 >/dev/null 2>&1
O=$(ls "$XDG_CACHE_HOME"/portreg/*.snap)
"$PORTREG" -f s.txt 10128 >/dev/null 2>&1
S=$(ls "$XDG_CACHE_HOME"/portreg/*.snap | grep -v "$O")
cp "$O" other.snap
cp "$S" good.snap
rebuilt() {
	timeout 10 "$PORTREG" -f s.txt -o json > got.json 2> err
	st=$?
	i1=$(stat -c %i "$S" 2>/dev/null)
	timeout 10 "$PORTREG" -f s.txt -o json > got2.json 2>> err
	i2=$(stat -c %i "$S" 2>/dev/null)
	ok '[ "$st" = 0 ] && cmp -s want.json got.json &&
	    cmp -s want.json got2.json && [ ! -s err ] && [ -f "$S" ] &&
	    [ ! -L "$S" ] && [ -n "$i1" ] && [ "$i1" = "$i2" ] &&
	    [ "$(stat -c %a "$S")" = 600 ]' "snapshot $1: ignored and rebuilt"
}
ok '[ -n "$S" ] && [ "$S" != "$O" ] && [ -f "$S" ]' "a snapshot of each file"
head -c 3000 good.snap > "$S"
rebuilt "truncated mid-image"
head -c 100 good.snap > "$S"
rebuilt "truncated inside its header"
: > "$S"
rebuilt "empty"
cat good.snap > "$S"; "$FORGE" offsets "$S"
rebuilt "with every offset past the end (checksum right)"
cat good.snap > "$S"; "$FORGE" version "$S"
rebuilt "of another format version (checksum right)"
cat other.snap > "$S"
rebuilt "of another file, put at this one's name"
cat other.snap > "$S"; "$FORGE" key good.snap "$S"
rebuilt "of another file with this one's key forged"
head -c 65536 /dev/urandom > "$S"
rebuilt "of random bytes"
cat good.snap > "$S"; chmod 644 "$S"
rebuilt "readable by others"
printf 'precious\n' > victim
rm -f "$S"; ln -s "$tmp/victim" "$S"
rebuilt "replaced by a symbolic link"
is "$(cat victim)" "precious" "the symbolic link's target is left alone"
unset XDG_CACHE_HOME

done_testing
