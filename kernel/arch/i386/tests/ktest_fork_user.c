/*
 * kernel/arch/i386/tests/ktest_fork_user.c: fork, vfork and __tfork seen
 * from ring 3, and the machinery under them (preemption of user code,
 * lazy FPU switching, one TSS per thread).
 *
 * The test runner is proc0, which has no user half.  So each fork test
 * first makes a process P with fork1(&proc0, FORK_FORK, ...): P runs a
 * kernel function in its own address space, maps a tiny hand-assembled
 * program there, gives itself a user trap frame with setregs() (without
 * ever going to user mode itself) and then calls sys_fork, sys_vfork or
 * sys___tfork as a system call would.  The child, or new thread, starts
 * from that frame in ring 3:
 *
 *   proc0 --fork1--> P (kernel) --sys_fork--> child (ring 3) --int3--+
 *     |                |  dowait4 <----------- SIGTRAP status -------+
 *     |  dowait4 <---- exit1
 *
 * P must not fail a KT_ assertion (that would longjmp into proc0's stack
 * from another thread), so it writes what it saw into a context and proc0
 * checks it once P is reaped.  Every test ends with KT_PROC_BASELINE: the
 * processes, threads, TSS slots and pages all come back.
 *
 * The tests: fork returns 0 in the child and copies memory on write;
 * vfork returns only after the child is gone; __tfork starts a thread on
 * its stack with its TCB in %gs, and refuses bad arguments; fork copies
 * the FPU; orphans go to init; a faulting user process ends alone; many
 * processes come and go; the clock shares the CPU between processes that
 * never enter the kernel; each kernel thread keeps its own x87 state;
 * each thread has its own TSS.
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

/* Push *v (an IEEE double's bits) onto the x87 stack. */
static void
fpu_load(const uint64_t *v)
{
	__asm volatile("fldl %0" : : "m"(*v));
}

/* Pop the x87 stack top into *v. */
static void
fpu_store(uint64_t *v)
{
	__asm volatile("fstpl %0" : "=m"(*v));
}

/*
 * Map the program into the running process's space: TEXT from code,
 * DATA and STACK zero-filled.  Returns uvm_map's error.
 * => curproc has a user address space of its own (FORK_FORK).
 */
static int
user_map(const uint8_t *code, size_t len)
{
	struct vm_map *map = &curproc->p_vmspace->vm_map;
	vaddr_t va;
	int error;

	va = TEXT;
	error = uvm_map(map, &va, PAGE_SIZE, PROT_READ | PROT_EXEC,
	    PROT_READ | PROT_EXEC, MAP_INHERIT_COPY, (const char *)code, len);
	if (error)
		return error;
	va = DATA;
	error = uvm_map(map, &va, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
	    PROT_READ | PROT_WRITE, MAP_INHERIT_COPY, NULL, 0);
	return error;
}

/*
 * Map c's program and give curproc a user trap frame entering it.  The
 * frame is what a fork or __tfork child copies; curproc itself enters
 * user mode only if its fork1 function returns.
 */
static int
user_setup(struct fu_ctx *c)
{
	int error;

	if ((error = user_map(c->code, c->len)) != 0)
		return error;
	setregs(curproc, TEXT, STACK_TOP);
	return 0;
}

/*
 * Start fn(c) as a new process, a child of process0.  Returns its pid;
 * *pp (if not NULL) gets its thread, valid until it is reaped.
 */
static pid_t
start_process(void (*fn)(void *), void *c, struct proc **pp)
{
	struct proc *p = NULL;
	int error;

	KERNEL_LOCK();
	error = fork1(&proc0, FORK_FORK, fn, c, NULL, &p);
	KERNEL_UNLOCK();
	KT_EQ(error, 0);
	if (pp != NULL)
		*pp = p;
	return p->p_p->ps_pid;
}

/*
 * Reap proc0's child pid if it ends within about ms milliseconds:
 * returns its wait status, or -1 if it is still there.  Polls with
 * WNOHANG so that a child that never ends cannot hang the run.
 */
static int
reap_try(pid_t pid, int ms)
{
	uint64_t end = getnsecuptime() + ms * MS;
	register_t rv = 0;
	int status = -1;

	for (;;) {
		KT_EQ(dowait4(&proc0, pid, &status, WNOHANG, NULL, &rv), 0);
		if (rv == pid)
			return status;
		if (getnsecuptime() >= end)
			return -1;
		tsleep_nsec(&rv, PWAIT, "ktreap", 10 * MS);
	}
}

/* reap_try(), and a child that does not end fails the test. */
static int
reap(pid_t pid, int ms)
{
	int status = reap_try(pid, ms);

	if (status == -1)
		KT_FAIL("pid %d did not end within %d ms", pid, ms);
	return status;
}

