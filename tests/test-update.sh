#!/bin/sh
# test-update.sh - portreg --update: fetch over real HTTP (a python3
# server on 127.0.0.1), check, keep, and open the newest kept registry
# without -f; a file that does not load, a 404, a refused scheme or a
# missing downloader changes nothing and says why (exit status 2).
# Bounds (issue 14): a server that never answers or trickles, an endless
# stream, SIGINT and SIGTERM mid-download, a registry that shrank; with
# curl and with wget.  The hostile servers stop themselves (60 s and
# 1 GiB a connection, 300 s in all) and every run is under `ulimit -f`,
# so a broken bound fails a test rather than filling the disk.  TAP.
. "$top_srcdir/tests/lib.sh"
for prog in python3 curl; do
	command -v $prog >/dev/null 2>&1 && continue
	[ "${CI:-}" = true ] && { echo "Bail out! $prog missing under CI"; exit 1; }
	skip_all "$prog is not installed"
done
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-update.XXXXXX")
srv=
hostile=
cleanup() {
	[ -n "$srv" ] && kill "$srv" 2>/dev/null
	[ -n "$hostile" ] && kill "$hostile" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# The files served.
www=$tmp/www
mkdir -p "$www"
cp "$SEED" "$www/seed.txt"
cp "$top_srcdir/tests/data/xml-excerpt.xml" "$www/registry.xml"
head -c 700 "$www/registry.xml" > "$www/cut.xml"

# An HTTP server on a free port (loopback), stopped after 300 s at most.
timeout 300 python3 "$top_srcdir/tests/http-server.py" "$www" "$tmp/port" \
    >/dev/null 2>&1 &
srv=$!
url=http://127.0.0.1:$(wait_port "$tmp/port" "the HTTP server")

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

# 2. An XML, given as --update=URL: its 41 records are under half the
# sample's 101, so only --force keeps it; then it is the newest, opened.
ls -A "$dir" > "$tmp/before"
is "$(run --update="$url/registry.xml")" 2 "41 records after 101: exit 2"
ok 'grep -q "registry.xml: holds 41 records, under half the 101 of $dir/service-names-port-numbers.txt, which it would replace; not kept (--force keeps it)" "$tmp/err"' \
    "41 records after 101: says so"
ls -A "$dir" > "$tmp/after"
ok 'cmp -s "$tmp/before" "$tmp/after"' "41 records after 101: nothing kept, no temporary file"
is "$(run --update="$url/registry.xml" --force)" 0 "http: --update=URL --force exits 0"
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

# 5. Bounds.  One hostile server, by path: /silent reads the request and
# never answers; /trickle sends a header and then 8 KB every 0.2 s (a
# read timeout never fires); /endless sends without end and no length,
# writing what it sent to $tmp/sent.N.  Each connection stops itself
# after 60 s or 1 GiB, the server after 300 s.
python3 - "$tmp/hport" "$tmp/sent" >/dev/null 2>&1 <<'EOF' &
import os, socket, sys, threading, time
stop = time.time() + 300
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
s.settimeout(1)
open(sys.argv[1] + ".new", "w").write(str(s.getsockname()[1]))
os.rename(sys.argv[1] + ".new", sys.argv[1])
n = 0
def serve(c, n):
    end = min(time.time() + 60, stop)
    sent = 0
    try:
        req = c.recv(4096).split(b" ")
        path = req[1] if len(req) > 1 else b""
        if path.startswith(b"/silent"):
            c.settimeout(1)
            while time.time() < end:
                try:
                    if not c.recv(4096):
                        break
                except socket.timeout:
                    pass
            return
        c.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        trickle = path.startswith(b"/trickle")
        chunk = b"x" * (8192 if trickle else 65536)
        while time.time() < end and sent < (1 << 30):
            sent += c.send(chunk)
            if trickle:
                time.sleep(0.2)
    except OSError:
        pass
    finally:
        c.close()
        open(sys.argv[2] + ".%d" % n, "w").write("%d\n" % sent)
while time.time() < stop:
    try:
        c, _ = s.accept()
    except socket.timeout:
        continue
    n += 1
    threading.Thread(target=serve, args=(c, n), daemon=True).start()
EOF
hostile=$!
hurl=http://127.0.0.1:$(wait_port "$tmp/hport" "the hostile server")
XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME

# PATH folders with one downloader each: wget without curl, and a "curl"
# that takes no notice of its limits (the watchdog's case).
mkdir -p "$tmp/wget-only" "$tmp/deaf"
have_wget=0
if command -v wget >/dev/null 2>&1; then
	ln -s "$(command -v wget)" "$tmp/wget-only/wget"
	have_wget=1
elif [ "${CI:-}" = true ]; then
	echo "Bail out! wget missing under CI"; exit 1
fi
# (a shell that waits for a sleep: killing the shell alone would leave
# the sleep holding the pipe; the name is unique to this run)
deaf_sleep=$tmp/deaf/deaf-sleep-$$
printf '#!/bin/sh\n"%s" 300\n' "$deaf_sleep" > "$tmp/deaf/curl"
chmod +x "$tmp/deaf/curl"
ln -s "$(command -v sleep)" "$deaf_sleep"

no_temp() { ! ls -A "$dir" | grep -q '^\.update\.'; }
# bounded DL SECONDS ARGS...: portreg ARGS under `timeout SECONDS` (124:
# it hung past them) and a file size cap of 700 MB or more (ulimit -f
# counts 512- or 1024-byte blocks), with only downloader DL on PATH
# (curl: PATH as it is).  Prints the exit status.
bounded() {
	_dl=$1 _t=$2
	shift 2
	(
		ulimit -f 1400000
		case $_dl in
		curl)	exec timeout "$_t" "$PORTREG" "$@" ;;
		wget)	exec timeout "$_t" env PATH="$tmp/wget-only" \
			    "$PORTREG" "$@" ;;
		deaf)	exec timeout "$_t" env PATH="$tmp/deaf" \
			    "$PORTREG" "$@" ;;
		esac
	) >"$tmp/out" 2>"$tmp/err"
	echo $?
}
# The most one connection of the endless stream sent, in bytes.
most_sent() { cat "$tmp"/sent.* 2>/dev/null | sort -n | tail -1; }

