#!/bin/sh
# test-snapshot.sh - the snapshot a load leaves (load/cache.h): the same
# answers as a parse, byte for byte; an edited file noticed; --no-cache
# and PORTREG_CACHE=0; standard input never cached; the folder's rules;
# write failures silent but for one line under --check; a bounded
# folder.  (Damaged and planted snapshots: test-hostile.sh.)  TAP.
. "$top_srcdir/tests/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-snap.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
XDG_CACHE_HOME=$tmp/cache; export XDG_CACHE_HOME
dir=$XDG_CACHE_HOME/portreg
snaps() { ls "$dir" 2>/dev/null | grep -c '\.snap$'; }
inode() { stat -c %i "$dir"/*.snap 2>/dev/null; }

# 1. Every registry: -o json (and --check) byte-identical parsed, while
# the snapshot is written, and mapped from it; the third run used the
# snapshot (its inode stays: a rebuilt one is a new file).
same() {
	f=$1 name=$2
	rm -rf "$dir"
	"$PORTREG" --no-cache -f "$f" -o json > parsed.json 2>&1
	ok '[ "$(snaps)" = 0 ]' "$name: --no-cache leaves no snapshot"
	"$PORTREG" -f "$f" -o json > first.json 2>&1
	i1=$(inode)
	"$PORTREG" -f "$f" -o json > mapped.json 2>&1
	i2=$(inode)
	ok '[ "$(snaps)" = 1 ] && [ -n "$i1" ] && [ "$i1" = "$i2" ]' \
	    "$name: one snapshot, written once and then used"
	ok 'cmp -s parsed.json first.json && cmp -s parsed.json mapped.json' \
	    "$name: -o json byte-identical with and without the snapshot"
	"$PORTREG" --no-cache -f "$f" --check > c1 2>&1; s1=$?
	"$PORTREG" -f "$f" --check > c2 2>&1; s2=$?
	ok '[ "$s1" = "$s2" ] && cmp -s c1 c2' \
	    "$name: --check the same (warnings and statistics) from it"
	"$PORTREG" --no-cache -f "$f" -e 'tcp|ssh' -o tsv > e1 2>&1
	"$PORTREG" -f "$f" -e 'tcp|ssh' -o tsv > e2 2>&1
	ok 'cmp -s e1 e2' "$name: a search the same from it"
}
same "$XML" "shipped XML"
same "$SEED" "shipped pasted text"
if need_shared; then
	for f in "$PORTREG_REGISTRY_DIR"/*; do
		same "$f" "$(basename "$f")"
	done
else
	skip_part 10 "$SHARED_WHY"
fi

# 2. An edited file is noticed: same size and a new mtime, or the old
# mtime put back (touch -r); both change the middle only, where the
# hashed first and last blocks do not see it.
cp "$XML" reg.xml
rm -rf "$dir"
"$PORTREG" -f reg.xml nbd > /dev/null 2>&1
"$PORTREG" -f reg.xml nbd > /dev/null 2>&1
edit() {	# OLD NEW (same length): the first in the file's middle
	python3 - "$1" "$2" <<'PY'
import sys
old, new = sys.argv[1].encode(), sys.argv[2].encode()
b = open("reg.xml", "rb").read()
i = b.index(old, 8192, len(b) - 8192)
open("reg.xml", "r+b").write(b[:i] + new + b[i + len(old):])
PY
}
touch -r reg.xml ref
sleep 1
edit 'Network Block Device' 'Network Block DEVICE'
"$PORTREG" -f reg.xml -o csv nbd > out 2>&1
ok 'grep -q "Network Block DEVICE" out' \
    "same size, new mtime: the next run answers from the new content"
edit 'Network Block DEVICE' 'Network Block DeVicE'
touch -r ref reg.xml
"$PORTREG" -f reg.xml -o csv nbd > out 2>&1
ok 'grep -q "Network Block DeVicE" out' \
    "same size, same mtime, new content: noticed too"
"$PORTREG" --no-cache -f reg.xml -o json > parsed.json 2>&1
"$PORTREG" -f reg.xml -o json > mapped.json 2>&1
ok 'cmp -s parsed.json mapped.json' "and the whole answer is the new file's"

# 3. PORTREG_CACHE=0 as --no-cache; standard input never cached.
rm -rf "$dir"
PORTREG_CACHE=0 "$PORTREG" -f "$SEED" 10128 > /dev/null 2>&1
ok '[ "$(snaps)" = 0 ]' "PORTREG_CACHE=0 leaves no snapshot"
"$PORTREG" -f - 10128 < "$SEED" > out 2>&1
ok '[ "$(snaps)" = 0 ] && grep -q 10128 out' "standard input is never cached"

# 4. The folder: 0700, images 0600; bounded to four, the oldest first.
rm -rf "$dir"
for i in 1 2 3 4 5 6; do
	sed "s/10128/10128/" "$SEED" > "s$i.txt"
	printf 'x%s\n' "$i" >> "s$i.txt"
	"$PORTREG" -f "s$i.txt" 10128 > /dev/null 2>&1
	[ "$i" = 1 ] && first=$(ls "$dir")
	sleep 0.05
done
ok '[ "$(snaps)" = 4 ]' "at most four snapshots are kept"
ok '[ ! -e "$dir/$first" ]' "the oldest went first"
is "$(stat -c %a "$dir") $(stat -c %a "$dir"/*.snap | sort -u)" "700 600" \
    "the folder is 0700 and each snapshot 0600"
ok '[ -z "$(ls -A "$dir" | grep -v "\.snap$")" ]' "no temporary file left"

# 5. Write failures: silent to a lookup, one line under --check.
touch notadir
XDG_CACHE_HOME=$tmp/notadir/cache "$PORTREG" -f "$SEED" 10128 > out 2> err
ok '[ $? = 0 ] && [ ! -s err ] && grep -q 10128 out' \
    "a folder that cannot be made: the lookup answers, says nothing"
XDG_CACHE_HOME=$tmp/notadir/cache "$PORTREG" -f "$SEED" --check > out 2> err
ok '[ "$(grep -c "snapshot not written" err)" = 1 ] && grep -q "^records:" out' \
    "--check says so in one line"
env -u XDG_CACHE_HOME -u HOME "$PORTREG" -f "$SEED" --check > out 2> err
ok 'grep -q "snapshot not written: no place" err' \
    "no HOME and no XDG_CACHE_HOME: --check says there is no place"
env -u XDG_CACHE_HOME HOME="$tmp/home" "$PORTREG" -f "$SEED" 10128 \
    > /dev/null 2>&1
ok '[ -n "$(ls "$tmp/home/.cache/portreg/" | grep "\.snap$")" ]' \
    "without XDG_CACHE_HOME: under HOME/.cache/portreg"

# 6. The folder must be the user's alone, and not a symbolic link.
mkdir -p elsewhere other/portreg
rm -rf "$dir"; mkdir -p "$XDG_CACHE_HOME"
ln -s "$tmp/elsewhere" "$dir"
"$PORTREG" -f "$SEED" --check > out 2> err
ok '[ -z "$(ls elsewhere)" ] && grep -q "snapshot not written" err' \
    "a symbolic link at portreg/: not followed, nothing written"
chmod 777 other/portreg
XDG_CACHE_HOME=$tmp/other "$PORTREG" -f "$SEED" --check > out 2> err
ok '[ -z "$(ls other/portreg)" ] && grep -q "not a folder of the user" err' \
    "a folder others may write: refused"

# 7. Two programs on one file (an installed one and a build tree's, say):
# a snapshot each, and neither rewrites the other's.
rm -rf "$dir"
if cp "$PORTREG" ./portreg-copy 2>/dev/null && [ -x ./portreg-copy ]; then
	"$PORTREG" -f "$SEED" 10128 > /dev/null 2>&1
	./portreg-copy -f "$SEED" 10128 > /dev/null 2>&1
	both=$(inode | sort)
	"$PORTREG" -f "$SEED" 10128 > a1 2>&1
	./portreg-copy -f "$SEED" 10128 > a2 2>&1
	ok '[ "$(snaps)" = 2 ] && [ "$(inode | sort)" = "$both" ]' \
	    "two programs keep a snapshot each, used, not rewritten"
	ok 'cmp -s a1 a2 && grep -q 10128 a1' "and answer alike from them"
else
	skip_part 2 "$PORTREG cannot be copied (a libtool wrapper?)"
fi

done_testing