/* A process started with start_process ends here. */
static __dead void
process_done(struct fu_ctx *c, int step)
{
	c->step = step;
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

/* Assert that a wait status says "killed by sig" (status read once). */
#define KT_KILLED_BY(status, sig) do {					\
	int _st = (status);						\
	KT_ASSERT(WIFSIGNALED(_st));					\
	KT_EQ(WTERMSIG(_st), (sig));					\
} while (0)

/*
 * fork: the child sees 0 (it stores to DATA and stops with int3, so its
 * status is SIGTRAP); the parent sees a pid and its DATA unchanged.
 */
static const uint8_t fork_child_code[] = {
	0x85, 0xc0,			/* test eax, eax		*/
	0x75, 0x0b,			/* jnz parent_path		*/
	0xc7, 0x05, LE32(DATA),		/* mov dword [DATA], 0x1234	*/
	    LE32(0x1234),
	0xcc,				/* int3: SIGTRAP		*/
	0x0f, 0x0b,			/* parent_path: ud2: SIGILL	*/
};

/* P for fork_user_child_gets_zero. */
static void
fork_parent(void *arg)
{
	struct fu_ctx *c = arg;
	struct proc *p = curproc;
	register_t rv[2], rv2[2];

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	/* Make DATA a real page, so the child shares it copy-on-write. */
	uput((void *)DATA, MARK);
	if ((c->error = sys_fork(p, NULL, rv)) != 0)
		process_done(c, 2);
	c->child = rv[0];
	if ((c->error = dowait4(p, rv[0], &c->status, 0, NULL, rv2)) != 0)
		process_done(c, 3);
	c->data = uget((void *)DATA);
	process_done(c, 4);
}

KTEST(fork_user_child_gets_zero)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = fork_child_code,
	    .len = sizeof(fork_child_code) };
	int forks = uvmexp.forks, cnt = forkstat.cntfork;
	pid_t pid;

	proc_baseline(&b);
	pid = start_process(fork_parent, &c, NULL);
	KT_EQ(reap(pid, 5000), 0);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_ASSERT(c.child > 1 && c.child != pid);
	KT_KILLED_BY(c.status, SIGTRAP);
	KT_EQ(c.data, MARK);		/* the child's store stayed its own */
	KT_EQ(forkstat.cntfork, cnt + 2);
	KT_EQ(uvmexp.forks, forks + 2);
	KT_PROC_BASELINE(&b);
}

/*
 * vfork: the child runs a while before it ends, yet the parent only
 * returns from vfork once it has.
 */
static const uint8_t vfork_child_code[] = {
	0xb9, LE32(200000),		/* mov ecx, 200000		*/
	0xe2, 0xfe,			/* loop $			*/
	0xcc,				/* int3: SIGTRAP		*/
};

/* P for vfork_parent_waits. */
static void
vfork_parent(void *arg)
{
	struct fu_ctx *c = arg;
	struct proc *p = curproc;
	struct process *cr;
	register_t rv[2], rv2[2];

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	if ((c->error = sys_vfork(p, NULL, rv)) != 0)
		process_done(c, 2);
	/* Look before anything else runs: the child must be done. */
	c->child = rv[0];
	c->flags_after = p->p_p->ps_flags;
	cr = zombiefind(rv[0]);
	if (cr == NULL)
		cr = prfind(rv[0]);
	c->child_gone = cr != NULL &&
	    (cr->ps_flags & (PS_ZOMBIE | PS_EXITING)) != 0;
	if ((c->error = dowait4(p, rv[0], &c->status, 0, NULL, rv2)) != 0)
		process_done(c, 3);
	process_done(c, 4);
}

KTEST(vfork_parent_waits)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = vfork_child_code,
	    .len = sizeof(vfork_child_code) };
	int ppwait = uvmexp.forks_ppwait, cnt = forkstat.cntvfork;
	pid_t pid;

	proc_baseline(&b);
	pid = start_process(vfork_parent, &c, NULL);
	KT_EQ(reap(pid, 10000), 0);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_ASSERT(c.child_gone);
	KT_EQ(c.flags_after & PS_ISPWAIT, 0);
	KT_KILLED_BY(c.status, SIGTRAP);
	KT_EQ(forkstat.cntvfork, cnt + 1);
	KT_EQ(uvmexp.forks_ppwait, ppwait + 1);
	KT_PROC_BASELINE(&b);
}

/*
 * __tfork: the new thread reports its TCB (through %gs) and its stack
 * pointer, then spins until it is killed.
 */
static const uint8_t tfork_thread_code[] = {
	0x65, 0xa1, LE32(0),		/* mov eax, [gs:0]		*/
	0xa3, LE32(RES),		/* mov [RES], eax		*/
	0x89, 0x25, LE32(RES + 4),	/* mov [RES + 4], esp		*/
	0xc7, 0x05, LE32(RES + 8),	/* mov dword [RES + 8], 1	*/
	    LE32(1),
	0xeb, 0xfe,			/* jmp $			*/
};

