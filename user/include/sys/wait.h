/* sys/wait.h: wait4(2) and the status macros (the kernel's encoding). */
#ifndef _USER_SYS_WAIT_H_
#define _USER_SYS_WAIT_H_

#include <sys/types.h>
#include_next <sys/wait.h>

struct rusage;
pid_t	wait4(pid_t, int *, int, struct rusage *);
pid_t	waitpid(pid_t, int *, int);
pid_t	wait(int *);
pid_t	wait3(int *, int, struct rusage *);

#endif /* _USER_SYS_WAIT_H_ */
