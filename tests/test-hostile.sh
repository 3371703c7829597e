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
case_ "billion laughs" 2 "laughs.xml:2:[0-9]+: expected no internal DTD subset" -f laughs.xml 1

# DTD tricks (issue 14, item 6): an <!ATTLIST> default that would turn an
# empty <xref/> into a reference to the person Evil, an external DTD
# under which Expat drops an undefined &x; ("a&x;b" read as "ab"), in
# text and in an attribute, a parameter entity, an empty internal subset.
R='<registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">'
D='<record><name>x</name><protocol>tcp</protocol><number>1</number>'
printf '<?xml version="1.0"?>\n<!DOCTYPE registry [\n<!ATTLIST xref type CDATA "person" data CDATA "Evil">\n]>\n%s\n%s<xref/></record></registry>\n' "$R" "$D" > attlist.xml
case_ "DTD: an <!ATTLIST> default" 2 "^portreg: attlist.xml:2:[0-9]+: expected no internal DTD subset" -f attlist.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry SYSTEM "http://127.0.0.1:9/x.dtd">\n%s\n%s<description>a&x;b</description></record></registry>\n' "$R" "$D" > extdtd.xml
case_ "DTD: external, an undefined entity in text" 2 "^portreg: extdtd.xml:2:[0-9]+: expected no external DTD" -f extdtd.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry PUBLIC "-//X//DTD//EN" "x.dtd">\n%s\n<record date="a&x;b"><name>x</name><number>1</number></record></registry>\n' "$R" > extattr.xml
case_ "DTD: external, an undefined entity in an attribute" 2 "^portreg: extattr.xml:2:[0-9]+: expected no external DTD .*PUBLIC" -f extattr.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry [<!ENTITY %% p SYSTEM "file:///etc/passwd"> %%p;]>\n%s\n%s</record></registry>\n' "$R" "$D" > pe.xml
case_ "DTD: a parameter entity" 2 "^portreg: pe.xml:2:[0-9]+: expected no internal DTD subset" -f pe.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry []>\n%s\n%s</record></registry>\n' "$R" "$D" > emptysub.xml
case_ "DTD: an empty internal subset" 2 "^portreg: emptysub.xml:2:[0-9]+: expected no internal DTD subset" -f emptysub.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry>\n%s\n%s<description>a&x;b</description></record></registry>\n' "$R" "$D" > undef.xml
case_ "an undefined entity, no DTD" 2 "^portreg: undef.xml:4:[0-9]+: expected well-formed XML: undefined entity" -f undef.xml 1
printf '<?xml version="1.0"?>\n<!DOCTYPE registry>\n%s\n%s<description>a&amp;b&#x41;&lt;</description></record></registry>\n' "$R" "$D" > ownent.xml
case_ "a bare <!DOCTYPE>, XML's own entities: read" 0 '"description":"a&bA<"' -f ownent.xml -o json 1

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

# Dates that are no dates (issue 14, item 11): warned, naming the record,
# and kept as written.
csvf dates.csv "feb30,1,tcp,d,,,2024-02-30,,,,," "nines,2,tcp,d,,,9999-99-99,,,,," \
    "xx,3,tcp,d,,,2024-01-01,xx,,,," "ok,4,tcp,d,,,2024-02-29,2024-03,,,,"
case_ "CSV: 2024-02-30 warned" 1 "dates.csv:2: warning: feb30 1/tcp: registration date \"2024-02-30\" is not a date" -f dates.csv --check
case_ "CSV: 9999-99-99 warned" 1 "dates.csv:3: warning: nines 2/tcp: registration date \"9999-99-99\" is not a date" -f dates.csv --check
case_ "CSV: xx warned" 1 "dates.csv:4: warning: xx 3/tcp: modification date \"xx\" is not a date" -f dates.csv --check
case_ "CSV: three bad dates, three warnings" 1 "^warnings: 3$" -f dates.csv --check
case_ "CSV: a bad date is kept as written" 0 '"registered":"2024-02-30"' -f dates.csv -o json 1
printf '%s\n%s\n%s\n%s\n</registry>\n' "$X" \
    '<record date="2024-02-30"><name>feb30</name><protocol>tcp</protocol><number>1</number></record>' \
    '<record date="2024-01-01" updated="9999-99-99"><name>nines</name><protocol>udp</protocol><number>2</number></record>' \
    '<record date="xx" updated="2024-02-29"><name>xx</name><protocol>tcp</protocol><number>3</number></record>' > dates.xml
