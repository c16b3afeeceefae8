/*
 * regress/tfork: the kernel's thread system calls without a thread
 * library: __tfork, __threxit, futex, thrkill, __get_tcb, and the
 * whole-process rules (exit, exec and a fatal signal from a second
 * thread end every thread; fork copies only the caller).  Prints each
 * check that fails; exits with how many did.  /regress/threads checks
 * the same ground through <pthread.h>.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kern_counts.h"

#define THREAD_PID_OFFSET	100000

struct __tfork {
	void	*tf_tcb;
	pid_t	*tf_tid;
	void	*tf_stack;
};

int	__tfork(const struct __tfork *, size_t);
void	__threxit(pid_t *);
int	thrkill(pid_t, int, void *);
void	*__get_tcb(void);
pid_t	getthrid(void);

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/tfork: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

#define STACK_SIZE	16384

/* A thread: its TCB (whose first word points at itself) and its stack. */
struct thr {
	struct thr *self;		/* %gs:0 */
	int	errno_slot;		/* %gs:4: libc's stubs keep errno
					   here (user/include/tib.h) */
	volatile pid_t tid;		/* the kernel writes it; 0 at exit */
	volatile pid_t seen_tid;	/* getthrid(), from the thread */
	void	*seen_gs0, *seen_tcb;
	void	(*fn)(struct thr *);
	volatile int arg, result;
	char	*stack;
};

/*
 * Start a thread running t->fn(t) on its own stack with t as its TCB;
 * it ends with __threxit(&t->tid).  __tfork returns twice: the new
 * thread comes back with eax 0 on the new stack, so what it needs is
 * in registers (ebx: t, esi: the start routine), which the kernel
 * copies from the caller.
 */
static void thr_start(struct thr *);

static int
thr_create(struct thr *t, void (*fn)(struct thr *))
{
	struct __tfork tf;
	int ret, err;

	t->self = t;
	t->fn = fn;
	t->tid = -1;
	if (t->stack == NULL)
		t->stack = malloc(STACK_SIZE);
	tf.tf_tcb = t;
	tf.tf_tid = (pid_t *)&t->tid;
	tf.tf_stack = t->stack + STACK_SIZE - 16;
	__asm volatile(
	    "pushl %[size]\n\t"
	    "pushl %[tf]\n\t"
	    "pushl $0\n\t"		/* where a call's return address sits */
	    "movl $8, %%eax\n\t"
	    "int $0x80\n\t"
	    "jc 1f\n\t"
	    "testl %%eax, %%eax\n\t"
	    "jnz 2f\n\t"
	    "pushl %%ebx\n\t"		/* the new thread */
	    "call *%%esi\n\t"
	    "hlt\n"
	    "1:\n\t"
	    "movl %%eax, %[err]\n\t"
	    "movl $-1, %%eax\n"
	    "2:\n\t"
	    "addl $12, %%esp"
	    : "=a" (ret), [err] "=m" (err)
	    : [tf] "r" (&tf), [size] "i" (sizeof(tf)), "b" (t),
	      "S" (thr_start)
	    : "ecx", "edx", "memory", "cc");
	if (ret == -1)
		errno = err;
	return ret;
}

/* The new thread's first C code. */
static void
thr_start(struct thr *t)
{
	void *gs0;

	__asm volatile("movl %%gs:0, %0" : "=r" (gs0));
	t->seen_gs0 = gs0;
	t->seen_tcb = __get_tcb();
	t->seen_tid = getthrid();
	t->fn(t);
	__threxit((pid_t *)&t->tid);
}

/* Wait for t to be gone: __threxit clears t->tid and wakes us. */
static void
thr_join(struct thr *t)
{
	pid_t tid;

	while ((tid = t->tid) != 0)
		futex((volatile uint32_t *)&t->tid, FUTEX_WAIT, tid, NULL,
		    NULL);
}

static void
fn_result(struct thr *t)
{
	t->result = t->arg * 2;
}

