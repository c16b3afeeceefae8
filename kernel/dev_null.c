/*
 * kernel/dev_null.c: /dev/null, a character device vnode (OpenBSD's
 * dev/mem.c, mmrw's minor 2): reading gives end of file, writing
 * swallows everything.  tarfs puts it in /dev beside the console.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/uio.h>
#include <sys/vnode.h>
#include <lib/libkern/libkern.h>

static int
null_vop_read(struct vnode *vp __unused, struct uio *uio __unused,
    int ioflag __unused)
{
	return 0;			/* end of file */
}

static int
null_vop_write(struct vnode *vp __unused, struct uio *uio,
    int ioflag __unused)
{
	uio->uio_offset += uio->uio_resid;
	uio->uio_resid = 0;		/* all of it written */
	return 0;
}

/* VOP_GETATTR: a character device, OpenBSD/i386's cdev 2, minor 2. */
static int
null_vop_getattr(struct vnode *vp, struct vattr *vap)
{
	memset(vap, 0, sizeof(*vap));
	vap->va_type = vp->v_type;
	vap->va_mode = 0666;
	vap->va_nlink = 1;
	vap->va_fsid = TARFS_FSID;
	vap->va_blocksize = PAGE_SIZE;
	vap->va_rdev = makedev(2, 2);
	return 0;
}

static const struct vops null_vops = {
	.vop_read = null_vop_read,
	.vop_write = null_vop_write,
	.vop_getattr = null_vop_getattr,
};

static struct vnode null_vnode = {
	.v_usecount = 1,	/* the kernel's, for ever */
	.v_type = VCHR,
	.v_op = &null_vops,
};

struct vnode *nullvp = &null_vnode;
