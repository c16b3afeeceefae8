/*
 * kernel/sys_pipe.c: pipe(2) (OpenBSD's sys_pipe.c, a simpler pipe).
 *
 * One pipe is a ring buffer of PIPE_SIZE bytes and two open files, the
 * read end and the write end; fork and dup share them, and the pipe
 * remembers how many of each are still open:
 *
 *   writer --write--> [ pipe_buf: pipe_out ... pipe_cnt bytes ... ] --read--> reader
 *
 * A reader waits while the pipe is empty and a writer exists; with no
 * writer left, an empty pipe reads as end of file.  A writer waits while
 * the pipe is full; a write of at most PIPE_BUF bytes is never split
 * between other writers'.  Writing with no reader left is EPIPE, and
 * SIGPIPE to the writer.  O_NONBLOCK turns the waits into EAGAIN.
 *
 * kevent(2): EVFILT_READ on the read end (data: the bytes waiting) and
 * EVFILT_WRITE on the write end (data: the room left) hang their knotes
 * on the pipe's one klist; every change to the pipe posts to it
 * (pipe_wakeup), and each filter looks at its own end.  EV_EOF once the
 * other end is closed.  A knote holds a reference to its end's open
 * file, so the pipe lives as long as its knotes.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/ucred.h>
#include <sys/signalvar.h>
#include <sys/poll.h>
#include <sys/event.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>

#define PIPE_SIZE	4096	/* the buffer */
#define PIPE_BUF	512	/* POSIX: writes up to this are atomic */

struct pipe {
	char	*pipe_buf;		/* PIPE_SIZE bytes: a page of its own */
	u_int	pipe_out;		/* where the next read starts */
	u_int	pipe_cnt;		/* bytes in the buffer */
	int	pipe_readers;		/* open read ends */
	int	pipe_writers;		/* open write ends */
	struct	klist pipe_klist;	/* kevent(2) knotes, of both ends */
};

static struct pool pipe_pool;
static int pipe_pool_ready;

/* Move up to n bytes out of the ring into uio.  => 0 or EFAULT. */
static int
pipe_drain(struct pipe *pp, struct uio *uio)
{
	size_t n;
	int error;

	while (pp->pipe_cnt > 0 && uio->uio_resid > 0) {
		n = MIN(pp->pipe_cnt, PIPE_SIZE - pp->pipe_out);
		n = MIN(n, uio->uio_resid);
		if ((error = uiomove(pp->pipe_buf + pp->pipe_out, n, uio)))
			return error;
		pp->pipe_out = (pp->pipe_out + n) % PIPE_SIZE;
		pp->pipe_cnt -= n;
	}
	return 0;
}

/* Move up to the free space from uio into the ring.  => 0 or EFAULT. */
static int
pipe_fill(struct pipe *pp, struct uio *uio)
{
	u_int in;
	size_t n;
	int error;

	while (pp->pipe_cnt < PIPE_SIZE && uio->uio_resid > 0) {
		in = (pp->pipe_out + pp->pipe_cnt) % PIPE_SIZE;
		n = MIN(PIPE_SIZE - pp->pipe_cnt, PIPE_SIZE - in);
		n = MIN(n, uio->uio_resid);
		if ((error = uiomove(pp->pipe_buf + in, n, uio)) != 0)
			return error;
		pp->pipe_cnt += n;
	}
	return 0;
}

static void
pipe_free(struct pipe *pp)
{
	KASSERT(klist_empty(&pp->pipe_klist));
	uvm_km_free((vaddr_t)pp->pipe_buf, PIPE_SIZE);
	pool_put(&pipe_pool, pp);
}

/* Something changed: wake those who read, write, select or poll. */
static void
pipe_wakeup(struct pipe *pp)
{
	wakeup(pp);
	selwakeup();
	KNOTE(&pp->pipe_klist, 0);
}

static int
pipe_read(struct file *fp, struct uio *uio, int fflags __unused)
{
	struct pipe *pp = fp->f_data;
	int error;

	while (pp->pipe_cnt == 0) {
		if (pp->pipe_writers == 0)
			return 0;		/* end of file */
		if (fp->f_flag & O_NONBLOCK)
			return EAGAIN;
		if ((error = tsleep_nsec(pp, PSOCK | PCATCH, "piperd",
		    INFSLP)) != 0)
			return error;
	}
	error = pipe_drain(pp, uio);
	pipe_wakeup(pp);		/* room for writers */
	return error;
}

