/*
 * sys/resource.h: resource limits (getrlimit(2)), OpenBSD's numbers.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>
#include <sys/time.h>

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

/*
 * Resource usage, getrusage(2) and wait4(2): OpenBSD's layout.  Tine
 * keeps the times, the page faults (ru_minflt; nothing is ever read from
 * a disk, so ru_majflt stays 0), the signals delivered and the context
 * switches; the rest are 0, as on a system without those things.
 */
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

struct rusage {
	struct timeval ru_utime;	/* user time used */
	struct timeval ru_stime;	/* system time used */
	long	ru_maxrss;		/* max resident set size (KiB) */
	long	ru_ixrss;		/* integral shared text memory size */
	long	ru_idrss;		/* integral unshared data size */
	long	ru_isrss;		/* integral unshared stack size */
	long	ru_minflt;		/* page faults resolved without I/O */
	long	ru_majflt;		/* page faults needing I/O */
	long	ru_nswap;		/* swaps */
	long	ru_inblock;		/* block input operations */
	long	ru_oublock;		/* block output operations */
	long	ru_msgsnd;		/* messages sent */
	long	ru_msgrcv;		/* messages received */
	long	ru_nsignals;		/* signals received */
	long	ru_nvcsw;		/* voluntary context switches */
	long	ru_nivcsw;		/* involuntary context switches */
};

#endif /* _SYS_RESOURCE_H_ */
