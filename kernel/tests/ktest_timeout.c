/*
 * kernel/tests/ktest_timeout.c: timeout(9) against the clock: tick
 * timeouts run after exactly the ticks asked for, uptime timeouts less
 * than a tick after their deadline; order; timeout_del() and re-adding,
 * from outside and from inside a timeout's function; the soft clock's
 * level; and spl holding due timeouts back until splx().
 *
 * Every wait spins on ticks with a bound in nanouptime (read from the
 * PIT, so it moves with interrupts off), so a bug fails instead of
 * hanging.  The timeouts are static: a failed test that leaves one pending
 * must not leave it pointing into a dead stack frame.  Functions called
 * by the soft clock only record what they see; the tests check it after.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/time.h>
#include <sys/timeout.h>
#include <sys/ktest.h>
#include <machine/intr.h>

#define NKT	8
#define NLOG	16

static struct timeout kt_to[NKT];
static volatile int kt_runs[NKT];	/* times its function ran */
static volatile int kt_tick[NKT];	/* ticks, the last time it ran */
static volatile uint64_t kt_ns[NKT];	/* getnsecuptime() then */
static volatile int kt_cpl[NKT];	/* cpl then */
static volatile int kt_log[NKT][NLOG];	/* ticks at each of its runs */
static volatile int kt_order[4 * NKT];	/* which ran, in order */
static volatile int kt_norder;

static volatile int kt_period[NKT];	/* kt_periodic(): re-add with this */
static volatile int kt_limit[NKT];	/* ... until it has run this often */
static volatile int kt_ret1, kt_ret2;	/* what a function's calls gave */
static volatile int kt_saw_tick;	/* kt_level(): a tick came meanwhile */

#define KT_ARG(i)	((void *)(intptr_t)(i))
#define KT_ID(arg)	((int)(intptr_t)(arg))

/*
 * How late an uptime timeout may run: the rest of the tick its deadline
 * falls in, plus the way from hardclock() to the function.  That way
 * costs instructions, a fair part of a tick in an emulator at hz=1000
 * (Bochs at 4 MIPS: some 400 instructions, 0.1 ms, per timeout due).
 * The tests put their deadlines in the first half of a tick, so a timeout
 * run one tick late would be at least 1.5 ticks late.
 */
#define KT_LATE_MAX							\
	(tick_nsec + (tick_nsec / 4 > 300000 ? tick_nsec / 4 : 300000))

/* Cancel every test timeout and forget what they did. */
static void
kt_reset(void)
{
	int i, j;

	for (i = 0; i < NKT; i++) {
		(void)timeout_del(&kt_to[i]);
		kt_runs[i] = 0;
		kt_tick[i] = 0;
		kt_ns[i] = 0;
		kt_cpl[i] = -1;
		for (j = 0; j < NLOG; j++)
			kt_log[i][j] = 0;
	}
	kt_norder = 0;
	kt_ret1 = kt_ret2 = -1;
	kt_saw_tick = -1;
}

/* The plain function: note when, and at what level, timeout arg ran. */
static void
kt_note(void *arg)
{
	int i = KT_ID(arg);

	if (kt_runs[i] < NLOG)
		kt_log[i][kt_runs[i]] = ticks;
	kt_runs[i]++;
	kt_tick[i] = ticks;
	kt_ns[i] = getnsecuptime();
	kt_cpl[i] = cpl;
	if (kt_norder < (int)nitems(kt_order))
		kt_order[kt_norder++] = i;
}

static void
kt_set(int i, void (*fn)(void *))
{
	timeout_set(&kt_to[i], fn, KT_ARG(i));
}

/*
 * Spin until ticks reaches t.  Fails if that takes much longer than the
 * ticks should: the clock stopped, or interrupts are held off.
 */
static void
kt_wait_tick(int t)
{
	int n = t - ticks;
	uint64_t ns0 = getnsecuptime();
	uint64_t limit = (uint64_t)(n > 0 ? 2 * n + 5 : 5) * tick_nsec;

	while (ticks - t < 0)
		if (getnsecuptime() - ns0 > limit)
			KT_FAIL("ticks stuck at %d on the way to %d", ticks, t);
}

