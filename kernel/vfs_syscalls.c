/*
 * kernel/vfs_syscalls.c: the system calls on names and vnodes (OpenBSD's
 * vfs_syscalls.c, the start of it): open, lseek, stat and lstat, chdir
 * and fchdir, getdents.  The ramdisk is read-only: opening a file of it
 * for writing, or creating one, is EROFS; the devices in /dev may be
 * opened either way.  A directory may be opened for reading, and read
 * with getdents.  Relative paths start at the current directory
 * (fd_cdir), which namei() looks at.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/unistd.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>

/* May vp be opened with fflags (FREAD, FWRITE)? */
static int
vn_open_check(struct vnode *vp, int fflags)
{
	if ((fflags & FWRITE) == 0)
		return 0;
	if (vp->v_type == VDIR)
		return EISDIR;
	if (vp->v_type != VCHR)		/* the ramdisk's */
		return EROFS;
	return 0;
}

/*
 * namei() of a path in user space: EFAULT if it cannot be read.
 * => on success *vpp has a reference for the caller
 */
static int
namei_user(const char *upath, struct vnode **vpp)
{
	char *path;
	int error;

	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(upath, path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(path, vpp);
	free(path, M_TEMP, MAXPATHLEN);
	return error;
}

/* open(2): the lowest free descriptor for path. */
int
sys_open(struct proc *p, void *v, register_t *retval)
{
	struct sys_open_args /* {
		syscallarg(const char *) path;
		syscallarg(int) flags;
		syscallarg(mode_t) mode;
	} */ *uap = v;
	int flags = SCARG(uap, flags), fflags, fd, error;
	struct vnode *vp;
	struct file *fp;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return EINVAL;
	fflags = FFLAGS(flags);
	error = namei_user(SCARG(uap, path), &vp);
	if (error == ENOENT && (flags & O_CREAT))
		return EROFS;
	if (error != 0)
		return error;
	/* A device may refuse (/dev/tty without a terminal: ENXIO). */
	if ((error = vn_open_check(vp, fflags)) != 0 ||
	    (vp->v_op->vop_open != NULL &&
	    (error = vp->v_op->vop_open(vp, flags, p)) != 0) ||
	    (error = falloc(p, &fp, &fd)) != 0) {
		vrele(vp);
		return error;
	}
	fp->f_flag = fflags & (FREAD | FWRITE | O_NONBLOCK | O_APPEND);
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;		/* namei's reference */
	if (flags & O_CLOEXEC)
		p->p_fd->fd_ofileflags[fd] |= UF_EXCLOSE;
	*retval = fd;
	return 0;
}

/* The size of vp's file (VOP_GETATTR); 0 when it has none (a device). */
static off_t
vn_size(struct vnode *vp)
{
	struct vattr va;

	if (vp->v_op->vop_getattr == NULL || VOP_GETATTR(vp, &va) != 0)
		return 0;
	return va.va_size;
}

/*
 * lseek(2): the open file's offset, shared by its dups and fork's
 * copies.  ESPIPE for a pipe; EINVAL for a bad whence or a negative
 * result.  The new offset is returned in %edx:%eax.
 */
int
sys_lseek(struct proc *p, void *v, register_t *retval)
{
	struct sys_lseek_args /* {
		syscallarg(int) fd;
		syscallarg(off_t) offset;
		syscallarg(int) whence;
	} */ *uap = v;
	off_t offset = SCARG(uap, offset), base;
	struct file *fp;

	if ((fp = fd_getfile(p->p_fd, SCARG(uap, fd))) == NULL)
		return EBADF;
	if (fp->f_type != DTYPE_VNODE)
		return ESPIPE;
	switch (SCARG(uap, whence)) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = fp->f_offset;
		break;
	case SEEK_END:
		base = vn_size(fp->f_data);
		break;
	default:
		return EINVAL;
	}
	if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0)
		return EINVAL;
	fp->f_offset = base + offset;
	retval[0] = (register_t)fp->f_offset;
	retval[1] = (register_t)(fp->f_offset >> 32);
	return 0;
}

