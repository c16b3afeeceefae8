/*
 * kernel/sys_generic.c: read(2) and write(2) (OpenBSD's sys_generic.c,
 * one buffer each: readv/writev come with the rest of issue 6).
 *
 * Each builds a uio over the caller's buffer and hands it to the open
 * file's fo_read/fo_write, which move what they can; the count moved is
 * the result.  A call interrupted after moving some bytes returns those.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/uio.h>
#include <sys/syscallargs.h>

#define IOSIZE_MAX	0x7fffffffUL	/* what a ssize_t can report */

/*
 * Move up to nbyte bytes between buf and the file behind fd, in the
 * direction rw; *retval gets the count.
 */
static int
dofilerw(struct proc *p, int fd, void *buf, size_t nbyte, enum uio_rw rw,
    register_t *retval)
{
	struct file *fp;
	struct iovec iov = { buf, nbyte };
	struct uio uio;
	int error;

	fp = fd_getfile_mode(p->p_fd, fd, rw == UIO_READ ? FREAD : FWRITE);
	if (fp == NULL)
		return EBADF;
	if (nbyte > IOSIZE_MAX)
		return EINVAL;
	uio = (struct uio){ &iov, 1, fp->f_offset, nbyte, UIO_USERSPACE, rw,
	    p };
	FREF(fp);
	error = rw == UIO_READ ? fp->f_ops->fo_read(fp, &uio, 0) :
	    fp->f_ops->fo_write(fp, &uio, 0);
	/* Part done and then interrupted: report the part. */
	if (error != 0 && uio.uio_resid != nbyte &&
	    (error == EINTR || error == ERESTART || error == EWOULDBLOCK))
		error = 0;
	*retval = nbyte - uio.uio_resid;
	(void)FRELE(fp, p);
	return error;
}

/* read(2). */
int
sys_read(struct proc *p, void *v, register_t *retval)
{
	struct sys_read_args /* {
		syscallarg(int) fd;
		syscallarg(void *) buf;
		syscallarg(size_t) nbyte;
	} */ *uap = v;

	return dofilerw(p, SCARG(uap, fd), SCARG(uap, buf),
	    SCARG(uap, nbyte), UIO_READ, retval);
}

/* write(2). */
int
sys_write(struct proc *p, void *v, register_t *retval)
{
	struct sys_write_args /* {
		syscallarg(int) fd;
		syscallarg(const void *) buf;
		syscallarg(size_t) nbyte;
	} */ *uap = v;

	return dofilerw(p, SCARG(uap, fd), (void *)SCARG(uap, buf),
	    SCARG(uap, nbyte), UIO_WRITE, retval);
}
