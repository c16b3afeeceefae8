/*
 * regress/threads-handoff: two threads hand a turn back and forth
 * through one mutex and one condition variable, 10,000 handoffs in all
 * (5,000 each way), and none is lost or doubled.  Every handoff is a
 * futex wake, a futex wait and a task switch (about 5,600 guest
 * instructions), which is why this is not part of /regress/threads:
 * the regress runner gives each program 10 s of Bochs time.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define HANDOFFS	10000		/* in all, both ways */

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/threads-handoff: line %d: %s\n",	\
		    __LINE__, #e);					\
		failures++;						\
	}								\
} while (0)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int turn, count[2], order_bad;

/* Wait for my turn, take it, give the turn to the other, HANDOFFS/2 times. */
static void *
fn_handoff(void *arg)
{
	int me = (intptr_t)arg, i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < HANDOFFS / 2; i++) {
		while (turn != me)
			pthread_cond_wait(&cond, &lock);
		if (count[me] != count[!me] - me)	/* strictly alternate */
			order_bad++;
		count[me]++;
		turn = !me;
		pthread_cond_signal(&cond);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int
main(void)
{
	pthread_t a, b;

	CHECK(pthread_create(&a, NULL, fn_handoff, (void *)0) == 0);
	CHECK(pthread_create(&b, NULL, fn_handoff, (void *)1) == 0);
	CHECK(pthread_join(a, NULL) == 0 && pthread_join(b, NULL) == 0);
	CHECK(count[0] == HANDOFFS / 2 && count[1] == HANDOFFS / 2);
	CHECK(order_bad == 0);
	CHECK(pthread_cond_destroy(&cond) == 0);
	CHECK(pthread_mutex_destroy(&lock) == 0);
	printf("regress/threads-handoff: %d failure%s\n", failures,
	    failures == 1 ? "" : "s");
	return failures;
}