/* Call __tfork with a param at uaddr of psize bytes. */
static int
tfork_call(vaddr_t uaddr, size_t psize, register_t *rv)
{
	struct sys___tfork_args args;

	memset(&args, 0, sizeof(args));
	args.param.datum = (const struct __tfork *)uaddr;
	args.psize.datum = psize;
	return sys___tfork(curproc, &args, rv);
}

/* Write a struct __tfork at PARAM. */
static void
tfork_param(vaddr_t tcb, vaddr_t tid, vaddr_t stack)
{
	uput((void *)(PARAM + offsetof(struct __tfork, tf_tcb)), tcb);
	uput((void *)(PARAM + offsetof(struct __tfork, tf_tid)), tid);
	uput((void *)(PARAM + offsetof(struct __tfork, tf_stack)), stack);
}

/*
 * A call __tfork must refuse, and must refuse before it creates or
 * counts anything: record its error in c->terr[i], and count it in
 * c->tleak if it moved nthreads or uvmexp.forks.
 */
static void
tfork_bad(struct fu_ctx *c, int i, vaddr_t uaddr, size_t psize)
{
	register_t rv[2];
	int threads = nthreads, forks = uvmexp.forks;

	c->terr[i] = tfork_call(uaddr, psize, rv);
	if (nthreads != threads || uvmexp.forks != forks)
		c->tleak++;
}

/*
 * Five ways to call __tfork wrongly.  (A TCB address in the kernel is
 * not one: i386 has no TCB_INVALID, see machine/tcb.h.)
 */
static void
tfork_errors(struct fu_ctx *c)
{
	tfork_param(TCB, TIDP, TSTACK);
	tfork_bad(c, 0, PARAM, 0);
	tfork_bad(c, 1, PARAM, sizeof(struct __tfork) + 1);
	tfork_bad(c, 2, UNMAPPED, sizeof(struct __tfork));
	tfork_param(TCB, TIDP, 0);
	tfork_bad(c, 3, PARAM, sizeof(struct __tfork));
	tfork_param(TCB, TIDP, TSTACK);
	tfork_bad(c, 4, KERNBASE, sizeof(struct __tfork));
}

/* Sleep a tick at a time (up to about ms) until the user word is set. */
static int
poll_user(vaddr_t va, int ms)
{
	uint64_t end = getnsecuptime() + ms * MS;
	int chan;

	while (uget((void *)va) == 0 && getnsecuptime() < end)
		tsleep_nsec(&chan, PWAIT, "ktpoll", 10 * MS);
	return uget((void *)va);
}

/* P for tfork_thread_starts_on_its_stack_with_its_tcb. */
static void
tfork_parent(void *arg)
{
	struct fu_ctx *c = arg;
	struct process *pr = curproc->p_p;
	struct proc *t;
	register_t rv[2];
	int i;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	tfork_errors(c);
	uput((void *)TCB, TCB);
	tfork_param(TCB, TIDP, TSTACK);
	if ((c->error = tfork_call(PARAM, sizeof(struct __tfork), rv)) != 0)
		process_done(c, 2);
	c->tid = rv[0];
	c->tid_out = uget((void *)TIDP);
	c->threadcnt = pr->ps_threadcnt;
	if ((t = tfind(rv[0] - THREAD_PID_OFFSET)) == NULL)
		process_done(c, 3);
	c->p_tid = t->p_tid;
	c->is_thread = (t->p_flag & P_THREAD) && t->p_p == pr;

	poll_user(RES + 8, 1000);
	for (i = 0; i < 3; i++)
		c->seen[i] = uget((void *)(RES + 4 * i));

	psignal(t, SIGKILL);
	for (i = 0; i < 100 && pr->ps_threadcnt > 1; i++)
		tsleep_nsec(&i, PWAIT, "ktkill", 10 * MS);
	c->threadcnt_end = pr->ps_threadcnt;
	process_done(c, 4);
}

