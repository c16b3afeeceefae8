/*
 * regress/ptrace: ptrace(2) as OpenBSD documents it, seen from a tracer:
 * PT_TRACE_ME and exec's SIGTRAP stop; PT_ATTACH, reading memory and
 * PT_DETACH, the real parent then seeing the exit; PT_READ_D/PT_WRITE_D
 * and every PT_IO op; a breakpoint in text that neither the tracer nor
 * a sibling running the same pages sees; PT_STEP; PT_GETREGS/SETREGS
 * (EAX changed at a system-call stop) and the FPU registers; fork
 * tracing with PTRACE_FORK over three generations, both stops and
 * pe_other_pid against fork's return values; vfork not reported;
 * signals passed by PT_CONTINUE delivered, others suppressed; a tracer's
 * exit killing its tracee; and each permission and bad-input errno.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <machine/reg.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/ptrace: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* ptrace's result and errno, for CHECK(ERR(...) == EINVAL). */
#define ERR(req, pid, addr, data)					\
	(errno = 0, ptrace((req), (pid), (caddr_t)(addr), (data)) == -1 ? \
	    errno : 0)

#define MAGIC		0x5a5a1234
#define PS_SYSTEM	0x00010000	/* <sys/proc.h>'s, in p_psflags */

static volatile int magic = MAGIC;	/* read by the tracer */
static volatile int go;			/* written by the tracer */
static char iobuf[64] = "the tracee's buffer";

/* Code the step test runs: a one-byte and a five-byte instruction. */
extern char step_code[];
__asm__(".text\n"
	".globl step_code\n"
	"step_code:\n"
	"	nop\n"
	"	movl $5, %eax\n"
	"	int3\n");

/* Where the breakpoint goes: the same text in every process here. */
__attribute__((noinline)) int
bp_target(int x)
{
	__asm__ volatile("" ::: "memory");
	return x * 3 + 1;
}

static void
nap(void)
{
	struct timespec ts = { 0, 2 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/* pid's next wait status, or -1 if wait4 said otherwise. */
static int
wstat(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid ? status : -1;
}

/* Functions, not macros: the status is often a wstat() call. */
static int
STOPPED_BY(int st, int sig)
{
	return WIFSTOPPED(st) && WSTOPSIG(st) == sig;
}

static int
EXITED_WITH(int st, int n)
{
	return WIFEXITED(st) && WEXITSTATUS(st) == n;
}

/*
 * A child traced by us that has stopped with SIGSTOP right after
 * PT_TRACE_ME (inside kill(2)); then, once continued, fn's value is its
 * exit status.
 */
static pid_t
traced_child(int (*fn)(void))
{
	pid_t pid;

	if ((pid = fork()) == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) != 0)
			_exit(99);
		kill(getpid(), SIGSTOP);
		_exit(fn());
	}
	CHECK(pid > 0);
	CHECK(STOPPED_BY(wstat(pid), SIGSTOP));
	return pid;
}

static int
ret0(void)
{
	return 0;
}

/* PT_TRACE_ME, then exec: stopped with SIGTRAP in the new image. */
static void
test_traceme_exec(void)
{
	char *av[] = { "ptrace", "-exit", "7", NULL };
	struct reg r;
	pid_t pid;
	int st;

	if ((pid = fork()) == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) != 0)
			_exit(99);
		/* Twice is EBUSY. */
		if (ERR(PT_TRACE_ME, 0, NULL, 0) != EBUSY)
			_exit(98);
		execv("/regress/ptrace", av);
		_exit(97);
	}
	st = wstat(pid);
	CHECK(STOPPED_BY(st, SIGTRAP));
	/* Stopped before the first instruction: at the ELF entry, _start. */
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eip != 0);
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	st = wstat(pid);
	CHECK(EXITED_WITH(st, 7));
}

/*
 * Attach to a grandchild G that its parent R waits for: read its memory,
 * let it go on through a write, detach; R sees G's exit status.
 */
