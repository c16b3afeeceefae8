/* stdlib.h: the part of it Tine's libc has. */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

__attribute__((__noreturn__)) void exit(int);
int	atoi(const char *);
void	*malloc(size_t);
void	*calloc(size_t, size_t);
void	*realloc(void *, size_t);
void	free(void *);

#endif /* _STDLIB_H_ */
