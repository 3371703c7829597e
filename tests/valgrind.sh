#!/bin/sh
# valgrind.sh - run the command line over every registry form, and the
# browser with a search highlight, under valgrind's memcheck: any error
# or leak fails.  TAP output.
. "$top_srcdir/tests/lib.sh"
command -v valgrind >/dev/null 2>&1 || skip_all "valgrind is not installed"
VG="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99"

run() {	# run NAME EXPECTED-STATUS ARGS...
	name=$1 want=$2; shift 2
	$VG "$PORTREG" "$@" >/dev/null 2>"$tmp/vg.err"
	st=$?
	if [ "$st" = 99 ]; then
		sed 's/^/# /' "$tmp/vg.err" | head -40
	fi
	is "$st" "$want" "valgrind: $name"
}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

run "seed lookup" 0 -f "$SEED" 10809
run "seed json" 0 -f "$SEED" -o json
run "seed check" 1 -f "$SEED" --check
run "seed regex" 0 -f "$SEED" -e 'who:Wouter' -o csv
run "seed gaps" 0 -f "$SEED" --gaps 10000-11000
run "seed contact" 0 -f "$SEED" --contact Wouter_Verhelst -o json
run "missing file" 2 -f /nonexistent 22
run "bad pattern" 2 -f "$SEED" -e '('
# --update: a download (curl, not traced) that loads, and one that fails.
XDG_DATA_HOME=$tmp/data
export XDG_DATA_HOME
if command -v curl >/dev/null 2>&1; then
	seed_abs=$(cd "$(dirname "$SEED")" && pwd)/$(basename "$SEED")
	run "update from a file URL" 0 --update "file://$seed_abs"
	printf '<?xml version="1.0"?>\n<registry>\n' > "$tmp/cut.xml"
	run "update that does not load" 2 --update "file://$tmp/cut.xml"
fi
unset XDG_DATA_HOME
for f in "$top_srcdir"/tests/data/*.xml "$top_srcdir"/tests/data/*.csv; do
	[ -f "$f" ] || continue
	$VG "$PORTREG" -f "$f" -o json >/dev/null 2>"$tmp/vg.err"
	st=$?
	[ "$st" = 99 ] && sed 's/^/# /' "$tmp/vg.err" | head -40
	ok "[ $st != 99 ]" "valgrind: $(basename "$f") (exit $st)"
done
run "2026 XML lookup" 0 -f "$XML" -o json 22
# The browser on the full registry, with a search highlight drawn (JIT,
# then the interpreter: (*NO_JIT)), in tmux; portreg runs under valgrind
# and the pane says how it exited (99: valgrind found errors).
if tmux_init valgrind; then
	trap 'tmux_cleanup; rm -rf "$tmp"' EXIT
	TIMEOUT=${PORTREG_TUI_TIMEOUT:-120}
	cat > "$tmp/vg-portreg" <<EOF
#!/bin/sh
exec $VG --log-file="$tmp/vg-tui.log" "$PORTREG" "\$@"
EOF
	chmod +x "$tmp/vg-portreg"
	real=$PORTREG
	PORTREG=$tmp/vg-portreg
	start 120 30 -- -f "$XML"
	PORTREG=$real
	keys / 'block dev' Enter
	wait_for '[Mm]atch 1 of' >/dev/null
	keys n j j G
	keys / '(*NO_JIT)nbd|ssh' Enter
	wait_for '[Mm]atch 1 of' >/dev/null
	keys n k k
	keys q
	if wait_for '^portreg exited [0-9]+$'; then
		st=$(screen | sed -n 's/^portreg exited \([0-9]*\)$/\1/p')
	else
		st=hung
	fi
	[ "$st" = 99 ] && sed 's/^/# /' "$tmp/vg-tui.log" | head -40
	is "$st" 0 "valgrind: the browser with a search highlight (JIT and (*NO_JIT))"
else
	skip_part 1 "the browser under valgrind: tmux is absent"
fi
XDG_DATA_HOME=$tmp/none	# nothing kept by --update: the shipped XML
export XDG_DATA_HOME
run "shipped XML lookup without -f" 0 10809
unset XDG_DATA_HOME
if need_shared; then
	run "2025 CSV regex" 0 -f "$CSV" -e 'block dev' -o tsv
	$VG "$PORTREG" -f "$TXT" --check >/dev/null 2>"$tmp/vg.err"
	st=$?
	[ "$st" = 99 ] && sed 's/^/# /' "$tmp/vg.err" | head -40
	ok "[ $st != 99 ]" "valgrind: 2013 fixed-width --check (exit $st)"
else
	skip_part 2 "the 2025 CSV and 2013 text: $SHARED_WHY"
fi
done_testing
