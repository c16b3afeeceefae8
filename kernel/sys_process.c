/*
 * kernel/sys_process.c: ptrace(2), process tracing (OpenBSD's
 * sys/kern/sys_process.c, written afresh with its names and its checks
 * in its order).  One entry point, sys_ptrace(); the i386 half is
 * kernel/arch/i386/process_machdep.c, the stops are kern_sig.c's
 * (proc_trap), and docs/ptrace.md tells the whole story:
 *
 *   sys_ptrace(req, pid, addr, data)
 *     PT_TRACE_ME, PT_ATTACH, PT_CONTINUE, PT_STEP, PT_KILL, PT_DETACH
 *        -> ptrace_ctrl     trace, untrace, resume a stopped tracee
 *     PT_SET_EVENT_MASK, PT_GET_EVENT_MASK, PT_GET_PROCESS_STATE,
 *     PT_GET_THREAD_FIRST/NEXT
 *        -> ptrace_kstate   the tracing state (no stop needed)
 *     PT_READ_*, PT_WRITE_*, PT_IO, PT_GETREGS ... PT_SETFPREGS
 *        -> ptrace_ustate   the stopped tracee's memory and registers
 *
 * A tracee is stopped for its tracer when PS_STOPPED is set and a thread
 * is trapped (ps_trapped); the tracer may act on it once its wait4 has
 * seen the stop (PS_WAITED).  Resuming (ptrace_resume) hands the trapped
 * thread the signal it is to act on in ps_xsig.
 *
 * PORT: no set-id programs, no securelevel (taken as 0: init cannot be
 * traced), no kern.global_ptrace sysctl (0, as OpenBSD's default: only
 * root traces what is not its descendant), no PS_INEXEC window (exec
 * runs under the kernel lock without sleeping past its point of no
 * return), no PIOD_READ_AUXV (Tine passes no aux vector); a thread id
 * is accepted only by PT_GET_THREAD_NEXT (issue 8 brings threads).
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/ptrace.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <sys/ucred.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/reg.h>

/* kern.global_ptrace: may a user trace processes it did not start? */
int	global_ptrace = 0;

static int	ptrace_ctrl(struct proc *, int, pid_t, caddr_t, int);
static int	ptrace_kstate(struct proc *, int, pid_t, void *);
static int	ptrace_ustate(struct proc *, int, pid_t, void *, int,
		    register_t *);

/*
 * ptrace(2).  The structure-carrying requests copy their structure in
 * and out here (EFAULT for a bad tracer buffer); the size the tracer
 * passes in data must match for the kstate ones, as OpenBSD checks.
 */
