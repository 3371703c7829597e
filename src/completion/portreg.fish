# portreg(1) completion for fish.
#
# Options and their values are those of `portreg --help`.  A QUERY
# completes to the service names of the registry that the command would
# read: the portreg typed on the line (so src/portreg in a build tree
# works too) is run as `portreg [-f FILE] [--format-in FMT] --list-names`.

# Run the portreg being completed with the -f and --format-in given
# before the cursor, then $argv; its errors go to /dev/null.
function __portreg_run
    set -l tokens (string replace -r '^~/' ~/ -- (commandline -opc))
    command -q -- $tokens[1]; or return 1
    set -l args
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        switch $w
            case --
                break
            case -f --file --format-in
                set i (math $i + 1)
                test $i -le (count $tokens); or break
                set -a args $w $tokens[$i]
            case '-f?*' '--file=*' '--format-in=*'
                set -a args $w
        end
        set i (math $i + 1)
    end
    # Standard input would wait on the terminal.
    contains -- - $args; or contains -- -f- $args; or contains -- --file=- $args
    and return 1
    command $tokens[1] $args $argv 2>/dev/null
end

# True when the line so far asks for something that takes no service
# name: --gaps takes ports; --check, --contact and --update no QUERY.
function __portreg_no_names
    set -l tokens (commandline -opc)
    contains -- --gaps $tokens; or contains -- --check $tokens
    or contains -- --contact $tokens; or contains -- --update $tokens
    or string match -q -- '--update=*' $tokens
    or contains -- --compare $tokens; or contains -- --free $tokens
end

complete -c portreg -f
complete -c portreg -s e -l regexp -x -d 'Records matching REGEX'
complete -c portreg -l gaps -d 'List unassigned ranges'
complete -c portreg -l min -x -d 'With --gaps: only gaps of N ports or more'
complete -c portreg -l contact -x -a '(__portreg_run --list-people)' -d "A person's details and assignments"
complete -c portreg -l proto -x -a 'tcp udp sctp dccp' -d 'Only this protocol'
complete -c portreg -s o -l format -x -a 'table csv json tsv' -d 'Output format'
complete -c portreg -s f -l file -r -F -d 'The registry to read'
complete -c portreg -l format-in -x -a 'xml csv tsv text fixed' -d 'Read FILE as'
complete -c portreg -l check -d 'Parse, print statistics and warnings'
complete -c portreg -l no-cache -d 'Parse FILE, no snapshot read or written'
complete -c portreg -l update -d 'Download the current registry'
complete -c portreg -l diff -r -F -d 'What changed between two registries'
complete -c portreg -l since -r -F -d 'Mark what changed since FILE or DATE'
complete -c portreg -l timeout -x -d 'With --update: give up after SECONDS'
complete -c portreg -l force -d 'With --update: keep a registry that shrank'
complete -c portreg -l listening -d "This host's listening sockets"
complete -c portreg -l compare -r -F -d 'Compare a services(5) or nmap-services file'
complete -c portreg -l free -d 'Blocks of free ports'
complete -c portreg -l limit -x -d '--free: how many to show'
complete -c portreg -l random -d '--free: one of the best at random'
complete -c portreg -l services -r -F -a none -d 'services(5) file'
complete -c portreg -l nmap-services -r -F -a none -d 'nmap-services file'
complete -c portreg -s h -l help -d 'Show the help'
complete -c portreg -s V -l version -d 'Show the version'
complete -c portreg -n 'not __portreg_no_names; and not string match -q -- "-*" (commandline -ct)' -a '(__portreg_run --list-names)' -d 'Service name'
