/* string.h: the part of it Tine's libc has. */
#ifndef _STRING_H_
#define _STRING_H_

#include <stddef.h>

size_t	strlen(const char *);
int	strcmp(const char *, const char *);
char	*strchr(const char *, int);
int	memcmp(const void *, const void *, size_t);
void	*memcpy(void *, const void *, size_t);
void	*memset(void *, int, size_t);

#endif /* _STRING_H_ */
