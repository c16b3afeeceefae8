/*
 * sys/proc.h: processes (struct process) and their threads (struct proc),
 * process groups and sessions, modelled on OpenBSD's sys/proc.h.
 *
 * A process owns what its threads share: the address space (ps_vmspace),
 * the descriptor table, credentials, limits, signal actions, its pid and
 * its place in the family (parent, children, process group).  A thread
 * owns what runs: its kernel stack and PCB (p_addr), its run-queue links,
 * priority, sleep channel and tid.  Every process has at least one thread,
 * ps_mainproc.
 *
 * fork1() (kern_fork.c) builds both from the parent with a memset of the
 * p_startzero..p_endzero section and a memcpy of p_startcopy..p_endcopy;
 * ps_ has the same pair.  A field's place in the struct therefore says
 * what a child gets: keep new fields in the right section.
 *
 * Locking (one CPU): run-queue and sleep fields change under SCHED_LOCK;
 * the lists (allproc, allprocess, zombprocess, the hashes, children) are
 * changed only by threads, never by interrupts, and the kernel does not
 * preempt a thread in kernel mode, so they need no lock of their own.
 */
#ifndef _SYS_PROC_H_
#define _SYS_PROC_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/time.h>
#include <sys/timeout.h>
#include <sys/mutex.h>
#include <sys/rwlock.h>
#include <sys/event.h>
#include <sys/futex.h>
#include <sys/signal.h>
#include <sys/resource.h>
#include <sys/atomic.h>
#include <machine/proc.h>
#include <machine/cpu.h>

#define MAXCOMLEN	24	/* a command name, without the NUL */

struct ucred;
struct plimit;
struct filedesc;
struct sigacts;
struct vmspace;
struct vnode;
struct tty;
struct ptrace_state;
struct user;
struct cpu_info;
struct unveil;

/* A session: a login's process groups, and its controlling terminal. */
struct session {
	int	s_count;		/* references: groups pointing here */
	struct	process *s_leader;	/* session leader */
	struct	vnode *s_ttyvp;		/* controlling terminal's vnode */
	struct	tty *s_ttyp;		/* controlling terminal */
	char	s_login[32];		/* setlogin() name */
	pid_t	s_verauthppid;
	uid_t	s_verauthuid;
	struct	timeout s_verauthto;
};

/* A process group: the processes one job-control signal reaches. */
struct pgrp {
	LIST_ENTRY(pgrp) pg_hash;	/* in PGRPHASH */
	LIST_HEAD(, process) pg_members;/* processes, through ps_pglist */
	struct	session *pg_session;
	pid_t	pg_id;			/* the group leader's pid */
	int	pg_jobc;		/* processes qualifying for job control */
};

/* The pinned system call table of a process (pinsyscalls(2)). */
struct pinsyscall {
	vaddr_t	pn_start;
	vaddr_t	pn_end;
	u_int	*pn_pins;		/* offsets, one per system call */
	int	pn_npins;
};

struct process {
	/* The first thread; its tid is the process's pid's mate. */
	struct	proc *ps_mainproc;
	struct	ucred *ps_ucred;	/* the process's credentials */

	LIST_ENTRY(process) ps_list;	/* allprocess or zombprocess */
	TAILQ_HEAD(,proc) ps_threads;	/* its threads, through p_thr_link */

	LIST_ENTRY(process) ps_pglist;	/* members of the same pgrp */
	struct	process *ps_pptr;	/* parent */
	LIST_ENTRY(process) ps_sibling;	/* in the parent's ps_children */
	LIST_HEAD(, process) ps_children;/* children */
	LIST_ENTRY(process) ps_hash;	/* in PIDHASH */

	/* Processes whose real parent is us but which a tracer holds. */
	LIST_ENTRY(process) ps_orphan;
	LIST_HEAD(, process) ps_orphans;

	LIST_HEAD(, sigio_ref) ps_sigiolst;	/* FIXME: SIGIO owners (issue 6) */
	struct	sigacts *ps_sigacts;	/* signal actions */
	struct	vnode *ps_textvp;	/* the executable's vnode */
	struct	filedesc *ps_fd;	/* descriptor table */
	struct	vmspace *ps_vmspace;	/* address space */
	pid_t	ps_pid;			/* process identifier */