/* Spin until *v >= want, for at most maxticks ticks. */
static void
kt_wait_for(volatile int *v, int want, int maxticks)
{
	int t = ticks + maxticks;
	uint64_t ns0 = getnsecuptime();
	uint64_t limit = (uint64_t)(2 * maxticks + 5) * tick_nsec;

	while (*v < want && ticks - t < 0)
		if (getnsecuptime() - ns0 > limit)
			KT_FAIL("ticks stuck at %d", ticks);
	if (*v < want)
		KT_FAIL("still %d after %d ticks, wanted %d", *v, maxticks,
		    want);
}

/* Wait for the next tick to begin; returns ticks. */
static int
kt_edge(void)
{
	kt_wait_tick(ticks + 1);
	return ticks;
}

/* A deadline ns nanoseconds after boot, as timeout_abs_ts() takes it. */
static struct timespec
kt_ts(uint64_t ns)
{
	struct timespec ts;

	ts.tv_sec = ns / 1000000000ULL;
	ts.tv_nsec = ns % 1000000000ULL;
	return ts;
}

/*
 * timeout_add(to, n) runs in the soft clock of the n-th tick from now,
 * 0 in the next one's.  Adding at splclock() keeps a tick from coming
 * between reading ticks and adding.
 */
KTEST(timeout_add_runs_after_exactly_n_ticks)
{
	static const int n[] = { 0, 1, 2, 3, 7, 20 };
	int i, s, t0;

	kt_reset();
	for (i = 0; i < (int)nitems(n); i++)
		kt_set(i, kt_note);
	(void)kt_edge();
	s = splclock();
	t0 = ticks;
	for (i = 0; i < (int)nitems(n); i++) {
		KT_EQ(timeout_add(&kt_to[i], n[i]), 1);
		KT_ASSERT(timeout_pending(&kt_to[i]));
	}
	splx(s);
	kt_wait_tick(t0 + 22);
	for (i = 0; i < (int)nitems(n); i++) {
		KT_EQ(kt_runs[i], 1);
		KT_EQ(kt_tick[i] - t0, n[i] > 0 ? n[i] : 1);
		KT_ASSERT(!timeout_pending(&kt_to[i]));
		KT_ASSERT(timeout_triggered(&kt_to[i]));
	}
}

/* Earlier time first; the same time in the order they were added. */
KTEST(timeout_order_by_time_then_by_adding)
{
	static const int n[] = { 5, 3, 3, 1, 4, 2, 3 };
	static const int want[] = { 3, 5, 1, 2, 6, 4, 0 };
	int i, s, t0;

	kt_reset();
	s = splclock();
	t0 = ticks;
	for (i = 0; i < (int)nitems(n); i++) {
		kt_set(i, kt_note);
		(void)timeout_add(&kt_to[i], n[i]);
	}
	splx(s);
	kt_wait_tick(t0 + 7);
	KT_EQ(kt_norder, (int)nitems(want));
	for (i = 0; i < (int)nitems(want); i++) {
		KT_EQ(kt_order[i], want[i]);
		KT_EQ(kt_tick[want[i]] - t0, n[want[i]]);
	}
}

/*
 * KCLOCK_UPTIME: never before the deadline, and within the tick after it;
 * a deadline already past (or now) at the next tick.  The deadlines are
 * set at the start of a tick, the future ones in the first half of one.
 */
KTEST(timeout_uptime_runs_within_a_tick_of_its_deadline)
{
	/* deadlines from the tick's start, in hundredths of a tick */
	static const int at[] = { -50, 0, 30, 110, 240, 750 };
	uint64_t now, d[nitems(at)], late, worst = 0;
	struct timespec ts;
	int i, s, t0;

	kt_reset();
	for (i = 0; i < (int)nitems(at); i++)
		timeout_set_flags(&kt_to[i], kt_note, KT_ARG(i),
		    KCLOCK_UPTIME, 0);
	(void)kt_edge();
	s = splclock();
	t0 = ticks;
	now = getnsecuptime();
	for (i = 0; i < (int)nitems(at); i++) {
		d[i] = now + (int64_t)at[i] * tick_nsec / 100;
		ts = kt_ts(d[i]);
		KT_EQ(timeout_abs_ts(&kt_to[i], &ts), 1);
	}
	splx(s);
	kt_wait_tick(t0 + 10);
	for (i = 0; i < (int)nitems(at); i++) {
		KT_EQ(kt_runs[i], 1);
		KT_EQ(kt_order[i], i);
		KT_ASSERT(kt_ns[i] >= d[i]);
		if (at[i] <= 0) {
			KT_EQ(kt_tick[i] - t0, 1);
			continue;
		}
		late = kt_ns[i] - d[i];
		if (late > worst)
			worst = late;
		KT_RANGE(late, 0, KT_LATE_MAX);
	}
	ktest_diag("at most %llu ns after the deadline, tick %d ns", worst,
	    tick_nsec);
}

