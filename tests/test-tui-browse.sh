#!/bin/sh
# test-tui-browse.sh - issue 16 in tmux, on the shipped 2026 XML: what
# users of less, vi and VisiData expect (half pages, ends, prompt
# history across runs, Tab completion, sorting, columns, copy, the case
# toggle, gaps by size, a person's list) and the port-space minimap.
. "$top_srcdir/tests/lib.sh"

tmux_init browse || skip_all "tmux is absent"
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"

XDG_DATA_HOME=$WORK/xdg
export XDG_DATA_HOME
unset PORTREG_FILE
HIST=$XDG_STATE_HOME/portreg/history

row_is() {
	if wait_for "  row $2/"; then ok true "$1"
	else
		ok false "$1"
		echo "# status: $(screen | grep '  row ' | tail -1)"
	fi
}

# --- Half pages and ends: 120x40, a list of 36 rows -------------------------
start 120 40 --
N=$(screen | sed -n 's/.*  row [0-9]*\/\([0-9]*\).*/\1/p' | tail -1)
# The list's height from PgDn (a page is one row less than the list).
keys NPage
wait_gone '  row 1/'
H=$(screen | sed -n 's/.*  row \([0-9]*\)\/.*/\1/p' | tail -1)
keys g
row_is "g: back to the first row" 1
ok '[ "${H:-0}" -ge 10 ]' "the list is $H rows high"
keys C-d;	row_is "Ctrl-D: half the list ($((H / 2)) rows) down" $((1 + H / 2))
keys C-d;	row_is "Ctrl-D again" $((1 + 2 * (H / 2)))
keys C-u;	row_is "Ctrl-U: half the list up" $((1 + H / 2))
keys '>';	row_is "> : the last row" "$N"
keys '<';	row_is "< : the first row" 1

# --- Prompt history, kept across runs -----------------------------------
keys / nbd Enter
check "/nbd finds nbd" 'Detail: nbd 10809/tcp'
keys /
keys Up
check_line "/ Up recalls nbd" 40 '^/nbd'
keys Escape
keys '&' 'name:^http$' Enter
check "a filter" 'filtered: [0-9]+ of'
keys '&' Up
check_line "& has a history of its own" 40 '^&name:\^http\$'
keys Escape Escape
ok '[ -f "$HIST" ] && grep -qx "/nbd" "$HIST"' "the history is in XDG_STATE_HOME/portreg/history"
quits "q quits" q
start 120 40 --
keys /
keys Up
check_line "after a new start, / Up recalls nbd again" 40 '^/nbd'
keys Escape
quits "q quits again" q
printf 'garbage\n' > "$HIST"
start 120 40 --
check "a damaged history file is ignored, with a warning" \
    'history:1: expected the header.*history ignored'
keys /
keys Up
check_line "...and recalls nothing" 40 '^/ *$'
keys Escape

quits "q quits after a damaged history" q
# Hostile history files: an escape sequence, a huge file, a folder.
printf '%s\n/\033]52;c;cHduZWQ=\a\n' '# portreg prompt history 1' > "$HIST"
start 120 40 --
check "a history entry with an escape sequence: ignored" \
    'history:2: expected an entry of printable UTF-8'
quits "q quits" q
head -c 2000000 /dev/zero | tr '\0' 'a' > "$HIST"
start 120 40 --
check "a 2 MB history file: ignored" 'expected a file of at most 1 MiB'
quits "q quits" q
rm -f "$HIST"; mkdir "$HIST"
start 120 40 --
check "a folder where the history goes: said" 'history: Is a directory'
keys / nbd Enter
check "...the browser still works" 'History not saved: .*history: Is a directory|Detail: nbd'
quits "q quits" q
rmdir "$HIST"
start 120 40 --

# --- Tab completion in : ------------------------------------------------
keys : h t Tab
check "Tab lists the names that begin with ht" '^:ht .*http .*https'
keys C-u n m c - d Tab
check_line "Tab completes the one name" 40 '^:nmc-disc *$'
keys Enter
check ": goes to the completed name" 'Detail: nmc-disc 10810/udp'

# --- Sorting ------------------------------------------------------------
keys s G
check "s on the port column, then G: the highest port" \
    'Detail: Unassigned 49152-65535'
check "the status line shows the sort" 'sort:port'
keys s
check_gone "s again: registry order" 'sort:port'
keys Right Right
check "Right: the service column" 'Column: name'
keys s g
check "s on the service column: 1ci-smcs first" 'Detail: 1ci-smcs'
check_line "...on the first row" 3 '1ci-smcs'
keys : 10809 Enter ']'
check "] keeps its port meaning while sorted" 'Detail: Unassigned 10811-10859'
keys '}'
check "} too" 'Detail: helix 10860'
keys S
check "S: reversed" 'sort:name rev'
keys S g
check_gone "S again: registry order" 'sort:'
row_is "...with the first row first" 1
check_line "...which is port 0" 3 '^ 0 '

# --- Columns ------------------------------------------------------------
keys Left Left
check "Left: back to the port column" 'Column: port'
keys -
check "-: hides the focused column" 'Column port hidden'
check_line "...the list starts with the protocol" 2 '^>Prot +Service'
keys +
check_line "+: every column again" 2 '^>Port +Prot +Service'
keys _
check_line "_: the description alone, the pane wide" 2 '^>Description'
keys _
check_line "_ again: the columns back" 2 '^>Port +Prot'

