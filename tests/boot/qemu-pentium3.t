#!/usr/bin/env bash
# A Pentium III with 64 MiB: the self-tests pass.
. "$(dirname "$0")/lib.sh"
run_qemu -cpu pentium3 -m 64 -cdrom "$(test_iso test)"
check_qemu_status "$QEMU_PASS"
kernel_tap
check_logged "memory: 64 MiB installed"
check_logged "cpu0: GenuineIntel family 6 model 7"
# Ring 3 wrote these through write(2) on the console (syscall_descriptors).
check_logged "fd test: write to fd 9, a dup2 of 0"
check_logged "fd test: the child writes to fd 1"
# A C program from the ramdisk, run by execve (exec_runs_a_program...).
check_logged 'argc 2, argv[0] "hello", argv[1] "from-exec"'
finish
