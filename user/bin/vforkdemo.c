/*
 * vforkdemo: what vfork(2) does on Tine, which does what OpenBSD does.
 *
 * The parent calls vfork and is suspended: it does not run again until
 * the child calls execve or exits.  The child runs on a copy-on-write
 * copy of the parent's memory (the seed's sys_vfork passes FORK_PPWAIT
 * but not FORK_SHAREVM), so what it writes stays its own.  The demo
 * times the parent's wait, shows that a variable the child changed is
 * unchanged in the parent, and prints the kernel's counters
 * (kern.forkstat, vm.uvmexp) before and after.
 *
 * usage: vforkdemo [seconds]   (how long the child keeps the parent
 *                               waiting; default 1)
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/vmmeter.h>
#include <sys/wait.h>
#include <uvm/uvmexp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
counters(const char *when)
{
	int fmib[2] = { CTL_KERN, KERN_FORKSTAT }, umib[2] = { CTL_VM,
	    VM_UVMEXP };
	struct forkstat fs;
	struct uvmexp ue;
	size_t flen = sizeof(fs), ulen = sizeof(ue);

	if (sysctl(fmib, 2, &fs, &flen, NULL, 0) == -1 ||
	    sysctl(umib, 2, &ue, &ulen, NULL, 0) == -1) {
		printf("vforkdemo: sysctl: error %d\n", errno);
		return;
	}
	printf("  %-7s forkstat: %d vforks   uvmexp: forks %d, "
	    "forks_ppwait %d, forks_sharevm %d\n", when, fs.cntvfork,
	    ue.forks, ue.forks_ppwait, ue.forks_sharevm);
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 +
	    (t.tv_nsec - t0->tv_nsec) / 1000000;
}

int
main(int argc, char *argv[])
{
	volatile int x = 1;
	struct timespec t0, nap = { 1, 0 };
	int status;
	pid_t pid;

	/*
	 * Each line out as it is printed, even on a pipe: the child prints
	 * from its own copy of stdout's buffer and leaves with _exit, which
	 * would drop what a fully buffered stdout held (or print the
	 * parent's lines twice had it called exit).
	 */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 1)
		nap.tv_sec = atoi(argv[1]);
	counters("before:");
	printf("parent %d: x = %d; vfork()\n", getpid(), x);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = vfork()) == -1) {
		printf("vforkdemo: vfork: error %d\n", errno);
		return 1;
	}
	if (pid == 0) {
		x = 2;
		printf("  child %d: x = %d in my copy; the parent waits "
		    "while I sleep %ld s\n", getpid(), x, (long)nap.tv_sec);
		nanosleep(&nap, NULL);
		printf("  child %d: _exit(0): now the parent runs again\n",
		    getpid());
		_exit(0);
	}
	printf("parent %d: vfork returned %d after %ld ms: I was "
	    "suspended until the child exited\n", getpid(), pid,
	    ms_since(&t0));
	printf("parent %d: x = %d: the child's write went to its own "
	    "copy-on-write copy\n", getpid(), x);
	waitpid(pid, &status, 0);
	counters("after:");
	printf("\nOn Linux and NetBSD the vfork child borrows the parent's "
	    "memory instead:\nits write would have made the parent's x 2, "
	    "which is why POSIX lets a vfork\nchild do little but exec or "
	    "_exit.  OpenBSD (and Tine) give it a copy-on-write\ncopy; "
	    "the parent only waits (forks_ppwait moves, forks_sharevm "
	    "does not).\n");
	return 0;
}
