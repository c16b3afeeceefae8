/*
 * regress/fork: fork(2), vfork(2), exit and wait as OpenBSD documents
 * them, seen from a user program: return values and pids, what a child
 * inherits (descriptors sharing their offset, signal actions, the mask)
 * and what it does not (pending signals), copy-on-write isolation of
 * stack, heap, data and bss, MAP_SHARED and MAP_INHERIT_NONE memory;
 * vfork's waiting parent and private child; wait statuses, WNOHANG,
 * orphans going to init, the counters, RLIMIT_NPROC, EFAULT.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/vmmeter.h>
#include <sys/wait.h>
#include <uvm/uvmexp.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/fork: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

static int data_var = 1;		/* .data */
static int bss_var;			/* .bss */

/* The child's exit status, or -1. */
static int
reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void
test_pids(void)
{
	int fds[2], status;
	pid_t me = getpid(), pid, got;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		pid_t info[2] = { getpid(), getppid() };

		write(fds[1], info, sizeof(info));
		_exit(0);
	}
	CHECK(pid > 0 && pid != me);
	{
		pid_t info[2];

		CHECK(read(fds[0], info, sizeof(info)) == sizeof(info));
		CHECK(info[0] == pid && info[1] == me);
	}
	got = waitpid(pid, &status, 0);
	CHECK(got == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(waitpid(pid, &status, 0) == -1 && errno == ECHILD);
	close(fds[0]);
	close(fds[1]);
}

/* Stack, heap, data and bss are the child's own after fork. */
static void
test_cow(void)
{
	volatile int stack_var = 1;
	int *heap = malloc(sizeof(int));
	pid_t pid;

	*heap = 1;
	bss_var = 1;
	if ((pid = fork()) == 0) {
		stack_var = 2;
		*heap = 2;
		data_var = 2;
		bss_var = 2;
		_exit(stack_var + *heap + data_var + bss_var == 8 ? 0 : 1);
	}
	CHECK(reap(pid) == 0);
	CHECK(stack_var == 1 && *heap == 1 && data_var == 1 && bss_var == 1);
	free(heap);
}

/* MAP_SHARED memory is shared, MAP_INHERIT_NONE memory is not there. */
static void
test_shared_and_none(void)
{
	volatile int *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);
	volatile int *none = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	int status;
	pid_t pid;

	CHECK(sh != MAP_FAILED && none != MAP_FAILED);
	CHECK(minherit((void *)none, 4096, MAP_INHERIT_NONE) == 0);
	if ((pid = fork()) == 0) {
		*sh = 42;
		(void)*none;		/* not mapped in the child */
		_exit(0);
	}
	status = reap(pid);
	CHECK(*sh == 42);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	munmap((void *)sh, 4096);
	munmap((void *)none, 4096);
}

/* Descriptors share their offset; actions and mask go, pending does not. */
static void
test_inherit(void)
{
	int fd = open("/etc/motd", O_RDONLY), status;
	sigset_t set, old;
	pid_t pid;
	char c;

	CHECK(fd >= 0);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);				/* pending in the parent */
	if ((pid = fork()) == 0) {
		sigset_t mask, pend;
		int bad = 0;

		bad |= read(fd, &c, 1) != 1;	/* moves the shared offset */
		sigprocmask(SIG_BLOCK, NULL, &mask);
		bad |= !sigismember(&mask, SIGUSR1) << 1;
		sigpending(&pend);
		bad |= sigismember(&pend, SIGUSR1) << 2;
		bad |= (signal(SIGUSR2, SIG_DFL) != SIG_IGN) << 3;
		_exit(bad);
	}
	status = reap(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(lseek(fd, 0, SEEK_CUR) == 1);	/* the child's read */
	sigpending(&set);
	CHECK(sigismember(&set, SIGUSR1));	/* still ours */
	signal(SIGUSR1, SIG_IGN);		/* drop it, then unblock */
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	close(fd);
}

static int
forkstat_vforks(void)
{
	int mib[2] = { CTL_KERN, KERN_FORKSTAT };
	struct forkstat fs;
	size_t len = sizeof(fs);

	return sysctl(mib, 2, &fs, &len, NULL, 0) == 0 ? fs.cntvfork : -1;
}

