/* sys/sysctl.h: the kernel's names, and sysctl(2) itself. */
#ifndef _USER_SYS_SYSCTL_H_
#define _USER_SYS_SYSCTL_H_

#include <sys/types.h>
#include_next <sys/sysctl.h>

int	sysctl(const int *, u_int, void *, size_t *, void *, size_t);

#endif /* _USER_SYS_SYSCTL_H_ */
