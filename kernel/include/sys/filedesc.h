/*
 * sys/filedesc.h: a process's descriptor table (kern_descrip.c).
 *
 * The table is refcounted: fdshare() gives a child (or a kernel thread)
 * the parent's table, fdcopy() a copy whose open files are shared with
 * the parent's.  Open files themselves arrive with issue 6; the table,
 * its slots and its references are real now.
 */
#ifndef _SYS_FILEDESC_H_
#define _SYS_FILEDESC_H_

#include <sys/types.h>
#include <sys/rwlock.h>

struct file;
struct vnode;
struct process;
struct proc;

#define NDFILE		20	/* slots in a new table */
#define NDEXTENT	50	/* grow by this many */

struct filedesc {
	struct	file **fd_ofiles;	/* open files, by descriptor */
	char	*fd_ofileflags;		/* per-descriptor flags (UF_*) */
	struct	vnode *fd_cdir;		/* current directory */
	struct	vnode *fd_rdir;		/* root directory */
	int	fd_nfiles;		/* slots allocated */
	int	fd_openfd;		/* descriptors in use */
	int	fd_lastfile;		/* highest in use, -1 if none */
	int	fd_freefile;		/* lowest that may be free */
	u_short	fd_cmask;		/* umask */
	u_int	fd_refcnt;		/* processes sharing it */
	struct	rwlock fd_lock;
};

#define UF_EXCLOSE	0x01	/* close on exec */

struct filedesc *fdinit(void);
struct filedesc *fdshare(struct process *);
struct filedesc *fdcopy(struct process *);
void	fdfree(struct proc *);
void	filedesc_init(void);
extern struct pool fdesc_pool;
extern struct filedesc filedesc0;

#endif /* _SYS_FILEDESC_H_ */
