/*
 * kernel/kern_sig.c: signals, the part processes need from birth:
 * OpenBSD's interface written afresh for Tine.  Entry points: sig_init()
 * (from main()), siginit() (process0's actions), sigactsinit() and
 * sigactsfree() (fork and exit), sigstkinit(), psignal() and prsignal().
 * <sys/signalvar.h> has the structures.
 *
 * A process's signal actions (struct sigacts) are its own: fork gives the
 * child a copy of the parent's.  A signal sent with psignal() is made
 * pending on the thread (p_siglist) and wakes it if it sleeps
 * interruptibly; the sleep (tsleep_nsec with PCATCH, kern_synch.c) then
 * returns EINTR.
 *
 * The rest: sigaction(2) and the masks, delivery to a handler (postsig,
 * sendsig in the i386 code), and the default actions: kill
 * (sig_default_kill), stop and continue (job control, below).
 * A traced process (PS_TRACED, ptrace(2)) stops for its tracer on every
 * signal but SIGKILL before acting on it (proc_trap, sig_ptrace_check),
 * and acts on the signal the tracer hands back instead; sys_process.c is
 * the tracer's side and docs/ptrace.md draws the life of a tracee.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/atomic.h>
#include <sys/pool.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/tcb.h>

struct pool sigacts_pool;

static void	sig_discard(struct process *, sigset_t);
static int	sig_orphan_stop(struct proc *, int);
static const siginfo_t *postsig_info(struct proc *, int, siginfo_t *);

/*
 * The signals whose default action is to ignore them (upstream's
 * sigprop[] entries with SA_IGNORE).  siginit() leaves SIGCONT out:
 * its default action, continuing a stopped process, still happens.
 */
#define SIGDFLIGNORE	(sigmask(SIGURG) | sigmask(SIGCONT) |	\
			    sigmask(SIGCHLD) | sigmask(SIGIO) |	\
			    sigmask(SIGWINCH) | sigmask(SIGINFO) |	\
			    sigmask(SIGTHR))

/*
 * Set up the pool that signal actions come from.
 * => once, from main(), before process0 gets its actions
 */
void
sig_init(void)
{
	pool_init(&sigacts_pool, sizeof(struct sigacts), 0, IPL_NONE,
	    PR_WAITOK, "sigapl", NULL);
}

/*
 * Signal actions for process0, which every other process inherits:
 * everything SIG_DFL, and the signals ignored by default ignored.
 * => ps is zeroed
 */
void
siginit(struct sigacts *ps)
{
	ps->ps_sigignore |= SIGDFLIGNORE & ~sigmask(SIGCONT);
	ps->ps_sigflags = SAS_NOCLDWAIT | SAS_NOCLDSTOP;
}

/*
 * New signal actions for a child of pr: a copy of pr's.
 * => may sleep for memory
 */
struct sigacts *
sigactsinit(struct process *pr)
{
	struct sigacts *ps;

	ps = pool_get(&sigacts_pool, PR_WAITOK);
	memcpy(ps, pr->ps_sigacts, sizeof(*ps));
	return ps;
}

/* Free signal actions, at the process's end. */
void
sigactsfree(struct sigacts *ps)
{
	pool_put(&sigacts_pool, ps);
}

/* A thread's alternate signal stack: none. */
void
sigstkinit(struct sigaltstack *ss)
{
	ss->ss_sp = NULL;
	ss->ss_size = 0;
	ss->ss_flags = SS_DISABLE;
}

/* May thread q take signal mask: not exiting, not held, not blocking? */
static int
sig_takes(struct proc *q, sigset_t mask)
{
	return (q->p_flag & (P_WEXIT | P_SUSPSINGLE)) == 0 &&
	    ((q->p_sigmask & mask) == 0 || (mask & sigcantmask));
}

/*
 * The thread of pr that takes a process-directed signal (mask): the
 * running one if it is pr's and may take it, else the first that may;
 * NULL when none may, and the signal waits on the process (ps_siglist)
 * for the first thread to unblock it.  While a thread single-threads the
 * process, it comes first: the others are held or about to exit, and
 * would lose the signal.
 */
static struct proc *
sig_pick_thread(struct process *pr, sigset_t mask)
{
	struct proc *q = curproc;

	if (pr->ps_single != NULL && sig_takes(pr->ps_single, mask))
		return pr->ps_single;
	if (q != NULL && q->p_p == pr && sig_takes(q, mask))
		return q;
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		if (sig_takes(q, mask))
			return q;
	return NULL;
}

