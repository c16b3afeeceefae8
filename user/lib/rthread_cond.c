/*
 * user/lib/rthread_cond.c: condition variables over futex(2).
 *
 * The condition is a sequence word that every signal and broadcast
 * bumps.  A waiter reads it while it still holds the mutex, unlocks,
 * and sleeps only while the word still holds what it read: a signal
 * that comes between the unlock and the sleep changed the word, so the
 * kernel's FUTEX_WAIT returns at once (EAGAIN) and no wake-up is lost.
 *
 *	waiter                          signaller
 *	waiters++, s = seq
 *	unlock(m)
 *	                                seq++
 *	futex_wait(&seq, s)             if (waiters) futex_wake(&seq, 1)
 *	  (returns at once if seq != s)
 *	waiters--, lock(m)
 *
 * waiters spares signal the system call when nobody waits.  A
 * broadcast wakes every sleeper and they take the mutex in turn (no
 * FUTEX_REQUEUE onto the mutex: simpler, and correct, at the price of
 * a crowd at the mutex).  Spurious wake-ups are possible, as POSIX
 * allows: callers loop on their predicate.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "rthread.h"

int
pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	memset(c, 0, sizeof(*c));
	c->clock = attr != NULL ? attr->clock : CLOCK_REALTIME;
	return 0;
}

int
pthread_cond_destroy(pthread_cond_t *c)
{
	if (c->waiters != 0)
		return EBUSY;
	return 0;
}

/*
 * Sleep on c with m released, for at most rel (NULL: no limit); m is
 * held again on return, at the depth a recursive m had.
 * => returns 0 (signalled, or spuriously), ETIMEDOUT, or EPERM if m is
 *    an error-checking mutex the caller does not hold.
 */
static int
cond_sleep(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *rel)
{
	struct tib *self = __tib_get();
	uint32_t seq;
	int count = m->count, r;

	if (m->type != PTHREAD_MUTEX_NORMAL && m->owner != self)
		return EPERM;
	__atomic_fetch_add(&c->waiters, 1, __ATOMIC_SEQ_CST);
	seq = __atomic_load_n(&c->seq, __ATOMIC_SEQ_CST);
	m->count = 1;
	pthread_mutex_unlock(m);
	r = __futex(&c->seq, FUTEX_WAIT_PRIVATE, seq, rel, NULL);
	__atomic_fetch_sub(&c->waiters, 1, __ATOMIC_SEQ_CST);
	_thread_lock(&m->lock);
	m->owner = self;
	m->count = count;
	return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int
pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return cond_sleep(c, m, NULL);
}

/*
 * As pthread_cond_wait, until abstime on the condition's clock
 * (CLOCK_REALTIME unless pthread_condattr_setclock said otherwise).
 * => returns 0, ETIMEDOUT (with m held, as always), or EINVAL.
 */
int
pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
    const struct timespec *abstime)
{
	struct timespec rel;
	int r;

	if ((r = _thread_timeout(c->clock, abstime, &rel)) != 0)
		return r;
	return cond_sleep(c, m, &rel);
}

int
pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST) != 0)
		__futex(&c->seq, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	return 0;
}

int
pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_fetch_add(&c->seq, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&c->waiters, __ATOMIC_SEQ_CST) != 0)
		__futex(&c->seq, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL);
	return 0;
}

int
pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->clock = CLOCK_REALTIME;
	return 0;
}

int
pthread_condattr_destroy(pthread_condattr_t *attr)
{
	attr->clock = CLOCK_REALTIME;
	return 0;
}

/* timedwait's clock: CLOCK_REALTIME or CLOCK_MONOTONIC. */
int
pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->clock = clock;
	return 0;
}

int
pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
	*clock = attr->clock;
	return 0;
}
