/*
 * kernel/kern_descrip.c: descriptor tables (struct filedesc), OpenBSD's
 * interface written afresh for Tine.  Entry points: filedesc_init() (from
 * main()), fdinit() (a new empty table, for process0), fdshare() and
 * fdcopy() (fork), fdfree() (exit).  <sys/filedesc.h> has the structure.
 *
 * A table belongs to one process, or to several after fork1() with
 * FORK_SHAREFILES (kernel threads share process0's); fd_refcnt counts
 * them.  fdcopy() gives a child its own table whose slots point at the
 * same open files as the parent's, each with a reference of its own:
 *
 *   parent fd_ofiles: [0] [1] [2] ...      child fd_ofiles: [0] [1] [2]
 *                      |   |   |                             |   |   |
 *                      +---+---+--> struct file <------------+---+---+
 *
 * Open files: falloc() makes one and gives it the lowest free descriptor
 * (fdalloc, which grows the table up to RLIMIT_NOFILE); dup(2) and fork
 * take references (FREF), close(2) and exit drop them (FRELE), and the
 * last one closes the file (closef, fo_close).  fstat(2) asks the file
 * what it is (fo_stat).  The table also holds the current directory
 * (fd_cdir, set by chdir(2)), which fork's copy shares with a reference
 * of its own.
 * Kqueues are not copied (as upstream: a kqueue's descriptor knotes
 * name the parent's table); close-on-exec is kept in fd_ofileflags for
 * exec to honour.  Whatever empties a slot tells the kqueues first
 * (knote_fdclose), so that no knote outlives its descriptor.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/rwlock.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/errno.h>
#include <sys/event.h>
#include <sys/resourcevar.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <machine/intr.h>

#define CMASK		022	/* default umask: S_IWGRP | S_IWOTH */

struct pool fdesc_pool;
struct pool file_pool;
static LIST_HEAD(, file) filehead = LIST_HEAD_INITIALIZER(filehead);
int	nfiles;				/* open files in the system */
int	maxfiles = 5 * (30 + 16 * MAXUSERS + MAXUSERS) + 80;

/*
 * Set up the pool that descriptor tables come from.
 * => once, from main(), before process0 gets its table
 */
void
filedesc_init(void)
{
	pool_init(&fdesc_pool, sizeof(struct filedesc), 0, IPL_NONE,
	    PR_WAITOK, "fdescpl", NULL);
	pool_init(&file_pool, sizeof(struct file), 0, IPL_NONE,
	    PR_WAITOK, "filepl", NULL);
}

/*
 * Give fdp slot arrays for nfiles descriptors, all free.
 * PORT: upstream embeds the first NDFILE slots in a struct filedesc0;
 * ours are always malloc'ed, so a table is freed the same way whatever
 * its size.
 */
static void
fd_alloc_slots(struct filedesc *fdp, int nfiles)
{
	fdp->fd_ofiles = mallocarray(nfiles, sizeof(struct file *),
	    M_FILEDESC, M_WAITOK | M_ZERO);
	fdp->fd_ofileflags = malloc(nfiles, M_FILEDESC, M_WAITOK | M_ZERO);
	fdp->fd_nfiles = nfiles;
}

/*
 * A new empty table with NDFILE slots, no directories, the default
 * umask and one reference, the caller's.
 * => may sleep for memory
 */
struct filedesc *
fdinit(void)
{
	struct filedesc *fdp;

	fdp = pool_get(&fdesc_pool, PR_WAITOK | PR_ZERO);
	rw_init(&fdp->fd_lock, "fdlock");
	fd_alloc_slots(fdp, NDFILE);
	fdp->fd_lastfile = -1;
	fdp->fd_freefile = 0;
	fdp->fd_cmask = CMASK;
	fdp->fd_refcnt = 1;
	return fdp;
}

/*
 * pr's table, with one more reference: for a child that shares it.
 */
struct filedesc *
fdshare(struct process *pr)
{
	pr->ps_fd->fd_refcnt++;
	return pr->ps_fd;
}

/*
 * A copy of pr's table for a child: the same size, the same open files
 * in the same slots, the same directories (each with a reference of
 * its own) and umask.
 * => may sleep for memory
 */
