/*
 * init: process 1, the first user program.  It gives itself the console
 * as standard input, output and error and runs the shell there (in a
 * session of its own, the console its controlling terminal), again
 * each time it ends; meanwhile it waits for every process that ends
 * orphaned, so that none stays a zombie.
 *
 * First, if there is an /etc/rc, init runs it as a shell script (the
 * shell reading it as its standard input) and waits for it, as OpenBSD's
 * init does before it starts the logins.
 *
 * With boot option run=/bin/prog,arg1,arg2 the kernel starts it as
 * "init -r /bin/prog,arg1,arg2": init runs that command instead of the
 * shell, prints "run: exit N" or "run: signal N" and powers off, so that
 * a program can be run from the host (make qemu RUN='/bin/prog arg1').
 */

#include <sys/types.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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

#define RUN_MAXARGS	32

static const struct timespec second = { 1, 0 };

/* What every program init starts inherits (the kernel passes none). */
static char *default_env[] = { "PATH=/bin:/sbin", "HOME=/", NULL };

/* Run command (comma-separated words), report how it ended, power off. */
static void __attribute__((noreturn))
run_command(char *command)
{
	char *argv[RUN_MAXARGS + 1];
	int argc = 0, status;
	pid_t pid;
	char *w;

	for (w = command; argc < RUN_MAXARGS; w++) {
		argv[argc++] = w;
		if ((w = strchr(w, ',')) == NULL)
			break;
		*w = '\0';
	}
	argv[argc] = NULL;
	if ((pid = fork()) == 0) {
		(void)setsid();
		execv(argv[0], argv);
		printf("run: %s: error %d\n", argv[0], errno);
		_exit(127);
	}
	while (pid > 0 && waitpid(-1, &status, 0) != pid)
		continue;
	if (pid == -1)
		printf("run: fork: error %d\n", errno);
	else if (WIFSIGNALED(status))
		printf("run: signal %d\n", WTERMSIG(status));
	else
		printf("run: exit %d\n", WEXITSTATUS(status));
	reboot(RB_POWERDOWN | RB_HALT);
	printf("run: reboot: error %d\n", errno);
	for (;;)
		nanosleep(&second, NULL);
}

/* Run /etc/rc, if the ramdisk has one, with the shell; wait for it. */
static void
run_rc(void)
{
	char *argv[] = { "sh", NULL };
	int fd, status;
	pid_t pid;

	if ((fd = open("/etc/rc", O_RDONLY)) == -1)
		return;
	if ((pid = fork()) == 0) {
		dup2(fd, 0);
		close(fd);
		execve("/bin/sh", argv, environ);
		_exit(127);
	}
	close(fd);
	while (pid > 0 && waitpid(-1, &status, 0) != pid)
		continue;
	if (pid > 0 && status != 0)
		printf("init: /etc/rc ended with status %d\n",
		    WIFEXITED(status) ? WEXITSTATUS(status) : 128 +
		    WTERMSIG(status));
}

int
main(int argc, char *argv[])
{
	environ = default_env;
	if (open("/dev/console", O_RDWR) != 0)
		_exit(1);
	dup(0);
	dup(0);
	if (argc == 3 && strcmp(argv[1], "-r") == 0)
		run_command(argv[2]);
	printf("init: pid %d, Tine's first user program\n", getpid());
	run_rc();
	/* The shell again whenever it ends; a pause if it cannot start. */
	for (;;) {
		run_shell();
		nanosleep(&second, NULL);
	}
}
