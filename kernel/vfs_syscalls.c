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
	fp->f_flag = fflags & (FREAD | FWRITE | O_NONBLOCK | O_APPEND);
	fp->f_type = DTYPE_VNODE;
	fp->f_ops = &vnops;
	fp->f_data = vp;		/* namei's reference */
	if (flags & O_CLOEXEC)
		p->p_fd->fd_ofileflags[fd] |= UF_EXCLOSE;
	*retval = fd;
	return 0;
}
