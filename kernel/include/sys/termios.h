/*
 * sys/termios.h: a terminal's settings, struct termios, with OpenBSD's
 * field layout, flag values and c_cc indices (termios(4)), so that
 * programs and numbers carry over unchanged.
 */
#ifndef _SYS_TERMIOS_H_
#define _SYS_TERMIOS_H_

/* c_cc indices: the special characters. */
#define VEOF		0	/* ^D: end of file */
#define VEOL		1
#define VEOL2		2
#define VERASE		3	/* DEL: erase a character */
#define VWERASE		4	/* ^W: erase a word */
#define VKILL		5	/* ^U: erase the line */
#define VREPRINT	6	/* ^R */
#define VINTR		8	/* ^C: SIGINT */
#define VQUIT		9	/* ^\: SIGQUIT */
#define VSUSP		10	/* ^Z: SIGTSTP */
#define VDSUSP		11	/* ^Y */
#define VSTART		12	/* ^Q */
#define VSTOP		13	/* ^S */
#define VLNEXT		14	/* ^V */
#define VDISCARD	15	/* ^O */
#define VMIN		16	/* non-canonical: bytes a read waits for */
#define VTIME		17	/* non-canonical: tenths of a second */
#define VSTATUS		18	/* ^T */
#define NCCS		20

#define _POSIX_VDISABLE	0xff	/* a c_cc entry that matches nothing */

/* c_iflag: input. */
#define IGNBRK		0x00000001
#define BRKINT		0x00000002
#define IGNPAR		0x00000004
#define PARMRK		0x00000008
#define INPCK		0x00000010
#define ISTRIP		0x00000020
#define INLCR		0x00000040
#define IGNCR		0x00000080	/* drop CR */
#define ICRNL		0x00000100	/* CR becomes NL */
#define IXON		0x00000200
#define IXOFF		0x00000400
#define IXANY		0x00000800
#define IUCLC		0x00001000
#define IMAXBEL		0x00002000

/* c_oflag: output. */
#define OPOST		0x00000001	/* process output */
#define ONLCR		0x00000002	/* NL becomes CR NL */
#define OXTABS		0x00000004
#define ONOEOT		0x00000008
#define OCRNL		0x00000010
#define OLCUC		0x00000020
#define ONOCR		0x00000040
#define ONLRET		0x00000080

/* c_cflag: the line. */
#define CIGNORE		0x00000001
#define CSIZE		0x00000300
#define CS5		0x00000000
#define CS6		0x00000100
#define CS7		0x00000200
#define CS8		0x00000300
#define CSTOPB		0x00000400
#define CREAD		0x00000800
#define PARENB		0x00001000
#define PARODD		0x00002000
#define HUPCL		0x00004000
#define CLOCAL		0x00008000

/* c_lflag: the line discipline. */
#define ECHOKE		0x00000001
#define ECHOE		0x00000002	/* erase shown as backspace-space */
#define ECHOK		0x00000004
#define ECHO		0x00000008	/* echo input */
#define ECHONL		0x00000010
#define ECHOPRT		0x00000020
#define ECHOCTL		0x00000040	/* control characters as ^X */
#define ISIG		0x00000080	/* ^C, ^\, ^Z send signals */
#define ICANON		0x00000100	/* line by line */
#define ALTWERASE	0x00000200
#define IEXTEN		0x00000400
#define EXTPROC		0x00000800
#define TOSTOP		0x00400000	/* SIGTTOU for background writes */
#define FLUSHO		0x00800000
#define NOKERNINFO	0x02000000
#define PENDIN		0x20000000
#define NOFLSH		0x80000000	/* no flush after a signal key */

typedef unsigned int	tcflag_t;
typedef unsigned char	cc_t;
typedef unsigned int	speed_t;

struct termios {
	tcflag_t	c_iflag;
	tcflag_t	c_oflag;
	tcflag_t	c_cflag;
	tcflag_t	c_lflag;
	cc_t		c_cc[NCCS];
	int		c_ispeed;
	int		c_ospeed;
};

/* tcsetattr(3)'s actions. */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2
#define TCSASOFT	0x10

/* tcflush(3)'s queues. */
#define TCIFLUSH	1
#define TCOFLUSH	2
#define TCIOFLUSH	3

#define B9600		9600
#define B38400		38400
#define B115200		115200

#endif /* _SYS_TERMIOS_H_ */
