# tests/boot/lib.sh: what every boot scenario (tests/boot/*.t) shares.
#
# A scenario boots Tine once in an emulator, then prints TAP for prove(1):
# the kernel's own self-test results, renumbered and prefixed "kernel:",
# followed by the harness's checks of the run (exit status, lines the
# kernel must print).  A panic, a triple fault, a hang (the time limit), a
# missing plan or a failed test each give a "not ok"; on any failure the
# tail of the serial log goes to stderr, which prove always shows.

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=$ROOT/build
QEMU=${QEMU:-qemu-system-i386}
NAME=$(basename "$0" .t)
LOG=$B/test/$NAME.serial.log
TIMEOUT=${TIMEOUT:-90}
QEMU_PASS=33			# KTEST_EXIT_PASS (0x10) << 1 | 1
QEMU_FAIL=35			# KTEST_EXIT_FAIL
tap_n=0
tap_failed=0
mkdir -p "$B/test"
: > "$LOG"

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); tap_failed=1; echo "not ok $tap_n - $*"; }

# check DESCRIPTION COMMAND...: one TAP line from a command's success.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# logged TEXT: the serial log has a line containing TEXT (fixed string).
logged() { grep -qF -- "$1" "$LOG"; }
check_logged() { check "serial log shows: $1" logged "$1"; }

# What a QEMU exit status means for a test run.
qemu_status_name() {
	case $1 in
	"$QEMU_PASS") echo "self-tests passed" ;;
	"$QEMU_FAIL") echo "a self-test failed or the kernel panicked" ;;
	124) echo "hang: no power-off within ${TIMEOUT} s" ;;
	0) echo "power-off or reset without a status (run=: expected; else a triple fault?)" ;;
	*) echo "QEMU failed to run (status $1)" ;;
	esac
}

# QEMU's clocks follow the instructions the guest runs, 16 ns each
# (-icount shift=4, a 62.5 MIPS machine), idle time is skipped
# (sleep=off) and the RTC starts at a fixed date and follows that virtual
# clock: a busy host (CI runs two emulators at once) cannot make the PIT
# lose ticks or a handler overrun its tick.
QEMU_CLOCK="-icount shift=4,sleep=off -rtc base=2026-01-01T00:00:00,clock=vm"

# run_qemu ARGS...: boot headless, serial to $LOG, no reboot on a triple
# fault; sets $status.
run_qemu() {
	# shellcheck disable=SC2086
	timeout "$TIMEOUT" "$QEMU" -nic none -display none -no-reboot \
	    $QEMU_CLOCK -serial "file:$LOG" \
	    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	    "$@" </dev/null >"$LOG.qemu" 2>&1
	status=$?
}

# run_bochs ISO MEGS: boot ISO in Bochs, its default CPU, with MEGS MiB,
# serial to $LOG, through iso/bochs-run --test; sets $status: 0 when the
# guest powered off, 124 at the time limit, else Bochs's own (1 after a
# triple fault or a reset).
run_bochs() {
	"$ROOT/iso/bochs-run" --test "$1" --mem "$2" \
	    --log "$LOG" --timeout "$TIMEOUT" </dev/null >"$LOG.out" 2>&1
	status=$?
}

# check_qemu_status WANT: the run ended with status WANT.
check_qemu_status() {
	if [ "$status" = "$1" ]; then
		ok "QEMU exit status $status: $(qemu_status_name "$status")"
	else
		not_ok "QEMU exit status $status, wanted $1:" \
		    "$(qemu_status_name "$status")"
	fi
}

