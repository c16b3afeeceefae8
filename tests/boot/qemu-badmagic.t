#!/usr/bin/env bash
# Started by the wrong loader (QEMU's -kernel speaks multiboot 1), the
# kernel must say so on the screen and the serial line and halt, not hang
# silently or crash.
. "$(dirname "$0")/lib.sh"
kernel=$B/test/kernel-mb1.elf
"$QEMU" -nic none -display none -no-reboot -serial "file:$LOG" \
    -kernel "$kernel" -m 32 </dev/null >"$LOG.qemu" 2>&1 &
pid=$!
for i in $(seq 1 100); do
	logged "Halted." && break
	sleep 0.1
done
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check_logged "Tine: not started by a multiboot2 loader."
check_logged "The boot magic in eax is 0x2badb002, a multiboot2 loader passes 0x36d76289."
check_logged "Halted."
check "nothing after the halt (no crash, no reset)" \
    test "$(tail -n 1 "$LOG" | tr -d '\r')" = "Halted."
finish
