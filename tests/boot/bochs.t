#!/usr/bin/env bash
# Bochs, with its default CPU: the self-tests pass with 32 MiB, and again
# with 256 MiB at hz=1000.  iso/bochs-run ends with status 0 when the guest
# powers off (ACPI or port 0x8900), 124 at the time limit, else Bochs's own
# status (a triple fault resets, which ends the run with 1).
. "$(dirname "$0")/lib.sh"

bochs_boot() {	# bochs_boot ISO MEGS
	run_bochs "$(test_iso "$1")" "$2"
	check "Bochs ran $1.iso with $2 MiB and powered off (status $status)" \
	    test "$status" = 0
	kernel_tap
	check_logged "memory: $2 MiB installed"
	check_logged "powering off..."
}

bochs_boot test 32
LOG=$B/test/$NAME-hz1000.serial.log
bochs_boot hz1000 256
check_logged "clock: 1000 Hz"
finish
