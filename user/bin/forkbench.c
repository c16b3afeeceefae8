/*
 * forkbench: the user-space half of `make bench`, in guest instructions.
 *
 * make bench boots QEMU with -icount shift=0, where the guest's clock
 * advances one nanosecond per instruction: CLOCK_MONOTONIC differences
 * are instruction counts, kernel and libc included.  Each figure is the
 * mean over many runs, printed as "bench NAME VALUE" (the kernel's own
 * benchmarks print getpid, fork_exit_wait, vfork_exit_wait, cow_fault).
 * Run elsewhere, the figures are nanoseconds of that machine.
 *
 *   fork_exec_wait   fork, execve of /bin/true, waitpid
 *   pipe_roundtrip   one byte to a child and one byte back
 *   fork_heap_NM     fork + _exit + waitpid with N MiB of touched memory
 *   ptrace_stop_continue  a traced child's signal stop and PT_CONTINUE
 *   fork_traced      fork + _exit + waitpid in a child traced with
 *                    PTRACE_FORK, the stops included
 *   kevent_fork_notify  from fork to its NOTE_FORK in the parent's kevent
 *   thread_create_join  pthread_create of a thread that returns at once,
 *                    and pthread_join (stack mmap and munmap included)
 *   futex_pingpong   two threads of one process wake each other through
 *                    a futex word: one round trip, two task switches
 *   mutex_uncontended  pthread_mutex_lock + unlock, nobody else wanting it
 *
 * The thread benchmarks run last: the first pthread_create turns libc's
 * locks on (__isthreaded), which the other figures should not pay.
 *
 * "forkbench NAME [N]" runs one of them (or fork_exit_wait,
 * vfork_exit_wait, getpid) N times, between two getppid() markers:
 * "make profile" (tests/profile.pl) counts the instructions between
 * them, function by function.
 */

#include <sys/types.h>
#include <sys/event.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/futex.h>
#include <sys/wait.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static uint64_t
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/*
 * The profiler's marker (tests/profile.pl counts the instructions between
 * the first two getppid calls): called just before and just after each
 * timed loop.
 */
static void
mark(void)
{
	(void)getppid();
}

static void
report(const char *name, uint64_t t0, int n)
{
	mark();
	printf("bench %s %lu\n", name, (unsigned long)((now() - t0) / n));
}

static void
fork_exec_wait(int n)
{
	char *argv[] = { "true", NULL };
	uint64_t t0;
	pid_t pid;
	int i;

	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		if ((pid = fork()) == 0) {
			execve("/bin/true", argv, environ);
			_exit(127);
		}
		waitpid(pid, NULL, 0);
	}
	report("fork_exec_wait", t0, n);
}

static void
pipe_roundtrip(int n)
{
	int to[2], from[2], i;
	uint64_t t0;
	pid_t pid;
	char c = 0;

	if (pipe(to) == -1 || pipe(from) == -1)
		return;
	if ((pid = fork()) == 0) {
		close(to[1]);		/* else its read never sees EOF */
		close(from[0]);
		while (read(to[0], &c, 1) == 1)
			write(from[1], &c, 1);
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	write(to[1], &c, 1);		/* warm up: both sides running */
	read(from[0], &c, 1);
	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		write(to[1], &c, 1);
		read(from[0], &c, 1);
	}
	report("pipe_roundtrip", t0, n);
	close(to[1]);
	close(from[0]);
	waitpid(pid, NULL, 0);
}

/* fork + _exit + waitpid while mib MiB of anonymous memory are touched. */
static void
fork_heap(int mib, int n)
{
	size_t len = (size_t)mib << 20, off;
	char name[32], *mem = NULL;
	uint64_t t0;
	pid_t pid;
	int i;

	if (len > 0) {
		mem = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANON, -1, 0);
		if (mem == MAP_FAILED) {
			printf("forkbench: no %d MiB to touch\n", mib);
			return;
		}
		for (off = 0; off < len; off += 4096)
			mem[off] = 1;
	}
	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		if ((pid = fork()) == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	snprintf(name, sizeof(name), "fork_heap_%dM", mib);
	report(name, t0, n);
	if (len > 0)
		munmap(mem, len);
}

