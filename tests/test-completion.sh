#!/bin/sh
# test-completion.sh - the shell completion scripts (src/completion/) as
# each shell runs them: bash calls _portreg with COMP_WORDS set as
# readline sets them; zsh completes a typed line in an interactive shell
# on a pseudo-terminal (zsh/zpty), with compadd wrapped to print what it
# is given; fish answers `complete -C`.  And the hidden --list-names and
# --list-people they read.  A shell that is not installed is a SKIP for
# each of its cases, and a failure under CI=true (CI installs them).  TAP.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
. "$top_srcdir/tests/lib.sh"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/portreg-compl.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
# Keep the user's own fetched registries out of the lookup order.
XDG_DATA_HOME=$tmp/xdg
export XDG_DATA_HOME
unset PORTREG_FILE
LC_ALL=C
export LC_ALL
C=$top_srcdir/src/completion
EX=$top_srcdir/tests/data/csv-excerpt.csv
XEX=$top_srcdir/tests/data/xml-excerpt.xml
HDR='Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes'

# --- --list-names and --list-people -----------------------------------
"$PORTREG" --list-names > "$tmp/names" 2>"$tmp/err"
is "$?" 0 "--list-names on the default registry exits 0"
ok 'grep -qx ssh "$tmp/names" && grep -qx nbd "$tmp/names"' \
    "--list-names on the default registry lists ssh and nbd"
ok '[ "$(wc -l < "$tmp/names")" -gt 5000 ] && ! grep -q "[[:space:]]" "$tmp/names"' \
    "--list-names: thousands of names, no line holds white space"
is "$(sort -f "$tmp/names" | uniq -di | wc -l)" 0 "--list-names: each name once"
is "$("$PORTREG" -f "$EX" --list-names | head -4 | tr '\n' ' ')" \
    "tcpmux rje echo discard " "--list-names: in registry order"
is "$(PORTREG_FILE=$EX "$PORTREG" --list-names | md5sum)" \
    "$("$PORTREG" --file="$EX" --format-in csv --list-names | md5sum)" \
    "--list-names reads PORTREG_FILE, -f and --format-in as a lookup does"
"$PORTREG" -f "$EX" --format-in xml --list-names > "$tmp/out" 2>&1
is "$?" 2 "--list-names: a file that does not load is exit status 2"
"$PORTREG" --list-names nbd > "$tmp/out" 2>&1
is "$?: $(cat "$tmp/out")" \
    "2: portreg: --list-names and --list-people take only -f and --format-in" \
    "--list-names takes no QUERY"

ok '! "$PORTREG" --help | grep -q list-' "--list-names is not in --help"
ok '"$PORTREG" -f "$XEX" --list-people | grep -qx Wouter_Verhelst' \
    "--list-people lists the people table's ids"
ok '"$PORTREG" -f "$EX" --list-people | grep -qx Wouter_Verhelst' \
    "--list-people lists the ids a CSV's records name"

# A registry whose names try to reach the shell or the terminal.
{
	printf '%s\n' "$HDR"
	printf '%s,1,tcp,d,,,,,,,,\n' good 'evil name' "$(printf 'esc\033]0;x\007')" \
	    '$(touch PWNED)' '`touch PWNED`' 'a;touch PWNED' 'glob*' 'café' \
	    "$(printf 'bidi\342\200\256x')" "$(printf 'bad\377')" -dash
} > "$tmp/hostile.csv"
is "$("$PORTREG" -f "$tmp/hostile.csv" --list-names | tr '\n' ' ')" \
    "good café " "--list-names leaves out names that are no plain shell word"