case_ "XML: 2024-02-30 warned" 1 "dates.xml:4: warning: feb30 1/tcp: registration \(date=\) date \"2024-02-30\" is not a date" -f dates.xml --check
case_ "XML: 9999-99-99 warned" 1 "dates.xml:5: warning: nines 2/udp: modification \(updated=\) date \"9999-99-99\" is not a date" -f dates.xml --check
case_ "XML: xx warned" 1 "dates.xml:6: warning: xx 3/tcp: registration \(date=\) date \"xx\" is not a date" -f dates.xml --check
case_ "XML: three bad dates, three warnings" 1 "^warnings: 3$" -f dates.xml --check
case_ "XML: a bad date is kept as written" 0 '"modified":"9999-99-99"' -f dates.xml -o json 2

printf '%s\n<record><name>x</name><number>1</number><xref type="person" data="A"/></record>\n<people><person id="A"><name>One</name></person><person id="A"><name>Two</name></person></people></registry>\n' "$X" > dup.xml
case_ "duplicate person ids" 1 "dup.xml:[0-9]+: warning: person \\[A\\] defined again" -f dup.xml --check

printf '%s\n<record><name>x</name><number>1</number><xref type="person" data="Ghost"/></record>\n<people><person id="A"><name>One</name></person></people></registry>\n' "$X" > ghost.xml
case_ "person referenced, never defined" 1 "ghost.xml:4: warning: x 1: person \\[Ghost\\] is named by a record but not defined" -f ghost.xml --check

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

# Every format character (Unicode Cf, as Python knows them) and U+2028,
# U+2029 is shown escaped by the table (issue 14, item 7).
python3 -c "
import sys, unicodedata
cf = [c for c in range(0x110000) if unicodedata.category(chr(c)) == 'Cf'] + [0x2028, 0x2029]
sys.stdout.write('$H\n' + ''.join('cf%d,%d,tcp,a%sb,,,,,,,,\n' % (i, 1 + i, chr(c)) for i, c in enumerate(cf)))
print(len(cf), file=sys.stderr)" > cf.csv 2> cf.count
timeout 10 "$PORTREG" -f cf.csv > out 2>&1
is "$(grep -c '^[0-9]* *tcp *cf[0-9]* *a\\u[0-9a-f]\{4,5\}b$' out)" "$(cat cf.count)" \
    "each of the $(cat cf.count) format characters is shown as \\uNNNN"

# Links 'o' refuses (issue 14, item 8): a C1 control, a bidi override,
# U+2028 and a zero-width joiner in a reference's URL, and a person's
# mailto: with ?attach= (opened as the address alone).  In the browser
# (tmux), with a recording $BROWSER: it must never see the bad ones.
if tmux_init hostile; then
	trap 'tmux_cleanup; rm -rf "$tmp"' EXIT
	cat > "$tmp/rec-browser" <<'REC'
#!/bin/sh
printf '%s\n' "$@" >> "$0.log"
REC
	chmod +x "$tmp/rec-browser"
	C1=$(printf '\302\233') BIDI=$(printf '\342\200\256') LS=$(printf '\342\200\250') ZWJ=$(printf '\342\200\215')
	{
		printf '<?xml version="1.0"?>\n%s\n' "$R"
		i=0
		for u in "https://x.example/${C1}2J" "https://x.example/${BIDI}gpj.exe" \
		    "https://x.example/a${LS}b" "https://x.example/a${ZWJ}b"; do
			i=$((i + 1))
			printf '<record><name>bad%d</name><protocol>tcp</protocol><number>%d</number><xref type="uri" data="%s"/></record>\n' $i $((100 + i)) "$u"
		done
		printf '<record><name>mail</name><protocol>tcp</protocol><number>200</number><xref type="person" data="M"/></record>\n'
		printf '<people><person id="M"><name>M</name><uri>mailto:m@x.example?attach=/etc/passwd</uri></person></people></registry>\n'
	} > "$tmp/uris.xml"
	start 120 30 BROWSER="$tmp/rec-browser" -- -f "$tmp/uris.xml"
	for i in 1 2 3 4; do
		keys : $((100 + i)) Enter
		check "bad URI $i: its row is shown" "Detail: bad$i $((100 + i))/tcp"
		keys o
		check "bad URI $i: o refuses it" 'Nothing to open here'
		keys Escape
	done
	keys : 200 Enter c o
	check "mailto: with ?attach=: opened without it" 'Opening mailto:m@x\.example *$|Opening mailto:m@x\.example '
	poll test -s "$tmp/rec-browser.log"
	is "$(cat "$tmp/rec-browser.log" 2>/dev/null)" "mailto:m@x.example" \
	    "the browser got the address alone, and no bad URI"
	quits "the browser with bad URIs quits" q
else
	skip_part 11 "tmux is absent"
fi

