/*
 * machine/proc.h: the i386 part of a thread (struct proc's p_md).
 */
#ifndef _MACHINE_PROC_H_
#define _MACHINE_PROC_H_

struct trapframe;

struct mdproc {
	struct	trapframe *md_regs;	/* user registers, on the kstack */
	int	md_flags;		/* MDP_* */
	volatile int md_astpending;	/* check for work before user mode */
	int	md_tss_sel;		/* the GDT selector of our TSS */
};

#define MDP_USEDFPU	0x0001		/* the FPU state in the PCB is valid */

#endif /* _MACHINE_PROC_H_ */