KTEST(tfork_thread_starts_on_its_stack_with_its_tcb)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = tfork_thread_code,
	    .len = sizeof(tfork_thread_code) };
	int forks = uvmexp.forks, sharevm = uvmexp.forks_sharevm;
	int cnt = forkstat.cnttfork;
	pid_t pid;

	proc_baseline(&b);
	pid = start_process(tfork_parent, &c, NULL);
	KT_EQ(reap(pid, 5000), 0);
	KT_EQ(c.terr[0], EINVAL);	/* psize 0 */
	KT_EQ(c.terr[1], EINVAL);	/* psize too big */
	KT_EQ(c.terr[2], EFAULT);	/* param unmapped */
	KT_EQ(c.terr[3], EINVAL);	/* no stack */
	KT_EQ(c.terr[4], EFAULT);	/* param in the kernel */
	KT_EQ(c.tleak, 0);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_EQ(c.tid, c.p_tid + THREAD_PID_OFFSET);
	KT_EQ(c.tid_out, c.tid);
	KT_ASSERT(c.is_thread);
	KT_EQ(c.threadcnt, 2);
	KT_EQ(c.seen[2], 1);		/* the thread ran */
	KT_EQ(c.seen[0], TCB);		/* %gs:0 is the TCB's self pointer */
	KT_EQ(c.seen[1], TSTACK);
	KT_EQ(c.threadcnt_end, 1);
	KT_EQ(forkstat.cnttfork, cnt + 1);
	KT_EQ(uvmexp.forks, forks + 2);	/* P and the thread */
	KT_EQ(uvmexp.forks_sharevm, sharevm + 1);
	KT_PROC_BASELINE(&b);
}

/*
 * Two processes that never enter the kernel of their own accord: only
 * the clock (roundrobin -> need_resched -> trap_ast) can share the CPU.
 */
static const uint8_t spin_code[] = {
	0xff, 0x05, LE32(DATA),		/* loop: inc dword [DATA]	*/
	0xeb, 0xf8,			/* jmp loop			*/
};

/* fork1 function that goes to user mode: map, setregs, return. */
static void
user_entry(void *arg)
{
	struct fu_ctx *c = arg;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	c->step = 1;
	KERNEL_UNLOCK();
}

/* p's run time in milliseconds. */
static long long
rtime_ms(const struct proc *p)
{
	return (long long)p->p_rtime.tv_sec * 1000 +
	    p->p_rtime.tv_nsec / 1000000;
}

/*
 * The word at DATA in p's address space, read through the direct map
 * (p's page tables are not the running ones); -1 if it has no page.
 */
static int
peek_data(struct proc *p)
{
	paddr_t pa;

	if (!pmap_extract(p->p_vmspace->vm_map.pmap, DATA, &pa))
		return -1;
	return *(volatile int *)PMAP_DIRECT_MAP(pa);
}

KTEST(user_processes_are_preempted_by_the_clock)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = spin_code, .len = sizeof(spin_code) };
	struct proc *p[2];
	pid_t pid[2];
	long long ms[2];
	int i, chan, count[2], swtch = uvmexp.swtch;

	proc_baseline(&b);
	for (i = 0; i < 2; i++)
		pid[i] = start_process(user_entry, &c, &p[i]);
	KT_EQ(tsleep_nsec(&chan, PWAIT, "ktspin", 2000 * MS), EWOULDBLOCK);
	for (i = 0; i < 2; i++) {
		ms[i] = rtime_ms(p[i]);
		count[i] = peek_data(p[i]);
	}
	ktest_diag("run time in 2000 ms: pid %d %lld ms (%d loops), "
	    "pid %d %lld ms (%d loops); %d switches", pid[0], ms[0],
	    count[0], pid[1], ms[1], count[1], uvmexp.swtch - swtch);
	for (i = 0; i < 2; i++)
		psignal(p[i], SIGKILL);
	for (i = 0; i < 2; i++)
		KT_KILLED_BY(reap(pid[i], 2000), SIGKILL);
	KT_EQ(c.error, 0);
	KT_ASSERT(ms[0] >= 800 && ms[1] >= 800);
	KT_ASSERT(count[0] > 0 && count[1] > 0);	/* both ran ring 3 */
	KT_ASSERT(uvmexp.swtch - swtch >= 10);
	KT_PROC_BASELINE(&b);
}

/* A process whose user code reads address 0: SIGSEGV, nothing else. */
static const uint8_t null_read_code[] = {
	0xa1, LE32(0),			/* mov eax, [0]			*/
	0xcc,				/* int3 (not reached)		*/
};

KTEST(user_fault_ends_only_that_process)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = null_read_code,
	    .len = sizeof(null_read_code) };
	pid_t pid;

	proc_baseline(&b);
	pid = start_process(user_entry, &c, NULL);
	KT_KILLED_BY(reap(pid, 2000), SIGSEGV);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 1);
	KT_PROC_BASELINE(&b);
}

/*
 * fork copies the FPU: P holds 7.0 in st(0) when it forks; the child
 * stores it as an integer and checks it (SIGTRAP if it is 7, SIGILL if
 * not), and P still has its own 7.0 afterwards.
 */
#define FPU_SEVEN	0x401c000000000000ULL	/* 7.0 */

static const uint8_t fpu_child_code[] = {
	0xdb, 0x1d, LE32(DATA + 4),	/* fistp dword [DATA + 4]	*/
	0x83, 0x3d, LE32(DATA + 4), 7,	/* cmp dword [DATA + 4], 7	*/
	0x75, 0x01,			/* jne bad			*/
	0xcc,				/* int3: SIGTRAP		*/
	0x0f, 0x0b,			/* bad: ud2: SIGILL		*/
};

