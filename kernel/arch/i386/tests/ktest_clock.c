/*
 * kernel/arch/i386/tests/ktest_clock.c: the PIT against a second clock,
 * the sub-tick timecounter, delay(), and spl levels holding IRQs off.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/time.h>
#include <sys/ktest.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/mc146818.h>

#define RTC_SECONDS	2	/* length of the PIT-vs-RTC comparison */

/* Wait for the RTC's seconds to change; 0, or -1 if it never does. */
static int
rtc_wait_edge(void)
{
	int s0 = rtc_seconds(), t0 = ticks;

	while (rtc_seconds() == s0)
		if (ticks - t0 > 2 * hz)
			return -1;
	return 0;
}

/*
 * Count clock interrupts between RTC second boundaries: hz per second
 * within 2 % (and at least one tick, the granularity of the count).
 */
KTEST(pit_rate_vs_rtc)
{
	int t0, n, want = RTC_SECONDS * hz, slack;
	uint64_t ns0, ns, ns_slack;
	int i;

	if (rtc_wait_edge() != 0)
		KT_FAIL("the RTC's seconds did not change in 2 s of ticks");
	t0 = ticks;
	ns0 = getnsecuptime();
	for (i = 0; i < RTC_SECONDS; i++)
		if (rtc_wait_edge() != 0)
			KT_FAIL("the RTC stopped");
	n = ticks - t0;
	ns = getnsecuptime() - ns0;
	ktest_diag("%d ticks and %llu ns of nanouptime in %d RTC seconds "
	    "at hz=%d", n, ns, RTC_SECONDS, hz);
	/* 2 %, but never less than the one tick a count can be off by. */
	slack = want / 50 > 1 ? want / 50 : 1;
	KT_RANGE(n, want - slack, want + slack);
	ns_slack = RTC_SECONDS * 20000000ULL > (uint64_t)tick_nsec ?
	    RTC_SECONDS * 20000000ULL : (uint64_t)tick_nsec;
	KT_RANGE(ns, RTC_SECONDS * 1000000000ULL - ns_slack,
	    RTC_SECONDS * 1000000000ULL + ns_slack);
}

/* nanouptime() never goes back and resolves far less than a tick. */
KTEST(nanouptime_subtick)
{
	uint64_t prev, now, best = ~0ULL;
	int t0 = ticks, i, distinct = 0;

	while (ticks == t0)		/* start at a tick's beginning */
		continue;
	prev = getnsecuptime();
	for (i = 0; i < 2000; i++) {
		now = getnsecuptime();
		KT_ASSERT(now >= prev);
		if (now != prev) {
			distinct++;
			if (now - prev < best)
				best = now - prev;
		}
		prev = now;
	}
	ktest_diag("%d distinct readings, smallest step %llu ns, tick %d ns",
	    distinct, best, tick_nsec);
	KT_ASSERT(distinct > 10);
	KT_ASSERT(best < (uint64_t)tick_nsec / 4);
}

/* delay(usec) spins at least that long, and not much longer. */
KTEST(delay_is_accurate)
{
	uint64_t t0 = getnsecuptime(), dt;

	delay(50000);
	dt = getnsecuptime() - t0;
	ktest_diag("delay(50000) took %llu ns", dt);
	KT_RANGE(dt, 50000000, 60000000);
}

/*
 * At splclock() the PIT's IRQs wait: the first held back in ipending, the
 * next latched in the 8259, the rest lost, as on real hardware (intr.c);
 * splx() lets them through.  A
 * lower level (spltty) does not hold the clock off.
 */
KTEST(spl_holds_interrupts)
{
	int s, t0;

	KT_EQ(cpl, IPL_NONE);
	s = splclock();
	KT_EQ(s, IPL_NONE);
	KT_EQ(cpl, IPL_CLOCK);
	t0 = ticks;
	delay(tick * 7 / 2);		/* three and a half ticks */
	KT_EQ(ticks, t0);
	KT_ASSERT(intr_held(0));		/* the PIT's IRQ */
	splx(s);
	KT_ASSERT(!intr_held(0));
	delay(tick / 10);
	/* The held tick, the latched one, and maybe a new one by now. */
	KT_RANGE(ticks - t0, 1, 3);

	s = spltty();
	t0 = ticks;
	delay(tick * 7 / 2);
	splx(s);
	KT_RANGE(ticks - t0, 3, 4);

	s = splhigh();
	KT_EQ(splclock(), IPL_HIGH);	/* raising to a lower level: no-op */
	KT_EQ(cpl, IPL_HIGH);
	t0 = ticks;
	delay(tick * 5 / 2);
	KT_EQ(ticks, t0);
	splx(s);
	KT_EQ(cpl, IPL_NONE);
}
