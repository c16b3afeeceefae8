/*
 * kernel/kern_exit.c: the end of a thread and of a process, the reaper,
 * and waiting for children (OpenBSD sys/kern/kern_exit.c, the parts issue
 * 5 needs: kernel threads, and processes forked inside the kernel).
 *
 *   exit1(p)            the thread lets go of what it can while running:
 *      |                tables, descriptors, children (to init), its
 *      |                place in allprocess (-> zombprocess)
 *   cpu_exit(p)         switches away for the last time (sched_exit)
 *      |
 *   idle thread         exit2(p): onto deadproc, wake the reaper
 *      |
 *   reaper()            frees the u-area, TSS slot and address space,
 *      |                then: PS_NOZOMBIE (kernel threads): zap now;
 *      |                otherwise the process is a zombie, SIGCHLD
 *   dowait4(parent)     finds the zombie, proc_finish_wait -> process_zap
 *
 * A thread that ends its process (exit(2), a fatal signal) first has
 * every other thread exit: single_thread_set(SINGLE_EXIT), kern_sig.c.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/ucred.h>
#include <sys/resourcevar.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/event.h>
#include <sys/wait.h>
#include <sys/ptrace.h>
#include <sys/unveil.h>
#include <sys/futex.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm.h>
#include <machine/cpu.h>

/* Threads the idle thread handed over, for the reaper to free. */
static LIST_HEAD(, proc) deadproc = LIST_HEAD_INITIALIZER(deadproc);
struct proc *reaperproc;

/*
 * The exiting process pr's family: its children go to init, except those
 * it traces, which go back to their real parent (or init) and, unless
 * already dead, are killed, as OpenBSD does (their tracer is gone); the
 * processes it is the real parent of, held by a debugger, forget it.
 * PORT: to process0 before init is forked (at boot, when no process has
 * children yet).
 */
static void
exit_children(struct process *pr)
{
	struct process *qr, *nqr;
	struct process *heir = initproc != NULL ? initproc->p_p : &process0;

	/* init waits for its new children (and reaps any zombie now). */
	if (!LIST_EMPTY(&pr->ps_children))
		wakeup(heir);
	LIST_FOREACH_SAFE(qr, &pr->ps_children, ps_sibling, nqr) {
		if ((qr->ps_flags & PS_TRACED) == 0) {
			process_reparent(qr, heir);
			continue;
		}
		process_untrace(qr);
		if (qr->ps_pptr == pr)		/* PT_TRACE_ME: we were both */
			process_reparent(qr, heir);
		if ((qr->ps_flags & PS_EXITING) == 0)
			prsignal(qr, SIGKILL);
		else
			wakeup(qr->ps_pptr);	/* a zombie for its parent */
	}
	while ((qr = LIST_FIRST(&pr->ps_orphans)) != NULL) {
		KASSERT(qr->ps_oppid == pr->ps_pid);
		qr->ps_oppid = 0;
		process_clear_orphan(qr);
	}

	/*
	 * Nobody waits for a PS_NOZOMBIE process: it leaves its parent for
	 * init now, and a parent blocked in wait for it finds ECHILD.
	 */
	if ((pr->ps_flags & PS_NOZOMBIE) && pr != heir) {
		qr = pr->ps_pptr;
		process_reparent(pr, heir);
		wakeup(qr);
	}
}

/*
 * The process pr has no threads left running: let go of what it holds,
 * take it out of the live tables, and hand on its family.
 * PORT: OpenBSD makes a child PS_NOZOMBIE here when the parent's sigacts
 * has SAS_NOCLDWAIT; process0's has it (siginit), and with no exec yet
 * to clear it every process the kernel forks would inherit it, so the
 * check waits for sigaction(2) and exec (FIXME: issue 6).
 */