int
sys_ptrace(struct proc *p, void *v, register_t *retval)
{
	struct sys_ptrace_args /* {
		syscallarg(int) req;
		syscallarg(pid_t) pid;
		syscallarg(caddr_t) addr;
		syscallarg(int) data;
	} */ *uap = v;
	int req = SCARG(uap, req), data = SCARG(uap, data);
	pid_t pid = SCARG(uap, pid);
	caddr_t addr = SCARG(uap, addr);
	union {
		struct ptrace_io_desc u_piod;
		struct ptrace_event u_pe;
		struct ptrace_state u_ps;
		struct ptrace_thread_state u_pts;
		struct reg u_reg;
		struct fpreg u_fpreg;
	} u;
	size_t size = 0;
	int copyin_ = 0, copyout_ = 0, kstate = 0, error;

	switch (req) {
	case PT_TRACE_ME:
	case PT_CONTINUE:
	case PT_KILL:
	case PT_ATTACH:
	case PT_DETACH:
	case PT_STEP:
		return ptrace_ctrl(p, req, pid, addr, data);
	case PT_READ_I:
	case PT_READ_D:
	case PT_WRITE_I:
	case PT_WRITE_D:
		return ptrace_ustate(p, req, pid, addr, data, retval);
	case PT_IO:
		size = sizeof(u.u_piod);
		data = size;		/* PT_IO ignores data */
		copyin_ = copyout_ = 1;
		break;
	case PT_SET_EVENT_MASK:
		size = sizeof(u.u_pe);
		copyin_ = kstate = 1;
		break;
	case PT_GET_EVENT_MASK:
		size = sizeof(u.u_pe);
		copyout_ = kstate = 1;
		break;
	case PT_GET_PROCESS_STATE:
		size = sizeof(u.u_ps);
		copyout_ = kstate = 1;
		break;
	case PT_GET_THREAD_FIRST:
		size = sizeof(u.u_pts);
		copyout_ = kstate = 1;
		break;
	case PT_GET_THREAD_NEXT:
		size = sizeof(u.u_pts);
		copyin_ = copyout_ = kstate = 1;
		break;
	case PT_GETREGS:
		size = sizeof(u.u_reg);
		copyout_ = 1;
		break;
	case PT_SETREGS:
		size = sizeof(u.u_reg);
		copyin_ = 1;
		break;
	case PT_GETFPREGS:
		size = sizeof(u.u_fpreg);
		copyout_ = 1;
		break;
	case PT_SETFPREGS:
		size = sizeof(u.u_fpreg);
		copyin_ = 1;
		break;
	default:
		return EINVAL;
	}
	if (kstate && (size_t)data != size)
		return EINVAL;
	memset(&u, 0, sizeof(u));
	if (copyin_ && (error = copyin(addr, &u, size)) != 0)
		return error;
	if (kstate)
		error = ptrace_kstate(p, req, pid, &u);
	else
		error = ptrace_ustate(p, req, pid, &u, data, retval);
	/* PT_IO reports how far it got even when it failed part way. */
	if (copyout_ && (error == 0 || req == PT_IO)) {
		int error2 = copyout(&u, addr, size);

		if (error == 0)
			error = error2;
	}
	return error;
}

/*
 * May tracer pr act on tr now?  tr must be traced by pr (EPERM if not
 * traced at all, EBUSY if by someone else); with needstop, tr must be
 * stopped for it and pr's wait4 must have seen the stop (EBUSY).
 */
static int
process_checktracestate(struct process *pr, struct process *tr,
    int needstop)
{
	if ((tr->ps_flags & PS_TRACED) == 0)
		return EPERM;
	if (tr->ps_pptr != pr)
		return EBUSY;
	if (tr->ps_flags & PS_INEXEC)
		return EAGAIN;
	if (needstop && (tr->ps_trapped == NULL ||
	    (tr->ps_flags & (PS_STOPPED | PS_WAITED)) !=
	    (PS_STOPPED | PS_WAITED) || tr->ps_trapped->p_stat != SSTOP))
		return EBUSY;
	return 0;
}

/*
 * May p read and write tr's memory and registers?  Another user's or a
 * set-id process only for root; init never (securelevel 0).
 */
static int
process_checkioperm(struct proc *p, struct process *tr)
{
	int error;

	if ((tr->ps_ucred->cr_ruid != p->p_ucred->cr_ruid ||
	    (tr->ps_flags & (PS_SUGID | PS_SUGIDEXEC))) &&
	    (error = suser(p)) != 0)
		return error;
	if (tr->ps_pid == 1)
		return EPERM;
	if (tr->ps_flags & PS_INEXEC)
		return EAGAIN;
	return 0;
}

/*
 * PT_ATTACH's checks, in OpenBSD's order: not oneself (EINVAL), not a
 * system process (EPERM), not one already traced (EBUSY), another
 * user's or a set-id one, or one that is not p's descendant, only for
 * root (EPERM), never init (EPERM), never p's own ancestor (EINVAL).
 */
