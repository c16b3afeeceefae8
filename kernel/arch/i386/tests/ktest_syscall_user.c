/*
 * kernel/arch/i386/tests/ktest_syscall_user.c: system calls from ring 3,
 * through test processes as ktest_ring3.h makes them: the int $0x80 ABI
 * (numbers, arguments on the stack, errors in the carry flag), the
 * user_syscalls benchmark, kill, setuid and RLIMIT_NPROC, descriptors,
 * and execve of a program from the ramdisk.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/wait.h>
#include <sys/vmmeter.h>
#include <sys/syscallargs.h>
#include <sys/malloc.h>
#include <sys/ptrace.h>
#include <sys/resourcevar.h>
#include <sys/file.h>
#include <sys/vnode.h>
#include <sys/ktest.h>
#include <sys/proc_ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_map.h>
#include <uvm/uvm_ktest.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include "ktest_ring3.h"

/* ---- system calls: int $0x80 from ring 3 ------------------------------ */

#define SC_PID		(DATA + 0x10)	/* getpid() */
#define SC_PPID		(DATA + 0x14)	/* getppid() */
#define SC_TID		(DATA + 0x18)	/* getthrid() */
#define SC_NOSYS	(DATA + 0x1c)	/* eax after call 9999 */
#define SC_NOSYS_C	(DATA + 0x20)	/* ... and its carry flag */
#define SC_ECHILD	(DATA + 0x24)	/* wait4 with no children */
#define SC_EFAULT	(DATA + 0x28)	/* arguments past user space */
#define SC_CHILD	(DATA + 0x2c)	/* fork() in the parent */
#define SC_STATUS	(DATA + 0x30)	/* wait4's status */
#define SC_WAITED	(DATA + 0x34)	/* wait4's return value */
#define SC_DONE		(DATA + 0x38)	/* 1: all done */


/*
 * The system call ABI end to end, as libc's stubs will use it: numbers
 * in eax, arguments on the stack above a return address, results in eax
 * with the carry flag clear, errors as an errno with the carry flag set.
 */
static const uint8_t syscall_code[] = {
	SYSCALL(20), STORE_EAX(SC_PID),			/* getpid	*/
	SYSCALL(39), STORE_EAX(SC_PPID),		/* getppid	*/
	SYSCALL(299), STORE_EAX(SC_TID),		/* getthrid	*/
	SYSCALL(9999), STORE_EAX(SC_NOSYS),		/* no such call	*/
	0x0f, 0x92, 0x05, LE32(SC_NOSYS_C),		/* setc [..]	*/
	0x6a, 0x00, 0x6a, 0x00, 0x6a, 0x00,		/* rusage, options, status */
	0x6a, 0xff, 0x6a, 0x00,				/* pid -1, ret	*/
	SYSCALL(11), STORE_EAX(SC_ECHILD),		/* wait4	*/
	0x83, 0xc4, 0x14,				/* add esp, 20	*/
	0x89, 0xe5,					/* mov ebp, esp	*/
	0xbc, LE32(0xbffffffc),				/* mov esp, top	*/
	SYSCALL(11),					/* args unreadable */
	0x89, 0xec,					/* mov esp, ebp	*/
	STORE_EAX(SC_EFAULT),
	SYSCALL(2),					/* fork		*/
	0x85, 0xc0,					/* test eax, eax */
	0x75, 0x0b,					/* jnz parent	*/
	0x6a, 0x07, 0x6a, 0x00,				/* child: 7, ret */
	SYSCALL(1),					/* exit(7)	*/
	STORE_EAX(SC_CHILD),				/* parent:	*/
	0x6a, 0x00, 0x6a, 0x00,				/* rusage, options */
	0x68, LE32(SC_STATUS),				/* &status	*/
	0x50, 0x6a, 0x00,				/* pid, ret	*/
	SYSCALL(11), STORE_EAX(SC_WAITED),		/* wait4	*/
	0x83, 0xc4, 0x14,				/* add esp, 20	*/
	0xc7, 0x05, LE32(SC_DONE), LE32(1),		/* done		*/
	0xeb, 0xfe,					/* jmp $	*/
};