/* P for fork_child_inherits_fpu_state. */
static void
fpu_fork_parent(void *arg)
{
	static const uint64_t seven = FPU_SEVEN;
	struct fu_ctx *c = arg;
	struct proc *p = curproc;
	register_t rv[2], rv2[2];

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	fpu_load(&seven);
	if ((c->error = sys_fork(p, NULL, rv)) != 0)
		process_done(c, 2);
	c->child = rv[0];
	if ((c->error = dowait4(p, rv[0], &c->status, 0, NULL, rv2)) != 0)
		process_done(c, 3);
	fpu_store(&c->fpu);
	process_done(c, 4);
}

KTEST(fork_child_inherits_fpu_state)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = fpu_child_code,
	    .len = sizeof(fpu_child_code) };

	proc_baseline(&b);
	KT_EQ(reap(start_process(fpu_fork_parent, &c, NULL), 5000), 0);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_KILLED_BY(c.status, SIGTRAP);
	KT_EQ(c.fpu, FPU_SEVEN);
	KT_PROC_BASELINE(&b);
}

/*
 * A child whose parent exits goes to init, which reaps it once it is
 * killed.  P forks a child that spins in user mode and exits at once.
 * Run first and alone (ktest=fork_orphan), P is the first thread ever to
 * exit: sched_exit() then starts the idle thread for the first time, and
 * the dead must still reach the reaper while the orphan keeps the CPU
 * busy.
 */
static void
orphan_parent(void *arg)
{
	struct fu_ctx *c = arg;
	struct process *cr;
	register_t rv[2];

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	if ((c->error = sys_fork(curproc, NULL, rv)) != 0)
		process_done(c, 2);
	c->child = rv[0];
	if ((cr = prfind(rv[0])) == NULL)
		process_done(c, 3);
	c->orphan = cr->ps_mainproc;
	process_done(c, 4);
}

KTEST(fork_orphan_goes_to_init)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = spin_code, .len = sizeof(spin_code) };
	register_t rv;
	int pstatus, status, ours = 0, inits = 0;
	pid_t pid, ppid = 0;

	proc_baseline(&b);
	pid = start_process(orphan_parent, &c, NULL);
	pstatus = reap_try(pid, 5000);
	/* Look at the orphan while it spins, then kill it, then assert. */
	if (c.orphan != NULL) {
		inits = c.orphan->p_p->ps_pptr == initproc->p_p;
		ppid = c.orphan->p_p->ps_ppid;
		ours = dowait4(&proc0, c.child, &status, WNOHANG, NULL, &rv);
		psignal(c.orphan, SIGKILL);
	}
	if (pstatus == -1)		/* do not leave P behind, at least */
		(void)reap_try(pid, 2000);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_EQ(pstatus, 0);		/* P was reaped, and exited 0 */
	KT_ASSERT(inits);		/* the orphan is init's now */
	KT_EQ(ppid, 1);
	KT_EQ(ours, ECHILD);		/* and not proc0's to wait for */
	KT_PROC_BASELINE(&b);		/* init reaped it */
}

/* Many short-lived user processes at once: pids, TSS slots, pages. */
static const uint8_t trap_code[] = {
	0xcc,				/* int3: SIGTRAP		*/
};

#define NMANY	24

KTEST(many_user_processes_end_and_are_reaped)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = trap_code, .len = sizeof(trap_code) };
	pid_t pid[NMANY];
	int i, j;

	proc_baseline(&b);
	for (i = 0; i < NMANY; i++)
		pid[i] = start_process(user_entry, &c, NULL);
	for (i = 0; i < NMANY; i++)
		for (j = 0; j < i; j++)
			KT_ASSERT(pid[i] != pid[j]);
	for (i = NMANY - 1; i >= 0; i--)
		KT_KILLED_BY(reap(pid[i], 5000), SIGTRAP);
	KT_EQ(c.error, 0);
	KT_PROC_BASELINE(&b);
}

/*
 * The FPU follows each thread: two kernel threads each load a value onto
 * the x87 stack, wait until both have, switch back and forth, and store
 * it back.  Values are IEEE doubles as bit patterns (the kernel is built
 * without floating-point types): 1.5 and -2.25.
 */
struct fpu_ctx {
	uint64_t	in[2], out[2];
	volatile int	loaded, done;
};

struct fpu_arg {
	struct fpu_ctx	*c;
	int		 i;
};

