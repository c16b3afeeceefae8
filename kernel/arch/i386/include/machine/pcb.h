/*
 * machine/pcb.h: the process control block, the i386 state of a thread
 * that lives at the bottom of its u-area:
 *
 *   p->p_addr + USPACE  +--------------------+  tss_esp0: traps from
 *                       | trapframe (user)   |  ring 3 start here
 *                       | kernel stack       |
 *                       |    grows down      |
 *                       |        ...         |
 *   p->p_addr           | struct user: pcb   |  TSS, FPU state, onfault
 *                       +--------------------+
 *                       | guard page         |  unmapped: an overflow
 *                       +--------------------+  double-faults (issue 4)
 *
 * The TSS is the thread's hardware task: a far jmp to its selector loads
 * every register from it, and switching away saves them back into it
 * (cpu_switchto, switch.asm).  docs/task-switching.md has the picture.
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#ifndef _LOCORE
#include <sys/types.h>
#include <machine/tss.h>

/* The FPU's state as fnsave stores it (108 bytes). */
struct save87 {
	uint32_t sv_env[7];		/* control, status, tag, pointers */
	uint8_t	sv_ac[80];		/* st(0) .. st(7), 10 bytes each */
	uint8_t	sv_pad[20];
};

struct pcb {
	void	*pcb_onfault;		/* where a fault in copyin/out resumes
					 * (offset 0: copy.asm relies on it) */
	struct	i386tss pcb_tss;	/* the thread's task state */
	struct	save87 pcb_savefpu;	/* FPU state while another owns it */
	vaddr_t	pcb_tcb;		/* user %gs base: the thread's TCB */
	struct	vmspace *pcb_vm;	/* curvmspace while this thread runs:
					 * its process's, or one a test or
					 * exec activated (uvmspace_activate) */
	int	pcb_flags;
};

struct user {
	struct	pcb u_pcb;
};

extern struct pcb *curpcb;	/* the running thread's */
extern struct pcb proc0_pcb;	/* proc0's, static: it runs on the boot stack */
/* proc0's TSS is the one the boot code loads into TR (gdt.c). */
#define boot_tss	(proc0_pcb.pcb_tss)
extern struct proc *fpcurproc;	/* whose state the FPU holds */
#endif

#define PCB_ONFAULT	0	/* offsetof(struct pcb, pcb_onfault) */

#endif /* _MACHINE_PCB_H_ */
