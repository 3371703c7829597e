#!/bin/sh
# replay.sh - replay each harness's seed corpus (tests/fuzz/corpus/NAME)
# and the inputs that once crashed it (tests/fuzz/regress/NAME) through
# the harness code in an ordinary build: any crash, sanitizer report or
# leak (in the ASan build) fails.  TAP, one case per harness.
. "$top_srcdir/tests/lib.sh"
d=$top_srcdir/tests/fuzz
for name in xml csv text fixed detect pattern goto ui diff history tsv lists snapshot; do
	prog=$top_builddir/tests/fuzz/replay_$name
	set --
	for f in "$d/corpus/$name"/* "$d/regress/$name"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	if [ ! -x "$prog" ]; then
		ok false "replay_$name is built"
		continue
	fi
	"$prog" "$@" > replay-$name.out 2>&1
	st=$?
	[ "$st" = 0 ] || sed 's/^/# /' replay-$name.out | head -30
	rm -f replay-$name.out
	is "$st" 0 "fuzz_$name: $# corpus and regression inputs replay cleanly"
done
done_testing