static int
ptrace_attach_check(struct proc *p, struct process *tr)
{
	struct process *pr = p->p_p;
	int error;

	if (tr == pr)
		return EINVAL;
	if (tr->ps_flags & PS_SYSTEM)
		return EPERM;
	if (tr->ps_flags & PS_TRACED)
		return EBUSY;
	if (tr->ps_flags & PS_INEXEC)
		return EAGAIN;
	if ((tr->ps_ucred->cr_ruid != p->p_ucred->cr_ruid ||
	    (tr->ps_flags & (PS_SUGID | PS_SUGIDEXEC))) &&
	    (error = suser(p)) != 0)
		return error;
	if (global_ptrace == 0 && !inferior(tr, pr) &&
	    (error = suser(p)) != 0)
		return error;
	if (tr->ps_pid == 1)
		return EPERM;
	if (inferior(pr, tr))
		return EINVAL;
	return 0;
}

/*
 * Start tracing tr for its current parent (PT_TRACE_ME) or for the
 * process tracer (PT_ATTACH, which reparents tr to it).  The real parent
 * is remembered in ps_oppid and keeps tr on its orphan list, so that it
 * gets tr back on detach or at tr's exit.  ptstat is a zeroed
 * ptrace_state the caller allocated, used unless tr has one.
 */
static void
process_trace(struct process *tr, struct process *tracer,
    struct ptrace_state **ptstat)
{
	atomic_setbits_int(&tr->ps_flags, PS_TRACED);
	tr->ps_oppid = tr->ps_pptr->ps_pid;
	if (tracer != NULL)
		process_reparent(tr, tracer);
	if (tr->ps_ptstat == NULL) {
		tr->ps_ptstat = *ptstat;
		*ptstat = NULL;
	}
	memset(tr->ps_ptstat, 0, sizeof(*tr->ps_ptstat));
}

/*
 * Stop tracing pr: give it back to its real parent, or init if that has
 * gone (or is the tracer itself, which then simply stops tracing).
 * => called by PT_DETACH and by the tracer's exit (kern_exit.c)
 */
void
process_untrace(struct process *pr)
{
	struct process *ppr = NULL;
	pid_t oppid = pr->ps_oppid;

	atomic_clearbits_int(&pr->ps_flags, PS_TRACED);
	pr->ps_oppid = 0;
	if (oppid != 0 && oppid != pr->ps_pptr->ps_pid)
		ppr = prfind(oppid);
	if (ppr == NULL)
		ppr = oppid == pr->ps_pptr->ps_pid ? pr->ps_pptr :
		    initproc != NULL ? initproc->p_p : &process0;
	process_reparent(pr, ppr);
}

/*
 * Let the stopped tracee tr go on, acting on signal sig (0: none) as
 * though it had stopped for that one.  Its ptrace event is over.
 */
static void
ptrace_resume(struct process *tr, int sig)
{
	memset(tr->ps_ptstat, 0, sizeof(*tr->ps_ptstat));
	tr->ps_xsig = sig;
	proc_continue(tr, 0);
}

/*
 * The requests that start, stop and resume tracing.  All but
 * PT_TRACE_ME and PT_ATTACH need tr stopped for the caller, and data
 * a signal number (PT_KILL's data is ignored).
 */
