/*
 * init: process 1, the first user program.  It gives itself the console
 * as standard input, output and error and runs the shell there (in a
 * session of its own, the console its controlling terminal), again
 * each time it ends; meanwhile it waits for every process that ends
 * orphaned, so that none stays a zombie.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* Run the shell on the console; returns when it ends. */
static void
run_shell(void)
{
	char *argv[] = { "sh", NULL };
	int status;
	pid_t pid;

	if ((pid = fork()) == -1) {
		printf("init: fork: error %d\n", errno);
		return;
	}
	if (pid == 0) {
		(void)setsid();		/* the shell leads its own session */
		/* ... with the console as its controlling terminal. */
		(void)ioctl(STDIN_FILENO, TIOCSCTTY, 0);
		execve("/bin/sh", argv, environ);
		printf("init: exec /bin/sh: error %d\n", errno);
		_exit(127);
	}
	/* Reap whatever ends meanwhile: orphans are ours too. */
	while (waitpid(-1, &status, 0) != pid)
		continue;
	printf("init: the shell (pid %d) ended with status %d\n", pid,
	    WEXITSTATUS(status));
}

int
main(void)
{
	struct timespec second = { 1, 0 };

	if (open("/dev/console", O_RDWR) != 0)
		_exit(1);
	dup(0);
	dup(0);
	printf("init: pid %d, Tine's first user program\n", getpid());
	/* The shell again whenever it ends; a pause if it cannot start. */
	for (;;) {
		run_shell();
		nanosleep(&second, NULL);
	}
}
