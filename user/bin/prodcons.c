/*
 * prodcons [items [producers [consumers]]]: a bounded buffer between
 * producer and consumer threads, with one mutex and two condition
 * variables, written to POSIX alone: it builds unchanged on Tine and on
 * any POSIX host (tests/host/test_prodcons.c compiles it with the
 * host's gcc -pthread and runs it).  Each producer puts the numbers
 * 1..items; the consumers add up what they take; the sum is checked.
 */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS		8
#define MAXTHREADS	16

static struct {
	pthread_mutex_t	lock;
	pthread_cond_t	not_full, not_empty;
	long		slot[SLOTS];
	int		head, count;	/* next to take, how many held */
	int		producers_left;
} buf = {
	PTHREAD_MUTEX_INITIALIZER,
	PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER,
	{ 0 }, 0, 0, 0
};

static long items = 10000;

/* Put v in the buffer, waiting while it is full. */
static void
put(long v)
{
	pthread_mutex_lock(&buf.lock);
	while (buf.count == SLOTS)
		pthread_cond_wait(&buf.not_full, &buf.lock);
	buf.slot[(buf.head + buf.count) % SLOTS] = v;
	buf.count++;
	pthread_cond_signal(&buf.not_empty);
	pthread_mutex_unlock(&buf.lock);
}

/* Take a value, waiting while the buffer is empty; 0 once the producers
 * are all done and the buffer is drained. */
static long
take(void)
{
	long v = 0;

	pthread_mutex_lock(&buf.lock);
	while (buf.count == 0 && buf.producers_left > 0)
		pthread_cond_wait(&buf.not_empty, &buf.lock);
	if (buf.count > 0) {
		v = buf.slot[buf.head];
		buf.head = (buf.head + 1) % SLOTS;
		buf.count--;
		pthread_cond_signal(&buf.not_full);
	}
	pthread_mutex_unlock(&buf.lock);
	return v;
}

static void *
producer(void *arg)
{
	long i;

	(void)arg;
	for (i = 1; i <= items; i++)
		put(i);
	pthread_mutex_lock(&buf.lock);
	if (--buf.producers_left == 0)	/* wake every consumer to finish */
		pthread_cond_broadcast(&buf.not_empty);
	pthread_mutex_unlock(&buf.lock);
	return NULL;
}

struct consumer {
	pthread_t	thread;
	long		taken;
	long long	sum;
};

static void *
consumer(void *arg)
{
	struct consumer *c = arg;
	long v;

	while ((v = take()) != 0) {
		c->taken++;
		c->sum += v;
	}
	return NULL;
}

int
main(int argc, char *argv[])
{
	static pthread_t prod[MAXTHREADS];
	static struct consumer cons[MAXTHREADS];
	int np = 2, nc = 3, i, r;
	long taken = 0;
	long long sum = 0, want;

	if (argc > 1)
		items = atol(argv[1]);
	if (argc > 2)
		np = atoi(argv[2]);
	if (argc > 3)
		nc = atoi(argv[3]);
	if (items < 1 || np < 1 || np > MAXTHREADS || nc < 1 ||
	    nc > MAXTHREADS) {
		fprintf(stderr, "usage: prodcons [items [producers "
		    "[consumers]]] (1..%d threads each)\n", MAXTHREADS);
		return 2;
	}
	memset(cons, 0, sizeof(cons));
	buf.producers_left = np;
	for (i = 0; i < nc; i++)
		if ((r = pthread_create(&cons[i].thread, NULL, consumer,
		    &cons[i])) != 0) {
			fprintf(stderr, "pthread_create: %s\n", strerror(r));
			return 1;
		}
	for (i = 0; i < np; i++)
		if ((r = pthread_create(&prod[i], NULL, producer, NULL)) != 0) {
			fprintf(stderr, "pthread_create: %s\n", strerror(r));
			return 1;
		}
	for (i = 0; i < np; i++)
		pthread_join(prod[i], NULL);
	for (i = 0; i < nc; i++) {
		pthread_join(cons[i].thread, NULL);
		printf("consumer %d took %ld items\n", i + 1, cons[i].taken);
		taken += cons[i].taken;
		sum += cons[i].sum;
	}
	want = np * ((long long)items * (items + 1) / 2);
	printf("%d producers, %d consumers, %d slots: %ld items, sum %lld "
	    "(want %lld): %s\n", np, nc, SLOTS, taken, sum, want,
	    taken == np * items && sum == want ? "ok" : "WRONG");
	return taken == np * items && sum == want ? 0 : 1;
}
