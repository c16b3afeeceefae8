#!/usr/bin/env bash
# What a kernel panic shows: a page fault (crash=pagefault) and a failed
# assertion (crash=assert) each print the trap, the registers, CR2, a
# backtrace with function names and the panic message, then power off
# with the failure status; a kernel stack overflow into a guard page
# (crash=stack) is caught by the double-fault task.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium3 -m 32 -cdrom "$(test_iso crash-pagefault)"
check_qemu_status "$QEMU_FAIL"
check_logged "fatal page fault (#PF) in kernel mode"
check_logged "cr2 0x00000000"
check_logged "eax 0x"
check_logged "backtrace:"
check "backtrace names ktest_crash and main" \
    grep -qE '#1 0x[0-9a-f]+ <main\+0x' "$LOG"
check "panic message names the access and the function" \
    grep -qE 'panic: page fault \(#PF\) in kernel mode at <ktest_crash\+0x[0-9a-f]+>: write of 0x00000000, page not present' "$LOG"
check_logged "powering off..."

LOG=$B/test/$NAME-assert.serial.log
run_qemu -cpu pentium3 -m 32 -cdrom "$(test_iso crash-assert)"
check_qemu_status "$QEMU_FAIL"
check "KASSERT's message is OpenBSD's" grep -qE \
    "panic: kernel diagnostic assertion \"kind\[0\] == '\\\\0'\" failed: file \"kernel/subr_ktest.c\", line [0-9]+" "$LOG"
check "backtrace starts at panic's caller, __assert" \
    grep -qE '#0 0x[0-9a-f]+ <__assert\+0x' "$LOG"
check "... then the function whose KASSERT failed" \
    grep -qE '#1 0x[0-9a-f]+ <ktest_crash\+0x' "$LOG"

LOG=$B/test/$NAME-stack.serial.log
run_qemu -cpu 486 -m 32 -cdrom "$(test_iso crash-stack)"
check_qemu_status "$QEMU_FAIL"
check_logged "fatal double fault (#DF): the kernel stack may be gone"
check "the double fault names the overflowing function" \
    grep -qE 'trap type 8 code 0x0 eip 0x[0-9a-f]+ <crash_recurse\+0x' "$LOG"
check_logged "panic: double fault (#DF)"
finish
