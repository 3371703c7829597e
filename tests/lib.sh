# tests/lib.sh - TAP helpers for portreg's shell tests.  Source it.
# Provides: plan N, ok COND NAME, is GOT WANT NAME, skip_all WHY, done.
: "${PORTREG:=$top_builddir/src/portreg}"
: "${PORTREG_REGISTRY_DIR:=$top_srcdir/../shared/registry}"
XML="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2026-08-17.xml"
CSV="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2025-07.csv"
TXT="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2013-06-26.txt"
SEED="$top_srcdir/data/seed-excerpt-2024-10-15.txt"
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
# Real registry files present?  Under CI they must be.
need_shared() {
	if [ ! -r "$XML" ]; then
		[ "${CI:-}" = true ] && { echo "Bail out! $XML missing under CI"; exit 1; }
		return 1
	fi
	return 0
}
done_testing() { echo "1..$_n"; [ "$_failed" = 0 ]; }
