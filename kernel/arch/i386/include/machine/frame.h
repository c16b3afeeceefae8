/*
 * machine/frame.h: the trap frame, what vector.asm builds on the kernel
 * stack for every exception and interrupt.  The field order is OpenBSD/i386's
 * (lowest address first); the CPU pushes everything from tf_err up,
 * tf_esp and tf_ss only when the trap came from user mode.
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

struct trapframe {
	int	tf_fs;
	int	tf_gs;
	int	tf_es;
	int	tf_ds;
	int	tf_edi;
	int	tf_esi;
	int	tf_ebp;
	int	tf_ebx;
	int	tf_edx;
	int	tf_ecx;
	int	tf_eax;
	int	tf_trapno;
	/* below portion defined in 386 hardware */
	int	tf_err;
	int	tf_eip;
	int	tf_cs;
	int	tf_eflags;
	/* below used when transitting rings (e.g. user to kernel) */
	int	tf_esp;
	int	tf_ss;
};

#define TRAPF_USERMODE(tf)	(((tf)->tf_cs & 3) != 0)

/*
 * What the clock interrupt hands hardclock(): the interrupted context,
 * so that the tick is charged to user or system time.
 */
struct clockframe {
	struct trapframe cf_tf;
};
#define CLKF_USERMODE(frame)	TRAPF_USERMODE(&(frame)->cf_tf)

#endif /* _MACHINE_FRAME_H_ */