for dl in curl wget; do
	if [ $dl = wget ] && [ $have_wget = 0 ]; then
		skip_part 9 "wget is not installed"
		continue
	fi
	# A server that never answers: --timeout 3, and 5 s more at most.
	is "$(bounded $dl 8 --update "$hurl/silent" --timeout 3)" 2 \
	    "$dl, silent server, --timeout 3: exit 2 within 8 s"
	ok 'grep -q "/silent: download stopped after 3 seconds (--timeout; $dl " "$tmp/err"' \
	    "$dl, silent server: says it stopped at the timeout"
	ok no_temp "$dl, silent server: no temporary file left"
	# One that answers slowly, for ever: the overall limit holds.
	is "$(bounded $dl 8 --update "$hurl/trickle" --timeout 3)" 2 \
	    "$dl, trickling server, --timeout 3: exit 2 within 8 s"
	ok 'grep -q "/trickle: download stopped after 3 seconds" "$tmp/err"' \
	    "$dl, trickling server: says it stopped at the timeout"
	# An endless stream with no length: stopped at 512 MiB.
	rm -f "$tmp"/sent.*
	is "$(bounded $dl 120 --update "$hurl/endless" --timeout 100)" 2 \
	    "$dl, endless stream: exit 2"
	ok 'grep -q "/endless: download stopped: larger than 512 MiB" "$tmp/err"' \
	    "$dl, endless stream: says it is too large"
	i=0
	while [ -z "$(most_sent)" ] && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	ok '[ -n "$(most_sent)" ] && [ "$(most_sent)" -lt 600000000 ]' \
	    "$dl, endless stream: under 600 MB sent ($(most_sent) bytes)"
	ok no_temp "$dl, endless stream: no temporary file left"
done

# A downloader that ignores its own limits: killed by the watchdog.
is "$(bounded deaf 10 --update "$hurl/silent" --timeout 2)" 2 \
    "a downloader deaf to its limits, --timeout 2: exit 2 within 10 s"
ok 'grep -q "/silent: download stopped after 2 seconds (--timeout; curl killed)" "$tmp/err"' \
    "a downloader deaf to its limits: killed, and says so"
ok no_temp "a downloader deaf to its limits: no temporary file left"
ok '! pgrep -f "$deaf_sleep" >/dev/null' \
    "a downloader deaf to its limits: what it started is killed too"

# SIGINT (Ctrl-C) and SIGTERM mid-download: the temporary file goes.  A
# script's background job starts with SIGINT ignored, and portreg keeps
# a signal it finds ignored (as nohup wants): python3 restores SIGINT
# before it becomes portreg (exec: the same process).
for sig in INT TERM; do
	ls -A "$dir" > "$tmp/before"
	python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$PORTREG" \
	    --update "$hurl/trickle" --timeout 50 >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	# Until the download has written into its temporary file.
	i=0
	until [ -n "$(find "$dir" -name '.update.*' -size +0 2>/dev/null)" ]; do
		[ $i -ge 200 ] && break
		sleep 0.1; i=$((i + 1))
	done
	ok '[ $i -lt 200 ]' "SIG$sig: the download is under way"
	kill -$sig $pid
	wait $pid
	st=$?
	[ $sig = INT ] && want=130 || want=143
	is "$st" $want "SIG$sig mid-download: portreg dies of the signal"
	ls -A "$dir" > "$tmp/after"
	ok 'cmp -s "$tmp/before" "$tmp/after"' \
	    "SIG$sig mid-download: no temporary file left, nothing changed"
done

# A registry of one record does not replace one of 41, unless --force.
csv_hdr='Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'
printf '%s\nnbd,10809,tcp,Network Block Device,,,,,,,,\n' "$csv_hdr" > "$www/one.csv"
ls -A "$dir" > "$tmp/before"
is "$(run --update "$url/one.csv")" 2 "a 1-record registry after 41: exit 2"
ok 'grep -q "one.csv: holds 1 records, under half the 41 of " "$tmp/err"' \
    "a 1-record registry: says why it is refused"
ls -A "$dir" > "$tmp/after"
ok 'cmp -s "$tmp/before" "$tmp/after"' "a 1-record registry: nothing kept"
is "$(run --update "$url/one.csv" --force)" 0 \
    "a 1-record registry with --force: exit 0"
ok '[ -f "$dir/service-names-port-numbers.csv" ]' "--force: kept"
is "$(run --update --timeout 30 "$url/one.csv" --force)" 0 \
    "--update --timeout 30 URL: the URL after the options is the URL"
ok 'grep -q "^saved $dir/service-names-port-numbers.csv" "$tmp/out"' \
    "--update --timeout 30 URL: kept"
is "$(run --timeout 5 22)" 2 "--timeout without --update: exit 2"
ok 'grep -q "go with --update" "$tmp/err"' \
    "--timeout without --update: says so"

done_testing