KTEST(syscall_abi_from_ring3)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = syscall_code,
	    .len = sizeof(syscall_code) };
	struct proc *p;
	uint64_t end;
	pid_t pid, child;
	int status;

	proc_baseline(&b);
	pid = start_process(user_entry, &c, &p);
	end = getnsecuptime() + 2000 * MS;
	while (peek_word(p, SC_DONE) != 1 && getnsecuptime() < end)
		tsleep_nsec(&end, PWAIT, "ktsys", MS);
	KT_EQ(peek_word(p, SC_DONE), 1);
	KT_EQ(peek_word(p, SC_PID), pid);
	KT_EQ(peek_word(p, SC_PPID), 0);		/* process0 */
	KT_EQ(peek_word(p, SC_TID), p->p_tid + THREAD_PID_OFFSET);
	KT_EQ(peek_word(p, SC_NOSYS), ENOSYS);
	KT_EQ(peek_word(p, SC_NOSYS_C) & 0xff, 1);
	KT_EQ(peek_word(p, SC_ECHILD), ECHILD);
	KT_EQ(peek_word(p, SC_EFAULT), EFAULT);
	child = peek_word(p, SC_CHILD);
	KT_ASSERT(child > 1 && child != pid);
	KT_EQ(peek_word(p, SC_WAITED), child);
	status = peek_word(p, SC_STATUS);
	KT_ASSERT(WIFEXITED(status));
	KT_EQ(WEXITSTATUS(status), 7);
	psignal(p, SIGKILL);
	KT_KILLED_BY(reap(pid, 5000), SIGKILL);
	KT_PROC_BASELINE(&b);
}

/* ---- benchmarks: system calls timed by the user program itself -------- */

#define BN_T0		(DATA + 0x40)	/* rdtsc marks, low words */
#define BN_T1		(DATA + 0x44)
#define BN_T2		(DATA + 0x48)
#define BN_T3		(DATA + 0x4c)
#define BN_T4		(DATA + 0x50)
#define BN_T5		(DATA + 0x54)
#define BN_DONE		(DATA + 0x58)
#define BN_GETPIDS	1000
#define BN_FORKS	16

/* rdtsc; mov [va], eax */
#define MARK_TSC(va)	0x0f, 0x31, STORE_EAX(va)

/*
 * fork (or vfork: n) + exit(0) in the child + wait4 in the parent, ebx
 * times: 44 bytes, so the loop's jnz goes back 44.
 */
#define FORK_LOOP(n)							\
	0xbb, LE32(BN_FORKS),		/* mov ebx, BN_FORKS	*/	\
	SYSCALL(n),			/* loop: fork / vfork	*/	\
	0x85, 0xc0, 0x75, 0x0b,		/* test; jnz parent	*/	\
	0x6a, 0x00, 0x6a, 0x00, SYSCALL(1),	/* child: exit(0) */	\
	0x6a, 0x00, 0x6a, 0x00, 0x6a, 0x00,	/* parent:	*/	\
	0x50, 0x6a, 0x00,		/* pid, ret		*/	\
	SYSCALL(11),			/* wait4(pid, 0, 0, 0)	*/	\
	0x83, 0xc4, 0x14,		/* add esp, 20		*/	\
	0x4b, 0x75, 0xd4		/* dec ebx; jnz loop	*/

static const uint8_t bench_code[] = {
	MARK_TSC(BN_T0),
	0xb9, LE32(BN_GETPIDS),		/* mov ecx, BN_GETPIDS	*/
	SYSCALL(20),			/* loop: getpid		*/
	0x49, 0x75, 0xf6,		/* dec ecx; jnz loop	*/
	MARK_TSC(BN_T1),
	MARK_TSC(BN_T2), FORK_LOOP(2), MARK_TSC(BN_T3),
	MARK_TSC(BN_T4), FORK_LOOP(66), MARK_TSC(BN_T5),
	0xc7, 0x05, LE32(BN_DONE), LE32(1),	/* done		*/
	0xeb, 0xfe,			/* jmp $		*/
};

