/*
 * kernel/kern_synch.c: sleeping and waking up, tsleep(9) and wakeup(9).
 *
 * A thread that must wait for something (a child to exit, memory, a
 * lock) sleeps on a "wait channel": any address that names the event.
 * Whoever makes the event happen calls wakeup() on the same address.
 *
 *   slpque[LOOKUP(chan)]  ->  thread -> thread -> ...   (through p_runq:
 *                                                        a sleeping thread
 *   tsleep_nsec(chan):  queue curproc, SSLEEP,           is on no run queue)
 *                       mi_switch() ... returns when woken
 *   wakeup(chan):       every thread on chan's queue -> setrunnable()
 *   endtsleep():        the timeout fired first -> P_TIMEOUT, setrunnable()
 *
 * Everything that touches the queues or p_stat holds SCHED_LOCK, which
 * masks every interrupt, so a wakeup from an interrupt handler can never
 * fall between a thread's decision to sleep and its switch away.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/signalvar.h>
#include <sys/timeout.h>
#include <sys/syscallargs.h>
#include <machine/cpu.h>

#define SLPQUE_SIZE	128
#define LOOKUP(x)	(((u_long)(x) >> 8) & (SLPQUE_SIZE - 1))

static TAILQ_HEAD(slpque, proc) slpque[SLPQUE_SIZE];

/* Set up the sleep queues (main, before the first thread sleeps). */
void
sleep_queue_init(void)
{
	int i;

	for (i = 0; i < SLPQUE_SIZE; i++)
		TAILQ_INIT(&slpque[i]);
}

/* A signal the sleeping thread p should stop for (PCATCH sleeps). */
static int
sleep_signal_pending(struct proc *p)
{
	return ((p->p_siglist | p->p_p->ps_siglist) & ~p->p_sigmask) != 0;
}

/*
 * Must p's PCATCH sleep end (or not start)?  For a signal (EINTR or
 * ERESTART, sig_sleep_error), or because another thread single-threads
 * the process (single_thread_check): 0 if not.
 */
static int
sleep_interrupted(struct proc *p)
{
	int error;

	if ((error = single_thread_check(p, 1)) != 0)
		return error;
	if (sleep_signal_pending(p))
		return sig_sleep_error(p);
	return 0;
}

/*
 * Arm p's sleep timeout for nsecs from now, as a deadline on the uptime
 * clock: it fires at the first clock tick at or after the deadline, so
 * the sleep lasts between nsecs and nsecs plus one tick.
 * PORT: OpenBSD turns nsecs into a count of ticks (p_sleep_to stays
 * KCLOCK_NONE), which is up to a tick early or late depending on where in
 * the current tick the sleep starts; an uptime deadline is exact to the
 * tick.  The timeout is not pending here, so its clock may change.
 */
static void
sleep_deadline(struct proc *p, uint64_t nsecs)
{
	struct timespec now, ts;

	nanouptime(&now);
	if (nsecs > MAXTSLP / 2)
		nsecs = MAXTSLP / 2;	/* about 292 years: forever enough */
	ts.tv_sec = nsecs / 1000000000ULL;
	ts.tv_nsec = nsecs % 1000000000ULL;
	timespecadd(&now, &ts, &ts);
	timeout_set_flags(&p->p_sleep_to, endtsleep, p, KCLOCK_UPTIME, 0);
	timeout_abs_ts(&p->p_sleep_to, &ts);
}

/*
 * The common part of tsleep() and tsleep_nsec(): queue curproc on ident,
 * arm the timeout (if timo_nsec is not INFSLP, or timo_ticks > 0), switch
 * away, and sort out why we woke.
 * => returns 0 (woken), EWOULDBLOCK (timed out), and with PCATCH, for a
 *    signal: EINTR, or ERESTART if its action restarts system calls
 *    (SA_RESTART, or the default action).
 */
static int
sleep_common(const volatile void *ident, int priority, const char *wmesg,
    int timo_ticks, uint64_t timo_nsec)
{
	struct proc *p = curproc;
	int catch = priority & PCATCH;
	int timed = timo_ticks > 0 || timo_nsec != INFSLP;
	int error = 0;

	KASSERT((priority & ~(PRIMASK | PCATCH)) == 0);
	KASSERT(ident != NULL);
	KASSERT(p->p_stat == SONPROC);
	if (curcpu()->ci_idepth != 0)
		panic("tsleep: \"%s\" in an interrupt handler", wmesg);
	if (catch && (error = sleep_interrupted(p)) != 0)
		return error;

	SCHED_LOCK();
	p->p_wchan = ident;
	p->p_wmesg = wmesg;
	p->p_slptime = 0;
	p->p_slppri = priority & PRIMASK;
	TAILQ_INSERT_TAIL(&slpque[LOOKUP(ident)], p, p_runq);
	if (catch)
		atomic_setbits_int(&p->p_flag, P_SINTR);
	if (timo_ticks > 0) {
		timeout_set(&p->p_sleep_to, endtsleep, p);
		timeout_add(&p->p_sleep_to, timo_ticks);
	} else if (timo_nsec != INFSLP)
		sleep_deadline(p, timo_nsec);
	p->p_stat = SSLEEP;
	p->p_ru.ru_nvcsw++;
	mi_switch();
	SCHED_UNLOCK();

	atomic_clearbits_int(&p->p_flag, P_SINTR);
	if (timed) {
		if (p->p_flag & P_TIMEOUT) {
			atomic_clearbits_int(&p->p_flag, P_TIMEOUT);
			error = EWOULDBLOCK;
		} else
			timeout_del(&p->p_sleep_to);
	}
	if (error == 0 && catch)
		error = sleep_interrupted(p);
	return error;
}

