/*
 * sys/resource.h: resource limits (getrlimit(2)), OpenBSD's numbers.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>

#define RLIMIT_CPU	0	/* cpu time in seconds */
#define RLIMIT_FSIZE	1	/* file size */
#define RLIMIT_DATA	2	/* data size */
#define RLIMIT_STACK	3	/* stack size */
#define RLIMIT_CORE	4	/* core file size */
#define RLIMIT_RSS	5	/* resident set size */
#define RLIMIT_MEMLOCK	6	/* locked-in-memory address space */
#define RLIMIT_NPROC	7	/* processes per real user id */
#define RLIMIT_NOFILE	8	/* open files */
#define RLIM_NLIMITS	9

typedef uint64_t rlim_t;
#define RLIM_INFINITY	(((rlim_t)1 << 63) - 1)

struct rlimit {
	rlim_t	rlim_cur;		/* current (soft) limit */
	rlim_t	rlim_max;		/* maximum (hard) limit */
};

#endif /* _SYS_RESOURCE_H_ */
