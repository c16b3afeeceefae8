/*
 * sys/vnode.h: file system nodes.  A vnode is a file, directory or
 * device the kernel can name; its operations (v_op) do the reading and
 * writing for the file system or device behind it.  A process holds its
 * text vnode (ps_textvp); an open file holds its vnode (f_data).
 * FIXME (issue 6): names (namei), mounts, the ramdisk file system.
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>

struct uio;
struct proc;
struct ucred;
struct vnode;

enum vtype { VNON, VREG, VDIR, VBLK, VCHR, VLNK, VSOCK, VFIFO, VBAD };

/* A vnode's operations: the file system's or the device's. */
struct vops {
	int	(*vop_read)(struct vnode *, struct uio *, int ioflag);
	int	(*vop_write)(struct vnode *, struct uio *, int ioflag);
	/*
	 * PORT: the file's bytes in kernel memory, for exec to map (UVM-lite
	 * maps file images from memory; there is no vnode pager).  NULL for
	 * vnodes that are not memory-backed files.
	 */
	int	(*vop_image)(struct vnode *, const char **, size_t *);
	/* Devices: ioctl(2) (NULL: ENOTTY) and open(2) (NULL: nothing). */
	int	(*vop_ioctl)(struct vnode *, u_long, caddr_t, int,
		    struct proc *);
	int	(*vop_open)(struct vnode *, int, struct proc *);
};

struct vnode {
	u_int	v_usecount;		/* references */
	int	v_type;			/* enum vtype */
	void	*v_data;		/* the file system's node */
	void	(*v_inactive)(struct vnode *);	/* last reference gone */
	const struct vops *v_op;	/* its operations */
};

#define IO_NDELAY	0x10		/* O_NONBLOCK */

#define VOP_READ(vp, uio, ioflag)	((vp)->v_op->vop_read((vp), (uio), (ioflag)))
#define VOP_WRITE(vp, uio, ioflag)	((vp)->v_op->vop_write((vp), (uio), (ioflag)))

#define MAXPATHLEN	1024		/* a path, with its NUL */

extern struct vnode *consvp;		/* /dev/console */
extern struct vnode *rootvnode;		/* "/" of the ramdisk */

int	namei(const char *, struct vnode **);
void	tarfs_mount(const char *, size_t);

void	vref(struct vnode *);
void	vrele(struct vnode *);

#endif /* _SYS_VNODE_H_ */