static int
pipe_write(struct file *fp, struct uio *uio, int fflags __unused)
{
	struct pipe *pp = fp->f_data;
	size_t atomic = uio->uio_resid <= PIPE_BUF ? uio->uio_resid : 1;
	int error;

	while (uio->uio_resid > 0) {
		if (pp->pipe_readers == 0) {
			psignal(curproc, SIGPIPE);
			return EPIPE;
		}
		if (PIPE_SIZE - pp->pipe_cnt < atomic) {
			if (fp->f_flag & O_NONBLOCK)
				return EAGAIN;
			if ((error = tsleep_nsec(pp, PSOCK | PCATCH,
			    "pipewr", INFSLP)) != 0)
				return error;
			continue;
		}
		if ((error = pipe_fill(pp, uio)) != 0)
			return error;
		pipe_wakeup(pp);	/* data for readers */
	}
	return 0;
}

/* The last reference to one end: the other side learns of it. */
static int
pipe_close(struct file *fp, struct proc *p __unused)
{
	struct pipe *pp = fp->f_data;

	if (fp->f_flag & FREAD)
		pp->pipe_readers--;
	else
		pp->pipe_writers--;
	pipe_wakeup(pp);
	if (pp->pipe_readers == 0 && pp->pipe_writers == 0)
		pipe_free(pp);
	fp->f_data = NULL;
	return 0;
}

/*
 * Readiness, as upstream's pipe_poll(): the read end is readable with
 * data or at end of file, and hung up once no writer is left; the write
 * end is writable with room for PIPE_BUF bytes, hung up once no reader
 * is left.
 */
static int
pipe_poll(struct file *fp, int events, struct proc *p __unused)
{
	struct pipe *pp = fp->f_data;
	int revents = 0;

	if (fp->f_flag & FREAD) {
		if (pp->pipe_cnt > 0 || pp->pipe_writers == 0)
			revents |= events & (POLLIN | POLLRDNORM);
		if (pp->pipe_writers == 0)
			revents |= POLLHUP;
	} else {
		if (pp->pipe_readers == 0)
			revents |= POLLHUP;
		else if (PIPE_SIZE - pp->pipe_cnt >= PIPE_BUF)
			revents |= events & (POLLOUT | POLLWRNORM);
	}
	return revents;
}

static void
filt_pipedetach(struct knote *kn)
{
	struct pipe *pp = kn->kn_hook;

	klist_remove(&pp->pipe_klist, kn);
}

/*
 * EVFILT_READ: data are the bytes waiting; ready with at least one (or
 * kn_sdata with NOTE_LOWAT), and at end of file, with EV_EOF.
 */
static int
filt_piperead(struct knote *kn, long hint __unused)
{
	struct pipe *pp = kn->kn_hook;

	kn->kn_data = pp->pipe_cnt;
	if (pp->pipe_writers == 0) {
		kn->kn_flags |= EV_EOF;
		return 1;
	}
	if (kn->kn_sfflags & NOTE_LOWAT)
		return kn->kn_data >= kn->kn_sdata;
	return kn->kn_data > 0;
}

/*
 * EVFILT_WRITE: data is the room left; ready with PIPE_BUF of it (a
 * write that would not block), as upstream; EV_EOF with no reader.
 */
static int
filt_pipewrite(struct knote *kn, long hint __unused)
{
	struct pipe *pp = kn->kn_hook;

	if (pp->pipe_readers == 0) {
		kn->kn_data = 0;
		kn->kn_flags |= EV_EOF;
		return 1;
	}
	kn->kn_data = PIPE_SIZE - pp->pipe_cnt;
	if (kn->kn_sfflags & NOTE_LOWAT)
		return kn->kn_data >= kn->kn_sdata;
	return kn->kn_data >= PIPE_BUF;
}

