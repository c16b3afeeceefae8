/*
 * kernel/kern_sched.c: run queues, the idle thread and dead threads
 * (OpenBSD sys/kern/kern_sched.c, written for one CPU).
 *
 * setrunqueue() puts a runnable thread on queue prio >> 2 of its CPU and
 * sets that queue's bit in spc_whichqs; sched_chooseproc() takes the
 * first thread of the lowest set bit, or the idle thread when no bit is
 * set.  The idle thread halts the CPU until an interrupt, and hands
 * threads that exited to the reaper (they cannot free their own stack).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/smr.h>
#include <sys/tracepoint.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>

struct cpu_info cpu_info_primary = { .ci_self = &cpu_info_primary };

/* Threads that have switched away for the last time (sched_exit). */
static LIST_HEAD(, proc) spc_deadproc = LIST_HEAD_INITIALIZER(spc_deadproc);

/* Set up ci's run queues. */
void
sched_init_cpu(struct cpu_info *ci)
{
	struct schedstate_percpu *spc = &ci->ci_schedstate;
	int i;

	for (i = 0; i < SCHED_NQS; i++)
		TAILQ_INIT(&spc->spc_qs[i]);
	spc->spc_whichqs = 0;
	spc->spc_nrun = 0;
	spc->spc_itimer.cl_func = itimer_update;
	spc->spc_profclock.cl_func = profclock;
}

/*
 * Queue p to run on ci at priority prio (0 best .. 127).  A thread
 * better than the running one asks for a switch.
 * => SCHED_LOCK held; p is SRUN or about to be.
 */
void
setrunqueue(struct cpu_info *ci, struct proc *p, uint8_t prio)
{
	struct schedstate_percpu *spc = &ci->ci_schedstate;
	int queue = prio >> 2;

	SCHED_ASSERT_LOCKED();
	KASSERT(p->p_wchan == NULL);
	p->p_cpu = ci;
	p->p_stat = SRUN;
	p->p_runpri = prio;
	spc->spc_nrun++;
	TAILQ_INSERT_TAIL(&spc->spc_qs[queue], p, p_runq);
	spc->spc_whichqs |= 1U << queue;
	if (prio < spc->spc_curpriority)
		need_resched(ci);
}

/* Take p off its run queue.  => SCHED_LOCK held; p is on one. */
void
remrunqueue(struct proc *p)
{
	struct schedstate_percpu *spc = &p->p_cpu->ci_schedstate;
	int queue = p->p_runpri >> 2;

	SCHED_ASSERT_LOCKED();
	spc->spc_nrun--;
	TAILQ_REMOVE(&spc->spc_qs[queue], p, p_runq);
	if (TAILQ_EMPTY(&spc->spc_qs[queue]))
		spc->spc_whichqs &= ~(1U << queue);
}

/*
 * The thread to run next: the first of the best non-empty queue, taken
 * off it, or the idle thread.
 * => SCHED_LOCK held.
 */
struct proc *
sched_chooseproc(void)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct proc *p;
	int queue;

	SCHED_ASSERT_LOCKED();
	if (spc->spc_whichqs != 0) {
		queue = __builtin_ffs(spc->spc_whichqs) - 1;
		p = TAILQ_FIRST(&spc->spc_qs[queue]);
		remrunqueue(p);
	} else {
		p = spc->spc_idleproc;
		if (p == NULL)
			panic("sched_chooseproc: nothing to run");
		p->p_stat = SRUN;
	}
	spc->spc_curpriority = p->p_usrpri;
	return p;
}

/*
 * The CPU a new thread starts on (seed: fork_thread_start).  One CPU
 * here; with more, this is where fork would spread the load, keeping
 * the parent's CPU for FORK_PPWAIT (vfork) and threads (OpenBSD does).
 */
struct cpu_info *
sched_choosecpu_fork(struct proc *parent, int flags)
{
	struct cpu_info *ci, *best = NULL;
	CPU_INFO_ITERATOR cii;

	CPU_INFO_FOREACH(cii, ci) {
		if (best == NULL || ci->ci_schedstate.spc_nrun <
		    best->ci_schedstate.spc_nrun)
			best = ci;
	}
	if ((flags & FORK_PPWAIT) && parent->p_cpu != NULL)
		best = parent->p_cpu;
	return best;
}

/* The CPU a woken thread runs on: its own, as there is one. */
struct cpu_info *
sched_choosecpu(struct proc *p)
{
	return p->p_cpu != NULL ? p->p_cpu : curcpu();
}

/* Is there nothing to run but the idle thread? */
static int
cpu_is_idle(struct cpu_info *ci)
{
	return ci->ci_schedstate.spc_whichqs == 0;
}

/* Hand the threads that died since we last ran to the reaper. */
static void
sched_reap_dead(void)
{
	struct proc *dead;

	while ((dead = LIST_FIRST(&spc_deadproc)) != NULL) {
		LIST_REMOVE(dead, p_hash);
		exit2(dead);
	}
}

/*
 * The idle thread (created by fork1 with FORK_IDLE): runs when nothing
 * else can.  Halts with interrupts on until one arrives; the interrupt
 * may make a thread runnable, and then we switch to it.
 */
void
sched_idle(void *v)
{
	struct cpu_info *ci = v;
	struct proc *p = curproc;

	KERNEL_UNLOCK();
	/*
	 * Our first run may be sched_exit()'s switch from a dead thread
	 * (the CPU has never been idle before): hand it on at once, or it
	 * would wait for the CPU's first idle moment, which a busy system
	 * may never have.
	 */
	sched_reap_dead();
	SCHED_LOCK();
	ci->ci_schedstate.spc_idleproc = p;
	p->p_stat = SSLEEP;
	p->p_cpu = ci;
	p->p_usrpri = MAXPRI;		/* anything runnable is better */
	p->p_slppri = MAXPRI;
	atomic_setbits_int(&p->p_flag, P_CPUPEG);
	mi_switch();
	SCHED_UNLOCK();

	for (;;) {
		sched_reap_dead();
		while (!cpu_is_idle(ci)) {
			SCHED_LOCK();
			p->p_stat = SSLEEP;
			mi_switch();
			SCHED_UNLOCK();
			sched_reap_dead();
		}
		/*
		 * With interrupts off, no wakeup can slip in between the
		 * check and the hlt; "sti; hlt" enables them and halts in
		 * one step (sti takes effect after the next instruction).
		 */
		disable_intr();
		if (cpu_is_idle(ci) && LIST_EMPTY(&spc_deadproc))
			cpu_idle_cycle();
		else
			enable_intr();
		smr_idle();
	}
}

/*
 * The exiting thread p leaves the CPU for the last time: onto the dead
 * list, and to the idle thread, which passes it to the reaper.  Its TSS
 * gets our registers one last time and is never loaded again.
 * => from cpu_exit(), SCHED_LOCK not held; never returns.
 */
void
sched_exit(struct proc *p)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct timespec ts;
	struct proc *idle;

	nanouptime(&ts);
	timespecsub(&ts, &spc->spc_runtime, &ts);
	timespecadd(&p->p_rtime, &ts, &p->p_rtime);

	LIST_INSERT_HEAD(&spc_deadproc, p, p_hash);

	SCHED_LOCK();
	idle = spc->spc_idleproc;
	idle->p_stat = SRUN;
	TRACEPOINT(sched, off__cpu, idle->p_tid + THREAD_PID_OFFSET, 0);
	cpu_switchto(NULL, idle);
	panic("sched_exit: switched back to a dead thread");
}