/* A thread starts with its TCB at %gs:0, its tid, and joins. */
static void
test_create_join(void)
{
	static struct thr t[3];
	int i, nthreads = sysctl_int(KERN_NTHREADS);

	for (i = 0; i < 3; i++) {
		t[i].arg = i + 1;
		CHECK(thr_create(&t[i], fn_result) > THREAD_PID_OFFSET);
	}
	for (i = 0; i < 3; i++) {
		thr_join(&t[i]);
		CHECK(t[i].result == 2 * (i + 1));
		CHECK(t[i].seen_gs0 == &t[i] && t[i].seen_tcb == &t[i]);
		CHECK(t[i].seen_tid > THREAD_PID_OFFSET);
		CHECK(t[i].seen_tid != getthrid());
	}
	CHECK(t[0].seen_tid != t[1].seen_tid &&
	    t[1].seen_tid != t[2].seen_tid && t[0].seen_tid != t[2].seen_tid);
	CHECK(nthreads_settles_at(nthreads));
}

/* __tfork's bad arguments; nothing is created. */
static void
test_tfork_errors(void)
{
	struct __tfork tf = { NULL, NULL, NULL };
	static char stack[256];
	int nthreads = sysctl_int(KERN_NTHREADS);

	tf.tf_stack = stack + sizeof(stack);
	errno = 0;
	CHECK(__tfork(&tf, 0) == -1 && errno == EINVAL);
	CHECK(__tfork(&tf, sizeof(tf) + 1) == -1 && errno == EINVAL);
	CHECK(__tfork((void *)0x10, sizeof(tf)) == -1 && errno == EFAULT);
	tf.tf_stack = NULL;
	CHECK(__tfork(&tf, sizeof(tf)) == -1 && errno == EINVAL);
	CHECK(sysctl_int(KERN_NTHREADS) == nthreads);
}