/*
 * timeout_abs_ts() on a pending timeout replaces its deadline, later or
 * earlier, and the others keep theirs.
 */
KTEST(timeout_abs_ts_moves_a_deadline)
{
	uint64_t now, d[3];
	struct timespec ts;
	int i;

	kt_reset();
	for (i = 0; i < 3; i++)
		timeout_set_flags(&kt_to[i], kt_note, KT_ARG(i),
		    KCLOCK_UPTIME, 0);
	(void)kt_edge();
	now = getnsecuptime();
	ts = kt_ts(now + 2 * (uint64_t)tick_nsec);
	KT_EQ(timeout_abs_ts(&kt_to[0], &ts), 1);
	d[1] = now + 4 * (uint64_t)tick_nsec + tick_nsec / 3;
	ts = kt_ts(d[1]);
	KT_EQ(timeout_abs_ts(&kt_to[1], &ts), 1);
	ts = kt_ts(now + 8 * (uint64_t)tick_nsec);
	KT_EQ(timeout_abs_ts(&kt_to[2], &ts), 1);
	kt_wait_tick(ticks + 1);		/* filed on the sorted queue */
	d[0] = now + 6 * (uint64_t)tick_nsec + tick_nsec / 4;
	ts = kt_ts(d[0]);
	KT_EQ(timeout_abs_ts(&kt_to[0], &ts), 0);	/* later */
	d[2] = now + 3 * (uint64_t)tick_nsec + tick_nsec / 5;
	ts = kt_ts(d[2]);
	KT_EQ(timeout_abs_ts(&kt_to[2], &ts), 0);	/* earlier */
	kt_wait_tick(ticks + 10);
	KT_EQ(kt_norder, 3);
	KT_EQ(kt_order[0], 2);
	KT_EQ(kt_order[1], 1);
	KT_EQ(kt_order[2], 0);
	for (i = 0; i < 3; i++)
		KT_RANGE(kt_ns[i] - d[i], 0, KT_LATE_MAX);
}

/*
 * timeout_del() before it runs: it never does, and 1; when nothing is
 * pending (never added, deleted already, ran already): 0.  Pending,
 * initialized and triggered say what happened.
 */
KTEST(timeout_del_cancels_and_says_if_it_did)
{
	static struct timeout never_set;
	struct timespec ts;
	int t0;

	kt_reset();
	KT_ASSERT(!timeout_initialized(&never_set));
	kt_set(0, kt_note);
	KT_ASSERT(timeout_initialized(&kt_to[0]));
	KT_ASSERT(!timeout_pending(&kt_to[0]));
	KT_EQ(timeout_del(&kt_to[0]), 0);

	t0 = ticks;
	KT_EQ(timeout_add(&kt_to[0], 3), 1);
	KT_ASSERT(timeout_pending(&kt_to[0]));
	KT_EQ(timeout_del(&kt_to[0]), 1);
	KT_ASSERT(!timeout_pending(&kt_to[0]));
	KT_EQ(timeout_del(&kt_to[0]), 0);
	kt_wait_tick(t0 + 6);
	KT_EQ(kt_runs[0], 0);

	KT_EQ(timeout_add(&kt_to[0], 1), 1);
	kt_wait_for(&kt_runs[0], 1, 3);
	KT_ASSERT(timeout_triggered(&kt_to[0]));
	KT_EQ(timeout_del_barrier(&kt_to[0]), 0);
	KT_ASSERT(!timeout_triggered(&kt_to[0]));

	/* An uptime timeout, deleted while filed on the sorted queue. */
	timeout_set_flags(&kt_to[1], kt_note, KT_ARG(1), KCLOCK_UPTIME, 0);
	ts = kt_ts(getnsecuptime() + 3 * (uint64_t)tick_nsec);
	KT_EQ(timeout_abs_ts(&kt_to[1], &ts), 1);
	t0 = ticks;
	kt_wait_tick(t0 + 1);
	KT_EQ(timeout_del(&kt_to[1]), 1);
	kt_wait_tick(t0 + 6);
	KT_EQ(kt_runs[1], 0);
}

