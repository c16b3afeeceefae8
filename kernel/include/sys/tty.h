/*
 * sys/tty.h: a terminal (struct tty), the line discipline's state apart
 * from the device behind it.  Tine has one, the console (constty);
 * kernel/tty.c is the line discipline, kernel/dev_cons.c the device.
 */
#ifndef _SYS_TTY_H_
#define _SYS_TTY_H_

#include <sys/termios.h>
#include <sys/ttycom.h>
#include <sys/event.h>

#define TTYHOG		256		/* bytes a queue holds */

/*
 * A queue of input.  A slot is a byte, or TTY_EOFMARK: a ^D that ended
 * a canonical line (read sees the line, then, alone, end of file).
 */
struct ttyq {
	u_short	q_buf[TTYHOG];
	u_int	q_head, q_tail;		/* free-running */
};
#define TTY_EOFMARK	0x100
#define ttyq_count(q)	((q)->q_head - (q)->q_tail)

struct tty {
	struct	termios t_termios;	/* the settings */
	struct	winsize t_winsize;
	struct	ttyq t_rawq;		/* the canonical line being typed */
	struct	ttyq t_canq;		/* ready for readers */
	struct	session *t_session;	/* whose controlling terminal */
	struct	pgrp *t_pgrp;		/* the foreground process group */
	void	(*t_oproc)(int);	/* the device's output, a byte */
	int	t_column;		/* where the echo is, for erase */
	struct	klist t_rklist;	/* kevent(2) EVFILT_READ knotes */
};
#define t_iflag	t_termios.c_iflag
#define t_oflag	t_termios.c_oflag
#define t_cflag	t_termios.c_cflag
#define t_lflag	t_termios.c_lflag
#define t_cc	t_termios.c_cc

struct process;
struct proc;
struct uio;

extern struct tty *constty;		/* the console's */

void	ttyinput(int, struct tty *);
int	ttread(struct tty *, struct uio *, int);
int	ttwrite(struct tty *, struct uio *, int);
int	ttioctl(struct tty *, u_long, caddr_t, int, struct proc *);
int	ttyopen_ctty(struct tty *, struct proc *);
void	ttystart(struct tty *);
int	isctty(struct process *, struct tty *);
int	isbackground(struct process *, struct tty *);

#endif /* _SYS_TTY_H_ */
