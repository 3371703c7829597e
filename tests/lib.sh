# tests/lib.sh - TAP helpers for portreg's shell tests.  Source it.
# Provides: plan N, ok COND NAME, is GOT WANT NAME, skip_all WHY,
# skip_part COUNT WHY, need_shared, done_testing.
: "${PORTREG:=$top_builddir/src/portreg}"
: "${PORTREG_REGISTRY_DIR:=$top_srcdir/../shared/registry}"
# Shipped in data/, so always here: the 2026-08-17 XML (the default
# registry) and the pasted-text sample.
XML="$top_srcdir/data/service-names-port-numbers.xml"
SEED="$top_srcdir/data/seed-excerpt-2024-10-15.txt"
# Only in PORTREG_REGISTRY_DIR, absent on most machines (need_shared).
CSV="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2025-07.csv"
TXT="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2013-06-26.txt"
_n=0
_failed=0

plan() { echo "1..$1"; }
ok() {
	_n=$((_n + 1))
	if eval "$1"; then echo "ok $_n - $2"
	else echo "not ok $_n - $2"; _failed=$((_failed + 1)); fi
}
is() {
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		printf '# got:  %s\n# want: %s\n' "$1" "$2"
		_failed=$((_failed + 1))
	fi
}
skip_all() { echo "1..0 # SKIP $1"; exit 0; }
# skip_part COUNT WHY: COUNT checks not run, each an "ok N # SKIP WHY",
# which automake counts as a SKIP.
skip_part() {
	_sk=0
	while [ "$_sk" -lt "$1" ]; do
		_sk=$((_sk + 1))
		_n=$((_n + 1))
		echo "ok $_n # SKIP $2"
	done
}
# The real registry files of PORTREG_REGISTRY_DIR ($CSV, $TXT) present?
# When not, SHARED_WHY says which is absent, for skip_part.  Under CI they
# must be.
need_shared() {
	for _f in "$CSV" "$TXT"; do
		[ -r "$_f" ] && continue
		[ "${CI:-}" = true ] && { echo "Bail out! $_f missing under CI"; exit 1; }
		SHARED_WHY="$_f is absent"
		return 1
	done
	return 0
}
done_testing() { echo "1..$_n"; [ "$_failed" = 0 ]; }