static void
test_attach_detach(void)
{
	int fds[2], st;
	pid_t r, g = 0;

	CHECK(pipe(fds) == 0);
	if ((r = fork()) == 0) {
		if ((g = fork()) == 0) {
			while (!go)
				nap();
			_exit(42);
		}
		write(fds[1], &g, sizeof(g));
		st = wstat(g);
		_exit(EXITED_WITH(st, 42) ? 0 : 1);
	}
	CHECK(read(fds[0], &g, sizeof(g)) == sizeof(g));
	close(fds[0]);
	close(fds[1]);

	CHECK(ptrace(PT_ATTACH, g, NULL, 0) == 0);
	CHECK(ERR(PT_ATTACH, g, NULL, 0) == EBUSY);	/* already traced */
	CHECK(STOPPED_BY(wstat(g), SIGSTOP));
	CHECK(ptrace(PT_READ_D, g, (caddr_t)&magic, 0) == MAGIC);
	CHECK(ptrace(PT_WRITE_D, g, (caddr_t)&go, 1) == 0);
	CHECK(ptrace(PT_DETACH, g, (caddr_t)1, 0) == 0);
	/* Not ours any more: its real parent waits for it. */
	CHECK(waitpid(g, &st, WNOHANG) == -1 && errno == ECHILD);
	CHECK(EXITED_WITH(wstat(r), 0));
}

/*
 * Attaching to a child already stopped by job control: its parent saw
 * the stop; PT_ATTACH continues it to stop again with the SIGSTOP the
 * tracer sees, and after PT_DETACH with no signal it runs on to its end.
 */
static void
test_attach_stopped(void)
{
	int st;
	pid_t c;

	if ((c = fork()) == 0) {
		raise(SIGSTOP);
		_exit(4);
	}
	CHECK(waitpid(c, &st, WUNTRACED) == c && STOPPED_BY(st, SIGSTOP));
	CHECK(ptrace(PT_ATTACH, c, NULL, 0) == 0);
	CHECK(STOPPED_BY(wstat(c), SIGSTOP));
	CHECK(ptrace(PT_DETACH, c, (caddr_t)1, 0) == 0);
	CHECK(EXITED_WITH(wstat(c), 4));
}

