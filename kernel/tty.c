/*
 * kernel/tty.c: the terminal line discipline (OpenBSD's kern/tty.c,
 * written small for one terminal, the console; see docs/tty.md).
 *
 *   keyboard/serial intr -> cons_input() -> ring -> tty_thread: cngetc()
 *       -> ttyinput(): ^C ^\ ^Z signal the foreground group (ISIG);
 *          erase, kill, echo; a finished line goes to t_canq (ICANON)
 *       -> wakeup(t_canq) -> ttread() in the reader: copies out
 *
 * The characters are taken off the interrupt's ring by a kernel thread
 * (tty_thread), not by a reader: a signal key must work while nobody
 * reads (the shell waits for a foreground "sleep 100"), and it is sent
 * from thread context, where walking a process group's members is safe
 * (no kernel preemption).  Readers sleep interruptibly (PCATCH), so the
 * SIGINT a reader's own ^C sends ends its read.
 *
 * The controlling terminal (t_session, t_pgrp, s_ttyp) and the
 * background rules (SIGTTIN, SIGTTOU, EIO) follow tty(4).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/cons.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/tty.h>
#include <sys/poll.h>
#include <sys/kernel.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>

#define CTRL(c)		((c) & 0x1f)
#define CCEQ(v, c)	((c) == (v) && (v) != _POSIX_VDISABLE)
#define TTY_CHUNK	64	/* bytes written at a time */
#define PTTY		PSOCK	/* PORT: OpenBSD's TTIPRI, a sleep for input */

static struct tty cons_tty;
struct tty *constty = &cons_tty;
static struct proc *tty_proc;	/* tty_thread, once started */
static int tty_ready;		/* the defaults are in */

static int	tty_bgsleep(struct tty *, const char *);

/* The settings a terminal starts with: OpenBSD's TTYDEF_* values. */
static void
tty_defaults(struct tty *tp)
{
	static const cc_t defcc[NCCS] = {
		[VEOF] = CTRL('d'), [VEOL] = _POSIX_VDISABLE,
		[VEOL2] = _POSIX_VDISABLE, [VERASE] = 0x7f,
		[VWERASE] = CTRL('w'), [VKILL] = CTRL('u'),
		[VREPRINT] = CTRL('r'), [7] = _POSIX_VDISABLE,
		[VINTR] = CTRL('c'), [VQUIT] = 0x1c, [VSUSP] = CTRL('z'),
		[VDSUSP] = CTRL('y'), [VSTART] = CTRL('q'),
		[VSTOP] = CTRL('s'), [VLNEXT] = CTRL('v'),
		[VDISCARD] = CTRL('o'), [VMIN] = 1, [VTIME] = 0,
		[VSTATUS] = CTRL('t'), [19] = _POSIX_VDISABLE,
	};

	tp->t_iflag = BRKINT | ICRNL | IMAXBEL | IXON | IXANY;
	tp->t_oflag = OPOST | ONLCR;
	tp->t_cflag = CREAD | CS8 | HUPCL;
	tp->t_lflag = ECHO | ICANON | ISIG | IEXTEN | ECHOE | ECHOKE |
	    ECHOCTL;
	memcpy(tp->t_cc, defcc, sizeof(defcc));
	tp->t_termios.c_ispeed = tp->t_termios.c_ospeed = B9600;
	tp->t_winsize = (struct winsize){ 25, 80, 0, 0 };
	tp->t_oproc = cnputc;
}

/* Queues: a ring of TTYHOG slots; a full queue drops, as a tty does. */
static void
ttyq_put(struct ttyq *q, int c)
{
	if (ttyq_count(q) < TTYHOG)
		q->q_buf[q->q_head++ % TTYHOG] = c;
}

static int
ttyq_unput(struct ttyq *q)
{
	return q->q_head == q->q_tail ? -1 : q->q_buf[--q->q_head % TTYHOG];
}

static int
ttyq_peek(struct ttyq *q)
{
	return q->q_head == q->q_tail ? -1 : q->q_buf[q->q_tail % TTYHOG];
}

