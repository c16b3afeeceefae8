/* sched.h: sched_yield(2), give the CPU to another thread or process. */
#ifndef _SCHED_H_
#define _SCHED_H_

#include <sys/types.h>

int	sched_yield(void);

#endif /* _SCHED_H_ */