static void
exit_process(struct proc *p, struct process *pr)
{
	if (initproc != NULL && pr == initproc->p_p)
		panic("init died (signal %d, exit %d)", pr->ps_xsig,
		    pr->ps_xexit);
	timeout_del(&pr->ps_realit_to);
	timeout_del(&pr->ps_rucheck_to);
	pr->ps_siglist = 0;
	exit_rusage(pr);
	fdfree(p);
	unveil_destroy(pr);
	killjobc(pr);		/* a leader's terminal is free again */

	/* A vfork child is done with the parent's waiting (seed: fork1). */
	if (pr->ps_flags & PS_PPWAIT) {
		atomic_clearbits_int(&pr->ps_flags, PS_PPWAIT);
		atomic_clearbits_int(&pr->ps_pptr->ps_flags, PS_ISPWAIT);
		wakeup(pr->ps_pptr);
	}

	/*
	 * No longer findable as a live process: a zombie until waited for,
	 * or, if nobody will wait (PS_NOZOMBIE), gone, and its pid free.
	 */
	LIST_REMOVE(pr, ps_hash);
	LIST_REMOVE(pr, ps_list);
	if ((pr->ps_flags & PS_NOZOMBIE) == 0)
		LIST_INSERT_HEAD(&zombprocess, pr, ps_list);
	else
		freepid(pr->ps_pid);
	exit_children(pr);
}

/*
 * The running thread p exits; with EXIT_NORMAL its process does too,
 * with status xexit or signal xsig for wait.
 * => thread context; never returns.
 */
void
exit1(struct proc *p, int xexit, int xsig, int flags)
{
	struct process *pr = p->p_p;

	KASSERT(p == curproc);
	/* A thread on its own ends its process. */
	if (!P_HASSIBLING(p))
		flags = EXIT_NORMAL;
	/* Another thread is ending the process already: just go. */
	else if (flags == EXIT_NORMAL && (pr->ps_flags & PS_EXITING))
		flags = EXIT_THREAD_NOCHECK;
	atomic_setbits_int(&p->p_flag, P_WEXIT);
	if (flags == EXIT_NORMAL) {
		/*
		 * PORT: its ties leave the job-control counts here, just
		 * before PS_EXITING says they have (upstream: killjobc);
		 * see kern_proc.c, "orphaned process groups".
		 */
		fixjobc(pr, pr->ps_pgrp, 0);
		atomic_setbits_int(&pr->ps_flags, PS_EXITING);
		pr->ps_xexit = xexit;
		pr->ps_xsig = xsig;
		/* The other threads exit first (kern_sig.c). */
		if (P_HASSIBLING(p))
			(void)single_thread_set(p, SINGLE_EXIT);
	} else
		single_thread_leave(p);

	TAILQ_REMOVE(&pr->ps_threads, p, p_thr_link);
	pr->ps_threadcnt--;
	timeout_del(&p->p_sleep_to);
	/*
	 * The last thread out carries the process's end to the reaper and
	 * stays with the zombie (process_zap frees it).  PORT: OpenBSD's
	 * main thread, when it calls __threxit, lingers until the others
	 * are gone and is always last; here any thread may be last, and
	 * ps_mainproc moves to a live thread when the main one leaves
	 * early (an exit or a fatal signal single-threads the process, so
	 * its caller is last then).
	 */
	tuagg(pr, p);		/* its times and counts stay with pr */
	if (pr->ps_threadcnt == 0) {
		pr->ps_mainproc = p;
		atomic_setbits_int(&p->p_flag, P_LASTTHREAD);
		exit_process(p, pr);
	} else if (pr->ps_mainproc == p)
		pr->ps_mainproc = TAILQ_FIRST(&pr->ps_threads);
	p->p_siglist = 0;

	/* The thread is gone from the tables; sched_exit reuses p_hash. */
	p->p_fd = NULL;
	p->p_stat = SDEAD;
	LIST_REMOVE(p, p_hash);
	LIST_REMOVE(p, p_list);

	(void)__mp_release_all();
	spl0();
	cpu_exit(p);
}

/*
 * The idle thread passes a dead thread to the reaper (p switched away
 * for good).  => thread context, the idle thread.
 */
void
exit2(struct proc *p)
{
	LIST_INSERT_HEAD(&deadproc, p, p_hash);
	wakeup(&deadproc);
}

/* Free a dead thread's structure (and its thread count). */
void
proc_free(struct proc *p)
{
	crfree(p->p_ucred);
	pool_put(&proc_pool, p);
	nthreads--;
}

/*
 * Free what is left of a dead thread and, if it was its process's last,
 * make the process a zombie for its parent or, for kernel threads
 * (PS_NOZOMBIE), free it now.
 */
