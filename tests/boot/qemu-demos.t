#!/usr/bin/env bash
# The demos, each run by boot option run= (as `make qemu RUN=...` does):
# vforkdemo's parent waits for its child and keeps its own x, cowdemo's
# child write copies one page, sysctl prints the counters by name; the
# issue 8 demos: threads, prodcons (a POSIX producer/consumer), and
# procwatch -t following forktree through kqueue.  The
# demos' checks are lib.sh's: bochs-demos.t makes them too.
. "$(dirname "$0")/lib.sh"

boot() {
	LOG=$B/test/$NAME-$1.serial.log
	: > "$LOG"
	run_qemu -cpu pentium3 -m 64 -cdrom "$(test_iso "run-$1")"
	check_qemu_status 0
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

boot sysctl
check_logged "kern.forkstat.forks="
check_logged "kern.forkstat.vforks=0"
check_logged "vm.uvmexp.forks_ppwait=0"
check_logged "hw.machine=i386"
finish
