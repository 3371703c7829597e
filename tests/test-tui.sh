#!/bin/sh
# test-tui.sh - drive the real browser in tmux as a user does: send keys,
# read the screen with capture-pane, poll for what must appear (never a
# fixed sleep).  One check at least per key of the key table, mouse
# clicks and wheel, a resize storm, NO_COLOR, UTF-8 and escaping, and
# the acceptance walk on the 2026 XML.  Without -f, portreg opens the
# shipped registry, data/service-names-port-numbers.xml (the 2026 XML).
. "$top_srcdir/tests/lib.sh"

tmux_init tui || skip_all "tmux is absent"
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"

# Keep the user's own fetched registries out of the lookup order: without
# -f, the shipped one opens.
XDG_DATA_HOME=$WORK/xdg
export XDG_DATA_HOME
unset PORTREG_FILE

# The selected row, from the status line ("row 12/103").
row() { screen | sed -n 's/.*  row \([0-9]*\)\/[0-9]*.*/\1/p' | tail -1; }
rows() { screen | sed -n 's/.*  row [0-9]*\/\([0-9]*\).*/\1/p' | tail -1; }
# Wait until the selected row is N.
row_is() {
	if wait_for "  row $2/"; then ok true "$1"
	else
		ok false "$1"
		echo "# at row $(row), want $2"
	fi
}

# --- The shipped registry (no -f): 120x40 ------------------------------

start 120 40 --
check "opens the shipped registry without -f" ' service-names-port-numbers\.xml  Last Updated'
check "status line shows Last Updated" 'Last Updated 2026-08-17'
check "title line" '^ portreg .*h: help'
N=$(rows)
ok '[ "${N:-0}" -gt 14000 ]' "the whole registry has rows ($N)"
PAGE=35		# 40 lines: the list body has 36 rows; a page is one less

keys j;		row_is "j: next row" 2
keys Down;	row_is "Down: next row" 3
keys k;		row_is "k: previous row" 2
keys Up;	row_is "Up: previous row" 1
keys NPage;	row_is "PgDn: page down" $((1 + PAGE))
keys Space;	row_is "Space: page down" $((1 + 2 * PAGE))
keys C-f;	row_is "Ctrl-F: page down" $((1 + 3 * PAGE > N ? N : 1 + 3 * PAGE))
keys G;		row_is "G: last row" "$N"
keys PPage;	row_is "PgUp: page up" $((N - PAGE))
keys b;		row_is "b: page up" $((N - 2 * PAGE))
keys C-b;	row_is "Ctrl-B: page up" $((N - 3 * PAGE > 1 ? N - 3 * PAGE : 1))
keys g;		row_is "g: first row" 1
keys End;	row_is "End: last row" "$N"
keys Home;	row_is "Home: first row" 1

keys : 10809 Enter
check ": goes to a port" 'Detail: nbd 10809/tcp'
keys ']'
check "]: next gap" 'Detail: Unassigned 10811-10859'
keys '}'
check "}: next assignment at another port" 'Detail: helix 10860/tcp'
keys '['
check "[: previous gap" 'Detail: Unassigned 10811-10859'
keys '{'
check "{: previous assignment" 'Detail: nmc-disc 10810/udp'
keys : 10815 Enter
check ": on a port inside a gap selects the gap" 'Detail: Unassigned 10811-10859'
keys : helix/udp Enter
check ": name and protocol" 'Detail: helix 10860/udp|Detail: helix 10860/tcp'
keys : 99999 Enter
check ": reports a bad port" 'out of range|99999'

keys g / 'Network Block' Enter
check "/: search forward" 'Detail: nbd 10809/tcp'
check "/: highlights and counts" 'Match 1 of 1|/Network Block 1/1'
keys n
check "n: next match wraps and says so" 'wrapped to the top'
keys N
check "N: previous match wraps and says so" 'wrapped to the bottom'
keys G '?' helix Enter
check "?: search backward" 'Detail: helix 10860/udp'
keys g / '(' 
check "/: a bad pattern shows the message and offset" 'offset'
keys Escape
check_gone "Esc: cancels the prompt" '^/\('

keys '&' Wouter
check "&: counts matching rows as you type" '^&Wouter.*\([0-9]+ rows?\)'
keys Enter
check "&: filters the list" 'filtered: [0-9]+ of'
ok '! screen | grep -Eq "^[ *>]10860 "' "&: rows that do not match are gone"
keys Escape
check_gone "Esc: clears the filter" 'filtered:'

