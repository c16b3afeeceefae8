/*
 * sys/futex.h: futex(2), OpenBSD's fast user-space wait queue: sleep
 * while a word still holds a value, wake sleepers on a word.  The kernel
 * header gives the operations once it has them; the fallbacks below are
 * the same numbers (OpenBSD's).
 */
#ifndef _USER_SYS_FUTEX_H_
#define _USER_SYS_FUTEX_H_

#include <sys/types.h>
#include <stdint.h>

#if __has_include_next(<sys/futex.h>)
#include_next <sys/futex.h>
#endif

#ifndef FUTEX_WAIT
#define FUTEX_WAIT		1	/* sleep while *f == val */
#define FUTEX_WAKE		2	/* wake up to val sleepers */
#define FUTEX_REQUEUE		3	/* wake some, move the rest */
#define FUTEX_PRIVATE_FLAG	128	/* this process only */
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_REQUEUE_PRIVATE	(FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG)
#endif

struct timespec;

int	futex(volatile uint32_t *, int, int, const struct timespec *,
	    volatile uint32_t *);

#endif /* _USER_SYS_FUTEX_H_ */
