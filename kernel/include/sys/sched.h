/*
 * sys/sched.h: the scheduler's per-CPU state and its interface
 * (kern_sched.c: run queues and the idle thread; sched_bsd.c: priorities,
 * the once-a-second decay, round robin and mi_switch).
 *
 * OpenBSD's 4.4BSD scheduler on one CPU:
 *
 *   spc_qs[0]  spc_qs[1] ...  spc_qs[31]    32 run queues, FIFO each
 *      |          |              |           a thread of priority pri
 *   thread      (empty)        thread        sits on queue pri >> 2
 *      |
 *   thread      spc_whichqs: bit q set <=> spc_qs[q] is not empty,
 *                            so the best queue is ffs(whichqs) - 1
 *
 * Priorities run 0 (best) to 127.  A thread that sleeps in the kernel
 * wakes at its sleep priority (PWAIT, PVM, ...); a thread that uses the
 * CPU sees p_estcpu grow every 4th tick and its p_usrpri worsen, and
 * schedcpu() forgives both once a second.
 */
#ifndef _SYS_SCHED_H_
#define _SYS_SCHED_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/time.h>
#include <sys/mutex.h>

#define SCHED_NQS	32		/* run queues */

#define CP_USER		0
#define CP_NICE		1
#define CP_SYS		2
#define CP_SPIN		3
#define CP_INTR		4
#define CP_IDLE		5
#define CPUSTATES	6

struct proc;
struct cpu_info;

/* A periodic clock interrupt a thread may ask for (spc_itimer ...). */
struct clockintr {
	uint64_t cl_expiration;		/* next run, nanouptime */
	int	cl_armed;
	void	(*cl_func)(struct clockintr *, void *);
};

void	itimer_update(struct clockintr *, void *);
void	profclock(struct clockintr *, void *);

struct schedstate_percpu {
	struct	proc *spc_idleproc;	/* idle thread for this cpu */
	TAILQ_HEAD(prochead, proc) spc_qs[SCHED_NQS];
	LIST_ENTRY(schedstate_percpu) spc_list;
	struct	timespec spc_runtime;	/* when curproc started running */
	volatile u_int spc_schedflags;	/* SPCF_* */
	u_int	spc_schedticks;		/* ticks for schedclock() */
	u_int64_t spc_cp_time[CPUSTATES]; /* CPU state statistics */
	u_char	spc_curpriority;	/* usrpri of curproc */
	u_int	spc_nrun;		/* threads on the run queues */

	struct	clockintr spc_itimer;	/* [o] itimer_update handle */
	struct	clockintr spc_profclock;/* [o] profclock handle */
	struct	clockintr spc_roundrobin;/* [o] roundrobin handle */
	struct	clockintr spc_statclock;/* [o] statclock handle */

	volatile uint32_t spc_whichqs;	/* bit q: spc_qs[q] not empty */
	volatile u_int spc_spinning;
};

/* spc_schedflags */
#define SPCF_SEENRR	0x0001		/* a round robin passed */
#define SPCF_SHOULDYIELD 0x0002		/* the thread should yield */
#define SPCF_SWITCHCLEAR (SPCF_SEENRR|SPCF_SHOULDYIELD)
#define SPCF_SHOULDHALT	0x0004
#define SPCF_HALTED	0x0008
#define SPCF_PROFCLOCK	0x0010		/* profclock() is armed */
#define SPCF_ITIMER	0x0020		/* itimer_update() is armed */

#define SCHED_PPQ	(128 / SCHED_NQS)	/* priorities per queue */
#define NICE_WEIGHT	2
#define ESTCPULIM(e)	min((e), NICE_WEIGHT * PRIO_MAX - SCHED_PPQ)
#define PRIO_MAX	20
#define RRTICKS_DIV	10		/* round robin every hz/10 ticks */

extern int rrticks_init;		/* ticks per round robin */
extern uint64_t hardclock_period;	/* nanoseconds per tick */
extern uint64_t profclock_period;
extern struct mutex sched_lock;
extern uint64_t sched_nswitch;		/* uvmexp.swtch, as a 64-bit count */

#define SCHED_LOCK()		mtx_enter(&sched_lock)
#define SCHED_UNLOCK()		mtx_leave(&sched_lock)
#define SCHED_ASSERT_LOCKED()	MUTEX_ASSERT_LOCKED(&sched_lock)
#define SCHED_ASSERT_UNLOCKED()	MUTEX_ASSERT_UNLOCKED(&sched_lock)

void	sched_init_cpu(struct cpu_info *);
void	sched_idle(void *);
void	sched_exit(struct proc *);
void	setrunqueue(struct cpu_info *, struct proc *, uint8_t);
void	remrunqueue(struct proc *);
struct proc *sched_chooseproc(void);
struct cpu_info *sched_choosecpu_fork(struct proc *, int);
struct cpu_info *sched_choosecpu(struct proc *);
void	schedclock(struct proc *);
void	schedcpu(void *);
void	roundrobin(struct clockintr *, void *);
void	setpriority(struct proc *, uint32_t, uint8_t);
void	resetpriority(struct proc *);
void	updatepri(struct proc *);
void	scheduler_start(void);
void	clockintr_advance(struct clockintr *, uint64_t);
void	clockintr_run(void);

/*
 * sched_pause(): a safe point for long-running kernel code.  The kernel
 * is not preemptive (OpenBSD's is not either); a thread that computes
 * for long calls this, and yields if the clock said its quantum is up.
 */
#define sched_pause(func) do {						\
	if (curcpu()->ci_schedstate.spc_schedflags & SPCF_SHOULDYIELD)	\
		func();							\
} while (0)

static inline int
min(int a, int b)
{
	return a < b ? a : b;
}

#endif /* _SYS_SCHED_H_ */
