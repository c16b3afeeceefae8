#!/usr/bin/env bash
# User space, end to end: a plain boot runs /sbin/init from the ramdisk,
# which starts /bin/sh on the console.  Commands typed on the serial line
# run as processes: fork and exec from the shell, arguments, a fork tree,
# a missing command, cd/pwd/ls, and "exit", after which init starts a new
# shell; then quoting, variables, lists and sh -c typed at that one.
. "$(dirname "$0")/lib.sh"
fifo=$B/test/$NAME
rm -f "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
mkfifo "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
# shellcheck disable=SC2086
timeout "$TIMEOUT" "$QEMU" -nic none -display none $QEMU_CLOCK \
    -cpu pentium3 -m 32 -cdrom "$(test_iso user)" \
    -serial "pipe:$fifo.con" -monitor "pipe:$fifo.mon" \
    </dev/null >"$LOG.qemu" 2>&1 &
qemu=$!
cat "$fifo".con.out > "$LOG" &
cat "$fifo".mon.out > /dev/null &
exec 3>"$fifo".con.in 4>"$fifo".mon.in

# wait_match REGEX: a line of the log matches REGEX (within 20 s).
wait_match() {
	for _ in $(seq 1 200); do
		tr -d '\r' < "$LOG" | grep -Eq -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
prompts() { tr -d '\r' < "$LOG" | grep -o '\$ ' | wc -l; }
wait_prompts() {
	for _ in $(seq 1 200); do
		[ "$(prompts)" -ge "$1" ] && return 0
		sleep 0.1
	done
	return 1
}
count() { tr -d '\r' < "$LOG" | grep -Ec -- "$1"; }
# line_after A B: a line A is followed by a line B.
line_after() {
	tr -d '\r' < "$LOG" | grep -A1 -x -- "$1" | grep -qx -- "$2"
}

check "init is pid 1" wait_match "^init: pid 1, Tine's first user program$"
check "init runs /etc/rc with the shell before the console's shell" \
    wait_match '^/etc/rc: try forktree 3'
check "the shell prompts" wait_prompts 1
printf 'hello a b\r' >&3
check "a program runs with its arguments" wait_match \
    '^hello: pid [0-9]+, ppid [0-9]+, argc 3, argv\[0\] "hello", argv\[1\] "a", argv\[2\] "b"$'
check "... and the shell reports its exit status" \
    wait_match '^sh: hello: exit status 42$'
wait_prompts 2
printf 'forktree 2\r' >&3
wait_prompts 3
check "forktree 2 is seven processes" \
    test "$(count '^forktree: level [0-2]: pid [0-9]+, parent [0-9]+$')" = 7
check "... four of them leaves" \
    test "$(count '^forktree: level 2: ')" = 4
printf 'echo typed  at the   shell\r' >&3
check "words are split at spaces" wait_match '^typed at the shell$'
wait_prompts 4
printf 'nosuchcommand\r' >&3
check "a missing program is reported" \
    wait_match '^sh: nosuchcommand: not found$'
wait_prompts 5
printf 'cat /etc/motd\r' >&3
check "cat reads a file of the ramdisk" \
    wait_match "^Welcome to Tine: a small OS around OpenBSD's kern_fork.c.$"
wait_prompts 6
printf 'cat /nonexistent\r' >&3
check "... and reports a missing one" \
    wait_match '^cat: /nonexistent: no such file$'
wait_prompts 7
printf 'echo through a pipe | cat | cat\r' >&3
check "a pipeline of three processes" wait_match '^through a pipe$'
wait_prompts 8
printf 'sleep 100 &\r' >&3
check "a background job" wait_match '^\[1\] [0-9]+$'
job=$(tr -d '\r' < "$LOG" | sed -n 's/^\[1\] \([0-9]*\)$/\1/p' | head -n 1)
wait_prompts 9
printf 'kill %s\r' "$job" >&3
wait_prompts 10
printf 'kill -0 %s\r' "$job" >&3
check "kill ends it (SIGTERM), and then it is gone (ESRCH)" \
    wait_match "^kill: $job: error 3$"
wait_prompts 11
printf 'ps\r' >&3
check "ps (sysctl kern.proc) lists init and the shell" \
    wait_match '^ +1 +- +0 +0 sleep +[0-9]+ wait +[0-9]+\.[0-9]+ init$'
wait_prompts 12
printf 'forkstat\r' >&3
check "forkstat (sysctl kern.forkstat) counts the forks" \
    wait_match '^forks +[1-9][0-9]* +\([0-9]+ pages\)$'
wait_prompts 13
printf 'cd /etc\r' >&3
wait_prompts 14
printf 'pwd\r' >&3
check "cd changes the shell's directory, pwd prints it" wait_match '^/etc$'
wait_prompts 15
printf 'ls -l\r' >&3
check "ls -l lists it: mode, size, name" \
    wait_match '^-rw-r--r-- +58 motd$'
wait_prompts 16
printf 'cd\r' >&3
wait_prompts 17
printf 'ls\r' >&3
check "cd with no argument goes to /, ls lists names" wait_match '^regress$'
wait_prompts 18
printf 'cd motd\r' >&3
check "cd to a missing directory is reported" \
    wait_match '^sh: cd: motd: no such directory$'
wait_prompts 19
# Redirections: the ramdisk is read-only, so > goes to a device.
printf 'cat < /etc/motd\r' >&3
wait_prompts 20
check "< gives a command a file as standard input" \
    test "$(count '^Welcome to Tine')" -ge 2
check "... the shell took the < and the file name out of its arguments" \
    test "$(count '^cat: <')" = 0
printf 'echo lost >/dev/null\r' >&3
wait_prompts 21
printf 'echo no > /etc/motd\r' >&3
check "> to a read-only file is reported, with strerror" \
    wait_match '^sh: /etc/motd: Read-only file system$'
check "... and >/dev/null swallowed its output" \
    test "$(count '^lost$')" = 0
wait_prompts 22
printf 'false\r' >&3
wait_prompts 23
printf 'echo status $?\r' >&3
check "\$? is the last command's exit status" wait_match '^status 1$'
wait_prompts 24
printf 'true &\r' >&3
wait_prompts 25
printf 'wait\r' >&3
check "wait: the background job is reported done" \
    wait_match '^\[1\]  Done  true &$'
wait_prompts 26
# Job control (docs/tty.md).  The foreground job is cat reading the
# terminal: a reader ended by the ^C it typed.  (A "sleep 100" would not
# do: with -icount sleep=off an idle guest's clock leaps, and it ends at once.)
printf 'cat\r' >&3
sleep 1
printf '\003' >&3
check "^C ends a foreground cat reading the terminal (SIGINT)" wait_prompts 27
printf 'echo still here\r' >&3
check "... and the shell survives" wait_match '^still here$'
wait_prompts 28
printf 'cat\r' >&3
sleep 1
printf '\032' >&3
check "^Z stops the foreground job (SIGTSTP)" \
    wait_match '^\[1\]\+ Stopped  cat$'
wait_prompts 29
printf 'jobs\r' >&3
check "jobs lists it stopped" wait_match '^\[1\]  Stopped  cat$'
wait_prompts 30
printf 'fg\r' >&3
sleep 1
printf 'again\r' >&3
check "fg continues it in the foreground, reading the terminal" \
    wait_match '^again$'
sleep 1
printf '\032' >&3
check "... and ^Z stops it again" \
    wait_match '^\[1\]\+ Stopped  cat$'
wait_prompts 31
printf 'kill %%1\r' >&3
wait_prompts 32
printf 'jobs\r' >&3
check "kill %1 ends the stopped job" wait_match '^\[1\]  Done  cat$'
check "... which jobs no longer lists" \
    test "$(count '^\[1\]  Stopped  cat$')" = 1
wait_prompts 33
printf '\003' >&3
check "^C at the prompt gives a new prompt" wait_prompts 34
printf 'exit 3\r' >&3
check "exit ends the shell with its status" \
    wait_match '^init: the shell \(pid [0-9]+\) ended with status 3$'
check "... and init starts another" wait_prompts 35
# Quoting and variables, typed (regress/sh checks the rest with sh -c).
printf '%s\r' "X='a  b'; echo \"[\$X]\" [\$X] 'a|b;c' \\&" >&3
check "quotes keep blanks and operators, \$X unquoted is split" \
    wait_match '^\[a  b\] \[a b\] a\|b;c &$'
wait_prompts 36
printf '%s\r' "export GREETING='hi there'; HOME=/x env | cat" >&3
check "export reaches a command's environment, NAME=value cmd its own" \
    wait_match '^GREETING=hi there$'
check "... HOME=/x for that command only" wait_match '^HOME=/x$'
wait_prompts 37
printf '%s\r' 'false && echo no || echo "or: $?"; echo "home: $HOME"' >&3
check "&& and || follow the status" wait_match '^or: 1$'
check "... and HOME is the shell's still" wait_match '^home: /$'
wait_prompts 38
printf '%s\r' "echo 'one" >&3
check "an open quote asks for more with PS2" wait_match '^> $'
printf '%s\r' "two'" >&3
check "... and the newline inside the quotes is kept" wait_match '^two$'
check "... in the one argument echo printed" line_after one two
wait_prompts 39
printf '%s\r' "sh -c 'echo \$0 \$# \$2' zero a 'b c'" >&3
check "sh -c: the string with \$0 and its arguments" \
    wait_match '^zero 2 b c$'
wait_prompts 40
# Issue 7: trace -f at the console, following every fork.
printf '%s\r' "trace -f sh -c 'forktree 1'" >&3
check "trace -f: the shell's fork of forktree is reported" \
    wait_match '^\[[0-9]+\] fork -> [0-9]+$'
check "... and the tree at the end" wait_match '^process tree:$'
check "... forktree's exec" wait_match '^\[[0-9]+\] exec forktree$'
check "... and the tree, forktree under sh" \
    line_after "$(tr -d '\r' < "$LOG" | grep -E '^  [0-9]+ sh \(exit 0\)$' |
    head -n 1)" "$(tr -d '\r' < "$LOG" |
    grep -E '^    [0-9]+ forktree \(exit 0\)$' | head -n 1)"