/*
 * Send signal signum to thread p (STHREAD), or to p's process (SPROCESS,
 * which picks a thread that does not block it: sig_pick_thread).  Drop
 * it if the process ignores it (unless traced: the tracer sees every
 * signal), else make it pending on the thread and, unless the thread
 * blocks it, end an interruptible sleep of its.
 * Job control happens here, as in upstream's ptsignal(): SIGCONT
 * continues a stopped process even when ignored, and drops pending stop
 * signals; a stop signal drops a pending SIGCONT; SIGKILL gets a stopped
 * process running so that it can die.  A terminal's stop signal to a
 * process of an orphaned group, which nobody could continue, is
 * discarded when it would stop (sig_orphan_stop).  A traced process is
 * left to its tracer: every signal is made pending, none continues it
 * once it has stopped (not even SIGKILL: the tracer resumes it, or
 * exits).
 * => any context (the clock calls it at IPL_CLOCK); takes SCHED_LOCK,
 *    which masks every interrupt
 */
void
ptsignal(struct proc *p, int signum, enum signal_type type)
{
	struct process *pr = p->p_p;
	sigset_t mask;

	if (signum <= 0 || signum >= NSIG)
		panic("ptsignal: signal number %d", signum);
	mask = sigmask(signum);
	KNOTE(&pr->ps_klist, NOTE_SIGNAL | signum);	/* EVFILT_SIGNAL */
	if (type == SPROCESS)
		p = sig_pick_thread(pr, mask);

	if (signum == SIGCONT) {
		sig_discard(pr, stopsigmask);
		if ((pr->ps_flags & (PS_STOPPED | PS_TRACED)) == PS_STOPPED)
			proc_continue(pr, 1);
		/* Continuing was its default action: nothing to deliver. */
		if ((pr->ps_flags & PS_TRACED) == 0 &&
		    pr->ps_sigacts->ps_sigact[SIGCONT] == SIG_DFL)
			return;
	} else if (mask & stopsigmask) {
		if (p != NULL && sig_orphan_stop(p, signum) &&
		    (p->p_sigmask & mask) == 0)
			return;
		sig_discard(pr, sigmask(SIGCONT));
	}

	if ((pr->ps_flags & PS_TRACED) == 0 && (mask & sigcantmask) == 0 &&
	    (pr->ps_sigacts->ps_sigignore & mask) != 0)
		return;

	if (p == NULL) {		/* every thread blocks it */
		atomic_setbits_int((volatile unsigned int *)&pr->ps_siglist,
		    mask);
		return;
	}
	atomic_setbits_int((volatile unsigned int *)&p->p_siglist, mask);
	if (signum == SIGKILL &&
	    (pr->ps_flags & (PS_STOPPED | PS_TRACED)) == PS_STOPPED) {
		pr->ps_xsig = 0;	/* a trapped thread takes no signal */
		proc_continue(pr, 0);	/* to die; not reported */
	}
	if ((p->p_sigmask & mask) && (mask & sigcantmask) == 0)
		return;		/* stays pending until unblocked */
	aston(p);		/* look at it on the way to user mode */

	SCHED_LOCK();
	if (p->p_stat == SSLEEP && (p->p_flag & P_SINTR)) {
		unsleep(p);
		setrunnable(p);
	}
	SCHED_UNLOCK();
}

/* Send signal signum to thread p alone. */
void
psignal(struct proc *p, int signum)
{
	ptsignal(p, signum, STHREAD);
}

/* Send signal signum to process pr: one of its threads takes it. */
void
prsignal(struct process *pr, int signum)
{
	ptsignal(pr->ps_mainproc, signum, SPROCESS);
}

/*
 * thrkill(2): signum to the thread tid of the caller's process (0: the
 * caller).  With tcb not NULL the thread must also have that TCB, so a
 * library can tell a recycled tid from its thread.  Signal 0 checks.
 */
int
sys_thrkill(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_thrkill_args /* {
		syscallarg(pid_t) tid;
		syscallarg(int) signum;
		syscallarg(void *) tcb;
	} */ *uap = v;
	int signum = SCARG(uap, signum);
	pid_t tid = SCARG(uap, tid);
	struct proc *q = p;

	if ((u_int)signum >= NSIG)
		return EINVAL;
	if (tid != 0) {
		if (tid <= THREAD_PID_OFFSET ||
		    (q = tfind(tid - THREAD_PID_OFFSET)) == NULL ||
		    q->p_p != p->p_p || (q->p_flag & P_WEXIT))
			return ESRCH;
	}
	if (SCARG(uap, tcb) != NULL && SCARG(uap, tcb) != TCB_GET(q))
		return ESRCH;
	if (signum != 0)
		psignal(q, signum);
	return 0;
}

/*
 * Send signum to every process of pgrp; with checkctty, only to those
 * with a controlling terminal (the terminal's signal keys, SIGTTIN).
 */
