/*
 * pthread.h: POSIX threads (user/lib/rthread*.c), over __tfork, futex
 * and __threxit.  The types are structures a program declares and
 * initialises statically (PTHREAD_MUTEX_INITIALIZER ...); their fields
 * are libc's business.  docs/threads.md explains the algorithms.
 */
#ifndef _PTHREAD_H_
#define _PTHREAD_H_

#include <sys/types.h>
#include <stdint.h>
#include <signal.h>
#include <sched.h>
#include <time.h>

#define PTHREAD_STACK_MIN		4096	/* one page (and a guard) */
#define PTHREAD_KEYS_MAX		64
#define PTHREAD_DESTRUCTOR_ITERATIONS	4

#define PTHREAD_CREATE_JOINABLE	0
#define PTHREAD_CREATE_DETACHED	1

/* Mutex kinds, OpenBSD's numbers; DEFAULT behaves as NORMAL. */
#define PTHREAD_MUTEX_ERRORCHECK	1
#define PTHREAD_MUTEX_RECURSIVE		2
#define PTHREAD_MUTEX_NORMAL		3
#define PTHREAD_MUTEX_DEFAULT		PTHREAD_MUTEX_NORMAL

#define PTHREAD_PROCESS_PRIVATE	0
#define PTHREAD_PROCESS_SHARED	1

typedef struct pthread *pthread_t;
typedef int pthread_key_t;

typedef struct {
	size_t	stacksize;		/* 0: the default, 256 KiB */
	int	detachstate;
} pthread_attr_t;

typedef struct {
	volatile uint32_t lock;		/* 0 free, 1 held, 2 held + sleepers */
	int	type;			/* PTHREAD_MUTEX_* */
	void	*owner;			/* the holder's TIB */
	int	count;			/* a recursive mutex's depth */
} pthread_mutex_t;
#define PTHREAD_MUTEX_INITIALIZER	{ 0, PTHREAD_MUTEX_DEFAULT, 0, 0 }

typedef struct {
	int	type;
} pthread_mutexattr_t;

typedef struct {
	volatile uint32_t seq;		/* bumped by every signal */
	volatile uint32_t waiters;
	clockid_t clock;		/* timedwait's clock */
} pthread_cond_t;
#define PTHREAD_COND_INITIALIZER	{ 0, 0, CLOCK_REALTIME }

typedef struct {
	clockid_t clock;
} pthread_condattr_t;

typedef struct {
	volatile uint32_t state;	/* readers, or the writer bit */
	void	*owner;			/* the writer's TIB */
} pthread_rwlock_t;
#define PTHREAD_RWLOCK_INITIALIZER	{ 0, 0 }

typedef struct {
	int	pshared;
} pthread_rwlockattr_t;

typedef struct {
	volatile uint32_t state;	/* 0 not run, 1 running, 2 done */
} pthread_once_t;
#define PTHREAD_ONCE_INIT		{ 0 }

typedef volatile uint32_t pthread_spinlock_t;

int	pthread_create(pthread_t *, const pthread_attr_t *,
	    void *(*)(void *), void *);
int	pthread_join(pthread_t, void **);
int	pthread_detach(pthread_t);
__dead void pthread_exit(void *);
pthread_t pthread_self(void);
int	pthread_equal(pthread_t, pthread_t);
int	pthread_once(pthread_once_t *, void (*)(void));
int	pthread_kill(pthread_t, int);
int	pthread_sigmask(int, const sigset_t *, sigset_t *);

int	pthread_attr_init(pthread_attr_t *);
int	pthread_attr_destroy(pthread_attr_t *);
int	pthread_attr_setstacksize(pthread_attr_t *, size_t);
int	pthread_attr_getstacksize(const pthread_attr_t *, size_t *);
int	pthread_attr_setdetachstate(pthread_attr_t *, int);
int	pthread_attr_getdetachstate(const pthread_attr_t *, int *);

int	pthread_key_create(pthread_key_t *, void (*)(void *));
int	pthread_key_delete(pthread_key_t);
void	*pthread_getspecific(pthread_key_t);
int	pthread_setspecific(pthread_key_t, const void *);

int	pthread_mutex_init(pthread_mutex_t *, const pthread_mutexattr_t *);
int	pthread_mutex_destroy(pthread_mutex_t *);
int	pthread_mutex_lock(pthread_mutex_t *);
int	pthread_mutex_trylock(pthread_mutex_t *);
int	pthread_mutex_timedlock(pthread_mutex_t *, const struct timespec *);
int	pthread_mutex_unlock(pthread_mutex_t *);
int	pthread_mutexattr_init(pthread_mutexattr_t *);
int	pthread_mutexattr_destroy(pthread_mutexattr_t *);
int	pthread_mutexattr_settype(pthread_mutexattr_t *, int);
int	pthread_mutexattr_gettype(const pthread_mutexattr_t *, int *);

int	pthread_cond_init(pthread_cond_t *, const pthread_condattr_t *);
int	pthread_cond_destroy(pthread_cond_t *);
int	pthread_cond_wait(pthread_cond_t *, pthread_mutex_t *);
int	pthread_cond_timedwait(pthread_cond_t *, pthread_mutex_t *,
	    const struct timespec *);
int	pthread_cond_signal(pthread_cond_t *);
int	pthread_cond_broadcast(pthread_cond_t *);
int	pthread_condattr_init(pthread_condattr_t *);
int	pthread_condattr_destroy(pthread_condattr_t *);
int	pthread_condattr_setclock(pthread_condattr_t *, clockid_t);
int	pthread_condattr_getclock(const pthread_condattr_t *, clockid_t *);

int	pthread_rwlock_init(pthread_rwlock_t *, const pthread_rwlockattr_t *);
int	pthread_rwlock_destroy(pthread_rwlock_t *);
int	pthread_rwlock_rdlock(pthread_rwlock_t *);
int	pthread_rwlock_tryrdlock(pthread_rwlock_t *);
int	pthread_rwlock_wrlock(pthread_rwlock_t *);
int	pthread_rwlock_trywrlock(pthread_rwlock_t *);
int	pthread_rwlock_unlock(pthread_rwlock_t *);
int	pthread_rwlockattr_init(pthread_rwlockattr_t *);
int	pthread_rwlockattr_destroy(pthread_rwlockattr_t *);

int	pthread_spin_init(pthread_spinlock_t *, int);
int	pthread_spin_destroy(pthread_spinlock_t *);
int	pthread_spin_lock(pthread_spinlock_t *);
int	pthread_spin_trylock(pthread_spinlock_t *);
int	pthread_spin_unlock(pthread_spinlock_t *);

#endif /* _PTHREAD_H_ */
