/*
 * kernel/arch/i386/i8253.c: the 8253/8254 programmable interval timer.
 *
 * Channel 0 counts down from a divisor at 1193182 Hz, raises IRQ 0 when it
 * reaches zero, and reloads: with divisor = 1193182 / hz that is the
 * clock interrupt, hz times a second.  Its current count also gives time
 * finer than a tick:
 *
 *   elapsed PIT cycles = i8253_offset (divisor per tick handled)
 *                      + divisor - count now
 *
 * which is the timecounter behind nanouptime().  delay() spins on the same
 * counter, so it works before interrupts are on.  This is the only file
 * that knows the PIT's ports and its frequency; the scheduler sees hz.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/time.h>
#include <machine/mc146818.h>
#include <machine/cpufunc.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/i8259.h>

#define TIMER_FREQ	1193182		/* Hz, the PIT's input clock */
#define TIMER_CNTR0	0x40
#define TIMER_MODE	0x43
#define TIMER_SEL0	0x00		/* channel 0 */
#define TIMER_LATCH	0x00		/* latch the count (with SEL0) */
#define TIMER_16BIT	0x30		/* low byte, then high byte */
#define TIMER_RATEGEN	0x04		/* mode 2: rate generator */
#define CLOCK_IRQ	0

static u_int i8253_divisor;
static volatile uint64_t i8253_offset;	/* cycles up to the last tick */
static uint64_t i8253_last;		/* last value handed out */

static uint64_t i8253_get_timecount(struct timecounter *);

static struct timecounter i8253_timecounter = {
	i8253_get_timecount, TIMER_FREQ, "i8254"
};

/*
 * The current count of channel 0 (divisor .. 1, then reload).  The latch
 * command and the two byte reads must not be split by an interrupt whose
 * handler reads the PIT too (the clock interrupt reads the time): its
 * latch would leave our reads out of step and the count garbage.
 */
u_int
i8253_read_count(void)
{
	u_int ef = intr_disable();
	u_int lo, hi;

	outb(TIMER_MODE, TIMER_SEL0 | TIMER_LATCH);
	lo = inb(TIMER_CNTR0);
	hi = inb(TIMER_CNTR0);
	intr_restore(ef);
	return lo | hi << 8;
}

/* Program channel 0 to interrupt hz times a second. */
static void
i8253_start(int rate)
{
	i8253_divisor = (TIMER_FREQ + rate / 2) / rate;
	outb(TIMER_MODE, TIMER_SEL0 | TIMER_16BIT | TIMER_RATEGEN);
	outb(TIMER_CNTR0, i8253_divisor & 0xff);
	outb(TIMER_CNTR0, i8253_divisor >> 8);
}

/*
 * PIT cycles since the clock started.  If the counter has wrapped but its
 * IRQ is still pending (in the 8259 with interrupts off, or held back by
 * spl in intr.c), i8253_offset lags a tick behind the count: intr_held()
 * shows such a tick, and the IRR one whose wrap was recent, which a count
 * in the upper half of the period confirms.  The result never goes
 * backwards.
 */
static uint64_t
i8253_get_timecount(struct timecounter *tc __unused)
{
	u_int ef = intr_disable();
	uint64_t now;
	u_int count;

	now = i8253_offset;
	count = i8253_read_count();
	/*
	 * A tick held back by spl (intr.c) is a wrap not yet counted,
	 * however long ago; a request in the 8259 is one too, but it may
	 * have come between latching the count and reading the IRR: only
	 * a count in the upper half says the wrap came before the latch.
	 */
	if (intr_held(CLOCK_IRQ))
		now += i8253_divisor;
	if (count > i8253_divisor / 2 && (i8259_irr() & (1 << CLOCK_IRQ)))
		now += i8253_divisor;
	now += i8253_divisor - count;
	if (now < i8253_last)
		now = i8253_last;
	i8253_last = now;
	intr_restore(ef);
	return now;
}

static int
clockintr(void *arg __unused, struct trapframe *tf)
{
	i8253_offset += i8253_divisor;
	tc_ticktock(i8253_offset);
	hardclock((struct clockframe *)tf);
	return 1;
}

void
cpu_initclocks(void)
{
	i8253_start(hz);
	tick = 1000000 / hz;
	tick_nsec = 1000000000 / hz;
	tc_init(&i8253_timecounter);
	inittodr(rtc_gettime());	/* CLOCK_REALTIME's base */
	intr_establish(CLOCK_IRQ, IPL_CLOCK, clockintr, NULL, "clock");
}

/*
 * Spin for at least usec microseconds, reading the PIT count: it goes down
 * and jumps back up at each reload, so sum the drops.  Works with
 * interrupts off.  Before cpu_initclocks() it only approximates: the BIOS
 * leaves channel 0 in square-wave mode, which counts down by two, so the
 * wait is about half as long (nothing needs an exact delay that early).
 */
void
delay(int usec)
{
	uint64_t want = ((uint64_t)usec * TIMER_FREQ + 999999) / 1000000;
	uint64_t done = 0;
	u_int div = i8253_divisor ? i8253_divisor : 65536;
	u_int prev = i8253_read_count(), cur;

	while (done < want) {
		cur = i8253_read_count();
		done += (cur <= prev) ? prev - cur : prev + (div - cur);
		prev = cur;
	}
}
