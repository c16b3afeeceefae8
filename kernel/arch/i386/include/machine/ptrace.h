/*
 * machine/ptrace.h: the i386 requests of ptrace(2), OpenBSD/i386's
 * numbers (PT_FIRSTMACH and up).  <sys/ptrace.h> includes it.
 */
#ifndef _MACHINE_PTRACE_H_
#define _MACHINE_PTRACE_H_

#define PT_STEP		(PT_FIRSTMACH + 0)	/* one instruction, then SIGTRAP */
#define PT_GETREGS	(PT_FIRSTMACH + 1)	/* struct reg */
#define PT_SETREGS	(PT_FIRSTMACH + 2)
#define PT_GETFPREGS	(PT_FIRSTMACH + 3)	/* struct fpreg */
#define PT_SETFPREGS	(PT_FIRSTMACH + 4)
/* PT_GETXMMREGS, PT_SETXMMREGS (+5, +6): no FXSAVE state in Tine. */

#endif /* _MACHINE_PTRACE_H_ */