/* futex's answers: EAGAIN, ETIMEDOUT, EINVAL, ENOSYS, EFAULT. */
static void
test_futex_errors(void)
{
	static volatile uint32_t word = 5;
	struct timespec ts = { 0, 20 * 1000 * 1000 }, t0, t1;

	CHECK(futex(&word, FUTEX_WAIT, 4, NULL, NULL) == -1 &&
	    errno == EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CHECK(futex(&word, FUTEX_WAIT_PRIVATE, 5, &ts, NULL) == -1 &&
	    errno == ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK((t1.tv_sec - t0.tv_sec) * 1000000000LL + t1.tv_nsec -
	    t0.tv_nsec >= 20 * 1000 * 1000);
	ts.tv_nsec = 2000000000L;
	CHECK(futex(&word, FUTEX_WAIT, 5, &ts, NULL) == -1 &&
	    errno == EINVAL);
	CHECK(futex(&word, FUTEX_WAIT, 5, (void *)0x10, NULL) == -1 &&
	    errno == EFAULT);
	CHECK(futex(&word, 77, 5, NULL, NULL) == -1 && errno == ENOSYS);
	CHECK(futex((void *)0x10, FUTEX_WAIT, 5, NULL, NULL) == -1 &&
	    errno == EFAULT);
	CHECK(futex(&word, FUTEX_WAKE, 10, NULL, NULL) == 0);
}

static volatile uint32_t ping;

/* Wait for ping to leave 0, then wake whoever waits for 2. */
static void
fn_pong(struct thr *t)
{
	while (ping == 0)
		futex(&ping, FUTEX_WAIT, 0, NULL, NULL);
	t->result = ping;
	ping = 2;
	futex(&ping, FUTEX_WAKE, 1, NULL, NULL);
}

/* WAKE wakes a sleeper, which then wakes us in turn. */
static void
test_futex_wake(void)
{
	static struct thr t;
	int i;

	ping = 0;
	CHECK(thr_create(&t, fn_pong) > 0);
	for (i = 0; i < 1000 && futex(&ping, FUTEX_WAKE, 1, NULL,
	    NULL) == 0; i++)
		sched_yield();	/* until the thread sleeps on ping */
	ping = 1;
	futex(&ping, FUTEX_WAKE, 1, NULL, NULL);
	while (ping != 2)
		futex(&ping, FUTEX_WAIT, 1, NULL, NULL);
	thr_join(&t);
	CHECK(t.result == 1);
}

static volatile pid_t handled_by;

static void
on_usr1(int sig)
{
	(void)sig;
	handled_by = getthrid();
}

static volatile int stop_spin;

static void
fn_spin(struct thr *t)
{
	(void)t;
	while (!stop_spin)
		sched_yield();
}

/*
 * thrkill: errors, and a signal for one thread runs its handler in that
 * thread; kill() to the process goes to the thread that does not block
 * the signal.
 */
static void
test_signals(void)
{
	static struct thr t;
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t set, old;
	int i;

	CHECK(thrkill(0, 99, NULL) == -1 && errno == EINVAL);
	CHECK(thrkill(5, 0, NULL) == -1 && errno == ESRCH);
	CHECK(thrkill(THREAD_PID_OFFSET + 524289 + 1, 0, NULL) == -1 &&
	    errno == ESRCH);
	CHECK(thrkill(0, 0, NULL) == 0);
	CHECK(thrkill(0, 0, (void *)4) == -1 && errno == ESRCH);
	sigaction(SIGUSR1, &sa, NULL);
	stop_spin = 0;
	CHECK(thr_create(&t, fn_spin) > 0);
	while (t.seen_tid == 0)
		sched_yield();
	handled_by = 0;
	CHECK(thrkill(t.seen_tid, SIGUSR1, &t) == 0);
	for (i = 0; i < 1000 && handled_by == 0; i++)
		sched_yield();
	CHECK(handled_by == t.seen_tid);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	handled_by = 0;
	CHECK(kill(getpid(), SIGUSR1) == 0);
	for (i = 0; i < 1000 && handled_by == 0; i++)
		sched_yield();
	CHECK(handled_by == t.seen_tid);
	sigprocmask(SIG_SETMASK, &old, NULL);
	stop_spin = 1;
	thr_join(&t);
	CHECK(thrkill(t.seen_tid, 0, NULL) == -1 && errno == ESRCH);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGUSR1, &sa, NULL);
}

static void
fn_exit7(struct thr *t)
{
	(void)t;
	_exit(7);
}

static void
fn_segv(struct thr *t)
{
	(void)t;
	*(volatile int *)0 = 1;
}

static void
fn_exec(struct thr *t)
{
	char *argv[] = { "sh", "-c", "exit 5", NULL }, *envp[] = { NULL };

	(void)t;
	execve("/bin/sh", argv, envp);
	_exit(99);
}

/*
 * In a child: start a thread running fn while the first thread sleeps
 * (in a futex wait that nothing ends); return the child's wait status.
 */
static int
child_with_thread(void (*fn)(struct thr *))
{
	static struct thr t;
	static volatile uint32_t never;
	pid_t pid;
	int status = -1;

	if ((pid = fork()) == 0) {
		if (thr_create(&t, fn) < 0)
			_exit(98);
		for (;;)
			futex(&never, FUTEX_WAIT, 0, NULL, NULL);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* exit, exec and a fault in the second thread are the process's. */
static void
test_whole_process(void)
{
	int status, nthreads = sysctl_int(KERN_NTHREADS);
	int nprocs = sysctl_int(KERN_NPROCS);

	status = child_with_thread(fn_exit7);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	status = child_with_thread(fn_segv);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_with_thread(fn_exec);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5);
	CHECK(sysctl_int(KERN_NTHREADS) == nthreads);
	CHECK(sysctl_int(KERN_NPROCS) == nprocs);
}

/* The kernel's copy of the tid to a bad tf_tid is SIGSEGV for us. */
static void
test_bad_tid(void)
{
	struct __tfork tf;
	static char stack[1024];
	pid_t pid;
	int status = 0;

	if ((pid = fork()) == 0) {
		tf.tf_tcb = NULL;
		tf.tf_tid = (pid_t *)0x10;
		tf.tf_stack = stack + sizeof(stack);
		/* The new thread (eax 0) just ends. */
		if (__tfork(&tf, sizeof(tf)) == 0)
			__threxit(NULL);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

/* The states of pid's threads, through kern.proc; how many there are. */
static int
thread_states(pid_t pid, int *stat, int max)
{
	int mib[6] = { CTL_KERN, KERN_PROC,
	    KERN_PROC_PID | KERN_PROC_SHOW_THREADS, pid,
	    sizeof(struct kinfo_proc), 16 };
	static struct kinfo_proc kp[16];
	size_t len = sizeof(kp);
	int i, n;

	if (sysctl(mib, 6, kp, &len, NULL, 0) == -1)
		return -1;
	n = len / sizeof(kp[0]);
	for (i = 0; stat != NULL && i < n && i < max; i++)
		stat[i] = kp[i].p_stat;
	return n;
}

/* How many threads pid has. */
static int
count_threads(pid_t pid)
{
	return thread_states(pid, NULL, 0);
}

/*
 * ps -H, run while this process has two threads: two lines with our pid,
 * with this thread's tid and the other's.
 */
static void
check_ps_threads(pid_t other)
{
	char *argv[] = { "ps", "-H", NULL }, *envp[] = { NULL };
	static char out[8192];
	int p[2], lpid, ltid, n = 0, seen = 0, status;
	size_t len = 0;
	ssize_t r;
	char *line;
	pid_t pid;

	pipe(p);
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execve("/bin/ps", argv, envp);
		_exit(99);
	}
	close(p[1]);
	while (len < sizeof(out) - 1 &&
	    (r = read(p[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += r;
	out[len] = '\0';
	close(p[0]);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	for (line = strtok(out, "\n"); line != NULL;
	    line = strtok(NULL, "\n"))
		if (sscanf(line, "%d %d", &lpid, &ltid) == 2 &&
		    lpid == getpid()) {
			n++;
			seen |= (ltid == getthrid()) | (ltid == other) << 1;
		}
	CHECK(n == 2 && seen == 3);
}

static volatile uint32_t rq_from, rq_to;

/* Sleep once on rq_from; say so in result when woken. */
static void
fn_requeue(struct thr *t)
{
	futex(&rq_from, FUTEX_WAIT, 0, NULL, NULL);
	t->result = 7;
}

/*
 * FUTEX_REQUEUE moves a sleeper without waking it: after it, a wake on
 * the old word finds nobody and one on the new word wakes the thread.
 * Onto the same word, it only wakes (and returns at once).
 */
static void
test_futex_requeue(void)
{
	static struct thr t;
	int stat[2], i;

	rq_from = rq_to = 0;
	CHECK(thr_create(&t, fn_requeue) > 0);
	for (i = 0; i < 1000; i++) {
		if (thread_states(getpid(), stat, 2) == 2 && stat[1] == 3)
			break;		/* SSLEEP: in its futex wait */
		sched_yield();
	}
	CHECK(futex(&rq_from, FUTEX_REQUEUE, 0, (void *)1, &rq_to) == 0);
	CHECK(futex(&rq_from, FUTEX_WAKE, 1, NULL, NULL) == 0);
	CHECK(t.result == 0);
	CHECK(futex(&rq_to, FUTEX_WAKE, 1, NULL, NULL) == 1);
	thr_join(&t);
	CHECK(t.result == 7);
	CHECK(futex(&rq_to, FUTEX_REQUEUE, 1, (void *)0x7fffffff,
	    &rq_to) == 0);
}

/* fork in a threaded process: the child has one thread, the caller. */
static void
test_fork(void)
{
	static struct thr t;
	int p[2], status = -1;
	char c = 0;
	pid_t pid;

	stop_spin = 0;
	CHECK(thr_create(&t, fn_spin) > 0);
	CHECK(count_threads(getpid()) == 2);
	while (t.seen_tid == 0)
		sched_yield();
	check_ps_threads(t.seen_tid);
	pipe(p);
	if ((pid = fork()) == 0) {
		read(p[0], &c, 1);
		_exit(0);
	}
	CHECK(count_threads(pid) == 1);
	write(p[1], &c, 1);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	close(p[0]);
	close(p[1]);
	stop_spin = 1;
	thr_join(&t);
}

static void
fn_loop(struct thr *t)
{
	(void)t;
	for (;;)
		continue;
}

/*
 * Job control stops every thread (two that never enter the kernel on
 * their own, and one asleep in a futex), SIGCONT starts them again, and
 * SIGKILL from outside ends them all.
 */
static void
test_stop_kill(void)
{
	static struct thr t[2];
	static volatile uint32_t never;
	int p[2], status, stat[4], n, i;
	pid_t pid;
	char c;

	pipe(p);
	if ((pid = fork()) == 0) {
		thr_create(&t[0], fn_loop);
		thr_create(&t[1], fn_loop);
		write(p[1], "x", 1);
		for (;;)
			futex(&never, FUTEX_WAIT, 0, NULL, NULL);
	}
	CHECK(read(p[0], &c, 1) == 1);
	CHECK(kill(pid, SIGSTOP) == 0);
	CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
	/* A spinning thread stops at its next clock tick. */
	for (i = 0; i < 50; i++) {
		n = thread_states(pid, stat, 4);
		if (n == 3 && stat[0] == 4 && stat[1] == 4 && stat[2] == 4)
			break;
		usleep(10000);
	}
	CHECK(n == 3);
	CHECK(stat[1] == 4 && stat[2] == 4);	/* SSTOP */
	CHECK(kill(pid, SIGCONT) == 0);
	CHECK(waitpid(pid, &status, WCONTINUED) == pid &&
	    WIFCONTINUED(status));
	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL);
	close(p[0]);
	close(p[1]);
}

static int exec_pipe[2];

/* Exec while the first thread sleeps in a pipe read. */
static void
fn_exec_sh(struct thr *t)
{
	char *argv[] = { "sh", "-c", "exit 6", NULL }, *envp[] = { NULL };

	(void)t;
	execve("/bin/sh", argv, envp);
	_exit(99);
}

/* An exec that fails leaves the other threads as they were. */
static void
fn_exec_bad(struct thr *t)
{
	char *argv[] = { "nothing", NULL }, *envp[] = { NULL };

	t->result = execve("/nonexistent", argv, envp) == -1 ?
	    errno : 0;
	write(exec_pipe[1], "y", 1);
}

static void
test_exec_sleeping(void)
{
	static struct thr t;
	int status = -1, p[2];
	pid_t pid;
	char c;

	pipe(p);
	if ((pid = fork()) == 0) {
		thr_create(&t, fn_exec_sh);
		read(p[0], &c, 1);	/* nobody writes: only exec ends it */
		_exit(97);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 6);
	close(p[0]);
	close(p[1]);

	/* Failing: the reader is woken by the unwind and reads on. */
	pipe(exec_pipe);
	CHECK(thr_create(&t, fn_exec_bad) > 0);
	CHECK(read(exec_pipe[0], &c, 1) == 1 && c == 'y');
	thr_join(&t);
	CHECK(t.result == ENOENT);
	close(exec_pipe[0]);
	close(exec_pipe[1]);
}

/* Create threads spinning on stop_spin until one fails; how many did. */
static int
spin_threads(struct thr *t, int max, int *err)
{
	int n;

	stop_spin = 0;
	for (n = 0; n < max; n++)
		if (thr_create(&t[n], fn_spin) < 0)
			break;
	*err = errno;
	stop_spin = 1;
	for (max = 0; max < n; max++)
		thr_join(&t[max]);
	return n;
}

/*
 * kern.maxthread: root may lower it; then __tfork fails with EAGAIN at
 * the limit, 5 threads short of it for other users (the seed's
 * fork_check_maxthread), and nothing is left counted after.
 */
static void
test_maxthread(void)
{
	static struct thr t[16];
	int mib[2] = { CTL_KERN, KERN_MAXTHREAD };
	int old = sysctl_int(KERN_MAXTHREAD), nthreads, max, n, err, status;
	pid_t pid;

	nthreads = sysctl_int(KERN_NTHREADS);
	max = old + 1;
	CHECK(sysctl(mib, 2, NULL, NULL, &max, sizeof(max)) == -1 &&
	    errno == EINVAL);
	max = nthreads + 8;
	CHECK(sysctl(mib, 2, NULL, NULL, &max, sizeof(max)) == 0);
	n = spin_threads(t, 16, &err);
	CHECK(n == 8 && err == EAGAIN);
	if ((pid = fork()) == 0) {
		/* One thread more counts now: this process's. */
		setuid(1000);
		if (sysctl(mib, 2, NULL, NULL, &old, sizeof(old)) != -1 ||
		    errno != EPERM)
			_exit(99);
		n = spin_threads(t, 16, &err);
		_exit(err == EAGAIN ? n : 98);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 8 - 1 - 5);
	CHECK(sysctl(mib, 2, NULL, NULL, &old, sizeof(old)) == 0);
	CHECK(sysctl_int(KERN_MAXTHREAD) == old);
	CHECK(nthreads_settles_at(nthreads));
}

int
main(void)
{
	test_tfork_errors();
	test_create_join();
	test_futex_errors();
	test_futex_wake();
	test_signals();
	test_whole_process();
	test_bad_tid();
	test_fork();
	test_futex_requeue();
	test_stop_kill();
	test_exec_sleeping();
	test_maxthread();
	printf("regress/tfork: %d failure%s\n", failures,
	    failures == 1 ? "" : "s");
	return failures;
}
