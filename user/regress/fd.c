/*
 * regress/fd: fcntl (descriptor flags honoured by execve, file status
 * flags, F_DUPFD), lseek on a shared offset, and process groups and
 * sessions (setpgid, getpgrp, getpgid, setsid, getsid).  Prints each
 * check that fails; exits with how many did.
 *
 * Run as "fd exec-child CLOEXEC_FD KEPT_FD" it is the far side of the
 * close-on-exec check: the first descriptor must be gone, the second
 * still open.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MOTD_SIZE	58	/* bytes in /etc/motd */

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/fd: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* The exec'd side: CLOEXEC_FD closed by execve, KEPT_FD not. */
static int
exec_child(const char *closed, const char *kept)
{
	int cfd = atoi(closed), kfd = atoi(kept);

	CHECK(fcntl(cfd, F_GETFD) == -1 && errno == EBADF);
	CHECK(fcntl(kfd, F_GETFD) == 0);
	return failures;
}

/* FD_CLOEXEC set and cleared by F_SETFD, then honoured by execve. */
static void
test_cloexec(void)
{
	int a = open("/etc/motd", O_RDONLY);
	int b = open("/etc/motd", O_RDONLY | O_CLOEXEC);
	char abuf[12], bbuf[12];
	int status;
	pid_t pid;

	CHECK(a >= 0 && b >= 0);
	CHECK(fcntl(a, F_GETFD) == 0);
	CHECK(fcntl(b, F_GETFD) == FD_CLOEXEC);
	CHECK(fcntl(b, F_SETFD, 0) == 0 && fcntl(b, F_GETFD) == 0);
	CHECK(fcntl(b, F_SETFD, FD_CLOEXEC) == 0);
	snprintf(abuf, sizeof(abuf), "%d", a);
	snprintf(bbuf, sizeof(bbuf), "%d", b);
	if ((pid = fork()) == 0) {
		execl("/regress/fd", "fd", "exec-child", bbuf, abuf,
		    (char *)NULL);
		_exit(99);
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(a);
	close(b);
}

/* F_DUPFD, F_DUPFD_CLOEXEC, F_GETFL, F_SETFL, and the errors. */
static void
test_fcntl(void)
{
	int fds[2], d;

	CHECK(pipe(fds) == 0);
	d = fcntl(fds[0], F_DUPFD, 10);
	CHECK(d >= 10 && fcntl(d, F_GETFD) == 0);
	close(d);
	d = fcntl(fds[0], F_DUPFD_CLOEXEC, 12);
	CHECK(d >= 12 && fcntl(d, F_GETFD) == FD_CLOEXEC);
	close(d);
	CHECK(fcntl(fds[0], F_GETFL) == O_RDONLY);
	CHECK(fcntl(fds[1], F_GETFL) == O_WRONLY);
	CHECK(fcntl(fds[0], F_SETFL, O_NONBLOCK | O_RDWR) == 0);
	CHECK(fcntl(fds[0], F_GETFL) == (O_RDONLY | O_NONBLOCK));
	{
		char c;

		CHECK(read(fds[0], &c, 1) == -1 && errno == EAGAIN);
	}
	CHECK(fcntl(fds[0], F_SETFL, 0) == 0 &&
	    fcntl(fds[0], F_GETFL) == O_RDONLY);
	CHECK(fcntl(77, F_GETFD) == -1 && errno == EBADF);
	CHECK(fcntl(fds[0], 999) == -1 && errno == EINVAL);
	CHECK(fcntl(fds[0], F_DUPFD, -1) == -1 && errno == EINVAL);
	CHECK(lseek(fds[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
	close(fds[0]);
	close(fds[1]);
}

/* lseek: SEEK_SET/CUR/END, an offset shared with a dup and a child. */
static void
test_lseek(void)
{
	int fd = open("/etc/motd", O_RDONLY), d, status;
	char c;

	CHECK(fd >= 0);
	CHECK(lseek(fd, 0, SEEK_END) == MOTD_SIZE);
	CHECK(lseek(fd, 11, SEEK_SET) == 11);
	CHECK(read(fd, &c, 1) == 1 && c == 'T');	/* "Welcome to Tine" */
	CHECK(lseek(fd, 0, SEEK_CUR) == 12);
	CHECK(lseek(fd, -4, SEEK_END) == MOTD_SIZE - 4);
	CHECK(lseek(fd, -100, SEEK_CUR) == -1 && errno == EINVAL);
	CHECK(lseek(fd, 0, 3) == -1 && errno == EINVAL);
	CHECK(lseek(fd, 0, SEEK_CUR) == MOTD_SIZE - 4);	/* unchanged */
	CHECK(lseek(fd, (off_t)1 << 33, SEEK_SET) == (off_t)1 << 33);
	CHECK(read(fd, &c, 1) == 0);			/* past the end */
	d = dup(fd);
	CHECK(lseek(d, 3, SEEK_SET) == 3 && lseek(fd, 0, SEEK_CUR) == 3);
	if (fork() == 0)
		_exit(lseek(fd, 8, SEEK_SET) == 8 ? 0 : 1);
	wait(&status);
	CHECK(lseek(d, 0, SEEK_CUR) == 8);	/* the child's seek */
	CHECK(lseek(99, 0, SEEK_SET) == -1 && errno == EBADF);
	close(d);
	close(fd);
}

/* A child of ours in its own group, then its own session. */
static void
test_pgrp(void)
{
	pid_t me = getpid(), pid;
	int fds[2], status;
	char c;

	/* Our own group first: whoever ran us may have left us in 0's. */
	CHECK(setpgid(0, 0) == 0 && getpgrp() == me);
	CHECK(getpgrp() == getpgid(0) && getpgid(me) == getpgrp());
	CHECK(getsid(0) == getsid(me) && getsid(0) >= 0);
	CHECK(getpgid(999999) == -1 && errno == ESRCH);
	CHECK(setpgid(0, -1) == -1 && errno == EINVAL);
	CHECK(setpgid(1, 0) == -1 && errno == ESRCH);	/* not our child */
	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		close(fds[1]);
		(void)read(fds[0], &c, 1);	/* until the parent is done */
		_exit(0);
	}
	close(fds[0]);
	CHECK(getpgid(pid) == getpgrp());
	CHECK(setpgid(pid, pid) == 0 && getpgid(pid) == pid);
	CHECK(setpgid(pid, getpgrp()) == 0 && getpgid(pid) == getpgrp());
	CHECK(setpgid(pid, 0) == 0 && getpgid(pid) == pid);
	CHECK(setpgid(pid, 424242) == -1 && errno == EPERM);	/* no group */
	CHECK(kill(-pid, 0) == 0);		/* the group exists */
	close(fds[1]);
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	CHECK(kill(-pid, 0) == -1 && errno == ESRCH);	/* gone with it */

	/* setsid: a new session led by the child; EPERM for a leader. */
	if ((pid = fork()) == 0) {
		pid_t self = getpid();
		int bad = 0;

		bad |= setsid() != self;
		bad |= getsid(0) != self || getpgrp() != self;
		bad |= setsid() != -1 || errno != EPERM;
		bad |= setpgid(0, 0) != -1 || errno != EPERM;
		_exit(bad);
	}
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
	/* the exec'd child of the cloexec test cannot be moved now */
}

/* setpgid on a child that has exec'd: EACCES. */
static void
test_pgrp_after_exec(void)
{
	int fds[2], status;
	pid_t pid;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		dup2(fds[0], 0);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/cat", "cat", (char *)NULL);	/* waits on stdin */
		_exit(99);
	}
	close(fds[0]);
	/* Until cat has exec'd, setpgid still works; then EACCES. */
	while (setpgid(pid, pid) == 0)
		sched_yield();
	CHECK(errno == EACCES);
	close(fds[1]);				/* cat sees end of file */
	CHECK(waitpid(pid, &status, 0) == pid && status == 0);
}

int
main(int argc, char *argv[])
{
	if (argc == 4 && strcmp(argv[1], "exec-child") == 0)
		return exec_child(argv[2], argv[3]);
	test_cloexec();
	test_fcntl();
	test_lseek();
	test_pgrp();
	test_pgrp_after_exec();
	printf("regress/fd: %d failures\n", failures);
	return failures;
}