# --- Case ---------------------------------------------------------------
keys / 'network block' Enter
check "smart case shows on the status line" 'smart case'
keys i
check "i: ignore case" 'ignore case'
keys i
check "i again: match case; the search follows" '/network block \(0\)  match case'
keys i
check "i again: smart case" '/network block 1/1  smart case'
keys Escape

# --- Gaps by size -------------------------------------------------------
keys '&' 'size:>=1000'
check "the filter prompt counts the gap rows" '\([0-9]+ rows?\)'
keys Enter
check "&size:>=1000 filters" 'filtered: [0-9]+ of'
bad=$(screen | sed -n '3,38p' | sed 's/│.*//' | awk '
	/^ *$/ { next }
	!/Unassigned/ { print "not a gap: " $0; next }
	{ if (match($0, /\(([0-9]+) ports\)/)) {
		n = substr($0, RSTART + 1, RLENGTH - 8) + 0
		if (n < 1000) print "small: " $0
	  } else print "no size: " $0 }')
is "$bad" "" "...only gap rows of 1000 ports or more"
keys Escape
keys / '\(30 ports\)' Enter
check "a gap's (N ports) is searchable" 'Detail: Unassigned .*|Match 1 of'

# --- Copy: OSC 52 into tmux's paste buffer ---------------------------------
T set-option -g set-clipboard on
keys : 10809 Enter
check "at nbd" 'Detail: nbd 10809/tcp'
keys y
check "y says where the text went" 'Copied nbd 10809/tcp to the terminal \(OSC 52\)'
buf() { T show-buffer 2>/dev/null; }
buf_is() { [ "$(buf)" = "$1" ]; }
if poll buf_is 'nbd 10809/tcp'; then ok true "y: the paste buffer holds 'nbd 10809/tcp'"
else ok false "y: the paste buffer holds 'nbd 10809/tcp'"; echo "# buffer: $(buf)"; fi
keys Y
buf_csv() { buf | grep -q '^nbd,10809,tcp,Network Block Device,\[Wouter_Verhelst\]'; }
if poll buf_csv; then ok true "Y: the record's CSV line"
else ok false "Y: the record's CSV line"; echo "# buffer: $(buf)"; fi

# --- A person's list: Enter selects the row in the full registry -----------
keys Enter Enter
check "the person's list" 'Wouter Verhelst: 1'
keys Enter
check "Enter: that row in the full registry" '14534 rows'
check "...nbd selected" 'Detail: nbd 10809/tcp'
keys Escape
check "Esc: back to the list" 'Wouter Verhelst: 1'
keys Enter
check "Enter again" '14534 rows'
keys C-o
check "Ctrl-O: back to the list too" 'Wouter Verhelst: 1'
keys Escape
quits "q quits" q

# --- The minimap, 80x24: the list is the whole width -------------------------
start 80 24 --
keys m
check_line "m draws the strip under the list header" 3 '^\|[▁▂▃▄▅▆▇█]+'

keys : 47808 Enter
check "at bacnet" 'Detail: bacnet 47808'
col=$(screen | sed -n 3p | sed 's/[▁▂▃▄▅▆▇█]/x/g' | awk '{ print index($0, "|") - 1 }')
ok '[ "$col" -ge 56 ] && [ "$col" -le 61 ]' \
    "the marker at 73% of the strip (column $col of 80)"
keys g
check "g: the first row" '  row 1/'
mouse() { lit "$(printf '\033[M%b%b%b' "\\0$(printf %o $(( $1 + 32 )))" \
    "\\0$(printf %o $(( $2 + 33 )))" "\\0$(printf %o $(( $3 + 33 )))")"; }
mouse 0 40 2; mouse 3 40 2
check "a click on the strip selects the row at that port (32768)" \
    'Detail: [^ ]* ?327[0-9][0-9]|Port 32768'
keys m
check_line "m again hides it" 3 '^ [0-9]'
quits "q quits" q

# --- Without UTF-8: ASCII shades ------------------------------------------
start 80 24 LANG=C LC_ALL=C -- 
keys m
check_line "in the C locale the strip is ASCII" 3 '^\|[@#*+=:.-]+ *$'
quits "q quits" q

# --- Copy sanitises: a record with ESC and BEL reaches no clipboard raw ------
start 120 40 -- -f "$top_srcdir/tests/data/tui-utf8.csv"
T set-option -g set-clipboard on
keys : 4414 Enter
check "at the hostile record" 'Detail: evil 4414/tcp'
keys Y
buf_esc() { buf | grep -q '^evil,4414,tcp,bell\^G esc\^\[\[2J'; }
if poll buf_esc; then ok true "Y: control characters are escaped in the copy"
else ok false "Y: control characters are escaped in the copy"; echo "# buffer: $(buf | od -c | head -3)"; fi
is "$(buf | tr -d -c '\033\007' | wc -c | tr -d ' ')" 0 "...no ESC or BEL byte in the paste buffer"
quits "q quits" q

done_testing
