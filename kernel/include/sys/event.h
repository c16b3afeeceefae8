/*
 * sys/event.h: kernel events, kqueue(2) and kevent(2), with OpenBSD's
 * structure, names and values (sys/sys/event.h), so that a program
 * written for OpenBSD builds unchanged.  The first half is the ABI, shared
 * with user space (user/include/sys/event.h adds the prototypes); the
 * second half, under _KERNEL, is the kernel's: knotes, klists, kqueues
 * and filters, as kernel/kern_event.c builds them.  docs/kqueue.md draws
 * how they fit.
 */
#ifndef _SYS_EVENT_H_
#define _SYS_EVENT_H_

#include <sys/types.h>
#include <sys/queue.h>

/* Filters: negative, so that ~filter indexes sysfilt_ops[]. */
#define EVFILT_READ		(-1)
#define EVFILT_WRITE		(-2)
#define EVFILT_AIO		(-3)	/* not supported */
#define EVFILT_VNODE		(-4)	/* not supported */
#define EVFILT_PROC		(-5)	/* a process: fork, exec, exit */
#define EVFILT_SIGNAL		(-6)	/* a signal posted to us */
#define EVFILT_TIMER		(-7)	/* a periodic or one-shot timer */
#define EVFILT_DEVICE		(-8)	/* not supported */
#define EVFILT_EXCEPT		(-9)	/* not supported */

#define EVFILT_SYSCOUNT		9

/*
 * One event, or one change to a kqueue.  On i386: 24 bytes, data at
 * offset 12 (the ABI aligns a 64-bit integer in a struct to 4).
 */
struct kevent {
	__uintptr_t	ident;		/* what is watched: fd, pid, signal */
	short		filter;		/* EVFILT_* */
	unsigned short	flags;		/* EV_* */
	unsigned int	fflags;		/* filter-specific flags (NOTE_*) */
	int64_t		data;		/* filter-specific data */
	void		*udata;		/* the caller's, passed back */
};

#define EV_SET(kevp, a, b, c, d, e, f) do {				\
	struct kevent *__kevp = (kevp);					\
									\
	(__kevp)->ident = (a);						\
	(__kevp)->filter = (b);						\
	(__kevp)->flags = (c);						\
	(__kevp)->fflags = (d);						\
	(__kevp)->data = (e);						\
	(__kevp)->udata = (f);						\
} while (0)

/* Actions (in a change) */
#define EV_ADD		0x0001		/* add the event, or modify it */
#define EV_DELETE	0x0002		/* delete it */
#define EV_ENABLE	0x0004		/* deliver it */
#define EV_DISABLE	0x0008		/* keep it, but do not deliver it */

/* Flags */
#define EV_ONESHOT	0x0010		/* delete after the first delivery */
#define EV_CLEAR	0x0020		/* reset the state after delivery */
#define EV_RECEIPT	0x0040		/* report every change, error or not */
#define EV_DISPATCH	0x0080		/* disable after delivery */

#define EV_SYSFLAGS	0xf800		/* reserved by the system */
#define EV_FLAG1	0x2000		/* filter-specific (NOTE_TRACK) */

/* Returned */
#define EV_EOF		0x8000		/* EOF detected */
#define EV_ERROR	0x4000		/* error, data is its errno */

/* EVFILT_READ, EVFILT_WRITE fflags */
#define NOTE_LOWAT	0x0001		/* data must reach sdata */
#define NOTE_EOF	0x0002		/* return on EOF */

/* EVFILT_PROC fflags */
#define NOTE_EXIT	0x80000000	/* process exited */
#define NOTE_FORK	0x40000000	/* process forked */
#define NOTE_EXEC	0x20000000	/* process exec'd */
#define NOTE_PCTRLMASK	0xf0000000	/* mask for hint bits */
#define NOTE_PDATAMASK	0x000fffff	/* mask for pid */

/* additional flags for EVFILT_PROC */
#define NOTE_TRACK	0x00000001	/* follow across forks */
#define NOTE_TRACKERR	0x00000002	/* could not track child */
#define NOTE_CHILD	0x00000004	/* am a child process */

/* EVFILT_TIMER fflags: the unit of data (milliseconds if none) */
#define NOTE_SECONDS	0x00000001
#define NOTE_MSECONDS	0x00000002
#define NOTE_USECONDS	0x00000003
#define NOTE_NSECONDS	0x00000004
#define NOTE_ABSTIME	0x00000010	/* not supported */

#ifdef _KERNEL

/*
 * Kernel-internal hint on the process klist: signal number in the low
 * bits (kern_sig.c's psignal posts it; EVFILT_SIGNAL's knotes count it).
 */
#define NOTE_SIGNAL	0x08000000

