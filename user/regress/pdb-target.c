/*
 * regress/pdb-target: what /regress/pdb debugs.  add() is a function of
 * its own to break in and step over; the child of the fork exits 3, the
 * parent waits for it and exits 7.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int	add(int, int);

__attribute__((noinline)) int
add(int a, int b)
{
	__asm volatile("" ::: "memory");	/* a body to stop in */
	return a + b;
}

int
main(void)
{
	pid_t pid;

	if (add(2, 3) != 5)
		return 1;
	if ((pid = fork()) == 0)
		_exit(3);
	if (pid == -1 || waitpid(pid, NULL, 0) != pid)
		return 2;
	return 7;
}