void
pgsignal(struct pgrp *pgrp, int signum, int checkctty)
{
	struct process *pr;

	if (pgrp == NULL)
		return;
	LIST_FOREACH(pr, &pgrp->pg_members, ps_pglist)
		if (checkctty == 0 || (pr->ps_flags & PS_CONTROLT))
			prsignal(pr, signum);
}

/*
 * May p send signum to pr?  Root may signal anyone, a process itself,
 * and a user a process whose real or saved uid is its real or effective
 * one (OpenBSD's cansignal without its set-id and session rules, FIXME:
 * issue 6).
 */
static int
cansignal(struct proc *p, struct process *pr, int signum __unused)
{
	struct ucred *uc = p->p_ucred, *quc = pr->ps_ucred;

	if (uc->cr_uid == 0 || p->p_p == pr)
		return 1;
	return uc->cr_ruid == quc->cr_ruid || uc->cr_ruid == quc->cr_svuid ||
	    uc->cr_uid == quc->cr_ruid || uc->cr_uid == quc->cr_svuid;
}

/* One process of killpg1(): 1 if it counts (and is signalled). */
static int
killpg1_one(struct proc *p, struct process *pr, int signum)
{
	if (pr->ps_pid <= 1 || (pr->ps_flags & PS_SYSTEM) ||
	    !cansignal(p, pr, signum))
		return 0;
	if (signum)
		prsignal(pr, signum);
	return 1;
}

/*
 * Signal every process p may signal: all of them (all), or those of
 * process group pgid (0: p's own).  Init, system processes, and with
 * all the caller itself, are left out, as OpenBSD does.
 * => returns 0, or ESRCH if there was nobody to signal.
 */
static int
killpg1(struct proc *p, int signum, int pgid, int all)
{
	struct process *pr;
	struct pgrp *pgrp;
	int nfound = 0;

	if (all) {
		LIST_FOREACH(pr, &allprocess, ps_list)
			if (pr != p->p_p &&
			    (pr->ps_flags & PS_NOBROADCASTKILL) == 0)
				nfound += killpg1_one(p, pr, signum);
		return nfound ? 0 : ESRCH;
	}
	pgrp = pgid == 0 ? p->p_p->ps_pgrp : pgfind(pgid);
	if (pgrp == NULL)
		return ESRCH;
	LIST_FOREACH(pr, &pgrp->pg_members, ps_pglist)
		nfound += killpg1_one(p, pr, signum);
	return nfound ? 0 : ESRCH;
}

/*
 * kill(2): pid > 0 one process (a zombie only answers signal 0), 0 the
 * caller's process group, -1 everyone it may signal, < -1 the group -pid.
 * Signal 0 checks existence and permission only.
 */
int
sys_kill(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_kill_args /* {
		syscallarg(int) pid;
		syscallarg(int) signum;
	} */ *uap = v;
	struct process *pr;
	int pid = SCARG(uap, pid), signum = SCARG(uap, signum);
	int zombie = 0;

	if ((u_int)signum >= NSIG)
		return EINVAL;
	if (pid > 0) {
		if ((pr = prfind(pid)) == NULL) {
			if ((pr = zombiefind(pid)) == NULL)
				return ESRCH;
			zombie = 1;
		}
		if (!cansignal(p, pr, signum))
			return EPERM;
		if (signum && !zombie)
			prsignal(pr, signum);
		return 0;
	}
	if (pid == -1)
		return killpg1(p, signum, 0, 1);
	return killpg1(p, signum, pid == 0 ? 0 : -pid, 0);
}

/*
 * The first pending signal (not blocked, SIGKILL always) whose action is
 * the default and whose default ends the process; 0 if none.  Signals
 * ignored by default were dropped by psignal already; stop signals are
 * sig_stop_check's, caught ones postsig's; a traced process's wait
 * until it can stop for its tracer (issue 7).
 */
int
sig_default_kill(struct proc *p)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t pending = p->p_siglist | p->p_p->ps_siglist;
	int sig;

	pending &= ~p->p_sigmask | sigcantmask;
	/* A traced process stops for its tracer instead (issue 7). */
	if (p->p_p->ps_flags & PS_TRACED)
		pending &= sigmask(SIGKILL);
	for (sig = 1; sig < NSIG; sig++) {
		if ((pending & sigmask(sig)) == 0 ||
		    (sigmask(sig) & (SIGDFLIGNORE | stopsigmask)) != 0)
			continue;
		if (sig != SIGKILL && ps->ps_sigact[sig] != SIG_DFL)
			continue;
		return sig;
	}
	return 0;
}

/* ---- job control: stopping and continuing ---- */

/*
 * The parent hears of a stop or a continue: SIGCHLD unless it asked not
 * to (SA_NOCLDSTOP), and a wakeup for its wait4.
 */
