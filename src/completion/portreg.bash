# portreg(1) completion for bash.				-*- sh -*-
#
# Options and their values are those of `portreg --help`.  A QUERY
# completes to the service names of the registry that the command would
# read: the portreg typed on the line (so src/portreg in a build tree
# works too) is run as `portreg [-f FILE] [--format-in FMT] --list-names`.
# Plain bash and compgen: no bash-completion functions needed.

# Print $1 without the shell quoting of a word as typed: one pair of
# quotes, backslashes, a leading ~/.  Fails on a word that only a shell
# could expand ($, backticks): it is never evaluated.
_portreg_dequote()
{
	local w=$1

	[[ $w == *[\$\`]* ]] && return 1
	case $w in
	\'*\' | \"*\") w=${w:1:${#w}-2} ;;
	*) w=${w//\\/} ;;
	esac
	[[ $w == \~/* ]] && w=$HOME/${w#\~}
	printf '%s\n' "$w"
}

# Run the portreg being completed with the -f and --format-in given
# before the cursor, then "$@"; its errors go to /dev/null.
_portreg_run()
{
	local cmd w v i
	local -a args=()

	cmd=$(_portreg_dequote "${COMP_WORDS[0]}") || return
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--) break ;;
		-f | --file | --format-in)
			# "--file=x" is split at the = by COMP_WORDBREAKS.
			[[ $w == --* && ${COMP_WORDS[i + 1]-} == = ]] && ((i++))
			((i + 1 < COMP_CWORD)) || break
			v=${COMP_WORDS[++i]} ;;
		-f?*) v=${w#-f} w=-f ;;
		--file=* | --format-in=*) v=${w#*=} w=${w%%=*} ;;
		*) continue ;;
		esac
		v=$(_portreg_dequote "$v") || return
		# Standard input would wait on the terminal.
		[[ $w != --format-in && $v == - ]] && return
		args+=("$w" "$v")
	done
	command "$cmd" "${args[@]}" "$@" 2>/dev/null
}

# COMPREPLY: the lines of `_portreg_run "${@:2}"` that start with $1.
# portreg prints only plain shell words; they are still compared here,
# not handed to compgen -W, which would expand them.
_portreg_prefixed()
{
	local n
	local -a all

	mapfile -t all < <(_portreg_run "${@:2}")
	for n in "${all[@]}"; do
		[[ $n == "$1"* ]] && COMPREPLY+=("$n")
	done
}

_portreg()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' w i

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# "--opt=value": the word after the = (COMP_WORDBREAKS splits it).
	if [[ $cur == = && $prev == --* ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	case $prev in
	-o | --format | --output)
		mapfile -t COMPREPLY < <(compgen -W 'table csv json tsv' -- "$cur")
		return ;;
	--format-in)
		mapfile -t COMPREPLY < <(compgen -W 'xml csv tsv text fixed' -- "$cur")
		return ;;
	--proto)
		mapfile -t COMPREPLY < <(compgen -W 'tcp udp sctp dccp' -- "$cur")
		return ;;
	-f | --file | --since | '>' | '>>' | '<' | '2>')
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	--contact)
		_portreg_prefixed "$cur" --list-people
		return ;;
	-e | --regexp | --update | --timeout | --limit)
		return ;;
	--services | --nmap-services)
		mapfile -t COMPREPLY < <(compgen -f -W none -- "$cur")
		return ;;
	esac

	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--) break ;;
		# These take no service name.
		--gaps | --check | --contact | --update) return ;;
		# --diff OLD NEW: two registry files.
		--diff)
			compopt -o filenames 2>/dev/null
			mapfile -t COMPREPLY < <(compgen -f -- "$cur")
			return ;;
		--compare | --free) return ;;	# a FILE; N and a RANGE
		esac
	done
	if [[ $cur == -* && $w != -- ]]; then
		mapfile -t COMPREPLY < <(compgen -W '-e --regexp --gaps --min --contact
		    --proto -o --format -f --file --format-in --check --update
		    --diff --since --timeout --force --no-cache
		    -h --help -V --version --listening --compare --free
		    --limit --random --services --nmap-services' -- "$cur")
		return
	fi
	_portreg_prefixed "$cur" --list-names
}
complete -F _portreg portreg