/* Each FPU thread: load, rendezvous, switch a few times, store. */
static void
fpu_thread(void *arg)
{
	struct fpu_arg *a = arg;
	struct fpu_ctx *c = a->c;
	int i;

	KERNEL_UNLOCK();
	fpu_load(&c->in[a->i]);
	c->loaded++;
	for (i = 0; i < 200 && c->loaded < 2; i++)
		tsleep_nsec(&c->loaded, PWAIT, "ktfpu", 10 * MS);
	for (i = 0; i < 4; i++)
		yield();
	fpu_store(&c->out[a->i]);
	c->done++;
	kthread_exit(0);
}

KTEST(fpu_state_follows_each_thread)
{
	struct proc_baseline b;
	struct fpu_ctx c = {
		.in = { 0x3ff8000000000000ULL, 0xc002000000000000ULL },
	};
	struct fpu_arg a[2] = { { &c, 0 }, { &c, 1 } };
	u_long nswitch = npx_nswitch;
	int i;

	proc_baseline(&b);
	for (i = 0; i < 2; i++)
		KT_EQ(kthread_create(fpu_thread, &a[i], NULL, "ktfpu"), 0);
	KT_EQ(proc_wait_flag((volatile int *)&c.done, 2, 3000), 2);
	ktest_diag("npx_nswitch rose by %lu", npx_nswitch - nswitch);
	KT_EQ(c.out[0], c.in[0]);
	KT_EQ(c.out[1], c.in[1]);
	KT_ASSERT(npx_nswitch - nswitch >= 3);
	KT_PROC_BASELINE(&b);
}

/*
 * A thread that sleeps until *flag is set, then ends: a kernel thread
 * (kthread_exit) or, when forked as a process, exit1.
 */
struct tss_ctx {
	volatile int	started, release;
};

