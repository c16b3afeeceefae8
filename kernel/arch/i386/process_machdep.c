/*
 * kernel/arch/i386/process_machdep.c: the i386 half of ptrace(2)
 * (OpenBSD's arch/i386/i386/process_machdep.c, written afresh): a
 * stopped thread's registers as struct reg and struct fpreg
 * (<machine/reg.h>), single stepping with the trap flag, and setting
 * the pc.  kernel/sys_process.c calls these for PT_GETREGS, PT_SETREGS,
 * PT_GETFPREGS, PT_SETFPREGS, PT_STEP and PT_CONTINUE.
 *
 * A thread stopped for its tracer is inside the kernel on its way back
 * to user mode, so its user registers are the trap frame at the top of
 * its kernel stack (p_md.md_regs):
 *
 *   p_addr + USPACE -> +-----------+  struct reg <-> trapframe
 *                      | trapframe |  eax ecx edx ebx esp ebp esi edi
 *                      +-----------+  eip eflags cs ss ds es fs gs
 *                      | ...       |
 *   p_addr          -> | pcb       |  pcb_savefpu <-> struct fpreg
 *
 * and its FPU state is in its PCB unless it still owns the FPU
 * (fpcurproc), in which case it is saved there first.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/ptrace.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/frame.h>
#include <machine/pcb.h>
#include <machine/psl.h>
#include <machine/reg.h>
#include <machine/segments.h>


/*
 * eflags bits a tracer may not change: sig_machdep.c's PSL_USERSTATIC
 * and, beyond OpenBSD's, the interrupt flag (iret at CPL 0 would load
 * it, and user code would run with interrupts off).
 */
#define PSL_PTRACESTATIC \
	(PSL_IOPL | PSL_NT | PSL_VM | 0xfff80000 | PSL_MBO | PSL_I)

_Static_assert(sizeof(struct fpreg) >= sizeof(((struct save87 *)0)->sv_env) +
    sizeof(((struct save87 *)0)->sv_ac), "struct fpreg holds fnsave's image");

/* Read p's user registers.  => p is stopped (or curproc).  Returns 0. */
int
process_read_regs(struct proc *p, struct reg *regs)
{
	struct trapframe *tf = p->p_md.md_regs;

	regs->r_gs = tf->tf_gs & 0xffff;
	regs->r_fs = tf->tf_fs & 0xffff;
	regs->r_es = tf->tf_es & 0xffff;
	regs->r_ds = tf->tf_ds & 0xffff;
	regs->r_eflags = tf->tf_eflags;
	regs->r_edi = tf->tf_edi;
	regs->r_esi = tf->tf_esi;
	regs->r_ebp = tf->tf_ebp;
	regs->r_ebx = tf->tf_ebx;
	regs->r_edx = tf->tf_edx;
	regs->r_ecx = tf->tf_ecx;
	regs->r_eax = tf->tf_eax;
	regs->r_eip = tf->tf_eip;
	regs->r_cs = tf->tf_cs & 0xffff;
	regs->r_esp = tf->tf_esp;
	regs->r_ss = tf->tf_ss & 0xffff;
	return 0;
}

/*
 * Set p's user registers.  EINVAL, nothing changed, if regs would change
 * a privileged eflags bit or load a selector that is not a user one.
 * => p is stopped
 */
int
process_write_regs(struct proc *p, struct reg *regs)
{
	struct trapframe *tf = p->p_md.md_regs;

	if (((regs->r_eflags ^ tf->tf_eflags) & PSL_PTRACESTATIC) != 0 ||
	    !user_sel_ok(regs->r_cs, GUCODE_SEL, 0) ||
	    !user_sel_ok(regs->r_ss, GUDATA_SEL, 0) ||
	    !user_sel_ok(regs->r_ds, GUDATA_SEL, 1) ||
	    !user_sel_ok(regs->r_es, GUDATA_SEL, 1) ||
	    !user_sel_ok(regs->r_fs, GUFS_SEL, 1) ||
	    !user_sel_ok(regs->r_gs, GUGS_SEL, 1))
		return EINVAL;
	tf->tf_gs = regs->r_gs;
	tf->tf_fs = regs->r_fs;
	tf->tf_es = regs->r_es;
	tf->tf_ds = regs->r_ds;
	tf->tf_eflags = regs->r_eflags;
	tf->tf_edi = regs->r_edi;
	tf->tf_esi = regs->r_esi;
	tf->tf_ebp = regs->r_ebp;
	tf->tf_ebx = regs->r_ebx;
	tf->tf_edx = regs->r_edx;
	tf->tf_ecx = regs->r_ecx;
	tf->tf_eax = regs->r_eax;
	tf->tf_eip = regs->r_eip;
	tf->tf_cs = regs->r_cs;
	tf->tf_esp = regs->r_esp;
	tf->tf_ss = regs->r_ss;
	return 0;
}

/*
 * p's FPU state into its PCB: saved from the FPU if p still owns it,
 * or, for a thread that never used the FPU, the state fninit leaves
 * (control word 0x37f, every register empty), as OpenBSD fakes it.
 */
static struct save87 *
process_fpframe(struct proc *p)
{
	struct save87 *sv = &p->p_addr->u_pcb.pcb_savefpu;

	if (fpcurproc == p)
		npxsave_proc(p, 1);
	if ((p->p_md.md_flags & MDP_USEDFPU) == 0) {
		memset(sv, 0, sizeof(*sv));
		sv->sv_env[0] = 0xffff037f;	/* control word */
		sv->sv_env[2] = 0xffffffff;	/* tag word: all empty */
		p->p_md.md_flags |= MDP_USEDFPU;
	}
	return sv;
}

/* Read p's FPU registers: fnsave's 108-byte image, then zeroes. */
int
process_read_fpregs(struct proc *p, struct fpreg *regs)
{
	struct save87 *sv = process_fpframe(p);
	size_t n = sizeof(sv->sv_env) + sizeof(sv->sv_ac);

	memset(regs, 0, sizeof(*regs));
	memcpy(regs, sv, n);
	return 0;
}

/* Set p's FPU registers; frstor loads them at its next FPU use. */
int
process_write_fpregs(struct proc *p, struct fpreg *regs)
{
	struct save87 *sv = process_fpframe(p);

	memcpy(sv, regs, sizeof(sv->sv_env) + sizeof(sv->sv_ac));
	return 0;
}

/*
 * Single step p (sstep) or not: the trap flag in its user eflags.  One
 * instruction after the return to user mode the CPU raises #DB, which
 * trap.c turns into SIGTRAP for the traced thread.
 */
int
process_sstep(struct proc *p, int sstep)
{
	struct trapframe *tf = p->p_md.md_regs;

	if (sstep)
		tf->tf_eflags |= PSL_T;
	else
		tf->tf_eflags &= ~PSL_T;
	return 0;
}

/*
 * Make p resume at addr (PT_CONTINUE, PT_STEP with addr != 1).  Any
 * address will do: a bad one faults in user mode, where it belongs.
 */
int
process_set_pc(struct proc *p, caddr_t addr)
{
	p->p_md.md_regs->tf_eip = (int)addr;
	return 0;
}
