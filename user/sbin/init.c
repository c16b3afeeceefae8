/*
 * init: process 1, the first user program.  It gives itself the console
 * as standard input, output and error, runs /bin/hello once to show that
 * fork and exec work, and then does what init is for: waits for the
 * processes that exit orphaned, so that none stays a zombie.
 * FIXME (issue 6): start the shell on the console.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static void
run_hello(void)
{
	char *argv[] = { "hello", "from-init", NULL };
	int status;
	pid_t pid;

	if ((pid = fork()) == -1) {
		printf("init: fork: error %d\n", errno);
		return;
	}
	if (pid == 0) {
		execve("/bin/hello", argv, environ);
		printf("init: exec /bin/hello: error %d\n", errno);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == pid && WIFEXITED(status))
		printf("init: hello (pid %d) exited with %d\n", pid,
		    WEXITSTATUS(status));
}

int
main(void)
{
	struct timespec second = { 1, 0 };
	int status;

	if (open("/dev/console", O_RDWR) != 0)
		_exit(1);
	dup(0);
	dup(0);
	printf("init: pid %d, Tine's first user program\n", getpid());
	run_hello();
	for (;;) {
		while (wait4(-1, &status, 0, NULL) > 0)
			continue;
		nanosleep(&second, NULL);	/* no children: look again */
	}
}
