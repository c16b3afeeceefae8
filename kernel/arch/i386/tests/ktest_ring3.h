/*
 * kernel/arch/i386/tests/ktest_ring3.h: what the ring-3 self-tests
 * (ktest_fork_user.c, ktest_syscall_user.c, ktest_regress.c) share: the
 * address space of a test process, struct fu_ctx, and the helpers of
 * ktest_ring3.c that start such a process (a child of proc0 made with
 * fork1), give it a user program and reap it.
 */
#ifndef _KTEST_RING3_H_
#define _KTEST_RING3_H_

#include <sys/types.h>
#include <sys/proc.h>
#include <sys/wait.h>

/*
 * The user address space of every test process:
 *
 *   0x10000000  TEXT   the program (read/execute, from an image)
 *   0x10001000  DATA   read/write, demand zero: results, TCB, __tfork
 *   0x10002000  STACK  read/write, demand zero; STACK_TOP is its end
 */
#define TEXT		0x10000000UL
#define DATA		0x10001000UL
#define STACK		0x10002000UL
#define STACK_TOP	(STACK + PAGE_SIZE)

/* Where __tfork's test keeps things in DATA. */
#define TCB		(DATA + 0x100)	/* first word: its own address */
#define TIDP		(DATA + 0x200)	/* tf_tid: the kernel stores here */
#define RES		(DATA + 0x300)	/* the thread's eax, esp, done */
#define PARAM		(DATA + 0x400)	/* struct __tfork */
#define TSTACK		(STACK + 0xf00)	/* the thread's stack top */
#define UNMAPPED	0x30000000UL	/* nothing is mapped here */

/* A 32-bit little-endian immediate or displacement, as code bytes. */
#define LE32(x)	((x) & 0xff), (((x) >> 8) & 0xff), (((x) >> 16) & 0xff), \
		(((x) >> 24) & 0xff)

#define MS		1000000ULL	/* nanoseconds */
#define MARK		0x5a5a		/* P's word in DATA before a fork */

/* What a test process P was asked to do and what it saw. */
struct fu_ctx {
	const uint8_t	*code;		/* the user program and its length */
	size_t		 len;
	int		 error;		/* first failing call, or 0 */
	int		 step;		/* how far P got, for diagnosis */
	pid_t		 child;		/* fork's return value in P */
	int		 status;	/* the child's wait status */
	int		 data;		/* P's DATA word after the child */
	int		 flags_after;	/* vfork: P's ps_flags on return */
	int		 child_gone;	/* vfork: child exited on return */
	/* __tfork */
	int		 terr[5];	/* errors of the bad calls */
	int		 tleak;		/* bad calls that changed a count */
	register_t	 tid;		/* sys___tfork's return value */
	int		 tid_out;	/* what it stored at tf_tid */
	int		 p_tid;		/* the new thread's p_tid */
	int		 is_thread;	/* P_THREAD, same process */
	int		 threadcnt;	/* ps_threadcnt after __tfork */
	int		 threadcnt_end;	/* and after SIGKILL */
	int		 seen[3];	/* the thread's eax (TCB), esp, 1 */
	uint64_t	 fpu;		/* P's st(0) after the child ran */
	struct proc	*orphan;	/* the child P left behind */
};

/* A system call from user code: eax = number, int $0x80. */
#define SYSCALL(n)	0xb8, LE32(n), 0xcd, 0x80
/* mov [va], eax */
#define STORE_EAX(va)	0xa3, LE32(va)


/* Where execve's tests keep their strings and vectors in DATA. */
#define X_PATH		(DATA + 0x200)	/* "/bin/hello" */
#define X_NOPE		(DATA + 0x220)	/* "/nope" */
#define X_DIR		(DATA + 0x230)	/* "/bin" */
#define X_MOTD		(DATA + 0x240)	/* "/etc/motd": not a program */
#define X_ARG0		(DATA + 0x260)	/* "hello" */
#define X_ARG1		(DATA + 0x270)	/* "from-exec" */
#define X_ARGV		(DATA + 0x280)	/* { X_ARG0, X_ARG1, NULL } */
#define X_ENVP		(DATA + 0x290)	/* { NULL } */

int	user_map(const uint8_t *, size_t);
int	user_setup(struct fu_ctx *);
pid_t	start_process(void (*)(void *), void *, struct proc **);
int	reap_try(pid_t, int);
int	reap(pid_t, int);
__dead void process_done(struct fu_ctx *, int);
void	user_entry(void *);
int	peek_word(struct proc *, vaddr_t);
int	open_console(int *);
int	exec_call(vaddr_t, vaddr_t);
extern const uint8_t trap_code[1];

/* Assert that a wait status says "killed by sig" (status read once). */
#define KT_KILLED_BY(status, sig) do {					\
	int _st = (status);						\
	KT_ASSERT(WIFSIGNALED(_st));					\
	KT_EQ(WTERMSIG(_st), (sig));					\
} while (0)

#endif /* _KTEST_RING3_H_ */
