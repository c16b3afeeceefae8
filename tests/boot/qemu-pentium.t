#!/usr/bin/env bash
# A Pentium with 256 MiB: the self-tests pass and the memory map shows
# all 256 MiB.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium -m 256 -cdrom "$(test_iso test)"
check_qemu_status "$QEMU_PASS"
kernel_tap
check_logged "memory: 256 MiB installed"
check_logged "cpu0: GenuineIntel family 5"
finish
