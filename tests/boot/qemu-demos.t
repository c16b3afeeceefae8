#!/usr/bin/env bash
# The demos, each run by boot option run= (as `make qemu RUN=...` does):
# vforkdemo's parent waits for its child and keeps its own x, cowdemo's
# child write copies one page, sysctl prints the counters by name.
. "$(dirname "$0")/lib.sh"

boot() {
	LOG=$B/test/$NAME-$1.serial.log
	: > "$LOG"
	run_qemu -cpu pentium3 -m 64 -cdrom "$(test_iso "run-$1")"
	check_qemu_status 0
	check_logged "run: exit 0"
}

boot vforkdemo
check_logged "  before: forkstat: 0 vforks"
check_logged "I was suspended until the child exited"
check_logged "x = 2 in my copy"
check_logged "x = 1: the child's write went to its own copy-on-write copy"
check_logged "  after:  forkstat: 1 vforks"
check "the parent waited about the child's 1 s" \
    grep -qE 'vfork returned [0-9]+ after 1[0-9]{3} ms' "$LOG"

boot cowdemo
check "the child's read copies nothing" \
    grep -qE '^child: +read: no copy +faults \+[01], flt_cow \+0' "$LOG"
check "the child's write copies one page" \
    grep -qE '^child: +write: a copy +faults \+1, flt_cow \+1, free pages -1' \
    "$LOG"
check_logged "parent: my page still holds \"parent's data\""
check "the parent's later write copies nothing" \
    grep -qE '^parent: +write: no copy +faults \+[01], flt_cow \+0' "$LOG"

boot sysctl
check_logged "kern.forkstat.forks="
check_logged "kern.forkstat.vforks=0"
check_logged "vm.uvmexp.forks_ppwait=0"
check_logged "hw.machine=i386"
finish
