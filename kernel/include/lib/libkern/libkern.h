/*
 * lib/libkern/libkern.h: the C library pieces the kernel has
 * (kernel/libkern/), with the standard names and meanings.
 */
#ifndef _LIBKERN_H_
#define _LIBKERN_H_

#include <sys/types.h>

void	*memcpy(void *, const void *, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);
int	 memcmp(const void *, const void *, size_t);
size_t	 strlen(const char *);
size_t	 strnlen(const char *, size_t);
int	 strcmp(const char *, const char *);
int	 strncmp(const char *, const char *, size_t);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
size_t	 strlcpy(char *, const char *, size_t);
char	*strstr(const char *, const char *);

#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))
#define howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define roundup(x, y)	(howmany(x, y) * (y))

#endif /* _LIBKERN_H_ */
