/*
 * kernel/sys_generic.c: read(2) and write(2), select(2) and poll(2)
 * (OpenBSD's sys_generic.c; one buffer each: no readv/writev yet).
 *
 * read and write build a uio over the caller's buffer and hand it to the
 * open file's fo_read/fo_write, which move what they can; the count moved
 * is the result.  A call interrupted after moving some bytes returns
 * those.  select and poll ask each file's fo_poll which events would not
 * block, and sleep until selwakeup() says something changed.
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
#include <sys/malloc.h>
#include <sys/poll.h>
#include <sys/select.h>
#include <sys/resourcevar.h>
#include <lib/libkern/libkern.h>
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

/* ---- select(2) and poll(2) ---- */

/*
 * Every thread in select or poll sleeps on selwait; whatever may make a
 * descriptor ready (a pipe's read, write or close, terminal input) calls
 * selwakeup(), which wakes them all to look again.  PORT: upstream keeps
 * a struct selinfo per object to wake only its own selectors; one
 * channel is simpler, at the price of waking every selecting thread for
 * any event.  selgen tells a scanner that an event came while it was
 * scanning, so that it looks again instead of sleeping through it.
 */
static int selwait;
static volatile u_int selgen;

/* => thread context: pipes, and the terminal's input thread. */
void
selwakeup(void)
{
	selgen++;
	wakeup(&selwait);
}

typedef int (*selscan_t)(struct proc *, void *, register_t *);

/*
 * Scan until something is ready (*retval > 0), nsecs pass (0: look
 * once; INFSLP: no limit) or a signal comes: EINTR, for neither call is
 * restarted after a handler, as upstream does.
 */
static int
selpoll_wait(struct proc *p, uint64_t nsecs, selscan_t scan, void *arg,
    register_t *retval)
{
	uint64_t deadline = 0, now;
	int error, s;
	u_int gen;

	if (nsecs != INFSLP)
		deadline = getnsecuptime() + nsecs;
	for (;;) {
		gen = selgen;
		if ((error = scan(p, arg, retval)) != 0 || *retval > 0 ||
		    nsecs == 0)
			return error;
		now = getnsecuptime();
		if (nsecs != INFSLP && now >= deadline)
			return 0;
		s = spltty();		/* no console event in between */
		error = 0;
		if (gen == selgen)
			error = tsleep_nsec(&selwait, PSOCK | PCATCH, "select",
			    nsecs == INFSLP ? INFSLP : deadline - now);
		splx(s);
		if (error == ERESTART)
			return EINTR;
		if (error != 0 && error != EWOULDBLOCK)
			return error;
	}
}

/* What poll reports for fd: POLLNVAL if it is not open. */
static int
pollone(struct proc *p, int fd, int events)
{
	struct file *fp;

	if (fd < 0)
		return 0;		/* ignored, as POSIX says */
	if ((fp = fd_getfile(p->p_fd, fd)) == NULL)
		return POLLNVAL;
	return fp->f_ops->fo_poll(fp, events, p);
}

struct poll_args {
	struct pollfd *pl;
	u_int	nfds;
};

static int
pollscan(struct proc *p, void *arg, register_t *retval)
{
	struct poll_args *pa = arg;
	u_int i;
	int n = 0;

	for (i = 0; i < pa->nfds; i++) {
		pa->pl[i].revents = pollone(p, pa->pl[i].fd, pa->pl[i].events);
		if (pa->pl[i].revents != 0)
			n++;
	}
	*retval = n;
	return 0;
}

/*
 * poll(2): timeout in milliseconds, INFTIM (-1) for none.  EINVAL for
 * more descriptors than a process may have or a timeout below -1;
 * EFAULT; EINTR.
 */
