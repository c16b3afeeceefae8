/*
 * kernel/arch/i386/vm_machdep.c: the machine-dependent half of fork,
 * switch and exit: cpu_fork(), cpu_switchto(), cpu_exit().
 *
 * A thread is an i386 task.  cpu_fork() gives the child a TSS in its
 * PCB, a GDT descriptor for it, and a kernel stack arranged so that the
 * first switch to it starts proc_trampoline (switch.asm):
 *
 *   p_addr + USPACE ->  +-----------------------+ <- tss_esp0
 *                       | trapframe             |  copy of the parent's
 *                       |  (user registers)     |  user registers: what
 *                       +-----------------------+  child_return returns to
 *                       | arg                   |
 *   tss_esp ->          | func                  |  proc_trampoline pops
 *                       +-----------------------+
 *                       |  ... stack grows down |
 *   p_addr ->           | struct user (PCB+TSS) |
 *                       +-----------------------+
 *
 *   child TSS: eip = proc_trampoline, eflags = IF off, cs = kernel code,
 *   ds = es = ss = kernel data, cr3 = the child's page directory.
 *
 * cpu_switchto() then is bookkeeping and one far jmp (tss_jump).  The
 * FPU follows lazily (npx.c).  docs/task-switching.md has the long form.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <machine/tss.h>
#include <machine/tcb.h>

void	tss_jump(int sel);

/*
 * Fill p's TSS for a first run of func(arg) on its kernel stack, under
 * its own page tables.  Panics if the GDT has no TSS slot left (maxthread
 * keeps well below the 8183 slots, so that is a bug).
 */
static void
cpu_fork_tss(struct proc *p, struct trapframe *tf, void (*func)(void *),
    void *arg)
{
	struct i386tss *tss = &p->p_addr->u_pcb.pcb_tss;
	uint32_t *sp = (uint32_t *)tf;

	*--sp = (uint32_t)arg;
	*--sp = (uint32_t)func;

	memset(tss, 0, sizeof(*tss));
	tss->tss_esp0 = (uint32_t)p->p_addr + USPACE;
	tss->tss_ss0 = GSEL(GDATA_SEL, SEL_KPL);
	tss->tss_cr3 = pmap_pdirpa(p->p_vmspace->vm_map.pmap);
	tss->tss_eip = (uint32_t)proc_trampoline;
	tss->tss_eflags = PSL_MBO;		/* interrupts off, NT clear */
	tss->tss_esp = (uint32_t)sp;
	tss->tss_cs = GSEL(GCODE_SEL, SEL_KPL);
	tss->tss_ds = tss->tss_es = tss->tss_ss = GSEL(GDATA_SEL, SEL_KPL);
	tss->tss_ioopt = sizeof(*tss) << 16;	/* no I/O permission bitmap */

	p->p_md.md_tss_sel = tss_alloc(tss);
	if (p->p_md.md_tss_sel == 0)
		panic("cpu_fork: no TSS slot in the GDT");
}

/*
 * Finish a new thread p2 of p1 (seed: fork1 and thread_fork call this
 * after the child's vmspace is set): copy the PCB and the user trap frame,
 * and make the first switch to p2 run func(arg).  For __tfork, stack and
 * tcb give the new thread's user stack pointer and TCB.
 * => p2->p_addr and p2->p_vmspace are set; p2 is not on a run queue.
 */
void
cpu_fork(struct proc *p1, struct proc *p2, void *stack, void *tcb,
    void (*func)(void *), void *arg)
{
	struct pcb *pcb1 = &p1->p_addr->u_pcb, *pcb2 = &p2->p_addr->u_pcb;
	struct trapframe *tf;

	/* The parent's FPU registers are newer than its PCB: save them. */
	if (fpcurproc == p1)
		npxsave_proc(p1, 1);
	*pcb2 = *pcb1;
	pcb2->pcb_onfault = NULL;
	p2->p_md.md_flags = p1->p_md.md_flags & MDP_USEDFPU;

	tf = (struct trapframe *)((vaddr_t)p2->p_addr + USPACE) - 1;
	p2->p_md.md_regs = tf;
	if (p1->p_md.md_regs != NULL)
		*tf = *p1->p_md.md_regs;
	else
		memset(tf, 0, sizeof(*tf));
	if (stack != NULL)
		tf->tf_esp = (uint32_t)stack;
	if (tcb != NULL)
		pcb2->pcb_tcb = (vaddr_t)tcb;
	pcb2->pcb_vm = p2->p_vmspace;

	cpu_fork_tss(p2, tf, func, arg);
}

/*
 * Run new instead of old: the scheduler's bookkeeping, then the task
 * switch.  Returns when some later cpu_switchto() switches back to old.
 * old may be NULL when the caller is exiting (cpu_exit) or is the boot
 * context; the switch then still saves registers into the TSS in TR,
 * which nobody reads again.
 * => SCHED_LOCK held, so cpl is IPL_SCHED or above.
 */