/*
 * getpid, fork + exit + wait4 and vfork + exit + wait4, each measured
 * between two rdtsc in the user program (under -icount shift=0 the TSC
 * counts guest instructions): kernel, trap path and the program's own
 * loop included, as issue 6's targets count them.
 */
KBENCH(user_syscalls)
{
	struct fu_ctx c = { .code = bench_code, .len = sizeof(bench_code) };
	struct proc *p;
	pid_t pid;
	uint32_t t[6];
	int i;

	pid = start_process(user_entry, &c, &p);
	while (peek_word(p, BN_DONE) != 1)
		tsleep_nsec(&pid, PWAIT, "kbsys", 10 * MS);
	for (i = 0; i < 6; i++)
		t[i] = peek_word(p, BN_T0 + 4 * i);
	psignal(p, SIGKILL);
	(void)reap(pid, 5000);
	kbench_report("getpid", (t[1] - t[0]) / BN_GETPIDS);
	kbench_report("fork_exit_wait", (t[3] - t[2]) / BN_FORKS);
	kbench_report("vfork_exit_wait", (t[5] - t[4]) / BN_FORKS);
}

/* ---- kill(2), setuid(2), getrlimit/setrlimit(2) from ring 3 ----------- */

#define K_CHILD		(DATA + 0x60)	/* fork() in the parent */
#define K_EINVAL	(DATA + 0x64)	/* kill(child, 99) */
#define K_KILL		(DATA + 0x68)	/* kill(child, SIGKILL) */
#define K_STATUS	(DATA + 0x6c)	/* its wait status */
#define K_WAITED	(DATA + 0x70)	/* wait4's return value */
#define K_ESRCH		(DATA + 0x74)	/* kill(child, 0) once reaped */
#define K_INIT		(DATA + 0x78)	/* kill(1, 0) as root */
#define K_DONE		(DATA + 0x7c)

/* push imm8 arguments (last first) and a return address; then pop them */
#define PUSH8(x)	0x6a, (x)
#define PUSH32(x)	0x68, LE32(x)
#define POP_ARGS(n)	0x83, 0xc4, (4 * ((n) + 1))
#define DONE(va)	0xc7, 0x05, LE32(va), LE32(1), 0xeb, 0xfe
#define MOVL(va, x)	0xc7, 0x05, LE32(va), LE32(x)

static const uint8_t kill_code[] = {
	SYSCALL(2),					/* fork		*/
	0x85, 0xc0, 0x75, 0x02,				/* test; jnz +2	*/
	0xeb, 0xfe,					/* child: spin	*/
	STORE_EAX(K_CHILD), 0x89, 0xc6,			/* mov esi, eax	*/
	PUSH8(99), 0x56, PUSH8(0),			/* kill(esi, 99) */
	SYSCALL(122), STORE_EAX(K_EINVAL), POP_ARGS(2),
	PUSH8(SIGKILL), 0x56, PUSH8(0),			/* kill(esi, 9)	*/
	SYSCALL(122), STORE_EAX(K_KILL), POP_ARGS(2),
	PUSH8(0), PUSH8(0), PUSH32(K_STATUS), 0x56, PUSH8(0),
	SYSCALL(11), STORE_EAX(K_WAITED), POP_ARGS(4),	/* wait4	*/
	PUSH8(0), 0x56, PUSH8(0),			/* kill(esi, 0)	*/
	SYSCALL(122), STORE_EAX(K_ESRCH), POP_ARGS(2),
	PUSH8(0), PUSH8(1), PUSH8(0),			/* kill(1, 0)	*/
	SYSCALL(122), STORE_EAX(K_INIT), POP_ARGS(2),
	DONE(K_DONE),
};

