/*
 * kernel/sched_bsd.c: the 4.4BSD scheduler's policy, as OpenBSD keeps it
 * in sys/kern/sched_bsd.c: priorities from recent CPU use, the decay once
 * a second, round robin, and mi_switch().
 *
 *   every 4th tick (hardclock) schedclock(): curproc's p_estcpu += 1,
 *                              p_usrpri = PUSER + p_estcpu + nice term
 *   every hz/10 ticks          roundrobin(): a thread that ran through a
 *                              whole round without switching should yield
 *   every second (timeout)     schedcpu(): p_estcpu decays by the load,
 *                              so past CPU use is forgiven over time
 *
 * The PIT's interrupt drives all three (i8253.c -> hardclock()).  The
 * switch itself is mi_switch() -> cpu_switchto() (vm_machdep.c).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/signalvar.h>
#include <sys/atomic.h>
#include <sys/timeout.h>
#include <sys/tracepoint.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>

struct mutex sched_lock = MUTEX_INITIALIZER(IPL_SCHED);
int	rrticks_init;			/* ticks per round robin */
uint64_t hardclock_period;		/* nanoseconds per tick */
uint64_t profclock_period;
uint64_t sched_nswitch;

/*
 * Fixed-point arithmetic with FSHIFT fraction bits, as OpenBSD's
 * loadavg and %cpu: FSCALE is 1.0.
 */
#define FSHIFT	11
#define FSCALE	(1 << FSHIFT)
/* exp(-1/20) and exp(-1/60) in fixed point: %cpu and load decay. */
#define CCPU	1948
#define CEXP	2014

fixpt_t	sched_ldavg;			/* load average, one minute */
static struct timeout schedcpu_to;

/* The decay factor for p_estcpu: 2 * load / (2 * load + 1). */
#define loadfactor(ld)	(2 * (ld))
static u_int
decay_cpu(fixpt_t loadfac, u_int cpu)
{
	return (uint32_t)(((uint64_t)loadfac * cpu) / (loadfac + FSCALE));
}

/*
 * Ask the running thread to give up the CPU if it has run through a
 * whole round without switching, or if someone else waits.
 * => at IPL_CLOCK, every rrticks_init ticks (clockintr).
 */
void
roundrobin(struct clockintr *cl __unused, void *arg __unused)
{
	struct cpu_info *ci = curcpu();
	struct schedstate_percpu *spc = &ci->ci_schedstate;

	if (ci->ci_curproc != NULL) {
		if (spc->spc_schedflags & SPCF_SEENRR)
			atomic_setbits_int(&spc->spc_schedflags,
			    SPCF_SEENRR | SPCF_SHOULDYIELD);
		else
			atomic_setbits_int(&spc->spc_schedflags,
			    SPCF_SEENRR);
	}
	if (spc->spc_nrun != 0 || (spc->spc_schedflags & SPCF_SHOULDYIELD))
		need_resched(ci);
}

/* p's priority from its estimated CPU use and its nice. */
void
setpriority(struct proc *p, uint32_t newcpu, uint8_t nice)
{
	int newprio;

	newprio = PUSER + newcpu + NICE_WEIGHT * (nice - NZERO);
	if (newprio > MAXPRI)
		newprio = MAXPRI;
	if (newprio < PUSER)
		newprio = PUSER;
	SCHED_ASSERT_LOCKED();
	p->p_estcpu = newcpu;
	p->p_usrpri = newprio;
}

void
resetpriority(struct proc *p)
{
	setpriority(p, p->p_estcpu, p->p_p->ps_nice);
}

/*
 * Once a second: decay every thread's %cpu and estimated CPU use, and
 * the load average; count sleep time.
 * => a timeout, at IPL_SOFTCLOCK.
 */