/* The memory requests, on a stopped child. */
static void
test_memory(void)
{
	struct ptrace_io_desc io;
	char buf[64];
	pid_t pid = traced_child(ret0);
	int v;

	/* PT_READ_D / PT_WRITE_D, unaligned too. */
	CHECK(ptrace(PT_READ_D, pid, (caddr_t)&magic, 0) == MAGIC);
	CHECK(ptrace(PT_WRITE_D, pid, (caddr_t)&magic, 0x01020304) == 0);
	CHECK(ptrace(PT_READ_D, pid, (caddr_t)&magic, 0) == 0x01020304);
	CHECK(magic == MAGIC);			/* ours is untouched */
	CHECK(ptrace(PT_WRITE_D, pid, (caddr_t)(iobuf + 1), 0x41424344) == 0);
	v = ptrace(PT_READ_D, pid, (caddr_t)(iobuf + 1), 0);
	CHECK(v == 0x41424344);
	CHECK(ptrace(PT_READ_I, pid, (caddr_t)bp_target, 0) ==
	    *(int *)(void *)bp_target);

	/* PT_IO: each op round-trips, piod_len is what moved. */
	memset(&io, 0, sizeof(io));
	io.piod_op = PIOD_READ_D;
	io.piod_offs = iobuf;
	io.piod_addr = buf;
	io.piod_len = sizeof(buf);
	CHECK(ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0);
	CHECK(io.piod_len == sizeof(buf));
	CHECK(memcmp(buf, "tDCBAracee's buffer", 20) == 0);
	strcpy(buf, "written by PIOD_WRITE_D");
	io.piod_op = PIOD_WRITE_D;
	CHECK(ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0);
	memset(buf, 0, sizeof(buf));
	io.piod_op = PIOD_READ_I;
	CHECK(ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0);
	CHECK(strcmp(buf, "written by PIOD_WRITE_D") == 0);
	strcpy(buf, "and by PIOD_WRITE_I");
	io.piod_op = PIOD_WRITE_I;
	CHECK(ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0);
	CHECK(ptrace(PT_READ_D, pid, (caddr_t)iobuf, 0) ==
	    *(int *)(void *)"and ");
	/* Across a page boundary (the program's first two text pages). */
	io.piod_op = PIOD_READ_I;
	io.piod_offs = (void *)(0x01001000 - 16);
	io.piod_len = 32;
	CHECK(ptrace(PT_IO, pid, (caddr_t)&io, 0) == 0 && io.piod_len == 32);
	CHECK(memcmp(buf, (void *)(0x01001000 - 16), 32) == 0);

	/* Bad addresses in the tracee: an error, not a panic. */
	CHECK(ERR(PT_READ_D, pid, 16, 0) == EFAULT);
	CHECK(ERR(PT_WRITE_D, pid, 0xc0001000, 0) == EFAULT);
	CHECK(ERR(PT_READ_D, pid, 0xfffffffe, 0) == EFAULT);
	io.piod_op = PIOD_READ_D;
	io.piod_offs = (void *)16;
	io.piod_len = 8;
	CHECK(ERR(PT_IO, pid, &io, 0) == EFAULT && io.piod_len == 0);
	/* Part way: the stack's top page moves, then user space ends. */
	io.piod_offs = (char *)0xc0000000 - 4;
	io.piod_len = 8;
	CHECK(ERR(PT_IO, pid, &io, 0) == EFAULT && io.piod_len == 4);
	io.piod_len = 8;
	/* Bad buffers in the tracer: EFAULT. */
	io.piod_offs = iobuf;
	io.piod_addr = (void *)16;
	CHECK(ERR(PT_IO, pid, &io, 0) == EFAULT);
	CHECK(ERR(PT_IO, pid, 16, 0) == EFAULT);
	io.piod_addr = buf;
	io.piod_op = 99;			/* no such op */
	CHECK(ERR(PT_IO, pid, &io, 0) == EINVAL);
	io.piod_op = 0;
	CHECK(ERR(PT_IO, pid, &io, 0) == EINVAL);

	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(EXITED_WITH(wstat(pid), 0));
}

/* Registers: a round trip, and EAX changed at a system-call stop. */
static int
eax_child(void)
{
	int r = kill(getpid(), SIGSTOP);	/* the tracer makes it 1234 */

	return r == 1234 ? 0 : 1;
}

static void
test_regs(void)
{
	struct reg r, r2;
	struct fpreg fp, fp2;
	pid_t pid = traced_child(eax_child);

	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGSTOP));	/* in eax_child's kill */
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eax == 0);			/* kill's result, so far */
	CHECK(r.r_cs != 0 && r.r_ss != 0 && (r.r_eflags & 0x200) != 0);
	CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r2, 0) == 0);
	CHECK(memcmp(&r, &r2, sizeof(r)) == 0);

	/* What the return to user mode could not load: EINVAL. */
	r2 = r;
	r2.r_eflags |= 0x3000;			/* IOPL 3 */
	CHECK(ERR(PT_SETREGS, pid, &r2, 0) == EINVAL);
	r2 = r;
	r2.r_cs = 0x08;				/* the kernel's code */
	CHECK(ERR(PT_SETREGS, pid, &r2, 0) == EINVAL);
	r2 = r;
	r2.r_ds = 0xfffb;
	CHECK(ERR(PT_SETREGS, pid, &r2, 0) == EINVAL);
	CHECK(ERR(PT_GETREGS, pid, 16, 0) == EFAULT);
	CHECK(ERR(PT_SETREGS, pid, 0xc0000000, 0) == EFAULT);

	/* The FPU: a round trip (the control word of a fresh FPU). */
	CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp, 0) == 0);
	CHECK((*(int *)(void *)fp.__data & 0xffff) == 0x37f);
	CHECK(ptrace(PT_SETFPREGS, pid, (caddr_t)&fp, 0) == 0);
	CHECK(ptrace(PT_GETFPREGS, pid, (caddr_t)&fp2, 0) == 0);
	CHECK(memcmp(&fp, &fp2, sizeof(fp)) == 0);

	r.r_eax = 1234;
	CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(EXITED_WITH(wstat(pid), 0));
}

