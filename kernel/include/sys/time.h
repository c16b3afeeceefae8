/* sys/time.h: time values and the kernel's clock functions. */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/types.h>

struct timespec {
	time_t	tv_sec;
	long	tv_nsec;
};

/*
 * A timecounter: a free-running counter at tc_frequency Hz, read by
 * tc_get_timecount.  PORT: OpenBSD's counters are 32-bit and wrap; ours
 * returns 64 bits, counted since boot, so kern_tc.c needs no wrap logic.
 */
struct timecounter {
	uint64_t (*tc_get_timecount)(struct timecounter *);
	uint64_t tc_frequency;
	const char *tc_name;
};

void	tc_init(struct timecounter *);
void	nanouptime(struct timespec *);
uint64_t getnsecuptime(void);

#define TIMESPEC_TO_NSEC(ts)	\
	((uint64_t)(ts)->tv_sec * 1000000000ULL + (ts)->tv_nsec)

#endif /* _SYS_TIME_H_ */