static void
tss_sleeper(void *arg)
{
	struct tss_ctx *c = arg;

	KERNEL_UNLOCK();
	c->started++;
	while (c->release == 0)
		tsleep_nsec(&c->release, PWAIT, "kttss", INFSLP);
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

/* The base address in a GDT descriptor. */
static vaddr_t
desc_base(const struct segment_descriptor *sd)
{
	return sd->sd_lobase | (vaddr_t)sd->sd_midbase << 16 |
	    (vaddr_t)sd->sd_hibase << 24;
}

/*
 * What must hold for a thread t that is not running: an available TSS
 * descriptor of its own, pointing at the TSS in its PCB, which names its
 * own page tables.  Returns a bit per broken property (0: all hold).
 */
static int
tss_check_sleeping(struct proc *t)
{
	const struct segment_descriptor *sd = &gdt[t->p_md.md_tss_sel >> 3];
	const struct i386tss *tss = &t->p_addr->u_pcb.pcb_tss;
	int bad = 0;

	if (t->p_md.md_tss_sel >> 3 < GTSS_FIRST)
		bad |= 1;
	if (sd->sd_type != SDT_SYS386TSS)
		bad |= 2;
	if (desc_base(sd) != (vaddr_t)tss)
		bad |= 4;
	if (tss->tss_cr3 != pmap_pdirpa(t->p_vmspace->vm_map.pmap))
		bad |= 8;
	return bad;
}

KTEST(tss_per_thread)
{
	struct proc_baseline b;
	struct tss_ctx c = { 0, 0 };
	struct proc *k, *u;
	pid_t pid;
	int kbad, ubad, kcr3_shared, ucr3_own;

	proc_baseline(&b);
	KT_EQ(kthread_create(tss_sleeper, &c, &k, "kttss"), 0);
	pid = start_process(tss_sleeper, &c, &u);
	proc_wait_flag(&c.started, 2, 1000);

	/* Look while both sleep; assert only after they are released. */
	kbad = tss_check_sleeping(k);
	ubad = tss_check_sleeping(u);
	kcr3_shared = k->p_addr->u_pcb.pcb_tss.tss_cr3 == rcr3();
	ucr3_own = u->p_addr->u_pcb.pcb_tss.tss_cr3 != rcr3();
	c.release = 1;
	wakeup(&c.release);
	KT_EQ(c.started, 2);
	KT_EQ(WEXITSTATUS(reap(pid, 2000)), 0);

	KT_EQ(kbad, 0);
	KT_EQ(ubad, 0);
	KT_ASSERT(kcr3_shared);		/* a kernel thread: proc0's space */
	KT_ASSERT(ucr3_own);		/* a process: a space of its own */
	KT_EQ(rtr(), GSEL(GTSS_SEL, SEL_KPL));
	KT_EQ(gdt[GTSS_SEL].sd_type, SDT_SYS386BSY);
	KT_EQ(read_eflags() & PSL_NT, 0);
	KT_PROC_BASELINE(&b);
}

/* What P saw of a fork it made while traced with PTRACE_FORK. */
struct pt_seen {
	pid_t	child;			/* sys_fork's return value */
	int	my_event, my_other;	/* P's ptrace state after the fork */
	int	my_sigtrap;		/* P has SIGTRAP pending (fork1) */
	int	ch_traced, ch_orphan;	/* the child: PS_TRACED, PS_ORPHAN */
	pid_t	ch_oppid, ch_ppid;	/* its real parent and its tracer */
	int	ch_event, ch_other;	/* its ptrace state */
	int	ch_sigtrap;		/* stopped with SIGTRAP (fork_return) */
};

static struct pt_seen pt_seen;

/*
 * P for fork_ptrace_reports_both_sides: traced by proc0 (its parent)
 * with PTRACE_FORK in its event mask, it forks a spinning child, looks
 * at both sides, then kills the child and leaves.
 */
static void
ptrace_parent(void *arg)
{
	struct fu_ctx *c = arg;
	struct process *pr = curproc->p_p, *cr;
	struct proc *cp;
	register_t rv[2];
	uint64_t end;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	pr->ps_ptstat = malloc(sizeof(*pr->ps_ptstat), M_SUBPROC,
	    M_WAITOK | M_ZERO);
	pr->ps_ptmask = PTRACE_FORK;
	atomic_setbits_int(&pr->ps_flags, PS_TRACED);
	if ((c->error = sys_fork(curproc, NULL, rv)) != 0)
		process_done(c, 2);
	pt_seen.child = rv[0];
	pt_seen.my_event = pr->ps_ptstat->pe_report_event;
	pt_seen.my_other = pr->ps_ptstat->pe_other_pid;
	pt_seen.my_sigtrap = (curproc->p_siglist & sigmask(SIGTRAP)) != 0;
	if ((cr = prfind(rv[0])) == NULL)
		process_done(c, 3);
	cp = cr->ps_mainproc;
	/* The child stops for its tracer with SIGTRAP from fork_return. */
	end = getnsecuptime() + 1000 * MS;
	while (cr->ps_trapped != cp && getnsecuptime() < end)
		tsleep_nsec(&end, PWAIT, "ktptrace", MS);
	pt_seen.ch_sigtrap = cr->ps_trapped == cp &&
	    cr->ps_xsig == SIGTRAP && (cr->ps_flags & PS_STOPPED);
	pt_seen.ch_traced = (cr->ps_flags & PS_TRACED) != 0;
	pt_seen.ch_orphan = (cr->ps_flags & PS_ORPHAN) != 0;
	pt_seen.ch_oppid = cr->ps_oppid;
	pt_seen.ch_ppid = cr->ps_ppid;
	pt_seen.ch_event = cr->ps_ptstat->pe_report_event;
	pt_seen.ch_other = cr->ps_ptstat->pe_other_pid;
	/* As the tracer's PT_KILL: a stopped tracee waits for it. */
	cr->ps_xsig = SIGKILL;
	proc_continue(cr, 0);
	atomic_clearbits_int(&pr->ps_flags, PS_TRACED);
	process_done(c, 4);
}

/*
 * The seed's PTRACE_FORK path, through sys_fork: FORK_PTRACE and
 * fork_return for the child, which inherits PS_TRACED, goes to the
 * tracer (P's parent, process0) with ps_oppid naming P, and raises
 * SIGTRAP before its first user instruction; both sides report
 * PTRACE_FORK with each other's pid, and P gets SIGTRAP too.
 * (/regress/ptrace does the same through the ptrace system call.)
 */
KTEST(fork_ptrace_reports_both_sides)
{
	struct proc_baseline b;
	struct fu_ctx c = { .code = spin_code, .len = sizeof(spin_code) };
	pid_t pid;

	proc_baseline(&b);
	memset(&pt_seen, 0, sizeof(pt_seen));
	pid = start_process(ptrace_parent, &c, NULL);
	KT_EQ(reap(pid, 5000), 0);
	KT_EQ(c.error, 0);
	KT_EQ(c.step, 4);
	KT_EQ(pt_seen.my_event, PTRACE_FORK);
	KT_EQ(pt_seen.my_other, pt_seen.child);
	KT_ASSERT(pt_seen.my_sigtrap);
	KT_ASSERT(pt_seen.ch_traced);
	KT_ASSERT(pt_seen.ch_orphan);
	KT_EQ(pt_seen.ch_oppid, pid);
	KT_EQ(pt_seen.ch_ppid, 0);		/* process0, P's parent */
	KT_EQ(pt_seen.ch_event, PTRACE_FORK);
	KT_EQ(pt_seen.ch_other, pid);
	KT_ASSERT(pt_seen.ch_sigtrap);
	/* P has gone, so proc0, the tracer, reaps the child itself. */
	KT_KILLED_BY(reap(pt_seen.child, 5000), SIGKILL);
	KT_PROC_BASELINE(&b);
}

/* ---- system calls: int $0x80 from ring 3 ------------------------------ */

/* The word at va (in DATA) in p's address space; -1 if it has no page. */
static int
peek_word(struct proc *p, vaddr_t va)
{
	paddr_t pa;

	if (!pmap_extract(p->p_vmspace->vm_map.pmap, trunc_page(va), &pa))
		return -1;
	return *(volatile int *)PMAP_DIRECT_MAP(pa + (va & PAGE_MASK));
}

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

/* A system call from user code: eax = number, int $0x80. */
#define SYSCALL(n)	0xb8, LE32(n), 0xcd, 0x80
/* mov [va], eax */
#define STORE_EAX(va)	0xa3, LE32(va)

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

/*
 * Open the console for curproc, as open("/dev/console", O_RDWR) will:
 * a new open file on its vnode in the lowest free descriptor.
 */
static int
open_console(int *fdp)
{
	struct file *fp;
	int error;

	if ((error = falloc(curproc, &fp, fdp)) != 0)
		return error;
	fp->f_flag = FREAD | FWRITE;
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = consvp;
	vref(consvp);
	return 0;
}

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

#define X_PATH		(DATA + 0x200)	/* "/bin/hello" */
#define X_NOPE		(DATA + 0x220)	/* "/nope" */
#define X_DIR		(DATA + 0x230)	/* "/bin" */
#define X_MOTD		(DATA + 0x240)	/* "/etc/motd": not a program */
#define X_ARG0		(DATA + 0x260)	/* "hello" */
#define X_ARG1		(DATA + 0x270)	/* "from-exec" */
#define X_ARGV		(DATA + 0x280)	/* { X_ARG0, X_ARG1, NULL } */
#define X_ENVP		(DATA + 0x290)	/* { NULL } */

static int
exec_call(vaddr_t path, vaddr_t argv)
{
	struct sys_execve_args a;
	register_t rv[2];

	memset(&a, 0, sizeof(a));
	SCARG(&a, path) = (const char *)path;
	SCARG(&a, argp) = (char *const *)argv;
	SCARG(&a, envp) = (char *const *)X_ENVP;
	return sys_execve(curproc, &a, rv);
}

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

/* ---- the regress programs (user/regress/) ------------------------------ */

static const char *regress_path;

/* P: the console on 0, 1 and 2, then exec regress_path. */
static void
regress_entry(void *arg)
{
	struct fu_ctx *c = arg;
	const uint32_t argv[2] = { X_PATH, 0 }, envp[1] = { 0 };
	int fd, i;

	if ((c->error = user_setup(c)) != 0)
		process_done(c, 1);
	for (i = 0; i < 3; i++)
		if ((c->error = open_console(&fd)) != 0)
			process_done(c, 2);
	if ((c->error = copyout(regress_path, (void *)X_PATH,
	    strlen(regress_path) + 1)) != 0 ||
	    (c->error = copyout(argv, (void *)X_ARGV, sizeof(argv))) != 0 ||
	    (c->error = copyout(envp, (void *)X_ENVP, sizeof(envp))) != 0)
		process_done(c, 3);
	if ((c->error = exec_call(X_PATH, X_ARGV)) != EJUSTRETURN)
		process_done(c, 4);
	c->error = 0;
	c->step = 5;
	KERNEL_UNLOCK();
}

/*
 * Each program of user/regress (in the ramdisk's /regress) checks a
 * system call from user space, prints what fails, and exits with the
 * number of failures: 0 passes.
 */
KTEST(regress_programs)
{
	static const char *const progs[] = { "/regress/pipe",
	    "/regress/signal", "/regress/time", "/regress/mem",
	    "/regress/fd", "/regress/stop", "/regress/rusage",
	    "/regress/poll", "/regress/fs", "/regress/fork",
	    "/regress/libc", "/regress/libc2", "/regress/tty",
	    "/regress/sh", "/regress/ptrace", "/regress/tracers" };
	struct proc_baseline b;
	struct fu_ctx c;
	u_int i, vrefs;
	int status;

	if (rootvnode == NULL)
		ktest_skip("no ramdisk");
	proc_baseline(&b);
	vrefs = tarfs_refs();
	for (i = 0; i < nitems(progs); i++) {
		memset(&c, 0, sizeof(c));
		c.code = trap_code;
		c.len = sizeof(trap_code);
		regress_path = progs[i];
		status = reap(start_process(regress_entry, &c, NULL), 10000);
		ktest_diag("%s: status 0x%x", progs[i], status);
		KT_EQ(c.error, 0);
		KT_EQ(c.step, 5);
		KT_ASSERT(WIFEXITED(status));
		KT_EQ(WEXITSTATUS(status), 0);
	}
	KT_PROC_BASELINE(&b);
	KT_EQ(tarfs_refs(), vrefs);	/* cwd, files, text: all let go */
}
