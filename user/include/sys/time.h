/* sys/time.h: the kernel's time types, the interval timers, gettimeofday. */
#ifndef _USER_SYS_TIME_H_
#define _USER_SYS_TIME_H_

#include <sys/types.h>
#include_next <sys/time.h>

/* gettimeofday's second argument, obsolete: always UTC, no summer time. */
struct timezone {
	int	tz_minuteswest;		/* minutes west of Greenwich */
	int	tz_dsttime;		/* type of summer time correction */
};

int	setitimer(int, const struct itimerval *, struct itimerval *);
int	getitimer(int, struct itimerval *);
int	gettimeofday(struct timeval *, struct timezone *);

#endif /* _USER_SYS_TIME_H_ */