static int
ptrace_ctrl(struct proc *p, int req, pid_t pid, caddr_t addr, int data)
{
	struct ptrace_state *ptstat = NULL;
	struct process *tr;
	struct proc *t;
	int error = 0;

	if (req == PT_TRACE_ME || req == PT_ATTACH)
		ptstat = malloc(sizeof(*ptstat), M_SUBPROC,
		    M_WAITOK | M_ZERO);
	if (req == PT_TRACE_ME) {
		tr = p->p_p;
		if (tr->ps_flags & PS_TRACED)
			error = EBUSY;
		else
			process_trace(tr, NULL, &ptstat);
		goto out;
	}
	if ((tr = prfind(pid)) == NULL) {
		error = ESRCH;
		goto out;
	}
	if (req == PT_ATTACH) {
		if ((error = ptrace_attach_check(p, tr)) != 0)
			goto out;
		process_trace(tr, p->p_p, &ptstat);
		/* A job-control stop gives way to the tracer's SIGSTOP. */
		if (tr->ps_flags & PS_STOPPED)
			proc_continue(tr, 0);
		prsignal(tr, SIGSTOP);
		goto out;
	}
	if (req != PT_KILL && (data < 0 || data >= NSIG)) {
		error = EINVAL;
		goto out;
	}
	if ((error = process_checktracestate(p->p_p, tr, 1)) != 0)
		goto out;
	t = tr->ps_trapped;

	switch (req) {
	case PT_CONTINUE:
	case PT_STEP:
		if (addr != (caddr_t)1 &&
		    (error = process_set_pc(t, addr)) != 0)
			break;
		if ((error = process_sstep(t, req == PT_STEP)) != 0)
			break;
		ptrace_resume(tr, data);
		break;
	case PT_DETACH:
		if ((error = process_sstep(t, 0)) != 0)
			break;
		process_untrace(tr);
		atomic_clearbits_int(&tr->ps_flags, PS_WAITED);
		ptrace_resume(tr, data);
		break;
	case PT_KILL:
		ptrace_resume(tr, SIGKILL);
		break;
	}
out:
	free(ptstat, M_SUBPROC, sizeof(*ptstat));
	return error;
}

/* tr's thread after tid (with first: its first one); NULL at the end. */
static struct proc *
ptrace_thread_next(struct process *tr, int first, pid_t tid, int *error)
{
	struct proc *t;

	*error = 0;
	if (first)
		return TAILQ_FIRST(&tr->ps_threads);
	if (tid <= THREAD_PID_OFFSET ||
	    (t = tfind(tid - THREAD_PID_OFFSET)) == NULL ||
	    (t->p_flag & P_WEXIT)) {
		*error = ESRCH;
		return NULL;
	}
	if (t->p_p != tr) {
		*error = EINVAL;
		return NULL;
	}
	return TAILQ_NEXT(t, p_thr_link);
}

/*
 * The requests on tr's tracing state: its event mask, the last event,
 * its threads.  tr must be traced by the caller; stopped or not.
 */
static int
ptrace_kstate(struct proc *p, int req, pid_t pid, void *buf)
{
	struct process *tr;
	struct proc *t;
	int error;

	if ((tr = prfind(pid)) == NULL)
		return ESRCH;
	if ((error = process_checktracestate(p->p_p, tr, 0)) != 0)
		return error;

	switch (req) {
	case PT_SET_EVENT_MASK:
		tr->ps_ptmask = ((struct ptrace_event *)buf)->pe_set_event;
		return 0;
	case PT_GET_EVENT_MASK:
		((struct ptrace_event *)buf)->pe_set_event = tr->ps_ptmask;
		return 0;
	case PT_GET_PROCESS_STATE: {
		struct ptrace_state *ps = buf;

		*ps = *tr->ps_ptstat;
		ps->pe_tid = tr->ps_trapped != NULL ?
		    tr->ps_trapped->p_tid + THREAD_PID_OFFSET : 0;
		return 0;
	}
	case PT_GET_THREAD_FIRST:
	case PT_GET_THREAD_NEXT: {
		struct ptrace_thread_state *pts = buf;

		t = ptrace_thread_next(tr, req == PT_GET_THREAD_FIRST,
		    pts->pts_tid, &error);
		if (error != 0)
			return error;
		pts->pts_tid = t != NULL ? t->p_tid + THREAD_PID_OFFSET : -1;
		return 0;
	}
	}
	return EINVAL;
}

/*
 * Move len bytes between the kernel buffer kbuf and the tracee tr's
 * address va, in its own address space: a read (PT_READ_*, PIOD_READ_*)
 * or a write (PT_WRITE_*, PIOD_WRITE_*), a text write making the page
 * the tracee's private copy (uvm_io's UVM_IO_FIXPROT).  *done gets the
 * bytes moved.  EFAULT for an address the tracee has not mapped for
 * that (or a tracee on its way out).
 */
