/*
 * libc's terminal functions (OpenBSD's lib/libc/termios): each one
 * ioctl(2) on the descriptor, as termios(4) and tty(4) describe.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <errno.h>
#include <termios.h>
#include <unistd.h>

int
tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TIOCGETA, t);
}

/* TCSANOW, TCSADRAIN (after output: the console's is already out), TCSAFLUSH. */
int
tcsetattr(int fd, int action, const struct termios *t)
{
	switch (action & ~TCSASOFT) {
	case TCSANOW:
		return ioctl(fd, TIOCSETA, t);
	case TCSADRAIN:
		return ioctl(fd, TIOCSETAW, t);
	case TCSAFLUSH:
		return ioctl(fd, TIOCSETAF, t);
	}
	errno = EINVAL;
	return -1;
}

pid_t
tcgetpgrp(int fd)
{
	int pgid;

	if (ioctl(fd, TIOCGPGRP, &pgid) == -1)
		return -1;
	return pgid;
}

int
tcsetpgrp(int fd, pid_t pgid)
{
	int id = pgid;

	return ioctl(fd, TIOCSPGRP, &id);
}

/* Is fd a terminal?  0 with errno ENOTTY (or EBADF) if not. */
int
isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) != -1;
}

/* Raw mode: bytes as typed, one at a time, no echo, no signal keys. */
void
cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IMAXBEL | IGNBRK | BRKINT | PARMRK | ISTRIP |
	    INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

speed_t
cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t
cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}
