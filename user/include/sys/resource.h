/* sys/resource.h: the kernel's limits and usage, and their calls. */
#ifndef _USER_SYS_RESOURCE_H_
#define _USER_SYS_RESOURCE_H_

#include <sys/types.h>
#include_next <sys/resource.h>

int	getrlimit(int, struct rlimit *);
int	setrlimit(int, const struct rlimit *);
int	getrusage(int, struct rusage *);

#endif /* _USER_SYS_RESOURCE_H_ */
