/* string.h: the C string and memory functions (user/lib/string.c). */
#ifndef _STRING_H_
#define _STRING_H_

#include <stddef.h>
#include <strings.h>

size_t	strlen(const char *);
size_t	strnlen(const char *, size_t);
int	strcmp(const char *, const char *);
int	strncmp(const char *, const char *, size_t);
char	*strcpy(char *, const char *);
char	*strncpy(char *, const char *, size_t);
char	*strcat(char *, const char *);
char	*strncat(char *, const char *, size_t);
char	*strchr(const char *, int);
char	*strrchr(const char *, int);
char	*strstr(const char *, const char *);
size_t	strspn(const char *, const char *);
size_t	strcspn(const char *, const char *);
char	*strpbrk(const char *, const char *);
char	*strtok(char *, const char *);
char	*strtok_r(char *, const char *, char **);
char	*strdup(const char *);
char	*strndup(const char *, size_t);
size_t	strlcpy(char *, const char *, size_t);
size_t	strlcat(char *, const char *, size_t);
char	*strerror(int);
char	*strsignal(int);
int	memcmp(const void *, const void *, size_t);
void	*memcpy(void *, const void *, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);
void	*memchr(const void *, int, size_t);

#endif /* _STRING_H_ */