case_ "runaway pattern is stopped" 2 "too complex" -f big.csv -e '(x+x+)+y'
case_ "bad pattern names PCRE2's offset" 2 "offset" -f crlf.csv -e 'a(b'
case_ "query port 70000" 2 "out of range" -f crlf.csv 70000
case_ "unknown --format-in" 2 "format" -f crlf.csv --format-in yaml 1
# Bad options are named escaped: getopt would echo them raw (item 9).
for opt in "--$(printf '\033]0;X\007')" "--$(printf '\033]0;X\007')=v" \
    "-$(printf '\033')" "--file$(printf '\033[2J')"; do
	timeout 10 "$PORTREG" "$opt" > out 2> err
	st=$?
	ok "[ $st = 2 ] && [ ! -s out ] && ! grep -q \"\$(printf '\\033')\" err && grep -q '\\^\\[' err && grep -q 'portreg --help' err" \
	    "bad option with ESC ($(printf '%s' "$opt" | cut -c1-6 | cat -v)): exit 2, named escaped"
done
# ...and after --diff too, which reads its own options.
timeout 10 "$PORTREG" --diff "--$(printf '\033]0;X\007')" a b > out 2> err
st=$?
ok "[ $st = 2 ] && [ ! -s out ] && ! grep -q \"\$(printf '\\033')\" err && grep -q '\\^\\[' err" \
    "--diff with a bad option with ESC: exit 2, named escaped"
case_ "ambiguous option" 2 "option '--f' is ambiguous; possibilities: --file --format --format-in" --f x
case_ "option without its argument" 2 "option '--file' requires an argument" --file
case_ "option with an argument it does not take" 2 "option '--gaps' doesn't allow an argument" --gaps=1
case_ "short option without its argument" 2 "option requires an argument -- 'f'" -f
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

# TSV input (issue 14, item 14): what -o tsv writes, read back.
T=$(printf '%s' "$H" | tr , '\t')
tsvf() { f=$1; shift; { printf '%s\n' "$T"; printf '%b\n' "$@"; } > "$f"; }
tsvf esc.tsv 'x\t7\ttcp\ta\033]2;PWN\007b\t\t\t\t\t\t\t\t'
case_ "TSV: an OSC sequence in a field is shown escaped" 0 'a\^\[\]2;PWN\^Gb' -f esc.tsv 7
tsvf rawesc.tsv "x\t7\ttcp\ta\033[2Jb\t\t\t\t\t\t\t\t"
timeout 10 "$PORTREG" -f rawesc.tsv 7 > out 2>&1
ok '! grep -q "$(printf "\033")" out && grep -q "x" out' "TSV: a raw ESC in a field never reaches the table raw"
tsvf bs.tsv 'x\t7\ttcp\ttrailing \\\t\t\t\t\t\t\t\t'
case_ "TSV: a lone backslash is kept, warned" 1 "bs.tsv:2: warning: .*backslash" -f bs.tsv --check
tsvf slip.tsv 'x\t7\ttcp\td\t\t\t\t\t\t\t\tn\tslipped'
case_ "TSV: a tab too many skips the row" 1 "slip.tsv:2: warning: .*13 fields" -f slip.tsv --check
{ printf '%s\n' "$T"; printf 'x\t7\ttcp\tNet\000work\n'; } > nul.tsv
case_ "TSV: NUL byte" 2 "nul.tsv:2:[0-9]+: NUL byte" -f nul.tsv 7
printf 'Service Name\tPort Number\tTransport Protocol\n1\t2\t3\n' > short.tsv
case_ "TSV: a header short of columns" 2 'short.tsv:1: expected the TSV header .*no column "Description"' -f short.tsv 1
python3 -c "
import sys
sys.stdout.write(open('esc.tsv').readline())	# the header
sys.stdout.write(('a\t1\ttcp\t' + 'x' * 100000 + '\t' * 8 + '\n') * 50)
sys.stdout.write('\t' * 100000 + '\n')
" > huge.tsv
case_ "TSV: long fields and a row of 100,000 tabs" 1 "huge.tsv:52: warning: .*fields" -f huge.tsv --check
case_ "TSV read as CSV" 2 "expected the CSV header" -f esc.tsv --format-in csv 1
case_ "TSV forced as pasted text" 2 "found portreg's TSV" -f esc.tsv --format-in text 1

# --list-names feeds the shell completion scripts: only names that are
# one plain shell word, safe on a terminal, get out.
csvf names.csv 'ok-name,1,tcp,d,,,,,,,,' "$(printf 'esc\033[2J,2,tcp,d,,,,,,,,')" \
    'two words,3,tcp,d,,,,,,,,' '$(reboot),4,tcp,d,,,,,,,,' 'a|b,5,tcp,d,,,,,,,,'
timeout 10 "$PORTREG" -f names.csv --list-names > out 2>&1
is "$?:$(cat out)" "0:ok-name" "--list-names leaves out names with ESC, a space, \$(...) or |"