keys : 10860 Enter Enter
check "Enter: focuses the contacts" '>Contacts \(2\)'
keys Enter
check "Enter on a person: their assignments" '\[person\]'
keys Escape
check_gone "Esc: leaves the person's list" '\[person\]'
keys Tab
check "Tab: cycles focus to the list" '^>Port'
keys : 10809 Enter c
check "c: focuses the contacts" '>Contacts'
keys Tab
check "Tab: focus the list from contacts" '^>Port'
keys Tab
check "Tab: focus the detail" '>Detail'
R=$(row)
keys j
sleep 0.2
is "$(row)" "$R" "j in the detail pane scrolls it, not the list"
keys BTab
check "Shift-Tab: focus the previous pane" '^>Port'
keys BTab
check "Shift-Tab: wraps to contacts" '>Contacts'
keys BTab BTab

keys : 10128 Enter : 10860 Enter C-o
check "Ctrl-O: back before the last jump" 'Detail: bmc-perf-sd 10128'
keys : 10809 Enter BSpace
check "Backspace: back before the last jump" 'Detail: bmc-perf-sd 10128'

keys h
check "h: help overlay from the key table" 'next assignment at another port number'
check "help lists Ctrl-O" 'Ctrl-O, Backspace'
keys q
check_gone "q: closes the help" 'next assignment at another port number'
check "q on the help does not quit" 'Last Updated'
keys F1
check "F1: help" 'Keys \(j/k scroll'
keys Escape
check_gone "Esc: closes the help" 'Keys \(j/k scroll'

# o: a fake browser records what it was asked to open.
cat > "$WORK/browser" <<EOF
#!/bin/sh
printf '%s\n' "\$@" > "$WORK/opened.tmp" && mv "$WORK/opened.tmp" "$WORK/opened"
EOF
chmod +x "$WORK/browser"
quits "q: quits with status 0" q

start 120 40 "BROWSER=$WORK/browser" --
# opened WANT NAME: wait for the fake browser's record, compare, remove.
opened() {
	poll test -s "$WORK/opened"
	is "$(cat "$WORK/opened" 2>/dev/null)" "$1" "$2"
	rm -f "$WORK/opened"
}
keys : 10809 Enter o
opened "https://github.com/NetworkBlockDevice/nbd/blob/master/doc/proto.md" \
    "o: opens the reference with \$BROWSER"
keys c o
opened "mailto:w@uter.be" "o on a contact: opens mailto: with the real address"
keys Tab : 10815 Enter o
check "o on a gap: nothing to open (only http, https, mailto)" \
    'Nothing to open'
# The detail pane's link cursor: nbd shows Wouter's e-mail, then the
# reference, which is highlighted first.
keys : 10809 Enter Tab
check "Tab: the detail pane has the focus" '>Detail: nbd'
rm -f "$WORK/opened"
keys k o
opened "mailto:w@uter.be" "detail pane: k highlights the previous link, o opens it"
keys j o
opened "https://github.com/NetworkBlockDevice/nbd/blob/master/doc/proto.md" \
    "detail pane: j highlights the next link, o opens it"
keys j
R=$(row)
sleep 0.2
is "$(row)" "$R" "j past the last link does not move the list"
quits "Ctrl-C: quits with status 0" C-c
start 120 40 "BROWSER=$WORK/no-such-browser" --
keys : 10809 Enter o
check "o: a browser that cannot run is reported" \
    'Cannot open https://github.com/.*no-such-browser'
quits "q exits 0 after a failed open" q

# --- Mouse ------------------------------------------------------------------
# X10 mouse reports as the terminal would send them: ESC [ M b x y,
# each plus 32, coordinates 1-based.
mouse() { lit "$(printf '\033[M%b%b%b' "\\0$(printf %o $(( $1 + 32 )))" \
    "\\0$(printf %o $(( $2 + 33 )))" "\\0$(printf %o $(( $3 + 33 )))")"; }
start 120 40 --
mouse 0 5 6; mouse 3 5 6
row_is "mouse: a click selects a row" 5
mouse 0 100 10; mouse 3 100 10
check "mouse: a click focuses a pane" '>Detail'
mouse 65 5 10
check_line "mouse: the wheel scrolls the list down" 3 '^ 1 +udp +tcpmux '
mouse 64 5 10
check_line "mouse: the wheel scrolls the list up" 3 '^ 0 +tcp +Reserved'
quits "q after mouse use" q

