#!/usr/bin/env bash
# A 486 (QEMU -cpu 486: no CPUID family above 4, no TSC, no CMOV) with
# 32 MiB: the self-tests pass, and the kernel sees the CPU and memory it
# was given.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu 486 -m 32 -cdrom "$(test_iso test)"
check_qemu_status "$QEMU_PASS"
kernel_tap
check_logged "memory: 32 MiB installed"
check_logged "cpu0: GenuineIntel family 4"
finish
