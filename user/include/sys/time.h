/* sys/time.h: the kernel's time types, and the interval timers. */
#ifndef _USER_SYS_TIME_H_
#define _USER_SYS_TIME_H_

#include <sys/types.h>
#include_next <sys/time.h>

int	setitimer(int, const struct itimerval *, struct itimerval *);
int	getitimer(int, struct itimerval *);

#endif /* _USER_SYS_TIME_H_ */
