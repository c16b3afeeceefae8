/*
 * kernel/kern_clockintr.c: per-CPU periodic clock events, clockintr(9).
 *
 * PORT: OpenBSD programs a one-shot timer for the next event; Tine's PIT
 * ticks at hz, so each event is checked once a tick (clockintr_run, from
 * hardclock) and runs when its expiration has passed.  An event's period
 * is therefore at best one tick, which is all hz-based callers ask for.
 * The events' clock is the tick count in nanoseconds (clockintr_nsec),
 * not nanouptime(): reading the PIT inside its own interrupt handler
 * costs port I/O every tick and made Bochs lose ticks.
 *
 * The scheduler's events live in struct schedstate_percpu:
 *   spc_roundrobin  every hz/10 ticks, always (sched_bsd.c)
 *   spc_itimer      while the running process has a virtual or
 *                   profiling interval timer (PS_ITIMER)
 *   spc_profclock   while it is being profiled (PS_PROFIL)
 * proc_trampoline_mi() and mi_switch() arm the last two for the thread
 * that is about to run, and mi_switch() disarms them.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/signalvar.h>
#include <sys/atomic.h>
#include <sys/time.h>
#include <machine/cpu.h>

/*
 * Arm cl to run period nanoseconds after its last expiration, skipping
 * the periods already past (or a period from now when it was idle).
 */
static uint64_t clockintr_nsec;		/* ticks * hardclock_period */

void
clockintr_advance(struct clockintr *cl, uint64_t period)
{
	uint64_t now = clockintr_nsec;

	if (!cl->cl_armed || cl->cl_expiration + period <= now)
		cl->cl_expiration = now;
	cl->cl_expiration += period;
	cl->cl_armed = 1;
}

/* Run cl if it is due; it re-arms itself by calling clockintr_advance. */
static void
clockintr_check(struct clockintr *cl, void *arg, uint64_t now)
{
	if (cl->cl_armed && cl->cl_expiration <= now && cl->cl_func != NULL) {
		cl->cl_armed = 0;
		cl->cl_func(cl, arg);
	}
}

/*
 * A virtual or profiling interval timer of the running process counts
 * down; at zero it sends its signal and reloads.
 * PORT: the kernel does not yet tell user time from system time, so
 * ITIMER_VIRTUAL counts all of the process's run time (FIXME: issue 6).
 */
static void
itimer_tick(struct process *pr, int which, int sig, uint64_t nsec)
{
	struct itimerspec *it = &pr->ps_timer[which];
	uint64_t left = TIMESPEC_TO_NSEC(&it->it_value);

	if (left == 0)
		return;
	if (left > nsec) {
		left -= nsec;
		it->it_value.tv_sec = left / 1000000000ULL;
		it->it_value.tv_nsec = left % 1000000000ULL;
		return;
	}
	it->it_value = it->it_interval;
	prsignal(pr, sig);
}

void
itimer_update(struct clockintr *cl, void *arg __unused)
{
	struct proc *p = curproc;

	if (p != NULL && (p->p_p->ps_flags & PS_ITIMER)) {
		itimer_tick(p->p_p, ITIMER_VIRTUAL, SIGVTALRM, hardclock_period);
		itimer_tick(p->p_p, ITIMER_PROF, SIGPROF, hardclock_period);
		clockintr_advance(cl, hardclock_period);
	}
}

/* Profiling: count the tick against the running thread. */
void
profclock(struct clockintr *cl, void *arg __unused)
{
	struct proc *p = curproc;

	if (p != NULL && (p->p_p->ps_flags & PS_PROFIL)) {
		p->p_prof_ticks++;
		atomic_setbits_int(&p->p_flag, P_OWEUPC);
		clockintr_advance(cl, profclock_period);
	}
}

/*
 * Run this CPU's due events.
 * => at IPL_CLOCK, once a tick from hardclock().
 */
void
clockintr_run(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	uint64_t now;

	clockintr_nsec += hardclock_period;
	now = clockintr_nsec;
	clockintr_check(&spc->spc_roundrobin, NULL, now);
	clockintr_check(&spc->spc_itimer, NULL, now);
	clockintr_check(&spc->spc_profclock, NULL, now);
	if (spc->spc_roundrobin.cl_func != NULL &&
	    !spc->spc_roundrobin.cl_armed)
		clockintr_advance(&spc->spc_roundrobin,
		    rrticks_init * hardclock_period);
}