int
sys_poll(struct proc *p, void *v, register_t *retval)
{
	struct sys_poll_args /* {
		syscallarg(struct pollfd *) fds;
		syscallarg(u_int) nfds;
		syscallarg(int) timeout;
	} */ *uap = v;
	struct poll_args pa = { NULL, SCARG(uap, nfds) };
	int timeout = SCARG(uap, timeout), error;
	size_t sz = pa.nfds * sizeof(struct pollfd);

	if (pa.nfds > MIN(lim_cur(RLIMIT_NOFILE), (rlim_t)maxfiles) ||
	    timeout < INFTIM)
		return EINVAL;
	pa.pl = malloc(MAX(sz, 1), M_TEMP, M_WAITOK);
	if ((error = copyin(SCARG(uap, fds), pa.pl, sz)) == 0) {
		error = selpoll_wait(p, timeout == INFTIM ? INFSLP :
		    (uint64_t)timeout * 1000000, pollscan, &pa, retval);
		if (error == 0)
			error = copyout(pa.pl, SCARG(uap, fds), sz);
	}
	free(pa.pl, M_TEMP, MAX(sz, 1));
	return error;
}

/* select's three sets, in and out, and how many words of each count. */
struct select_args {
	fd_set	in[3];			/* read, write, except: asked */
	fd_set	out[3];			/* ... found */
	int	nd;
};

/* The poll events each of select's sets stands for. */
static const int select_events[3] = {
	POLLIN | POLLRDNORM, POLLOUT | POLLWRNORM, POLLPRI | POLLRDBAND
};

static int
selscan(struct proc *p, void *arg, register_t *retval)
{
	struct select_args *sa = arg;
	struct file *fp;
	int msk, fd, n = 0;

	memset(sa->out, 0, sizeof(sa->out));
	for (msk = 0; msk < 3; msk++)
		for (fd = 0; fd < sa->nd; fd++) {
			if (!FD_ISSET(fd, &sa->in[msk]))
				continue;
			if ((fp = fd_getfile(p->p_fd, fd)) == NULL)
				return EBADF;
			if (fp->f_ops->fo_poll(fp, select_events[msk], p) &
			    (select_events[msk] | POLLHUP)) {
				FD_SET(fd, &sa->out[msk]);
				n++;
			}
		}
	*retval = n;
	return 0;
}

/*
 * select(2): descriptors below nd in the three sets; tv NULL waits
 * without limit.  EINVAL for a negative nd or a bad time, EBADF for a
 * set naming a closed descriptor, EFAULT, EINTR.  nd beyond the
 * process's table is cut to it, as upstream does.
 */
int
sys_select(struct proc *p, void *v, register_t *retval)
{
	struct sys_select_args /* {
		syscallarg(int) nd;
		syscallarg(fd_set *) in;
		syscallarg(fd_set *) ou;
		syscallarg(fd_set *) ex;
		syscallarg(struct timeval *) tv;
	} */ *uap = v;
	fd_set *uset[3] = { SCARG(uap, in), SCARG(uap, ou), SCARG(uap, ex) };
	uint64_t nsecs = INFSLP;
	struct select_args *sa;
	struct timeval tv;
	int nd = SCARG(uap, nd), i, error = 0;
	size_t ni;

	if (nd < 0)
		return EINVAL;
	nd = MIN(nd, MIN(p->p_fd->fd_nfiles, FD_SETSIZE));
	ni = __howmany(nd, __NFDBITS) * sizeof(__fd_mask);
	if (SCARG(uap, tv) != NULL) {
		if ((error = copyin(SCARG(uap, tv), &tv, sizeof(tv))) != 0)
			return error;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return EINVAL;
		nsecs = (uint64_t)tv.tv_sec * 1000000000 +
		    (uint64_t)tv.tv_usec * 1000;
	}
	sa = malloc(sizeof(*sa), M_TEMP, M_WAITOK | M_ZERO);
	sa->nd = nd;
	for (i = 0; i < 3 && error == 0; i++)
		if (uset[i] != NULL)
			error = copyin(uset[i], &sa->in[i], ni);
	if (error == 0)
		error = selpoll_wait(p, nsecs, selscan, sa, retval);
	for (i = 0; i < 3 && error == 0; i++)
		if (uset[i] != NULL)
			error = copyout(&sa->out[i], uset[i], ni);
	free(sa, M_TEMP, sizeof(*sa));
	return error;
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
