# tests/lib.sh - TAP helpers for portreg's shell tests.  Source it.
# Provides: plan N, ok COND NAME, is GOT WANT NAME, skip_all WHY,
# skip_part COUNT WHY, need_shared, wait_port, done_testing; and the tmux harness
# (tmux_init, start, keys, screen, check, check_gone, quits: below).
: "${PORTREG:=$top_builddir/src/portreg}"
# Snapshots (load/cache.h) go to a folder of this test's own, fresh each
# run, never to the user's ~/.cache: tests/cache/NAME in the build tree.
XDG_CACHE_HOME="${top_builddir:-.}/tests/cache/$(basename "$0" .sh)"
rm -rf "$XDG_CACHE_HOME"
export XDG_CACHE_HOME
: "${PORTREG_REGISTRY_DIR:=$top_srcdir/../shared/registry}"
# Shipped in data/, so always here: the 2026-08-17 XML (the default
# registry) and the pasted-text sample.
XML="$top_srcdir/data/service-names-port-numbers.xml"
SEED="$top_srcdir/data/seed-excerpt-2024-10-15.txt"
# Only in PORTREG_REGISTRY_DIR, absent on most machines (need_shared).
CSV="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2025-07.csv"
TXT="$PORTREG_REGISTRY_DIR/service-names-port-numbers-2013-06-26.txt"
# No test touches the user's own state: the browser's prompt history
# goes to XDG_STATE_HOME, here a path where nothing can be made (a test
# that wants one: tmux_init gives WORK/state).
XDG_STATE_HOME=/dev/null/portreg-tests
export XDG_STATE_HOME
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
# wait_port FILE WHAT: wait (10 s at most) for a loopback server to write
# its port to FILE (tests/http-server.py does), then print it; bail out
# when it never does.
wait_port() {
	_w=0
	while [ ! -s "$1" ] && [ $_w -lt 100 ]; do sleep 0.1; _w=$((_w + 1)); done
	[ -s "$1" ] || { echo "Bail out! $2 did not start"; exit 1; }
	cat "$1"
}
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

# --- The tmux harness: the real browser, driven as a user does ------------
# tmux_init TAG: WORK (a fresh folder, removed at exit with the tmux
# servers, whose sockets live in it), TIMEOUT (PORTREG_TUI_TIMEOUT, 10
# seconds) and TMUX_BIN (tmux, found on PATH unless given).  Returns 1
# when tmux is absent; WORK is there either way.
tmux_init() {
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/portreg-$1.XXXXXX")
	XDG_STATE_HOME=$WORK/state
	export XDG_STATE_HOME
	TMUX_TMPDIR=$WORK
	export TMUX_TMPDIR
	unset TMUX
	_tmux_tag=$1
	_tmux_servers=0
	SOCK="portreg-$_tmux_tag-$$-0"
	TIMEOUT=${PORTREG_TUI_TIMEOUT:-10}
	trap tmux_cleanup EXIT
	trap 'exit 1' INT TERM HUP
	: "${TMUX_BIN:=}"
	[ -n "$TMUX_BIN" ] || TMUX_BIN=$(command -v tmux 2>/dev/null || :)
	[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ]
}
tmux_cleanup() {
	[ -n "$TMUX_BIN" ] && T kill-server >/dev/null 2>&1
	rm -rf "$WORK"
}
# T ARGS: tmux, on the current server.
T() { "$TMUX_BIN" -L "$SOCK" -f /dev/null "$@"; }

# tmux_run COLS ROWS COMMAND: a fresh server (a new one each time, which
# an old one's exit cannot race) whose COLSxROWS pane runs the shell
# COMMAND, then says "portreg exited STATUS" and stays.  With PANE_TITLE
# set, the pane gets that title before COMMAND starts.
tmux_run() {
	T kill-server >/dev/null 2>&1
	_tmux_servers=$((_tmux_servers + 1))
	SOCK="portreg-$_tmux_tag-$$-$_tmux_servers"
	_cmd="$3; echo \"portreg exited \$?\"; sleep 600"
	if [ -n "${PANE_TITLE:-}" ]; then
		rm -f "$WORK/go"
		T new-session -d -x "$1" -y "$2" \
		    "while [ ! -e '$WORK/go' ]; do sleep 0.05; done; $_cmd"
		T select-pane -T "$PANE_TITLE"
		: > "$WORK/go"
	else
		T new-session -d -x "$1" -y "$2" "$_cmd"
	fi
}

# start COLS ROWS [ENV=VALUE ...] -- [PORTREG ARGS ...]: portreg in a
# fresh server, in UTF-8 on a screen-256color terminal (an ENV of TERM
# or LANG overrides that); waits for its first screen.
start() {
	_c=$1 _r=$2
	shift 2
	_env=""
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_env="$_env '$1'"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	_args=""
	for _a in "$@"; do _args="$_args '$_a'"; done
	tmux_run "$_c" "$_r" \
	    "env TERM=screen-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 $_env '$PORTREG' $_args"
	wait_for 'Last Updated|row [0-9]+/[0-9]+|exited|too small' >/dev/null
}

# keys KEY...: tmux key names (Enter, C-o, ...) and words; lit TEXT: TEXT
# as typed, character for character.
keys() { T send-keys "$@"; }
lit() { T send-keys -l -- "$1"; }

# The screen as text.
screen() { T capture-pane -p 2>/dev/null; }
screen_has() { screen | grep -Eq -- "$1"; }
screen_lacks() { ! screen_has "$1"; }
screen_line_has() { screen | sed -n "$1p" | grep -Eq -- "$2"; }
# The colour SGR parameters on screen (30-38, 40-48, 90-97, 100-107),
# each once: nothing when the screen has no colour.
sgr_colours() {
	T capture-pane -p -e | grep -o "$(printf '\033')\[[0-9;:]*m" |
	    tr -d 'm\033[' | tr ';:' '\n\n' |
	    grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' | sort -u | tr '\n' ' '
}

# poll COMMAND...: run COMMAND every 0.05 s until it succeeds (0) or
# TIMEOUT seconds pass (1); the screen is polled, never read after a
# fixed sleep.
poll() {
	_deadline=$(( $(date +%s) + TIMEOUT ))
	until "$@"; do
		[ "$(date +%s)" -ge "$_deadline" ] && return 1
		sleep 0.05
	done
}
# wait_for ERE / wait_gone ERE: until the screen matches / no longer does.
wait_for() { poll screen_has "$1"; }
wait_gone() { poll screen_lacks "$1"; }

# check NAME ERE / check_gone NAME ERE: one test, ok when the screen comes
# to match ERE / stops matching it; else the screen goes to the log.
check() { _tmux_report "$1" wait_for "$2"; }
check_gone() { _tmux_report "$1" wait_gone "$2"; }
_tmux_report() {
	_name=$1
	shift
	if "$@"; then ok true "$_name"
	else
		ok false "$_name"
		echo "# screen was:"; screen | sed 's/^/#   /'
	fi
}
# check_line NAME N ERE: line N of the screen comes to match ERE.
check_line() {
	if poll screen_line_has "$2" "$3"; then ok true "$1"
	else
		ok false "$1"
		echo "# line $2 was: $(screen | sed -n "$2p")"
	fi
}
# quits NAME KEY...: send the keys; one test: portreg exits with status 0.
quits() {
	_name=$1
	shift
	keys "$@"
	check "$_name" '^portreg exited 0$'
}
