/* sys/ptrace.h: the kernel's requests and structures, and ptrace(2). */
#ifndef _USER_SYS_PTRACE_H_
#define _USER_SYS_PTRACE_H_

#include <sys/types.h>
#include_next <sys/ptrace.h>

int	ptrace(int, pid_t, caddr_t, int);

#endif /* _USER_SYS_PTRACE_H_ */