/* Flush input: the line being typed and what readers have not taken. */
static void
ttyflush(struct tty *tp)
{
	tp->t_rawq.q_tail = tp->t_rawq.q_head;
	tp->t_canq.q_tail = tp->t_canq.q_head;
}

/*
 * Output one byte, as the settings say (OPOST|ONLCR: a newline starts a
 * line).  XXX: the console devices already return the carriage for a
 * newline, so ONLCR off changes nothing.
 */
static void
ttyoutput(int c, struct tty *tp)
{
	tp->t_oproc(c);
	if (c == '\n' || c == '\r')
		tp->t_column = 0;
	else if (c == '\b')
		tp->t_column--;
	else
		tp->t_column++;
}

/* Echo c: a control character as ^X when ECHOCTL asks. */
static void
ttyecho(int c, struct tty *tp)
{
	if ((tp->t_lflag & ECHO) == 0)
		return;
	if ((tp->t_lflag & ECHOCTL) && c < ' ' && c != '\n' && c != '\t') {
		ttyoutput('^', tp);
		ttyoutput(c + '@', tp);
	} else if (c == 0x7f && (tp->t_lflag & ECHOCTL)) {
		ttyoutput('^', tp);
		ttyoutput('?', tp);
	} else
		ttyoutput(c, tp);
}

/* Erase the last character of the line being typed, and its echo. */
static void
ttyrub(struct tty *tp)
{
	int c = ttyq_unput(&tp->t_rawq), i, n;

	if (c == -1 || (tp->t_lflag & ECHO) == 0)
		return;
	n = (c < ' ' || c == 0x7f) && (tp->t_lflag & ECHOCTL) ? 2 : 1;
	for (i = 0; i < n; i++) {
		if (tp->t_lflag & ECHOE) {
			ttyoutput('\b', tp);
			ttyoutput(' ', tp);
		}
		ttyoutput('\b', tp);
	}
}

/*
 * Readers may have something now: wake those in read(2), select(2) and
 * poll(2), and post to the kevent(2) knotes (upstream's ttwakeup).
 */
static void
ttwakeup(struct tty *tp)
{
	wakeup(&tp->t_canq);
	selwakeup();
	KNOTE(&tp->t_rklist, 0);
}

/* The typed line is finished: hand it to readers, ending with eol. */
static void
ttyendline(struct tty *tp, int eol)
{
	int c;

	while ((c = ttyq_peek(&tp->t_rawq)) != -1) {
		ttyq_put(&tp->t_canq, c);
		tp->t_rawq.q_tail++;
	}
	ttyq_put(&tp->t_canq, eol);
	ttwakeup(tp);
}

/*
 * A signal key (ISIG): unless NOFLSH, the pending input goes; the key
 * is echoed (^C) and its signal sent to the foreground process group.
 */
static void
ttysigkey(int c, struct tty *tp, int sig)
{
	if ((tp->t_lflag & NOFLSH) == 0)
		ttyflush(tp);
	ttyecho(c, tp);
	if (tp->t_lflag & ECHO)
		ttyoutput('\n', tp);
	if (tp->t_pgrp != NULL)
		pgsignal(tp->t_pgrp, sig, 1);
}

/* Canonical editing: 1 if c was an editing character and is done. */
static int
ttycanon(int c, struct tty *tp)
{
	if (CCEQ(tp->t_cc[VERASE], c) || c == '\b') {
		ttyrub(tp);
		return 1;
	}
	if (CCEQ(tp->t_cc[VKILL], c)) {
		while (ttyq_count(&tp->t_rawq) > 0)
			ttyrub(tp);
		return 1;
	}
	if (CCEQ(tp->t_cc[VEOF], c)) {
		ttyendline(tp, TTY_EOFMARK);
		return 1;
	}
	if (c == '\n' || CCEQ(tp->t_cc[VEOL], c)) {
		ttyecho(c, tp);
		ttyendline(tp, c);
		return 1;
	}
	return 0;
}

