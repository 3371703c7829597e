#!/bin/sh
# check-layers.sh - the layers of src/ (doc/HACKING), as make check sees
# them.  TAP.  For every file of a layer folder:
#   - each "header.h" it includes is its own layer's or one it may use
#     (the build's -iquote paths already refuse the others; this names
#     the file and the header when someone widens them);
#   - curses is included only under src/tui, pcre2.h only under
#     src/search, expat.h only under src/load;
#   - a .c file holds at most 800 lines (one concern per file).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
. "$top_srcdir/tests/lib.sh"

src=$top_srcdir/src
MAX_LINES=800

# The layers each layer may include, itself first.
uses() {
	case $1 in
	base)	echo "base" ;;
	model)	echo "model base" ;;
	load)	echo "load model base" ;;
	search)	echo "search model base" ;;
	ui)	echo "ui search model base" ;;
	tui)	echo "tui ui search model base" ;;
	cli)	echo "cli tui ui load search model base" ;;
	esac
}

# The layer folder holding header h, or nothing.
home() {
	for d in base model load search ui tui cli; do
		[ -f "$src/$d/$1" ] && { echo "$d"; return; }
	done
}

# The one layer allowed each library's headers.
lib_layer() {
	case $1 in
	curses.h|ncurses.h|ncursesw/*|term.h|panel.h) echo tui ;;
	pcre2.h) echo search ;;
	expat.h|expat_external.h) echo load ;;
	esac
}

for layer in base model load search ui tui cli; do
	for f in "$src/$layer"/*.c "$src/$layer"/*.h; do
		[ -f "$f" ] || continue
		name=${f#"$src"/}
		bad=
		for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
			[ "$h" = config.h ] && continue
			at=$(home "$h")
			if [ -z "$at" ]; then
				bad="$bad $h(nowhere)"
			elif ! printf ' %s ' "$(uses "$layer")" | grep -q " $at "; then
				bad="$bad $h($at)"
			fi
		done
		for h in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
			want=$(lib_layer "$h")
			[ -n "$want" ] && [ "$want" != "$layer" ] &&
				bad="$bad <$h>(only $want)"
		done
		is "${bad# }" "" "$name includes only what layer $layer may use"
	done
	for f in "$src/$layer"/*.c; do
		[ -f "$f" ] || continue
		n=$(wc -l <"$f")
		ok '[ "$n" -le "$MAX_LINES" ]' \
		    "${f#"$src"/} holds $n lines (at most $MAX_LINES)"
	done
done

# Nothing left outside the layer folders but main.c.
is "$(cd "$src" && ls ./*.c ./*.h 2>/dev/null | tr '\n' ' ')" "./main.c " \
    "src/ holds main.c only; everything else is in a layer folder"
done_testing
