/*
 * kernel/vfs_syscalls.c: open(2) (OpenBSD's vfs_syscalls.c, the start of
 * it).  The ramdisk is read-only: opening a file of it for writing, or
 * creating one, is EROFS; the console may be opened either way.
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
#include <sys/unistd.h>
#include <sys/syscallargs.h>

/* May vp be opened with fflags (FREAD, FWRITE)? */
static int
vn_open_check(struct vnode *vp, int fflags)
{
	if ((fflags & FWRITE) == 0)
		return 0;
	if (vp->v_type == VDIR)
		return EISDIR;
	if (vp != consvp)
		return EROFS;
	return 0;
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
	char *path;

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return EINVAL;
	fflags = FFLAGS(flags);
	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = copyinstr(SCARG(uap, path), path, MAXPATHLEN, NULL);
	if (error == 0)
		error = namei(path, &vp);
	free(path, M_TEMP, MAXPATHLEN);
	if (error == ENOENT && (flags & O_CREAT))
		return EROFS;
	if (error != 0)
		return error;
	if ((error = vn_open_check(vp, fflags)) != 0 ||
	    (error = falloc(p, &fp, &fd)) != 0) {
		vrele(vp);
		return error;
	}
	if (vp->v_op->vop_open != NULL)
		(void)vp->v_op->vop_open(vp, flags, p);
	fp->f_flag = fflags & (FREAD | FWRITE | O_NONBLOCK | O_APPEND);
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;		/* namei's reference */
	if (flags & O_CLOEXEC)
		p->p_fd->fd_ofileflags[fd] |= UF_EXCLOSE;
	*retval = fd;
	return 0;
}

/* The size of vp's file: its bytes in the ramdisk; 0 for a device. */
static off_t
vn_size(struct vnode *vp)
{
	const char *data;
	size_t size;

	if (vp->v_op->vop_image == NULL ||
	    vp->v_op->vop_image(vp, &data, &size) != 0)
		return 0;
	return size;
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
