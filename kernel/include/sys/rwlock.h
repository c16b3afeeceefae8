/*
 * sys/rwlock.h: rwlock(9), sleeping reader/writer locks.
 *
 * A writer or any number of readers hold it; others sleep (tsleep_nsec
 * on the lock) until it is released.  kern_rwlock.c.
 */
#ifndef _SYS_RWLOCK_H_
#define _SYS_RWLOCK_H_

struct proc;

struct rwlock {
	volatile long rwl_readers;	/* readers holding it */
	struct proc *volatile rwl_writer; /* the writer holding it */
	volatile int rwl_waiters;	/* sleepers to wake */
	const char *rwl_name;
};

#define RW_WRITE	0x0001
#define RW_READ		0x0002
#define RW_NOSLEEP	0x0040		/* fail with EBUSY, do not sleep */

#define RWLOCK_INITIALIZER(name)	{ 0, NULL, 0, (name) }

void	rw_init(struct rwlock *, const char *);
void	rw_enter_read(struct rwlock *);
void	rw_enter_write(struct rwlock *);
void	rw_exit_read(struct rwlock *);
void	rw_exit_write(struct rwlock *);
int	rw_enter(struct rwlock *, int);
void	rw_exit(struct rwlock *);

#endif /* _SYS_RWLOCK_H_ */
