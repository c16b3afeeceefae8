/*
 * user/lib/rthread_rwlock.c: read-write locks over one futex word.
 *
 *	bits 0-29  how many readers hold it
 *	bit 30     RW_WRITER: a writer holds it
 *	bit 31     RW_WAITING: somebody sleeps on the word
 *
 * A reader comes in while there is no writer; a writer while there is
 * nobody.  Whoever cannot come in sets RW_WAITING and sleeps while the
 * word is what it saw; the last one out clears the word and, if
 * RW_WAITING was set, wakes every sleeper to try again.  Readers can
 * starve a writer (no writer preference): simple, and enough here.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "rthread.h"

#define RW_WRITER	0x40000000u
#define RW_WAITING	0x80000000u
#define RW_READERS	0x3fffffffu

int
pthread_rwlock_init(pthread_rwlock_t *rw, const pthread_rwlockattr_t *attr)
{
	(void)attr;
	memset(rw, 0, sizeof(*rw));
	return 0;
}

int
pthread_rwlock_destroy(pthread_rwlock_t *rw)
{
	if ((rw->state & ~RW_WAITING) != 0)
		return EBUSY;
	return 0;
}

/* Set RW_WAITING on the word s and sleep while it stays so. */
static void
rw_sleep(pthread_rwlock_t *rw, uint32_t s)
{
	if (!(s & RW_WAITING) &&
	    !__atomic_compare_exchange_n(&rw->state, &s, s | RW_WAITING, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return;			/* it changed: look again */
	__futex(&rw->state, FUTEX_WAIT_PRIVATE, s | RW_WAITING, NULL, NULL);
}

/* One try at a read lock: 0, or EBUSY while a writer holds it. */
static int
rw_tryrd(pthread_rwlock_t *rw, uint32_t *sp)
{
	uint32_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	for (;;) {
		*sp = s;
		if (s & RW_WRITER)
			return EBUSY;
		if ((s & RW_READERS) == RW_READERS)
			return EAGAIN;
		if (__atomic_compare_exchange_n(&rw->state, &s, s + 1, 0,
		    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return 0;
	}
}

/* One try at the write lock: 0, or EBUSY while anybody holds it. */
static int
rw_trywr(pthread_rwlock_t *rw, uint32_t *sp)
{
	uint32_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	for (;;) {
		*sp = s;
		if (s & (RW_WRITER | RW_READERS))
			return EBUSY;
		if (__atomic_compare_exchange_n(&rw->state, &s,
		    s | RW_WRITER, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
			rw->owner = __tib_get();
			return 0;
		}
	}
}

int
pthread_rwlock_rdlock(pthread_rwlock_t *rw)
{
	uint32_t s;
	int r;

	while ((r = rw_tryrd(rw, &s)) == EBUSY)
		rw_sleep(rw, s);
	return r;
}

int
pthread_rwlock_tryrdlock(pthread_rwlock_t *rw)
{
	uint32_t s;

	return rw_tryrd(rw, &s);
}

/* => returns 0, or EDEADLK if the caller holds it for writing. */
int
pthread_rwlock_wrlock(pthread_rwlock_t *rw)
{
	uint32_t s;

	if ((rw->state & RW_WRITER) && rw->owner == __tib_get())
		return EDEADLK;
	while (rw_trywr(rw, &s) == EBUSY)
		rw_sleep(rw, s);
	return 0;
}

int
pthread_rwlock_trywrlock(pthread_rwlock_t *rw)
{
	uint32_t s;

	return rw_trywr(rw, &s);
}

/*
 * A writer clears the word; a reader takes itself off, and the last
 * reader clears RW_WAITING.  Whoever clears RW_WAITING wakes everyone.
 * => returns 0, or EPERM if a writer holds it and it is not the caller.
 */
int
pthread_rwlock_unlock(pthread_rwlock_t *rw)
{
	uint32_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	if (s & RW_WRITER) {
		if (rw->owner != __tib_get())
			return EPERM;
		rw->owner = NULL;
		s = __atomic_exchange_n(&rw->state, 0, __ATOMIC_RELEASE);
	} else {
		if ((s & RW_READERS) == 0)
			return EPERM;
		s = __atomic_sub_fetch(&rw->state, 1, __ATOMIC_RELEASE);
		if (s != RW_WAITING || !__atomic_compare_exchange_n(
		    &rw->state, &s, 0, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return 0;
	}
	if (s & RW_WAITING)
		__futex(&rw->state, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL,
		    NULL);
	return 0;
}

int
pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
	attr->pshared = PTHREAD_PROCESS_PRIVATE;
	return 0;
}

int
pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{
	(void)attr;
	return 0;
}
