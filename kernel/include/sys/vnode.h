/*
 * sys/vnode.h: file system nodes.  A vnode is a file, directory or
 * device the kernel can name; its operations (v_op) do the reading and
 * writing for the file system or device behind it.  A process holds its
 * text vnode (ps_textvp); an open file holds its vnode (f_data).
 * namei() finds a vnode by name (the ramdisk's, vfs_tarfs.c).
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>
#include <sys/time.h>

struct uio;
struct proc;
struct ucred;
struct vnode;
struct knote;

enum vtype { VNON, VREG, VDIR, VBLK, VCHR, VLNK, VSOCK, VFIFO, VBAD };

/*
 * What VOP_GETATTR says about a vnode (OpenBSD's struct vattr, the
 * fields stat(2) needs); vn_stat() turns it into a struct stat.
 */
struct vattr {
	enum vtype va_type;		/* VREG, VDIR, VCHR ... */
	mode_t	va_mode;		/* permissions, without the type */
	nlink_t	va_nlink;
	uid_t	va_uid;
	gid_t	va_gid;
	dev_t	va_fsid;		/* the file system's device */
	ino_t	va_fileid;		/* the file's number in it */
	off_t	va_size;		/* bytes */
	blksize_t va_blocksize;		/* best I/O size */
	struct	timespec va_mtime;	/* also atime and ctime */
	dev_t	va_rdev;		/* a device vnode's device */
};

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
	/* poll(2): NULL for a vnode that never blocks (a ramdisk file). */
	int	(*vop_poll)(struct vnode *, int events);
	int	(*vop_getattr)(struct vnode *, struct vattr *);
	/*
	 * Directory entries (struct dirent) from uio_offset, an entry
	 * index (OpenBSD's cookie), as many as fit; uio_offset advances.
	 * NULL for vnodes that are not directories.
	 */
	int	(*vop_readdir)(struct vnode *, struct uio *);
	/* Devices: ioctl(2) (NULL: ENOTTY) and open(2) (NULL: nothing). */
	int	(*vop_ioctl)(struct vnode *, u_long, caddr_t, int,
		    struct proc *);
	int	(*vop_open)(struct vnode *, int, struct proc *);
	/* kevent(2): EVFILT_READ/_WRITE (NULL: always ready, seltrue). */
	int	(*vop_kqfilter)(struct vnode *, struct knote *);
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
#define VOP_WRITE(vp, uio, ioflag)	\
	((vp)->v_op->vop_write((vp), (uio), (ioflag)))
#define VOP_GETATTR(vp, vap)		((vp)->v_op->vop_getattr((vp), (vap)))
#define VOP_READDIR(vp, uio)		((vp)->v_op->vop_readdir((vp), (uio)))

/* A device number (OpenBSD's encoding), for va_rdev. */
#define makedev(x, y)	((dev_t)((((x) & 0xff) << 8) | ((y) & 0xff) | \
			    (((y) & 0xffff00) << 8)))
#define TARFS_FSID	makedev(17, 0)	/* st_dev of the ramdisk's files */

#define MAXPATHLEN	1024		/* a path, with its NUL */

extern struct vnode *consvp;		/* /dev/console */
extern struct vnode *nullvp;		/* /dev/null */
extern struct vnode *cttydevvp;		/* /dev/tty */
extern struct vnode *rootvnode;		/* "/" of the ramdisk */

struct stat;

int	namei(const char *, struct vnode **);
void	tarfs_mount(const char *, size_t);
int	tarfs_path(struct vnode *, char *, size_t);
u_int	tarfs_refs(void);
int	vn_stat(struct vnode *, struct stat *);

void	vref(struct vnode *);
void	vrele(struct vnode *);

#endif /* _SYS_VNODE_H_ */