	LIST_HEAD(, futex) ps_ftlist;	/* unused: sleepers are hashed,
					 * sys_futex.c */
	TAILQ_HEAD(, tslpentry) ps_tslpqueue;	/* unused: no __thrsleep(2),
						 * futex(2) replaced it */
	struct	rwlock	ps_lock;	/* per-process rwlock */
	struct	mutex	ps_mtx;		/* per-process mutex */

/* The following fields are all zeroed upon creation in process_new. */
#define ps_startzero	ps_klist
	struct	klist ps_klist;		/* knotes attached to us */
	u_int	ps_flags;		/* PS_* below */
	int	ps_siglist;		/* signals pending for the process */

	struct	proc *ps_single;	/* the thread single-threading us */
	u_int	ps_singlecnt;		/* threads still to suspend */
	u_int	ps_exitcnt;		/* threads still to exit */

	int	ps_traceflag;		/* ktrace(2) flags */
	struct	vnode *ps_tracevp;	/* ktrace(2) file */
	struct	ucred *ps_tracecred;

	u_int	ps_xexit;		/* exit status for wait */
	int	ps_xsig;		/* stopping or killing signal */

	pid_t	ps_ppid;		/* cached parent pid */
	pid_t	ps_oppid;		/* real parent while traced */
	int	ps_ptmask;		/* ptrace event mask (PTRACE_FORK) */
	struct	ptrace_state *ps_ptstat;/* ptrace event state */
	struct	proc *ps_trapped;	/* the thread stopped for the tracer */

	struct	rusage ps_ru;		/* sum of exited threads' usage */
	/*
	 * Clock ticks that found a thread in user mode, in the kernel, or
	 * in an interrupt: calcru() splits the run time by them.
	 */
	struct	tusage {
		struct timespec tu_runtime;	/* run time (ps_tu only) */
		uint64_t tu_uticks, tu_sticks, tu_iticks;
	} ps_tu;			/* exited threads' times */
	struct	rusage ps_cru;		/* sum of reaped children's usage */
	struct	itimerspec { struct timespec it_interval, it_value; }
		ps_timer[3];		/* ITIMER_REAL, VIRTUAL, PROF */
	struct	timeout ps_rucheck_to;	/* resource limit checks */
	time_t	ps_nextxcpu;		/* when to send the next SIGXCPU */

	u_int64_t ps_wxcounter;

	struct	unveil *ps_uvpaths;	/* unveil(2) vnodes and their names */
	ssize_t	ps_uvvcount;		/* how many of them */
	size_t	ps_uvncount;		/* names */
	int	ps_uvdone;		/* no more unveil(2) calls */

	int	ps_refcnt;		/* references from other threads */
	struct	pinsyscall ps_pin;	/* pinsyscalls(2) of the program */
	struct	pinsyscall ps_libcpin;	/* and of libc */
/* End area that is zeroed on creation. */
#define ps_endzero	ps_startcopy

/* The following fields are all copied upon creation in process_new. */
#define ps_startcopy	ps_limit
	struct	plimit *ps_limit;	/* resource limits, shared COW */
	struct	pgrp *ps_pgrp;		/* process group */

	char	ps_comm[MAXCOMLEN+1];	/* command name */

	vaddr_t	ps_strings;		/* user address of ps_strings */
	vaddr_t	ps_auxinfo;		/* user address of the aux vector */
	vaddr_t	ps_timekeep;		/* user address of timekeep */
	vaddr_t	ps_sigcode;		/* user address of the signal code */
	vaddr_t	ps_sigcoderet;		/* its return address */
	u_long	ps_sigcookie;
	u_int	ps_rtableid;
	char	ps_nice;		/* nice(2) value */

	struct	uprof {			/* profil(2) */
		caddr_t	pr_base;
		size_t	pr_size;
		u_long	pr_off;
		u_int	pr_scale;
	} ps_prof;

	u_int32_t ps_acflag;		/* accounting flags (AFORK ...) */

	uint64_t ps_pledge;		/* pledge(2) promises */
	uint64_t ps_execpledge;
/* End area that is copied on creation. */
#define ps_endcopy	ps_threadcnt

	u_int	ps_threadcnt;		/* threads */
	struct	timespec ps_start;	/* when the process was forked */
	struct	timeout ps_realit_to;	/* ITIMER_REAL timeout */
};

#define ps_session	ps_pgrp->pg_session
#define ps_pgid		ps_pgrp->pg_id

