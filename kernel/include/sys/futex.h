/*
 * sys/futex.h: futex(2)'s operations (OpenBSD's values), for the kernel
 * (kernel/sys_futex.c) and for libc.
 */
#ifndef _SYS_FUTEX_H_
#define _SYS_FUTEX_H_

#include <sys/types.h>

#define FUTEX_WAIT		1	/* sleep while *f == val */
#define FUTEX_WAKE		2	/* wake up to val sleepers on f */
#define FUTEX_REQUEUE		3	/* wake some, move others to g */

/* The word is private to the process: no lookup of shared memory. */
#define FUTEX_PRIVATE_FLAG	128

#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE	(FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)

#ifdef _KERNEL
/* The name of a word a thread sleeps on (struct proc's p_futex). */
struct futex {
	const void *ft_owner;		/* the process, or the shared amap;
					 * NULL: not asleep on a futex */
	vaddr_t	ft_off;			/* the address, or the offset in it */
};

struct proc;
void	futex_init(void);
int	futex_wake_all(struct proc *, const volatile void *);
#else
struct timespec;
int	futex(volatile uint32_t *, int, int, const struct timespec *,
	    volatile uint32_t *);
#endif

#endif /* _SYS_FUTEX_H_ */