/*
 * timeout_add() on a pending timeout returns 0 and the new time holds,
 * earlier or later; once it has run, adding it again returns 1.
 */
KTEST(timeout_add_on_pending_reschedules)
{
	int s, t0;

	kt_reset();
	kt_set(0, kt_note);
	kt_set(1, kt_note);
	s = splclock();
	t0 = ticks;
	KT_EQ(timeout_add(&kt_to[0], 10), 1);
	KT_EQ(timeout_add(&kt_to[0], 3), 0);		/* earlier */
	KT_EQ(timeout_add(&kt_to[1], 2), 1);
	KT_EQ(timeout_add(&kt_to[1], 6), 0);		/* later */
	splx(s);
	kt_wait_tick(t0 + 12);
	KT_EQ(kt_runs[0], 1);
	KT_EQ(kt_tick[0] - t0, 3);
	KT_EQ(kt_runs[1], 1);
	KT_EQ(kt_tick[1] - t0, 6);
	KT_EQ(timeout_add(&kt_to[0], 1), 1);
	kt_wait_for(&kt_runs[0], 2, 3);
}

/* Re-add itself with kt_period[i] ticks until it has run kt_limit[i]. */
static void
kt_periodic(void *arg)
{
	int i = KT_ID(arg);

	kt_note(arg);
	if (kt_runs[i] < kt_limit[i])
		(void)timeout_add(&kt_to[i], kt_period[i]);
}

/* Re-add itself (1: it is off the queues), then delete itself (1). */
static void
kt_add_then_del_self(void *arg)
{
	kt_note(arg);
	kt_ret1 = timeout_add(&kt_to[KT_ID(arg)], 1);
	kt_ret2 = timeout_del(&kt_to[KT_ID(arg)]);
}

/*
 * A function that re-adds itself runs once per period, on the tick; one
 * that re-adds and then deletes itself runs once.
 */
KTEST(timeout_function_readds_itself)
{
	static const int period[] = { 1, 3, 0 }, limit[] = { 10, 4, 5 };
	int i, k, s, t0;

	kt_reset();
	for (i = 0; i < 3; i++) {
		kt_set(i, kt_periodic);
		kt_period[i] = period[i];
		kt_limit[i] = limit[i];
	}
	kt_set(3, kt_add_then_del_self);
	s = splclock();
	t0 = ticks;
	for (i = 0; i < 3; i++)
		(void)timeout_add(&kt_to[i], period[i]);
	(void)timeout_add(&kt_to[3], 2);
	splx(s);
	kt_wait_tick(t0 + 15);
	for (i = 0; i < 3; i++) {
		KT_EQ(kt_runs[i], limit[i]);
		for (k = 0; k < limit[i]; k++)
			KT_EQ(kt_log[i][k] - t0,
			    (k + 1) * (period[i] > 0 ? period[i] : 1));
	}
	KT_EQ(kt_runs[3], 1);
	KT_EQ(kt_ret1, 1);
	KT_EQ(kt_ret2, 1);
	KT_ASSERT(!timeout_pending(&kt_to[3]));
}

/* Delete timeout 1 and move timeout 2 on, both due in this same tick. */
static void
kt_del_other(void *arg)
{
	kt_note(arg);
	kt_ret1 = timeout_del(&kt_to[1]);
	kt_ret2 = timeout_add(&kt_to[2], 3);
}

/*
 * Four timeouts due in one tick: the first one's function deletes the
 * second, which then does not run, and moves the third three ticks on.
 */
KTEST(timeout_function_deletes_one_due_with_it)
{
	int i, s, t0;

	kt_reset();
	kt_set(0, kt_del_other);
	for (i = 1; i < 4; i++)
		kt_set(i, kt_note);
	s = splclock();
	t0 = ticks;
	for (i = 0; i < 4; i++)
		(void)timeout_add(&kt_to[i], 2);
	splx(s);
	kt_wait_tick(t0 + 7);
	KT_EQ(kt_runs[0], 1);
	KT_EQ(kt_ret1, 1);
	KT_EQ(kt_runs[1], 0);
	KT_EQ(kt_ret2, 0);
	KT_EQ(kt_runs[2], 1);
	KT_EQ(kt_tick[2] - t0, 5);
	KT_EQ(kt_runs[3], 1);
	KT_EQ(kt_tick[3] - t0, 2);
}

