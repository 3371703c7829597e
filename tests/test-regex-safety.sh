#!/bin/sh
# test-regex-safety.sh - runaway patterns: the command line answers or
# says "pattern too complex" with exit status 2; in the browser (tmux)
# a runaway search or filter reports it and the next key is handled.
# Outcomes are asserted, never times (tests/test-runaway.c prints those).
# On the shipped sample and the shipped 2026 XML.  TAP.
. "$top_srcdir/tests/lib.sh"
[ -x "$PORTREG" ] || skip_all "$PORTREG is not built"

# The browser's part needs tmux; the command line's does not.
tmux_init regex
HAVE_TMUX=$?

# A pattern that hits PCRE2's limits on every description with a word
# followed by a non-word character; it would match empty at the end.
RUNAWAY='desc:(\w+\s?)*$'

# cli FILE PATTERN TAME: -e PATTERN either prints what -e TAME prints
# (with its exit status, 0 or 1), or says "pattern too complex" (exit 2)
# and prints nothing.
cli() {
	timeout 60 "$PORTREG" -f "$1" -o csv -e "$2" > "$WORK/out" 2> "$WORK/err"
	st=$?
	"$PORTREG" -f "$1" -o csv -e "$3" > "$WORK/tame" 2>/dev/null
	tst=$?
	case $st in
	0|1)	ok '[ $st = $tst ] && cmp -s "$WORK/out" "$WORK/tame"' \
		    "$(basename "$1"): -e '$2' answers as -e '$3' does" ;;
	2)	ok 'grep -q "^portreg: .*pattern too complex" "$WORK/err" &&
		    [ ! -s "$WORK/out" ]' \
		    "$(basename "$1"): -e '$2' is too complex, says so" ;;
	*)	ok false "$(basename "$1"): -e '$2' exits $st" ;;
	esac
}

for f in "$SEED" "$XML"; do
	"$PORTREG" -f "$f" -e "$RUNAWAY" > "$WORK/out" 2> "$WORK/err"
	is "$?" 2 "$(basename "$f"): -e '$RUNAWAY' exits 2"
	is "$(cat "$WORK/err")" \
	    "portreg: $RUNAWAY: pattern too complex (match limit reached)" \
	    "$(basename "$f"): ...and says the pattern is too complex"
	is "$(wc -c < "$WORK/out")" 0 "$(basename "$f"): ...and prints nothing"
	cli "$f" '(a+)+$' 'a$'
	cli "$f" '(\w+\s?)*$' '$'
	cli "$f" 'desc:^(\w+\s?)*$' 'desc:^[\w ]*$'
	cli "$f" '(?:(?:a+)+)+\d$' '[a]\d$'
	cli "$f" '((a*)*)*b' 'b'
	cli "$f" '(|(?1))n' 'n'
	cli "$f" 'who:(?<a>|(?&a))n' 'who:n'
done

# --- The browser ---------------------------------------------------------------
if [ "$HAVE_TMUX" != 0 ]; then
	skip_part 20 "the browser (10 checks on each file): tmux is absent"
	done_testing
	exit
fi

for f in "$SEED" "$XML"; do
	name=$(basename "$f")
	start 120 30 -- -f "$f"
	check "$name: the browser starts" '  row 1/[0-9]+'
	# Typed one key at a time: the search runs as each is typed.
	keys /
	for k in d e s c : '(' '\' w + '\' s '?' ')' '*' '$'; do lit "$k"; done
	check "$name: the prompt shows the runaway pattern" \
	    '^/desc:\(\\w\+\\s\?\)\*\$'
	keys Enter
	check "$name: / with a runaway pattern says it is too complex" \
	    '[Pp]attern too complex'
	keys g j
	check "$name: the next key is handled (j: row 2)" '  row 2/[0-9]+'
	keys '&'
	lit "$RUNAWAY"
	keys Enter
	check "$name: & with a runaway pattern says it is too complex" \
	    'pattern too complex'
	keys Escape g j j
	check "$name: keys after the filter are handled (row 3)" \
	    '  row 3/[0-9]+'
	# A group that calls itself forever, typed key by key (each key
	# searched): once a second a key under PCRE2's JIT before the fix.
	keys g /
	for k in '(' '|' '(' '?' 1 ')' ')' n; do lit "$k"; done
	keys Enter
	check "$name: / with a self-calling group says it is too complex" \
	    '[Pp]attern too complex'
	keys g j
	check "$name: ...and the next key is handled (row 2)" '  row 2/[0-9]+'
	keys /; lit '(a+)+$'; keys Enter
	check "$name: / (a+)+\$ finds matches" 'Match [0-9]+ of [0-9]+'
	quits "$name: q exits 0" q
done

done_testing
