#!/usr/bin/env bash
# A malformed command line: every problem is reported with what happens
# instead, and the kernel carries on with the defaults.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium3 -m 32 -cdrom "$(test_iso badopts)"
check_qemu_status "$QEMU_PASS"
kernel_tap
check_logged "boot: boot option 'hz=abc': not a number; using hz=100"
check_logged "boot: unknown boot option 'frobnicate'; ignored"
check_logged "boot: boot option 'hz=5': out of range 20..1000; using hz=100"
check_logged "boot: 3 problems with the command line"
check_logged "clock: 100 Hz"
finish
