/*
 * machine/trap.h: trap numbers.  OpenBSD's names; PORT: the values are the
 * hardware vectors themselves (OpenBSD/i386 renumbers them), so tf_trapno
 * reads the same as the Intel manuals' tables.
 */
#ifndef _MACHINE_TRAP_H_
#define _MACHINE_TRAP_H_

#define T_DIVIDE	0	/* #DE divide error */
#define T_TRCTRAP	1	/* #DB debug / single step */
#define T_NMI		2	/* non-maskable interrupt */
#define T_BPTFLT	3	/* #BP int3 */
#define T_OFLOW		4	/* #OF into */
#define T_BOUND		5	/* #BR bound */
#define T_PRIVINFLT	6	/* #UD invalid opcode */
#define T_DNA		7	/* #NM device (FPU) not available */
#define T_DOUBLEFLT	8	/* #DF double fault */
#define T_FPOPFLT	9	/* coprocessor segment overrun */
#define T_TSSFLT	10	/* #TS invalid TSS */
#define T_SEGNPFLT	11	/* #NP segment not present */
#define T_STKFLT	12	/* #SS stack fault */
#define T_PROTFLT	13	/* #GP general protection */
#define T_PAGEFLT	14	/* #PF page fault */
#define T_ARITHTRAP	16	/* #MF x87 error */
#define T_ALIGNFLT	17	/* #AC alignment check */
#define T_MACHK		18	/* #MC machine check */
#define T_XFTRAP	19	/* #XM SIMD exception */
#define T_NEXCEPT	32	/* vectors reserved for exceptions */
#define T_SYSCALL	0x80	/* int $0x80: a system call */

/* Page fault error code bits. */
#define PGEX_P		0x01	/* the page was present: a protection fault */
#define PGEX_W		0x02	/* a write */
#define PGEX_U		0x04	/* from user mode */

#ifndef _LOCORE
#include <sys/types.h>

const char *trap_name(int trapno);
void	trap_describe(char *buf, size_t size, int trapno, int err,
	    vaddr_t eip, int usermode, vaddr_t cr2);
#endif

#endif /* _MACHINE_TRAP_H_ */
