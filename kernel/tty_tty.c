/*
 * kernel/tty_tty.c: /dev/tty, in each process a synonym for its
 * controlling terminal (OpenBSD's kern/tty_tty.c, written afresh as a
 * vnode: cttyopen, cttyread, cttywrite, cttyioctl, cttypoll).
 *
 * The device has no terminal of its own.  Every operation looks up the
 * caller's terminal at the time of the call, through its session
 * (cttyvp: s_ttyvp, while the process has PS_CONTROLT), and hands the
 * call to that terminal's vnode, so the terminal's rules apply as they
 * do through /dev/console: a background read stops the group with
 * SIGTTIN, and so on (kernel/tty.c).
 *
 *   open   no controlling terminal: ENXIO
 *   read, write, ioctl   the terminal's; EIO once the process has lost
 *          its terminal (the leader exited, TIOCNOTTY)
 *   poll   the terminal's; with none, ready (upstream's seltrue)
 *   ioctl TIOCSCTTY   EINVAL: /dev/tty is already the controlling one
 *   ioctl TIOCNOTTY   a process other than the session leader gives up
 *          its terminal (PS_CONTROLT off); the leader gets EINVAL
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/proc.h>
#include <sys/tty.h>
#include <sys/poll.h>
#include <sys/event.h>
#include <lib/libkern/libkern.h>

/*
 * The vnode of pr's controlling terminal, or NULL if it has none.
 * PORT: upstream's cttyvp() is a macro of a thread; here of a process.
 */
static struct vnode *
cttyvp(struct process *pr)
{
	if ((pr->ps_flags & PS_CONTROLT) == 0)
		return NULL;
	return pr->ps_session->s_ttyvp;
}

/* open(2): the terminal's own open, or ENXIO without one. */
static int
ctty_vop_open(struct vnode *vp __unused, int flags, struct proc *p)
{
	struct vnode *ttyvp = cttyvp(p->p_p);

	if (ttyvp == NULL)
		return ENXIO;
	if (ttyvp->v_op->vop_open == NULL)
		return 0;
	return ttyvp->v_op->vop_open(ttyvp, flags, p);
}

static int
ctty_vop_read(struct vnode *vp __unused, struct uio *uio, int ioflag)
{
	struct vnode *ttyvp;

	if (uio->uio_procp == NULL ||
	    (ttyvp = cttyvp(uio->uio_procp->p_p)) == NULL)
		return EIO;
	return VOP_READ(ttyvp, uio, ioflag);
}

static int
ctty_vop_write(struct vnode *vp __unused, struct uio *uio, int ioflag)
{
	struct vnode *ttyvp;

	if (uio->uio_procp == NULL ||
	    (ttyvp = cttyvp(uio->uio_procp->p_p)) == NULL)
		return EIO;
	return VOP_WRITE(ttyvp, uio, ioflag);
}

/*
 * ioctl(2): TIOCSCTTY and TIOCNOTTY are /dev/tty's own (see the top of
 * the file); the rest go to the terminal.
 * => data is the kernel's copy of the argument.
 */
static int
ctty_vop_ioctl(struct vnode *vp __unused, u_long cmd, caddr_t data,
    int fflag, struct proc *p)
{
	struct process *pr = p->p_p;
	struct vnode *ttyvp = cttyvp(pr);

	if (ttyvp == NULL)
		return EIO;
	if (cmd == TIOCSCTTY)
		return EINVAL;
	if (cmd == TIOCNOTTY) {
		if (SESS_LEADER(pr))
			return EINVAL;
		atomic_clearbits_int(&pr->ps_flags, PS_CONTROLT);
		return 0;
	}
	if (ttyvp->v_op->vop_ioctl == NULL)
		return ENOTTY;
	return ttyvp->v_op->vop_ioctl(ttyvp, cmd, data, fflag, p);
}

/* poll(2): the terminal's readiness; ready when there is none. */
static int
ctty_vop_poll(struct vnode *vp __unused, int events)
{
	struct vnode *ttyvp = cttyvp(curproc->p_p);

	if (ttyvp == NULL || ttyvp->v_op->vop_poll == NULL)
		return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
	return ttyvp->v_op->vop_poll(ttyvp, events);
}

/* kevent(2): the terminal's filter; always ready when there is none. */
static int
ctty_vop_kqfilter(struct vnode *vp __unused, struct knote *kn)
{
	struct vnode *ttyvp = cttyvp(curproc->p_p);

	if (ttyvp == NULL || ttyvp->v_op->vop_kqfilter == NULL)
		return seltrue_kqfilter(kn);
	return ttyvp->v_op->vop_kqfilter(ttyvp, kn);
}

/* VOP_GETATTR: a character device, OpenBSD/i386's cdev 1, minor 0. */
static int
ctty_vop_getattr(struct vnode *vp, struct vattr *vap)
{
	memset(vap, 0, sizeof(*vap));
	vap->va_type = vp->v_type;
	vap->va_mode = 0666;
	vap->va_nlink = 1;
	vap->va_fsid = TARFS_FSID;
	vap->va_blocksize = PAGE_SIZE;
	vap->va_rdev = makedev(1, 0);
	return 0;
}

static const struct vops ctty_vops = {
	.vop_read = ctty_vop_read,
	.vop_write = ctty_vop_write,
	.vop_poll = ctty_vop_poll,
	.vop_getattr = ctty_vop_getattr,
	.vop_ioctl = ctty_vop_ioctl,
	.vop_open = ctty_vop_open,
	.vop_kqfilter = ctty_vop_kqfilter,
};

static struct vnode ctty_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &ctty_vops,
};

struct vnode *cttydevvp = &ctty_vnode;