static void
proc_tell_parent(struct process *pr)
{
	struct process *parent = pr->ps_pptr;

	if ((parent->ps_sigacts->ps_sigflags & SAS_NOCLDSTOP) == 0)
		prsignal(parent, SIGCHLD);
	wakeup(parent);
}

/* Thread p stops (SSTOP) until SIGCONT or SIGKILL makes it runnable. */
static void
proc_stop_thread(struct proc *p)
{
	SCHED_LOCK();
	atomic_setbits_int(&p->p_flag, P_SUSPSIG);
	p->p_stat = SSTOP;
	mi_switch();
	atomic_clearbits_int(&p->p_flag, P_SUSPSIG);
	SCHED_UNLOCK();
}

/*
 * Stop p's process with sig (upstream's proc_stop): the stop is recorded
 * for wait4(WUNTRACED) and the parent told.  Its other threads stop on
 * their own way to user mode (sig_stop_check).
 */
static void
proc_stop(struct proc *p, int sig)
{
	struct process *pr = p->p_p;

	sig_discard(pr, sigmask(sig));
	pr->ps_xsig = sig;
	atomic_clearbits_int(&pr->ps_flags, PS_WAITED | PS_CONTINUED);
	atomic_setbits_int(&pr->ps_flags, PS_STOPPED);
	proc_tell_parent(pr);
	proc_stop_thread(p);
}

/*
 * Get stopped pr running again: every stopped thread runnable.  When
 * report is set (SIGCONT) the parent is told, and wait4(WCONTINUED)
 * sees it; SIGKILL's continuing, on the way to death, is not reported,
 * nor is a tracer's (ptrace_resume, which leaves in ps_xsig the signal
 * the trapped thread is to act on).
 */
void
proc_continue(struct process *pr, int report)
{
	struct proc *q;

	atomic_clearbits_int(&pr->ps_flags, PS_STOPPED);
	if (report) {
		pr->ps_xsig = SIGCONT;
		atomic_setbits_int(&pr->ps_flags, PS_CONTINUED);
		proc_tell_parent(pr);
	}
	SCHED_LOCK();
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		if (q->p_stat == SSTOP && (q->p_flag & P_SUSPSINGLE) == 0)
			setrunnable(q);
	SCHED_UNLOCK();
}

/*
 * Would signum, a terminal's stop signal (SIGTSTP, SIGTTIN, SIGTTOU),
 * stop p in a process group that is orphaned (pg_jobc 0, kern_proc.c)?
 * Then it is discarded, as POSIX asks: nobody would continue the
 * process.  Only the default action stops; a handler still runs, an
 * ignored signal is dropped anyway, and a traced process stops for its
 * tracer.  A blocked one stays pending, and is discarded here once
 * unblocked if the group is orphaned then.
 */
static int
sig_orphan_stop(struct proc *p, int signum)
{
	struct process *pr = p->p_p;

	return (sigmask(signum) & ttystopsigmask) != 0 &&
	    (pr->ps_flags & PS_TRACED) == 0 &&
	    pr->ps_sigacts->ps_sigact[signum] == SIG_DFL &&
	    pr->ps_pgrp->pg_jobc == 0;
}

/*
 * On the way to user mode: stop p if its process is stopped, or if a
 * pending, unblocked stop signal has its default action; a terminal's
 * stop signal in an orphaned group is discarded instead.  Returns 1 once
 * p has been stopped and continued (the caller looks at its signals
 * again), 0 if p goes on.  A traced process stops for its tracer
 * instead (sig_ptrace_check); its other threads stop here while one is
 * trapped.
 */
int
sig_stop_check(struct proc *p)
{
	struct process *pr = p->p_p;
	struct sigacts *ps = pr->ps_sigacts;
	sigset_t pending;
	int sig;

	if (pr->ps_flags & PS_STOPPED) {
		proc_stop_thread(p);
		return 1;
	}
	if (pr->ps_flags & PS_TRACED)
		return 0;
	pending = (p->p_siglist | pr->ps_siglist) & ~p->p_sigmask &
	    stopsigmask;
	for (sig = 1; sig < NSIG; sig++) {
		if ((pending & sigmask(sig)) == 0 ||
		    ps->ps_sigact[sig] != SIG_DFL)
			continue;
		if (sig_orphan_stop(p, sig)) {
			sig_discard(pr, sigmask(sig));
			continue;
		}
		proc_stop(p, sig);
		return 1;
	}
	return 0;
}

/* ---- single-threading: exit and exec of a threaded process ---- */

/*
 * Count q, a sibling of the thread single-threading its process in
 * mode, among those still to get out of the way, and nudge it: the AST
 * brings a runnable one to single_thread_check on its way to user mode,
 * an interruptible sleep ends (with ERESTART, sleep_common), and a
 * stopped thread runs again if it is to exit.  A stopped thread is out
 * of the way already when the others need only hold still.
 * => SCHED_LOCK held
 */