/*
 * One input character for tp, from the device: signal keys, CR
 * handling, editing (ICANON), echo, and into the queues.
 * => thread context (tty_thread): it may send signals.
 */
void
ttyinput(int c, struct tty *tp)
{
	c &= 0xff;
	if (tp->t_lflag & ISIG) {
		if (CCEQ(tp->t_cc[VINTR], c))
			return ttysigkey(c, tp, SIGINT);
		if (CCEQ(tp->t_cc[VQUIT], c))
			return ttysigkey(c, tp, SIGQUIT);
		if (CCEQ(tp->t_cc[VSUSP], c))
			return ttysigkey(c, tp, SIGTSTP);
	}
	if (c == '\r') {
		if (tp->t_iflag & IGNCR)
			return;
		if (tp->t_iflag & ICRNL)
			c = '\n';
	}
	if ((tp->t_lflag & ICANON) == 0) {
		ttyq_put(&tp->t_canq, c);
		ttyecho(c, tp);
		ttwakeup(tp);
		return;
	}
	if (ttycanon(c, tp))
		return;
	if (ttyq_count(&tp->t_rawq) < TTYHOG - 1) {
		ttyq_put(&tp->t_rawq, c);
		ttyecho(c, tp);
	}
}

/*
 * The console's input thread: every character typed goes through the
 * line discipline here, whether or not anyone reads.
 */
static void
tty_thread(void *arg)
{
	struct tty *tp = arg;

	for (;;)
		ttyinput(cngetc(), tp);
}

/* The settings, the first time the terminal is used. */
static void
ttysetup(struct tty *tp)
{
	if (!tty_ready)
		tty_defaults(tp);
	tty_ready = 1;
}

/*
 * Start the input thread on the first read (a shell's, before any job
 * can want ^C).  Not at boot: the kernel monitor and the
 * self-tests read the console's ring themselves.
 */
void
ttystart(struct tty *tp)
{
	ttysetup(tp);
	if (tty_proc != NULL)
		return;
	if (kthread_create(tty_thread, tp, &tty_proc, "ttyin") != 0)
		panic("ttystart: no input thread");
}

/* Is tp pr's controlling terminal? */
int
isctty(struct process *pr, struct tty *tp)
{
	return pr->ps_session == tp->t_session &&
	    (pr->ps_flags & PS_CONTROLT);
}

/* Is pr in the background on its controlling terminal tp? */
int
isbackground(struct process *pr, struct tty *tp)
{
	return isctty(pr, tp) && pr->ps_pgrp != tp->t_pgrp;
}

/* Is sig ignored or blocked by p? */
static int
sigismasked(struct proc *p, int sig)
{
	return (p->p_sigmask & sigmask(sig)) ||
	    (p->p_p->ps_sigacts->ps_sigignore & sigmask(sig));
}

/*
 * A background process touched its terminal: stop its group with sig
 * (SIGTTIN, SIGTTOU), then have the caller look again.  EIO when
 * stopping cannot work: sig ignored or blocked, the group orphaned, or
 * a vfork child its parent waits for.
 * => returns 0 to retry, or an error (ERESTART: the call restarts once
 *    the group is continued).
 */
static int
ttybackground(struct tty *tp, struct proc *p, int sig)
{
	struct process *pr = p->p_p;

	if (sigismasked(p, sig) || (pr->ps_flags & PS_PPWAIT) ||
	    pr->ps_pgrp->pg_jobc == 0)
		return EIO;
	pgsignal(pr->ps_pgrp, sig, 1);
	return tty_bgsleep(tp, "ttybg");
}

/* Sleep until a signal arrives (the stop signal just sent does). */
static int
tty_bgsleep(struct tty *tp, const char *wmesg)
{
	int error;

	error = tsleep_nsec(&tp->t_session, PTTY | PCATCH, wmesg,
	    1000000000ULL);
	return error == EWOULDBLOCK ? 0 : error;
}

