/*
 * regress/tty: the console as a terminal (tty(4), termios(4)).
 * tcgetattr/tcsetattr round trips and OpenBSD's defaults; ENOTTY for a
 * pipe, EBADF for a closed descriptor; TIOCGWINSZ.  The controlling
 * terminal: under the self-test harness this process has none, so a
 * setsid child takes the console (open without O_NOCTTY) and checks the
 * tcgetpgrp/tcsetpgrp rules (EPERM for a group of another session,
 * ENOTTY where it is not the caller's terminal), a background group's
 * read (EIO when SIGTTIN is ignored); its exit frees the terminal for
 * the next session.  The descriptors used are opened here, so the checks
 * do not depend on what the harness gave us.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/tty: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* Settings: defaults, a round trip, back as they were. */
static void
attrs(int fd)
{
	struct termios t, t2, saved;

	CHECK(tcgetattr(fd, &saved) == 0);
	CHECK(saved.c_lflag & ICANON);
	CHECK(saved.c_lflag & ISIG);
	CHECK(saved.c_cc[VINTR] == 3 && saved.c_cc[VSUSP] == 26);
	CHECK(saved.c_cc[VEOF] == 4 && saved.c_cc[VQUIT] == 0x1c);
	t = saved;
	t.c_lflag &= ~(ECHO | ICANON);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 3;
	CHECK(tcsetattr(fd, TCSANOW, &t) == 0);
	CHECK(tcgetattr(fd, &t2) == 0);
	CHECK(memcmp(&t, &t2, sizeof(t)) == 0);
	CHECK(tcsetattr(fd, 99, &t) == -1 && errno == EINVAL);
	CHECK(tcsetattr(fd, TCSAFLUSH, &saved) == 0);
	CHECK(tcgetattr(fd, &t2) == 0);
	CHECK(memcmp(&saved, &t2, sizeof(t2)) == 0);
	CHECK(sizeof(struct termios) == 44);
	CHECK(TIOCGETA == 0x402c7413UL && TIOCSPGRP == 0x80047476UL);
}

/* Not terminals: a pipe, a closed descriptor, a file. */
static void
notty(void)
{
	struct termios t;
	int p[2], fd;

	CHECK(pipe(p) == 0);
	errno = 0;
	CHECK(tcgetattr(p[0], &t) == -1 && errno == ENOTTY);
	CHECK(!isatty(p[1]) && errno == ENOTTY);
	close(p[0]);
	close(p[1]);
	CHECK(tcgetattr(p[0], &t) == -1 && errno == EBADF);
	CHECK(ioctl(-1, TIOCGETA, &t) == -1 && errno == EBADF);
	if ((fd = open("/etc/motd", O_RDONLY)) >= 0) {
		CHECK(ioctl(fd, TIOCGETA, &t) == -1 && errno == ENOTTY);
		close(fd);
	}
}

/* The session leader's side: run in a setsid child; returns failures. */
static void
leader(void)
{
	struct sigaction ign = { SIG_IGN, 0, 0 };
	int fd, status;
	pid_t pid;
	char c;

	CHECK(setsid() == getpid());
	CHECK((fd = open("/dev/console", O_RDWR)) >= 0);
	CHECK(tcgetpgrp(fd) == getpid());
	CHECK(ioctl(fd, TIOCSCTTY, 0) == 0);	/* already ours */
	CHECK(tcsetpgrp(fd, getppid()) == -1 && errno == EPERM);
	CHECK(tcsetpgrp(fd, 0) == -1 && errno == EINVAL);
	sigaction(SIGTTOU, &ign, NULL);
	if ((pid = fork()) == 0) {
		/* A background group: reading with SIGTTIN ignored is EIO. */
		setpgid(0, 0);
		sigaction(SIGTTIN, &ign, NULL);
		failures = 0;
		CHECK(read(fd, &c, 1) == -1 && errno == EIO);
		CHECK(tcgetpgrp(fd) == getppid());
		CHECK(tcsetpgrp(fd, getpid()) == 0);	/* SIGTTOU ignored */
		_exit(failures);
	}
	setpgid(pid, pid);
	CHECK(waitpid(pid, &status, 0) == pid);
	failures += WEXITSTATUS(status);
	/* Its group is gone: the terminal has no foreground group. */
	CHECK(tcgetpgrp(fd) == 100000);		/* NO_PID */
	CHECK(tcsetpgrp(fd, getpid()) == 0);
	CHECK(tcgetpgrp(fd) == getpid());
}

/* Take the console in a new session; the child's failures. */
static int
new_session(void)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		failures = 0;
		leader();
		_exit(failures);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

int
main(void)
{
	struct winsize ws;
	int fd;

	CHECK((fd = open("/dev/console", O_RDWR | O_NOCTTY)) >= 0);
	CHECK(isatty(fd));
	attrs(fd);
	notty();
	CHECK(ioctl(fd, TIOCGWINSZ, &ws) == 0);
	CHECK(ws.ws_row == 25 && ws.ws_col == 80);
	/* Not our controlling terminal: ENOTTY for the group calls. */
	CHECK(tcgetpgrp(fd) == -1 && errno == ENOTTY);
	CHECK(tcsetpgrp(fd, getpgrp()) == -1 && errno == ENOTTY);
	failures += new_session();
	/* The first leader exited: the terminal is free for another. */
	failures += new_session();
	printf("regress/tty: %d failures\n", failures);
	return failures;
}