static struct uvmexp
uvm(void)
{
	int mib[2] = { CTL_VM, VM_UVMEXP };
	struct uvmexp ue;
	size_t len = sizeof(ue);

	memset(&ue, 0, sizeof(ue));
	sysctl(mib, 2, &ue, &len, NULL, 0);
	return ue;
}

/*
 * vfork: the parent runs again only once the child has exited (the
 * child's sleep shows in the parent's clock), the child's writes are its
 * own, and the counters: forkstat's vforks and uvmexp's forks_ppwait
 * move, forks_sharevm does not.
 */
static void
test_vfork(void)
{
	volatile int x = 1;
	struct timespec t0, t1, nap = { 0, 50000000 };	/* 50 ms */
	int vf = forkstat_vforks(), status;
	struct uvmexp a = uvm(), b;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = vfork()) == 0) {
		x = 2;
		nanosleep(&nap, NULL);
		_exit(7);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(pid > 0);
	CHECK((t1.tv_sec - t0.tv_sec) * 1000000000LL +
	    (t1.tv_nsec - t0.tv_nsec) >= 50000000LL);
	CHECK(x == 1);
	status = reap(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	b = uvm();
	CHECK(forkstat_vforks() == vf + 1);
	CHECK(b.forks_ppwait == a.forks_ppwait + 1);
	CHECK(b.forks_sharevm == a.forks_sharevm);

	/* vfork then execve: the program gets its argv. */
	{
		int fds[2];
		char buf[32];
		ssize_t n, got;

		CHECK(pipe(fds) == 0);
		if ((pid = vfork()) == 0) {
			char *argv[] = { "echo", "vfork", "argv", NULL };

			dup2(fds[1], 1);
			execve("/bin/echo", argv, environ);
			_exit(127);
		}
		close(fds[1]);
		for (n = 0; n < (ssize_t)sizeof(buf); n += got)	/* to EOF */
			if ((got = read(fds[0], buf + n, sizeof(buf) - n)) <= 0)
				break;
		CHECK(n == 11 && memcmp(buf, "vfork argv\n", 11) == 0);
		CHECK(reap(pid) == 0);
		close(fds[0]);
	}
}

/* wait statuses, WNOHANG, an orphan going to init. */
static void
test_wait(void)
{
	int fds[2], status;
	pid_t pid, orphan;
	char c;

	if ((pid = fork()) == 0)
		_exit(255);
	status = reap(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 255);
	if ((pid = fork()) == 0) {
		kill(getpid(), SIGTERM);
		_exit(0);
	}
	status = reap(pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, WNOHANG) == 0);	/* still running */
	close(fds[0]);
	close(fds[1]);
	CHECK(reap(pid) == 0);

	/* A child whose parent exits first goes to init (pid 1). */
	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		if ((orphan = fork()) == 0) {
			pid_t ppid;

			close(fds[0]);
			while ((ppid = getppid()) != 1)
				sched_yield();		/* until reparented */
			write(fds[1], &ppid, sizeof(ppid));
			_exit(0);
		}
		_exit(0);
	}
	close(fds[1]);
	CHECK(reap(pid) == 0);
	{
		pid_t ppid = 0;

		CHECK(read(fds[0], &ppid, sizeof(ppid)) == sizeof(ppid));
		CHECK(ppid == 1);
	}
	close(fds[0]);
}