/*
 * Wait for input a read can take.  Canonical: a whole line (or EOF).
 * Not: VMIN bytes (at most the request); with VTIME, at most VTIME
 * tenths of a second after the first byte (or at all, when VMIN is 0).
 * => returns 0 (go on, maybe with nothing: a timeout) or an error.
 */
static int
ttwait(struct tty *tp, struct uio *uio, int ioflag)
{
	u_int min = tp->t_cc[VMIN], avail;
	uint64_t nsec = tp->t_cc[VTIME] * 100000000ULL;
	int error;

	for (;;) {
		avail = ttyq_count(&tp->t_canq);
		if (tp->t_lflag & ICANON) {
			if (avail > 0)
				return 0;
		} else if (avail >= MIN(min, uio->uio_resid))
			return 0;
		if (ioflag & IO_NDELAY)
			return EWOULDBLOCK;
		if (nsec == 0 || (tp->t_lflag & ICANON) ||
		    (min > 0 && avail == 0))
			nsec = INFSLP;
		if (boot_benchboot)	/* the shell has prompted: timed */
			kbench_boot_to_shell();
		error = tsleep_nsec(&tp->t_canq, PTTY | PCATCH, "ttyin", nsec);
		if (error == EWOULDBLOCK)
			return 0;
		if (error)
			return error;
		nsec = tp->t_cc[VTIME] * 100000000ULL;
	}
}

/*
 * read(2) of the terminal: background processes are stopped first
 * (SIGTTIN); then a line (ICANON, up to and with its newline; a ^D
 * alone is end of file) or what non-canonical mode waited for.
 */
int
ttread(struct tty *tp, struct uio *uio, int ioflag)
{
	struct proc *p = uio->uio_procp;
	char c;
	int error, ch;

	ttysetup(tp);
	while (p != NULL && isbackground(p->p_p, tp))
		if ((error = ttybackground(tp, p, SIGTTIN)) != 0)
			return error;
	ttystart(tp);
	if ((error = ttwait(tp, uio, ioflag)) != 0)
		return error;
	while (uio->uio_resid > 0 && (ch = ttyq_peek(&tp->t_canq)) != -1) {
		if (ch == TTY_EOFMARK) {
			/* Ends the line; alone, it is end of file. */
			tp->t_canq.q_tail++;
			break;
		}
		c = ch;
		if ((error = uiomove(&c, 1, uio)) != 0)
			return error;
		tp->t_canq.q_tail++;
		if ((tp->t_lflag & ICANON) &&
		    (c == '\n' || CCEQ(tp->t_cc[VEOL], (u_char)c)))
			break;
	}
	return 0;
}

/*
 * write(2) to the terminal: with TOSTOP, a background process is
 * stopped first (SIGTTOU); then the bytes go out.
 */
int
ttwrite(struct tty *tp, struct uio *uio, int ioflag __unused)
{
	struct proc *p = uio->uio_procp;
	char buf[TTY_CHUNK];
	size_t n, i;
	int error;

	ttysetup(tp);
	while (p != NULL && (tp->t_lflag & TOSTOP) &&
	    isbackground(p->p_p, tp))
		if ((error = ttybackground(tp, p, SIGTTOU)) != 0)
			return error;
	while (uio->uio_resid > 0) {
		n = MIN(uio->uio_resid, sizeof(buf));
		if ((error = uiomove(buf, n, uio)) != 0)
			return error;
		for (i = 0; i < n; i++)
			ttyoutput((u_char)buf[i], tp);
	}
	return 0;
}

/*
 * Make tp the controlling terminal of p's session (TIOCSCTTY, or an open
 * without O_NOCTTY): p must lead its session, which has none, and tp
 * belong to no other session.
 */
