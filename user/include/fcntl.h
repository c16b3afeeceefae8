/* fcntl.h: open(2) and its flags (the kernel's sys/fcntl.h). */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/types.h>
#include <sys/fcntl.h>

int	open(const char *, int, ...);
int	fcntl(int, int, ...);

#endif /* _FCNTL_H_ */
