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
#include <machine/frame.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>
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

/*
 * Charge the tick to the running thread's user or system time (what
 * upstream's statclock() samples; calcru() splits the run time by these
 * counts), and note its process's largest resident set.
 */
static void
hardclock_charge(struct clockframe *frame)
{
	struct proc *p = curproc;
	long rss;

	if (p == NULL || p == curcpu()->ci_schedstate.spc_idleproc)
		return;
	if (CLKF_USERMODE(frame)) {
		p->p_tu.tu_uticks++;
		rss = pmap_resident_count(p->p_vmspace->vm_map.pmap) *
		    (PAGE_SIZE / 1024);
		if (rss > p->p_ru.ru_maxrss)
			p->p_ru.ru_maxrss = rss;
	} else
		p->p_tu.tu_sticks++;
}

/* => called at IPL_CLOCK from the clock interrupt. */
void
hardclock(struct clockframe *frame)
{
	ticks++;
	hardclock_charge(frame);
	schedclock(curproc);
	clockintr_run();
	timeout_hardclock_update();
}