static int
single_thread_nudge(struct proc *q, int mode)
{
	aston(q);
	switch (q->p_stat) {
	case SSLEEP:
		if (q->p_flag & P_SINTR)
			setrunnable(q);
		return 1;
	case SSTOP:
		if (mode != SINGLE_EXIT)
			return 0;
		setrunnable(q);
		return 1;
	default:
		return 1;		/* SRUN, SONPROC, SIDL */
	}
}

/*
 * Make p the only thread of its process that runs (upstream's
 * single_thread_set).  SINGLE_UNWIND: every other thread leaves the
 * kernel, undoing the system call it slept in (ERESTART), and holds
 * still at the user boundary until single_thread_clear; SINGLE_EXIT:
 * every other thread exits.  Returns once that is so: 0; or EBUSY if
 * another thread is single-threading the process (p must then get out
 * of its way: return ERESTART to reach single_thread_check), or EINTR if
 * another took over while p waited (only an exit does).
 * => p is curproc; may sleep
 */
int
single_thread_set(struct proc *p, int mode)
{
	struct process *pr = p->p_p;
	struct proc *q;
	u_int count = 0;

	KASSERT(p == curproc);
	KASSERT(mode == SINGLE_UNWIND || mode == SINGLE_EXIT);
	if (pr->ps_single != NULL && pr->ps_single != p &&
	    mode != SINGLE_EXIT)
		return EBUSY;
	pr->ps_single = p;
	atomic_clearbits_int(&pr->ps_flags, PS_SINGLEUNWIND | PS_SINGLEEXIT);
	atomic_setbits_int(&pr->ps_flags,
	    mode == SINGLE_EXIT ? PS_SINGLEEXIT : PS_SINGLEUNWIND);
	SCHED_LOCK();
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		if (q != p && (q->p_flag & P_WEXIT) == 0)
			count += single_thread_nudge(q, mode);
	pr->ps_singlecnt = count;
	SCHED_UNLOCK();
	wakeup(&pr->ps_singlecnt);	/* a thread this request overrides */

	while (mode == SINGLE_EXIT ? pr->ps_threadcnt > 1 :
	    pr->ps_singlecnt > 0) {
		tsleep(&pr->ps_singlecnt, PWAIT, "suspend", 0);
		if (pr->ps_single != p)
			return EINTR;
	}
	return 0;
}

/* Let the other threads of p's process run again (upstream's name). */
void
single_thread_clear(struct proc *p)
{
	struct process *pr = p->p_p;
	struct proc *q;

	KASSERT(pr->ps_single == p);
	pr->ps_single = NULL;
	atomic_clearbits_int(&pr->ps_flags, PS_SINGLEUNWIND | PS_SINGLEEXIT);
	SCHED_LOCK();
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		if (q->p_stat == SSTOP && (q->p_flag & P_SUSPSINGLE))
			setrunnable(q);
	SCHED_UNLOCK();
}

/* One thread fewer for the single-threading thread to wait for. */
static void
single_thread_done(struct process *pr)
{
	if (pr->ps_singlecnt > 0)
		pr->ps_singlecnt--;
	wakeup(&pr->ps_singlecnt);
}

/*
 * Is another thread single-threading p's process?  Then, on the way to
 * user mode (deep 0), p exits (SINGLE_EXIT) or holds still in SSTOP
 * until single_thread_clear; in a sleep (deep 1) it only learns the
 * sleep must end: ERESTART (EINTR if it is to exit), to unwind first.
 * Returns 0 when p may go on.
 * => p is curproc; for deep 0 nothing held (trap_ast)
 */
int
single_thread_check(struct proc *p, int deep)
{
	struct process *pr = p->p_p;
	int counted = 0;

	if (pr->ps_single == NULL || pr->ps_single == p)
		return 0;
	if (deep)
		return (pr->ps_flags & PS_SINGLEEXIT) ? EINTR : ERESTART;
	while (pr->ps_single != NULL && pr->ps_single != p) {
		if (pr->ps_flags & PS_SINGLEEXIT)
			exit1(p, 0, 0, EXIT_THREAD_NOCHECK);
		/* Counted once, however often something wakes us. */
		if (!counted) {
			counted = 1;
			single_thread_done(pr);
		}
		SCHED_LOCK();
		atomic_setbits_int(&p->p_flag, P_SUSPSINGLE);
		p->p_stat = SSTOP;
		mi_switch();
		atomic_clearbits_int(&p->p_flag, P_SUSPSINGLE);
		SCHED_UNLOCK();
	}
	return 0;
}

/*
 * Thread p exits while another thread single-threads its process: one
 * fewer to wait for.  => from exit1
 */
