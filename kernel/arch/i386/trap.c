/*
 * kernel/arch/i386/trap.c: what happens after vector.asm has built a trap
 * frame.
 *
 * trap() sends IRQs to intr_dispatch() and page faults on user addresses
 * to uvm_fault() (or, inside copyin/copyout, to the pcb_onfault recovery).
 * A trap from ring 3 that cannot be resolved ends the user code with a
 * console message (trap_user); the kernel lives on.  Any other exception
 * in the kernel is fatal, unless a self-test armed ktest_catch() for it,
 * and the panic shows the trap, the registers, CR2 for a page fault, and a
 * backtrace from the faulting instruction:
 *
 *   fatal page fault (#PF) in kernel mode
 *   trap type 14 code 0x2 eip 0xc0103913 <ktest_crash+0x33> cs 0x8 ...
 *   cr2 0x00000000
 *   eax ... (the registers)
 *   panic: page fault (#PF) in kernel mode at <ktest_crash+0x33>: write
 *       of 0x00000000, page not present
 *   backtrace:
 *     #0 0xc0103913 <ktest_crash+0x33>
 *     #1 ...
 *
 * trap_doublefault() runs as its own task (see gdt.c and vector.asm).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/reboot.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/trap.h>
#include <machine/psl.h>
#include <machine/intr.h>
#include <machine/segments.h>
#include <machine/tss.h>
#include <machine/db_machdep.h>
#include <machine/pcb.h>
#include <machine/usermode.h>
#include <sys/errno.h>
#include <machine/param.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/signalvar.h>
#include <sys/syscall.h>
#include <machine/cpu.h>

void	trap(struct trapframe *);
void	syscall(struct trapframe *);
static void trap_ast(void);
static void trap_exit(struct proc *, int) __dead;
void	trap_doublefault(void);

static const char *const trap_names[T_NEXCEPT] = {
	[T_DIVIDE] = "divide error (#DE)",
	[T_TRCTRAP] = "debug trap (#DB)",
	[T_NMI] = "non-maskable interrupt",
	[T_BPTFLT] = "breakpoint (#BP)",
	[T_OFLOW] = "overflow (#OF)",
	[T_BOUND] = "bound range exceeded (#BR)",
	[T_PRIVINFLT] = "invalid opcode (#UD)",
	[T_DNA] = "FPU not available (#NM)",
	[T_DOUBLEFLT] = "double fault (#DF)",
	[T_FPOPFLT] = "coprocessor segment overrun",
	[T_TSSFLT] = "invalid TSS (#TS)",
	[T_SEGNPFLT] = "segment not present (#NP)",
	[T_STKFLT] = "stack fault (#SS)",
	[T_PROTFLT] = "general protection fault (#GP)",
	[T_PAGEFLT] = "page fault (#PF)",
	[T_ARITHTRAP] = "FPU error (#MF)",
	[T_ALIGNFLT] = "alignment check (#AC)",
	[T_MACHK] = "machine check (#MC)",
	[T_XFTRAP] = "SIMD exception (#XM)",
};

const char *
trap_name(int trapno)
{
	if (trapno >= 0 && trapno < T_NEXCEPT && trap_names[trapno] != NULL)
		return trap_names[trapno];
	return "reserved trap";
}

/*
 * One sentence about a trap: what, where, and for a page fault the
 * address and kind of access.
 */
void
trap_describe(char *buf, size_t size, int trapno, int err, vaddr_t eip,
    int usermode, vaddr_t cr2)
{
	char where[64];
	int n;

	db_format_pc(where, sizeof(where), eip);
	n = snprintf(buf, size, "%s in %s mode at %s", trap_name(trapno),
	    usermode ? "user" : "kernel", where);
	if (trapno == T_PAGEFLT && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - n, ": %s of 0x%08lx, %s",
		    (err & PGEX_W) ? "write" : "read", cr2,
		    (err & PGEX_P) ? "protection violation" :
		    "page not present");
	else if (err != 0 && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - n, ", error code 0x%x", err);
}

