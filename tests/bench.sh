#!/usr/bin/env bash
# tests/bench.sh: "make bench".  Boots build/test/bench.iso (kernel command
# line "bench") in QEMU with -icount shift=0: guest time advances one
# nanosecond per guest instruction, so the kernel's timings (TSC or
# nanouptime) are instruction counts, and with sleep=off and a fixed RTC
# two runs give the same numbers.  Prints each "bench NAME VALUE" line,
# then the same as a table.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
log=$root/build/test/bench.serial.log
ulog=$root/build/test/run-forkbench.serial.log
blog=$root/build/test/benchboot.serial.log
# boot ISO LOG: one run under the deterministic clock.
boot() {
	timeout 300 qemu-system-i386 -cdrom "$1" -m 256 \
	    -cpu pentium3 -nic none -display none -no-reboot \
	    -icount shift=0,sleep=off -rtc base=2026-01-01T00:00:00,clock=vm \
	    -serial "file:$2" </dev/null >/dev/null 2>&1 || true
}
# run ISO LOG DONE WHAT: boot ISO; its log must have a line starting
# with DONE, else print the end of the log and fail.
run() {
	boot "$1" "$2"
	if ! grep -q "^$3" "$2"; then
		echo "bench: $4 did not finish; the end of $2:" >&2
		tail -n 30 "$2" >&2
		exit 1
	fi
}
# The kernel's benchmarks (boot option bench); the user program
# /bin/forkbench (boot option run=), whose figures include libc; and the
# kernel entry to the shell's first prompt (boot option benchboot: a
# plain boot, init, /etc/rc, the shell, with 256 MiB as issue 6 asks).
run "$root/build/test/bench.iso" "$log" 'bench: done' "the run"
run "$root/build/test/run-forkbench.iso" "$ulog" 'run: exit 0' \
    /bin/forkbench
grep -a '^bench [a-z]' "$ulog" >> "$log"
run "$root/build/test/benchboot.iso" "$blog" 'bench boot_to_shell' \
    "the boot to the shell"
grep -a '^bench [a-z]' "$blog" >> "$log"
grep -a '^bench [a-z]' "$log" | tr -d '\r'
echo
printf '%-22s %18s\n' benchmark "guest instructions"
grep -a '^bench [a-z]' "$log" | tr -d '\r' |
    awk '{ printf "%-22s %18d\n", $2, $3 }'