void
single_thread_leave(struct proc *p)
{
	struct process *pr = p->p_p;

	if (pr->ps_single != NULL && pr->ps_single != p)
		single_thread_done(pr);
}

/* ---- a traced process stops for its tracer (ptrace) ---- */

/*
 * Stop p for its tracer with signal sig (upstream's proc_trap, which
 * the 2024 kernel did with proc_stop and ps_single): the tracer's wait4
 * sees W_STOPCODE(sig); p sleeps in SSTOP until the tracer resumes it
 * (ptrace_resume) or exits.  Returns the signal p is to act on now: the
 * one the tracer handed back with PT_CONTINUE's data, 0 for none.
 * => p is curproc, on its way to user mode; sig is off the pending sets
 */
int
proc_trap(struct proc *p, int sig)
{
	struct process *pr = p->p_p;

	pr->ps_xsig = sig;
	pr->ps_trapped = p;
	atomic_clearbits_int(&pr->ps_flags, PS_WAITED | PS_CONTINUED);
	atomic_setbits_int(&pr->ps_flags, PS_STOPPED);
	proc_tell_parent(pr);		/* the parent is the tracer */
	proc_stop_thread(p);
	pr->ps_trapped = NULL;
	sig = pr->ps_xsig;
	pr->ps_xsig = 0;
	return sig;
}

/*
 * Act on sig, which the tracer handed back to the traced thread p: a
 * handler gets it, an ignored signal or one whose default is to ignore
 * or to stop (the tracee has stopped already) is dropped.  Returns sig
 * if its default action ends the process (the caller ends it), else 0.
 */
static int
sig_ptrace_deliver(struct proc *p, int sig)
{
	struct process *pr = p->p_p;
	sigset_t bit = sigmask(sig);

	if ((pr->ps_flags & PS_TRACED) == 0) {
		psignal(p, sig);	/* detached: the usual way */
		return 0;
	}
	if (p->p_sigmask & bit & ~sigcantmask) {
		/* Blocked: pending until unblocked (and then stops again). */
		atomic_setbits_int((volatile unsigned int *)&p->p_siglist,
		    bit);
		return 0;
	}
	if (pr->ps_sigacts->ps_sigcatch & bit) {
		postsig(p, sig);
		return 0;
	}
	if (sig != SIGKILL && ((pr->ps_sigacts->ps_sigignore & bit) ||
	    (bit & (SIGDFLIGNORE | stopsigmask))))
		return 0;
	return sig;
}

/*
 * On the way to user mode (upstream's cursig, for PS_TRACED): the first
 * pending, unblocked signal but SIGKILL stops p for its tracer, and the
 * signal the tracer hands back is acted on instead.  Returns -1 once p
 * stopped (the caller looks at its signals again), 0 if there was
 * nothing to stop for, or a signal whose default action must now end
 * the process.
 */
int
sig_ptrace_check(struct proc *p)
{
	struct process *pr = p->p_p;
	sigset_t pending;
	int sig;

	if ((pr->ps_flags & PS_TRACED) == 0)
		return 0;
	pending = (p->p_siglist | pr->ps_siglist) & ~p->p_sigmask &
	    ~sigmask(SIGKILL);
	if (pending == 0)
		return 0;
	sig = __builtin_ffs(pending);
	sig_discard(pr, sigmask(sig));
	if ((sig = proc_trap(p, sig)) != 0 &&
	    (sig = sig_ptrace_deliver(p, sig)) != 0)
		return sig;
	return -1;
}

/*
 * A trap from user mode (a fault, a breakpoint) means sig for thread p
 * (upstream's trapsignal).  Untraced: a handler that is not blocked gets
 * it, on p's way out (psignal, then postsig); blocked, ignored or left at
 * its default, the fault ends the process, as upstream's resetting the
 * action to the default and unblocking it does.  Traced: pending, so
 * that p stops for its tracer on its way out; a blocked one stops p at
 * once, as upstream does.  Returns a signal that must end the process
 * now, else 0.
 */
int
trapsignal(struct proc *p, int sig, u_long trapno, int code,
    union sigval sv)
{
	struct sigacts *ps = p->p_p->ps_sigacts;

	p->p_sisig = sig;		/* its siginfo, for postsig */
	p->p_sicode = code;
	p->p_sitrapno = trapno;
	p->p_sigval = sv;
	if ((p->p_p->ps_flags & PS_TRACED) == 0) {
		if ((ps->ps_sigcatch & sigmask(sig)) == 0 ||
		    (p->p_sigmask & sigmask(sig)) != 0)
			return sig;
		psignal(p, sig);
		return 0;
	}
	if ((p->p_sigmask & sigmask(sig)) == 0) {
		psignal(p, sig);
		return 0;
	}
	if ((sig = proc_trap(p, sig)) != 0)
		return sig_ptrace_deliver(p, sig);
	return 0;
}