/* As an ordinary user, a fork loop stops at RLIMIT_NPROC with EAGAIN. */
static void
test_nproc(void)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		struct rlimit rl = { 4, 4 };
		pid_t kids[8];
		int n = 0, i, bad = 0;

		if (setuid(1000) != 0 || setrlimit(RLIMIT_NPROC, &rl) != 0)
			_exit(10);
		for (n = 0; n < 8; n++) {
			if ((kids[n] = fork()) == 0) {
				struct timespec ts = { 1, 0 };

				for (;;)
					nanosleep(&ts, NULL);
			}
			if (kids[n] == -1)
				break;
		}
		bad |= n != 3 || errno != EAGAIN;	/* 4 with us */
		for (i = 0; i < n; i++) {
			kill(kids[i], SIGKILL);
			waitpid(kids[i], NULL, 0);
		}
		/* Once they are reaped, fork works again. */
		if ((kids[0] = fork()) == 0)
			_exit(0);
		bad |= (kids[0] == -1) << 1;
		waitpid(kids[0], NULL, 0);
		_exit(bad);
	}
	status = reap(pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Bad pointers: EFAULT, and the process goes on. */
static void
test_efault(void)
{
	int fds[2];
	pid_t pid;

	CHECK(pipe((int *)0xc0000000) == -1 && errno == EFAULT);
	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], (void *)0xc0000000, 4) == -1 && errno == EFAULT);
	close(fds[0]);
	close(fds[1]);
	/* The status goes nowhere: EFAULT (the child is reaped all the same). */
	if ((pid = fork()) == 0)
		_exit(0);
	CHECK(waitpid(pid, (int *)0xc0000000, 0) == -1 && errno == EFAULT);
	CHECK(waitpid(pid, NULL, WNOHANG) == -1 && errno == ECHILD);
}

/* The serial number kern.pool gives the pool called name; 0 if none. */
static int
pool_serial(const char *name)
{
	int mib[3] = { CTL_KERN, KERN_POOL, KERN_POOL_NPOOLS }, n, i, seen;
	char buf[32];
	size_t len = sizeof(n);

	if (sysctl(mib, 3, &n, &len, NULL, 0) == -1)
		return 0;
	mib[2] = KERN_POOL_NAME;
	for (i = 1, seen = 0; seen < n && i < 4 * n + 16; i++) {
		int m[4] = { mib[0], mib[1], mib[2], i };

		len = sizeof(buf);
		if (sysctl(m, 4, buf, &len, NULL, 0) == -1)
			continue;	/* a destroyed pool's number */
		seen++;
		if (strcmp(buf, name) == 0)
			return i;
	}
	return 0;
}

static int
pool_info(int serial, struct kinfo_pool *pi)
{
	int mib[4] = { CTL_KERN, KERN_POOL, KERN_POOL_POOL, serial };
	size_t len = sizeof(*pi);

	return sysctl(mib, 4, pi, &len, NULL, 0);
}

/*
 * kern.pool: a fork takes a struct process from "processpl" and the reap
 * gives it back, which the pool's counters show; bad names are errors.
 */
static void
test_pool_sysctl(void)
{
	struct kinfo_pool a, b;
	int serial = pool_serial("processpl"), status;
	int mib[4] = { CTL_KERN, KERN_POOL, KERN_POOL_POOL, 0 };
	size_t len;
	pid_t pid;

	CHECK(serial > 0);
	CHECK(pool_info(serial, &a) == 0);
	CHECK(a.pr_size > 0 && a.pr_pgsize == 4096 && a.pr_nout > 0);
	if ((pid = fork()) == 0)
		_exit(0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(pool_info(serial, &b) == 0);
	CHECK(b.pr_nget >= a.pr_nget + 1);
	CHECK(b.pr_nput >= a.pr_nput + 1);
	CHECK(b.pr_nout == a.pr_nout);
	CHECK(b.pr_hiwat >= b.pr_npages);
	mib[3] = 100000;		/* no such pool */
	len = sizeof(a);
	CHECK(sysctl(mib, 4, &a, &len, NULL, 0) == -1 && errno == ENOENT);
	mib[3] = serial;		/* a buffer too small */
	len = sizeof(a) - 1;
	CHECK(sysctl(mib, 4, &a, &len, NULL, 0) == -1 && errno == ENOMEM);
	mib[2] = 77;			/* no such kern.pool name */
	len = sizeof(a);
	CHECK(sysctl(mib, 3, &a, &len, NULL, 0) == -1 && errno == ENOENT);
}

int
main(void)
{
	test_pids();
	test_cow();
	test_shared_and_none();
	test_inherit();
	test_vfork();
	test_wait();
	test_nproc();
	test_efault();
	test_pool_sysctl();
	printf("regress/fork: %d failures\n", failures);
	return failures;
}
