#!/bin/sh
# test-cli.sh - the command line as a user runs it: exit statuses, the
# registry lookup order, every output format, --gaps, --contact,
# --check, the shipped 2026 XML, and the 2025 CSV when it is present.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
# Keep the user's own fetched registries out of the lookup order.
XDG_DATA_HOME=$tmp/xdg
export XDG_DATA_HOME
unset PORTREG_FILE
HDR='Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'

# run ARGS...: stdout in $out, stderr in $err, exit status in $rc.
run() {
	"$PORTREG" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
lines() { printf '%s\n' "$1" | grep -c -- "$2"; }
if command -v python3 >/dev/null 2>&1; then have_python=1; else have_python=0; fi
json_ok() { printf '%s\n' "$1" | python3 -m json.tool >/dev/null 2>&1; }

# --- Help, version, usage errors ---------------------------------------
run --help
is "$rc" 0 "--help exits 0"
ok 'has "$out" "^usage: portreg" && has "$out" "--gaps" && has "$out" "--contact"' \
    "--help shows usage and the options"
ok 'has "$out" "--update \[URL\]"' "--help shows --update"
run --version
is "$rc" 0 "--version exits 0"
ok 'has "$out" "^portreg [0-9]"' "--version prints the version"
run --no-such-option
is "$rc" 2 "unknown option exits 2"
ok 'has "$err" "^portreg: "' "unknown option message starts with portreg:"
run -o yaml 22
is "$rc" 2 "unknown output format exits 2"
run --proto icmp 22
is "$rc" 2 "unknown protocol exits 2"
run 70000
is "$rc" 2 "port out of range exits 2"
ok 'has "$err" "70000"' "port out of range names the query"
run 200-100
is "$rc" 2 "reversed range exits 2"
run --update -f "$SEED"
is "$rc" 2 "--update with -f exits 2 (tests/test-update.sh has the rest)"
run --gaps nbd
is "$rc" 2 "--gaps with a service name exits 2"
run --check 22
is "$rc" 2 "--check with a query exits 2"

# --- The shipped registry (the 2026 XML), found without -f -------------
run --check
ok 'printf "%s\n" "$out" | head -1 |
    grep -q "/service-names-port-numbers\.xml: xml, last updated 2026-08-17$" &&
    has "$out" "^records: *14533 "' \
    "without -f: the shipped 2026 XML is opened"
run 10809
is "$rc" 0 "10809 on the shipped registry (no -f) exits 0"
ok 'has "$out" "^10809 *tcp *nbd *Network Block Device"' \
    "10809 on the shipped registry finds nbd"
run no-such-service
is "$rc" 1 "unknown service name exits 1"
is "$out" "" "unknown service name prints nothing on stdout"
# Nothing found is one behaviour everywhere: a message on stderr, nothing
# on stdout (no header line, no empty array), exit 1.
for fmt in table csv json tsv; do
	for args in no-such-service "--gaps 22" "-e no_such_text_q" \
	    "--contact Nobody_Here" "-f $SEED 22" "-f $SEED --gaps 22"; do
		# shellcheck disable=SC2086
		run -o $fmt $args
		ok '[ "$rc" = 1 ] && [ -z "$out" ] && has "$err" "^portreg: "' \
		    "nothing found, -o $fmt $args: a message, no output, exit 1"
	done
done
run -f /nonexistent/registry.xml 22
is "$rc" 2 "-f /nonexistent exits 2"
ok 'has "$err" "^portreg: /nonexistent/registry.xml"' \
    "-f /nonexistent names the file"

run 10130-10162
is "$rc" 0 "range query exits 0"
ok 'has "$out" "10130-10159 .*Unassigned" && has "$out" "snmptls-trap"' \
    "range query lists the gap and the assignments in it"
ok '! has "$out" "10128 " && ! has "$out" "trisoap"' \
    "range query stays inside the range"
run 10161/udp
is "$out" "$(printf 'PORT   PROTO  SERVICE   DESCRIPTION\n10161  udp    snmpdtls  SNMP-DTLS')" \
    "port/proto query gives that protocol only"
run --proto tcp 10161
ok 'has "$out" snmptls && ! has "$out" snmpdtls' "--proto tcp narrows a port query"
run 10809 nbd NBD
is "$(lines "$out" "nbd")" 1 "several queries: union without duplicates"
run 10860 10809
ok '[ "$(printf "%s\n" "$out" | sed -n 2p | cut -c1-5)" = 10809 ]' \
    "several queries come out in registry order"

# --- Output formats ----------------------------------------------------
run -o json 10809
is "$rc" 0 "-o json exits 0"
if [ $have_python = 1 ]; then
	ok 'json_ok "$out"' "-o json parses (python3 -m json.tool)"
	run -o json
	ok 'json_ok "$out"' "the whole shipped registry as JSON parses"
else
	echo "ok $((_n += 1)) - # SKIP python3 absent: JSON not parsed"
fi
run -o json 10809
ok 'has "$out" "\"service\":\"nbd\",\"port\":10809,\"port_end\":10809,\"protocol\":\"tcp\""' \
    "JSON keys service, port, port_end, protocol"
ok 'has "$out" "\"email\":\"w@uter.be\""' "JSON contact e-mail de-obfuscated"
run -o json 10130
ok 'has "$out" "\"service\":null,\"port\":10130,\"port_end\":10159,\"protocol\":null"' \
    "JSON range port_end and null name/protocol"
ok 'has "$out" "\"kind\":\"unassigned\""' "JSON kind unassigned"
run -o csv 10161
is "$(printf '%s\n' "$out" | head -1)" \
    "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes" \
    "CSV header is IANA's"
ok 'has "$out" "^snmptls,10161,tcp,SNMP-TLS,,,,,\[RFC6353\],,,$"' "CSV row with a reference"
run -o tsv 10161
ok 'has "$out" "^snmptls	10161	tcp	SNMP-TLS					\[RFC6353\]			$"' \
    "TSV row, tab-separated"
run -o csv
printf '%s\n' "$out" >"$tmp/sample.csv"
run -f "$tmp/sample.csv" -o csv
is "$out" "$(cat "$tmp/sample.csv")" "CSV of the shipped registry loads back to the same CSV"
"$PORTREG" 10809 >/dev/full 2>"$tmp/err"
is "$?" 2 "write error on stdout (/dev/full) exits 2"
ok 'grep -q "write error" "$tmp/err"' "write error is reported"

# Hostile text: control sequences in the data never reach the terminal.
printf "$HDR"'\nevil,7,tcp,"x\033]0;pwned\007y\233z",,,,,,,,\n' \
    >"$tmp/evil.csv"
run -f "$tmp/evil.csv" 7
ok '! grep -q "$(printf "\033")" "$tmp/out"' "table output holds no ESC"
ok 'grep -q "x^\[\]0;pwned^Gy" "$tmp/out"' "ESC and BEL shown as carets"
run -f - 7 <"$tmp/evil.csv"
is "$rc" 0 "-f - reads standard input"

# --- The registry lookup order ----------------------------------------
cp "$tmp/evil.csv" "$tmp/env.csv"
PORTREG_FILE=$tmp/env.csv "$PORTREG" 7 >"$tmp/out" 2>&1
ok 'grep -q evil "$tmp/out"' "PORTREG_FILE is honoured"
PORTREG_FILE=$tmp/env.csv "$PORTREG" -f "$SEED" 7 >"$tmp/out" 2>&1
ok '! grep -q evil "$tmp/out"' "-f wins over PORTREG_FILE"
mkdir -p "$XDG_DATA_HOME/portreg"
printf "$HDR"'\nold,9,tcp,Old,,,,,,,,\n' \
    >"$XDG_DATA_HOME/portreg/a.csv"
printf "$HDR"'\nnew,9,tcp,New,,,,,,,,\n' \
    >"$XDG_DATA_HOME/portreg/b.csv"
touch -d '2020-01-01' "$XDG_DATA_HOME/portreg/a.csv"
touch -d '2021-01-01' "$XDG_DATA_HOME/portreg/b.csv"
run 9
ok 'has "$out" "new"' "the newest file under XDG_DATA_HOME/portreg is used"
rm -rf "$XDG_DATA_HOME/portreg"

# --- --gaps, --contact, --check, -e -----------------------------------
run -f "$SEED" --gaps 10100-10300
is "$rc" 0 "--gaps with a range exits 0"
ok 'has "$out" "^10130-10159 *all *30 *Unassigned"' "--gaps lists the Unassigned row"
ok 'has "$out" "^10289-10300 "' "--gaps clips a gap to the range"
run -f "$SEED" --gaps 10140
is "$out" "$(printf 'PORTS        PROTO   SIZE  NOTE\n10130-10159  all       30  Unassigned')" \
    "--gaps with a port shows the whole gap around it"
printf "$HDR"'\nx,4,tcp,X,,,,,,,,\na,7,tcp,A,,,,,,,,\nb,8,udp,B,,,,,,,,\ny,10,udp,Y,,,,,,,,\n' \
    >"$tmp/proto.csv"
run -f "$tmp/proto.csv" --gaps --proto udp 5-9
is "$(printf '%s\n' "$out" | sed 1d | awk '{print $1, $2}' | tr '\n' ' ')" \
    "5-7 udp 9 udp " "--gaps --proto lists the runs free on that protocol"
run -f "$tmp/proto.csv" --gaps 5-9
is "$(printf '%s\n' "$out" | sed 1d | awk '{print $1, $2}' | tr '\n' ' ')" \
    "5-6 all 9 all " "--gaps without --proto: ports no protocol lists"

# An excerpt covers the span of its rows (the seed: 10128-11108); ports
# outside it are "not covered", never free, never "nothing found".
run -f "$SEED" --gaps 0-100
is "$rc:$out" "1:" "excerpt: --gaps 0-100 lists nothing, exit 1"
ok 'has "$err" "^portreg: 0-100: not covered by .*seed-excerpt-2024-10-15.txt, which lists ports 10128-11108 only$"' \
    "excerpt: --gaps 0-100 says the file does not cover those ports"
run -f "$SEED" --gaps --proto tcp 0-100
is "$rc:$out" "1:" "excerpt: --gaps --proto tcp 0-100 lists nothing, exit 1"
ok 'has "$err" "0-100: not covered by"' "excerpt: --gaps --proto says why"
run -f "$SEED" --gaps
is "$(printf '%s\n' "$out" | sed -n 2p | awk '{print $1}')" "10130-10159" \
    "excerpt: --gaps starts at its first gap, not at port 0"
ok '! has "$out" "^11109-"' "excerpt: --gaps lists nothing past its last row"
run -f "$SEED" --gaps 11100-11200
ok 'has "$err" "ports outside 10128-11108 are not covered"' \
    "excerpt: a range half outside says which ports are not covered"
run -f "$SEED" 22
is "$rc:$out" "1:" "excerpt: a lookup outside its span exits 1"
ok 'has "$err" "^portreg: 22: not covered by "' \
    "excerpt: a lookup outside its span says the file does not cover it"
run -f "$SEED" 10500-10520
is "$rc" 0 "excerpt: a lookup inside its span finds its rows"
run -f "$SEED" --check
ok 'has "$out" "^covers:   ports 10128-11108 only"' "excerpt: --check says what it covers"
run -f "$tmp/proto.csv" --gaps 4000
ok 'has "$err" "4000: not covered"' "a small CSV covers only its rows' span"
run --gaps 65535
ok 'has "$out" "^49152-65535 "' "the whole registry: 49152-65535 is a gap"
# A lookup inside a gap no row lists shows the gap, as a listed
# Unassigned row is shown; ports outside an excerpt stay not covered.
run 65535
is "$rc" 0 "a port in the unlisted Dynamic range exits 0"
ok 'has "$out" "^49152-65535  *Unassigned (not listed in the registry)$"' \
    "a port in the unlisted Dynamic range shows 49152-65535"
run 49152-65535
ok '[ "$rc" = 0 ] && has "$out" "^49152-65535  *Unassigned (not listed"' \
    "the range 49152-65535 shows the unlisted gap"
run 49000-49200
ok 'has "$out" "^49002-49149  *Unassigned$" &&
    printf "%s\n" "$out" | tail -1 | grep -q "^49152-65535 "' \
    "a range shows listed rows and the unlisted gap, in port order"
run -o json 65535
ok 'has "$out" "{\"service\":null,\"port\":49152,\"port_end\":65535,\"protocol\":null,\"description\":\"Unassigned (not listed in the registry)\",.*\"kind\":\"unassigned\"}"' \
    "an unlisted gap as JSON: a row object of kind unassigned"
run -o csv 65535
is "$(printf '%s\n' "$out" | sed 1d)" \
    ",49152-65535,,Unassigned (not listed in the registry),,,,,,,," \
    "an unlisted gap as CSV: a row with no name or protocol"
run -f "$tmp/proto.csv" 5
ok '[ "$rc" = 0 ] && has "$out" "^5-6  *Unassigned (not listed in the registry)$"' \
    "an excerpt: a port between its rows shows the unlisted gap"
run -f "$tmp/proto.csv" 5/udp
is "$rc" 1 "an unlisted gap is not shown for a protocol, as Unassigned rows"
run 22
ok 'has "$out" "^22 *tcp *ssh"' "the default registry answers 22 with ssh"
run --gaps 10809
is "$rc" 1 "--gaps at an assigned port finds nothing: exits 1"
run -o json --gaps 10140
ok 'has "$out" "\"port\":10130,\"port_end\":10159,\"protocol\":null,\"size\":30"' \
    "--gaps as JSON"

run --contact Wouter_Verhelst
is "$rc" 0 "--contact exits 0"
ok 'has "$out" "^Email  *w@uter.be" && has "$out" "^10809 *tcp *nbd"' \
    "--contact shows the person and their assignments"
run --contact wouter_verhelst
is "$rc" 0 "--contact accepts another case when unambiguous"
run -o json --contact Wouter_Verhelst
ok 'has "$out" "\"assignments\":\["' "--contact -o json has assignments"
if [ $have_python = 1 ]; then
	ok 'json_ok "$out"' "--contact -o json parses"
fi
run --contact Nobody_Here
is "$rc" 1 "--contact with an unknown id exits 1"

run -f "$SEED" --check
is "$rc" 1 "--check on the seed exits 1 (inference warnings)"
ok 'has "$out" "^records: "' "--check prints statistics"
ok 'has "$out" "seed-excerpt-2024-10-15.txt:[0-9]*: warning: "' \
    "--check prints warnings as FILE:LINE: warning: TEXT"
ok 'has "$out" "seed-excerpt-2024-10-15.txt:103: warning: hip-nat-t 10500/udp: lone date 2020-08-12 taken as registration date"' \
    "--check names the record a warning is about, not only the line"
printf "$HDR"'\nok,7,tcp,Fine,,,,,,,,\n' \
    >"$tmp/clean.csv"
run --check -f "$tmp/clean.csv"
is "$rc" 0 "--check on a clean file exits 0"

run -e '(' 22
is "$rc" 2 "bad pattern exits 2"
ok 'has "$err" "^portreg: bad pattern: "' "bad pattern message"
run -e 'name:^nbd$'
if [ "$rc" = 2 ] && has "$err" "not written"; then
	echo "ok $((_n += 1)) - # SKIP search not written yet"
else
	ok 'has "$out" "^10809 *tcp *nbd"' "-e finds nbd by name"
	run -e 'desc:block device' 10000-10500
	is "$rc" 1 "-e with a range: the intersection (nothing)"
fi

# --- The 2026 XML (shipped) and the 2025 CSV (PORTREG_REGISTRY_DIR) ----
run -f "$XML" -o json 10809
is "$rc" 0 "XML: 10809 found"
ok 'has "$out" "\"service\":\"nbd\""' "XML: 10809 is nbd"
ok 'has "$out" "\"name\":\"Wouter Verhelst\""' "XML: nbd contact Wouter Verhelst"
ok 'has "$out" "\"email\":\"w@uter.be\""' "XML: nbd e-mail w@uter.be"
ok 'has "$out" "\"references\":\[\"https://github.com/NetworkBlockDevice/nbd/"' \
    "XML: nbd URL reference"
ok 'has "$out" "\"registered\":\"2010-08-02\",\"modified\":\"2024-04-30\""' \
    "XML: nbd registered 2010-08-02, modified 2024-04-30"
run -f "$XML" 6010
ok 'has "$out" "^6000-6063 *tcp *x11"' "XML: 6010 finds x11 6000-6063"
# People with two addresses: no '&' address reaches any output (issue
# 14, item 13); WAP_Forum and the 6 others of the 2026 XML.
for o in json csv tsv table; do
	"$PORTREG" -f "$XML" -o "$o" >"$tmp/amp.$o" 2>/dev/null
	"$PORTREG" -f "$XML" --contact WAP_Forum -o "$o" >>"$tmp/amp.$o" 2>/dev/null
	"$PORTREG" -f "$XML" --contact Oracle_Corp -o "$o" >>"$tmp/amp.$o" 2>/dev/null
	ok '! grep -Eq "mailto:[^@\" ]*&|pg&uplanet" "$tmp/amp.$o"' \
	    "XML -o $o: no obfuscated & address"
done
run -f "$XML" --contact WAP_Forum -o json
ok 'has "$out" "\"email\":\"wap-feedback@mail.wapforum.org\",\"uri\":\"mailto:pg@uplanet.com\""' \
    "XML: WAP_Forum's two addresses, both with @"
# A reference with a label of its own keeps its URL (issue 14, item 12).
run -f "$XML" -o json 7202/tcp
ok 'has "$out" "\"references\":\[\"TR-352\","' "XML: 7202/tcp reference TR-352"
ok 'has "$out" "\"links\":\[\"https://www.broadband-forum.org/technical/download/TR-352.pdf\",null\]"' \
    "XML: 7202/tcp links has the broadband-forum URL, null for the prose"
run -f "$XML" -o json 8809/udp
ok 'has "$out" "\"links\":\[\"http://www.3gpp.org/ftp//Specs/archive/24_series/24.379\"\]"' \
    "XML: 8809/udp links has the 3GPP URL"

"$PORTREG" -f "$XML" -o csv >"$tmp/xml.csv" 2>/dev/null
"$PORTREG" -f - -o csv <"$tmp/xml.csv" >"$tmp/back.csv" 2>/dev/null
ok 'test -s "$tmp/xml.csv" && cmp -s "$tmp/xml.csv" "$tmp/back.csv"' \
    "XML as CSV loads back to the same CSV"
# TSV loads back, detected from its header or named (issue 14, item 14).
"$PORTREG" -f "$XML" -o tsv >"$tmp/xml.tsv" 2>/dev/null
"$PORTREG" -f "$tmp/xml.tsv" -o tsv >"$tmp/back.tsv" 2>/dev/null
ok 'test -s "$tmp/xml.tsv" && cmp -s "$tmp/xml.tsv" "$tmp/back.tsv"' \
    "XML as TSV loads back to the same TSV (detected)"
"$PORTREG" -f - --format-in tsv -o csv <"$tmp/xml.tsv" >"$tmp/back.csv" 2>/dev/null
ok 'cmp -s "$tmp/xml.csv" "$tmp/back.csv"' \
    "--format-in tsv: the TSV gives the XML's CSV"
run -f "$tmp/xml.tsv" --check
ok 'has "$out" "format: *tsv" || has "$out" "tsv"' "--check names the TSV format"
is "$rc" 0 "--check on portreg's own TSV: no warnings"
run -f "$tmp/xml.csv" --format-in tsv 22
is "$rc" 2 "--format-in tsv on a CSV: exit 2"
ok 'has "$err" "expected the TSV header"' "--format-in tsv on a CSV says what it expected"
run -f "$tmp/xml.tsv" --format-in text 22
is "$rc" 2 "TSV forced as pasted text: exit 2, not a partial load"
ok 'has "$err" "found portreg.s TSV"' "...and says it is TSV"
printf '%s\n' "Service Name Port Number Transport Protocol Description" \
    "a 1 tcp One" "  wrapped" "  wrapped" "  wrapped" "  wrapped" >"$tmp/junk.txt"
run -f "$tmp/junk.txt" 1
is "$rc" 2 "pasted text with most lines not records: exit 2"
ok 'has "$err" "junk.txt:3: expected the registry page pasted as text, one record a line; 4 of its 5 lines are not records"' \
    "...naming the first such line and the count"
if [ $have_python = 1 ]; then
	# People details are not in a CSV: compare with ids only; nor is
	# the URL of a reference with its own label (7202, 8809): links
	# are left out (test-independent.sh's round trip counts them).
	strip='import json,sys
d=json.load(sys.stdin)
for r in d:
    for k in ("assignees","contacts"):
        r[k]=[p["id"] for p in r[k]]
    del r["links"]
json.dump(d,sys.stdout,sort_keys=True)'
	"$PORTREG" -f "$XML" -o json 2>/dev/null |
	    python3 -c "$strip" >"$tmp/a.json" 2>/dev/null
	"$PORTREG" -f - -o json <"$tmp/xml.csv" 2>/dev/null |
	    python3 -c "$strip" >"$tmp/b.json" 2>/dev/null
	ok 'test -s "$tmp/a.json" && cmp -s "$tmp/a.json" "$tmp/b.json"' \
	    "XML as CSV loads back to identical JSON (people by id)"
else
	echo "ok $((_n += 1)) - # SKIP python3 absent: JSON round trip not compared"
fi
if need_shared; then
	run --check -f "$CSV"
	ok '[ "$rc" = 0 ] || [ "$rc" = 1 ]' "--check on the real CSV loads it"
else
	skip_part 1 "--check on the 2025 CSV: $SHARED_WHY"
fi

# --gaps --min N: only gaps of N ports or more (issue 16).
run --gaps --min 200 -f "$XML" -o csv
ok '[ "$rc" = 0 ] && [ "$(printf "%s\n" "$out" | sed 1d | wc -l)" -ge 5 ]' \
    "--gaps --min 200 lists gaps"
small=$(printf '%s\n' "$out" | sed 1d | awk -F, '{ n = split($1, p, "-");
	lo = p[1]; hi = n > 1 ? p[2] : p[1]; if (hi - lo + 1 < 200) print }')
is "$small" "" "--gaps --min 200: each of 200 ports or more"
run --gaps --min 100000 -f "$XML"
ok '[ "$rc" = 2 ] && printf "%s" "$err" | grep -q "expected a number of ports"' \
    "--min out of range is a usage error"
run --min 5 -f "$XML" 22
ok '[ "$rc" = 2 ] && printf "%s" "$err" | grep -q -- "--min goes with --gaps"' \
    "--min without --gaps is a usage error"
run --gaps --min 20000 -f "$XML" 10000-20000
is "$rc" 1 "--gaps --min larger than every gap: nothing found"

done_testing
