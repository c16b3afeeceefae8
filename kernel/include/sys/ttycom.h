/*
 * sys/ttycom.h: the terminal ioctl(2) commands, OpenBSD's numbers (see
 * tty(4)).  Only those Tine implements are listed.
 */
#ifndef _SYS_TTYCOM_H_
#define _SYS_TTYCOM_H_

#include <sys/ioccom.h>

/* A terminal's size, in characters and pixels. */
struct winsize {
	unsigned short	ws_row;
	unsigned short	ws_col;
	unsigned short	ws_xpixel;
	unsigned short	ws_ypixel;
};

#define TIOCGETA	_IOR('t', 19, struct termios)	/* get termios */
#define TIOCSETA	_IOW('t', 20, struct termios)	/* set it now */
#define TIOCSETAW	_IOW('t', 21, struct termios)	/* after output */
#define TIOCSETAF	_IOW('t', 22, struct termios)	/* and flush input */
#define TIOCSCTTY	_IO('t', 97)		/* become controlling tty */
#define TIOCGSID	_IOR('t', 99, int)	/* its session's leader */
#define TIOCSWINSZ	_IOW('t', 103, struct winsize)
#define TIOCGWINSZ	_IOR('t', 104, struct winsize)
#define TIOCNOTTY	_IO('t', 113)		/* give it up */
#define TIOCSPGRP	_IOW('t', 118, int)	/* foreground group */
#define TIOCGPGRP	_IOR('t', 119, int)

#define FIONREAD	_IOR('f', 127, int)	/* bytes ready to read */

#endif /* _SYS_TTYCOM_H_ */
