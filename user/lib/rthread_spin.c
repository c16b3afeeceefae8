/*
 * user/lib/rthread_spin.c: spin locks.  On one CPU spinning only burns
 * the holder's time, so a thread that finds the lock taken yields
 * (sched_yield) and tries again.
 */

#include <sys/types.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>

int
pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
	(void)pshared;
	*l = 0;
	return 0;
}

int
pthread_spin_destroy(pthread_spinlock_t *l)
{
	return *l != 0 ? EBUSY : 0;
}

int
pthread_spin_trylock(pthread_spinlock_t *l)
{
	return __atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE) ? EBUSY : 0;
}

int
pthread_spin_lock(pthread_spinlock_t *l)
{
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		sched_yield();
	return 0;
}

int
pthread_spin_unlock(pthread_spinlock_t *l)
{
	__atomic_store_n(l, 0, __ATOMIC_RELEASE);
	return 0;
}
