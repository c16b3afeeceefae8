/*
 * kernel/vfs_vnops.c: open files that are vnodes (DTYPE_VNODE), OpenBSD's
 * vnops: reads and writes go to the vnode's VOP_READ/VOP_WRITE at the
 * file's offset, which they advance; the last close of the file drops
 * its reference to the vnode.  vn_stat() is stat(2) and fstat(2) of a
 * vnode.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <sys/poll.h>
#include <sys/event.h>
#include <sys/stat.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>

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

/*
 * A vnode's readiness: the device's answer, or, for a file in memory,
 * always ready (upstream's seltrue()).
 */
static int
vn_poll(struct file *fp, int events, struct proc *p __unused)
{
	struct vnode *vp = fp->f_data;

	if (vp->v_op->vop_poll != NULL)
		return vp->v_op->vop_poll(vp, events);
	return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

/*
 * kevent(2) on a vnode: the device's filter, or for a file in memory,
 * always ready (upstream's seltrue_kqfilter).
 */
static int
vn_kqfilter(struct file *fp, struct knote *kn)
{
	struct vnode *vp = fp->f_data;

	if (vp->v_op->vop_kqfilter != NULL)
		return vp->v_op->vop_kqfilter(vp, kn);
	return seltrue_kqfilter(kn);
}

/* The S_IF* bits of a vnode type. */
static mode_t
vn_type_mode(int type)
{
	switch (type) {
	case VREG:
		return S_IFREG;
	case VDIR:
		return S_IFDIR;
	case VCHR:
		return S_IFCHR;
	case VBLK:
		return S_IFBLK;
	case VLNK:
		return S_IFLNK;
	case VSOCK:
		return S_IFSOCK;
	case VFIFO:
		return S_IFIFO;
	default:
		return 0;
	}
}

/*
 * Fill sb from vp's attributes (VOP_GETATTR).  The ramdisk keeps one
 * time, the archive's mtime; access and change times are the same.
 */
int
vn_stat(struct vnode *vp, struct stat *sb)
{
	struct vattr va;
	int error;

	if (vp->v_op->vop_getattr == NULL)
		return ENODEV;
	if ((error = VOP_GETATTR(vp, &va)) != 0)
		return error;
	memset(sb, 0, sizeof(*sb));
	sb->st_mode = vn_type_mode(va.va_type) | (va.va_mode & 07777);
	sb->st_dev = va.va_fsid;
	sb->st_ino = va.va_fileid;
	sb->st_nlink = va.va_nlink;
	sb->st_uid = va.va_uid;
	sb->st_gid = va.va_gid;
	sb->st_rdev = va.va_rdev;
	sb->st_atim = sb->st_mtim = sb->st_ctim = va.va_mtime;
	sb->__st_birthtim = va.va_mtime;
	sb->st_size = va.va_size;
	sb->st_blocks = howmany(va.va_size, S_BLKSIZE);
	sb->st_blksize = va.va_blocksize;
	return 0;
}

static int
vn_statfile(struct file *fp, struct stat *sb, struct proc *p __unused)
{
	return vn_stat(fp->f_data, sb);
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
	.fo_poll = vn_poll,
	.fo_stat = vn_statfile,
	.fo_ioctl = vn_ioctl,
	.fo_kqfilter = vn_kqfilter,
};
