/*
 * kernel/kern_clock.c: the clock interrupt.
 *
 * hardclock() runs hz times a second from the PIT (i8253.c): it counts
 * ticks, charges the running thread (schedclock), runs the per-CPU clock
 * events (round robin, interval timers: kern_clockintr.c) and hands the
 * timeouts due to the soft clock (kern_timeout.c).
 *
 * PORT: OpenBSD drives schedclock() from statclock(), a separate clock at
 * stathz; Tine has one clock, and hardclock() charges the thread itself
 * (every 4th tick counts, sched_bsd.c).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/timeout.h>
#include <machine/cpu.h>
#include <sys/proc.h>
#include <sys/sched.h>

int	hz = 100;		/* boot option hz=N */
int	tick;
int	tick_nsec;
volatile int ticks;

/* Start the clock interrupt at hz (machine-dependent: cpu_initclocks). */
void
initclocks(void)
{
	cpu_initclocks();
}

/* => called at IPL_CLOCK from the clock interrupt. */
void
hardclock(void)
{
	ticks++;
	schedclock(curproc);
	clockintr_run();
	timeout_hardclock_update();
}