/* vfork + _exit + waitpid: for the profiler (the kernel times this one). */
static void
vfork_exit_wait(int n)
{
	uint64_t t0;
	pid_t pid;
	int i;

	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		if ((pid = vfork()) == 0)
			_exit(0);
		waitpid(pid, NULL, 0);
	}
	report("vfork_exit_wait", t0, n);
}

/* getpid: for the profiler (the kernel times the bare system call). */
static void
getpid_loop(int n)
{
	uint64_t t0;
	int i;

	mark();
	t0 = now();
	for (i = 0; i < n; i++)
		(void)getpid();
	report("getpid", t0, n);
}

static void
fork_exit_wait(int n)
{
	fork_heap(0, n);
}

/*
 * A traced child raising SIGUSR1 (ignored) n times: each raise stops it
 * for us (a tracee stops on every signal), and PT_CONTINUE with no
 * signal lets it go on.  One figure per stop and continue.
 */
static void
ptrace_stop_continue(int n)
{
	uint64_t t0;
	pid_t pid;
	int i, status;

	if ((pid = fork()) == 0) {
		signal(SIGUSR1, SIG_IGN);
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) == -1)
			_exit(1);
		for (i = 0; i < n + 1; i++)
			raise(SIGUSR1);
		_exit(0);
	}
	waitpid(pid, &status, 0);		/* the first: warm up */
	ptrace(PT_CONTINUE, pid, (caddr_t)1, 0);
	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		waitpid(pid, &status, 0);
		ptrace(PT_CONTINUE, pid, (caddr_t)1, 0);
	}
	report("ptrace_stop_continue", t0, n);
	waitpid(pid, &status, 0);
}

/*
 * fork + _exit + waitpid in a child traced with PTRACE_FORK: each fork
 * stops both sides with SIGTRAP, the grandchild's exit is reported to us
 * (its tracer) before its parent reaps it, and the SIGCHLD stops its
 * parent; we continue every stop, handing on the signals but SIGTRAP.
 */
static void
fork_traced(int n)
{
	ptrace_event_t pe = { PTRACE_FORK };
	uint64_t t0;
	pid_t pid, w;
	int i, status, sig;

	if ((pid = fork()) == 0) {
		if (ptrace(PT_TRACE_ME, 0, NULL, 0) == -1)
			_exit(1);
		raise(SIGSTOP);			/* wait for the event mask */
		for (i = 0; i < n; i++) {
			if ((w = fork()) == 0)
				_exit(0);
			waitpid(w, NULL, 0);
		}
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ptrace(PT_SET_EVENT_MASK, pid, (caddr_t)&pe, sizeof(pe));
	mark();
	t0 = now();
	ptrace(PT_CONTINUE, pid, (caddr_t)1, 0);
	while ((w = waitpid(-1, &status, 0)) != -1) {
		if (w == pid && !WIFSTOPPED(status))
			break;
		if (!WIFSTOPPED(status))
			continue;
		sig = WSTOPSIG(status) == SIGTRAP ? 0 : WSTOPSIG(status);
		ptrace(PT_CONTINUE, w, (caddr_t)1, sig);
	}
	report("fork_traced", t0, n);
}

/*
 * A process watching itself with EVFILT_PROC NOTE_FORK: the time from
 * calling fork to kevent returning the NOTE_FORK event, in the parent:
 * fork1 and its knote_locked(), the activation, fork's return, and
 * kevent's scan and copyout.  The child's exit and the wait are not
 * timed.
 */
static void
kevent_fork_notify(int n)
{
	struct kevent kev;
	uint64_t t0, sum = 0;
	int kq = kqueue(), i;
	pid_t pid;

	EV_SET(&kev, getpid(), EVFILT_PROC, EV_ADD, NOTE_FORK, 0, NULL);
	if (kq == -1 || kevent(kq, &kev, 1, NULL, 0, NULL) == -1) {
		printf("forkbench: kqueue failed\n");
		return;
	}
	mark();
	for (i = 0; i < n; i++) {
		t0 = now();
		if ((pid = fork()) == 0)
			_exit(0);
		if (kevent(kq, NULL, 0, &kev, 1, NULL) != 1 ||
		    (kev.fflags & NOTE_FORK) == 0)
			printf("forkbench: no NOTE_FORK\n");
		sum += now() - t0;
		waitpid(pid, NULL, 0);
	}
	mark();
	printf("bench kevent_fork_notify %lu\n", (unsigned long)(sum / n));
	close(kq);
}

static void *
thread_nop(void *arg)
{
	return arg;
}

static void
thread_create_join(int n)
{
	pthread_t t;
	uint64_t t0;
	int i;

	pthread_create(&t, NULL, thread_nop, NULL);	/* warm up */
	pthread_join(t, NULL);
	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		pthread_create(&t, NULL, thread_nop, NULL);
		pthread_join(t, NULL);
	}
	report("thread_create_join", t0, n);
}