static const struct filterops pipe_rfiltops = {
	.f_flags = FILTEROP_ISFD,
	.f_detach = filt_pipedetach,
	.f_event = filt_piperead,
};

static const struct filterops pipe_wfiltops = {
	.f_flags = FILTEROP_ISFD,
	.f_detach = filt_pipedetach,
	.f_event = filt_pipewrite,
};

/*
 * fo_kqfilter: EVFILT_READ on the read end, EVFILT_WRITE on the write
 * end.  PORT: upstream's pipes are a pair, and a read knote on the
 * write end watches a direction nobody writes; here it is EINVAL.
 */
static int
pipe_kqfilter(struct file *fp, struct knote *kn)
{
	struct pipe *pp = fp->f_data;

	switch (kn->kn_filter) {
	case EVFILT_READ:
		if ((fp->f_flag & FREAD) == 0)
			return EINVAL;
		kn->kn_fop = &pipe_rfiltops;
		break;
	case EVFILT_WRITE:
		if ((fp->f_flag & FWRITE) == 0)
			return EINVAL;
		kn->kn_fop = &pipe_wfiltops;
		break;
	default:
		return EINVAL;
	}
	kn->kn_hook = pp;
	klist_insert(&pp->pipe_klist, kn);
	return 0;
}

/* fstat(2) of either end: a fifo, st_size the bytes waiting in it. */
static int
pipe_stat(struct file *fp, struct stat *sb, struct proc *p)
{
	struct pipe *pp = fp->f_data;

	memset(sb, 0, sizeof(*sb));
	sb->st_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	sb->st_nlink = 1;
	sb->st_uid = p->p_ucred->cr_uid;
	sb->st_gid = p->p_ucred->cr_gid;
	sb->st_size = pp->pipe_cnt;
	sb->st_blksize = PIPE_SIZE;
	sb->st_ino = (ino_t)(vaddr_t)pp;
	return 0;
}

static const struct fileops pipeops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_close = pipe_close,
	.fo_poll = pipe_poll,
	.fo_stat = pipe_stat,
	.fo_kqfilter = pipe_kqfilter,
};

/* A new open file for one end of pp, in descriptor *fdp. */
static int
pipe_file(struct proc *p, struct pipe *pp, int flag, int *fdp)
{
	struct file *fp;
	int error;

	if ((error = falloc(p, &fp, fdp)) != 0)
		return error;
	fp->f_flag = flag;
	fp->f_type = DTYPE_PIPE;
	fp->f_ops = &pipeops;
	fp->f_data = pp;
	if (flag & FREAD)
		pp->pipe_readers++;
	else
		pp->pipe_writers++;
	return 0;
}

/* Close descriptor fd of p (a pipe end pipe(2) made, on failure). */
static void
pipe_undo(struct proc *p, int fd)
{
	struct file *fp = fd_getfile(p->p_fd, fd);

	fdremove(p->p_fd, fd);
	(void)FRELE(fp, p);
}

/* pipe(2): fdp[0] reads what fdp[1] writes. */
int
sys_pipe(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_pipe_args /* {
		syscallarg(int *) fdp;
	} */ *uap = v;
	struct pipe *pp;
	int fds[2], error;

	if (!pipe_pool_ready) {
		pool_init(&pipe_pool, sizeof(struct pipe), 0, IPL_NONE,
		    PR_WAITOK, "pipepl", NULL);
		pipe_pool_ready = 1;
	}
	pp = pool_get(&pipe_pool, PR_WAITOK | PR_ZERO);
	if ((pp->pipe_buf = (char *)uvm_km_alloc(PIPE_SIZE, 0)) == NULL) {
		pool_put(&pipe_pool, pp);
		return ENFILE;
	}
	if ((error = pipe_file(p, pp, FREAD, &fds[0])) != 0) {
		pipe_free(pp);
		return error;
	}
	if ((error = pipe_file(p, pp, FWRITE, &fds[1])) != 0) {
		pipe_undo(p, fds[0]);
		return error;
	}
	if ((error = copyout(fds, SCARG(uap, fdp), sizeof(fds))) != 0) {
		pipe_undo(p, fds[1]);
		pipe_undo(p, fds[0]);
	}
	return error;
}
