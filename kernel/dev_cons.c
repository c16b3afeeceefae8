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

static const struct vops cons_vops = {
	.vop_read = cons_vop_read,
	.vop_write = cons_vop_write,
	.vop_ioctl = cons_vop_ioctl,
	.vop_open = cons_vop_open,
};

static struct vnode cons_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &cons_vops,
};

struct vnode *consvp = &cons_vnode;