int
process_domem(struct proc *curp, struct process *tr, vaddr_t va,
    void *kbuf, size_t len, int req, size_t *done)
{
	struct vmspace *vm = tr->ps_vmspace;
	int error, flags = 0;

	*done = 0;
	if ((error = process_checkioperm(curp, tr)) != 0)
		return error;
	if ((tr->ps_flags & PS_EXITING) || vm == NULL)
		return EFAULT;
	if (req == PT_WRITE_I || req == PT_WRITE_D)
		flags = UVM_IO_WRITE | UVM_IO_FIXPROT;
	vm->vm_refcnt++;		/* uvmspace_share's reference */
	error = uvm_io(&vm->vm_map, va, kbuf, len, flags, done);
	uvmspace_free(vm);
	return error;
}

/*
 * PT_IO: piod_len bytes at the tracee's piod_offs to or from the
 * tracer's piod_addr, a page at a time through a kernel buffer.
 * piod_len comes back as the bytes moved.
 */
static int
ptrace_io(struct proc *p, struct process *tr, struct ptrace_io_desc *piod)
{
	vaddr_t va = (vaddr_t)piod->piod_offs;
	char *uaddr = piod->piod_addr, *kbuf;
	size_t len = piod->piod_len, n, done = 0, moved;
	int req, error = 0;

	switch (piod->piod_op) {
	case PIOD_READ_I:
		req = PT_READ_I;
		break;
	case PIOD_READ_D:
		req = PT_READ_D;
		break;
	case PIOD_WRITE_I:
		req = PT_WRITE_I;
		break;
	case PIOD_WRITE_D:
		req = PT_WRITE_D;
		break;
	default:
		return EINVAL;
	}
	kbuf = malloc(PAGE_SIZE, M_TEMP, M_WAITOK);
	while (done < len && error == 0) {
		n = MIN(len - done, PAGE_SIZE - ((va + done) & PAGE_MASK));
		if (req == PT_WRITE_I || req == PT_WRITE_D) {
			if ((error = copyin(uaddr + done, kbuf, n)) != 0)
				break;
			error = process_domem(p, tr, va + done, kbuf, n, req,
			    &moved);
		} else {
			error = process_domem(p, tr, va + done, kbuf, n, req,
			    &moved);
			if (error == 0)
				error = copyout(kbuf, uaddr + done, n);
		}
		if (error == 0)
			done += moved;
	}
	free(kbuf, M_TEMP, PAGE_SIZE);
	piod->piod_len = done;
	return error;
}

/*
 * The requests on a stopped tracee's memory and registers: PT_READ_*
 * returns the int at addr as the result, PT_WRITE_* stores data there
 * (one int, any alignment); the rest use buf, which sys_ptrace copies.
 */
static int
ptrace_ustate(struct proc *p, int req, pid_t pid, void *buf, int data,
    register_t *retval)
{
	struct process *tr;
	struct proc *t;
	size_t done;
	int error, temp;

	if ((tr = prfind(pid)) == NULL)
		return ESRCH;
	if ((error = process_checktracestate(p->p_p, tr, 1)) != 0)
		return error;
	if ((error = process_checkioperm(p, tr)) != 0)
		return error;
	t = tr->ps_trapped;

	switch (req) {
	case PT_READ_I:
	case PT_READ_D:
		error = process_domem(p, tr, (vaddr_t)buf, &temp,
		    sizeof(temp), req, &done);
		if (error == 0)
			*retval = temp;
		return error;
	case PT_WRITE_I:
	case PT_WRITE_D:
		temp = data;
		return process_domem(p, tr, (vaddr_t)buf, &temp,
		    sizeof(temp), req, &done);
	case PT_IO:
		return ptrace_io(p, tr, buf);
	case PT_GETREGS:
		return process_read_regs(t, buf);
	case PT_SETREGS:
		return process_write_regs(t, buf);
	case PT_GETFPREGS:
		return process_read_fpregs(t, buf);
	case PT_SETFPREGS:
		return process_write_fpregs(t, buf);
	}
	return EINVAL;
}