/* ps_flags */
#define PS_CONTROLT	0x00000001	/* has a controlling terminal */
#define PS_EXEC		0x00000002	/* has exec'd */
#define PS_INEXEC	0x00000004	/* in exec */
#define PS_EXITING	0x00000008	/* in exit1() */
#define PS_SUGID	0x00000010	/* had set-id privileges since exec */
#define PS_SUGIDEXEC	0x00000020	/* last exec was set-id */
#define PS_PPWAIT	0x00000040	/* vfork child: parent waits for us */
#define PS_ISPWAIT	0x00000080	/* vfork parent: waiting for the child */
#define PS_PROFIL	0x00000100	/* profiling */
#define PS_TRACED	0x00000200	/* being ptraced */
#define PS_WAITED	0x00000400	/* its stop was reported to the tracer */
#define PS_COREDUMP	0x00000800	/* dumping core */
#define PS_SINGLEEXIT	0x00001000	/* other threads must exit */
#define PS_SINGLEUNWIND	0x00002000	/* other threads must unwind */
/* What a thread must look at on its way to user mode (trap_ast). */
#define PS_USERRET	(PS_STOPPED | PS_SINGLEEXIT | PS_SINGLEUNWIND)
#define PS_NOZOMBIE	0x00004000	/* no zombie: the reaper frees us */
#define PS_STOPPED	0x00008000	/* stopped */
#define PS_SYSTEM	0x00010000	/* system (kernel thread) process */
#define PS_EMBRYO	0x00020000	/* being born: not yet complete */
#define PS_ZOMBIE	0x00040000	/* dead, waiting for the parent */
#define PS_NOBROADCASTKILL 0x00080000	/* kill(-1) skips it */
#define PS_PLEDGE	0x00100000	/* has called pledge(2) */
#define PS_WXNEEDED	0x00200000	/* may map W|X */
#define PS_EXECPLEDGE	0x00400000	/* has exec pledges */
#define PS_ORPHAN	0x00800000	/* on the real parent's orphan list */
#define PS_CHROOT	0x01000000	/* chroot(2)ed */
#define PS_NOBTCFI	0x02000000
#define PS_ITIMER	0x04000000	/* a virtual or profiling timer runs */
#define PS_PIN		0x08000000	/* ps_pin is set */
#define PS_LIBCPIN	0x10000000	/* ps_libcpin is set */
#define PS_CONTINUED	0x20000000	/* continued, for WCONTINUED */

struct proc {
	TAILQ_ENTRY(proc) p_runq;	/* run queue link */
	LIST_ENTRY(proc) p_list;	/* allproc */

	struct	process *p_p;		/* our process */
	TAILQ_ENTRY(proc) p_thr_link;	/* in ps_threads */

	TAILQ_ENTRY(proc) p_fut_link;	/* on a futex hash chain */
	struct	futex p_futex;		/* the word it sleeps on */

	/* substructures: */
	struct	filedesc *p_fd;		/* copy of p_p->ps_fd */
	struct	vmspace *p_vmspace;	/* copy of p_p->ps_vmspace */
	struct	p_inentry { u_long ie_serial; vaddr_t ie_start; } p_spinentry;

	u_int	p_flag;			/* P_* below */
	u_char	p_spare;
	char	p_stat;			/* S* below */
	u_char	p_runpri;		/* the run queue we are on */
	u_char	p_descfd;

	pid_t	p_tid;			/* thread identifier */
	LIST_ENTRY(proc) p_hash;	/* TIDHASH */

/* The following fields are all zeroed upon creation in fork. */
#define p_startzero	p_dupfd
	int	p_dupfd;		/* dup'ed descriptor (fdesc) */

	/* scheduling */
	int	p_cpticks;		/* ticks of CPU time this second */
	u_char	p_slppri;		/* sleep priority: wakes at it */
	const volatile void *p_wchan;	/* sleeping on this */
	struct	timeout p_sleep_to;	/* tsleep_nsec's timeout */
	const char *p_wmesg;		/* why we sleep */
	fixpt_t	p_pctcpu;		/* %cpu, decaying */
	u_int	p_slptime;		/* seconds asleep (or runnable) */
	struct	cpu_info * volatile p_cpu; /* the CPU we run on */

	struct	rusage p_ru;		/* counts (faults, signals, switches) */
	struct	tusage p_tu;		/* clock ticks, by mode */
	struct	timespec p_rtime;	/* real time run */

	struct	plimit *p_limit;	/* read-only cache of ps_limit */
	struct	kcov_dev *p_kd;
	struct	lock_list_entry *p_sleeplocks;
	struct	kqueue *p_kq;		/* for select/poll */
	unsigned long p_kq_serial;

	int	p_siglist;		/* signals pending for the thread */

/* End area that is zeroed on creation. */
#define p_endzero	p_startcopy

/* The following fields are all copied upon creation in fork. */
#define p_startcopy	p_sigmask
	sigset_t p_sigmask;		/* signals blocked */

