#!/bin/sh
# test-keys-doc.sh - the man page's KEYS section is the one the key table
# generates (tests/keys-man), so that keys, help overlay and manual
# cannot drift apart.  "sh tests/test-keys-doc.sh --update" (with
# top_srcdir and top_builddir set) rewrites the section in doc/portreg.1.
. "$top_srcdir/tests/lib.sh"

MAN="$top_srcdir/doc/portreg.1"
GEN="$top_builddir/tests/keys-man"
MARK='.\" KEYS: generated from the key table'

[ -x "$GEN" ] || skip_all "$GEN is not built"
[ -r "$MAN" ] || skip_all "$MAN is absent"

# The lines after the marker, up to the next section heading.
section() {
	MARK="$MARK" awk '
		$0 == ENVIRON["MARK"] { on = 1; next }
		on && /^\.SH/ { exit }
		on { print }' "$MAN"
}

if [ "${1:-}" = "--update" ]; then
	tmp="$MAN.tmp.$$"
	"$GEN" > "$tmp.gen" || exit 1
	MARK="$MARK" awk -v gen="$tmp.gen" '
		$0 == ENVIRON["MARK"] { print; while ((getline l < gen) > 0) print l; skip = 1; next }
		skip && /^\.SH/ { skip = 0 }
		!skip { print }' "$MAN" > "$tmp" && mv "$tmp" "$MAN"
	rm -f "$tmp.gen"
	exit 0
fi

ok 'grep -qxF "$MARK" "$MAN"' "the man page has the KEYS marker"
ok 'grep -q "^\.SH KEYS" "$MAN"' "the man page has a KEYS section"
want=$("$GEN")
got=$(section)
is "$got" "$want" "the KEYS section is what the key table generates"
if [ "$got" != "$want" ]; then
	echo "# regenerate: top_srcdir=... top_builddir=... sh tests/test-keys-doc.sh --update"
	tmp=$(mktemp "${TMPDIR:-/tmp}/keys-doc.XXXXXX")
	printf '%s\n' "$want" > "$tmp"
	printf '%s\n' "$got" | diff "$tmp" - | sed 's/^/# /' | head -20
	rm -f "$tmp"
fi
# Every key name appears in the section (a second look, by name).
missing=""
for k in j Down k Up PgDn Space 'Ctrl\-F' PgUp b 'Ctrl\-B' g Home G End \
    '}' '{' ']' '[' ':' / '?' n N '&' Enter c Tab 'Shift\-Tab' \
    'Ctrl\-O' Backspace o h F1 Esc q 'Ctrl\-C'; do
	printf '%s\n' "$got" | grep '^\.B ' | grep -qF -- "$k" || missing="$missing $k"
done
is "$missing" "" "every key of SPEC section 3 is in the man page"
done_testing
