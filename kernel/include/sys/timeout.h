/*
 * sys/timeout.h: run a function later, timeout(9).
 *
 *	struct timeout to;
 *
 *	timeout_set(&to, fn, arg);	once
 *	timeout_add(&to, hz / 10);	fn(arg) in a tenth of a second
 *	timeout_add_msec(&to, 250);	or at least 250 ms from now
 *	timeout_del(&to);		or not at all
 *
 *	timeout_set_flags(&it, fn, arg, KCLOCK_UPTIME, 0);
 *	timeout_abs_ts(&it, &deadline);	when nanouptime() reaches it
 *
 * OpenBSD's interface, names, flags and return values, written afresh for
 * Tine; kernel/kern_timeout.c draws the queues and says how a timeout
 * gets from timeout_add() to its function, which runs from the soft clock
 * interrupt at IPL_SOFTCLOCK.  The caller owns the struct timeout and
 * must not free it while it is pending (timeout_del() it first).
 */
#ifndef _SYS_TIMEOUT_H_
#define _SYS_TIMEOUT_H_

#include <sys/types.h>
#include <sys/time.h>

/* A doubly linked circular queue; an empty head points to itself. */
struct circq {
	struct circq *next;		/* next element */
	struct circq *prev;		/* previous element */
};

/*
 * PORT: no to_process (kcov) yet.  Callers touch only the flags, through
 * the macros below.
 */
struct timeout {
	struct circq to_list;		/* its queue; stays first */
	struct timespec to_abstime;	/* KCLOCK_UPTIME: when to run */
	void	(*to_func)(void *);	/* function to call */
	void	*to_arg;		/* its argument */
	int	to_time;		/* KCLOCK_NONE: ticks to run at */
	int	to_flags;		/* TIMEOUT_* below */
	int	to_kclock;		/* KCLOCK_NONE or KCLOCK_UPTIME */
};

/* to_flags */
#define TIMEOUT_PROC		0x01	/* needs process context */
#define TIMEOUT_ONQUEUE		0x02	/* pending: on a queue */
#define TIMEOUT_INITIALIZED	0x04	/* timeout_set*() was called */
#define TIMEOUT_TRIGGERED	0x08	/* running or ran */
#define TIMEOUT_MPSAFE		0x10	/* no kernel lock; with PROC */

/*
 * Which clock a timeout counts on.  KCLOCK_NONE: ticks (timeout_add and
 * friends); KCLOCK_UPTIME: an absolute nanouptime() (timeout_abs_ts).
 */
#define KCLOCK_NONE	(-1)
#define KCLOCK_UPTIME	0
#define KCLOCK_MAX	1

#define timeout_pending(to)	((to)->to_flags & TIMEOUT_ONQUEUE)
#define timeout_initialized(to)	((to)->to_flags & TIMEOUT_INITIALIZED)
#define timeout_triggered(to)	((to)->to_flags & TIMEOUT_TRIGGERED)

#define TIMEOUT_INITIALIZER_FLAGS(_fn, _arg, _kclock, _flags) {	\
	.to_list = { NULL, NULL },					\
	.to_abstime = { .tv_sec = 0, .tv_nsec = 0 },			\
	.to_func = (_fn),						\
	.to_arg = (_arg),						\
	.to_time = 0,							\
	.to_flags = (_flags) | TIMEOUT_INITIALIZED,			\
	.to_kclock = (_kclock)						\
}

#define TIMEOUT_INITIALIZER(_fn, _arg)					\
	TIMEOUT_INITIALIZER_FLAGS((_fn), (_arg), KCLOCK_NONE, 0)

/*
 * PORT: there is no softclock thread yet, so TIMEOUT_PROC timeouts (and
 * timeout_set_proc()) run from the soft clock interrupt like the others.
 * FIXME: give them a thread of their own (kthread_create).
 */
void	timeout_set(struct timeout *, void (*)(void *), void *);
void	timeout_set_flags(struct timeout *, void (*)(void *), void *, int,
	    int);
void	timeout_set_proc(struct timeout *, void (*)(void *), void *);

int	timeout_add(struct timeout *, int);
int	timeout_add_sec(struct timeout *, int);
int	timeout_add_msec(struct timeout *, uint64_t);
int	timeout_add_usec(struct timeout *, uint64_t);
int	timeout_add_nsec(struct timeout *, uint64_t);

int	timeout_abs_ts(struct timeout *, const struct timespec *);

int	timeout_del(struct timeout *);
int	timeout_del_barrier(struct timeout *);
void	timeout_barrier(struct timeout *);

void	timeout_startup(void);
void	timeout_hardclock_update(void);

#endif /* _SYS_TIMEOUT_H_ */
