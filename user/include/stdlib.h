/* stdlib.h: exit, memory, numbers, the environment (user/lib/stdlib.c). */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#include <sys/cdefs.h>
#include <stddef.h>
#include <stdint.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

__dead void exit(int);
__dead void _Exit(int);
__dead void abort(void);
int	atexit(void (*)(void));

void	*malloc(size_t);
void	*calloc(size_t, size_t);
void	*realloc(void *, size_t);
void	*reallocarray(void *, size_t, size_t);
void	free(void *);

int	abs(int);
long	labs(long);
long long llabs(long long);
div_t	div(int, int);
ldiv_t	ldiv(long, long);
lldiv_t	lldiv(long long, long long);
int	atoi(const char *);
long	atol(const char *);
long long atoll(const char *);
long	strtol(const char *, char **, int);
unsigned long strtoul(const char *, char **, int);
long long strtoll(const char *, char **, int);
unsigned long long strtoull(const char *, char **, int);
long long strtonum(const char *, long long, long long, const char **);
double	strtod(const char *, char **);
float	strtof(const char *, char **);
long double strtold(const char *, char **);
double	atof(const char *);

char	*getenv(const char *);
int	setenv(const char *, const char *, int);
int	unsetenv(const char *);

void	qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	*bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));

int	rand(void);
int	rand_r(unsigned int *);
void	srand(unsigned int);
uint32_t arc4random(void);
uint32_t arc4random_uniform(uint32_t);
void	arc4random_buf(void *, size_t);

#endif /* _STDLIB_H_ */