/*
 * Start fn(c) (which enters user mode) as a new process and wait (2 s at
 * most) for the word at done to be 1.
 */
static struct proc *
run_until_done_fn(void (*fn)(void *), struct fu_ctx *c, vaddr_t done,
    pid_t *pidp)
{
	struct proc *p;
	uint64_t end;

	*pidp = start_process(fn, c, &p);
	end = getnsecuptime() + 2000 * MS;
	while (prfind(*pidp) != NULL && peek_word(p, done) != 1 &&
	    getnsecuptime() < end)
		tsleep_nsec(&end, PWAIT, "ktdone", MS);
	if (prfind(*pidp) == NULL)
		KT_FAIL("pid %d ended early: step %d, error %d", *pidp,
		    c->step, c->error);
	return p;
}

/* The same for a program that user_entry starts. */
static struct proc *
run_until_done(struct fu_ctx *c, vaddr_t done, pid_t *pidp)
{
	return run_until_done_fn(user_entry, c, done, pidp);
}

/*
 * kill(2) as OpenBSD has it: EINVAL for a bad signal, SIGKILL ends a
 * process that never enters the kernel (at its next clock interrupt),
 * ESRCH once it is reaped, and signal 0 only asks.
 */
KTEST(syscall_kill)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = kill_code, .len = sizeof(kill_code) };
	struct proc *p;
	pid_t pid;

	proc_baseline(&b);
	p = run_until_done(&c, K_DONE, &pid);
	KT_EQ(peek_word(p, K_DONE), 1);
	KT_ASSERT(peek_word(p, K_CHILD) > 1);
	KT_EQ(peek_word(p, K_EINVAL), EINVAL);
	KT_EQ(peek_word(p, K_KILL), 0);
	KT_EQ(peek_word(p, K_WAITED), peek_word(p, K_CHILD));
	KT_KILLED_BY(peek_word(p, K_STATUS), SIGKILL);
	KT_EQ(peek_word(p, K_ESRCH), ESRCH);
	KT_EQ(peek_word(p, K_INIT), 0);
	psignal(p, SIGKILL);
	KT_KILLED_BY(reap(pid, 5000), SIGKILL);
	KT_PROC_BASELINE(&b);
}

#define U_SETUID	(DATA + 0xa0)	/* setuid(1000) */
#define U_UID		(DATA + 0xa4)	/* getuid() after */
#define U_EUID		(DATA + 0xa8)	/* geteuid() after */
#define U_SETUID0	(DATA + 0xac)	/* setuid(0) after: EPERM */
#define U_GETRL		(DATA + 0xb0)	/* getrlimit(RLIMIT_NPROC) */
#define U_SETRL		(DATA + 0xb4)	/* setrlimit(RLIMIT_NPROC, 1, 1) */
#define U_FORK		(DATA + 0xb8)	/* fork() then: EAGAIN */
#define U_FORK_C	(DATA + 0xbc)	/* ... with the carry flag */
#define U_SETRL2	(DATA + 0xc0)	/* raising the hard limit: EPERM */
#define U_DONE		(DATA + 0xc4)
#define RL_GET		(DATA + 0xe0)	/* struct rlimit, 16 bytes */
#define RL_SET		(DATA + 0xf0)

