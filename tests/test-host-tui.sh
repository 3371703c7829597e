#!/bin/sh
# test-host-tui.sh - SPEC 7 in the browser, in tmux on the 2026 XML: the
# marker column on the row of a port a helper holds on 127.0.0.1 (with
# a command name the test knows), the filter &host: keeping only rows
# in use here, the detail pane naming the process, and the F key.
. "$top_srcdir/tests/lib.sh"

tmux_init hosttui || skip_all "tmux is absent"
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"
command -v python3 >/dev/null 2>&1 || skip_all "python3 is absent"
[ -r /proc/net/tcp ] || skip_all "no /proc/net/tcp here"
XDG_DATA_HOME=$WORK/xdg
export XDG_DATA_HOME
unset PORTREG_FILE PORTREG_PROC

# The helper's command name: known to the test, its own.
NAME=prt-$$
helper_pid=
trap 'kill $helper_pid 2>/dev/null; tmux_cleanup' EXIT

# A port free on tcp and udp in 30001-40000 (test-host.sh looks in
# 20000-30000 meanwhile), inside an Unassigned row.
"$PORTREG" -f "$XML" --free --random 30001-40000 -o csv > "$WORK/free" 2>/dev/null
port=$(sed -n 2p "$WORK/free" | cut -d, -f1)
PRTEST_NAME=$NAME python3 "$top_srcdir/tests/host-helper.py" "$WORK/ports" "$port" "$port" &
helper_pid=$!
_i=0
while [ ! -s "$WORK/ports" ] && [ $_i -lt 200 ] && kill -0 $helper_pid 2>/dev/null; do
	sleep 0.05
	_i=$((_i + 1))
done
[ -s "$WORK/ports" ] || skip_all "the helper could not bind 127.0.0.1:$port"
read -r TCP UDP HPID < "$WORK/ports"
# The registry's row holding the port (its port field as the list shows it).
rowport=$("$PORTREG" -f "$XML" "$TCP" -o csv 2>/dev/null | sed -n 2p | cut -d, -f2)
ok '[ -n "$rowport" ]' "the registry has a row holding port $TCP ($rowport)"

start 120 40 -- -f "$XML"
keys : ; lit "$TCP"; keys Enter
check "the row of the held port shows the in-use marker @" "^ ?[@!]$rowport "
check "the detail pane names the helper's process and pid" "$NAME 127\.0\.0\.1:$TCP/tcp pid $HPID"
keys '&'; lit "host:"
check "the filter prompt counts the rows in use here" '\(([0-9]+) rows?\)'
keys Enter
check "&host: filters the list" 'filtered: [0-9]+ of'
# Every list row is marked @ (or ! : in use and named otherwise).
listrows() { screen | sed -n '3,38p' | grep -E '^ ?.[0-9]' ; }
ok '[ -n "$(listrows)" ] && ! listrows | grep -vqE "^ ?[@!][0-9]"' \
    "&host: keeps only rows marked in use"
ok 'listrows | grep -qE "^ ?[@!]$rowport "' "... the held port's row among them"
keys '&'; lit "host:$NAME"; keys Enter
check "&host:COMMAND keeps the helper's row" 'filtered: 1 of'
keys Escape
check_gone "Esc clears it" 'filtered:'
keys F
check "F asks how many free ports" 'How many free ports in a row\?'
lit 3; keys Enter
check "F selects the best block's gap" 'Free 1 of [0-9]+: ports [0-9]+-[0-9]+ in gap'
keys F
check "F again: the next candidate" 'Free 2 of [0-9]+'
quits "q quits" q

# A list that cannot be read: the browser starts without it and says so
# on the status line (escaped), not silently.
printf 'bad\033]2;x\n' > "$WORK/services"
chmod 000 "$WORK/services"
if [ -r "$WORK/services" ]; then	# root reads it anyway
	ln -s "$WORK/no-such-list" "$WORK/services-gone"
	bad=$WORK/services-gone
else
	bad=$WORK/services
fi
start 120 40 -- -f "$XML" --services "$bad" --nmap-services "$WORK/nmap-gone"
check "a services list left out is named on the status line" 'services.*\(left out\)'
check "the registry is still shown" '^ ?.?1 +tcp'
quits "q quits" q
kill $helper_pid 2>/dev/null
done_testing