/* ---- actions, masks and delivery (sigaction, sigprocmask, postsig) ---- */

/* Signals whose default is to be ignored (SIGCONT's continues instead). */
#define sigdfl_ignored(bit)	(((bit) & SIGDFLIGNORE & ~sigmask(SIGCONT)) != 0)

/* Drop signal bit from everything pending in p's process. */
static void
sig_discard(struct process *pr, sigset_t bit)
{
	struct proc *q;

	pr->ps_siglist &= ~bit;
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		q->p_siglist &= ~bit;
}

/*
 * Install sa as the action of signum for p's process (OpenBSD's
 * setsigvec): the handler, the mask while it runs, and the flags, kept as
 * the per-signal bit sets of struct sigacts.
 */
static void
setsigvec(struct proc *p, int signum, const struct sigaction *sa)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t bit = sigmask(signum);

	ps->ps_sigact[signum] = sa->sa_handler;
	ps->ps_catchmask[signum] = sa->sa_mask & ~sigcantmask;
	if ((sa->sa_flags & SA_NODEFER) == 0)
		ps->ps_catchmask[signum] |= bit;
	if (sa->sa_flags & SA_RESTART)
		ps->ps_sigintr &= ~bit;
	else
		ps->ps_sigintr |= bit;
	if (sa->sa_flags & SA_RESETHAND)
		ps->ps_sigreset |= bit;
	else
		ps->ps_sigreset &= ~bit;
	if (sa->sa_flags & SA_SIGINFO)
		ps->ps_siginfo |= bit;
	else
		ps->ps_siginfo &= ~bit;
	if (signum == SIGCHLD) {
		if (sa->sa_flags & SA_NOCLDSTOP)
			ps->ps_sigflags |= SAS_NOCLDSTOP;
		else
			ps->ps_sigflags &= ~SAS_NOCLDSTOP;
	}
	if (sa->sa_handler == SIG_IGN ||
	    (sa->sa_handler == SIG_DFL && sigdfl_ignored(bit))) {
		ps->ps_sigignore |= bit;
		ps->ps_sigcatch &= ~bit;
		sig_discard(p->p_p, bit);
	} else {
		ps->ps_sigignore &= ~bit;
		if (sa->sa_handler == SIG_DFL)
			ps->ps_sigcatch &= ~bit;
		else
			ps->ps_sigcatch |= bit;
	}
}

/* The action of signum, as sigaction(2) reports it. */
static void
getsigvec(struct proc *p, int signum, struct sigaction *sa)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t bit = sigmask(signum);

	sa->sa_handler = ps->ps_sigact[signum];
	sa->sa_mask = ps->ps_catchmask[signum] & ~bit;
	sa->sa_flags = 0;
	if ((ps->ps_catchmask[signum] & bit) == 0)
		sa->sa_flags |= SA_NODEFER;
	if ((ps->ps_sigintr & bit) == 0)
		sa->sa_flags |= SA_RESTART;
	if (ps->ps_sigreset & bit)
		sa->sa_flags |= SA_RESETHAND;
	if (ps->ps_siginfo & bit)
		sa->sa_flags |= SA_SIGINFO;
	if (signum == SIGCHLD && (ps->ps_sigflags & SAS_NOCLDSTOP))
		sa->sa_flags |= SA_NOCLDSTOP;
}

/* sigaction(2).  SIGKILL and SIGSTOP cannot be given an action. */
int
sys_sigaction(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_sigaction_args /* {
		syscallarg(int) signum;
		syscallarg(const struct sigaction *) nsa;
		syscallarg(struct sigaction *) osa;
	} */ *uap = v;
	int signum = SCARG(uap, signum), error;
	struct sigaction vec;

	if (signum <= 0 || signum >= NSIG ||
	    (SCARG(uap, nsa) != NULL && (signum == SIGKILL ||
	    signum == SIGSTOP)))
		return EINVAL;
	if (SCARG(uap, osa) != NULL) {
		getsigvec(p, signum, &vec);
		if ((error = copyout(&vec, SCARG(uap, osa), sizeof(vec))) != 0)
			return error;
	}
	if (SCARG(uap, nsa) != NULL) {
		if ((error = copyin(SCARG(uap, nsa), &vec, sizeof(vec))) != 0)
			return error;
		setsigvec(p, signum, &vec);
	}
	return 0;
}

/*
 * sigprocmask(2), OpenBSD's system call: the new mask by value, the old
 * one as the result (libc's sigprocmask() wraps it).
 */