/* PT_STEP: one instruction at a time, then SIGTRAP. */
static void
test_step(void)
{
	struct reg r;
	pid_t pid = traced_child(ret0);
	int st;

	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	r.r_eip = (int)step_code;
	r.r_eax = 0;
	CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(ptrace(PT_STEP, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGTRAP));
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eip == (int)step_code + 1);	/* past the nop */
	CHECK(r.r_eax == 0);
	/* PT_STEP's addr: where to resume (the same place, here). */
	CHECK(ptrace(PT_STEP, pid, (caddr_t)(step_code + 1), 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGTRAP));
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eip == (int)step_code + 6);	/* past the movl */
	CHECK(r.r_eax == 5);
	/* Continue: int3 is a breakpoint, SIGTRAP after it. */
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGTRAP));
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eip == (int)step_code + 7);
	CHECK(ptrace(PT_KILL, pid, NULL, 0) == 0);
	st = wstat(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
}

/*
 * A breakpoint written into the tracee's text: the tracee hits it; we
 * and a sibling forked before it (sharing the page copy-on-write) do
 * not.
 */
static int
bp_child(void)
{
	return bp_target(2) == 7 ? 0 : 1;
}

static void
test_breakpoint(void)
{
	int fds[2], word, st;
	char c;
	struct reg r;
	pid_t pid, sib;

	CHECK(pipe(fds) == 0);
	if ((sib = fork()) == 0) {
		read(fds[0], &c, 1);
		_exit(bp_target(3) == 10 ? 0 : 1);
	}
	pid = traced_child(bp_child);
	word = ptrace(PT_READ_I, pid, (caddr_t)bp_target, 0);
	CHECK(word == *(int *)(void *)bp_target);
	CHECK(ptrace(PT_WRITE_I, pid, (caddr_t)bp_target,
	    (word & ~0xff) | 0xcc) == 0);
	CHECK((ptrace(PT_READ_I, pid, (caddr_t)bp_target, 0) & 0xff) == 0xcc);
	CHECK(*(unsigned char *)(void *)bp_target != 0xcc);
	CHECK(bp_target(1) == 4);		/* we do not trap */
	CHECK(write(fds[1], "x", 1) == 1);	/* nor does the sibling */
	CHECK(EXITED_WITH(wstat(sib), 0));
	close(fds[0]);
	close(fds[1]);

	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	st = wstat(pid);
	CHECK(STOPPED_BY(st, SIGTRAP));
	CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(r.r_eip == (int)bp_target + 1);
	/* Put the instruction back and run it. */
	CHECK(ptrace(PT_WRITE_I, pid, (caddr_t)bp_target, word) == 0);
	r.r_eip = (int)bp_target;
	CHECK(ptrace(PT_SETREGS, pid, (caddr_t)&r, 0) == 0);
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(EXITED_WITH(wstat(pid), 0));
}

/* ---- fork tracing ---- */

#define NGEN	3			/* forks in the chain */

static int depth;

/* Fork the next generation; exit with 0 if all below went well. */
static int
fork_chain(void)
{
	pid_t pid;
	int st;

	if (depth == NGEN)
		return 0;
	if ((pid = fork()) == 0) {
		depth++;
		_exit(fork_chain());
	}
	if (pid < 0)
		return 1;
	st = wstat(pid);
	return EXITED_WITH(st, 0) ? 0 : 2;
}

struct fork_event {
	pid_t	pid;			/* who stopped */
	pid_t	other;			/* its pe_other_pid */
	int	eax;			/* fork's return value there */
};