struct filedesc *
fdcopy(struct process *pr)
{
	struct filedesc *fdp = pr->ps_fd, *newfdp;
	int i;

	newfdp = pool_get(&fdesc_pool, PR_WAITOK | PR_ZERO);
	rw_init(&newfdp->fd_lock, "fdlock");
	fd_alloc_slots(newfdp, fdp->fd_nfiles);

	if ((newfdp->fd_cdir = fdp->fd_cdir) != NULL)
		vref(newfdp->fd_cdir);
	if ((newfdp->fd_rdir = fdp->fd_rdir) != NULL)
		vref(newfdp->fd_rdir);

	newfdp->fd_lastfile = -1;
	newfdp->fd_freefile = fdp->fd_freefile;
	for (i = 0; i <= fdp->fd_lastfile; i++) {
		if (fdp->fd_ofiles[i] == NULL)
			continue;
		/* kqueue descriptors cannot be copied: the slot stays free */
		if (fdp->fd_ofiles[i]->f_type == DTYPE_KQUEUE) {
			newfdp->fd_freefile = MIN(newfdp->fd_freefile, i);
			continue;
		}
		newfdp->fd_ofiles[i] = fdp->fd_ofiles[i];
		FREF(newfdp->fd_ofiles[i]);
		newfdp->fd_ofileflags[i] = fdp->fd_ofileflags[i];
		newfdp->fd_openfd++;
		newfdp->fd_lastfile = i;
	}
	newfdp->fd_cmask = fdp->fd_cmask;
	newfdp->fd_refcnt = 1;
	return newfdp;
}

/*
 * Drop p's reference to its table; the last one closes its files, lets
 * go of its directories and frees it.
 * => p is exiting; p->p_fd != NULL
 */
void
fdfree(struct proc *p)
{
	struct filedesc *fdp = p->p_fd;
	int i;

	KASSERT(fdp->fd_refcnt > 0);
	if (--fdp->fd_refcnt > 0)
		return;

	for (i = 0; i <= fdp->fd_lastfile; i++) {
		struct file *fp = fdp->fd_ofiles[i];

		if (fp == NULL)
			continue;
		knote_fdclose(fdp, i);
		fdp->fd_ofiles[i] = NULL;
		(void)FRELE(fp, p);
	}
	p->p_fd = NULL;
	free(fdp->fd_ofiles, M_FILEDESC,
	    fdp->fd_nfiles * sizeof(struct file *));
	free(fdp->fd_ofileflags, M_FILEDESC, fdp->fd_nfiles);
	if (fdp->fd_cdir != NULL)
		vrele(fdp->fd_cdir);
	if (fdp->fd_rdir != NULL)
		vrele(fdp->fd_rdir);
	pool_put(&fdesc_pool, fdp);
}

/* The open file behind descriptor fd, or NULL.  => no reference taken. */
struct file *
fd_getfile(struct filedesc *fdp, int fd)
{
	if ((u_int)fd >= (u_int)fdp->fd_nfiles)
		return NULL;
	return fdp->fd_ofiles[fd];
}

/* The same, if it was opened for mode (FREAD or FWRITE); else NULL. */
struct file *
fd_getfile_mode(struct filedesc *fdp, int fd, int mode)
{
	struct file *fp = fd_getfile(fdp, fd);

	if (fp == NULL || (fp->f_flag & mode) == 0)
		return NULL;
	return fp;
}

/* Double the table (up to max slots), keeping every descriptor. */
static int
fd_grow(struct filedesc *fdp, int max)
{
	struct file **ofiles = fdp->fd_ofiles;
	char *oflags = fdp->fd_ofileflags;
	int n = fdp->fd_nfiles, nn = MIN(n + NDEXTENT, max);

	if (nn <= n)
		return EMFILE;
	fd_alloc_slots(fdp, nn);
	memcpy(fdp->fd_ofiles, ofiles, n * sizeof(struct file *));
	memcpy(fdp->fd_ofileflags, oflags, n);
	free(ofiles, M_FILEDESC, n * sizeof(struct file *));
	free(oflags, M_FILEDESC, n);
	return 0;
}