# --- 80x24: all three panes ------------------------------------------------
start 80 24 --
check "80x24: the list is on screen" '^>Port'
check "80x24: the detail is on screen" ' Detail'
check "80x24: the contacts are on screen" ' Contacts'

# --- Resize storm ---------------------------------------------------------------
_i=0
while [ $_i -lt 30 ]; do
	if [ $((_i % 2)) = 0 ]; then
		T resize-window -x $((20 + _i)) -y $((5 + _i % 7))
	else
		T resize-window -x $((200 - _i)) -y $((60 - _i % 9))
	fi
	_i=$((_i + 1))
done
T resize-window -x 20 -y 5
check "a tiny terminal says it is too small" 'Terminal too small'
T resize-window -x 1 -y 1
T resize-window -x 120 -y 40
check "30 resizes leave it running" 'Last Updated'
keys h
T resize-window -x 60 -y 15
T resize-window -x 130 -y 45
check "help survives a resize" 'Keys \(j/k scroll'
keys q
quits "q exits 0 after the storm" q

# --- Help on narrow terminals: descriptions wrap, j/k scroll ----------------
start 60 24 --
keys h
check "60 columns: the help opens" 'Keys \(j/k scroll'
check "60 columns: a long description wraps beside its key" \
    '│ j, Down +next row; in the detail pane, +│'
check "60 columns: ...its words continue below" '│ +the next link +│'
keys j
check_gone "60 columns: j scrolls the help" 'Keys \(j/k scroll'
keys G
check "60 columns: the last paragraph ends whole" 'never a shell\. +│'
# Up from the end to the 'o' key's last line (the paragraphs after the
# keys grow as features do).
keys k k k k k k k k
check "60 columns: the end of a wrapped description shows" '│ +mailto only\) +│'
keys q
check_gone "60 columns: q closes the help" 'mailto only'
quits "60 columns: q exits 0" q
start 40 20 --
keys h
check "40 columns: keys above their wrapped description" '│ PgDn, Space, Ctrl-F +│'
keys G
check "40 columns: the last words show" '│ shell\. +│'
quits "40 columns: q q exits 0" q q

# --- NO_COLOR: no colour escapes; with colours, some ---------------------
start 120 40 NO_COLOR=1 --
check "NO_COLOR: starts" 'Last Updated'
keys : 10809 Enter / nbd Enter
check "NO_COLOR: searching" 'Match 2 of 5'
is "$(sgr_colours)" "" "NO_COLOR: capture-pane -e shows no colour codes"
quits "NO_COLOR: q exits 0" q
start 120 40 --
ok '[ -n "$(sgr_colours)" ]' "without NO_COLOR there are colours"
quits "q exits 0" q
start 120 40 TERM=vt100 --
check "a monochrome terminal (vt100) works" 'Last Updated'
is "$(sgr_colours)" "" "a monochrome terminal gets no colour codes"
quits "vt100: q exits 0" q

# --- UTF-8 and control characters ---------------------------------------------
start 120 40 -- -f "$top_srcdir/tests/data/tui-utf8.csv"
check "UTF-8 text shows as itself" 'FORTÉ café 日本語 wide'
keys j
check "control characters show escaped" 'bell\^G esc\^\[\[2J csi'
ok '! T capture-pane -p -e | grep -q "$(printf "\007")"' "no raw BEL reaches the terminal"
quits "q exits 0" q

# --- The registry on standard input: keys come from the terminal -------------
tmux_run 100 30 "env TERM=screen-256color LANG=C.UTF-8 '$PORTREG' -f - < '$SEED'"
check "-f -: the browser reads the registry from standard input" 'Last Updated 2024-10-15'
keys j j
row_is "-f -: keys come from the terminal" 3
quits "-f -: q exits 0" q