static void
test_fork_tracing(void)
{
	struct fork_event ev[2 * NGEN];
	ptrace_event_t pe = { PTRACE_FORK };
	ptrace_state_t ps;
	struct reg r;
	pid_t top, pid;
	int nev = 0, st, i, j, found, nexit = 0;

	top = traced_child(fork_chain);
	CHECK(ptrace(PT_SET_EVENT_MASK, top, (caddr_t)&pe, sizeof(pe)) == 0);
	memset(&pe, 0, sizeof(pe));
	CHECK(ptrace(PT_GET_EVENT_MASK, top, (caddr_t)&pe, sizeof(pe)) == 0);
	CHECK(pe.pe_set_event == PTRACE_FORK);
	CHECK(ptrace(PT_CONTINUE, top, (caddr_t)1, 0) == 0);

	/* Every stop and exit until the top of the chain exits. */
	for (;;) {
		if ((pid = waitpid(-1, &st, 0)) <= 0) {
			CHECK(0);
			break;
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			nexit++;
			if (pid == top) {
				CHECK(EXITED_WITH(st, 0));
				break;
			}
			continue;
		}
		/* A child's exit stops its parent too (SIGCHLD). */
		if (STOPPED_BY(st, SIGCHLD)) {
			/* Its fork event ended when it was continued. */
			CHECK(ptrace(PT_GET_PROCESS_STATE, pid, (caddr_t)&ps,
			    sizeof(ps)) == 0 && ps.pe_report_event == 0);
			CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
			continue;
		}
		CHECK(STOPPED_BY(st, SIGTRAP));
		CHECK(ptrace(PT_GET_PROCESS_STATE, pid, (caddr_t)&ps,
		    sizeof(ps)) == 0);
		CHECK(ps.pe_report_event == PTRACE_FORK);
		CHECK(ptrace(PT_GETREGS, pid, (caddr_t)&r, 0) == 0);
		if (nev < 2 * NGEN) {
			ev[nev].pid = pid;
			ev[nev].other = ps.pe_other_pid;
			ev[nev].eax = r.r_eax;
			nev++;
		}
		/* A new child: follow its forks too. */
		pe.pe_set_event = PTRACE_FORK;
		if (r.r_eax == 0)
			CHECK(ptrace(PT_SET_EVENT_MASK, pid, (caddr_t)&pe,
			    sizeof(pe)) == 0);
		CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	}
	/* NGEN forks, each seen from both sides, naming each other. */
	CHECK(nev == 2 * NGEN);
	CHECK(nexit == NGEN + 1);
	for (i = 0; i < nev; i++) {
		found = 0;
		for (j = 0; j < nev; j++)
			if (ev[j].pid == ev[i].other &&
			    ev[j].other == ev[i].pid)
				found++;
		CHECK(found == 1);
		/* The parent's fork returned the child, the child's 0. */
		CHECK(ev[i].eax == 0 || ev[i].eax == ev[i].other);
		for (j = 0; j < nev; j++)
			if (ev[j].pid == ev[i].other &&
			    ev[j].other == ev[i].pid)
				CHECK((ev[i].eax == 0) != (ev[j].eax == 0));
	}
}

/* vfork is never reported, even with PTRACE_FORK in the mask. */
static int
vfork_child(void)
{
	pid_t pid;
	int st;

	if ((pid = vfork()) == 0)
		_exit(3);
	st = wstat(pid);
	return EXITED_WITH(st, 3) ? 0 : 1;
}

static void
test_vfork_not_reported(void)
{
	ptrace_event_t pe = { PTRACE_FORK };
	pid_t pid = traced_child(vfork_child), got;
	int st;

	CHECK(ptrace(PT_SET_EVENT_MASK, pid, (caddr_t)&pe, sizeof(pe)) == 0);
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	/* Its SIGCHLD stops it (every signal does), nothing else. */
	for (;;) {
		got = waitpid(-1, &st, 0);
		CHECK(got == pid);
		if (got != pid || !WIFSTOPPED(st))
			break;
		CHECK(WSTOPSIG(st) == SIGCHLD);
		CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	}
	CHECK(EXITED_WITH(st, 0));
}

/* Signals: stopped on each; what PT_CONTINUE passes is delivered. */
static volatile sig_atomic_t nusr1, nusr2;

static void
on_usr1(int sig)
{
	(void)sig;
	nusr1++;
}

static void
on_usr2(int sig)
{
	(void)sig;
	nusr2++;
}

