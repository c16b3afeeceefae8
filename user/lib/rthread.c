/*
 * user/lib/rthread.c: a thread's life: pthread_create, pthread_exit,
 * pthread_join, pthread_detach, pthread_self, pthread_equal.
 *
 * pthread_create maps a stack (with an unmapped guard page below it),
 * fills a struct pthread and its TIB, and calls __tfork_thread
 * (tcb.asm), which enters the seed's sys___tfork -> thread_fork
 * (kernel/kern_fork.c): tf_tcb becomes the new thread's %gs base,
 * tf_tid = &tib->tib_tid receives its tid before it first runs, and it
 * starts on tf_stack in rthread_start.
 *
 * A thread ends in __threxit(&tib->tib_tid): the kernel writes 0 there
 * once the thread no longer uses its stack, and wakes a futex waiter on
 * that word.  So pthread_join sleeps on tib_tid until it reads 0 and then
 * frees the stack itself; a detached thread's stack goes on the reaper
 * list, and pthread_create or pthread_join frees those whose tib_tid
 * reads 0 (as OpenBSD's librthread does).
 *
 *	create -> running --pthread_exit--> EXITING --kernel--> tib_tid 0
 *	                                      |                    |
 *	       joinable: join sleeps on tib_tid; then frees -------+
 *	       detached: on the reaper list; a later create frees -+
 *
 * The last thread to call pthread_exit calls exit(0) instead, so stdio
 * is flushed and atexit handlers run, as for a return from main.
 */

#include <sys/types.h>
#include <sys/futex.h>
#include <sys/mman.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rthread.h"

volatile uint32_t _thread_list_lock = _LOCK_INITIALIZER;
static struct pthread *live;		/* every thread not yet exiting */
static struct pthread *reaplist;	/* detached, exited or exiting */
static int nlive;			/* threads on live */
static struct pthread main_thread;

static void rthread_fork_child(void);

/*
 * The initial thread's struct pthread, made the first time anybody asks
 * (pthread_self, pthread_create): until then a program that never uses
 * threads carries none of this.
 * => returns the main thread, its TIB's tib_thread set.
 */
struct pthread *
_rthread_init_main(void)
{
	struct pthread *t = &main_thread;

	_thread_lock(&_thread_list_lock);
	if (__main_tib.tib_thread == NULL) {
		t->t_tib = &__main_tib;
		__main_tib.tib_tid = getthrid();
		t->t_next = live;
		live = t;
		nlive++;
		_thread_fork_child_hook = rthread_fork_child;
		__main_tib.tib_thread = t;
	}
	_thread_unlock(&_thread_list_lock);
	return t;
}

pthread_t
pthread_self(void)
{
	struct tib *tib = __tib_get();

	if (tib->tib_thread == NULL)
		return _rthread_init_main();
	return tib->tib_thread;
}

int
pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* Take t off the singly linked list at *head, if it is there. */
static void
list_remove(struct pthread **head, struct pthread *t)
{
	for (; *head != NULL; head = &(*head)->t_next)
		if (*head == t) {
			*head = t->t_next;
			return;
		}
}

/* Give back an exited thread's stack and struct (not the main one's). */
void
_rthread_free(struct pthread *t)
{
	if (t == &main_thread)
		return;
	munmap(t->t_stack, t->t_stacklen);
	free(t);
}

/*
 * Free the detached threads the kernel has finished with (tib_tid 0):
 * they are unlinked under the list lock, then freed outside it.
 */
static void
rthread_reaper(void)
{
	struct pthread **tp, *t, *dead = NULL;

	_THREAD_LOCK(&_thread_list_lock);
	for (tp = &reaplist; (t = *tp) != NULL;) {
		if (__atomic_load_n(&t->t_tib->tib_tid, __ATOMIC_ACQUIRE)
		    != 0) {
			tp = &t->t_next;
			continue;
		}
		*tp = t->t_next;
		t->t_next = dead;
		dead = t;
	}
	_THREAD_UNLOCK(&_thread_list_lock);
	while ((t = dead) != NULL) {
		dead = t->t_next;
		_rthread_free(t);
	}
}

/* The first C a new thread runs (through __tfork_thread). */
static void
rthread_start(void *arg)
{
	struct pthread *t = arg;

	pthread_exit(t->t_fn(t->t_arg));
}

/*
 * A new thread's struct, TIB and stack: stacksize bytes (rounded up to
 * pages) above a PROT_NONE guard page that turns an overflow into
 * SIGSEGV instead of a write into the next mapping.
 * => returns the thread, or NULL (the caller returns EAGAIN).
 */
static struct pthread *
rthread_alloc(size_t stacksize)
{
	struct pthread *t;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	stacksize = (stacksize + RTHREAD_GUARD - 1) & ~(RTHREAD_GUARD - 1);
	t->t_stacklen = stacksize + RTHREAD_GUARD;
	t->t_stack = mmap(NULL, t->t_stacklen, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON | MAP_STACK, -1, 0);
	if (t->t_stack == MAP_FAILED) {
		free(t);
		return NULL;
	}
	mprotect(t->t_stack, RTHREAD_GUARD, PROT_NONE);
	t->t_tib = &t->t_tibstore;
	t->t_tib->tib_self = t->t_tib;
	t->t_tib->tib_thread = t;
	return t;
}

