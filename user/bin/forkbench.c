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
 */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static uint64_t
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void
report(const char *name, uint64_t t0, int n)
{
	printf("bench %s %lu\n", name, (unsigned long)((now() - t0) / n));
}

static void
fork_exec_wait(int n)
{
	char *argv[] = { "true", NULL };
	uint64_t t0 = now();
	pid_t pid;
	int i;

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

int
main(void)
{
	static const int sizes[] = { 0, 1, 4, 16, 64 };
	unsigned int i;

	fork_exec_wait(50);
	pipe_roundtrip(500);
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		fork_heap(sizes[i], 50);
	return 0;
}
