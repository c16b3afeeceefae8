/*
 * regress/tty: the console as a terminal (tty(4), termios(4)).
 * tcgetattr/tcsetattr round trips and OpenBSD's defaults; ENOTTY for a
 * pipe, EBADF for a closed descriptor; TIOCGWINSZ.  The controlling
 * terminal: under the self-test harness this process has none, so a
 * setsid child takes the console (open without O_NOCTTY) and checks the
 * tcgetpgrp/tcsetpgrp rules (EPERM for a group of another session,
 * ENOTTY where it is not the caller's terminal), a background group's
 * read (EIO when SIGTTIN is ignored); its exit frees the terminal for
 * the next session.  /dev/tty: ENXIO without a controlling terminal; in
 * the session, the console under another name (settings, group),
 * its background rules (a read stops with SIGTTIN, a write with TOSTOP
 * with SIGTTOU, EIO with SIGTTIN ignored), TIOCSCTTY's EINVAL, and
 * TIOCNOTTY, after which the process's /dev/tty reads EIO.  The
 * descriptors used are opened here, so the checks do not depend on what
 * the harness gave us.
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

/*
 * Run fn in a child that makes its own process group, in the background
 * of the leader's terminal; the child's status as waitpid(WUNTRACED)
 * gives it.  A child that stopped is killed.
 */
static int
background(void (*fn)(int), int fd)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		setpgid(0, 0);
		failures = 0;
		fn(fd);
		_exit(failures);
	}
	setpgid(pid, pid);
	if (waitpid(pid, &status, WUNTRACED) != pid)
		return -1;
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		(void)waitpid(pid, NULL, 0);
	}
	return status;
}

/* Background children: a read of /dev/tty stops; ignoring SIGTTIN: EIO. */
static void
bg_read(int fd)
{
	char c;

	(void)read(fd, &c, 1);
	failures++;		/* not stopped */
}

static void
bg_read_ignored(int fd)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	char c;

	sigaction(SIGTTIN, &ign, NULL);
	CHECK(read(fd, &c, 1) == -1 && errno == EIO);
}

static void
bg_write(int fd)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };

	sigaction(SIGTTOU, &dfl, NULL);		/* the leader ignores it */
	(void)write(fd, "x", 1);
	failures++;		/* not stopped */
}

/*
 * A child in the leader's group gives up its terminal (TIOCNOTTY): its
 * open /dev/tty then reads EIO, and a new open is ENXIO.
 */
static void
notty_child(int fd)
{
	char c;

	CHECK(ioctl(fd, TIOCNOTTY, 0) == 0);
	CHECK(read(fd, &c, 1) == -1 && errno == EIO);
	CHECK(tcgetpgrp(fd) == -1 && errno == EIO);
	CHECK(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO);
}

/* A child in a session of its own has no /dev/tty. */
static void
setsid_child(int fd __attribute__((unused)))
{
	CHECK(setsid() == getpid());
	CHECK(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO);
}

/* Run fn in a child of the leader's group; its failures. */
static int
foreground(void (*fn)(int), int fd)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		failures = 0;
		fn(fd);
		_exit(failures);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

/* /dev/tty in the session that has the console as its terminal. */
static void
devtty(void)
{
	struct termios t, saved;
	int fd, status;

	CHECK((fd = open("/dev/tty", O_RDWR)) >= 0);
	CHECK(isatty(fd));
	CHECK(tcgetpgrp(fd) == getpid());
	CHECK(ioctl(fd, TIOCGSID, &status) == 0 && status == getpid());
	CHECK(ioctl(fd, TIOCSCTTY, 0) == -1 && errno == EINVAL);
	CHECK(ioctl(fd, TIOCNOTTY, 0) == -1 && errno == EINVAL);
	CHECK(write(fd, "", 0) == 0);
	/*
	 * Not poll(2): polling the console starts its input thread, which
	 * would then take the keys the kernel's later self-tests read.
	 */

	status = background(bg_read, fd);
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTIN);
	status = background(bg_read_ignored, fd);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* With TOSTOP (set through /dev/tty), a background write stops. */
	CHECK(tcgetattr(fd, &saved) == 0);
	t = saved;
	t.c_lflag |= TOSTOP;
	CHECK(tcsetattr(fd, TCSANOW, &t) == 0);
	status = background(bg_write, fd);
	CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTOU);
	CHECK(tcsetattr(fd, TCSANOW, &saved) == 0);

	failures += foreground(notty_child, fd);
	failures += foreground(setsid_child, fd);
	/* The children's doings left the leader's terminal alone. */
	CHECK(tcgetpgrp(fd) == getpid());
	close(fd);
}

/* The session leader's side: run in a setsid child; returns failures. */
static void
leader(void)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
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
	devtty();
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
	CHECK(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO);
	failures += new_session();
	/* The first leader exited: the terminal is free for another. */
	failures += new_session();
	printf("regress/tty: %d failures\n", failures);
	return failures;
}
