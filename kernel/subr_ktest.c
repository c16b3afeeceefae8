/*
 * kernel/subr_ktest.c: run the kernel self-tests and report in TAP.
 *
 * Tests are struct ktest records that KTEST() (sys/ktest.h) puts in the
 * .ktest.* sections; kernel.ld gathers them, sorted by name, between
 * ktest_start and ktest_end.  Each test runs under setjmp(): a failed
 * assertion longjmps back here, so a failure ends that test only.  The
 * priority level and the interrupt flag are put back after each test.
 *
 * At the end the kernel powers off with a status: QEMU's isa-debug-exit
 * turns it into its exit code, and the harness (tests/) reads the TAP.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <sys/time.h>
#include <lib/libkern/libkern.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/cpu.h>
#include <machine/param.h>
#include <uvm/uvm_extern.h>

extern const struct ktest ktest_start[], ktest_end[];

static int ktest_active;
static label_t ktest_label;
static char ktest_reason[200];
static int ktest_skipped;
static struct ktest_trap *ktest_armed;

int
ktest_running(void)
{
	return ktest_active;
}

void
ktest_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(ktest_reason, sizeof(ktest_reason), "%s:%d: ", file,
	    line);
	va_start(ap, fmt);
	vsnprintf(ktest_reason + n, sizeof(ktest_reason) - n, fmt, ap);
	va_end(ap);
	longjmp(&ktest_label);
}

void
ktest_skip(const char *why)
{
	strlcpy(ktest_reason, why, sizeof(ktest_reason));
	ktest_skipped = 1;
	longjmp(&ktest_label);
}

void
ktest_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* Arm a trap catch: the next exception goes to t, not to a panic. */
void
ktest_catch_arm(struct ktest_trap *t)
{
	t->kt_eflags = read_eflags();
	t->kt_trapno = -1;
	ktest_armed = t;
}

/* The armed catch, disarmed; NULL if none.  (Called by the trap code.) */
struct ktest_trap *
ktest_catch_take(void)
{
	struct ktest_trap *t = ktest_armed;

	ktest_armed = NULL;
	return t;
}

static int
ktest_selected(const struct ktest *t, const char *filter)
{
	return filter == NULL || filter[0] == '\0' ||
	    strstr(t->kt_name, filter) != NULL;
}

/*
 * Run one test; returns 1 if it passed (or was skipped).
 * => interrupts on, cpl IPL_NONE; both are so again on return.
 */
static int
ktest_run_one(const struct ktest *t, int n)
{
	u_int ef = read_eflags();
	int s = cpl, passed;
	uint64_t t0 = getnsecuptime();

	ktest_reason[0] = '\0';
	ktest_skipped = 0;
	if (setjmp(&ktest_label) == 0) {
		t->kt_func();
		passed = 1;
	} else
		passed = ktest_skipped;
	ktest_armed = NULL;
	write_eflags(ef);
	splx(s);

	if (ktest_skipped)
		printf("ok %d - %s # SKIP %s\n", n, t->kt_name, ktest_reason);
	else if (passed)
		printf("ok %d - %s\n", n, t->kt_name);
	else
		printf("not ok %d - %s # %s\n", n, t->kt_name, ktest_reason);
	printf("# %s: %llu ms\n", t->kt_name,
	    (getnsecuptime() - t0) / 1000000);
	return passed;
}

/*
 * Run every test whose name contains filter (all, if it is empty), then
 * set the exit status for boot(RB_POWERDOWN).
 */
void
ktest_run_all(const char *filter)
{
	const struct ktest *t;
	int n = 0, failed = 0;

	for (t = ktest_start; t < ktest_end; t++)
		n += ktest_selected(t, filter);
	printf("1..%d\n", n);
	ktest_active = 1;
	n = 0;
	for (t = ktest_start; t < ktest_end; t++)
		if (ktest_selected(t, filter))
			failed += !ktest_run_one(t, ++n);
	ktest_active = 0;
	printf("# %d passed, %d failed\n", n - failed, failed);
	boot_exit_status = failed ? KTEST_EXIT_FAIL : KTEST_EXIT_PASS;
}

static volatile int crash_depth = 1 << 30;

/* Recurse on a u-area's stack until it runs into its guard page. */
static void
crash_recurse(void *arg)
{
	volatile char frame[256];

	frame[0] = 1;
	if (crash_depth-- > 0)
		crash_recurse(arg);
	frame[1] = frame[0];
}

static void
ktest_crash_stack(void)
{
	vaddr_t uaddr = uvm_uarea_alloc();

	KASSERT(uaddr != 0);
	call_on_stack(crash_recurse, NULL, uaddr + USPACE);
}

/*
 * crash=KIND: fail on purpose, so a reader (and the harness) can see what
 * a kernel panic looks like and that the machine stops cleanly.
 */
void
ktest_crash(const char *kind)
{
	volatile int zero = 0, one = 1;	/* opaque to the optimiser */

	printf("crash: %s, as the boot option asked\n", kind);
	if (strcmp(kind, "pagefault") == 0)
		*(volatile int *)zero = 1;
	else if (strcmp(kind, "divide") == 0)
		zero = one / zero;
	else if (strcmp(kind, "assert") == 0)
		KASSERT(kind[0] == '\0');
	else if (strcmp(kind, "panic") == 0)
		panic("crash=panic on the command line");
	else if (strcmp(kind, "stack") == 0)
		ktest_crash_stack();
	else
		printf("crash: unknown kind '%s' (pagefault, divide, assert, "
		    "panic, stack); not crashing\n", kind);
}
