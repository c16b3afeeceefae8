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
#include <sys/ioccom.h>
#include <sys/uio.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>

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

/*
 * ioctl(2): control a device.  The command's encoding (<sys/ioccom.h>)
 * says the argument's size and direction: it is copied in before the
 * file's fo_ioctl and out after it; a command with no argument passes
 * the word itself.  ENOTTY for files and pipes that take none.
 */
int
sys_ioctl(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_ioctl_args /* {
		syscallarg(int) fd;
		syscallarg(u_long) com;
		syscallarg(void *) data;
	} */ *uap = v;
	u_long com = SCARG(uap, com);
	size_t size = IOCPARM_LEN(com);
	char buf[128];
	caddr_t data = buf;
	struct file *fp;
	int error;

	if ((fp = fd_getfile_mode(p->p_fd, SCARG(uap, fd),
	    FREAD | FWRITE)) == NULL)
		return EBADF;
	if (size > sizeof(buf))
		return ENOTTY;
	if (fp->f_ops->fo_ioctl == NULL)
		return ENOTTY;
	if ((com & IOC_IN) && size > 0) {
		if ((error = copyin(SCARG(uap, data), data, size)) != 0)
			return error;
	} else if (com & IOC_VOID)
		*(void **)data = SCARG(uap, data);
	else
		memset(data, 0, size);
	FREF(fp);
	error = fp->f_ops->fo_ioctl(fp, com, data, p);
	if (error == 0 && (com & IOC_OUT) && size > 0)
		error = copyout(data, SCARG(uap, data), size);
	(void)FRELE(fp, p);
	return error;
}