check "... three forks in all (sh, then forktree's two)" \
    test "$(count '^\[[0-9]+\] fork -> [0-9]+$')" = 3
wait_prompts 41
# Issue 8: procwatch -t follows the same tree through kqueue's NOTE_TRACK.
pw='^ +[0-9]+\.[0-9]{3} pid [0-9]+'
printf '%s\r' "procwatch -t sh -c 'forktree 1'" >&3
check "procwatch -t: the shell's fork of forktree is reported" \
    wait_match "$pw fork -> [0-9]+\$"
check "... forktree's exec" wait_match "$pw exec forktree\$"
wait_prompts 42
check "... three forks in all (sh, then forktree's two)" \
    test "$(count "$pw fork -> [0-9]+\$")" = 3
check "... and four exits, each 0" test "$(count "$pw exit 0\$")" = 4
# Without -t: only the shell (no child's exit); its death by a signal.
printf '%s\r' "procwatch sh -c 'kill -11 \$\$'" >&3
check "procwatch: a process killed by a signal" \
    wait_match "$pw killed by SIGSEGV\$"
wait_prompts 43
check "... and no other process's exit" test "$(count "$pw exit 0\$")" = 4
# kevent's EVFILT_READ on the console: a typed line makes it readable.
printf '/regress/kqueue-tty; echo status $?\r' >&3
check "kqueue-tty waits on the console" wait_match '^kqueue-tty: waiting$'
printf 'abc\r' >&3
check "... a line makes it readable, 4 bytes, read whole" \
    wait_match '^kqueue-tty: readable 4 bytes, read 4: abc$'
check "... exit 0" wait_match '^status 0$'
wait_prompts 44
echo "quit" >&4
wait "$qemu"
exec 3>&- 4>&-
wait
rm -f "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
finish