# --- The acceptance walk on the 2026 XML --------------------------------------
start 120 40 -- -f "$XML"
check "XML: opens" ' service-names-port-numbers\.xml  Last Updated'
keys : 10809 Enter
check "XML: :10809 shows nbd" 'Detail: nbd 10809/tcp'
check "XML: contact Wouter Verhelst" 'Wouter Verhelst'
check "XML: e-mail w@uter.be" 'w@uter\.be'
keys ']'
check "XML: ] selects 10811-10859" 'Detail: Unassigned 10811-10859'
keys '}'
check "XML: } selects helix 10860/tcp" 'Detail: helix 10860/tcp'
check "XML: helix names Matthew Strange" 'Matthew Strange'
check "XML: helix names Larry Atkin" 'Larry Atkin'
keys '['
check "XML: [ returns to 10811-10859" 'Detail: Unassigned 10811-10859'
keys '{'
check "XML: { selects nmc-disc 10810/udp" 'Detail: nmc-disc 10810/udp'
check "XML: nmc-disc names Gordon Waddell" 'Gordon Waddell'
keys g / 'Network Block' Enter
check "XML: /Network Block selects nbd" 'Detail: nbd 10809/tcp'
keys '&' 'Jon Postel' Enter
check "XML: &Jon Postel filters" 'filtered: [0-9]+ of'
ok '! screen | grep -q "tcpmux"' "XML: the filter hides other people's rows"
keys Escape
check_gone "XML: Esc shows all again" 'filtered:'
keys : 7/tcp Enter Enter Enter
check "XML: Enter Enter on echo lists Jon Postel's assignments" \
    'Jon Postel: [0-9]+'
check "XML: daytime is among them" ' daytime '
ok '! screen | grep -q " tcpmux "' "XML: tcpmux is not"
keys Escape
check "XML: Esc returns to echo" 'Detail: echo 7/tcp'
keys h
check "XML: h shows help" 'Keys \(j/k scroll'
keys q
check_gone "XML: q closes help" 'Keys \(j/k scroll'
_i=0
while [ $_i -lt 30 ]; do
	T resize-window -x $((20 + (_i * 37) % 181)) -y $((5 + (_i * 13) % 56))
	_i=$((_i + 1))
done
T resize-window -x 120 -y 40
check "XML: 30 resizes leave it running" 'Last Updated 2026-08-17'
quits "XML: q exits 0" q

# --- Issue 11 item 6: the status line always shows the date ------------------
start 80 24 --
check "status: at 80x24 the date shows" 'Last Updated 2026-08-17 .*row 1/'
keys : 80 Enter c Enter / http Enter
check "status: a person's list with a search keeps the date" \
    '2026-08-17 .*\[person\]  /http'
keys Escape '&' 'proto:udp' Enter / 'Network Block' Enter
check "status: a filter and a search keep the date" \
    '2026-08-17 .*&proto:udp  /Network'
quits "status: q exits 0" q
start 60 12 --
check "status: at 60x12 the date shows, the file name cut with a ..." \
    ' service-names-port-…  Last Updated 2026-08-17  row 1/'
start 40 12 --
check "status: at 40x12 the label goes, the date stays" \
    ' service-name…  2026-08-17  row 1/14534$'
quits "status: q exits 0 at 40x12" q

# --- Issue 11 item 2: : keeps a filter that shows a matching row -----------
start 120 40 -- -f "$XML"
keys '&' 'proto:udp' Enter
check "&proto:udp filters" 'filtered: [0-9]+ of'
keys : 53 Enter
check ":53 under &proto:udp selects 53/udp" 'Detail: domain 53/udp'
check ":53 keeps the filter that shows 53/udp" 'filtered: [0-9]+ of'
ok '! screen | grep -q "Filter cleared"' ":53 does not clear the filter"
keys : 80/tcp Enter
check ":80/tcp clears the filter that hides it" 'Filter cleared'
check_gone ":80/tcp: no filter now" 'filtered:'
keys C-o
check "Ctrl-O brings the filter back" 'filtered: [0-9]+ of'
check "Ctrl-O returns to 53/udp" 'Detail: domain 53/udp'
quits "item 2: q exits 0" q

# --- Issue 11 item 5: the filter count is never cut --------------------------
start 120 40 --
keys '&' 'Jon' Enter
check "header: at 120x40 the filter count shows the total" \
    'filtered: [0-9]+ of 14534 '
start 40 12 --
keys '&' 'Jon' Enter
check "header: at 40x12 the count keeps its numbers" ' [0-9]+ of 14534$'
quits "header: q exits 0" q