/*
 * Note the level, check splclock() from there, and wait up to three
 * ticks' worth of nanouptime for a tick: one can only come if interrupts
 * are on and cpl is below IPL_CLOCK.
 */
static void
kt_level(void *arg)
{
	int t = ticks, s;
	uint64_t ns0 = getnsecuptime();

	kt_note(arg);
	s = splclock();
	kt_ret1 = s;
	kt_ret2 = cpl;
	splx(s);
	while (ticks == t && getnsecuptime() - ns0 < 3 * (uint64_t)tick_nsec)
		continue;
	kt_saw_tick = ticks != t;
}

/*
 * Timeouts run at IPL_SOFTCLOCK with interrupts on: tick, uptime and
 * TIMEOUT_PROC ones alike (PORT: no softclock thread yet).
 */
KTEST(timeout_runs_at_softclock_with_interrupts_on)
{
	struct timespec ts;

	kt_reset();
	kt_set(0, kt_level);
	timeout_set_proc(&kt_to[1], kt_note, KT_ARG(1));
	timeout_set_flags(&kt_to[2], kt_note, KT_ARG(2), KCLOCK_UPTIME, 0);
	(void)timeout_add(&kt_to[0], 1);
	(void)timeout_add(&kt_to[1], 1);
	ts = kt_ts(getnsecuptime() + (uint64_t)tick_nsec / 2);
	(void)timeout_abs_ts(&kt_to[2], &ts);
	kt_wait_for(&kt_runs[0], 1, 3);
	kt_wait_for(&kt_runs[1], 1, 3);
	kt_wait_for(&kt_runs[2], 1, 3);
	KT_EQ(kt_cpl[0], IPL_SOFTCLOCK);
	KT_EQ(kt_ret1, IPL_SOFTCLOCK);	/* what splclock() returned */
	KT_EQ(kt_ret2, IPL_CLOCK);
	KT_EQ(kt_saw_tick, 1);
	KT_EQ(kt_cpl[1], IPL_SOFTCLOCK);
	KT_EQ(kt_cpl[2], IPL_SOFTCLOCK);
	KT_EQ(cpl, IPL_NONE);
}

/*
 * At splsoftclock() or spltty() the clock ticks on but a due timeout
 * waits; splx() back to IPL_NONE runs it before it returns.  At
 * splclock() the tick itself waits (held back in ipending, and the next
 * one latched in the 8259: intr.c), and the timeout runs right after
 * them once splx() lets them in.
 */
KTEST(timeout_waits_while_spl_is_at_softclock_or_above)
{
	int s, t0;

	kt_reset();
	kt_set(0, kt_note);
	kt_set(1, kt_note);
	kt_set(2, kt_note);

	s = splsoftclock();
	t0 = ticks;
	(void)timeout_add(&kt_to[0], 1);
	kt_wait_tick(t0 + 3);
	KT_EQ(kt_runs[0], 0);
	splx(s);
	KT_EQ(kt_runs[0], 1);
	KT_ASSERT(kt_tick[0] - t0 >= 3);
	KT_EQ(kt_cpl[0], IPL_SOFTCLOCK);
	KT_EQ(cpl, IPL_NONE);

	s = spltty();
	t0 = ticks;
	(void)timeout_add(&kt_to[1], 1);
	kt_wait_tick(t0 + 3);
	KT_EQ(kt_runs[1], 0);
	splx(s);
	KT_EQ(kt_runs[1], 1);
	KT_EQ(kt_cpl[1], IPL_SOFTCLOCK);

	(void)kt_edge();		/* splx() half a tick before the next */
	s = splclock();
	t0 = ticks;
	(void)timeout_add(&kt_to[2], 1);
	delay(tick * 5 / 2);
	KT_EQ(ticks, t0);
	KT_EQ(kt_runs[2], 0);
	splx(s);
	kt_wait_for(&kt_runs[2], 1, 2);
	KT_RANGE(kt_tick[2] - t0, 1, 2);
	KT_EQ(kt_cpl[2], IPL_SOFTCLOCK);
}

