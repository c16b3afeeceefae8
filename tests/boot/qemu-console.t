#!/usr/bin/env bash
# The consoles, end to end, in the kernel monitor (boot option kmon): it reads
# a command typed on the serial line and one typed on the PS/2 keyboard
# (QEMU's sendkey, through the emulated 8042 and IRQ 1), answers on the
# serial line; "reboot" resets the machine (the kernel boots a second
# time) and "poweroff" switches it off through ACPI.
. "$(dirname "$0")/lib.sh"
fifo=$B/test/$NAME
rm -f "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
mkfifo "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
# shellcheck disable=SC2086
timeout "$TIMEOUT" "$QEMU" -nic none -display none $QEMU_CLOCK \
    -cpu pentium3 -m 32 -cdrom "$(test_iso monitor)" \
    -serial "pipe:$fifo.con" -monitor "pipe:$fifo.mon" \
    </dev/null >"$LOG.qemu" 2>&1 &
qemu=$!
cat "$fifo".con.out > "$LOG" &
cat "$fifo".mon.out > /dev/null &
exec 3>"$fifo".con.in 4>"$fifo".mon.in

# wait_line TEXT: a line of the log is exactly TEXT (within 20 s).
wait_line() {
	for _ in $(seq 1 200); do
		tr -d '\r' < "$LOG" | grep -qxF -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
# wait_match REGEX: a line of the log matches REGEX (within 20 s).
wait_match() {
	for _ in $(seq 1 200); do
		tr -d '\r' < "$LOG" | grep -Eq -- "$1" && return 0
		sleep 0.1
	done
	return 1
}
prompt_count() { grep -o 'tine> ' "$LOG" | wc -l; }
wait_prompts() {
	for _ in $(seq 1 200); do
		[ "$(prompt_count)" -ge "$1" ] && return 0
		sleep 0.1
	done
	return 1
}

check "the monitor prompts" wait_prompts 1
printf 'echo typed-on-serial\r' >&3
check "a command typed on the serial line runs" wait_line "typed-on-serial"
wait_prompts 2
for k in e c h o spc shift-k e y b o a r d ret; do
	echo "sendkey $k" >&4
	sleep 0.05
done
check "a command typed on the keyboard runs (shift too)" wait_line "Keyboard"
wait_prompts 3
printf 'nosuchcommand\r' >&3
check "an unknown command is reported" \
    wait_line "nosuchcommand: unknown command; try help"
wait_prompts 4
# Processes: spawn forks kernel threads (the seed's fork1), ps lists them
# asleep next to init (pid 1), trace shows the sched:fork records.
# The three lines go together: while the machine idles between typed lines
# the emulator's clock races ahead, and init's wakeups would push the fork
# records out of the 256-entry ring before "trace" read it.
printf 'spawn 2\rtrace fork\rps\r' >&3
wait_prompts 7
check "trace shows a sched:fork record" \
    sh -c "tr -d '\r' < '$LOG' | grep -q ' sched:fork '"
check "ps lists init as pid 1" \
    sh -c "tr -d '\r' < '$LOG' | grep -Eq '^ +1 +[0-9]+ +0 +sleep .* init\$'"
check "ps lists the two spawned threads" \
    test "$(tr -d '\r' < "$LOG" | grep -Ec '^ +[0-9]+ +[0-9]+ +0 +(run|sleep) .* spawned$')" = 2
printf 'unspawn\r' >&3
wait_prompts 8
printf 'ps\r' >&3
wait_prompts 9
check "unspawn: the threads exited and were reaped" \
    sh -c "tr -d '\r' < '$LOG' | tail -n 12 | grep -q '^4 processes, 4 threads\$'"
printf 'reboot\r' >&3
check "reboot: the machine resets and Tine boots again" wait_prompts 10
check "... with a second banner" \
    test "$(grep -c 'a small OS around OpenBSD' "$LOG")" = 2
printf 'poweroff\r' >&3
wait "$qemu"
status=$?
check_logged "powering off..."
check "ACPI power-off ends QEMU with status 0 (was $status)" test "$status" = 0
exec 3>&- 4>&-
wait
rm -f "$fifo".con.in "$fifo".con.out "$fifo".mon.in "$fifo".mon.out
finish