static const uint8_t nproc_code[] = {
	PUSH32(1000), PUSH8(0), SYSCALL(23), STORE_EAX(U_SETUID),
	POP_ARGS(1),
	SYSCALL(24), STORE_EAX(U_UID),
	SYSCALL(25), STORE_EAX(U_EUID),
	PUSH8(0), PUSH8(0), SYSCALL(23), STORE_EAX(U_SETUID0), POP_ARGS(1),
	PUSH32(RL_GET), PUSH8(RLIMIT_NPROC), PUSH8(0),
	SYSCALL(194), STORE_EAX(U_GETRL), POP_ARGS(2),
	MOVL(RL_SET, 1), MOVL(RL_SET + 4, 0),		/* { 1, 1 }	*/
	MOVL(RL_SET + 8, 1), MOVL(RL_SET + 12, 0),
	PUSH32(RL_SET), PUSH8(RLIMIT_NPROC), PUSH8(0),
	SYSCALL(195), STORE_EAX(U_SETRL), POP_ARGS(2),
	SYSCALL(2), STORE_EAX(U_FORK),			/* fork		*/
	0x0f, 0x92, 0x05, LE32(U_FORK_C),		/* setc		*/
	0x85, 0xc0, 0x75, 0x0b,				/* a child?	*/
	PUSH8(0), PUSH8(0), SYSCALL(1),			/* then exit(0)	*/
	MOVL(RL_SET + 8, 5),				/* { 1, 5 }	*/
	PUSH32(RL_SET), PUSH8(RLIMIT_NPROC), PUSH8(0),
	SYSCALL(195), STORE_EAX(U_SETRL2), POP_ARGS(2),
	DONE(U_DONE),
};

/*
 * As a user (setuid from root), RLIMIT_NPROC set to 1 makes fork fail
 * with EAGAIN: the seed's chgproccnt check, seen from ring 3; a user may
 * lower its limits but not raise the hard one, nor become root again.
 */
KTEST(syscall_setuid_and_rlimit_nproc)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = nproc_code, .len = sizeof(nproc_code) };
	struct proc *p;
	pid_t pid;
	int forks = forkstat.cntfork;

	proc_baseline(&b);
	p = run_until_done(&c, U_DONE, &pid);
	KT_EQ(peek_word(p, U_DONE), 1);
	KT_EQ(peek_word(p, U_SETUID), 0);
	KT_EQ(peek_word(p, U_UID), 1000);
	KT_EQ(peek_word(p, U_EUID), 1000);
	KT_EQ(peek_word(p, U_SETUID0), EPERM);
	KT_EQ(peek_word(p, U_GETRL), 0);
	KT_EQ(peek_word(p, RL_GET), 80);		/* MAXUPRC */
	KT_EQ(peek_word(p, U_SETRL), 0);
	KT_EQ(peek_word(p, U_FORK), EAGAIN);
	KT_EQ(peek_word(p, U_FORK_C) & 0xff, 1);
	KT_EQ(peek_word(p, U_SETRL2), EPERM);
	KT_EQ(forkstat.cntfork, forks + 1);		/* only P itself */
	KT_EQ(chgproccnt(1000, 0), 1);
	KT_ASSERT(p->p_p->ps_flags & PS_SUGID);
	psignal(p, SIGKILL);
	KT_KILLED_BY(reap(pid, 5000), SIGKILL);
	KT_PROC_BASELINE(&b);
}

/* ---- descriptors: write, dup, dup2, close from ring 3 ----------------- */

#define F_MSG1		(DATA + 0x100)	/* strings P puts in DATA */
#define F_MSG2		(DATA + 0x140)
#define F_MSG3		(DATA + 0x180)
#define F_W1		(DATA + 0x1c0)	/* write(0, msg1): its length */
#define F_DUP		(DATA + 0x1c4)	/* dup(0): 1 */
#define F_DUP2		(DATA + 0x1c8)	/* dup2(0, 9): 9 */
#define F_W9		(DATA + 0x1cc)	/* write(9, msg2): its length */
#define F_CLOSE		(DATA + 0x1d0)	/* close(9): 0 */
#define F_CLOSE2	(DATA + 0x1d4)	/* close(9) again: EBADF */
#define F_EBADF		(DATA + 0x1d8)	/* write(5, ...): EBADF */
#define F_EFAULT	(DATA + 0x1dc)	/* write(1, kernel address): EFAULT */
#define F_STATUS	(DATA + 0x1e0)	/* the writing child's status */
#define F_DONE		(DATA + 0x1e4)

