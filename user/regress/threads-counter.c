/*
 * regress/threads-counter: 8 threads each add 100,000 to a counter
 * under one pthread mutex, and the total is exact; join hands back each
 * thread's value; every thread has its own errno (set, failed a call,
 * yielded, still its own) and its own TCB (%gs:0 == __get_tcb(), the
 * TIB's self pointer, not the main thread's); tids are distinct and
 * above THREAD_PID_OFFSET; the kernel's thread count comes back.  About
 * 43 M guest instructions, hence a program of its own (/regress/threads
 * has the rest).  Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <tib.h>
#include <unistd.h>

#include "kern_counts.h"

#define THREAD_PID_OFFSET	100000

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/threads-counter: line %d: %s\n",	\
		    __LINE__, #e);					\
		failures++;						\
	}								\
} while (0)

/* ---- 8 threads add 100,000 each under a mutex ---- */

#define NCOUNT		8
#define COUNT_EACH	100000

static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static volatile int counter;

struct who {
	int		 n;
	pid_t		 tid;
	struct tib	*gs0, *tcb;
	int		 errno_ok;
};

static void *
fn_count(void *arg)
{
	struct who *w = arg;
	int i;

	w->tid = getthrid();
	w->gs0 = __tib_get();
	w->tcb = __get_tcb();
	/* errno is this thread's: set it, fail a call, yield, look. */
	errno = 1000 + w->n;
	for (i = 0; i < COUNT_EACH; i++) {
		pthread_mutex_lock(&count_lock);
		counter++;
		pthread_mutex_unlock(&count_lock);
		if (i == COUNT_EACH / 2) {
			w->errno_ok = errno == 1000 + w->n;
			CHECK(close(-1 - w->n) == -1);
			w->errno_ok &= errno == EBADF;
		}
	}
	sched_yield();
	w->errno_ok &= errno == EBADF;
	return (void *)(intptr_t)(w->n * 3);
}

static void
test_counter(void)
{
	static struct who w[NCOUNT];
	pthread_t t[NCOUNT];
	void *ret;
	int i, j, nthreads = sysctl_int(KERN_NTHREADS);

	errno = 4242;
	for (i = 0; i < NCOUNT; i++) {
		w[i].n = i;
		CHECK(pthread_create(&t[i], NULL, fn_count, &w[i]) == 0);
	}
	for (i = 0; i < NCOUNT; i++) {
		CHECK(pthread_join(t[i], &ret) == 0);
		CHECK(ret == (void *)(intptr_t)(i * 3));
	}
	CHECK(counter == NCOUNT * COUNT_EACH);
	CHECK(errno == 4242);
	CHECK(__tib_get() == &__main_tib && __get_tcb() == &__main_tib);
	for (i = 0; i < NCOUNT; i++) {
		CHECK(w[i].errno_ok);
		CHECK(w[i].gs0 == w[i].tcb && w[i].gs0 != &__main_tib);
		CHECK(w[i].gs0 != NULL && w[i].gs0->tib_self == w[i].gs0);
		CHECK(w[i].tid > THREAD_PID_OFFSET && w[i].tid != getthrid());
		for (j = 0; j < i; j++)
			CHECK(w[i].tid != w[j].tid && w[i].gs0 != w[j].gs0);
	}
	CHECK(pthread_join(pthread_self(), NULL) == EDEADLK);
	CHECK(pthread_equal(pthread_self(), pthread_self()));
	CHECK(!pthread_equal(pthread_self(), t[0]));
	CHECK(nthreads_settles_at(nthreads));
}

int
main(void)
{
	test_counter();
	printf("regress/threads-counter: %d failure%s\n", failures,
	    failures == 1 ? "" : "s");
	return failures;
}
