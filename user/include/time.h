/* time.h: struct timespec (the kernel's sys/time.h), clocks and sleeps. */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/types.h>
#include <sys/time.h>

int	nanosleep(const struct timespec *, struct timespec *);
int	clock_gettime(clockid_t, struct timespec *);
time_t	time(time_t *);

#endif /* _TIME_H_ */
