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
#include <sys/syscall.h>
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
 * pointer, then spins until told to go, and ends itself (__threxit).
 * (A signal would not do: its default action ends the whole process.)
 */
static const uint8_t tfork_thread_code[] = {
	0x65, 0xa1, LE32(0),		/* mov eax, [gs:0]		*/
	0xa3, LE32(RES),		/* mov [RES], eax		*/
	0x89, 0x25, LE32(RES + 4),	/* mov [RES + 4], esp		*/
	0xc7, 0x05, LE32(RES + 8),	/* mov dword [RES + 8], 1	*/
	    LE32(1),
	0x83, 0x3d, LE32(RES + 12), 0,	/* wait: cmp dword [RES + 12], 0 */
	0x74, 0xf7,			/* je wait			*/
	0x6a, 0x00,			/* push 0 (notdead: NULL)	*/
	0x6a, 0x00,			/* push 0 (a return address)	*/
	0xb8, LE32(SYS___threxit),	/* mov eax, SYS___threxit	*/
	0xcd, 0x80,			/* int 0x80			*/
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

	uput((void *)(RES + 12), 1);	/* the thread may go */
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
