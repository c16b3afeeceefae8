/*
 * sys/resourcevar.h: the kernel's side of resource limits and per-user
 * process counts (kern_resource.c).
 *
 * A plimit is shared by a parent and its children until one of them
 * changes a limit: lim_fork() takes a reference, lim_write_begin() copies
 * it if it is shared (copy-on-write, as OpenBSD does).
 */
#ifndef _SYS_RESOURCEVAR_H_
#define _SYS_RESOURCEVAR_H_

#include <sys/resource.h>
#include <sys/refcnt.h>
#include <sys/queue.h>

struct proc;
struct process;

struct plimit {
	struct	rlimit pl_rlimit[RLIM_NLIMITS];
	struct	refcnt pl_refcnt;
};

/* Per real uid: how many processes it has (RLIMIT_NPROC). */
struct uidinfo {
	LIST_ENTRY(uidinfo) ui_hash;
	uid_t	ui_uid;
	long	ui_proccnt;		/* processes */
	long	ui_lockcnt;		/* locks, for lockf (unused yet) */
};

void	lim_startup(struct plimit *);
void	lim_fork(struct process *, struct process *);
void	lim_free(struct plimit *);
struct plimit *lim_read_enter(void);
void	lim_read_leave(struct plimit *);
rlim_t	lim_cur(int);
rlim_t	lim_cur_proc(struct proc *, int);
struct plimit *lim_write_begin(void);
void	lim_write_commit(struct plimit *);
int	dosetrlimit(struct proc *, u_int, struct rlimit *);

struct uidinfo *uid_find(uid_t);
void	uid_release(struct uidinfo *);
int	chgproccnt(uid_t, int);
struct tusage;
void	ruadd(struct rusage *, const struct rusage *);
void	tuagg(struct process *, struct proc *);
void	calcru(const struct tusage *, const struct timespec *,
	    struct timeval *, struct timeval *);
void	exit_rusage(struct process *);

void	startprofclock(struct process *);
void	stopprofclock(struct process *);

void	resource_init(void);

extern struct plimit limit0;
extern struct pool plimit_pool;		/* struct plimit */
extern struct pool uidinfo_pool;		/* struct uidinfo */

#endif /* _SYS_RESOURCEVAR_H_ */