void
schedcpu(void *arg)
{
	struct timeout *to = arg;
	fixpt_t loadfac;
	struct proc *p;
	u_int nrun;

	SCHED_LOCK();
	nrun = curcpu()->ci_schedstate.spc_nrun;
	if (curproc != curcpu()->ci_schedstate.spc_idleproc)
		nrun++;
	sched_ldavg = (sched_ldavg * CEXP + nrun * FSCALE * (FSCALE - CEXP))
	    >> FSHIFT;
	loadfac = loadfactor(sched_ldavg);
	LIST_FOREACH(p, &allproc, p_list) {
		if (p == curcpu()->ci_schedstate.spc_idleproc)
			continue;	/* stays at MAXPRI */
		if (p->p_stat == SSLEEP || p->p_stat == SSTOP)
			p->p_slptime++;
		p->p_pctcpu = (p->p_pctcpu * CCPU) >> FSHIFT;
		if (p->p_slptime > 1)
			continue;
		/* The decayed average of the ticks it had: 1.0 is all. */
		p->p_pctcpu += ((FSCALE - CCPU) *
		    (p->p_cpticks * FSCALE / hz)) >> FSHIFT;
		p->p_cpticks = 0;
		setpriority(p, decay_cpu(loadfac, p->p_estcpu),
		    p->p_p->ps_nice);
		/*
		 * A runnable thread at user priority moves with it.  PORT:
		 * one woken from a kernel sleep (p_runpri below PUSER) keeps
		 * its better queue until it runs, which OpenBSD's requeue
		 * would take from it.
		 */
		if (p->p_stat == SRUN && p->p_runpri >= PUSER &&
		    p->p_runpri / SCHED_PPQ != p->p_usrpri / SCHED_PPQ) {
			remrunqueue(p);
			setrunqueue(p->p_cpu, p, p->p_usrpri);
		}
	}
	SCHED_UNLOCK();
	timeout_add_sec(to, 1);
}

/*
 * A thread that slept more than a second missed schedcpu()'s decays:
 * apply them now, as it wakes.
 * => SCHED_LOCK held.
 */
void
updatepri(struct proc *p)
{
	u_int newcpu = p->p_estcpu;
	fixpt_t loadfac = loadfactor(sched_ldavg);

	SCHED_ASSERT_LOCKED();
	/*
	 * Seconds against a fixed-point load, as in 4.4BSD and OpenBSD:
	 * in effect, only a very long sleep forgets everything at once.
	 */
	if (p->p_slptime > 5 * loadfac)
		newcpu = 0;
	else {
		p->p_slptime--;	/* the first second was counted already */
		while (newcpu && --p->p_slptime)
			newcpu = decay_cpu(loadfac, newcpu);
	}
	setpriority(p, newcpu, p->p_p->ps_nice);
}

/*
 * Make p runnable: off its sleep queue, onto a run queue at the priority
 * it slept with (a woken sleeper beats user-level work).
 * => SCHED_LOCK held.
 */
void
setrunnable(struct proc *p)
{
	u_char prio;

	SCHED_ASSERT_LOCKED();
	switch (p->p_stat) {
	case SSTOP:
		/* Continued (SIGCONT, SIGKILL; issue 6): at user priority. */
		prio = p->p_usrpri;
		unsleep(p);
		break;
	case SSLEEP:
		prio = p->p_slppri;
		unsleep(p);
		break;
	default:
		panic("setrunnable: thread %d in state %d", p->p_tid,
		    p->p_stat);
	}
	TRACEPOINT(sched, wakeup, p->p_tid + THREAD_PID_OFFSET,
	    p->p_p->ps_pid, CPU_INFO_UNIT(sched_choosecpu(p)));
	setrunqueue(sched_choosecpu(p), p, prio);
	if (p->p_slptime > 1)
		updatepri(p);
	p->p_slptime = 0;
}

/*
 * Once a tick for the running thread: it used the CPU, so its estimate
 * grows and its priority worsens (every 4 ticks, as statclock does at
 * OpenBSD's default stathz ratio).
 * => at IPL_CLOCK, from hardclock().
 */
