/* errno.h: the error numbers (the kernel's sys/errno.h) and errno, per thread. */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

/*
 * Errors only libc reports so far (no system call returns them yet),
 * with OpenBSD's numbers: math's domain errors, ftell's offset too big
 * for a long, mktime's year too big for a time_t.
 */
#ifndef EDOM
#define EDOM		33	/* Numerical argument out of domain */
#endif
#ifndef EILSEQ
#define EILSEQ		84	/* Illegal byte sequence */
#endif
#ifndef EOVERFLOW
#define EOVERFLOW	87	/* Value too large to be stored in data type */
#endif

/*
 * errno is per thread: it lives in the thread's TIB, which %gs addresses
 * (<tib.h>), and __errno() finds it there (user/lib/tib.c).
 */
int	*__errno(void);
#define errno	(*__errno())

#endif /* _ERRNO_H_ */
