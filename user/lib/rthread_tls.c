/*
 * user/lib/rthread_tls.c: thread-specific data, pthread_key_*.
 *
 * A key is an index into every thread's t_specific[].  Each key carries
 * a generation, bumped when it is created; a thread's value counts only
 * if it was stored under the current generation, so a key deleted and
 * made again starts out NULL in every thread without visiting them.
 * Destructors run when a thread calls pthread_exit (or returns from its
 * start routine), up to PTHREAD_DESTRUCTOR_ITERATIONS rounds while
 * they keep storing new values; not at exit(), as POSIX says.
 */

#include <sys/types.h>
#include <errno.h>
#include <pthread.h>

#include "rthread.h"

static struct {
	int		 used;
	unsigned int	 gen;
	void		(*destructor)(void *);
} keys[PTHREAD_KEYS_MAX];
static volatile uint32_t keys_lock = _LOCK_INITIALIZER;

/* => returns 0 with *key set, or EAGAIN when every key is taken. */
int
pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int k;

	_thread_lock(&keys_lock);
	for (k = 0; k < PTHREAD_KEYS_MAX; k++)
		if (!keys[k].used)
			break;
	if (k == PTHREAD_KEYS_MAX) {
		_thread_unlock(&keys_lock);
		return EAGAIN;
	}
	keys[k].used = 1;
	keys[k].gen++;
	keys[k].destructor = destructor;
	_thread_unlock(&keys_lock);
	*key = k;
	return 0;
}

/* The values are forgotten, no destructor runs (POSIX). */
int
pthread_key_delete(pthread_key_t key)
{
	if (key < 0 || key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	_thread_lock(&keys_lock);
	keys[key].used = 0;
	keys[key].destructor = NULL;
	_thread_unlock(&keys_lock);
	return 0;
}

void *
pthread_getspecific(pthread_key_t key)
{
	struct pthread *t = pthread_self();

	if (key < 0 || key >= PTHREAD_KEYS_MAX || !keys[key].used ||
	    t->t_specific[key].gen != keys[key].gen)
		return NULL;
	return (void *)t->t_specific[key].value;
}

int
pthread_setspecific(pthread_key_t key, const void *value)
{
	struct pthread *t = pthread_self();

	if (key < 0 || key >= PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	t->t_specific[key].gen = keys[key].gen;
	t->t_specific[key].value = value;
	return 0;
}

/*
 * Run t's destructors: each non-NULL value of a live key with a
 * destructor is set to NULL and handed to it; again while any ran.
 */
void
_rthread_tls_destructors(struct pthread *t)
{
	void (*fn)(void *);
	const void *v;
	int k, round, ran;

	for (round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		ran = 0;
		for (k = 0; k < PTHREAD_KEYS_MAX; k++) {
			fn = keys[k].destructor;
			v = t->t_specific[k].value;
			if (!keys[k].used || fn == NULL || v == NULL ||
			    t->t_specific[k].gen != keys[k].gen)
				continue;
			t->t_specific[k].value = NULL;
			fn((void *)v);
			ran = 1;
		}
		if (!ran)
			break;
	}
}
