/* errno.h: the error numbers (the kernel's sys/errno.h) and errno. */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

extern int errno;

#endif /* _ERRNO_H_ */
