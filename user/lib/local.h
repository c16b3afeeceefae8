/*
 * user/lib/local.h: what the files of libc share and programs do not see:
 * a FILE's flags, the printf engine's sink, the stdio flushes (exit()'s,
 * fseek's) and the scanf engine's source.
 */
#ifndef _LIBC_LOCAL_H_
#define _LIBC_LOCAL_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* A FILE's _flags (stdio.c). */
#define __SRD	0x0001		/* open for reading */
#define __SWR	0x0002		/* open for writing */
#define __SEOF	0x0004		/* end of file seen */
#define __SERR	0x0008		/* an error seen */
#define __SLBF	0x0010		/* line buffered */
#define __SNBF	0x0020		/* unbuffered */
#define __SMBF	0x0040		/* _buf is ours (malloc), free it */
#define __SUSED	0x0080		/* the slot is taken */
#define __SNPT	0x0100		/* stdout: ask isatty at the first write */
#define __SAPP	0x0200		/* O_APPEND: every write goes at the end */

/* Where __vformat's output goes: put() takes each piece. */
struct sink {
	void	(*put)(struct sink *, const char *, size_t);
	size_t	count;			/* characters made so far */
	void	*arg;			/* the buffer, or the FILE */
	size_t	size, len;		/* a buffer's size and use */
};

int	__vformat(struct sink *, const char *, va_list);
void	__stdio_flushall(void);
int	__stdio_flush(FILE *);
size_t	__stdio_readahead(FILE *);
extern const char *__progname;

#endif /* _LIBC_LOCAL_H_ */
