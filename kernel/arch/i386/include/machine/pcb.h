/*
 * machine/pcb.h: the process control block, the i386 state of a thread
 * that the kernel keeps besides its TSS.  For now it holds the fault
 * recovery address of copyin/copyout; cpu_fork fills the rest later.
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#ifndef _LOCORE
struct pcb {
	void	*pcb_onfault;	/* where a fault in copyin/out resumes */
};

extern struct pcb *curpcb;	/* the running thread's (proc0's for now) */
#endif

#define PCB_ONFAULT	0	/* offsetof(struct pcb, pcb_onfault) */

#endif /* _MACHINE_PCB_H_ */
