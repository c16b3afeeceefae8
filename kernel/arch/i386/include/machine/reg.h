/*
 * machine/reg.h: a thread's user registers as ptrace(2) moves them
 * (PT_GETREGS, PT_SETREGS, PT_GETFPREGS, PT_SETFPREGS), in OpenBSD/i386's
 * order and size.  process_machdep.c fills them from the trap frame and
 * the PCB's FPU save area.
 */
#ifndef _MACHINE_REG_H_
#define _MACHINE_REG_H_

struct reg {
	int	r_eax;
	int	r_ecx;
	int	r_edx;
	int	r_ebx;
	int	r_esp;
	int	r_ebp;
	int	r_esi;
	int	r_edi;
	int	r_eip;
	int	r_eflags;
	int	r_cs;
	int	r_ss;
	int	r_ds;
	int	r_es;
	int	r_fs;
	int	r_gs;
};

/* The i387 state as fnsave stores it (108 bytes) and 8 spare. */
struct fpreg {
	char	__data[116];
};

#endif /* _MACHINE_REG_H_ */
