#!/usr/bin/env bash
# Boot option run= (what `make qemu RUN=...` uses): init runs the command
# instead of the shell, with its arguments, reports how it ended on the
# serial port and powers off, which ends QEMU with status 0.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium3 -m 64 -cdrom "$(test_iso run)"
check_qemu_status 0
check_logged "hello from run="
check_logged "run: exit 0"
check_logged "powering off"
check "no shell started" sh -c "! grep -qF 'init: pid 1' '$LOG'"
finish
