#!/bin/sh
# test-gen-registry.sh - the synthetic registry generator of `make bench`
# writes what portreg loads, N times over: the same file for N = 1, and
# for N = 3 exactly three times every count of --check, no new warnings,
# and copies of people that records still resolve to.
. "$top_srcdir/tests/lib.sh"
GEN="$top_srcdir/tests/bench/gen-registry.py"
DATA="$top_srcdir/tests/data"
command -v python3 >/dev/null 2>&1 || skip_all "no python3"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The figures of a --check report but the gaps, every number multiplied
# by $2.  (Gap ranges that no record lists are not repeated with the
# records, so the gap count is not N times.)
counts() {
	"$PORTREG" -f "$1" --check 2>/dev/null |
	    grep -E '^(records|kinds|classes|people|warnings):' |
	    awk -v m="$2" '{
		out = $1
		for (i = 2; i <= NF; i++) {
			f = $i
			if (match(f, /[0-9]+/))
				f = substr(f, 1, RSTART - 1) \
				    (substr(f, RSTART, RLENGTH) * m) \
				    substr(f, RSTART + RLENGTH)
			out = out " " f
		}
		print out
	    }'
}

# gen FORMAT INPUT N OUTPUT
gen() {
	if [ "$1" = csv ]; then
		python3 "$GEN" --csv -n "$3" -i "$2" -o "$4"
	else
		python3 "$GEN" -n "$3" -i "$2" -o "$4"
	fi
}

check_file() {	# FORMAT FILE NAME
	gen "$1" "$2" 1 "$tmp/one.$1"
	ok "cmp -s '$2' '$tmp/one.$1'" "$3: -n 1 writes the input unchanged"
	gen "$1" "$2" 3 "$tmp/three.$1"
	ok "[ -s '$tmp/three.$1' ] && [ ! -e '$tmp/three.$1.tmp' ]" \
	    "$3: -n 3 writes its output whole, no .tmp left"
	is "$(counts "$tmp/three.$1" 1)" "$(counts "$2" 3)" \
	    "$3: -n 3 has three times every count of --check"
	ok "'$PORTREG' -f '$tmp/three.$1' --check | grep -q '^warnings: *0'" \
	    "$3: -n 3 loads without warnings"
}

check_file xml "$DATA/xml-excerpt.xml" xml-excerpt
check_file csv "$DATA/csv-excerpt.csv" csv-excerpt

# Copy 2 of a person is a person that copy 2 of its records names: take
# the first person named as a record's assignee or contact (a person xref
# at the start of a line, not one inside a note).
id=$(sed -n 's/^ *<xref type="person" data="\([^"]*\)".*/\1/p' \
    "$DATA/xml-excerpt.xml" | head -n 1)
ok "[ -n '$id' ] && '$PORTREG' -f '$tmp/three.xml' --contact '${id}_x2' \
    -o json | grep -q '\"service\": *\"[^\"]*-2\"'" \
    "xml-excerpt: ${id}_x2 holds the assignments of copy 2"
ok "! '$PORTREG' -f '$tmp/three.xml' --contact '${id}_x2' -o json |
    grep -q '\"service\": *\"[^\"]*-1\"'" \
    "xml-excerpt: ... and none of copy 1"
# Copy 2 of a named record sits at the same port as the record.
rec=$(sed -n 's/^ *<name>\([a-z][a-z0-9-]*\)<\/name>.*/\1/p' \
    "$DATA/xml-excerpt.xml" | head -n 1)
port=$("$PORTREG" -f "$DATA/xml-excerpt.xml" "$rec" -o csv |
    awk -F, 'NR == 2 { print $2 }')
ok "[ -n '$port' ] && '$PORTREG' -f '$tmp/three.xml' '$port' -o csv |
    grep -q '^$rec-2,$port,'" \
    "xml-excerpt: port $port lists copy 2 of $rec"

gen xml "$XML" 2 "$tmp/real2.xml"
is "$(counts "$tmp/real2.xml" 1)" "$(counts "$XML" 2)" \
    "2026 XML: -n 2 has twice every count of --check"
if need_shared; then
	gen csv "$CSV" 2 "$tmp/real2.csv"
	is "$(counts "$tmp/real2.csv" 1)" "$(counts "$CSV" 2)" \
	    "2025 CSV: -n 2 has twice every count of --check"
else
	skip_part 1 "2025 CSV: $SHARED_WHY"
fi
done_testing
