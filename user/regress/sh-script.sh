# /regress/sh-script.sh: a script for /regress/sh (user/regress/sh.c),
# which checks what it prints and its exit status.  Run as
# "sh /regress/sh-script.sh one 'two words'", or as a command.
echo "script: $# args, 1 [$1] 2 [$2]"
X='a  b'	# a comment after a command
echo "x: $X" unquoted: $X
echo 'a quote
that spans lines'
echo a |
    cat
false ||
    echo "|| after a newline"
/regress/sh fds
exit 3
echo not reached
