/*
 * semaphore.h: POSIX unnamed semaphores (user/lib/rthread_sem.c) over
 * futex(2).  Unlike pthread_*, these return -1 and set errno.
 */
#ifndef _SEMAPHORE_H_
#define _SEMAPHORE_H_

#include <sys/types.h>
#include <stdint.h>
#include <limits.h>

struct timespec;

#define SEM_VALUE_MAX	INT_MAX
#define SEM_FAILED	((sem_t *)0)

typedef struct {
	volatile uint32_t value;	/* the count: sem_wait sleeps at 0 */
	volatile uint32_t waiters;	/* how many may sleep on it */
} sem_t;

int	sem_init(sem_t *, int, unsigned int);
int	sem_destroy(sem_t *);
int	sem_wait(sem_t *);
int	sem_trywait(sem_t *);
int	sem_timedwait(sem_t *, const struct timespec *);
int	sem_post(sem_t *);
int	sem_getvalue(sem_t *, int *);

#endif /* _SEMAPHORE_H_ */