void
schedclock(struct proc *p)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	if (p == NULL || p == spc->spc_idleproc)
		return;
	p->p_cpticks++;
	if (++spc->spc_schedticks % 4 != 0)
		return;
	SCHED_LOCK();
	p->p_estcpu = ESTCPULIM(p->p_estcpu + 1);
	resetpriority(p);
	if (p->p_usrpri < MAXPRI)
		spc->spc_curpriority = p->p_usrpri;
	SCHED_UNLOCK();
}

/*
 * Switch to the best runnable thread (maybe curproc itself).  The caller
 * has already put curproc where it belongs: on a run queue (yield,
 * preempt), a sleep queue (tsleep), or nowhere (exit).
 * => SCHED_LOCK held, and held again when we return, at the cpl this
 *    thread had (each thread keeps its own across the switch).
 */
void
mi_switch(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct proc *p = curproc, *nextproc;
	struct timespec ts;
	int oldipl, hold_count;

	SCHED_ASSERT_LOCKED();
	hold_count = __mp_release_all();

	nanouptime(&ts);
	if (timespeccmp(&ts, &spc->spc_runtime, >=)) {
		timespecsub(&ts, &spc->spc_runtime, &ts);
		timespecadd(&p->p_rtime, &ts, &p->p_rtime);
	}
	/* Stop the clock interrupts this thread asked for. */
	if (spc->spc_schedflags & SPCF_ITIMER) {
		atomic_clearbits_int(&spc->spc_schedflags, SPCF_ITIMER);
		spc->spc_itimer.cl_armed = 0;
	}
	if (spc->spc_schedflags & SPCF_PROFCLOCK) {
		atomic_clearbits_int(&spc->spc_schedflags, SPCF_PROFCLOCK);
		spc->spc_profclock.cl_armed = 0;
	}
	atomic_clearbits_int(&spc->spc_schedflags, SPCF_SWITCHCLEAR);

	nextproc = sched_chooseproc();
	oldipl = MUTEX_OLDIPL(&sched_lock);
	if (p != nextproc) {
		uvmexp.swtch++;
		sched_nswitch++;
		TRACEPOINT(sched, off__cpu, nextproc->p_tid + THREAD_PID_OFFSET,
		    nextproc->p_p->ps_pid);
		cpu_switchto(p, nextproc);
		TRACEPOINT(sched, on__cpu, p->p_tid + THREAD_PID_OFFSET);
	} else
		p->p_stat = SONPROC;
	clear_resched(curcpu());
	SCHED_ASSERT_LOCKED();
	MUTEX_OLDIPL(&sched_lock) = oldipl;

	nanouptime(&spc->spc_runtime);
	/* And restart those the thread we are again wants. */
	if (p->p_p->ps_flags & PS_ITIMER) {
		atomic_setbits_int(&spc->spc_schedflags, SPCF_ITIMER);
		clockintr_advance(&spc->spc_itimer, hardclock_period);
	}
	if (p->p_p->ps_flags & PS_PROFIL) {
		atomic_setbits_int(&spc->spc_schedflags, SPCF_PROFCLOCK);
		clockintr_advance(&spc->spc_profclock, profclock_period);
	}
	__mp_acquire_count(hold_count);
}

/*
 * Start the scheduler's clocks: schedcpu() every second, round robin
 * every hz/10 ticks.
 */
void
scheduler_start(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;

	rrticks_init = hz / RRTICKS_DIV;
	hardclock_period = 1000000000ULL / hz;
	profclock_period = hardclock_period;
	spc->spc_roundrobin.cl_func = roundrobin;
	clockintr_advance(&spc->spc_roundrobin, rrticks_init *
	    hardclock_period);
	timeout_set(&schedcpu_to, schedcpu, &schedcpu_to);
	timeout_add_sec(&schedcpu_to, 1);
}
