#!/bin/sh
# make-snapshot-seeds.sh PORTREG - make the snapshot harness's seeds
# again (tests/fuzz/corpus/snapshot/*.snap): the image portreg leaves
# for each excerpt of tests/data.  Run it from the source tree after a
# change of the snapshot format (snapshot.h's SNAPSHOT_VERSION);
# test-snapshot-image checks that the seeds open.
set -eu
portreg=${1:?usage: make-snapshot-seeds.sh PORTREG}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in csv-excerpt.csv fixed-excerpt.txt text-excerpt.txt xml-excerpt.xml
do
	rm -rf "$tmp/cache"
	XDG_CACHE_HOME=$tmp/cache "$portreg" -f "$here/../data/$f" --check \
	    > /dev/null 2>&1 || true
	set -- "$tmp"/cache/portreg/*.snap
	[ -f "$1" ] || { echo "no snapshot for $f" >&2; exit 1; }
	cp "$1" "$here/corpus/snapshot/${f%.*}.snap"
	echo "${f%.*}.snap"
done
