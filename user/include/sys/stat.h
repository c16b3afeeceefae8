/* sys/stat.h: the kernel's struct stat and S_IS* macros, and the calls. */
#ifndef _USER_SYS_STAT_H_
#define _USER_SYS_STAT_H_

#include <sys/types.h>
#include_next <sys/stat.h>

int	stat(const char *, struct stat *);
int	lstat(const char *, struct stat *);
int	fstat(int, struct stat *);

#endif /* _USER_SYS_STAT_H_ */
