/*
 * kernel/dev_cons.c: the console as a character device vnode, the file
 * behind /dev/console (OpenBSD's dev/cons.c, cnread/cnwrite/cnioctl).
 *
 * The console is a terminal: reading, writing and ioctl(2) go through
 * its line discipline (kernel/tty.c, constty), which takes the typed
 * characters from kern_cons.c's input ring and prints with cnputc().
 * poll(2) and kevent(2) ask the line discipline's queue too.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/cons.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/proc.h>
#include <sys/fcntl.h>
#include <sys/tty.h>
#include <sys/poll.h>
#include <sys/event.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>

#define CONS_CHUNK	64	/* bytes moved at a time */

static int
cons_vop_read(struct vnode *vp __unused, struct uio *uio, int ioflag)
{
	return ttread(constty, uio, ioflag);
}

static int
cons_vop_write(struct vnode *vp __unused, struct uio *uio, int ioflag)
{
	return ttwrite(constty, uio, ioflag);
}

static int
cons_vop_ioctl(struct vnode *vp __unused, u_long cmd, caddr_t data,
    int fflag, struct proc *p)
{
	return ttioctl(constty, cmd, data, fflag, p);
}

/*
 * An open of /dev/console (without O_NOCTTY) by a session leader with no
 * terminal makes it the controlling terminal, as on OpenBSD.
 */
static int
cons_vop_open(struct vnode *vp __unused, int flags, struct proc *p)
{
	struct process *pr = p->p_p;

	if ((flags & O_NOCTTY) == 0 && SESS_LEADER(pr) &&
	    pr->ps_session->s_ttyvp == NULL && constty->t_session == NULL)
		(void)ttyopen_ctty(constty, p);
	return 0;
}

/*
 * Readable once the line discipline has something for readers (a whole
 * line, end of file, or, without ICANON, any byte); always writable.
 * Polling starts the input thread, as a first read does: the input
 * must be processed for the answer to change.
 */
static int
cons_vop_poll(struct vnode *vp __unused, int events)
{
	int revents = events & (POLLOUT | POLLWRNORM);

	ttystart(constty);
	if (ttyq_count(&constty->t_canq) > 0)
		revents |= events & (POLLIN | POLLRDNORM);
	return revents;
}

static void
filt_consrdetach(struct knote *kn)
{
	klist_remove(&constty->t_rklist, kn);
}

/* EVFILT_READ: what poll calls readable; data, the bytes waiting. */
static int
filt_consread(struct knote *kn, long hint __unused)
{
	kn->kn_data = ttyq_count(&constty->t_canq);
	return kn->kn_data > 0;
}

static void
filt_conswdetach(struct knote *kn __unused)
{
}

/* EVFILT_WRITE: output never waits; data, what a write moves at once. */
static int
filt_conswrite(struct knote *kn, long hint __unused)
{
	kn->kn_data = CONS_CHUNK;
	return 1;
}

static const struct filterops cons_rfiltops = {
	.f_flags = FILTEROP_ISFD,
	.f_detach = filt_consrdetach,
	.f_event = filt_consread,
};

static const struct filterops cons_wfiltops = {
	.f_flags = FILTEROP_ISFD,
	.f_detach = filt_conswdetach,
	.f_event = filt_conswrite,
};

/*
 * kevent(2): a read knote hangs on the terminal's t_rklist, which the
 * line discipline posts to when input is ready (tty.c, ttwakeup); as
 * for poll, the input thread starts.  A write knote needs no list.
 */
static int
cons_vop_kqfilter(struct vnode *vp __unused, struct knote *kn)
{
	switch (kn->kn_filter) {
	case EVFILT_READ:
		ttystart(constty);
		kn->kn_fop = &cons_rfiltops;
		klist_insert(&constty->t_rklist, kn);
		return 0;
	case EVFILT_WRITE:
		kn->kn_fop = &cons_wfiltops;
		return 0;
	default:
		return EINVAL;
	}
}

/* VOP_GETATTR: a character device, OpenBSD/i386's cdev 0, minor 0. */
static int
cons_vop_getattr(struct vnode *vp, struct vattr *vap)
{
	memset(vap, 0, sizeof(*vap));
	vap->va_type = vp->v_type;
	vap->va_mode = 0600;
	vap->va_nlink = 1;
	vap->va_fsid = TARFS_FSID;
	vap->va_blocksize = CONS_CHUNK;
	vap->va_rdev = makedev(0, 0);
	return 0;
}

static const struct vops cons_vops = {
	.vop_read = cons_vop_read,
	.vop_write = cons_vop_write,
	.vop_poll = cons_vop_poll,
	.vop_getattr = cons_vop_getattr,
	.vop_ioctl = cons_vop_ioctl,
	.vop_open = cons_vop_open,
	.vop_kqfilter = cons_vop_kqfilter,
};

static struct vnode cons_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &cons_vops,
};

struct vnode *consvp = &cons_vnode;
