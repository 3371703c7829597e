#!/bin/sh
# tap-cmocka.sh PROGRAM [ARGS...] - the LOG_COMPILER of the cmocka test
# programs: run PROGRAM, whose TAP (tests/test.h, RUN_TESTS) goes on to
# automake's TAP driver, with each skipped case made a SKIP the driver
# counts, and says why.
#
# cmocka 1.1.5 prints a skipped case as "not ok N # SKIP name", which the
# driver counts as a FAIL; later versions print "ok N # SKIP name".  Either
# becomes "ok N # SKIP name: reason", the reason taken from the
# "# skip reason: ..." diagnostic the case printed just before it
# (test_skip_reason in tests/test.h; test_registry prints one).  Every
# other line passes through unchanged, and the exit status is PROGRAM's.

awk=${AM_TAP_AWK:-awk}

# PROGRAM's status comes back on fd 5, its output goes through awk to the
# original standard output (fd 4).
exec 4>&1
status=$( { { "$@" 4>&- 5>&-; echo $? >&5; } | "$awk" '
/^# skip reason: / {
	reason = substr($0, 16)
	print
	next
}
/^(not )?ok [0-9]+ # SKIP/ {
	sub(/^not ok/, "ok")
	print $0 ": " (reason != "" ? reason : "no reason given")
	reason = ""
	next
}
/^(not )?ok / { reason = "" }
{ print }
' >&4 4>&- 5>&-; } 5>&1 )
exec 4>&-
exit "${status:-1}"
