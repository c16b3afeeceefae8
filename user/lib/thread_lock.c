/*
 * user/lib/thread_lock.c: libc's lock over futex(2), the one every other
 * lock is made of: malloc's, each stream's, pthread mutexes.
 *
 * The lock is a word with three states (Drepper's "Futexes are tricky",
 * mutex 2):
 *
 *	0 free  --lock: cmpxchg 0->1-->  1 held, nobody sleeps
 *	1 held  --lock fails: xchg 2-->  2 held, maybe sleepers;
 *	                                   sleep while the word is 2
 *	unlock: 1 -> 0 is a single atomic decrement, no system call;
 *	        2 -> 0 then futex wake one sleeper, who takes it as 2
 *
 * An uncontended lock and unlock are two atomic instructions; only a
 * thread that finds the lock held enters the kernel.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <errno.h>
#include <time.h>

#include "thread_private.h"

/*
 * Take the lock in state 2 at once, sleeping while it is held: for a
 * thread woken from a condition variable (others may still sleep on
 * the lock), and for _thread_lock once it found the lock taken.
 */
void
_thread_lock_contended(volatile uint32_t *l)
{
	while (__atomic_exchange_n(l, 2, __ATOMIC_ACQUIRE) != 0)
		__futex(l, FUTEX_WAIT_PRIVATE, 2, NULL, NULL);
}

/*
 * Take the lock at l, sleeping while another thread holds it.
 * => returns with *l == 1 (no sleepers seen) or 2.
 */
void
_thread_lock(volatile uint32_t *l)
{
	uint32_t c = 0;

	if (!__atomic_compare_exchange_n(l, &c, 1, 0, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED))
		_thread_lock_contended(l);
}

/* Take the lock if it is free: 1 if taken, 0 if not. */
int
_thread_trylock(volatile uint32_t *l)
{
	uint32_t c = 0;

	return __atomic_compare_exchange_n(l, &c, 1, 0, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED);
}

/* Let the lock go, waking one sleeper if there may be any. */
void
_thread_unlock(volatile uint32_t *l)
{
	if (__atomic_fetch_sub(l, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(l, 0, __ATOMIC_RELEASE);
		__futex(l, FUTEX_WAKE_PRIVATE, 1, NULL, NULL);
	}
}

/*
 * An absolute deadline on clock as the relative timeout futex(2) takes.
 * => returns 0 with *rel set, ETIMEDOUT if the deadline has passed, or
 *    EINVAL if abstime's nanoseconds are out of range (POSIX's order:
 *    a bad time is EINVAL even when it would also have passed).
 */
int
_thread_timeout(clockid_t clock, const struct timespec *abstime,
    struct timespec *rel)
{
	struct timespec now;

	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return EINVAL;
	clock_gettime(clock, &now);
	rel->tv_sec = abstime->tv_sec - now.tv_sec;
	rel->tv_nsec = abstime->tv_nsec - now.tv_nsec;
	if (rel->tv_nsec < 0) {
		rel->tv_nsec += 1000000000;
		rel->tv_sec--;
	}
	if (rel->tv_sec < 0 || (rel->tv_sec == 0 && rel->tv_nsec == 0))
		return ETIMEDOUT;
	return 0;
}
