/*
 * kernel/tests/kbench_proc.c: what a thread costs.
 *
 *   context_switch      one switch between two kernel threads that wake
 *                       each other (wakeup, tsleep_nsec, mi_switch and
 *                       the hardware task switch): a round trip / 2
 *   yield_switch        one switch by yield() between two runnable
 *                       threads: the scheduler and the task switch only
 *   kthread_fork_exit   fork1() of a kernel thread (kthread_create), its
 *                       first run, exit1(), and the reaper freeing it
 *
 * Switch costs are the time between two marks divided by the switches
 * mi_switch() counted in between (sched_nswitch), so the runner's own
 * turns do not skew them.  Each figure is the median of a few runs after
 * a warm-up.  Nothing here
 * lets the CPU halt: halted time is not instructions, so the runner
 * waits with yield(), never with a sleep.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/ktest.h>

#define RUNS		5
#define ROUNDS		200

static volatile int kb_turn, kb_done, kb_rounds;
static volatile uint64_t kb_t0, kb_t1, kb_sw0, kb_sw1;

/*
 * Ping-pong: thread me waits for kb_turn == me, passes the turn and
 * wakes the other.  Thread 1 times the whole exchange.
 */
static void
kb_pingpong(void *arg)
{
	int me = (int)arg, other = 3 - me, i;

	for (i = 0; i < kb_rounds; i++) {
		while (kb_turn != me)
			tsleep_nsec(&kb_turn, PWAIT, "pingpong", INFSLP);
		if (me == 1 && i == 0) {
			kb_sw0 = sched_nswitch;
			kb_t0 = kbench_now();
		}
		kb_turn = other;
		wakeup(&kb_turn);
	}
	if (me == 2) {
		kb_t1 = kbench_now();
		kb_sw1 = sched_nswitch;
	}
	kb_done++;
	kthread_exit(0);
}

/* Wait, runnable, until n threads said they are done. */
static void
kb_wait_done(int n)
{
	while (kb_done < n)
		yield();
}

/* Wait, runnable, until the reaper has freed every thread we made. */
static void
kb_wait_reaped(int nt)
{
	while (nthreads != nt)
		yield();
}

KBENCH(context_switch)
{
	uint64_t t[RUNS];
	int i, nt = nthreads;

	kb_rounds = ROUNDS;
	for (i = -1; i < RUNS; i++) {
		kb_turn = 1;
		kb_done = 0;
		if (kthread_create(kb_pingpong, (void *)1, NULL, "ping") ||
		    kthread_create(kb_pingpong, (void *)2, NULL, "pong"))
			panic("bench: kthread_create");
		kb_wait_done(2);
		kb_wait_reaped(nt);
		/* Per switch counted by mi_switch in between. */
		if (i >= 0)
			t[i] = (kb_t1 - kb_t0) / (kb_sw1 - kb_sw0);
	}
	kbench_report("context_switch", kbench_median(t, RUNS));
}

/* Yield to the other spinner ROUNDS times. */
static void
kb_yielder(void *arg)
{
	int me = (int)arg, i;

	if (me == 1) {
		kb_sw0 = sched_nswitch;
		kb_t0 = kbench_now();
	}
	for (i = 0; i < kb_rounds; i++)
		yield();
	if (me == 2) {
		kb_t1 = kbench_now();
		kb_sw1 = sched_nswitch;
	}
	kb_done++;
	kthread_exit(0);
}

KBENCH(yield_switch)
{
	uint64_t t[RUNS];
	int i, nt = nthreads;

	kb_rounds = ROUNDS;
	for (i = -1; i < RUNS; i++) {
		kb_done = 0;
		if (kthread_create(kb_yielder, (void *)1, NULL, "yield1") ||
		    kthread_create(kb_yielder, (void *)2, NULL, "yield2"))
			panic("bench: kthread_create");
		kb_wait_done(2);
		kb_wait_reaped(nt);
		if (i >= 0)
			t[i] = (kb_t1 - kb_t0) / (kb_sw1 - kb_sw0);
	}
	kbench_report("yield_switch", kbench_median(t, RUNS));
}

static void
kb_exit_now(void *arg __unused)
{
	kthread_exit(0);
}

KBENCH(kthread_fork_exit)
{
	uint64_t t[RUNS], t0;
	int i, nt = nthreads;

	for (i = -1; i < RUNS; i++) {
		t0 = kbench_now();
		if (kthread_create(kb_exit_now, NULL, NULL, "forkexit"))
			panic("bench: kthread_create");
		kb_wait_reaped(nt);
		if (i >= 0)
			t[i] = kbench_now() - t0;
	}
	kbench_report("kthread_fork_exit", kbench_median(t, RUNS));
}