/* stat(2) and lstat(2): vn_stat() of path's vnode, copied out to ub. */
static int
dostat(const char *upath, struct stat *ub)
{
	struct vnode *vp;
	struct stat sb;
	int error;

	if ((error = namei_user(upath, &vp)) != 0)
		return error;
	error = vn_stat(vp, &sb);
	vrele(vp);
	if (error == 0)
		error = copyout(&sb, ub, sizeof(sb));
	return error;
}

int
sys_stat(struct proc *p __unused, void *v, register_t *retval __unused)
{
	struct sys_stat_args /* {
		syscallarg(const char *) path;
		syscallarg(struct stat *) ub;
	} */ *uap = v;

	return dostat(SCARG(uap, path), SCARG(uap, ub));
}

/* PORT: the ramdisk has no symbolic links, so lstat is stat. */
int
sys_lstat(struct proc *p __unused, void *v, register_t *retval __unused)
{
	struct sys_lstat_args /* {
		syscallarg(const char *) path;
		syscallarg(struct stat *) ub;
	} */ *uap = v;

	return dostat(SCARG(uap, path), SCARG(uap, ub));
}

/*
 * Make vp (with a reference the table takes over) p's current
 * directory, letting go of the old one.  ENOTDIR, and vp released, if
 * it is not a directory.
 */
static int
change_dir(struct proc *p, struct vnode *vp)
{
	struct filedesc *fdp = p->p_fd;
	struct vnode *old = fdp->fd_cdir;

	if (vp->v_type != VDIR) {
		vrele(vp);
		return ENOTDIR;
	}
	fdp->fd_cdir = vp;
	if (old != NULL)
		vrele(old);
	return 0;
}

/* chdir(2): path is the new current directory. */
int
sys_chdir(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_chdir_args /* {
		syscallarg(const char *) path;
	} */ *uap = v;
	struct vnode *vp;
	int error;

	if ((error = namei_user(SCARG(uap, path), &vp)) != 0)
		return error;
	return change_dir(p, vp);
}

/* fchdir(2): the directory open as fd is the new current directory. */
int
sys_fchdir(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_fchdir_args /* {
		syscallarg(int) fd;
	} */ *uap = v;
	struct file *fp;
	struct vnode *vp;

	if ((fp = fd_getfile(p->p_fd, SCARG(uap, fd))) == NULL)
		return EBADF;
	if (fp->f_type != DTYPE_VNODE)
		return ENOTDIR;
	vp = fp->f_data;
	vref(vp);
	return change_dir(p, vp);
}

/*
 * getdents(2): directory entries (struct dirent) of the directory open
 * as fd, from the file's offset (an entry index, which lseek may set
 * back to 0), as many as fit in buflen bytes.  Returns the bytes
 * filled, 0 at the end.  EBADF (not open for reading), ENOTDIR (not a
 * directory), EINVAL (buflen too small for the next entry).
 * PORT: upstream says EINVAL for a file that is not a directory; we
 * say ENOTDIR, as the other BSDs and Linux do.
 */
int
sys_getdents(struct proc *p, void *v, register_t *retval)
{
	struct sys_getdents_args /* {
		syscallarg(int) fd;
		syscallarg(void *) buf;
		syscallarg(size_t) buflen;
	} */ *uap = v;
	struct iovec iov = { SCARG(uap, buf), SCARG(uap, buflen) };
	struct file *fp;
	struct vnode *vp;
	struct uio uio;
	int error;

	if ((fp = fd_getfile_mode(p->p_fd, SCARG(uap, fd), FREAD)) == NULL)
		return EBADF;
	if (fp->f_type != DTYPE_VNODE ||
	    (vp = fp->f_data)->v_type != VDIR || vp->v_op->vop_readdir == NULL)
		return ENOTDIR;
	if (SCARG(uap, buflen) > INT32_MAX)
		return EINVAL;
	uio = (struct uio){ &iov, 1, fp->f_offset, SCARG(uap, buflen),
	    UIO_USERSPACE, UIO_READ, p };
	FREF(fp);
	error = VOP_READDIR(vp, &uio);
	if (error == 0)
		fp->f_offset = uio.uio_offset;
	*retval = SCARG(uap, buflen) - uio.uio_resid;
	(void)FRELE(fp, p);
	return error;
}
