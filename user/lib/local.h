/*
 * user/lib/local.h: what the files of libc share and programs do not see:
 * the printf engine's sink, and the stdio flush exit() calls.
 */
#ifndef _LIBC_LOCAL_H_
#define _LIBC_LOCAL_H_

#include <stdarg.h>
#include <stddef.h>

/* Where __vformat's output goes: put() takes each piece. */
struct sink {
	void	(*put)(struct sink *, const char *, size_t);
	size_t	count;			/* characters made so far */
	void	*arg;			/* the buffer, or the FILE */
	size_t	size, len;		/* a buffer's size and use */
};

int	__vformat(struct sink *, const char *, va_list);
void	__stdio_flushall(void);
extern const char *__progname;

#endif /* _LIBC_LOCAL_H_ */