static void
reaper_reap(struct proc *p)
{
	struct process *pr = p->p_p;

	cpu_proc_free(p);
	uvm_uarea_free((vaddr_t)p->p_addr);
	p->p_addr = NULL;

	/* Only the last thread out may touch the process: it may be gone. */
	if ((p->p_flag & P_LASTTHREAD) == 0) {
		proc_free(p);
		return;
	}
	/* Release the rest of the process's vmspace. */
	uvm_exit(pr);
	if ((pr->ps_flags & PS_NOZOMBIE) == 0)
		atomic_setbits_int(&pr->ps_flags, PS_ZOMBIE);
	knote_processexit(pr);
	if ((pr->ps_flags & PS_NOZOMBIE) == 0) {
		/* Process is now a true zombie. */
		prsignal(pr->ps_pptr, SIGCHLD);
		wakeup(pr->ps_pptr);
	} else {
		/* No one will wait for us, just zap it. */
		process_zap(pr);
	}
}

/*
 * The reaper thread: frees dead threads, which cannot free their own
 * kernel stack while running on it.
 */
void
reaper(void *arg __unused)
{
	struct proc *p;

	KERNEL_UNLOCK();
	for (;;) {
		while ((p = LIST_FIRST(&deadproc)) == NULL)
			tsleep_nsec(&deadproc, PVM, "reaper", INFSLP);
		LIST_REMOVE(p, p_hash);
		reaper_reap(p);
	}
}

/*
 * Free a process that has been waited for (or needs no waiting): the
 * last references, its process count, and its last thread.  (Its pid
 * went to the seed's freepid already: in exit1 or proc_finish_wait.)
 */
void
process_zap(struct process *pr)
{
	uid_t uid = pr->ps_ucred->cr_ruid;
	struct proc *p;

	leavepgrp(pr);
	LIST_REMOVE(pr, ps_sibling);
	process_clear_orphan(pr);

	if (pr->ps_textvp != NULL)
		vrele(pr->ps_textvp);
	free(pr->ps_ptstat, M_SUBPROC, sizeof(*pr->ps_ptstat));
	free(pr->ps_pin.pn_pins, M_PINSYSCALL,
	    pr->ps_pin.pn_npins * sizeof(u_int));
	free(pr->ps_libcpin.pn_pins, M_PINSYSCALL,
	    pr->ps_libcpin.pn_npins * sizeof(u_int));
	sigactsfree(pr->ps_sigacts);
	lim_free(pr->ps_limit);
	crfree(pr->ps_ucred);

	(void)chgproccnt(uid, -1);
	p = pr->ps_mainproc;
	pool_put(&process_pool, pr);
	nprocesses--;
	proc_free(p);
}

/*
 * The waiter q has collected pr's status: free it, or give a traced
 * process back to its real parent, which waits for it in turn.
 */
void
proc_finish_wait(struct proc *q, struct process *pr)
{
	struct process *tr;

	if (pr->ps_oppid != 0 && (tr = prfind(pr->ps_oppid)) != NULL &&
	    tr != pr->ps_pptr) {
		pr->ps_oppid = 0;
		atomic_clearbits_int(&pr->ps_flags, PS_TRACED);
		process_reparent(pr, tr);
		prsignal(tr, SIGCHLD);
		wakeup(tr);
	} else {
		ruadd(&q->p_p->ps_cru, &pr->ps_ru);
		LIST_REMOVE(pr, ps_list);	/* off zombprocess */
		freepid(pr->ps_pid);
		process_zap(pr);
	}
}

/* Does child pr match wait4's pid argument, as seen from q? */
static int
wait_match(struct process *q, struct process *pr, pid_t pid)
{
	if (pid > 0)
		return pr->ps_pid == pid;
	if (pid == WAIT_MYPGRP)
		return pr->ps_pgid == q->ps_pgid;
	if (pid < -1)
		return pr->ps_pgid == -pid;
	return 1;			/* WAIT_ANY */
}

/*
 * A stop not yet reported (with WUNTRACED, or always for a traced
 * child), or a continue (with WCONTINUED): report it, once.
 */
static int
wait_stopped_or_continued(struct process *pr, int options, int *statusp)
{
	if (pr->ps_flags & PS_ZOMBIE)
		return 0;		/* its exit is what counts now */
	if ((pr->ps_flags & (PS_STOPPED | PS_WAITED)) == PS_STOPPED &&
	    ((options & WUNTRACED) || (pr->ps_flags & PS_TRACED))) {
		atomic_setbits_int(&pr->ps_flags, PS_WAITED);
		if (statusp != NULL)
			*statusp = W_STOPCODE(pr->ps_xsig);
		return 1;
	}
	if ((options & WCONTINUED) && (pr->ps_flags & PS_CONTINUED)) {
		atomic_clearbits_int(&pr->ps_flags, PS_CONTINUED);
		if (statusp != NULL)
			*statusp = _WCONTINUED;
		return 1;
	}
	return 0;
}