static const char f_msg1[] = "fd test: write to fd 0\n";
static const char f_msg2[] = "fd test: write to fd 9, a dup2 of 0\n";
static const char f_msg3[] = "fd test: the child writes to fd 1\n";

/* write(fd, va, len); mov [store], eax */
#define WRITE(fd, va, len, store)					\
	PUSH8(len), PUSH32(va), PUSH8(fd), PUSH8(0), SYSCALL(4),	\
	STORE_EAX(store), POP_ARGS(3)

static const uint8_t fd_code[] = {
	WRITE(0, F_MSG1, sizeof(f_msg1) - 1, F_W1),
	PUSH8(0), PUSH8(0), SYSCALL(41), STORE_EAX(F_DUP), POP_ARGS(1),
	PUSH8(9), PUSH8(0), PUSH8(0), SYSCALL(90), STORE_EAX(F_DUP2),
	POP_ARGS(2),
	WRITE(9, F_MSG2, sizeof(f_msg2) - 1, F_W9),
	PUSH8(9), PUSH8(0), SYSCALL(6), STORE_EAX(F_CLOSE), POP_ARGS(1),
	PUSH8(9), PUSH8(0), SYSCALL(6), STORE_EAX(F_CLOSE2), POP_ARGS(1),
	WRITE(5, F_MSG1, 1, F_EBADF),
	PUSH8(4), PUSH32(KERNBASE), PUSH8(1), PUSH8(0), SYSCALL(4),
	STORE_EAX(F_EFAULT), POP_ARGS(3),
	SYSCALL(2),					/* fork		*/
	0x85, 0xc0, 0x75, 0x20,				/* jnz parent	*/
	PUSH8(sizeof(f_msg3) - 1), PUSH32(F_MSG3), PUSH8(1), PUSH8(0),
	SYSCALL(4), POP_ARGS(3),			/* child: write	*/
	PUSH8(0), PUSH8(0), SYSCALL(1),			/* exit(0)	*/
	PUSH8(0), PUSH8(0), PUSH32(F_STATUS), 0x50, PUSH8(0),
	SYSCALL(11), POP_ARGS(4),			/* wait4	*/
	DONE(F_DONE),
};

/* fork1 function: the console on fd 0, the strings in DATA, user mode. */
static void
fd_entry(void *arg)
{
	struct fu_ctx *c = arg;
	int fd;

	if ((c->error = user_setup(c)) != 0 ||
	    (c->error = open_console(&fd)) != 0 ||
	    (c->error = copyout(f_msg1, (void *)F_MSG1, sizeof(f_msg1))) ||
	    (c->error = copyout(f_msg2, (void *)F_MSG2, sizeof(f_msg2))) ||
	    (c->error = copyout(f_msg3, (void *)F_MSG3, sizeof(f_msg3))))
		process_done(c, 1);
	c->child = fd;
	KERNEL_UNLOCK();
}

/*
 * write(2), dup(2), dup2(2) and close(2) on the console from ring 3, with
 * their errors (EBADF, EFAULT); a fork shares the open file and the child
 * writes through it; references and open files come back at exit.  The
 * boot test checks the three lines reach the serial console.
 */
KTEST(syscall_descriptors)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = fd_code, .len = sizeof(fd_code) };
	struct proc *p;
	pid_t pid;
	int files = nfiles, status;

	proc_baseline(&b);
	p = run_until_done_fn(fd_entry, &c, F_DONE, &pid);
	KT_EQ(c.error, 0);
	KT_EQ(c.child, 0);			/* the console is fd 0 */
	KT_EQ(peek_word(p, F_DONE), 1);
	KT_EQ(peek_word(p, F_W1), sizeof(f_msg1) - 1);
	KT_EQ(peek_word(p, F_DUP), 1);
	KT_EQ(peek_word(p, F_DUP2), 9);
	KT_EQ(peek_word(p, F_W9), sizeof(f_msg2) - 1);
	KT_EQ(peek_word(p, F_CLOSE), 0);
	KT_EQ(peek_word(p, F_CLOSE2), EBADF);
	KT_EQ(peek_word(p, F_EBADF), EBADF);
	KT_EQ(peek_word(p, F_EFAULT), EFAULT);
	status = peek_word(p, F_STATUS);
	KT_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	KT_EQ(nfiles, files + 1);		/* one open file ... */
	KT_EQ(p->p_fd->fd_ofiles[0]->f_count, 2);	/* ... on fd 0 and 1 */
	KT_EQ(consvp->v_usecount, 2);
	psignal(p, SIGKILL);
	KT_KILLED_BY(reap(pid, 5000), SIGKILL);
	KT_EQ(nfiles, files);
	KT_EQ(consvp->v_usecount, 1);
	KT_PROC_BASELINE(&b);
}

