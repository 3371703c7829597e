#!/bin/sh
# run-fuzz.sh DIR HARNESS... - run each libFuzzer harness for FUZZ_SECONDS
# from its seed corpus DIR/corpus/NAME and the inputs that once failed,
# DIR/regress/NAME (copied: the source tree stays clean), with
# DIR/dict/NAME.dict when there is one.  The regressions run under clang's
# sanitizers here, which see more than gcc's in make check (NULL + 0).  Prints executions per
# harness; exits non-zero on the first finding.
set -u
dir=$1; shift
secs=${FUZZ_SECONDS:-60}
work=${FUZZ_WORKDIR:-$(mktemp -d /tmp/portreg-fuzz.XXXXXX)}
status=0
for h in "$@"; do
	name=$(basename "$h"); name=${name#fuzz_}
	mkdir -p "$work/$name"
	[ -d "$dir/corpus/$name" ] && cp -n "$dir/corpus/$name"/* "$work/$name"/ 2>/dev/null
	[ -d "$dir/regress/$name" ] && cp -n "$dir/regress/$name"/* "$work/$name"/ 2>/dev/null
	dict=
	[ -f "$dir/dict/$name.dict" ] && dict="-dict=$dir/dict/$name.dict"
	log="$work/$name.log"
	"$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/$name-" \
	    $dict "$work/$name" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	echo "fuzz_$name: ${execs:-?} executions in ${secs}s, exit $rc"
	if [ "$rc" != 0 ]; then
		tail -40 "$log"
		status=1
	fi
done
echo "fuzz corpora and logs: $work"
exit $status
