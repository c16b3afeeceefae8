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
 * FIXME: open files (struct file, FREF/FRELE, closef) and descriptor
 * allocation (fdalloc, growing the table) arrive with issue 6.  Until
 * then every slot is NULL, and the code that would take or drop a
 * file's reference is marked below.
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
#include <machine/intr.h>

#define CMASK		022	/* default umask: S_IWGRP | S_IWOTH */

struct pool fdesc_pool;

/*
 * Set up the pool that descriptor tables come from.
 * => once, from main(), before process0 gets its table
 */
void
filedesc_init(void)
{
	pool_init(&fdesc_pool, sizeof(struct filedesc), 0, IPL_NONE,
	    PR_WAITOK, "fdescpl", NULL);
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

	for (i = 0; i <= fdp->fd_lastfile; i++) {
		if (fdp->fd_ofiles[i] == NULL)
			continue;
		/* FIXME: FREF(fp), and kqueues are not copied (issue 6). */
		newfdp->fd_ofiles[i] = fdp->fd_ofiles[i];
		newfdp->fd_ofileflags[i] = fdp->fd_ofileflags[i];
	}
	newfdp->fd_openfd = fdp->fd_openfd;
	newfdp->fd_lastfile = fdp->fd_lastfile;
	newfdp->fd_freefile = fdp->fd_freefile;
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
		if (fdp->fd_ofiles[i] == NULL)
			continue;
		/* FIXME: knote_fdclose() and closef() (issue 6). */
		fdp->fd_ofiles[i] = NULL;
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
