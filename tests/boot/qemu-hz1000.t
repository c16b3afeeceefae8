#!/usr/bin/env bash
# The boot option hz=1000: the clock runs at 1000 Hz and the clock tests,
# which scale with hz, still pass.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium3 -m 32 -cdrom "$(test_iso hz1000)"
check_qemu_status "$QEMU_PASS"
kernel_tap
check_logged "clock: 1000 Hz"
check_logged "at hz=1000"
finish