/*
 * The lowest free descriptor at or above want, growing the table as far
 * as RLIMIT_NOFILE allows; EMFILE beyond it.
 */
int
fdalloc(struct proc *p, int want, int *result)
{
	struct filedesc *fdp = p->p_fd;
	int lim = MIN(lim_cur(RLIMIT_NOFILE), (rlim_t)maxfiles), i, error;

	if (want < 0 || want >= lim)
		return EMFILE;
	for (;;) {
		for (i = MAX(want, fdp->fd_freefile); i < fdp->fd_nfiles; i++)
			if (fdp->fd_ofiles[i] == NULL) {
				if (want <= fdp->fd_freefile)
					fdp->fd_freefile = i;
				*result = i;
				return 0;
			}
		if ((error = fd_grow(fdp, lim)) != 0)
			return error;
	}
}

/* Put fp in slot fd (from fdalloc) with flags; the slot owns a ref. */
void
fdinsert(struct filedesc *fdp, int fd, int flags, struct file *fp)
{
	KASSERT(fdp->fd_ofiles[fd] == NULL);
	fdp->fd_ofiles[fd] = fp;
	fdp->fd_ofileflags[fd] = flags;
	fdp->fd_openfd++;
	if (fd > fdp->fd_lastfile)
		fdp->fd_lastfile = fd;
}

/* Empty slot fd (its reference is the caller's to drop). */
void
fdremove(struct filedesc *fdp, int fd)
{
	knote_fdclose(fdp, fd);
	fdp->fd_ofiles[fd] = NULL;
	fdp->fd_ofileflags[fd] = 0;
	fdp->fd_openfd--;
	if (fd < fdp->fd_freefile)
		fdp->fd_freefile = fd;
	while (fdp->fd_lastfile >= 0 &&
	    fdp->fd_ofiles[fdp->fd_lastfile] == NULL)
		fdp->fd_lastfile--;
}

/*
 * A new open file (one reference, the descriptor's) in the lowest free
 * slot of p's table: *resultfp and *resultfd.  ENFILE when the system
 * has maxfiles open, EMFILE when the process has its limit.
 * The caller sets f_flag, f_type, f_ops and f_data.
 */
int
falloc(struct proc *p, struct file **resultfp, int *resultfd)
{
	struct file *fp;
	int fd, error;

	if (nfiles >= maxfiles)
		return ENFILE;
	if ((error = fdalloc(p, 0, &fd)) != 0)
		return error;
	fp = pool_get(&file_pool, PR_WAITOK | PR_ZERO);
	fp->f_count = 1;
	LIST_INSERT_HEAD(&filehead, fp, f_list);
	nfiles++;
	fdinsert(p->p_fd, fd, 0, fp);
	*resultfp = fp;
	*resultfd = fd;
	return 0;
}

/*
 * The last reference to fp is gone: close the object behind it and free
 * it.  => from FRELE; returns fo_close's error.
 */
int
closef(struct file *fp, struct proc *p)
{
	int error = 0;

	KASSERT(fp->f_count == 0);
	if (fp->f_ops != NULL)
		error = fp->f_ops->fo_close(fp, p);
	LIST_REMOVE(fp, f_list);
	nfiles--;
	pool_put(&file_pool, fp);
	return error;
}

/* close(2). */
int
sys_close(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_close_args /* {
		syscallarg(int) fd;
	} */ *uap = v;
	struct filedesc *fdp = p->p_fd;
	int fd = SCARG(uap, fd);
	struct file *fp;

	if ((fp = fd_getfile(fdp, fd)) == NULL)
		return EBADF;
	fdremove(fdp, fd);
	return FRELE(fp, p);
}

/*
 * A new descriptor for fp, the lowest free one at or above minfd, with
 * descriptor flags flags (close-on-exec is not copied from the old one):
 * dup(2) and fcntl's F_DUPFD.  *retval gets it.
 */
static int
dodup(struct proc *p, struct file *fp, int minfd, int flags,
    register_t *retval)
{
	int new, error;

	if ((error = fdalloc(p, minfd, &new)) != 0)
		return error;
	FREF(fp);
	fdinsert(p->p_fd, new, flags, fp);
	*retval = new;
	return 0;
}