/* The register dump of a fatal trap. */
static void
trap_print_frame(const struct trapframe *tf, vaddr_t cr2)
{
	char where[64];
	/* A trap without a ring change pushes no esp: it was where the frame
	 * ends.  A double fault's frame is rebuilt from the TSS, esp too. */
	vaddr_t esp = TRAPF_USERMODE(tf) || tf->tf_trapno == T_DOUBLEFLT ?
	    (vaddr_t)tf->tf_esp : (vaddr_t)&tf->tf_esp;

	db_format_pc(where, sizeof(where), tf->tf_eip);
	printf("trap type %d code 0x%x eip 0x%08x %s cs 0x%x eflags 0x%x\n",
	    tf->tf_trapno, tf->tf_err, tf->tf_eip, where, tf->tf_cs,
	    tf->tf_eflags);
	if (tf->tf_trapno == T_PAGEFLT)
		printf("cr2 0x%08lx\n", cr2);
	printf("eax 0x%08x ebx 0x%08x ecx 0x%08x edx 0x%08x\n",
	    tf->tf_eax, tf->tf_ebx, tf->tf_ecx, tf->tf_edx);
	printf("esi 0x%08x edi 0x%08x ebp 0x%08x esp 0x%08lx\n",
	    tf->tf_esi, tf->tf_edi, tf->tf_ebp, esp);
	printf("ds 0x%x es 0x%x fs 0x%x gs 0x%x cr0 0x%08x cr3 0x%08x\n",
	    tf->tf_ds & 0xffff, tf->tf_es & 0xffff, tf->tf_fs & 0xffff,
	    tf->tf_gs & 0xffff, rcr0(), rcr3());
}

/*
 * Hand a trap to the self-test that armed ktest_catch() for it: record it
 * and resume at the catch.  Returns only if no test is waiting.
 */
static void
trap_to_ktest(const struct trapframe *tf, vaddr_t cr2)
{
	struct ktest_trap *kt = ktest_catch_take();

	if (kt == NULL)
		return;
	kt->kt_trapno = tf->tf_trapno;
	kt->kt_err = tf->tf_err;
	kt->kt_eip = tf->tf_eip;
	kt->kt_cr2 = cr2;
	trap_describe(kt->kt_report, sizeof(kt->kt_report), tf->tf_trapno,
	    tf->tf_err, tf->tf_eip, TRAPF_USERMODE(tf), cr2);
	if (kt->kt_eflags & PSL_I)
		enable_intr();
	longjmp(&kt->kt_label);
}

static void __dead
trap_fatal(struct trapframe *tf, vaddr_t cr2)
{
	char why[160];

	trap_describe(why, sizeof(why), tf->tf_trapno, tf->tf_err,
	    tf->tf_eip, TRAPF_USERMODE(tf), cr2);
	printf("\nfatal %s in %s mode\n", trap_name(tf->tf_trapno),
	    TRAPF_USERMODE(tf) ? "user" : "kernel");
	trap_print_frame(tf, cr2);
	db_panic_from(tf->tf_eip, tf->tf_ebp);
	panic("%s", why);
}

/*
 * A page fault on a user address goes to uvm_fault() for the current
 * address space; if it cannot be resolved and the kernel was inside
 * copyin/copyout, execution resumes at pcb_onfault, which returns EFAULT.
 * Returns 1 when the fault is dealt with.
 * => interrupts back on if they were on before the fault: filling or
 *    copying a page takes a while.
 */
static int
trap_pagefault(struct trapframe *tf, vaddr_t cr2, int *errorp)
{
	vm_prot_t access = (tf->tf_err & PGEX_W) ? PROT_WRITE : PROT_READ;

	if (tf->tf_eflags & PSL_I)
		enable_intr();
	*errorp = EFAULT;
	if (cr2 < VM_MAXUSER_ADDRESS && curvmspace != NULL &&
	    (*errorp = uvm_fault(&curvmspace->vm_map, cr2, access)) == 0)
		return 1;
	if (!TRAPF_USERMODE(tf) && curpcb->pcb_onfault != NULL) {
		tf->tf_eip = (int)curpcb->pcb_onfault;
		return 1;
	}
	disable_intr();
	return 0;
}