int
ttyopen_ctty(struct tty *tp, struct proc *p)
{
	struct process *pr = p->p_p;
	struct session *sp = pr->ps_session;

	if (!SESS_LEADER(pr) || ((sp->s_ttyvp != NULL ||
	    tp->t_session != NULL) && tp->t_session != sp))
		return EPERM;
	ttysetup(tp);
	tp->t_session = sp;
	tp->t_pgrp = pr->ps_pgrp;
	sp->s_ttyp = tp;
	sp->s_ttyvp = consvp;	/* PORT: no reference; it lives for ever */
	atomic_setbits_int(&pr->ps_flags, PS_CONTROLT);
	return 0;
}

/* TIOCSPGRP: the foreground group, one of the caller's session. */
static int
ttsetpgrp(struct tty *tp, struct process *pr, pid_t pgid)
{
	struct pgrp *pgrp;

	if (!isctty(pr, tp))
		return ENOTTY;
	if (pgid < 1)
		return EINVAL;
	if ((pgrp = pgfind(pgid)) == NULL)
		return EPERM;
	if (pgrp->pg_session != pr->ps_session)
		return EPERM;
	tp->t_pgrp = pgrp;
	return 0;
}

/* TIOCSETA, TIOCSETAW, TIOCSETAF: new settings (AF flushes input). */
static void
ttsetattr(struct tty *tp, u_long cmd, const struct termios *t)
{
	if (cmd == TIOCSETAF)
		ttyflush(tp);
	/* Leaving canonical mode: the half-typed line becomes input. */
	if ((t->c_lflag & ICANON) == 0 && (tp->t_lflag & ICANON)) {
		while (ttyq_count(&tp->t_rawq) > 0) {
			ttyq_put(&tp->t_canq, ttyq_peek(&tp->t_rawq));
			tp->t_rawq.q_tail++;
		}
	}
	tp->t_termios = *t;
	ttwakeup(tp);
}

/*
 * ioctl(2) of the terminal.  Changing it (settings, foreground group)
 * from the background stops the caller's group with SIGTTOU first, as
 * tty(4) says, unless SIGTTOU is ignored or blocked.
 * => data is the kernel's copy of the argument.
 */
int
ttioctl(struct tty *tp, u_long cmd, caddr_t data, int flag __unused,
    struct proc *p)
{
	struct process *pr = p->p_p;
	int error;

	ttysetup(tp);
	switch (cmd) {
	case TIOCSETA:
	case TIOCSETAW:
	case TIOCSETAF:
	case TIOCSPGRP:
		while (isbackground(pr, tp) && !sigismasked(p, SIGTTOU) &&
		    (pr->ps_flags & PS_PPWAIT) == 0) {
			if (pr->ps_pgrp->pg_jobc == 0)	/* orphaned */
				return EIO;
			pgsignal(pr->ps_pgrp, SIGTTOU, 1);
			if ((error = tty_bgsleep(tp, "ttybg")) != 0)
				return error;
		}
		break;
	}

	switch (cmd) {
	case TIOCGETA:
		*(struct termios *)data = tp->t_termios;
		return 0;
	case TIOCSETA:
	case TIOCSETAW:
	case TIOCSETAF:
		ttsetattr(tp, cmd, (struct termios *)data);
		return 0;
	case TIOCGPGRP:
		if (!isctty(pr, tp))
			return ENOTTY;
		*(int *)data = tp->t_pgrp != NULL ?
		    tp->t_pgrp->pg_id : NO_PID;
		return 0;
	case TIOCSPGRP:
		return ttsetpgrp(tp, pr, *(int *)data);
	case TIOCGSID:
		if (!isctty(pr, tp) || tp->t_session->s_leader == NULL)
			return ENOTTY;
		*(int *)data = tp->t_session->s_leader->ps_pid;
		return 0;
	case TIOCSCTTY:
		return ttyopen_ctty(tp, p);
	case TIOCGWINSZ:
		*(struct winsize *)data = tp->t_winsize;
		return 0;
	case TIOCSWINSZ:
		tp->t_winsize = *(struct winsize *)data;
		return 0;
	case FIONREAD:
		*(int *)data = ttyq_count(&tp->t_canq);
		return 0;
	}
	return ENOTTY;
}
