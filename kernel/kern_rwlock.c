/*
 * kernel/kern_rwlock.c: rwlock(9), reader/writer locks that sleep,
 * OpenBSD's interface written afresh for Tine.  Entry points: rw_init(),
 * rw_enter_read(), rw_enter_write(), rw_exit_read(), rw_exit_write(),
 * rw_enter() and rw_exit().  <sys/rwlock.h> has the structure.
 *
 * A lock is free, held by any number of readers (rwl_readers), or held
 * by one writer (rwl_writer, a thread).  A thread that cannot have it
 * counts itself in rwl_waiters and sleeps on the lock's address; whoever
 * releases it last wakes every waiter, and each tries again.
 *
 * PORT: upstream packs the owner and the state into one word changed
 * with compare-and-swap, for many CPUs.  With one CPU and a kernel that
 * does not preempt itself, nothing can run between a thread's test of
 * the lock and its taking or sleeping, so plain fields suffice.  Locks
 * are for threads only: never take one in an interrupt handler.
 * PORT: no RW_INTR, RW_DOWNGRADE, RW_SLEEPFAIL, rw_status(), witness.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/time.h>
#include <sys/rwlock.h>
#include <sys/proc.h>
#include <machine/cpu.h>

/* A free lock named name (the wait message of its sleepers). */
void
rw_init(struct rwlock *rwl, const char *name)
{
	rwl->rwl_readers = 0;
	rwl->rwl_writer = NULL;
	rwl->rwl_waiters = 0;
	rwl->rwl_name = name;
}

/* Sleep until rwl changes hands. */
static void
rw_sleep(struct rwlock *rwl)
{
	rwl->rwl_waiters++;
	tsleep_nsec(rwl, PLOCK, rwl->rwl_name, INFSLP);
	rwl->rwl_waiters--;
}

/*
 * Take rwl as flags says: RW_READ or RW_WRITE, and with RW_NOSLEEP
 * fail rather than wait.
 * => curproc must not hold rwl for writing already
 * => 0, or EBUSY with RW_NOSLEEP when the lock is taken
 */
int
rw_enter(struct rwlock *rwl, int flags)
{
	struct proc *p = curproc;

	KASSERT(p != NULL);
	if (rwl->rwl_writer == p)
		panic("rw_enter: recursing on %s", rwl->rwl_name);

	if (flags & RW_WRITE) {
		while (rwl->rwl_writer != NULL || rwl->rwl_readers > 0) {
			if (flags & RW_NOSLEEP)
				return EBUSY;
			rw_sleep(rwl);
		}
		rwl->rwl_writer = p;
	} else if (flags & RW_READ) {
		while (rwl->rwl_writer != NULL) {
			if (flags & RW_NOSLEEP)
				return EBUSY;
			rw_sleep(rwl);
		}
		rwl->rwl_readers++;
	} else
		panic("rw_enter: flags 0x%x", flags);
	return 0;
}

void
rw_enter_read(struct rwlock *rwl)
{
	(void)rw_enter(rwl, RW_READ);
}

void
rw_enter_write(struct rwlock *rwl)
{
	(void)rw_enter(rwl, RW_WRITE);
}

/*
 * Give up a read hold on rwl; the last reader wakes the waiters.
 * => rwl is read-held
 */
void
rw_exit_read(struct rwlock *rwl)
{
	if (rwl->rwl_readers <= 0)
		panic("rw_exit_read: %s not read-held", rwl->rwl_name);
	if (--rwl->rwl_readers == 0 && rwl->rwl_waiters > 0)
		wakeup(rwl);
}

/*
 * Give up curproc's write hold on rwl and wake the waiters.
 * => curproc holds rwl for writing
 */
void
rw_exit_write(struct rwlock *rwl)
{
	if (rwl->rwl_writer == NULL || rwl->rwl_writer != curproc)
		panic("rw_exit_write: %s not held by us", rwl->rwl_name);
	rwl->rwl_writer = NULL;
	if (rwl->rwl_waiters > 0)
		wakeup(rwl);
}

/*
 * Give up rwl however curproc holds it.
 * => held for writing by curproc, or for reading
 */
void
rw_exit(struct rwlock *rwl)
{
	if (rwl->rwl_writer != NULL)
		rw_exit_write(rwl);
	else
		rw_exit_read(rwl);
}
