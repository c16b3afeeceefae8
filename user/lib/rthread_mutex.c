/*
 * user/lib/rthread_mutex.c: pthread mutexes over libc's futex lock
 * (thread_lock.c: the word is 0 free, 1 held, 2 held with sleepers).
 *
 * The kind decides what happens to a thread that locks a mutex it holds
 * or unlocks one it does not: NORMAL (and DEFAULT) deadlocks or does
 * what it is told; ERRORCHECK says EDEADLK or EPERM; RECURSIVE counts
 * the depth.  The owner is the holder's TIB, found with one %gs load.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "rthread.h"

int
pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	memset(m, 0, sizeof(*m));
	m->type = attr != NULL ? attr->type : PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int
pthread_mutex_destroy(pthread_mutex_t *m)
{
	if (m->lock != 0)
		return EBUSY;
	return 0;
}

/*
 * What a lock by the holder itself comes to: 0 if a recursive mutex
 * went one deeper, EDEADLK for an error-checking one, -1 to go on and
 * take the lock (a NORMAL mutex then deadlocks, as POSIX allows).
 */
static int
mutex_relock(pthread_mutex_t *m, struct tib *self)
{
	if (m->owner != self)
		return -1;
	if (m->type == PTHREAD_MUTEX_RECURSIVE) {
		if (m->count == 0x7fffffff)
			return EAGAIN;
		m->count++;
		return 0;
	}
	if (m->type == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	return -1;
}

/* pthread_mutex_lock when the mutex was not free at the first look. */
static int
mutex_lock_slow(pthread_mutex_t *m)
{
	struct tib *self = __tib_get();
	int r;

	if ((r = mutex_relock(m, self)) >= 0)
		return r;
	_thread_lock(&m->lock);
	m->owner = self;
	m->count = 1;
	return 0;
}

/*
 * A free mutex, of any kind, is taken with one compare-and-swap and no
 * call but the %gs load; everything else is mutex_lock_slow's.
 */
int
pthread_mutex_lock(pthread_mutex_t *m)
{
	uint32_t c = 0;

	if (__atomic_compare_exchange_n(&m->lock, &c, 1, 0, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED)) {
		m->owner = __tib_get();
		m->count = 1;
		return 0;
	}
	return mutex_lock_slow(m);
}

/* => returns 0, or EBUSY if another thread (or, non-recursive, the
 *    caller) holds it. */
int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	struct tib *self = __tib_get();

	if (m->owner == self && m->type == PTHREAD_MUTEX_RECURSIVE)
		return mutex_relock(m, self);
	if (!_thread_trylock(&m->lock))
		return EBUSY;
	m->owner = self;
	m->count = 1;
	return 0;
}

/*
 * pthread_mutex_lock with an absolute CLOCK_REALTIME deadline.
 * => returns 0, ETIMEDOUT, or EINVAL for a bad abstime.
 */
int
pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	struct tib *self = __tib_get();
	struct timespec rel;
	int r;

	if ((r = mutex_relock(m, self)) >= 0)
		return r;
	while (!_thread_trylock(&m->lock)) {
		if ((r = _thread_timeout(CLOCK_REALTIME, abstime, &rel)) != 0)
			return r;
		if (__atomic_exchange_n(&m->lock, 2, __ATOMIC_ACQUIRE) == 0)
			break;		/* got it, marked contended */
		__futex(&m->lock, FUTEX_WAIT_PRIVATE, 2, &rel, NULL);
	}
	m->owner = self;
	m->count = 1;
	return 0;
}

/* => returns 0, or EPERM if an error-checking or recursive mutex is
 *    not the caller's. */
int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type == PTHREAD_MUTEX_ERRORCHECK ||
	    m->type == PTHREAD_MUTEX_RECURSIVE) {
		if (m->owner != __tib_get() || m->lock == 0)
			return EPERM;
		if (--m->count > 0)
			return 0;
	}
	m->owner = NULL;
	m->count = 0;
	/* _thread_unlock, written out: 1 -> 0 is the whole job. */
	if (__atomic_fetch_sub(&m->lock, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(&m->lock, 0, __ATOMIC_RELEASE);
		__futex(&m->lock, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	}
	return 0;
}

int
pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int
pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	attr->type = 0;
	return 0;
}

int
pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_ERRORCHECK &&
	    type != PTHREAD_MUTEX_RECURSIVE)
		return EINVAL;
	attr->type = type;
	return 0;
}

int
pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->type;
	return 0;
}
