/*
 * user/lib/rthread.h: libc's view of a thread (struct pthread), shared
 * by the rthread*.c files.  The names follow OpenBSD's librthread
 * (rthread.h), whose design this follows: a struct per thread, its TIB
 * beside it, a stack from mmap with a guard page, and a reaper list for
 * the stacks of detached threads.
 */
#ifndef _LIBC_RTHREAD_H_
#define _LIBC_RTHREAD_H_

#include <sys/types.h>
#include <pthread.h>
#include <stdint.h>
#include <tib.h>

#include "thread_private.h"

#define RTHREAD_STACK_SIZE_DEF	(256 * 1024)
#define RTHREAD_GUARD		4096		/* one unmapped page below */

/* t_flags */
#define THREAD_DETACHED		0x01	/* nobody will join it */
#define THREAD_EXITING		0x02	/* in pthread_exit, or past it */
#define THREAD_JOINING		0x04	/* a join waits for it */

/* A thread-specific value, valid while t_gen matches its key's. */
struct rthread_specific {
	unsigned int	 gen;
	const void	*value;
};

struct pthread {
	struct tib	*t_tib;		/* its TIB: t_tibstore, or __main_tib */
	struct tib	 t_tibstore;
	void		*(*t_fn)(void *);
	void		*t_arg;
	void		*t_retval;	/* pthread_exit's, for join */
	int		 t_flags;	/* THREAD_*, under _thread_list_lock */
	char		*t_stack;	/* the mapping, guard page included */
	size_t		 t_stacklen;
	struct pthread	*t_next;	/* on the live list, or the reaper's */
	struct rthread_specific t_specific[PTHREAD_KEYS_MAX];
};

extern volatile uint32_t _thread_list_lock;

struct pthread *_rthread_init_main(void);
void	_rthread_tls_destructors(struct pthread *);
void	_rthread_free(struct pthread *);

#endif /* _LIBC_RTHREAD_H_ */