/* ---- execve(2): a program from the ramdisk ---------------------------- */

/* Put a string and pointer vector in P's DATA page. */
static int
exec_setup_strings(void)
{
	static const struct { vaddr_t va; const char *s; } strs[] = {
		{ X_PATH, "/bin/hello" }, { X_NOPE, "/nope" },
		{ X_DIR, "/bin" }, { X_MOTD, "/etc/motd" },
		{ X_ARG0, "hello" }, { X_ARG1, "from-exec" },
	};
	const uint32_t argv[3] = { X_ARG0, X_ARG1, 0 }, envp[1] = { 0 };
	u_int i;
	int error;

	for (i = 0; i < nitems(strs); i++)
		if ((error = copyout(strs[i].s, (void *)strs[i].va,
		    strlen(strs[i].s) + 1)) != 0)
			return error;
	if ((error = copyout(argv, (void *)X_ARGV, sizeof(argv))) != 0)
		return error;
	return copyout(envp, (void *)X_ENVP, sizeof(envp));
}

/*
 * P: the console on descriptors 0 and 1, the bad execs (each must leave
 * P as it was), then /bin/hello with two arguments.
 */
static void
exec_entry(void *arg)
{
	struct fu_ctx *c = arg;
	int fd;

	if ((c->error = user_setup(c)) != 0 ||
	    (c->error = open_console(&fd)) != 0 ||
	    (c->error = open_console(&fd)) != 0 ||
	    (c->error = exec_setup_strings()) != 0)
		process_done(c, 1);
	c->terr[0] = exec_call(X_NOPE, X_ARGV);
	c->terr[1] = exec_call(X_DIR, X_ARGV);
	c->terr[2] = exec_call(X_MOTD, X_ARGV);
	c->terr[3] = exec_call(X_PATH, KERNBASE);
	c->terr[4] = exec_call(X_PATH, X_ARGV);
	if (c->terr[4] != EJUSTRETURN)
		process_done(c, 2);
	c->step = 3;
	KERNEL_UNLOCK();		/* and off to /bin/hello */
}

/*
 * execve runs a static ELF program from the ramdisk in place of the
 * caller: ENOENT, EACCES (a directory), ENOEXEC (a text file) and EFAULT
 * (a bad argv) leave the caller running; the real one replaces its
 * image, keeps its pid and descriptors, and the program's exit status
 * (42) reaches the parent.  The program's line on the console is checked
 * by the boot test.
 */
KTEST(exec_runs_a_program_from_the_ramdisk)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = trap_code, .len = sizeof(trap_code) };
	struct proc *p;
	pid_t pid;
	int status;

	if (rootvnode == NULL)
		ktest_skip("no ramdisk");
	proc_baseline(&b);
	pid = start_process(exec_entry, &c, &p);
	status = reap(pid, 5000);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 3);
	KT_EQ(c.terr[0], ENOENT);
	KT_EQ(c.terr[1], EACCES);
	KT_EQ(c.terr[2], ENOEXEC);
	KT_EQ(c.terr[3], EFAULT);
	KT_ASSERT(WIFEXITED(status));
	KT_EQ(WEXITSTATUS(status), 42);
	KT_PROC_BASELINE(&b);
}
