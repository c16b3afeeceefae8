/*
 * regress/poll: poll(2) and select(2) over pipes and the ramdisk: what is
 * ready at once, a wait that a writer in another process ends, the
 * timeouts, end of file and hang-up, POLLNVAL, and the errors.  Prints
 * each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/poll: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000ULL + ts.tv_nsec / 1000000;
}

/* A child that writes one byte to fd after ms milliseconds. */
static pid_t
late_writer(int fd, int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	pid_t pid;

	if ((pid = fork()) == 0) {
		nanosleep(&ts, NULL);
		write(fd, "x", 1);
		_exit(0);
	}
	return pid;
}

static void
test_poll_pipe(void)
{
	struct pollfd pf[3];
	int fds[2], status;
	uint64_t t0;
	pid_t pid;
	char c;

	CHECK(pipe(fds) == 0);
	pf[0] = (struct pollfd){ fds[0], POLLIN, 0x7f };
	pf[1] = (struct pollfd){ fds[1], POLLOUT, 0x7f };
	pf[2] = (struct pollfd){ -1, POLLIN, 0x7f };
	CHECK(poll(pf, 3, 0) == 1);		/* only the write end */
	CHECK(pf[0].revents == 0 && pf[1].revents == POLLOUT);
	CHECK(pf[2].revents == 0);		/* a negative fd: ignored */

	t0 = now_ms();
	CHECK(poll(pf, 1, 50) == 0 && pf[0].revents == 0);
	CHECK(now_ms() - t0 >= 50);		/* the timeout ran out */

	pid = late_writer(fds[1], 30);
	CHECK(poll(pf, 1, INFTIM) == 1 && pf[0].revents == POLLIN);
	CHECK(read(fds[0], &c, 1) == 1 && c == 'x');
	CHECK(waitpid(pid, &status, 0) == pid);

	close(fds[1]);				/* end of file: in and hup */
	CHECK(poll(pf, 1, 0) == 1);
	CHECK(pf[0].revents == (POLLIN | POLLHUP));
	close(fds[0]);

	CHECK(pipe(fds) == 0);
	close(fds[0]);
	pf[0] = (struct pollfd){ fds[1], POLLOUT, 0 };
	CHECK(poll(pf, 1, 0) == 1 && pf[0].revents == POLLHUP);
	pf[0] = (struct pollfd){ fds[0], POLLIN, 0 };	/* now closed */
	CHECK(poll(pf, 1, 0) == 1 && pf[0].revents == POLLNVAL);
	close(fds[1]);
}

static void
test_poll_errors(void)
{
	struct pollfd pf = { 0, POLLIN, 0 };

	CHECK(poll(&pf, 1, -2) == -1 && errno == EINVAL);
	CHECK(poll(&pf, 100000, 0) == -1 && errno == EINVAL);
	CHECK(poll((struct pollfd *)0xc0000000, 1, 0) == -1 &&
	    errno == EFAULT);
	CHECK(poll(NULL, 0, 10) == 0);		/* a plain sleep */
}

static void
on_alrm(int sig)
{
	(void)sig;
}

/* A signal ends the wait with EINTR, even under SA_RESTART. */
static void
test_poll_eintr(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 30000 } };	/* 30 ms */
	struct sigaction sa;
	struct pollfd pf;
	int fds[2];

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alrm;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	CHECK(pipe(fds) == 0);
	pf = (struct pollfd){ fds[0], POLLIN, 0 };
	setitimer(ITIMER_REAL, &it, NULL);
	CHECK(poll(&pf, 1, INFTIM) == -1 && errno == EINTR);
	signal(SIGALRM, SIG_DFL);
	close(fds[0]);
	close(fds[1]);
}

static void
test_select(void)
{
	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	int fds[2], file, status;
	pid_t pid;
	char c;

	CHECK(pipe(fds) == 0);
	CHECK((file = open("/etc/motd", O_RDONLY)) >= 0);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(fds[0], &rd);
	FD_SET(file, &rd);
	FD_SET(fds[1], &wr);
	CHECK(select(file + 1, &rd, &wr, NULL, &tv) == 2);
	CHECK(!FD_ISSET(fds[0], &rd) && FD_ISSET(file, &rd));
	CHECK(FD_ISSET(fds[1], &wr));

	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	tv = (struct timeval){ 0, 40000 };
	CHECK(select(fds[0] + 1, &rd, NULL, NULL, &tv) == 0);
	CHECK(!FD_ISSET(fds[0], &rd));

	pid = late_writer(fds[1], 20);
	FD_SET(fds[0], &rd);
	CHECK(select(fds[0] + 1, &rd, NULL, NULL, NULL) == 1);
	CHECK(FD_ISSET(fds[0], &rd));
	CHECK(read(fds[0], &c, 1) == 1);
	CHECK(waitpid(pid, &status, 0) == pid);

	FD_ZERO(&rd);
	FD_SET(19, &rd);		/* not open, within the table */
	tv = (struct timeval){ 0, 0 };
	CHECK(select(20, &rd, NULL, NULL, &tv) == -1 && errno == EBADF);
	CHECK(select(-1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL);
	tv = (struct timeval){ 0, 1000000 };
	CHECK(select(1, NULL, NULL, NULL, &tv) == -1 && errno == EINVAL);
	CHECK(select(1, NULL, NULL, NULL,
	    (struct timeval *)0xc0000000) == -1 && errno == EFAULT);
	close(file);
	close(fds[0]);
	close(fds[1]);
}

int
main(void)
{
	test_poll_pipe();
	test_poll_errors();
	test_poll_eintr();
	test_select();
	printf("regress/poll: %d failures\n", failures);
	return failures;
}