# --diff OLD NEW (issue 13): hostile pairs end in a clear error or an
# empty diff, never a crash; registry text reaches the table escaped.
case_ "--diff: one side empty" 2 "empty:1: expected" --diff empty crlf.csv
case_ "--diff: the other side empty" 2 "empty:1: expected" --diff crlf.csv empty
head -c 1500 "$XML" > trunc.xml
case_ "--diff: one side truncated XML" 2 "trunc.xml:[0-9]+" --diff trunc.xml "$XML"
case_ "--diff: the same file twice through -" 2 "only one of OLD and NEW" --diff - - < crlf.csv
case_ "--diff: a missing file" 2 "nosuch" --diff nosuch crlf.csv
case_ "--diff: a folder" 2 "" --diff . crlf.csv
printf '%s\r\nnbd,10809,tcp,Net\033]0;pwn\007work,[W],[W],,,,,,\r\n' "$H" > esc.csv
timeout 10 "$PORTREG" --diff crlf.csv esc.csv > out 2>&1; st=$?
esc=$(printf '\033')
ok '[ $st = 1 ] && ! grep -q "$esc" out && grep -qF "Net^[]0;pwn^Gwork" out' \
    "--diff: control characters in a changed field are escaped in the table"
# --- SPEC 7's lists: services(5) and nmap-services (issue 12) ----------
# Each against the shipped XML (-f "$XML"), through --compare (which reads
# one list) and --free (which reads them as --services, --nmap-services).
python3 -c "
import sys
with open('big.services', 'w') as f:
    for i in range(100000):
        f.write('s%d %d/%s\\n' % (i, i % 65536, ('tcp', 'udp', 'sctp', 'dccp')[i // 65536 * 2 + i % 2]))
"
case_ "services(5): 100,000 lines" 1 "^agrees" -f "$XML" --compare big.services
{ printf 'ok 1/tcp\n'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf '\nok2 2/tcp\n'; } > longline.services
case_ "services(5): a 1 MB line is a warning with its line" 1 "longline.services:2: warning: line too long" -f "$XML" --compare longline.services
printf 'ok 1/tcp\nnul\000 2/tcp\nfine 3/tcp\n' > nul.services
case_ "services(5): a NUL byte is an error with its line and column" 2 "nul.services:2:4: NUL byte" -f "$XML" --compare nul.services
printf 'ok 1/tcp\nbig 70000/tcp\n' > port.services
case_ "services(5): port 70000 is a warning with its line" 1 "port.services:2: warning: port '70000' is outside" -f "$XML" --compare port.services
printf 'ok 1/tcp\nweb 80/xyz\n' > proto.services
case_ "services(5): 80/xyz is a warning with its line" 1 "proto.services:2: warning: unknown protocol 'xyz'" -f "$XML" --compare proto.services
printf 'http 80/tcp\nssh 22/tcp\nhttp 80/tcp\n' > dup.services
case_ "services(5): a duplicate entry is a warning with its line" 0 "dup.services:3: warning: duplicate of line 1" -f "$XML" --compare dup.services
printf 'tcpmux 1/tcp\n' > many.services
i=0; while [ $i -lt 30 ]; do printf 'x 70000/tcp\n'; i=$((i + 1)); done >> many.services
case_ "services(5): warnings past ten are counted" 0 "many.services: 20 more warnings" -f "$XML" --compare many.services
printf 'esc\033]0;pwned\007 22/tcp\n' > esc.services
case_ "services(5): a name's control characters are shown escaped" 1 'esc\^\[\]0;pwned\^G' -f "$XML" --compare esc.services
ok '! grep -q "$(printf '\033')" all' "... and no ESC reaches the output"
printf '\177ELF\002\001\001\003binary\n' > binary.services
case_ "services(5): a binary file is neither format" 2 "binary.services:1: expected a services\\(5\\) or nmap-services line" -f "$XML" --compare binary.services
printf 'tcpmux\t1/tcp\t0.001995\nhttp\t80/tcp\tNaN\nhttp\t80/tcp\t1.5\nx\t81/tcp\t0.1\nx\t81/tcp\t0.1\n' > bad.nmap
case_ "nmap-services: a bad frequency is a warning with its line" 0 "bad.nmap:3: warning: expected an open frequency" -f "$XML" --free 1 20000-20100 --nmap-services bad.nmap
ok 'grep -q "bad.nmap:2: warning: expected an open frequency" all && grep -q "bad.nmap:5: warning: duplicate of line 4" all' \
    "nmap-services: NaN and a duplicate are warnings with their lines"
case_ "--services none and a missing --nmap-services file" 2 "nosuch.nmap" -f "$XML" --free --services none --nmap-services nosuch.nmap
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
