#!/bin/sh
# test-host.sh - SPEC 7 on the command line: --listening with sockets a
# helper of known command name holds on 127.0.0.1, --compare against an
# independent count (check-host.py), --free checked port by port, and
# the lists' errors and warnings.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-host.XXXXXX") || exit 1
helper_pid=
cleanup() {
	[ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
XDG_DATA_HOME=$tmp/xdg
export XDG_DATA_HOME
unset PORTREG_FILE PORTREG_PROC
CHECK="$top_srcdir/tests/check-host.py"
NMAP=/usr/share/nmap/nmap-services
# The helper's command name: known to the test, its own (two runs of the
# suite side by side do not see each other's).
NAME=prl-$$
export PRTEST_NAME=$NAME
SERVICES=/etc/services

run() {
	"$PORTREG" -f "$XML" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}
has() { printf '%s\n' "$1" | grep -q -- "$2"; }
# py EXPR: evaluate a Python expression over the JSON of $tmp/out (as j).
py() { python3 -c "import json,sys; j=json.load(open('$tmp/out')); sys.exit(0 if ($1) else 1)"; }

command -v python3 >/dev/null 2>&1 || skip_all "python3 is absent"

# start_helper [TCPPORT [UDPPORT]]: the helper's sockets; sets TCP UDP HPID.
start_helper() {
	rm -f "$tmp/ports"
	python3 "$top_srcdir/tests/host-helper.py" "$tmp/ports" "$@" &
	helper_pid=$!
	_i=0
	while [ ! -s "$tmp/ports" ] && [ $_i -lt 200 ]; do
		kill -0 "$helper_pid" 2>/dev/null || break
		sleep 0.05
		_i=$((_i + 1))
	done
	[ -s "$tmp/ports" ] || return 1
	read -r TCP UDP HPID < "$tmp/ports"
}
stop_helper() {
	kill "$helper_pid" 2>/dev/null
	wait "$helper_pid" 2>/dev/null
	helper_pid=
}

# --- --listening -------------------------------------------------------
if [ -r /proc/net/tcp ] && start_helper; then
	ok true "the helper listens on 127.0.0.1 (tcp $TCP, udp $UDP)"
	run --listening -o json
	is "$rc" 0 "--listening exits 0 with sockets"
	ok "py \"any(s['protocol']=='tcp' and s['port']==$TCP and s['address']=='127.0.0.1' and s['pid']==$HPID and s['command']=='$NAME' for s in j)\"" \
	    "--listening -o json lists the TCP socket with its pid and command"
	ok "py \"any(s['protocol']=='udp' and s['port']==$UDP and s['address']=='127.0.0.1' and s['pid']==$HPID and s['command']=='$NAME' for s in j)\"" \
	    "--listening -o json lists the UDP socket with its pid and command"
	cp "$tmp/out" "$tmp/listening.json"
	# The registry's entry for the TCP port, from a plain lookup.
	"$PORTREG" -f "$XML" "$TCP/tcp" -o json >"$tmp/lookup.json" 2>/dev/null
	ok "python3 -c \"
import json
l=[s for s in json.load(open('$tmp/listening.json')) if s['port']==$TCP and s['protocol']=='tcp'][0]
try: r=json.load(open('$tmp/lookup.json'))
except ValueError: r=[]
a=[x for x in r if x['kind']=='assigned' and x['protocol'] in ('tcp',None)]
res=[x for x in r if x['kind']=='reserved']
if a: assert l['registry']=='assigned' and l['service']==a[0]['service'], (l,a)
elif res: assert l['registry']=='reserved', l
else: assert l['registry']==('dynamic' if $TCP>=49152 else 'unassigned') and l['service'] is None, l
\"" "--listening gives the registry's entry for the port"
	run --listening "$TCP"
	ok 'has "$out" "$NAME" && ! has "$out" "udp .*$UDP"' \
	    "--listening PORT lists only that port's sockets"
	run --listening "$NAME" -o csv
	is "$(printf '%s\n' "$out" | grep -c -- "$NAME")" 2 \
	    "--listening COMMAND lists that process's two sockets"
	run --listening --proto udp -o tsv
	ok 'has "$out" "	$UDP	" && ! has "$out" "	$TCP	$HPID"' \
	    "--listening --proto udp keeps the UDP socket only"
	# Held: --free never offers it (the check below sees the helper).
	run --free 1 "$TCP-$TCP"
	is "$rc" 1 "--free does not offer a port held here (exit 1)"
	stop_helper
	run --listening -o json
	ok "py \"not any(s['port'] in ($TCP, $UDP) and s['command']=='$NAME' for s in j)\"" \
	    "once closed, the sockets are gone from --listening"
else
	skip_part 9 "no /proc/net/tcp or no loopback socket here"
fi
PORTREG_PROC=$tmp/noproc run --listening
is "$rc" 2 "--listening without /proc/net exits 2"
ok 'has "$err" "not available.*noproc/net/tcp"' \
    "--listening without /proc/net says so"

# A proc tree of our own: addresses as ss shows them, states kept.
mkdir -p "$tmp/proc/net"
cat > "$tmp/proc/net/tcp" <<'EOT'
  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0 100 0 0 10 0
   1: 0100007F:1F91 0100007F:C000 01 00000000:00000000 00:00000000 00000000  1000        0 4243 1 0 100 0 0 10 0
   2: garbage
EOT
cat > "$tmp/proc/net/tcp6" <<'EOT'
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0 100 0 0 10 0
   1: 0000000000000000FFFF00000100007F:1F92 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 98 1 0 100 0 0 10 0
EOT
printf '  sl  local_address rem_address   st\n   0: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 77 2 0 0\n' > "$tmp/proc/net/udp"
# An owner by its socket inode: pid 4321, command fakecmd, socket 4242.
mkdir -p "$tmp/proc/4321/fd" "$tmp/proc/net/sctp"
ln -s 'socket:[4242]' "$tmp/proc/4321/fd/3"
ln -s '/dev/null' "$tmp/proc/4321/fd/0"
printf 'fakecmd\n' > "$tmp/proc/4321/comm"
printf ' ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\nffff8800b8fdc000 ffff8800b8ff6800 2   10  29   2905      0 17213 10.0.0.1 10.0.0.2\n' > "$tmp/proc/net/sctp/eps"
: > "$tmp/proc/net/udp6"
PORTREG_PROC=$tmp/proc run --listening -o csv
is "$rc" 0 "a proc tree of the test's own is read"
ok 'has "$out" "^tcp,127.0.0.1,8080,4321,fakecmd,"' "IPv4 loopback as 127.0.0.1, its owner found by the socket inode"
ok 'has "$out" "^tcp,\[::\],22,,,"' "a socket no process holds: owner unknown"
ok 'has "$out" "^sctp,10.0.0.1,2905,.*m3ua"' "SCTP endpoints from net/sctp/eps, with the registry's entry"
ok 'has "$out" "^tcp,\[::\],22,.*ssh"' "IPv6 wildcard as [::], with the registry's ssh"
ok 'has "$out" "^tcp,\[::ffff:127.0.0.1\],8082,"' "IPv4-mapped as [::ffff:127.0.0.1]"
ok 'has "$out" "^udp,0.0.0.0,53,.*domain"' "bound UDP kept"
ok '! has "$out" "8081"' "a connected TCP socket is not listed"
printf 'webby 8080/tcp\nssh 22/tcp\n' > "$tmp/svc-listen"
PORTREG_PROC=$tmp/proc run --listening -o json --services "$tmp/svc-listen"
ok "py \"[s['services_name'] for s in j if s['port']==8080] == ['webby'] and [s['service'] for s in j if s['port']==8080] == ['http-alt'] and [s['services_name'] for s in j if s['port']==22] == [None]\"" \
    "services_name only where services(5) names the port otherwise"

# --- --compare ---------------------------------------------------------
if [ -r "$SERVICES" ]; then
	run --compare "$SERVICES" -o json
	ok '[ "$rc" = 0 ] || [ "$rc" = 1 ]' "--compare exits 0 or 1"
	python3 "$CHECK" compare "$XML" "$SERVICES" > "$tmp/want" 2>&1
	ok "python3 -c \"
import json
got=json.load(open('$tmp/out'))['counts']
want=json.load(open('$tmp/want'))
got={k:v for k,v in got.items() if v}
assert got==want, (got, want)
\"" "--compare's counts per class agree with an independent count"
	ok "py \"any(e['service']=='http' and e['port']==80 and e['protocol']=='tcp' and e['class']=='agrees' for e in j['entries'])\"" \
	    "http 80/tcp agrees"
	if [ "$(python3 -c "import json; print(sum(json.load(open('$tmp/out'))['counts'].values()))")" -gt 0 ]; then
		ok true "--compare counts every entry"
	else
		ok false "--compare counts every entry"
	fi
else
	skip_part 4 "$SERVICES is absent"
fi
# A crafted file: http renamed, and one of each class.
printf 'webby\t80/tcp\t\t# renamed\r\nssh 22/tcp\nfoo 1/udp\nbar 1023/tcp\nzed 4/tcp\nqux 2024/udp\n' > "$tmp/crafted"
run --compare "$tmp/crafted" -o json
is "$rc" 1 "--compare exits 1 when an entry differs"
ok "py \"[e['class'] for e in j['entries'] if e['service']=='webby'] == ['name_differs'] and [e['iana_service'] for e in j['entries'] if e['service']=='webby'] == ['http']\"" \
    "a renamed entry is 'name differs' with IANA's name"
ok "py \"j['counts']['agrees']==1\"" "ssh 22/tcp agrees (CRLF and comments read)"
run --compare "$tmp/crafted"
ok 'has "$out" "^name differs *3" && has "$out" "^agrees *1" && has "$out" "^port reserved at IANA *1"' \
    "the table starts with the counts per class"
run --compare "$tmp/crafted" -o csv
ok 'has "$out" "^class,count" && has "$out" "^name_differs,webby,80,tcp,http,1"' \
    "CSV: the counts, then the entries"
printf 'ssh 22/tcp\n' > "$tmp/agree"
run --compare "$tmp/agree"
is "$rc" 0 "--compare exits 0 when all agree"
printf '<?xml version="1.0"?>\n<registry>\n</registry>\n' > "$tmp/notlist"
run --compare "$tmp/notlist"
is "$rc" 2 "a file of neither format is an error (exit 2)"
ok 'has "$err" "notlist:1: expected a services(5) or nmap-services line"' \
    "... naming the file and line"

# --- --free ------------------------------------------------------------
NM=$NMAP
[ -r "$NM" ] || { NM=$tmp/empty-nmap; : > "$NM"; }
SV=$SERVICES
[ -r "$SV" ] || { SV=$tmp/empty-services; : > "$SV"; }
if [ -r /proc/net/tcp ]; then
	# Hold the port --free ranks first: it must not be offered again.
	run --free 5 20000-30000 -o json
	first=$(python3 -c "import json; print(json.load(open('$tmp/out'))[0]['port'])")
	start_helper "$first" 0 || start_helper
	# The sockets held all through --free: in a snapshot before it and
	# one after (other tests may bind ports meanwhile).
	"$PORTREG" -f "$XML" --listening -o json > "$tmp/before.json" 2>/dev/null
	run --free 5 20000-30000 -o json
	is "$rc" 0 "--free 5 20000-30000 finds blocks"
	cp "$tmp/out" "$tmp/free.json"
	"$PORTREG" -f "$XML" --listening -o json > "$tmp/after.json" 2>/dev/null
	python3 -c "
import json
key=lambda s: (s['protocol'], s['address'], s['port'])
a=json.load(open('$tmp/before.json')); b={key(s) for s in json.load(open('$tmp/after.json'))}
json.dump([s for s in a if key(s) in b], open('$tmp/listening.json', 'w'))"
	ok "python3 '$CHECK' free '$XML' '$SV' '$NM' '$tmp/listening.json' '$tmp/free.json' 5 20000 30000" \
	    "every block passes every condition (registry, services(5), nmap, sockets)"
	ok "py \"all(not (b['port'] <= $TCP <= b['port_end']) for b in j)\"" \
	    "the port the test holds ($TCP) is never offered"
	stop_helper
else
	skip_part 3 "no /proc/net/tcp here"
fi
run --free 3 20000-30000 --limit 4 -o json
ok "py \"len(j)==4 and all(b['port_end']-b['port']==2 for b in j)\"" "--limit 4 shows 4 blocks of 3"
run --free --random -o json
ok "py \"len(j)==1 and 1024 <= j[0]['port'] <= 49151\"" "--random picks one block in the User range"
# Two runs of --random: across 8 tries, not always the same answer.
seen=$(for i in 1 2 3 4 5 6 7 8; do "$PORTREG" -f "$XML" --free --random -o csv 2>/dev/null | sed -n 2p | cut -d, -f1; done | sort -u | wc -l)
ok '[ "$seen" -gt 1 ]' "--random gives different answers ($seen different in 8)"
run --free 1 80-80
is "$rc" 1 "--free on an assigned port finds nothing (exit 1)"
ok 'has "$err" "no block of 1 free port"' "... and says so"
run --free 0
is "$rc" 2 "--free 0 is a usage error"
run --free 10 2-1
is "$rc" 2 "--free with a reversed range is a usage error"
run --random
is "$rc" 2 "--random without --free is a usage error"
run --free --services none --nmap-services none --proto udp 20000-20100 -o json
ok "py \"len(j)>=1\"" "--free with --services none, --nmap-services none and --proto udp"

# --- The lists' own errors --------------------------------------------
run --free --services "$tmp/nonexistent"
is "$rc" 2 "--services FILE that cannot be read exits 2"
printf 'ok 1/tcp\nbad 70000/tcp\nworse 80/xyz\nok 1/tcp\n' > "$tmp/warn"
run --free 1 20000-20010 --services "$tmp/warn"
ok 'has "$err" "warn:2: warning: port .70000. is outside" && has "$err" "warn:3: warning: unknown protocol .xyz." && has "$err" "warn:4: warning: duplicate of line 1"' \
    "bad lines are warnings naming file and line"
done_testing