void
cpu_switchto(struct proc *old, struct proc *new)
{
	struct cpu_info *ci = curcpu();
	struct pcb *pcb = &new->p_addr->u_pcb;

	SCHED_ASSERT_LOCKED();
	KASSERT(new->p_stat == SRUN || new->p_stat == SONPROC);
	KASSERT(old == NULL || old == ci->ci_curproc);

	new->p_stat = SONPROC;
	new->p_cpu = ci;
	ci->ci_curproc = new;
	ci->ci_nswitch++;
	/*
	 * The address space goes with the thread: its TSS names the page
	 * tables (pmap_load and pmap_activate keep tss_cr3 in step), and
	 * the PCB remembers which vmspace that is for the fault handler.
	 */
	if (old != NULL)
		old->p_addr->u_pcb.pcb_vm = curvmspace;
	curpcb = pcb;
	curvmspace = pcb->pcb_vm;
	/*
	 * The user %gs descriptor is shared by all threads: point it at the
	 * new thread's TCB now, because the task switch reloads %gs from
	 * the TSS and reads the descriptor as it does so.
	 */
	gdt[GUGS_SEL].sd_lobase = pcb->pcb_tcb & 0xffff;
	gdt[GUGS_SEL].sd_midbase = (pcb->pcb_tcb >> 16) & 0xff;
	gdt[GUGS_SEL].sd_hibase = pcb->pcb_tcb >> 24;
	if (old == new)
		return;
	tss_jump(new->p_md.md_tss_sel);
}

/*
 * The exiting thread p switches away for the last time.  The reaper,
 * running as another thread, frees its u-area and TSS slot later
 * (sched_exit put p on the dead list).
 * => from exit1(), SCHED_LOCK not held; never returns.
 */
void
cpu_exit(struct proc *p)
{
	if (fpcurproc == p)
		npxsave_proc(p, 0);
	sched_exit(p);
	panic("cpu_exit: sched_exit returned");
}

/* The TCB of p (__get_tcb). */
void *
tcb_get(struct proc *p)
{
	return (void *)p->p_addr->u_pcb.pcb_tcb;
}

/* Set p's TCB; loaded into the %gs descriptor at its next switch. */
void
tcb_set(struct proc *p, void *tcb)
{
	p->p_addr->u_pcb.pcb_tcb = (vaddr_t)tcb;
	if (p == curproc) {
		gdt[GUGS_SEL].sd_lobase = (vaddr_t)tcb & 0xffff;
		gdt[GUGS_SEL].sd_midbase = ((vaddr_t)tcb >> 16) & 0xff;
		gdt[GUGS_SEL].sd_hibase = (vaddr_t)tcb >> 24;
	}
}

/*
 * Free what cpu_fork() gave p: its TSS slot.  The reaper calls this
 * before freeing the u-area, once p can never run again.
 */
void
cpu_proc_free(struct proc *p)
{
	if (p->p_md.md_tss_sel != 0) {
		tss_free(p->p_md.md_tss_sel);
		p->p_md.md_tss_sel = 0;
	}
}

/*
 * proc0 is the boot context: its TSS is the one gdt_init() loaded, its
 * PCB is proc0_pcb and its stack the boot stack.
 */
void
proc0_md_init(struct proc *p)
{
	p->p_addr = (struct user *)&proc0_pcb;
	p->p_md.md_tss_sel = GSEL(GTSS_SEL, SEL_KPL);
	p->p_md.md_regs = NULL;
	proc0_pcb.pcb_vm = p->p_vmspace;
	curpcb = &proc0_pcb;
}

/* A better thread is runnable: ask the running one to switch. */
void
need_resched(struct cpu_info *ci)
{
	ci->ci_want_resched = 1;
	if (ci->ci_curproc != NULL)
		aston(ci->ci_curproc);
}

/* Make p look for work (the AST) before it next returns to user mode. */
void
aston(struct proc *p)
{
	p->p_md.md_astpending = 1;
}

/* The idle loop's body: sleep until an interrupt. */
void
cpu_idle_cycle(void)
{
	cpu_idle_wait();
}

/*
 * Make p's next return from the kernel enter user mode at entry with
 * stack pointer stack: a fresh trap frame at the top of its kernel stack,
 * user segments, interrupts on.  exec does this for a new image (issue
 * 6); a thread that is a fresh process can do it to start user code.
 * PORT: OpenBSD's setregs takes the exec package and ps_strings.
 * => p is curproc, or not running; p_addr is a u-area from cpu_fork.
 */
void
setregs(struct proc *p, u_long entry, u_long stack)
{
	struct trapframe *tf;

	tf = (struct trapframe *)((vaddr_t)p->p_addr + USPACE) - 1;
	memset(tf, 0, sizeof(*tf));
	tf->tf_fs = GSEL(GUFS_SEL, SEL_UPL);
	tf->tf_gs = GSEL(GUGS_SEL, SEL_UPL);
	tf->tf_es = tf->tf_ds = GSEL(GUDATA_SEL, SEL_UPL);
	tf->tf_cs = GSEL(GUCODE_SEL, SEL_UPL);
	tf->tf_ss = GSEL(GUDATA_SEL, SEL_UPL);
	tf->tf_eip = entry;
	tf->tf_esp = stack;
	tf->tf_eflags = PSL_MBO | PSL_I;
	p->p_md.md_regs = tf;
}

/*
 * p execs a new program: its FPU state and TCB belong to the old one.
 * => p is curproc.
 */
void
cpu_exec(struct proc *p)
{
	if (fpcurproc == p)
		npxsave_proc(p, 0);
	p->p_md.md_flags &= ~MDP_USEDFPU;
	tcb_set(p, NULL);
}