struct knote;
struct kqueue;
struct file;
struct proc;
struct process;
struct filedesc;
struct timespec;
SLIST_HEAD(knlist, knote);

/*
 * What watchers of one object hang on: a process's ps_klist, a pipe's,
 * the console's.
 * PORT: upstream's klists have a lock of their own (klist_lock); here
 * every change is made at splhigh, which on one CPU keeps out anyone
 * else, interrupt handlers included.
 */
struct klist {
	struct knlist kl_list;		/* the knotes */
};

/*
 * A filter: how a knote is hung on its object (f_attach), taken off
 * (f_detach), and asked whether an event concerns it (f_event: hint 0
 * asks "is it still true?"; it may update kn_data, kn_fflags and
 * EV_EOF).  f_modify, if set, applies an EV_ADD to a knote that exists.
 */
struct filterops {
	int	f_flags;
	int	(*f_attach)(struct knote *);
	void	(*f_detach)(struct knote *);
	int	(*f_event)(struct knote *, long hint);
	int	(*f_modify)(struct kevent *, struct knote *);
};

#define FILTEROP_ISFD	0x00000001	/* ident is a descriptor */

/* One watcher: one (ident, filter) of one kqueue. */
struct knote {
	SLIST_ENTRY(knote) kn_selnext;	/* on the watched object's klist */
	TAILQ_ENTRY(knote) kn_tqe;	/* on kq_head, while queued */
	LIST_ENTRY(knote) kn_link;	/* on kq_knlist: every knote of kq */
	struct	kqueue *kn_kq;		/* whose; NULL in self-tests only */
	struct	kevent kn_kevent;	/* what kevent(2) will return */
	int	kn_status;		/* KN_* */
	u_int	kn_sfflags;		/* the fflags the user asked for */
	int64_t	kn_sdata;		/* the data the user gave */
	const struct filterops *kn_fop;
	struct	file *kn_fp;		/* FILTEROP_ISFD: a reference */
	union {
		struct process *p_process;	/* EVFILT_PROC, _SIGNAL */
	} kn_ptr;
	void	*kn_hook;		/* the filter's: pipe, tty, timer */
};

#define KN_ACTIVE	0x0001		/* the event happened */
#define KN_QUEUED	0x0002		/* on kq_head */
#define KN_DISABLED	0x0004		/* EV_DISABLE: not delivered */
#define KN_DETACHED	0x0008		/* off its klist: object gone */
#define KN_MARKER	0x0010		/* kqueue_scan's place holder */
#define KN_DROPPING	0x0020		/* off its kqueue, being freed */

#define kn_id		kn_kevent.ident
#define kn_filter	kn_kevent.filter
#define kn_flags	kn_kevent.flags
#define kn_fflags	kn_kevent.fflags
#define kn_data		kn_kevent.data
#define kn_udata	kn_kevent.udata

/*
 * A kqueue: the knotes registered with it, and those whose events wait
 * to be collected by kevent(2), in the order they happened.
 */
struct kqueue {
	TAILQ_HEAD(, knote) kq_head;	/* queued knotes */
	int	kq_count;		/* ... how many (markers not counted) */
	LIST_HEAD(, knote) kq_knlist;	/* every knote */
	struct	filedesc *kq_fdp;	/* the table its fd knotes name */
	LIST_ENTRY(kqueue) kq_next;	/* on kqueue_list */
	int	kq_state;		/* KQ_* */
};

#define KQ_SLEEP	0x02		/* a kevent(2) sleeps on it */

extern struct pool knote_pool;
extern struct pool kqueue_pool;
extern const struct filterops sig_filtops, proc_filtops, timer_filtops;

/*
 * knote() where the list is usually empty: the test is inline, so an
 * object nobody watches (a pipe, a process) pays two instructions, not
 * a call (upstream's KNOTE tests for a NULL list the same way).
 */
#define KNOTE(list, hint) do {						\
	struct klist *__list = (list);					\
									\
	if (!SLIST_EMPTY(&__list->kl_list))				\
		knote(__list, (hint));					\
} while (0)

void	kqueue_init(void);
void	klist_init(struct klist *);
void	klist_insert(struct klist *, struct knote *);
void	klist_remove(struct klist *, struct knote *);
int	klist_empty(struct klist *);
void	klist_invalidate(struct klist *);
void	knote_locked(struct klist *, long);
void	knote(struct klist *, long);
void	knote_activate(struct knote *);
void	knote_fdclose(struct filedesc *, int);
void	knote_processexit(struct process *);
int	kqueue_register(struct kqueue *, struct kevent *, struct proc *);
int	seltrue_kqfilter(struct knote *);

#endif /* _KERNEL */
#endif /* _SYS_EVENT_H_ */
