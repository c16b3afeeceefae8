/* sys/select.h: select(2) and its descriptor sets (the kernel's). */
#ifndef _USER_SYS_SELECT_H_
#define _USER_SYS_SELECT_H_

#include <sys/types.h>
#include <sys/time.h>
#include_next <sys/select.h>

int	select(int, fd_set *, fd_set *, fd_set *, struct timeval *);

#endif /* _USER_SYS_SELECT_H_ */