# kernel_tap: the kernel's TAP from $LOG, renumbered into ours.  The plan
# must be there and the number of results must match it; "Bail out!"
# (a panic during the tests) is a failure.
kernel_tap() {
	plan=$(grep -aE '^1\.\.[0-9]+' "$LOG" | head -n 1 | cut -c4- | tr -d '\r')
	if [ -z "$plan" ]; then
		not_ok "the kernel printed no TAP plan"
		return
	fi
	results=0
	while IFS= read -r line; do
		line=${line%$'\r'}
		case $line in
		"ok "*|"not ok "*)
			results=$((results + 1))
			status_word=${line%% [0-9]*}
			rest=${line#"$status_word" }
			rest=${rest#* - }
			if [ "$status_word" = ok ]; then
				ok "kernel: $rest"
			else
				not_ok "kernel: $rest"
			fi ;;
		"Bail out!"*)
			not_ok "kernel: ${line#Bail out! }" ;;
		"# "*)
			echo "$line" ;;
		esac
	done < <(grep -aE '^(ok |not ok |Bail out!|# )' "$LOG")
	if [ "$results" = "$plan" ]; then
		ok "kernel ran all $plan planned self-tests"
	else
		not_ok "kernel ran $results of $plan planned self-tests"
	fi
}

# finish: the plan, and on failure the end of the serial log.
finish() {
	echo "1..$tap_n"
	if [ "$tap_failed" != 0 ]; then
		echo "--- $NAME: last lines of $LOG ---" >&2
		tail -n 40 "$LOG" | tr -d '\r' | sed 's/\x1b\[[0-9;]*m//g' >&2
	fi
	exit 0
}

# The demos' output in $LOG, for qemu-demos.t and bochs-demos.t, each a
# boot of run-vforkdemo.iso (run=/bin/vforkdemo,1) or run-cowdemo.iso.
# vforkdemo: the parent waits out its child's 1 s, keeps its own x, and
# forkstat counts the vfork.
check_vforkdemo() {
	check_logged "  before: forkstat: 0 vforks"
	check_logged "I was suspended until the child exited"
	check_logged "x = 2 in my copy"
	check_logged "x = 1: the child's write went to its own copy-on-write copy"
	check_logged "  after:  forkstat: 1 vforks"
	check "the parent waited about the child's 1 s" \
	    grep -qE 'vfork returned [0-9]+ after 1[0-9]{3} ms' "$LOG"
}

# cowdemo: after fork the child's read copies nothing, its write one
# page; the parent's page is unchanged and its own write copies nothing.
check_cowdemo() {
	check "the child's read copies nothing" \
	    grep -qE '^child: +read: no copy +faults \+[01], flt_cow \+0' "$LOG"
	check "the child's write copies one page" \
	    grep -qE '^child: +write: a copy +faults \+1, flt_cow \+1, free pages -1' \
	    "$LOG"
	check_logged "parent: my page still holds \"parent's data\""
	check "the parent's later write copies nothing" \
	    grep -qE '^parent: +write: no copy +faults \+[01], flt_cow \+0' "$LOG"
}

# threads 3: three workers, each with its tid, and the total checked
# against one thread's count.
check_threads() {
	check "three worker threads, each with a tid above 100000" \
	    test "$(grep -cE '^thread [123] \(tid [1-9][0-9]{5,}\): [0-9]+ chunks' \
	    "$LOG")" = 3
	check_logged "total 17984 primes; one thread alone counts 17984: ok"
}

# prodcons 2000 2 3: two producers, three consumers, the sum exact.
check_prodcons() {
	check "three consumers report" \
	    test "$(grep -cE '^consumer [123] took [0-9]+ items' "$LOG")" = 3
	check_logged "2 producers, 3 consumers, 8 slots: 4000 items, sum 4002000 (want 4002000): ok"
}

# procwatch -t /bin/forktree 2: the exec, six forks and seven exits,
# each as it happened, through kqueue's NOTE_TRACK.
check_procwatch() {
	pw='^ +[0-9]+\.[0-9]{3} pid [0-9]+'
	check "procwatch: the exec of forktree" \
	    grep -qE "$pw exec forktree" "$LOG"
	check "procwatch: six forks" \
	    test "$(grep -cE "$pw fork -> [0-9]+" "$LOG")" = 6
	check "procwatch: seven exits, each 0" \
	    test "$(grep -cE "$pw exit 0" "$LOG")" = 7
}

# A test ISO, made by "make boot-tests" from tests/boot/cmdline/NAME.
test_iso() {
	iso=$B/test/$1.iso
	if [ ! -f "$iso" ]; then
		echo "Bail out! $iso is missing: run make boot-tests"
		exit 1
	fi
	echo "$iso"
}
