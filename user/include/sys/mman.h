/* sys/mman.h: the kernel's constants, and the memory system calls. */
#ifndef _USER_SYS_MMAN_H_
#define _USER_SYS_MMAN_H_

#include <sys/types.h>
#include_next <sys/mman.h>

void	*mmap(void *, size_t, int, int, int, off_t);
int	munmap(void *, size_t);
int	mprotect(void *, size_t, int);
int	minherit(void *, size_t, int);

#endif /* _USER_SYS_MMAN_H_ */