# --- The shells -------------------------------------------------------
# complete_in SHELL LINE: the candidates SHELL offers for LINE (the
# cursor at its end), sorted, one a line; stderr in $tmp/cerr.
complete_in() {
	case $1 in
	bash)
		# COMP_WORDS as readline splits them: at blanks and at '='
		# (COMP_WORDBREAKS); a trailing blank starts an empty word.
		timeout 30 bash --norc --noprofile -c '
			. "$1" || exit 3
			line=$2
			read -ra COMP_WORDS <<< "${line//=/ = }"
			[[ $line == *" " ]] && COMP_WORDS+=("")
			COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
			COMP_LINE=$line COMP_POINT=${#line}
			_portreg
			(( ${#COMPREPLY[@]} )) && printf "%s\n" "${COMPREPLY[@]}"
			exit 0' bash "$C/portreg.bash" "$2" ;;
	zsh)
		timeout 30 zsh -f "$tmp/drive.zsh" "$C" "$2" "$tmp/zcompdump" ;;
	fish)
		timeout 30 fish --no-config -c \
		    'source $argv[1]; and complete -C $argv[2]' \
		    "$C/portreg.fish" "$2" | cut -f1 ;;
	esac 2>"$tmp/cerr" | sort
}

# zsh: type LINE and Tab into `zsh -f -i` on a pty (compinit's dump is
# kept for the next case: the first scan takes seconds); compadd, wrapped,
# prints each candidate it is about to offer, and a post-completion hook
# marks the end.  The markers are spelt apart in what is typed, so that
# the terminal's echo of it never matches.
cat > "$tmp/drive.zsh" <<'EOF'
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "PS1= RPS1=; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)3}"
zpty -w z 'compadd() { local -a __h; if (( ${@[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi; builtin compadd -O __h "$@"; print -rl -- "" "H""IT:"${^__h} >/dev/tty; builtin compadd "$@"; }'
zpty -w z 'comppostfuncs=(_t_done); _t_done() { print -r -- "" "DO""NE:" >/dev/tty; }'
zpty -w z 'unsetopt automenu'
zpty -n -w z "$2"$'\t'
zpty -r z out '*DONE:*'
zpty -d z
print -r -- "$out" | tr -d '\r' | sed -n 's/^HIT://p'
EOF

# A shell's case is skipped when the shell is absent, except under CI.
missing() {
	_n=$((_n + 1))
	if [ "${CI:-}" = true ]; then
		echo "not ok $_n - $2 ($1 is not installed; CI=true)"
		_failed=$((_failed + 1))
	else
		echo "ok $_n - $2 # SKIP $1 is not installed"
	fi
}
lines() { tr '\n' ' ' | sed 's/ $//'; }

for sh in bash zsh fish; do
	if ! command -v "$sh" >/dev/null 2>&1 ||
	    { [ "$sh" = zsh ] && ! zsh -fc 'zmodload zsh/zpty' 2>/dev/null; }; then
		for c in --format --proto --pro nb "-f FILE" "--file=FILE" \
		    --format-in --contact hostile options; do
			missing "$sh" "$sh: $c"
		done
		continue
	fi
	is "$(complete_in $sh 'portreg --format ' | lines)" "csv json table tsv" \
	    "$sh: portreg --format offers the four output formats"
	is "$(complete_in $sh 'portreg --proto ' | lines)" "dccp sctp tcp udp" \
	    "$sh: portreg --proto offers the four protocols"
	is "$(complete_in $sh 'portreg --pro' | lines)" "--proto" \
	    "$sh: portreg --pro offers --proto"
	# The portreg typed is the one run: here the build tree's.
	complete_in $sh "$PORTREG nb" > "$tmp/got"
	ok 'grep -qx nbd "$tmp/got" && [ "$(grep -c . "$tmp/got")" -ge 5 ] &&
	    ! grep -qv "^nb" "$tmp/got"' \
	    "$sh: portreg nb offers nbd and other names, each starting with nb"
	is "$(complete_in $sh "$PORTREG -f $EX nb" | lines)" "nbd" \
	    "$sh: portreg -f FILE nb offers only the names of FILE"
	is "$(complete_in $sh "$PORTREG --file=$EX w" | lines)" \
	    "whois++ whoispp www www-http" \
	    "$sh: portreg --file=FILE w offers only the names of FILE"
	is "$(complete_in $sh "$PORTREG -f $EX --format-in xml w" | lines)/$(cat "$tmp/cerr")" \
	    "/" "$sh: --format-in is passed on (the CSV read as XML: no names, no message)"
	is "$(complete_in $sh "$PORTREG -f $XEX --contact Wouter" | lines)" \
	    "Wouter_Verhelst" "$sh: --contact offers person ids"
	(cd "$tmp" && complete_in $sh "$PORTREG -f $tmp/hostile.csv " > got)
	ok '[ "$(lines < "$tmp/got")" = "café good" ] && [ ! -e "$tmp/PWNED" ]' \
	    "$sh: a hostile registry's names are not offered, nothing runs"
	complete_in $sh "portreg -" > "$tmp/got"
	ok '(for o in -e --regexp --gaps --min --contact --proto -o --format -f --file \
	    --format-in --check --update --timeout --force --no-cache -h --help -V \
	    --version --listening --compare --free --limit --random --services \
	    --nmap-services; do
		grep -qx -- "$o" "$tmp/got" || exit 1; done) &&
	    ! grep -q list- "$tmp/got"' \
	    "$sh: portreg - offers every option of --help, and no hidden one"
done

done_testing
