/* stdio.h: printf to standard output, unbuffered (Tine's libc, so far). */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <stddef.h>
#include <stdarg.h>

int	printf(const char *, ...) __attribute__((__format__(__printf__, 1, 2)));
int	dprintf(int, const char *, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vdprintf(int, const char *, va_list);
int	snprintf(char *, size_t, const char *, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	vsnprintf(char *, size_t, const char *, va_list);

#endif /* _STDIO_H_ */