/* dup(2): the lowest free descriptor, for the same open file. */
int
sys_dup(struct proc *p, void *v, register_t *retval)
{
	struct sys_dup_args /* {
		syscallarg(int) fd;
	} */ *uap = v;
	struct file *fp;

	if ((fp = fd_getfile(p->p_fd, SCARG(uap, fd))) == NULL)
		return EBADF;
	return dodup(p, fp, 0, 0, retval);
}

/* dup2(2): descriptor to, closed first if open, for from's file. */
int
sys_dup2(struct proc *p, void *v, register_t *retval)
{
	struct sys_dup2_args /* {
		syscallarg(int) from;
		syscallarg(int) to;
	} */ *uap = v;
	struct filedesc *fdp = p->p_fd;
	int from = SCARG(uap, from), to = SCARG(uap, to), new, error;
	struct file *fp, *old;

	if ((fp = fd_getfile(fdp, from)) == NULL)
		return EBADF;
	if ((u_int)to >= MIN(lim_cur(RLIMIT_NOFILE), (rlim_t)maxfiles))
		return EBADF;
	*retval = to;
	if (from == to)
		return 0;
	while (to >= fdp->fd_nfiles)
		if ((error = fdalloc(p, to, &new)) != 0)
			return error;
	FREF(fp);
	if ((old = fdp->fd_ofiles[to]) != NULL) {
		fdremove(fdp, to);
		(void)FRELE(old, p);
	}
	fdinsert(fdp, to, 0, fp);
	return 0;
}

/*
 * fcntl(2): F_DUPFD and F_DUPFD_CLOEXEC (the lowest free descriptor at
 * or above arg), F_GETFD/F_SETFD (FD_CLOEXEC, honoured by execve),
 * F_GETFL/F_SETFL (O_NONBLOCK and O_APPEND may change; the access mode
 * may not).  EBADF for a closed descriptor, EINVAL for an unknown
 * command or a bad F_DUPFD floor.
 */
int
sys_fcntl(struct proc *p, void *v, register_t *retval)
{
	struct sys_fcntl_args /* {
		syscallarg(int) fd;
		syscallarg(int) cmd;
		syscallarg(void *) arg;
	} */ *uap = v;
	struct filedesc *fdp = p->p_fd;
	int fd = SCARG(uap, fd), arg = (int)SCARG(uap, arg);
	struct file *fp;

	if ((fp = fd_getfile(fdp, fd)) == NULL)
		return EBADF;
	switch (SCARG(uap, cmd)) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((u_int)arg >= MIN(lim_cur(RLIMIT_NOFILE), (rlim_t)maxfiles))
			return EINVAL;
		return dodup(p, fp, arg, SCARG(uap, cmd) == F_DUPFD_CLOEXEC ?
		    UF_EXCLOSE : 0, retval);
	case F_GETFD:
		*retval = (fdp->fd_ofileflags[fd] & UF_EXCLOSE) ? FD_CLOEXEC : 0;
		return 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			fdp->fd_ofileflags[fd] |= UF_EXCLOSE;
		else
			fdp->fd_ofileflags[fd] &= ~UF_EXCLOSE;
		return 0;
	case F_GETFL:
		*retval = OFLAGS(fp->f_flag);
		return 0;
	case F_SETFL:
		fp->f_flag = (fp->f_flag & ~FCNTLFLAGS) |
		    (FFLAGS(arg) & FCNTLFLAGS);
		return 0;
	default:
		return EINVAL;
	}
}

/* fstat(2): what the open file is (fo_stat), copied out to sb. */
int
sys_fstat(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_fstat_args /* {
		syscallarg(int) fd;
		syscallarg(struct stat *) sb;
	} */ *uap = v;
	struct stat ub;
	struct file *fp;
	int error;

	if ((fp = fd_getfile(p->p_fd, SCARG(uap, fd))) == NULL)
		return EBADF;
	FREF(fp);
	error = fp->f_ops->fo_stat(fp, &ub, p);
	(void)FRELE(fp, p);
	if (error == 0)
		error = copyout(&ub, SCARG(uap, sb), sizeof(ub));
	return error;
}