/* The signal a trap from user mode means (OpenBSD's i386 trap.c). */
static int
trap_signal(int trapno)
{
	switch (trapno) {
	case T_BPTFLT:
	case T_TRCTRAP:
		return SIGTRAP;
	case T_PRIVINFLT:
		return SIGILL;
	case T_DIVIDE:
	case T_OFLOW:
	case T_ARITHTRAP:
	case T_XFTRAP:
		return SIGFPE;
	case T_BOUND:
	case T_SEGNPFLT:
	case T_STKFLT:
	case T_ALIGNFLT:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

/* Its siginfo's si_code (OpenBSD's i386 trap.c picks the same). */
static int
trap_sicode(const struct trapframe *tf)
{
	switch (tf->tf_trapno) {
	case T_BPTFLT:
		return TRAP_BRKPT;
	case T_TRCTRAP:
		return TRAP_TRACE;
	case T_PRIVINFLT:
		return ILL_ILLOPC;
	case T_DIVIDE:
		return FPE_INTDIV;
	case T_OFLOW:
		return FPE_INTOVF;
	case T_ARITHTRAP:
	case T_XFTRAP:
		return FPE_FLTINV;
	case T_ALIGNFLT:
		return BUS_ADRALN;
	case T_BOUND:
	case T_SEGNPFLT:
	case T_STKFLT:
		return BUS_OBJERR;
	case T_PAGEFLT:
		return (tf->tf_err & PGEX_P) ? SEGV_ACCERR : SEGV_MAPERR;
	default:
		return SEGV_ACCERR;	/* #GP: a protection fault */
	}
}

/*
 * A trap from ring 3 the kernel cannot resolve is the signal it means
 * (SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP) for the process, never the
 * kernel's end: a handler catches it (trapsignal), a traced process
 * stops for its tracer on the way out (a breakpoint, #BP, and a single
 * step, #DB, are SIGTRAP); otherwise say why on the console and end the
 * process, killed by that signal.  int3 under cpu_run_user() is how the
 * scaffolding's user code says it is done.
 */
static void
trap_user(struct trapframe *tf, vaddr_t cr2, int error)
{
	char why[160], what[64];
	const char *cause = "";
	int sig = trap_signal(tf->tf_trapno);

	if (tf->tf_trapno == T_BPTFLT && cpu_user_active())
		cpu_user_exit(0, NULL);
	if (!cpu_user_active() && curproc != NULL) {
		union sigval sv;

		/* si_addr: the address a page fault was for, else the eip. */
		sv.sival_ptr = (void *)(tf->tf_trapno == T_PAGEFLT ? cr2 :
		    (vaddr_t)tf->tf_eip);
		enable_intr();
		sig = trapsignal(curproc, sig, tf->tf_trapno, trap_sicode(tf),
		    sv);
		disable_intr();
		if (sig == 0)		/* a handler or the tracer has it */
			return;
	}
	if (tf->tf_trapno == T_PAGEFLT)
		cause = error == ENOMEM ? "out of memory" :
		    error == EACCES || (tf->tf_err & PGEX_P) ?
		    "protection violation" : "no mapping";
	if (tf->tf_trapno == T_PAGEFLT)
		snprintf(what, sizeof(what), "%s of 0x%08lx, %s",
		    (tf->tf_err & PGEX_W) ? "write" : "read", cr2, cause);
	else
		snprintf(what, sizeof(what), "error code 0x%x", tf->tf_err);
	snprintf(why, sizeof(why), "user %s at eip 0x%08x: %s",
	    trap_name(tf->tf_trapno), tf->tf_eip, what);
	if (cpu_user_active()) {
		printf("\033[1;31m%s; the process is ended\033[0m\n", why);
		cpu_user_exit(-1, why);
	}
	printf("\033[1;31mpid %d (%s): %s; the process is ended\033[0m\n",
	    curproc->p_p->ps_pid, curproc->p_p->ps_comm, why);
	trap_exit(curproc, sig);
}

/*
 * End p's process, killed by sig: every thread of it (exit1 single-
 * threads it first).
 */
static void __dead
trap_exit(struct proc *p, int sig)
{
	enable_intr();
	KERNEL_LOCK();
	exit1(p, 0, sig, EXIT_NORMAL);
}

/*
 * The C side of every IDT entry but the double fault.
 * => called by alltraps with interrupts off (interrupt gates).
 */
void
trap(struct trapframe *tf)
{
	vaddr_t cr2;
	int error = 0;

	if (tf->tf_trapno >= ICU_OFFSET) {
		intr_dispatch(tf);
		goto out;
	}
	if (tf->tf_trapno == T_DNA && npxdna())
		goto out;
	cr2 = rcr2();
	if (tf->tf_trapno == T_PAGEFLT && trap_pagefault(tf, cr2, &error))
		goto out;
	if (TRAPF_USERMODE(tf)) {
		trap_user(tf, cr2, error);
		goto out;
	}
	trap_to_ktest(tf, cr2);
	trap_fatal(tf, cr2);
out:
	if (TRAPF_USERMODE(tf))
		trap_ast();
}

/*
 * Has trap_ast() anything to do for p?  Inline: most system calls return
 * with nothing, and this costs them a few instructions, not a call.
 */
static inline int
trap_ast_pending(struct proc *p)
{
	return p->p_md.md_astpending || (p->p_siglist |
	    p->p_p->ps_siglist) != 0 || (p->p_p->ps_flags & PS_USERRET);
}

/*
 * On the way back to user mode: if the clock or a wakeup asked for a
 * switch (need_resched set the AST), give up the CPU here, where the
 * thread holds nothing.  This is where user code is preempted.
 */
static void
trap_ast(void)
{
	struct proc *p = curproc;
	int sig;

	while (p != NULL && p->p_md.md_astpending) {
		p->p_md.md_astpending = 0;
		if (want_resched(curcpu()))
			preempt();
	}
	/*
	 * Signals, on the way back to user mode (OpenBSD's userret): a
	 * sibling single-threading the process comes first (p exits, or
	 * holds still until it is done); then a signal whose default action
	 * ends the process ends it, a stop stops it (and once continued,
	 * everything is looked at again), and caught ones get their
	 * handlers' frames.
	 */
	if (p == NULL || ((p->p_siglist | p->p_p->ps_siglist) == 0 &&
	    (p->p_p->ps_flags & PS_USERRET) == 0) || cpu_user_active())
		return;
	for (;;) {
		single_thread_check(p, 0);
		if ((sig = sig_default_kill(p)) != 0)
			trap_exit(p, sig);
		if (sig_stop_check(p))
			continue;
		if ((sig = sig_ptrace_check(p)) > 0)
			trap_exit(p, sig);
		if (sig < 0)
			continue;
		if ((sig = sig_next_caught(p)) == 0)
			break;
		postsig(p, sig);
	}
}

/* The test that caught a double fault, for df_resume() below. */
static struct ktest_trap *df_caught;

/* Runs in the faulting task after the double-fault task returns to it. */
static void __dead
df_resume(void)
{
	struct ktest_trap *kt = df_caught;

	df_caught = NULL;
	if (kt->kt_eflags & PSL_I)
		enable_intr();
	longjmp(&kt->kt_label);
}

/* Rebuild a trap frame from the registers a task switch saved in a TSS. */
static void
tss_to_frame(const struct i386tss *tss, struct trapframe *tf)
{
	memset(tf, 0, sizeof(*tf));
	tf->tf_trapno = T_DOUBLEFLT;
	tf->tf_eip = tss->tss_eip;
	tf->tf_cs = tss->tss_cs;
	tf->tf_eflags = tss->tss_eflags;
	tf->tf_eax = tss->tss_eax;
	tf->tf_ebx = tss->tss_ebx;
	tf->tf_ecx = tss->tss_ecx;
	tf->tf_edx = tss->tss_edx;
	tf->tf_esi = tss->tss_esi;
	tf->tf_edi = tss->tss_edi;
	tf->tf_ebp = tss->tss_ebp;
	tf->tf_esp = tss->tss_esp;
	tf->tf_ss = tss->tss_ss;
	tf->tf_ds = tss->tss_ds;
	tf->tf_es = tss->tss_es;
	tf->tf_fs = tss->tss_fs;
	tf->tf_gs = tss->tss_gs;
}

/*
 * The double-fault task.  The CPU saved the faulting context in the TSS
 * our back link names; report it (or hand it to a self-test, by making
 * that context resume in df_resume()).
 * => runs on df_stack with interrupts off; returns only to a self-test.
 */
void
trap_doublefault(void)
{
	struct i386tss *old = tss_of_selector(df_tss.__tss_link);
	struct ktest_trap *kt = ktest_catch_take();
	struct trapframe tf;

	if (kt != NULL) {
		kt->kt_trapno = T_DOUBLEFLT;
		kt->kt_err = 0;
		kt->kt_eip = old->tss_eip;
		kt->kt_cr2 = rcr2();
		trap_describe(kt->kt_report, sizeof(kt->kt_report),
		    T_DOUBLEFLT, 0, old->tss_eip, 0, 0);
		df_caught = kt;
		old->tss_eip = (uint32_t)df_resume;
		/* The faulting stack may be gone (an overflow into a guard
		 * page): df_resume runs just below the catch's own frame. */
		old->tss_esp = kt->kt_label.val[1] - 64;
		return;
	}
	tss_to_frame(old, &tf);
	printf("\nfatal double fault (#DF): the kernel stack may be gone\n");
	trap_print_frame(&tf, rcr2());
	db_panic_from(tf.tf_eip, tf.tf_ebp);
	panic("double fault (#DF) at 0x%08x, esp 0x%08x", tf.tf_eip,
	    tf.tf_esp);
}

/*
 * A forked child's first C function (fork1's func for fork and vfork):
 * it returns 0 from fork in the child, and proc_trampoline then leaves the
 * kernel through the trap frame cpu_fork copied from the parent.
 * => from proc_trampoline, kernel lock held (proc_trampoline_mi took it).
 */
void
child_return(void *arg)
{
	struct proc *p = arg;
	struct trapframe *tf = p->p_md.md_regs;

	KASSERT(TRAPF_USERMODE(tf));
	tf->tf_eax = 0;
	tf->tf_eflags &= ~PSL_C;
	KERNEL_UNLOCK();
	trap_ast();
}

/*
 * A system call: int $0x80 from ring 3, OpenBSD/i386's convention.  The
 * number is in %eax; the arguments are 32-bit words on the user stack,
 * above the return address of the libc stub that trapped.  On success
 * %eax (and %edx) hold the results and the carry flag is clear; on error
 * %eax holds the errno and the carry flag is set, which the stub turns
 * into errno and -1.
 *
 *   user stack at the trap:  [esp] stub's return address
 *                            [esp+4] first argument, [esp+8] second ...
 *
 * Calls marked NOLOCK in syscalls.master (getpid and the like, as in
 * OpenBSD) run without the kernel lock.
 * => from Xsyscall (vector.asm) with interrupts off; the call runs with
 *    them on.
 */
void
syscall(struct trapframe *tf)
{
	struct proc *p = curproc;
	const struct sysent *callp;
	register_t code = tf->tf_eax, rval[2], args[8];
	int error;

	if (!TRAPF_USERMODE(tf)) {	/* the kernel never does that */
		trap(tf);
		return;
	}
	p->p_md.md_regs = tf;
	enable_intr();
	if (code <= 0 || code >= SYS_MAXSYSCALL ||
	    sysent[code].sy_call == NULL) {
		error = ENOSYS;
		goto done;
	}
	callp = &sysent[code];
	KASSERT(callp->sy_argsize <= (int)sizeof(args));
	if (callp->sy_argsize != 0 && (error = copyin((void *)(tf->tf_esp +
	    sizeof(int)), args, callp->sy_argsize)) != 0)
		goto done;
	rval[0] = 0;
	rval[1] = tf->tf_edx;
	if (callp->sy_flags & SY_NOLOCK)
		error = callp->sy_call(p, args, rval);
	else {
		KERNEL_LOCK();
		error = callp->sy_call(p, args, rval);
		KERNEL_UNLOCK();
	}
done:
	switch (error) {
	case 0:
		tf->tf_eax = rval[0];
		tf->tf_edx = rval[1];
		tf->tf_eflags &= ~PSL_C;
		break;
	case ERESTART:
		tf->tf_eip -= 2;	/* int $0x80 again */
		break;
	case EJUSTRETURN:
		break;
	default:
		tf->tf_eax = error;
		tf->tf_eflags |= PSL_C;
		break;
	}
	disable_intr();
	if (trap_ast_pending(p))
		trap_ast();
}
