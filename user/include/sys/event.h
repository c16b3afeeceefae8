/*
 * sys/event.h: kqueue(2) and kevent(2) (the kernel's sys/event.h: struct
 * kevent, EV_SET, the EV_, EVFILT_ and NOTE_ values, as OpenBSD's).  The
 * stubs come from kernel/syscalls.master.
 */
#ifndef _USER_SYS_EVENT_H_
#define _USER_SYS_EVENT_H_

#include <sys/types.h>
#include <sys/time.h>
#include_next <sys/event.h>

int	kqueue(void);
int	kevent(int, const struct kevent *, int, struct kevent *, int,
	    const struct timespec *);

#endif /* _USER_SYS_EVENT_H_ */
