/*
 * sys/file.h: open files (struct file), OpenBSD's names.
 *
 * A descriptor is a slot in the process's table (sys/filedesc.h) pointing
 * at a struct file: the open object (f_data, a vnode for DTYPE_VNODE), how
 * it was opened (f_flag: FREAD, FWRITE), where reading and writing are
 * (f_offset), and the operations (f_ops).  dup(2) and fork share one
 * struct file between descriptors and processes, counted in f_count.
 */
#ifndef _SYS_FILE_H_
#define _SYS_FILE_H_

#include <sys/types.h>
#include <sys/queue.h>
#include <sys/fcntl.h>

struct proc;
struct uio;
struct file;
struct stat;
struct knote;

struct fileops {
	int	(*fo_read)(struct file *, struct uio *, int);
	int	(*fo_write)(struct file *, struct uio *, int);
	int	(*fo_close)(struct file *, struct proc *);
	/* Which of events (POLLIN, POLLOUT ...) would not block now. */
	int	(*fo_poll)(struct file *, int events, struct proc *);
	int	(*fo_stat)(struct file *, struct stat *, struct proc *);
	int	(*fo_ioctl)(struct file *, u_long, caddr_t, struct proc *);
	/*
	 * kevent(2)'s EVFILT_READ/EVFILT_WRITE: hang the knote on the
	 * object and set its kn_fop (NULL: EINVAL).
	 */
	int	(*fo_kqfilter)(struct file *, struct knote *);
};

struct file {
	LIST_ENTRY(file) f_list;	/* filehead */
	short	f_type;			/* DTYPE_* */
	u_int	f_count;		/* descriptors and users */
	int	f_flag;			/* FREAD, FWRITE, O_NONBLOCK ... */
	const struct fileops *f_ops;
	void	*f_data;		/* the vnode, pipe ... */
	off_t	f_offset;		/* where the next read or write is */
};

#define DTYPE_VNODE	1	/* a file or a device */
#define DTYPE_PIPE	3
#define DTYPE_KQUEUE	4	/* kqueue(2); not copied by fork */

#define FREF(fp)	((fp)->f_count++)
#define FRELE(fp, p)	(--(fp)->f_count == 0 ? closef((fp), (p)) : 0)

extern struct pool file_pool;
extern int nfiles;			/* open files */
extern int maxfiles;			/* ... at most */

int	falloc(struct proc *, struct file **, int *);
int	closef(struct file *, struct proc *);
struct file *fd_getfile(struct filedesc *, int);
struct file *fd_getfile_mode(struct filedesc *, int, int);
int	fdalloc(struct proc *, int, int *);
void	fdremove(struct filedesc *, int);
void	fdinsert(struct filedesc *, int, int, struct file *);

extern const struct fileops vnops;

#endif /* _SYS_FILE_H_ */