static int
signal_child(void)
{
	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, on_usr2);
	signal(SIGINT, SIG_IGN);
	raise(SIGUSR1);		/* passed on: the handler runs */
	raise(SIGUSR2);		/* suppressed */
	raise(SIGTERM);		/* suppressed: it would kill */
	raise(SIGINT);		/* ignored, but the tracer sees it */
	raise(SIGUSR2);		/* the tracer passes SIGUSR1 instead */
	return nusr1 * 10 + nusr2;
}

static void
test_signals(void)
{
	pid_t pid = traced_child(signal_child);

	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGUSR1));
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, SIGUSR1) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGUSR2));
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGTERM));
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGINT));
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, SIGINT) == 0);
	CHECK(STOPPED_BY(wstat(pid), SIGUSR2));
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, SIGUSR1) == 0);
	CHECK(EXITED_WITH(wstat(pid), 20));
}

/*
 * A tracer that exits kills what it traces; the tracee goes back to its
 * real parent, which reaps it.  ps shows the X meanwhile (not checked
 * here: the flag is PS_TRACED in kern.proc).
 */
static void
test_tracer_exit(void)
{
	struct kinfo_proc kp;
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_PID, 0,
	    sizeof(kp), 1 };
	size_t len = sizeof(kp);
	pid_t c, t;
	int st;

	if ((c = fork()) == 0)
		for (;;)
			nap();
	if ((t = fork()) == 0) {
		if (ptrace(PT_ATTACH, c, NULL, 0) != 0)
			_exit(1);
		if (!STOPPED_BY(wstat(c), SIGSTOP))
			_exit(2);
		mib[3] = c;
		if (sysctl(mib, 6, &kp, &len, NULL, 0) != 0 ||
		    (kp.p_psflags & 0x200) == 0 || kp.p_ppid != getpid())
			_exit(3);
		_exit(0);		/* still attached, c stopped */
	}
	CHECK(EXITED_WITH(wstat(t), 0));
	st = wstat(c);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	CHECK(waitpid(-1, &st, WNOHANG) == -1 && errno == ECHILD);
}

/* ---- permissions and bad input ---- */

/* A kernel thread's pid (PS_SYSTEM), or 0. */
static pid_t
system_pid(void)
{
	static struct kinfo_proc kp[64];
	int mib[6] = { CTL_KERN, KERN_PROC, KERN_PROC_KTHREAD, 0,
	    sizeof(struct kinfo_proc), 64 };
	size_t len = sizeof(kp), i;

	if (sysctl(mib, 6, kp, &len, NULL, 0) != 0)
		return 0;
	for (i = 0; i < len / sizeof(kp[0]); i++)
		if ((kp[i].p_psflags & PS_SYSTEM) && kp[i].p_pid > 1)
			return kp[i].p_pid;
	return 0;
}