/*
 * Start fn(arg) in a new thread.  __isthreaded is set before __tfork,
 * so libc's locks are in force before a second thread can run.
 * => returns 0 with *thread set, EAGAIN (no memory, or the kernel's
 *    maxthread), or EINVAL for a bad attribute.
 */
int
pthread_create(pthread_t *thread, const pthread_attr_t *attr,
    void *(*fn)(void *), void *arg)
{
	struct __tfork param;
	struct pthread *t;
	size_t stacksize = RTHREAD_STACK_SIZE_DEF;
	int detached = 0, saved_errno = errno, error;

	if (attr != NULL) {
		if (attr->stacksize != 0)
			stacksize = attr->stacksize;
		detached = attr->detachstate == PTHREAD_CREATE_DETACHED;
	}
	pthread_self();			/* the main thread's struct */
	rthread_reaper();
	if ((t = rthread_alloc(stacksize)) == NULL)
		return EAGAIN;
	t->t_fn = fn;
	t->t_arg = arg;
	t->t_flags = detached ? THREAD_DETACHED : 0;

	_thread_lock(&_thread_list_lock);
	t->t_next = live;
	live = t;
	nlive++;
	_thread_unlock(&_thread_list_lock);
	__isthreaded = 1;

	param.tf_tcb = t->t_tib;
	param.tf_tid = &t->t_tib->tib_tid;
	param.tf_stack = t->t_stack + t->t_stacklen;
	if (__tfork_thread(&param, sizeof(param), rthread_start, t) == -1) {
		error = errno == ENOMEM ? EAGAIN : errno;
		errno = saved_errno;
		_thread_lock(&_thread_list_lock);
		list_remove(&live, t);
		nlive--;
		_thread_unlock(&_thread_list_lock);
		_rthread_free(t);
		return error;
	}
	*thread = t;
	return 0;
}

/*
 * End the calling thread with retval for its joiner: thread-specific
 * destructors first, then off the live list (onto the reaper's if
 * detached), then __threxit, which clears tib_tid and wakes a joiner.
 * The last live thread exits the process instead, with status 0.
 */
void
pthread_exit(void *retval)
{
	struct pthread *t = pthread_self();
	int last;

	_rthread_tls_destructors(t);
	t->t_retval = retval;
	_THREAD_LOCK(&_thread_list_lock);
	t->t_flags |= THREAD_EXITING;
	list_remove(&live, t);
	last = --nlive == 0;
	if ((t->t_flags & THREAD_DETACHED) && !last) {
		t->t_next = reaplist;
		reaplist = t;
	}
	_THREAD_UNLOCK(&_thread_list_lock);
	if (last)
		exit(0);
	__threxit(&t->t_tib->tib_tid);
}

/*
 * Wait for t to end, and take its return value: sleep on its tib_tid
 * until __threxit has zeroed it, then free its stack.
 * => returns 0, EDEADLK (t is the caller), or EINVAL (t is detached or
 *    another thread already joins it).
 */
int
pthread_join(pthread_t t, void **retval)
{
	pid_t tid;

	if (t == pthread_self())
		return EDEADLK;
	_thread_lock(&_thread_list_lock);
	if (t->t_flags & (THREAD_DETACHED | THREAD_JOINING)) {
		_thread_unlock(&_thread_list_lock);
		return EINVAL;
	}
	t->t_flags |= THREAD_JOINING;
	_thread_unlock(&_thread_list_lock);

	while ((tid = __atomic_load_n(&t->t_tib->tib_tid,
	    __ATOMIC_ACQUIRE)) != 0)
		__futex((volatile uint32_t *)&t->t_tib->tib_tid, FUTEX_WAIT,
		    tid, NULL, NULL);
	if (retval != NULL)
		*retval = t->t_retval;
	_rthread_free(t);
	rthread_reaper();
	return 0;
}

/*
 * Nobody will join t: its stack is freed once it has gone.  If it is
 * already exiting it missed the reaper list, so it goes on it now.
 * => returns 0, or EINVAL if t was detached already.
 */
int
pthread_detach(pthread_t t)
{
	_thread_lock(&_thread_list_lock);
	if (t->t_flags & (THREAD_DETACHED | THREAD_JOINING)) {
		_thread_unlock(&_thread_list_lock);
		return EINVAL;
	}
	t->t_flags |= THREAD_DETACHED;
	if ((t->t_flags & THREAD_EXITING) && t != &main_thread) {
		t->t_next = reaplist;
		reaplist = t;
	}
	_thread_unlock(&_thread_list_lock);
	return 0;
}

/*
 * In fork()'s child only the caller lives on: it is the one live
 * thread, with the child's own tid; the other threads' stacks stay
 * mapped (the child may still point into them) and are not reaped.
 */
static void
rthread_fork_child(void)
{
	struct pthread *self = pthread_self();

	_thread_list_lock = _LOCK_INITIALIZER;
	self->t_tib->tib_tid = getthrid();
	self->t_next = NULL;
	live = self;
	nlive = 1;
	reaplist = NULL;
}