static volatile uint32_t ping;

/* The other side of futex_pingpong: wait for 1, answer 0, n times. */
static void *
pong(void *arg)
{
	int n = (intptr_t)arg, i;

	for (i = 0; i < n; i++) {
		while (ping == 0)
			futex(&ping, FUTEX_WAIT_PRIVATE, 0, NULL, NULL);
		ping = 0;
		futex(&ping, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	}
	return NULL;
}

/* One round: 1 and a wake to pong, then sleep until it answers 0. */
static void
ping_once(void)
{
	ping = 1;
	futex(&ping, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	while (ping == 1)
		futex(&ping, FUTEX_WAIT_PRIVATE, 1, NULL, NULL);
}

static void
futex_pingpong(int n)
{
	pthread_t t;
	uint64_t t0;
	int i;

	pthread_create(&t, NULL, pong, (void *)(intptr_t)(n + 1));
	ping_once();				/* warm up: both running */
	mark();
	t0 = now();
	for (i = 0; i < n; i++)
		ping_once();
	report("futex_pingpong", t0, n);
	pthread_join(t, NULL);
}

static void
mutex_uncontended(int n)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	uint64_t t0;
	int i;

	mark();
	t0 = now();
	for (i = 0; i < n; i++) {
		pthread_mutex_lock(&m);
		pthread_mutex_unlock(&m);
	}
	report("mutex_uncontended", t0, n);
}

/* "forkbench NAME [N]": one benchmark, N times (for tests/profile.pl). */
static const struct {
	const char	*name;
	void		(*func)(int);
} one[] = {
	{ "fork_exec_wait", fork_exec_wait },
	{ "pipe_roundtrip", pipe_roundtrip },
	{ "fork_exit_wait", fork_exit_wait },
	{ "vfork_exit_wait", vfork_exit_wait },
	{ "getpid", getpid_loop },
	{ "ptrace_stop_continue", ptrace_stop_continue },
	{ "fork_traced", fork_traced },
	{ "kevent_fork_notify", kevent_fork_notify },
	{ "thread_create_join", thread_create_join },
	{ "futex_pingpong", futex_pingpong },
	{ "mutex_uncontended", mutex_uncontended },
};

int
main(int argc, char *argv[])
{
	static const int sizes[] = { 0, 1, 4, 16, 64 };
	unsigned int i;

	if (argc > 1) {
		for (i = 0; i < sizeof(one) / sizeof(one[0]); i++)
			if (strcmp(argv[1], one[i].name) == 0) {
				one[i].func(argc > 2 ? atoi(argv[2]) : 10);
				return 0;
			}
		fprintf(stderr, "forkbench: no benchmark %s\n", argv[1]);
		return 1;
	}
	fork_exec_wait(50);
	pipe_roundtrip(500);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		fork_heap(sizes[i], 50);
	ptrace_stop_continue(200);
	fork_traced(50);
	kevent_fork_notify(50);
	thread_create_join(50);
	futex_pingpong(500);
	mutex_uncontended(10000);
	return 0;
}