/*
 * wait4(2)'s worker: wait for a child of q's process that matches pid to
 * become a zombie.  *retval gets its pid (0 with WNOHANG and nothing
 * yet), *statusp its status.  ECHILD when no child matches.  With
 * WUNTRACED a stop is reported too, with WCONTINUED a continue.
 * *rusage, for an exited child, gets its usage (its reaped children's
 * included); a stop or continue leaves it alone.
 */
int
dowait4(struct proc *q, pid_t pid, int *statusp, int options,
    struct rusage *rusage, register_t *retval)
{
	struct process *pr;
	int nfound, error;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return EINVAL;
	for (;;) {
		nfound = 0;
		LIST_FOREACH(pr, &q->p_p->ps_children, ps_sibling) {
			if ((pr->ps_flags & PS_NOZOMBIE) ||
			    !wait_match(q->p_p, pr, pid))
				continue;
			nfound++;
			if (wait_stopped_or_continued(pr, options, statusp)) {
				*retval = pr->ps_pid;
				return 0;
			}
			if ((pr->ps_flags & PS_ZOMBIE) == 0)
				continue;
			*retval = pr->ps_pid;
			if (statusp != NULL)
				*statusp = W_EXITCODE(pr->ps_xexit, pr->ps_xsig);
			if (rusage != NULL)
				*rusage = pr->ps_ru;
			proc_finish_wait(q, pr);
			return 0;
		}
		/* Children a debugger holds still count: wait for them. */
		LIST_FOREACH(pr, &q->p_p->ps_orphans, ps_orphan)
			if ((pr->ps_flags & PS_NOZOMBIE) == 0 &&
			    wait_match(q->p_p, pr, pid))
				nfound++;
		if (nfound == 0)
			return ECHILD;
		if (options & WNOHANG) {
			*retval = 0;
			return 0;
		}
		if ((error = tsleep_nsec(q->p_p, PWAIT | PCATCH, "wait",
		    INFSLP)) != 0)
			return error;
	}
}

/* exit(2): end the process with status rval. */
int
sys_exit(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_exit_args /* {
		syscallarg(int) rval;
	} */ *uap = v;

	exit1(p, SCARG(uap, rval), 0, EXIT_NORMAL);
	/* NOTREACHED */
	return 0;
}

/*
 * __threxit(2): end the calling thread.  *notdead (the thread library's
 * word for "this thread still runs") becomes 0 and a futex waiter on it
 * is woken, so that a join can sleep on the word; a bad address is the
 * caller's SIGSEGV, as upstream, but the thread ends all the same.  The
 * last thread out ends the process, with status 0 (exit1).
 */
int
sys___threxit(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys___threxit_args /* {
		syscallarg(pid_t *) notdead;
	} */ *uap = v;
	pid_t zero = 0;

	if (SCARG(uap, notdead) != NULL) {
		if (copyout(&zero, SCARG(uap, notdead), sizeof(zero)) != 0)
			psignal(p, SIGSEGV);
		else
			futex_wake_all(p, SCARG(uap, notdead));
	}
	exit1(p, 0, 0, EXIT_THREAD);
	/* NOTREACHED */
	return 0;
}

/*
 * wait4(2): dowait4, then the status and the usage to user space.
 */
int
sys_wait4(struct proc *p, void *v, register_t *retval)
{
	struct sys_wait4_args /* {
		syscallarg(pid_t) pid;
		syscallarg(int *) status;
		syscallarg(int) options;
		syscallarg(struct rusage *) rusage;
	} */ *uap = v;
	struct rusage ru;
	int status, error;

	memset(&ru, 0, sizeof(ru));
	error = dowait4(p, SCARG(uap, pid),
	    SCARG(uap, status) ? &status : NULL, SCARG(uap, options),
	    SCARG(uap, rusage) ? &ru : NULL, retval);
	if (error == 0 && retval[0] > 0 && SCARG(uap, status) != NULL)
		error = copyout(&status, SCARG(uap, status), sizeof(status));
	if (error == 0 && retval[0] > 0 && SCARG(uap, rusage) != NULL)
		error = copyout(&ru, SCARG(uap, rusage), sizeof(ru));
	return error;
}
