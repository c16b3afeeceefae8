/*
 * user/lib/rthread_sem.c: POSIX unnamed semaphores over futex(2).
 *
 * value is the count.  sem_wait takes one with a compare-and-swap while
 * it is above 0, else counts itself in waiters and sleeps while value is
 * still 0; sem_post adds one and wakes one sleeper if waiters says there
 * may be one.  waiters goes up before the sleeper reads value again in
 * the kernel, so a post between the two is never missed: the kernel
 * sees value != 0 and FUTEX_WAIT returns at once.  Only semaphores
 * private to the process (pshared 0).  Return -1 and errno, unlike
 * pthread_*.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <errno.h>
#include <semaphore.h>
#include <time.h>

#include "thread_private.h"

int
sem_init(sem_t *sem, int pshared, unsigned int value)
{
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	if (pshared) {
		errno = ENOSYS;		/* not between processes */
		return -1;
	}
	sem->value = value;
	sem->waiters = 0;
	return 0;
}

int
sem_destroy(sem_t *sem)
{
	if (sem->waiters != 0) {
		errno = EBUSY;
		return -1;
	}
	return 0;
}

/* Take one if there is one: 1 if taken, 0 if the count is 0. */
static int
sem_take(sem_t *sem)
{
	uint32_t v = __atomic_load_n(&sem->value, __ATOMIC_RELAXED);

	while (v > 0)
		if (__atomic_compare_exchange_n(&sem->value, &v, v - 1, 0,
		    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return 1;
	return 0;
}

/*
 * Wait for a unit until abstime (NULL: for ever).
 * => returns 0, or -1 with EINTR (a signal handler ran), ETIMEDOUT or
 *    EINVAL (a bad abstime, checked only when the wait would block).
 */
static int
sem_sleep(sem_t *sem, const struct timespec *abstime)
{
	struct timespec rel;
	int r;

	while (!sem_take(sem)) {
		if (abstime != NULL &&
		    (r = _thread_timeout(CLOCK_REALTIME, abstime, &rel)) != 0) {
			errno = r;
			return -1;
		}
		__atomic_fetch_add(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		r = __futex(&sem->value, FUTEX_WAIT_PRIVATE, 0,
		    abstime != NULL ? &rel : NULL, NULL);
		__atomic_fetch_sub(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		if (r == -EINTR || r == -ETIMEDOUT) {
			errno = -r;
			return -1;
		}
	}
	return 0;
}

int
sem_wait(sem_t *sem)
{
	return sem_sleep(sem, NULL);
}

int
sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
	return sem_sleep(sem, abstime);
}

/* => returns 0, or -1 with EAGAIN if the count is 0. */
int
sem_trywait(sem_t *sem)
{
	if (sem_take(sem))
		return 0;
	errno = EAGAIN;
	return -1;
}

/* => returns 0, or -1 with EOVERFLOW at SEM_VALUE_MAX. */
int
sem_post(sem_t *sem)
{
	uint32_t v = __atomic_load_n(&sem->value, __ATOMIC_RELAXED);

	do {
		if (v >= SEM_VALUE_MAX) {
			errno = EOVERFLOW;
			return -1;
		}
	} while (!__atomic_compare_exchange_n(&sem->value, &v, v + 1, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
	if (__atomic_load_n(&sem->waiters, __ATOMIC_SEQ_CST) != 0)
		__futex(&sem->value, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	return 0;
}

int
sem_getvalue(sem_t *sem, int *value)
{
	*value = sem->value;
	return 0;
}
