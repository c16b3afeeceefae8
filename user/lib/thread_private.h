/*
 * user/lib/thread_private.h: what libc and its pthread files share about
 * threads and are not for programs: the flag that says a second thread
 * was ever made, libc's own lock (a futex word), and the hooks fork()
 * calls.  The locking macros cost one load and a branch until the first
 * pthread_create sets __isthreaded, as OpenBSD's libc does.
 */
#ifndef _LIBC_THREAD_PRIVATE_H_
#define _LIBC_THREAD_PRIVATE_H_

#include <sys/types.h>
#include <stdint.h>
#include <time.h>
#include <tib.h>

/* Set once by the first pthread_create, never cleared (tib.c). */
extern int __isthreaded;

/*
 * libc's lock: a futex word, 0 free, 1 held, 2 held with sleepers
 * (docs/threads.md draws it); pthread mutexes are built on the same.
 */
#define _LOCK_INITIALIZER	0
void	_thread_lock(volatile uint32_t *);
int	_thread_trylock(volatile uint32_t *);
void	_thread_lock_contended(volatile uint32_t *);
void	_thread_unlock(volatile uint32_t *);
int	__futex(volatile uint32_t *, int, int, const struct timespec *,
	    volatile uint32_t *);
int	_thread_timeout(clockid_t, const struct timespec *,
	    struct timespec *);

#define _THREAD_LOCK(l)		do { if (__isthreaded) _thread_lock(l); } \
				while (0)
#define _THREAD_UNLOCK(l)	do { if (__isthreaded) _thread_unlock(l); } \
				while (0)

/* malloc's one lock (malloc.c), held across fork: the child's heap is whole. */
void	_thread_malloc_lock(void);
void	_thread_malloc_unlock(void);

/* stdio's: every stream's lock, before and after fork (stdio.c). */
void	_thread_stdio_fork_child(void);

/* Set by pthread_create: what the child of fork() must redo (rthread.c). */
extern void (*_thread_fork_child_hook)(void);

#endif /* _LIBC_THREAD_PRIVATE_H_ */