# --- Issue 11 item 1: a person known only by id (a CSV) has assignments -----
# IANA's CSV has no people table: IESG is an id only, yet named.
_csv=$WORK/ids-only.csv
{
	echo 'Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'
	echo 'http,80,tcp,World Wide Web HTTP,[IESG],[IETF_Chair],,2021-10-01,[RFC9110],,,'
	echo 'http,80,udp,World Wide Web HTTP,[IESG],[IETF_Chair],,2021-10-01,[RFC9110],,,'
	echo 'https,443,tcp,http protocol over TLS/SSL,[IESG],[IETF_Chair],,2021-10-01,[RFC9110],,,'
	echo 'https,443,sctp,HTTPS,[Randall_Stewart],[Randall_Stewart],,2022-02-07,[RFC9260],,,'
	echo 'echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,,,,'
} > "$_csv"
start 120 40 -- -f "$_csv"
keys : https Enter c Enter
check "ids only: Enter on IESG lists its assignments" ' IESG: 3 .*|IESG: 3 '
check "ids only: the list is IESG's person list" '\[person\]'
check "ids only: the message counts them" '^3 assignments of IESG \(Esc returns\)'
ok '! screen | grep -q " echo "' "ids only: another's row is not listed"
quits "ids only: q exits 0" q
if need_shared; then
	start 120 40 -- -f "$CSV"
	keys : https Enter c Enter
	check "2025 CSV: :https c Enter lists IESG's 134 assignments" \
	    'IESG: 134 '
	quits "2025 CSV: q exits 0" q
else
	skip_part 2 "$SHARED_WHY"
fi

# --- Issue 11 item 8: ] and [ stop once per gap range, not per protocol -----
start 120 40 -- -f "$XML"
keys ']'
check "]: from the top, the first gap 4/tcp" 'Detail: Unassigned 4/tcp'
keys ']'
check "]: then 6/tcp, not 4/udp" 'Detail: Unassigned 6/tcp'
keys '['
check "[: back to 4/tcp, the first row of that range" \
    'Detail: Unassigned 4/tcp'
quits "gaps: q exits 0" q

# --- Issue 11 item 7: text cut to fit ends in … ------------------------------
start 60 24 --
check "cut: a list description cut to fit ends in …" \
    ' 1 +tcp +tcpmux +TCP Port Service Multiple…$'
keys / ourforte Enter
check "cut: the title cut to fit ends in …" '^ portreg  Service Name .*… h: help'
T resize-window -x 50 -y 24
check "cut: a contact line cut to fit ends in …" \
    '^   rob\.duram@ourforte\.com  updated 2025-10-30  2 …$'
quits "cut: q exits 0" q

# --- Issue 11 item 12: the first backward search says it wrapped -------------
start 120 40 -- -f "$XML"
keys '?' zigbee Enter
check "?zigbee from row 1 says it wrapped to the bottom" \
    'Search wrapped to the bottom: match [0-9]+ of [0-9]+'
quits "?: q exits 0" q

# --- Issue 11 item 13: $BROWSER with arguments, in the foreground -------------
# A terminal browser: it records its argv and whether it has the terminal,
# shows a page, and waits for Enter, as w3m would.
cat > "$WORK/tbrowser" <<EOF
#!/bin/sh
{ printf '%s|' "\$@"; [ -t 0 ] && [ -t 2 ] && echo tty; } > "$WORK/targv"
echo "TERMINAL BROWSER PAGE"
read _line
EOF
chmod +x "$WORK/tbrowser"
rm -f "$WORK/targv"
start 120 40 "BROWSER=/nonexistent/w3m:$WORK/tbrowser -dump %s" --
keys : 10809 Enter o
check "BROWSER: a command with arguments runs in the foreground" \
    'TERMINAL BROWSER PAGE'
check_gone "BROWSER: the screen is given up to it" 'Detail: nbd'
keys Enter
check "BROWSER: the screen comes back after it" 'Detail: nbd 10809/tcp'
is "$(cat "$WORK/targv" 2>/dev/null)" \
    "-dump|https://github.com/NetworkBlockDevice/nbd/blob/master/doc/proto.md|tty" \
    "BROWSER: its words, %s replaced by the URI, on the terminal"
quits "BROWSER: q exits 0" q

# --- Issue 11 item 15: the detail title of an unlisted gap gives its range ---
start 120 40 -- -f "$XML"
keys : 60000 Enter
check ":60000: the title names the range 49152-65535" \
    'Detail: Unassigned 49152-65535, a gap no row lists'
quits "gap title: q exits 0" q

done_testing
