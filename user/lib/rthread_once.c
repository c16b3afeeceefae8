/*
 * user/lib/rthread_once.c: pthread_once.  The word goes 0 (not run) ->
 * 1 (the winner of a compare-and-swap runs it) -> 2 (done, sleepers
 * woken); a thread that finds 1 sleeps on the word until it is 2.
 * Threads are not cancelled here, so a running routine always ends.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <pthread.h>

#include "thread_private.h"

int
pthread_once(pthread_once_t *once, void (*fn)(void))
{
	uint32_t s = 0;

	if (__atomic_load_n(&once->state, __ATOMIC_ACQUIRE) == 2)
		return 0;
	if (__atomic_compare_exchange_n(&once->state, &s, 1, 0,
	    __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
		fn();
		__atomic_store_n(&once->state, 2, __ATOMIC_RELEASE);
		__futex(&once->state, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL,
		    NULL);
		return 0;
	}
	while (__atomic_load_n(&once->state, __ATOMIC_ACQUIRE) == 1)
		__futex(&once->state, FUTEX_WAIT_PRIVATE, 1, NULL, NULL);
	return 0;
}