/* Run fn in a child as uid 1000; its exit status is fn's errno. */
static int
as_user(int (*fn)(pid_t), pid_t arg)
{
	pid_t pid;
	int st;

	if ((pid = fork()) == 0) {
		if (setuid(1000) != 0)
			_exit(250);
		_exit(fn(arg));
	}
	st = wstat(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int
attach_errno(pid_t pid)
{
	return ERR(PT_ATTACH, pid, NULL, 0);
}

/* As a set-id process (setuid marks it), attach to its own child. */
static int
attach_own_child(pid_t unused)
{
	pid_t pid;
	int e;

	(void)unused;
	if ((pid = fork()) == 0)
		for (;;)
			nap();
	e = attach_errno(pid);
	kill(pid, SIGKILL);
	wstat(pid);
	return e;
}

static int
attach_parent(pid_t unused)
{
	(void)unused;
	return attach_errno(getppid());
}

static void
test_permissions(void)
{
	pid_t pid, sys, gone, other;
	int st;

	/* Unknown requests. */
	CHECK(ERR(3, getpid(), NULL, 0) == EINVAL);
	CHECK(ERR(6, getpid(), NULL, 0) == EINVAL);
	CHECK(ERR(99, getpid(), NULL, 0) == EINVAL);
	CHECK(ERR(-1, getpid(), NULL, 0) == EINVAL);
	/* Oneself, init, a system process. */
	CHECK(ERR(PT_ATTACH, getpid(), NULL, 0) == EINVAL);
	if (kill(1, 0) == 0)
		CHECK(ERR(PT_ATTACH, 1, NULL, 0) == EPERM);
	if ((sys = system_pid()) != 0)
		CHECK(ERR(PT_ATTACH, sys, NULL, 0) == EPERM);
	/* A pid that is not there. */
	if ((gone = fork()) == 0)
		_exit(0);
	wstat(gone);
	CHECK(ERR(PT_ATTACH, gone, NULL, 0) == ESRCH);
	CHECK(ERR(PT_CONTINUE, gone, 1, 0) == ESRCH);
	CHECK(ERR(PT_READ_D, gone, &magic, 0) == ESRCH);
	CHECK(ERR(PT_GET_EVENT_MASK, gone, NULL, sizeof(ptrace_event_t)) ==
	    ESRCH);

	/* Not traced: EPERM; traced and running: EBUSY. */
	if ((pid = fork()) == 0)
		for (;;)
			nap();
	CHECK(ERR(PT_CONTINUE, pid, 1, 0) == EPERM);
	CHECK(ERR(PT_READ_D, pid, &magic, 0) == EPERM);
	CHECK(ERR(PT_DETACH, pid, 1, 0) == EPERM);
	CHECK(ptrace(PT_ATTACH, pid, NULL, 0) == 0);
	/* Stopped, but the stop not yet waited for: EBUSY. */
	nap();
	CHECK(ERR(PT_READ_D, pid, &magic, 0) == EBUSY);
	CHECK(STOPPED_BY(wstat(pid), SIGSTOP));
	CHECK(ERR(PT_CONTINUE, pid, 1, NSIG) == EINVAL);
	CHECK(ERR(PT_CONTINUE, pid, 1, -1) == EINVAL);
	CHECK(ERR(PT_GET_PROCESS_STATE, pid, 16, sizeof(ptrace_state_t)) ==
	    EFAULT);
	CHECK(ERR(PT_GET_PROCESS_STATE, pid, &st, 3) == EINVAL);
	CHECK(ERR(PT_SET_EVENT_MASK, pid, 16, sizeof(ptrace_event_t)) ==
	    EFAULT);
	CHECK(ptrace(PT_CONTINUE, pid, (caddr_t)1, 0) == 0);
	CHECK(ERR(PT_CONTINUE, pid, 1, 0) == EBUSY);
	CHECK(ERR(PT_READ_D, pid, &magic, 0) == EBUSY);
	CHECK(ERR(PT_GETREGS, pid, &st, 0) == EBUSY);
	/* Someone else's tracee: EBUSY. */
	if ((other = fork()) == 0)
		_exit(ERR(PT_CONTINUE, pid, 1, 0) == EBUSY &&
		    ERR(PT_ATTACH, pid, NULL, 0) == EBUSY ? 0 : 1);
	CHECK(EXITED_WITH(wstat(other), 0));
	kill(pid, SIGKILL);		/* never stops for the tracer */
	st = wstat(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

	/* Another user's process, a set-id one, one's ancestor. */
	if ((pid = fork()) == 0)
		for (;;)
			nap();
	CHECK(as_user(attach_errno, pid) == EPERM);
	CHECK(as_user(attach_own_child, 0) == EPERM);
	kill(pid, SIGKILL);
	wstat(pid);
	if ((pid = fork()) == 0)
		_exit(attach_parent(0));
	CHECK(EXITED_WITH(wstat(pid), EINVAL));
}

int
main(int argc, char *argv[])
{
	/* The program the exec test runs: exit with argv[2]. */
	if (argc == 3 && strcmp(argv[1], "-exit") == 0)
		return atoi(argv[2]);

	test_traceme_exec();
	test_attach_detach();
	test_attach_stopped();
	test_memory();
	test_regs();
	test_step();
	test_breakpoint();
	test_fork_tracing();
	test_vfork_not_reported();
	test_signals();
	test_tracer_exit();
	test_permissions();
	printf("regress/ptrace: %d failures\n", failures);
	return failures;
}