	char	p_name[MAXCOMLEN+1];	/* thread name (kernel threads) */
	u_char	p_usrpri;		/* user priority, from p_estcpu */
	u_int	p_estcpu;		/* CPU time, decaying */
	int	p_pledge_syscall;

	struct	ucred *p_ucred;		/* credentials (the thread's copy) */
	struct	sigaltstack p_sigstk;	/* sigaltstack(2) */

	u_long	p_prof_addr;
	u_long	p_prof_ticks;
/* End area that is copied on creation. */
#define p_endcopy	p_addr

	struct	user *p_addr;		/* u-area: PCB and kernel stack */
	struct	mdproc p_md;		/* machine-dependent fields */

	sigset_t p_oldmask;		/* saved mask from before sigpause */
	/* The last trap's signal, for its siginfo (trapsignal, postsig). */
	int	p_sisig;		/* the signal, 0 once delivered */
	union	sigval p_sigval;	/* si_addr: the faulting address */
	long	p_sitrapno;		/* the CPU's trap number */
	int	p_sicode;		/* si_code: SEGV_MAPERR ... */
};

/* p_stat */
#define SIDL	1		/* being created by fork */
#define SRUN	2		/* runnable, on a run queue */
#define SSLEEP	3		/* sleeping on p_wchan */
#define SSTOP	4		/* stopped */
#define SZOMB	5		/* dead: waiting for the reaper */
#define SDEAD	6		/* thread is almost gone */
#define SONPROC	7		/* running on a CPU */

#define P_ZOMBIE(p)	((p)->p_stat == SDEAD)
#define P_HASSIBLING(p)	((p)->p_p->ps_threadcnt > 1)

/* p_flag */
#define P_INKTR		0x00000001	/* in a ktrace op */
#define P_PROFPEND	0x00000002	/* SIGPROF pending */
#define P_ALRMPEND	0x00000004	/* SIGVTALRM pending */
#define P_SIGSUSPEND	0x00000008	/* in sigsuspend */
#define P_CANTSLEEP	0x00000010	/* must not sleep */
#define P_WSLEEP	0x00000020	/* about to sleep (sleep_setup) */
#define P_LASTTHREAD	0x00000040	/* PORT: Tine: carries its process's
					 * end to the reaper (kern_exit.c) */
#define P_SINTR		0x00000080	/* sleep is interruptible */
#define P_SYSTEM	0x00000200	/* system thread: no signals, no swap */
#define P_TIMEOUT	0x00000400	/* the sleep timed out */
#define P_TRACESINGLE	0x00001000	/* single-threaded for the tracer */
#define P_WEXIT		0x00002000	/* exiting */
#define P_OWEUPC	0x00008000	/* owe a profiling tick */
#define P_SUSPSINGLE	0x00080000	/* suspended for single-threading */
#define P_CONTINUED	0x00800000	/* continued: tell the parent */
#define P_THREAD	0x04000000	/* not the main thread */
#define P_SUSPSIG	0x08000000	/* stopped by a signal */
#define P_CPUPEG	0x40000000	/* do not move to another CPU */

/* fork1() flags (sys/proc.h in OpenBSD too). */
#define FORK_FORK	0x00000001	/* fork(2) */
#define FORK_VFORK	0x00000002	/* vfork(2) */
#define FORK_IDLE	0x00000004	/* an idle thread: do not run it */
#define FORK_PPWAIT	0x00000008	/* parent waits for exec or exit */
#define FORK_SHAREFILES	0x00000010	/* share the descriptor table */
#define FORK_SYSTEM	0x00000020	/* a system (kernel) process */
#define FORK_NOZOMBIE	0x00000040	/* the reaper, not a parent, frees it */
#define FORK_SHAREVM	0x00000080	/* share the address space */
#define FORK_PTRACE	0x00000400	/* the tracer follows the child */

#define EXIT_NORMAL		0x00000001	/* every thread exits */
#define EXIT_THREAD		0x00000002	/* only this thread */
#define EXIT_THREAD_NOCHECK	0x00000003	/* and no last-thread check */

/* single_thread_set()'s modes: what the other threads must do. */
#define SINGLE_UNWIND		0x02	/* leave the kernel and hold still */
#define SINGLE_EXIT		0x03	/* exit */

/* Thread ids start above the pids so the two never collide. */
#define THREAD_PID_OFFSET	100000
#define TID_MASK		0x7ffff
#define PID_MAX			99999
#define NO_PID			(PID_MAX+1)

/* __tfork(2): what a new thread gets: its TCB, where to store its tid,
 * its stack. */
