/*
 * kernel/dev_cons.c: the console as a character device vnode, the file
 * behind /dev/console (OpenBSD's dev/cons.c, cnread/cnwrite/cnioctl).
 *
 * The console is a terminal: reading, writing and ioctl(2) go through
 * its line discipline (kernel/tty.c, constty), which takes the typed
 * characters from kern_cons.c's input ring and prints with cnputc().
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
};

static struct vnode cons_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &cons_vops,
};

struct vnode *consvp = &cons_vnode;
