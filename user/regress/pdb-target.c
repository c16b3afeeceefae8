/*
 * regress/pdb-target: what /regress/tracers debugs and traces.  add() is
 * a function of its own to break in and step over; the child of the fork
 * exits 3, the parent waits for it and exits 7.  With the argument "sig"
 * it first sends itself SIGUSR1 (caught: status 7 says it arrived); with
 * "segv" it writes through a null pointer instead of exiting; with
 * "sleep" it naps about a second (to be attached to) and exits 5; with
 * "reexec" it execs itself (without arguments) first.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void
on_usr1(int sig)
{
	caught = sig;
}

int	add(int, int);

__attribute__((noinline)) int
add(int a, int b)
{
	__asm volatile("" ::: "memory");	/* a body to stop in */
	return a + b;
}

int
main(int argc, char *argv[])
{
	pid_t pid;

	if (argc > 1 && strcmp(argv[1], "reexec") == 0) {
		char *again[] = { "pdb-target", NULL };

		execv("/regress/pdb-target", again);
		return 6;
	}
	if (add(2, 3) != 5)
		return 1;
	if (argc > 1 && strcmp(argv[1], "sig") == 0) {
		signal(SIGUSR1, on_usr1);
		kill(getpid(), SIGUSR1);
		if (caught != SIGUSR1)
			return 4;
	}
	if (argc > 1 && strcmp(argv[1], "segv") == 0)
		*(volatile int *)0 = 1;
	if (argc > 1 && strcmp(argv[1], "sleep") == 0) {
		for (int i = 0; i < 20; i++)	/* an attach cuts one short */
			usleep(50000);
		return 5;
	}
	if ((pid = fork()) == 0)
		_exit(3);
	if (pid == -1 || waitpid(pid, NULL, 0) != pid)
		return 2;
	return 7;
}
