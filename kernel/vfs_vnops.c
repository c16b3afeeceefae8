/*
 * kernel/vfs_vnops.c: open files that are vnodes (DTYPE_VNODE), OpenBSD's
 * vnops: reads and writes go to the vnode's VOP_READ/VOP_WRITE at the
 * file's offset, which they advance; the last close of the file drops
 * its reference to the vnode.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <sys/vnode.h>

/* Read or write (uio_rw) fp's vnode at the file's offset, advancing it. */
static int
vn_rw(struct file *fp, struct uio *uio)
{
	struct vnode *vp = fp->f_data;
	size_t count = uio->uio_resid;
	int ioflag = (fp->f_flag & O_NONBLOCK) ? IO_NDELAY : 0, error;

	uio->uio_offset = fp->f_offset;
	error = uio->uio_rw == UIO_READ ? VOP_READ(vp, uio, ioflag) :
	    VOP_WRITE(vp, uio, ioflag);
	fp->f_offset += count - uio->uio_resid;
	return error;
}

static int
vn_read(struct file *fp, struct uio *uio, int fflags __unused)
{
	return vn_rw(fp, uio);
}

static int
vn_write(struct file *fp, struct uio *uio, int fflags __unused)
{
	return vn_rw(fp, uio);
}

static int
vn_closefile(struct file *fp, struct proc *p __unused)
{
	vrele(fp->f_data);
	fp->f_data = NULL;
	return 0;
}

/* ioctl(2) of a vnode: the device's; ENOTTY for a plain file. */
static int
vn_ioctl(struct file *fp, u_long com, caddr_t data, struct proc *p)
{
	struct vnode *vp = fp->f_data;

	if (vp->v_op->vop_ioctl == NULL)
		return ENOTTY;
	return vp->v_op->vop_ioctl(vp, com, data, fp->f_flag, p);
}

const struct fileops vnops = {
	.fo_read = vn_read,
	.fo_write = vn_write,
	.fo_close = vn_closefile,
	.fo_ioctl = vn_ioctl,
};
