#!/usr/bin/env bash
# The demos in Bochs (its default CPU, 64 MiB), booted from the ISOs
# qemu-demos.t boots (run=/bin/vforkdemo,1 and run=/bin/cowdemo) and
# checked the same way (lib.sh's check_vforkdemo, check_cowdemo,
# check_threads, check_prodcons, check_procwatch): the vfork parent waits
# and keeps its x, the counters move, copy-on-write copies what it
# should, threads share work and a condition variable, and kqueue follows
# a process tree, on a second emulator and CPU.  Each boot takes
# about 3 s (BIOS and GRUB 1 s of it); the emulated clock follows the
# instruction count, so the child's 1 s sleep costs little.
. "$(dirname "$0")/lib.sh"

boot() {
	LOG=$B/test/$NAME-$1.serial.log
	: > "$LOG"
	run_bochs "$(test_iso "run-$1")" 64
	check "Bochs ran run-$1.iso and powered off (status $status)" \
	    test "$status" = 0
	check_logged "run: exit 0"
}

boot vforkdemo
check_vforkdemo

boot cowdemo
check_cowdemo

boot threads
check_threads

boot prodcons
check_prodcons

boot procwatch
check_procwatch
finish
