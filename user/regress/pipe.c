/*
 * regress/pipe: pipe(2) as POSIX and OpenBSD describe it.  Prints each
 * check that fails; the exit status is how many did (0: all passed).
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/pipe: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* Bytes in, the same bytes out; end of file once the writer closes. */
static void
test_basic(void)
{
	char buf[16];
	int fds[2];

	CHECK(pipe(fds) == 0);
	CHECK(write(fds[1], "abc", 3) == 3);
	CHECK(read(fds[0], buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0);
	CHECK(write(fds[0], "x", 1) == -1 && errno == EBADF);
	CHECK(read(fds[1], buf, 1) == -1 && errno == EBADF);
	CHECK(close(fds[1]) == 0);
	CHECK(read(fds[0], buf, sizeof(buf)) == 0);
	CHECK(close(fds[0]) == 0);
}

/* More than the pipe holds: the writer waits for the reader. */
static void
test_blocking(void)
{
	char buf[1000];
	int fds[2], status, total = 0, n, i;
	pid_t pid;

	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		memset(buf, 'z', sizeof(buf));
		for (i = 0; i < 10; i++)
			if (write(fds[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total += n;
	CHECK(total == 10000);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
	close(fds[0]);
}

/* No reader: EPIPE, and SIGPIPE ends the writer. */
static void
test_epipe(void)
{
	int fds[2], status;
	pid_t pid;

	CHECK(pipe(fds) == 0);
	CHECK(close(fds[0]) == 0);
	if ((pid = fork()) == 0) {
		write(fds[1], "x", 1);
		_exit(0);		/* not reached: SIGPIPE */
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGPIPE);
	close(fds[1]);
}

/* A bad address for the descriptors is EFAULT, and nothing stays open. */
static void
test_efault(void)
{
	int fd;

	CHECK(pipe((int *)0xc0000000) == -1 && errno == EFAULT);
	fd = dup(0);
	CHECK(fd == 3);			/* 0, 1, 2 open; nothing leaked */
	close(fd);
}

int
main(void)
{
	test_basic();
	test_blocking();
	test_epipe();
	test_efault();
	printf("regress/pipe: %d failures\n", failures);
	return failures;
}
