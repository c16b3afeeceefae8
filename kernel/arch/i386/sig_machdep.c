/*
 * kernel/arch/i386/sig_machdep.c: signal frames on i386 (OpenBSD's
 * sendsig and sys_sigreturn in machdep.c).
 *
 *   interrupted user stack        after sendsig            after sigreturn
 *   ...                           ...                      ...
 *   esp ->  [data]                [data]                   esp -> [data]
 *                                 struct sigframe:
 *                                   sf_sc: the registers
 *                                   sf_handler
 *                                   sf_scp, sf_sip, sf_signum
 *                        esp ->   (eip = the signal code)
 *
 * The signal code (sigcode.asm, mapped by exec) calls the handler and
 * then sigreturn(&sf_sc), which checks the frame's cookie and puts the
 * registers and the mask back.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <machine/signal.h>

/* Flags user code may not change through a signal frame. */
#define PSL_USERSTATIC	(PSL_I | PSL_IOPL | PSL_NT | PSL_VM | 0xfff80000 | \
			    PSL_MBO)

/*
 * Send sig to p's handler: build a struct sigframe below the interrupted
 * stack and make the trap frame enter the signal code with it.  mask is
 * the mask to restore on sigreturn.  A frame that cannot be written (a
 * bad stack) ends the process with SIGILL, as OpenBSD does.
 * => p is curproc, on its way back to user mode.
 */
void
sendsig(struct proc *p, int sig, sigset_t mask, sig_t handler,
    const siginfo_t *si)
{
	struct trapframe *tf = p->p_md.md_regs;
	struct process *pr = p->p_p;
	struct sigframe frame, *fp;

	fp = (struct sigframe *)(((vaddr_t)tf->tf_esp - sizeof(frame)) &
	    ~(vaddr_t)15);
	memset(&frame, 0, sizeof(frame));
	frame.sf_signum = sig;
	frame.sf_scp = &fp->sf_sc;
	frame.sf_handler = handler;
	if (si != NULL) {
		frame.sf_si = *si;
		frame.sf_sip = &fp->sf_si;
	}
	frame.sf_sc = (struct sigcontext){
		.sc_gs = tf->tf_gs, .sc_fs = tf->tf_fs, .sc_es = tf->tf_es,
		.sc_ds = tf->tf_ds, .sc_edi = tf->tf_edi, .sc_esi = tf->tf_esi,
		.sc_ebp = tf->tf_ebp, .sc_ebx = tf->tf_ebx,
		.sc_edx = tf->tf_edx, .sc_ecx = tf->tf_ecx,
		.sc_eax = tf->tf_eax, .sc_eip = tf->tf_eip,
		.sc_cs = tf->tf_cs, .sc_eflags = tf->tf_eflags,
		.sc_esp = tf->tf_esp, .sc_ss = tf->tf_ss,
		.sc_cookie = (long)&fp->sf_sc ^ pr->ps_sigcookie,
		.sc_mask = mask, .sc_trapno = tf->tf_trapno,
		.sc_err = tf->tf_err,
	};
	if (copyout(&frame, fp, sizeof(frame)) != 0) {
		printf("pid %d (%s): no room for a signal frame at 0x%08x\n",
		    pr->ps_pid, pr->ps_comm, tf->tf_esp);
		exit1(p, 0, SIGILL, EXIT_NORMAL);
	}
	tf->tf_eip = pr->ps_sigcode;
	tf->tf_esp = (int)fp;
	tf->tf_cs = GSEL(GUCODE_SEL, SEL_UPL);
	tf->tf_ds = tf->tf_es = tf->tf_ss = GSEL(GUDATA_SEL, SEL_UPL);
	tf->tf_eflags &= ~(PSL_T | PSL_D);
}

/*
 * sigreturn(2): resume the code a signal interrupted, from the context
 * in the frame.  The cookie must match (a forged frame is EFAULT, and a
 * frame is good once: its cookie is wiped), and the frame may not raise
 * privilege: user code and data selectors, no change to the system flags.
 */
int
sys_sigreturn(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_sigreturn_args /* {
		syscallarg(struct sigcontext *) sigcntxp;
	} */ *uap = v;
	struct sigcontext *scp = SCARG(uap, sigcntxp), ksc;
	struct trapframe *tf = p->p_md.md_regs;
	long zero = 0;
	int error;

	if ((error = copyin(scp, &ksc, sizeof(ksc))) != 0)
		return error;
	if ((ksc.sc_cookie ^ (long)scp) != (long)p->p_p->ps_sigcookie)
		return EFAULT;
	if (copyout(&zero, &scp->sc_cookie, sizeof(zero)) != 0)
		return EFAULT;
	if (((ksc.sc_eflags ^ tf->tf_eflags) & PSL_USERSTATIC) != 0 ||
	    !user_sel_ok(ksc.sc_cs, GUCODE_SEL, 0) ||
	    !user_sel_ok(ksc.sc_ss, GUDATA_SEL, 0) ||
	    !user_sel_ok(ksc.sc_ds, GUDATA_SEL, 1) ||
	    !user_sel_ok(ksc.sc_es, GUDATA_SEL, 1) ||
	    !user_sel_ok(ksc.sc_fs, GUFS_SEL, 1) ||
	    !user_sel_ok(ksc.sc_gs, GUGS_SEL, 1))
		return EINVAL;
	tf->tf_gs = ksc.sc_gs;
	tf->tf_fs = ksc.sc_fs;
	tf->tf_es = ksc.sc_es;
	tf->tf_ds = ksc.sc_ds;
	tf->tf_edi = ksc.sc_edi;
	tf->tf_esi = ksc.sc_esi;
	tf->tf_ebp = ksc.sc_ebp;
	tf->tf_ebx = ksc.sc_ebx;
	tf->tf_edx = ksc.sc_edx;
	tf->tf_ecx = ksc.sc_ecx;
	tf->tf_eax = ksc.sc_eax;
	tf->tf_eip = ksc.sc_eip;
	tf->tf_cs = ksc.sc_cs;
	tf->tf_eflags = ksc.sc_eflags;
	tf->tf_esp = ksc.sc_esp;
	tf->tf_ss = ksc.sc_ss;
	p->p_sigmask = ksc.sc_mask & ~sigcantmask;
	aston(p);		/* a signal it unblocks may be due */
	return EJUSTRETURN;
}