/* to_time - t0, as the wheel will see it. */
#define KT_TICKS(call, want) do {					\
	(void)(call);							\
	KT_EQ((int)((u_int)kt_to[0].to_time - (u_int)t0), (want));	\
} while (0)

/*
 * The _sec/_msec/_usec/_nsec forms round up to whole ticks and add one
 * for the tick under way; too long is INT32_MAX ticks.  A real wait
 * then lasts at least what it asked for.
 */
KTEST(timeout_add_sec_msec_usec_nsec_round_up)
{
	uint64_t ns0;
	int s, t0;

	kt_reset();
	kt_set(0, kt_note);
	s = splclock();
	t0 = ticks;
	KT_TICKS(timeout_add(&kt_to[0], 0), 1);
	KT_TICKS(timeout_add_sec(&kt_to[0], 0), 1);
	KT_TICKS(timeout_add_sec(&kt_to[0], 2), 2 * hz + 1);
	KT_TICKS(timeout_add_msec(&kt_to[0], 0), 1);
	KT_TICKS(timeout_add_msec(&kt_to[0], 1), 2);
	KT_TICKS(timeout_add_msec(&kt_to[0], 1000), hz + 1);
	KT_TICKS(timeout_add_usec(&kt_to[0], tick), 2);
	KT_TICKS(timeout_add_usec(&kt_to[0], tick + 1), 3);
	KT_TICKS(timeout_add_nsec(&kt_to[0], 1), 2);
	KT_TICKS(timeout_add_nsec(&kt_to[0], 0), 1);
	KT_TICKS(timeout_add_nsec(&kt_to[0], 5 * (uint64_t)tick_nsec), 6);
	KT_TICKS(timeout_add_msec(&kt_to[0], UINT64_MAX), INT32_MAX);
	KT_TICKS(timeout_add_nsec(&kt_to[0], UINT64_MAX), INT32_MAX);
	KT_TICKS(timeout_add_usec(&kt_to[0],
	    (uint64_t)INT32_MAX * tick * 2), INT32_MAX);
	KT_EQ(timeout_del(&kt_to[0]), 1);
	splx(s);
	KT_EQ(kt_runs[0], 0);

	ns0 = getnsecuptime();
	KT_EQ(timeout_add_msec(&kt_to[0], 25), 1);
	kt_wait_for(&kt_runs[0], 1, 25000 / tick + 3);
	ktest_diag("timeout_add_msec(25) ran after %llu ns",
	    kt_ns[0] - ns0);
	KT_RANGE(kt_ns[0] - ns0, 25000000,
	    25000000 + 2 * (uint64_t)tick_nsec);
}

/*
 * Longer than one turn of the wheel (256 ticks), side by side: 300
 * ticks, one second (hz + 1 ticks) and an uptime deadline 300 1/3 ticks
 * away.  About 3 s at hz=100.
 */
KTEST(timeout_longer_than_a_turn_of_the_wheel)
{
	uint64_t d;
	struct timespec ts;
	int s, t0, last;

	kt_reset();
	kt_set(0, kt_note);
	kt_set(1, kt_note);
	timeout_set_flags(&kt_to[2], kt_note, KT_ARG(2), KCLOCK_UPTIME, 0);
	(void)kt_edge();
	s = splclock();
	t0 = ticks;
	d = getnsecuptime() + 300 * (uint64_t)tick_nsec + tick_nsec / 3;
	KT_EQ(timeout_add(&kt_to[0], 300), 1);
	KT_EQ(timeout_add_sec(&kt_to[1], 1), 1);
	splx(s);
	ts = kt_ts(d);
	KT_EQ(timeout_abs_ts(&kt_to[2], &ts), 1);
	last = (hz + 1 > 300 ? hz + 1 : 300) + 3;
	kt_wait_tick(t0 + last);
	KT_EQ(kt_runs[0], 1);
	KT_EQ(kt_tick[0] - t0, 300);
	KT_EQ(kt_runs[1], 1);
	KT_EQ(kt_tick[1] - t0, hz + 1);
	KT_EQ(kt_runs[2], 1);
	KT_RANGE(kt_ns[2] - d, 0, KT_LATE_MAX);
}