struct __tfork {
	void	*tf_tcb;
	pid_t	*tf_tid;
	void	*tf_stack;
};

#define SESS_LEADER(pr)	((pr)->ps_session->s_leader == (pr))

/* The hashes that prfind(), tfind() and pgfind() search. */
LIST_HEAD(proclist, proc);
LIST_HEAD(processlist, process);
LIST_HEAD(pgrplist, pgrp);
extern struct processlist *pidhashtbl;
extern u_long pidhash;
extern struct proclist *tidhashtbl;
extern u_long tidhash;
extern struct pgrplist *pgrphashtbl;
extern u_long pgrphash;
#define PIDHASH(pid)	(&pidhashtbl[(pid) & pidhash])
#define TIDHASH(tid)	(&tidhashtbl[(tid) & tidhash])
#define PGRPHASH(pgid)	(&pgrphashtbl[(pgid) & pgrphash])

extern struct proc proc0;		/* the first thread: boot, then idle */
extern struct process process0;
extern struct session session0;
extern struct pgrp pgrp0;
extern struct proclist allproc;		/* every thread */
extern struct processlist allprocess;	/* every live process */
extern struct processlist zombprocess;	/* processes waiting for wait() */
extern struct proc *initproc;		/* pid 1, once it exists */
extern struct proc *reaperproc;		/* the reaper thread */

extern int nprocesses, maxprocess;	/* current and maximum processes */
extern int nthreads, maxthread;		/* and threads */
extern const int maxprocess_limit, maxthread_limit;	/* their ceilings */
extern pid_t oldpids[128];

extern struct pool proc_pool;		/* struct proc */
extern struct pool process_pool;	/* struct process */
extern struct pool ucred_pool;		/* struct ucred */
extern struct pool session_pool, pgrp_pool;

#define curproc		(curcpu()->ci_curproc)

struct simplelock;
struct timeval;

void	procinit(void);
void	proc0_init(void);
void	sleep_queue_init(void);
struct	process *prfind(pid_t);
struct	proc *tfind(pid_t);
struct	pgrp *pgfind(pid_t);
struct	process *zombiefind(pid_t);
void	proc_printit(struct proc *, const char *, int (*)(const char *, ...));
int	inferior(struct process *, struct process *);
void	leavepgrp(struct process *);
void	enterthispgrp(struct process *, struct pgrp *);
void	enternewpgrp(struct process *, struct pgrp *, struct session *);
void	fixjobc(struct process *, struct pgrp *, int);
void	killjobc(struct process *);
void	process_reparent(struct process *, struct process *);
void	process_clear_orphan(struct process *);
void	process_untrace(struct process *);
void	proc_set_name(struct proc *, const char *);

int	fork1(struct proc *, int, void (*)(void *), void *, register_t *,
	    struct proc **);
int	thread_fork(struct proc *, void *, void *, pid_t *, register_t *);
void	freepid(pid_t);
pid_t	allocpid(void);
int	ispidtaken(pid_t);
pid_t	alloctid(void);
void	fork_return(void *);
void	child_return(void *);
void	proc_trampoline_mi(void);
void	process_initialize(struct process *, struct proc *);

__dead void exit1(struct proc *, int, int, int);
void	exit2(struct proc *);
void	proc_free(struct proc *);
void	process_zap(struct process *);
void	reaper(void *);
int	dowait4(struct proc *, pid_t, int *, int, struct rusage *,
	    register_t *);
void	proc_finish_wait(struct proc *, struct process *);

int	tsleep(const volatile void *, int, const char *, int);
int	tsleep_nsec(const volatile void *, int, const char *, uint64_t);
void	wakeup_n(const volatile void *, int);
void	wakeup(const volatile void *);
#define wakeup_one(c)	wakeup_n((c), 1)
void	endtsleep(void *);
void	unsleep(struct proc *);
void	setrunnable(struct proc *);
int	single_thread_set(struct proc *, int);
void	single_thread_clear(struct proc *);
int	single_thread_check(struct proc *, int);
void	single_thread_leave(struct proc *);
void	yield(void);
void	preempt(void);
void	mi_switch(void);
void	sched_exit(struct proc *);
void	realitexpire(void *);
void	rucheck(void *);

void	cpu_fork(struct proc *, struct proc *, void *, void *,
	    void (*)(void *), void *);
__dead void cpu_exit(struct proc *);
void	cpu_switchto(struct proc *, struct proc *);
void	proc_trampoline(void);

int	kthread_create(void (*)(void *), void *, struct proc **,
	    const char *);
__dead void kthread_exit(int);

#endif /* _SYS_PROC_H_ */
