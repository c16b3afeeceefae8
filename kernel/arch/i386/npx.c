/*
 * kernel/arch/i386/npx.c: the FPU, switched lazily.
 *
 * A task switch sets CR0.TS, so the first FPU instruction a thread runs
 * after it was switched to traps with #NM (device not available).  Only
 * then does npxdna() move the FPU: it saves the registers of the thread
 * that last used it (fpcurproc) into that thread's PCB, and loads the
 * running thread's (or a fresh FPU state on its first use).  Threads that
 * never touch the FPU, which is every kernel thread (the kernel is built
 * with -mgeneral-regs-only), never pay for it.
 *
 *   thread A uses FPU        switch to B        B: fadd -> #NM
 *   FPU holds A's state  ->  CR0.TS = 1    ->   fnsave -> A's PCB,
 *   fpcurproc = A                               frstor B's PCB (or fninit),
 *                                               fpcurproc = B, clts
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/proc.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pcb.h>
#include <machine/specialreg.h>
#include <machine/intr.h>

struct proc *fpcurproc;		/* whose registers the FPU holds */
u_long	npx_nswitch;		/* states moved by npxdna, for tests */

/*
 * Set CR0 for a native FPU: MP so that wait/fwait honour TS, NE to
 * report FPU errors as #MF rather than through IRQ 13, EM off.
 * PORT: a 386 or 486SX with no FPU would need emulation (EM); Tine
 * requires an FPU, as every 486DX and later has.
 */
void
npxinit(void)
{
	lcr0((rcr0() & ~CR0_EM) | CR0_MP | CR0_NE);
	clts();
	fninit();
	lcr0(rcr0() | CR0_TS);
}

/*
 * Save p's FPU registers into its PCB (save) or just drop them, and
 * leave the FPU owned by nobody.
 * => p == fpcurproc.
 */
void
npxsave_proc(struct proc *p, int save)
{
	int s = splhigh();

	KASSERT(fpcurproc == p);
	clts();
	if (save) {
		fnsave(&p->p_addr->u_pcb.pcb_savefpu);
		fwait();
	} else
		fninit();
	fpcurproc = NULL;
	lcr0(rcr0() | CR0_TS);
	splx(s);
}

/*
 * #NM: the running thread wants the FPU.  Returns 1 when handled.
 * => from trap(), interrupts as the trap left them.
 */
int
npxdna(void)
{
	struct proc *p = curproc;
	int s;

	if (p == NULL)
		return 0;
	s = splhigh();
	clts();
	if (fpcurproc == p) {		/* TS set, but the state is ours */
		splx(s);
		return 1;
	}
	if (fpcurproc != NULL) {
		fnsave(&fpcurproc->p_addr->u_pcb.pcb_savefpu);
		fwait();
	}
	if (p->p_md.md_flags & MDP_USEDFPU)
		frstor(&p->p_addr->u_pcb.pcb_savefpu);
	else {
		fninit();
		p->p_md.md_flags |= MDP_USEDFPU;
	}
	fpcurproc = p;
	npx_nswitch++;
	splx(s);
	return 1;
}
