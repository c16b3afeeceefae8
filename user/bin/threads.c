/*
 * threads [N]: N worker threads (default 4) count the primes below
 * 200,000 by taking chunks of 5,000 numbers off a shared queue under a
 * mutex, then print who did what (thread id, chunks, primes found) and
 * the total, checked against the same count done by one thread.
 * A demo of <pthread.h> on Tine: docs/threads.md shows its output.
 */

#include <sys/types.h>
#include <err.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define LIMIT		200000
#define CHUNK		5000
#define MAXWORKERS	64

struct worker {
	pthread_t	thread;
	int		n;		/* 1, 2, ... */
	pid_t		tid;		/* getthrid() in the worker */
	int		chunks, primes;
};

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static int next_chunk;			/* the queue: chunks not yet taken */

static int
is_prime(int n)
{
	int d;

	if (n < 2)
		return 0;
	for (d = 2; d * d <= n; d++)
		if (n % d == 0)
			return 0;
	return 1;
}

static int
count_primes(int from, int to)
{
	int n, count = 0;

	for (n = from; n < to; n++)
		count += is_prime(n);
	return count;
}

/* Take the next chunk's first number off the queue, or -1 at the end. */
static int
take_chunk(void)
{
	int from;

	pthread_mutex_lock(&queue_lock);
	from = next_chunk < LIMIT ? next_chunk : -1;
	if (from >= 0)
		next_chunk += CHUNK;
	pthread_mutex_unlock(&queue_lock);
	return from;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	int from;

	w->tid = getthrid();
	while ((from = take_chunk()) >= 0) {
		w->primes += count_primes(from, from + CHUNK);
		w->chunks++;
		sched_yield();		/* let the others have a turn */
	}
	return w;
}

int
main(int argc, char *argv[])
{
	static struct worker workers[MAXWORKERS];
	int i, n = 4, total = 0, expect;
	void *ret;

	if (argc > 1 && ((n = atoi(argv[1])) < 1 || n > MAXWORKERS))
		errx(1, "usage: threads [1..%d]", MAXWORKERS);
	printf("%d threads count the primes below %d, %d at a time\n",
	    n, LIMIT, CHUNK);
	for (i = 0; i < n; i++) {
		workers[i].n = i + 1;
		if ((errno = pthread_create(&workers[i].thread, NULL, work,
		    &workers[i])) != 0)
			err(1, "pthread_create");
	}
	for (i = 0; i < n; i++) {
		if ((errno = pthread_join(workers[i].thread, &ret)) != 0)
			err(1, "pthread_join");
		printf("thread %d (tid %d): %d chunks, %d primes\n",
		    workers[i].n, (int)workers[i].tid, workers[i].chunks,
		    workers[i].primes);
		total += workers[i].primes;
	}
	expect = count_primes(0, LIMIT);
	printf("total %d primes; one thread alone counts %d: %s\n", total,
	    expect, total == expect ? "ok" : "WRONG");
	return total == expect ? 0 : 1;
}