int
sys_sigprocmask(struct proc *p, void *v, register_t *retval)
{
	struct sys_sigprocmask_args /* {
		syscallarg(int) how;
		syscallarg(sigset_t) mask;
	} */ *uap = v;
	sigset_t mask = SCARG(uap, mask) & ~sigcantmask;

	*retval = p->p_sigmask;
	switch (SCARG(uap, how)) {
	case SIG_BLOCK:
		p->p_sigmask |= mask;
		break;
	case SIG_UNBLOCK:
		p->p_sigmask &= ~mask;
		break;
	case SIG_SETMASK:
		p->p_sigmask = mask;
		break;
	default:
		return EINVAL;
	}
	aston(p);		/* an unblocked signal may be due now */
	return 0;
}

/* sigpending(2): the pending signals, as the result. */
int
sys_sigpending(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_siglist | p->p_p->ps_siglist;
	return 0;
}

/*
 * sigsuspend(2): wait with mask in place until a signal is delivered;
 * the handler returns to the mask from before (P_SIGSUSPEND, postsig).
 */
int
sys_sigsuspend(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_sigsuspend_args /* {
		syscallarg(int) mask;
	} */ *uap = v;

	p->p_oldmask = p->p_sigmask;
	atomic_setbits_int(&p->p_flag, P_SIGSUSPEND);
	p->p_sigmask = SCARG(uap, mask) & ~sigcantmask;
	while (tsleep_nsec(&p->p_oldmask, PPAUSE | PCATCH, "sigsusp",
	    INFSLP) == 0)
		continue;
	return EINTR;		/* always: the handler ran */
}

/*
 * The first pending, unblocked signal p catches (a handler); 0 if none.
 * => p's process is not traced (a traced one stops instead, issue 7).
 */
int
sig_next_caught(struct proc *p)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t pending;
	int sig;

	pending = (p->p_siglist | p->p_p->ps_siglist) & ~p->p_sigmask &
	    ps->ps_sigcatch;
	if (pending == 0 || (p->p_p->ps_flags & PS_TRACED))
		return 0;
	for (sig = 1; sig < NSIG; sig++)
		if (pending & sigmask(sig))
			return sig;
	return 0;
}

/*
 * Deliver sig to its handler: off the pending sets, the frame built
 * (sendsig), the handler's mask in place, a one-shot action reset.
 */
void
postsig(struct proc *p, int sig)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t bit = sigmask(sig), returnmask;
	struct sigaction dfl = { { SIG_DFL }, 0, 0 };
	siginfo_t si;

	sig_discard(p->p_p, bit);
	p->p_ru.ru_nsignals++;
	if (p->p_flag & P_SIGSUSPEND) {
		atomic_clearbits_int(&p->p_flag, P_SIGSUSPEND);
		returnmask = p->p_oldmask;
	} else
		returnmask = p->p_sigmask;
	sendsig(p, sig, returnmask, ps->ps_sigact[sig],
	    postsig_info(p, sig, &si));
	p->p_sigmask |= ps->ps_catchmask[sig];
	if (ps->ps_sigreset & bit)
		setsigvec(p, sig, &dfl);
}

/*
 * The siginfo for sig's handler in *si, or NULL if it did not ask for
 * one (SA_SIGINFO): the trap's if the signal came from one (trapsignal),
 * else SI_USER with nothing more, as upstream's postsig.  Either way a
 * trap's record is used up.
 */
static const siginfo_t *
postsig_info(struct proc *p, int sig, siginfo_t *si)
{
	int trap = p->p_sisig == sig;

	if (trap)
		p->p_sisig = 0;
	if ((p->p_p->ps_sigacts->ps_siginfo & sigmask(sig)) == 0)
		return NULL;
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = SI_USER;
	if (trap) {
		si->si_code = p->p_sicode;
		si->si_addr = p->p_sigval.sival_ptr;
		si->si_trapno = p->p_sitrapno;
	}
	return si;
}

/*
 * exec: caught signals go back to their default action (the handlers
 * are gone with the old image); ignored ones stay ignored, the mask
 * stays (POSIX).
 */
void
execsigs(struct process *pr)
{
	struct sigacts *ps = pr->ps_sigacts;
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (ps->ps_sigcatch & sigmask(sig)) {
			ps->ps_sigact[sig] = SIG_DFL;
			if (sigdfl_ignored(sigmask(sig)))
				ps->ps_sigignore |= sigmask(sig);
		}
	ps->ps_sigcatch = 0;
	ps->ps_sigintr = ps->ps_sigreset = ps->ps_siginfo = 0;
}

/* Why a PCATCH sleep ended: EINTR if the signal's action says interrupt. */
int
sig_sleep_error(struct proc *p)
{
	struct sigacts *ps = p->p_p->ps_sigacts;
	sigset_t pending = (p->p_siglist | p->p_p->ps_siglist) & ~p->p_sigmask;
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (pending & sigmask(sig))
			return (ps->ps_sigintr & sigmask(sig)) ? EINTR :
			    ERESTART;
	return EINTR;
}