/*
 * Sleep on ident until wakeup(ident), or for timo ticks if timo > 0.
 * priority is the priority to wake at (PWAIT, PVM, ...), or'ed with
 * PCATCH to let a signal end the sleep.
 * => may not be called from an interrupt handler.
 */
int
tsleep(const volatile void *ident, int priority, const char *wmesg, int timo)
{
	KASSERT(timo >= 0);
	return sleep_common(ident, priority, wmesg, timo, INFSLP);
}

/*
 * Sleep on ident until wakeup(ident), or at least nsecs nanoseconds
 * (INFSLP: no limit).  The limit is a deadline on the uptime clock
 * (sleep_deadline), so the sleep ends between nsecs and nsecs plus a tick.
 */
int
tsleep_nsec(const volatile void *ident, int priority, const char *wmesg,
    uint64_t nsecs)
{
	if (nsecs == 0)
		printf("tsleep_nsec: \"%s\": a sleep of zero nanoseconds\n",
		    wmesg);
	return sleep_common(ident, priority, wmesg, 0,
	    nsecs == 0 ? 1 : nsecs);
}

/*
 * Take p off its sleep queue (it stays SSLEEP; setrunnable() follows).
 * => SCHED_LOCK held.
 */
void
unsleep(struct proc *p)
{
	SCHED_ASSERT_LOCKED();
	if (p->p_wchan != NULL) {
		TAILQ_REMOVE(&slpque[LOOKUP(p->p_wchan)], p, p_runq);
		p->p_wchan = NULL;
	}
}

/*
 * The sleep timeout fired before a wakeup: wake p with P_TIMEOUT.
 * => from softclock (p_sleep_to, set by thread_new in the seed).
 */
void
endtsleep(void *arg)
{
	struct proc *p = arg;

	SCHED_LOCK();
	if (p->p_wchan != NULL) {
		atomic_setbits_int(&p->p_flag, P_TIMEOUT);
		if (p->p_stat == SSLEEP)
			setrunnable(p);
		else
			unsleep(p);
	}
	SCHED_UNLOCK();
}

/*
 * Make up to n threads sleeping on ident runnable (n < 0: all of them),
 * in the order they went to sleep.
 * => any context, interrupt handlers included.
 */
void
wakeup_n(const volatile void *ident, int n)
{
	struct slpque *qp = &slpque[LOOKUP(ident)];
	struct proc *p, *np;

	SCHED_LOCK();
	TAILQ_FOREACH_SAFE(p, qp, p_runq, np) {
		if (p->p_wchan != ident)
			continue;
		KASSERT(p->p_stat == SSLEEP || p->p_stat == SSTOP);
		if (p->p_stat == SSLEEP)
			setrunnable(p);
		else
			unsleep(p);
		if (--n == 0)
			break;
	}
	SCHED_UNLOCK();
}

/* Make every thread sleeping on ident runnable.  => any context. */
void
wakeup(const volatile void *ident)
{
	wakeup_n(ident, -1);
}

/*
 * Give up the CPU to any thread at least as good as us, and come back
 * to the end of our run queue; voluntary or not, for rusage.
 */
static void
yield_switch(int voluntary)
{
	struct proc *p = curproc;

	SCHED_LOCK();
	if (voluntary)
		p->p_ru.ru_nvcsw++;
	else
		p->p_ru.ru_nivcsw++;
	setrunqueue(p->p_cpu, p, p->p_usrpri);
	mi_switch();
	SCHED_UNLOCK();
}

void
yield(void)
{
	yield_switch(1);
}

/*
 * Switch because the clock or a wakeup said someone better waits
 * (need_resched): the AST on the way to user mode, sched_pause().
 * An involuntary switch, unlike yield().
 */
void
preempt(void)
{
	yield_switch(0);
}

/* sched_yield(2). */
int
sys_sched_yield(struct proc *p __unused, void *v __unused,
    register_t *retval __unused)
{
	yield();
	return 0;
}
