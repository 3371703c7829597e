#!/bin/sh
# test-update.sh - portreg --update: fetch over real HTTP (a python3
# server on 127.0.0.1), check, keep, and open the newest kept registry
# without -f; a file that does not load, a 404, a refused scheme or a
# missing downloader changes nothing and says why (exit status 2).  TAP.
. "$top_srcdir/tests/lib.sh"
for prog in python3 curl; do
	command -v $prog >/dev/null 2>&1 && continue
	[ "${CI:-}" = true ] && { echo "Bail out! $prog missing under CI"; exit 1; }
	skip_all "$prog is not installed"
done
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-update.XXXXXX")
srv=
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The files served.
www=$tmp/www
mkdir -p "$www"
cp "$SEED" "$www/seed.txt"
cp "$top_srcdir/tests/data/xml-excerpt.xml" "$www/registry.xml"
head -c 700 "$www/registry.xml" > "$www/cut.xml"

# An HTTP server on a free port; it writes the port when it listens.
python3 - "$www" "$tmp/port" >/dev/null 2>&1 <<'EOF' &
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
h = functools.partial(Quiet, directory=sys.argv[1])
s = http.server.HTTPServer(("127.0.0.1", 0), h)
open(sys.argv[2] + ".new", "w").write(str(s.server_address[1]))
import os; os.rename(sys.argv[2] + ".new", sys.argv[2])
s.serve_forever()
EOF
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$tmp/port" ] || { echo "Bail out! the HTTP server did not start"; exit 1; }
url=http://127.0.0.1:$(cat "$tmp/port")

XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
unset PORTREG_FILE
dir=$XDG_DATA_HOME/portreg

run() { timeout 60 "$PORTREG" "$@" >"$tmp/out" 2>"$tmp/err"; echo $?; }

# 1. The pasted-text sample over HTTP: kept as .txt, opened without -f.
is "$(run --update "$url/seed.txt")" 0 "http: --update URL exits 0"
is "$(head -1 "$tmp/out")" "saved $dir/service-names-port-numbers.txt" \
    "http: says where it kept the registry"
ok 'grep -q "^records:  101 " "$tmp/out"' "http: prints what it loaded"
ok 'cmp -s "$dir/service-names-port-numbers.txt" "$SEED"' \
    "http: the kept file is the served one, byte for byte"
is "$(run 10809)" 0 "without -f: the lookup answers"
ok 'grep -q "^10809 *tcp *nbd" "$tmp/out"' "without -f: 10809 is nbd"
# The shipped registry has nbd too: --check names the file opened.
run --check >/dev/null
is "$(head -1 "$tmp/out" | cut -d: -f1)" "$dir/service-names-port-numbers.txt" \
    "without -f the kept registry is opened, not the shipped one"

# 2. An XML, given as --update=URL: now the newest, so it is opened.
is "$(run --update="$url/registry.xml")" 0 "http: --update=URL exits 0"
ok 'cmp -s "$dir/service-names-port-numbers.xml" "$www/registry.xml"' \
    "http: the XML is kept as service-names-port-numbers.xml"
run --check >/dev/null
is "$(head -1 "$tmp/out" | cut -d: -f1)" "$dir/service-names-port-numbers.xml" \
    "the newest kept registry is the one opened"

# What an interrupted update left: removed when over an hour old.
touch -d '2 hours ago' "$dir/.update.OLDOLD"
touch "$dir/.update.NEWNEW"
is "$(run --update "$url/registry.xml")" 0 "an update after interrupted ones"
ok '[ ! -e "$dir/.update.OLDOLD" ] && [ -e "$dir/.update.NEWNEW" ]' \
    "it removes their temporary files over an hour old, only those"
rm -f "$dir/.update.NEWNEW"
ls -A "$dir" > "$tmp/before"

# 3. Failures change nothing: no new file, no temporary left behind.
unchanged() {
	ls -A "$dir" > "$tmp/after"
	cmp -s "$tmp/before" "$tmp/after" &&
	    cmp -s "$dir/service-names-port-numbers.xml" "$www/registry.xml"
}
is "$(run --update "$url/cut.xml")" 2 "truncated XML: exit 2"
ok 'grep -q "^portreg: --update: $url/cut.xml:[0-9]*:[0-9]*: expected" "$tmp/err"' \
    "truncated XML: the message names the URL, line and column"
ok unchanged "truncated XML: the kept registry is untouched"

is "$(run --update "$url/missing.xml")" 2 "404: exit 2"
ok 'grep -q "missing.xml: download failed (curl exit status 22: curl: (22) .*404" "$tmp/err"' \
    "404: says the download failed"
ok unchanged "404: the kept registry is untouched"

is "$(run --update "ftp://127.0.0.1/x.xml")" 2 "ftp URL: exit 2"
ok 'grep -q "expected an http, https or file URL" "$tmp/err"' \
    "ftp URL: refused before any download"

# Shell syntax in the URL is a URL, never a command.
is "$(run --update "$url/x;touch $tmp/pwned;\$(touch $tmp/pwned2)\`touch $tmp/pwned3\`")" 2 \
    "URL with shell syntax: exit 2 (404)"
ok '[ ! -e "$tmp/pwned" ] && [ ! -e "$tmp/pwned2" ] && [ ! -e "$tmp/pwned3" ]' \
    "URL with shell syntax: nothing in it ran"
ok unchanged "URL with shell syntax: the kept registry is untouched"

# Control characters in the URL reach the terminal escaped.
E=$(printf '\033')
is "$(run --update "$url/${E}]0;evil${E}\\")" 2 "URL with an OSC sequence: exit 2"
ok '! grep -q "$E" "$tmp/err" && grep -q "\^\[\]0;evil" "$tmp/err"' \
    "URL with an OSC sequence: shown escaped in the message"

is "$(timeout 60 env PATH=/nonexistent "$PORTREG" --update "$url/registry.xml" \
    >"$tmp/out" 2>"$tmp/err"; echo $?)" 2 \
    "no curl, no wget: exit 2"
ok 'grep -q "neither curl nor wget is installed" "$tmp/err"' \
    "no curl, no wget: says so"

is "$(run --update "$url/registry.xml" 22)" 2 "--update with a query: exit 2"
ok 'grep -q "takes no QUERY" "$tmp/err"' "--update with a query: says so"

# 4. Where it keeps files without XDG_DATA_HOME: under HOME.
is "$(env -u XDG_DATA_HOME HOME="$tmp/home" "$PORTREG" \
    --update "file://$www/seed.txt" >/dev/null 2>&1; echo $?)" 0 \
    "file URL, no XDG_DATA_HOME: exit 0"
ok '[ -f "$tmp/home/.local/share/portreg/service-names-port-numbers.txt" ]' \
    "kept under HOME/.local/share/portreg"
is "$(env -u XDG_DATA_HOME -u HOME "$PORTREG" --update "$url/seed.txt" \
    >/dev/null 2>&1; echo $?)" 2 "no HOME, no XDG_DATA_HOME: exit 2"

done_testing
