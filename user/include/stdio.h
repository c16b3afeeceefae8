/*
 * stdio.h: buffered streams over file descriptors (user/lib/stdio.c) and
 * the printf family (user/lib/vfprintf.c).
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#include <sys/cdefs.h>
#include <sys/types.h>
#include <stddef.h>
#include <stdarg.h>

#define EOF		(-1)
#define BUFSIZ		1024
#define FOPEN_MAX	20

#define _IOFBF		0	/* fully buffered */
#define _IOLBF		1	/* line buffered */
#define _IONBF		2	/* unbuffered */

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

typedef off_t	fpos_t;		/* fgetpos: the offset, nothing more */

/* A stream: look at it only through the functions below. */
typedef struct __sFILE {
	int	_fd;
	int	_flags;			/* __S* below */
	unsigned char *_buf;		/* NULL until first used */
	size_t	_bufsize;
	size_t	_rpos, _rlen;		/* reading: next byte, bytes held */
	size_t	_wlen;			/* writing: bytes waiting */
	int	_ungot;			/* ungetc's byte, or EOF */
	unsigned char _nbuf;		/* an unbuffered stream's one byte */
	volatile uint32_t _lock;	/* flockfile: a futex word */
	void	*_lockowner;		/* the holder's TIB */
	int	_lockcount;		/* its recursion depth */
} FILE;

extern FILE __sF[];
#define stdin	(&__sF[0])
#define stdout	(&__sF[1])
#define stderr	(&__sF[2])

FILE	*fopen(const char *, const char *);
FILE	*fdopen(int, const char *);
int	fclose(FILE *);
int	fflush(FILE *);
size_t	fread(void *, size_t, size_t, FILE *);
size_t	fwrite(const void *, size_t, size_t, FILE *);
int	fgetc(FILE *);
int	getc(FILE *);
int	getchar(void);
int	ungetc(int, FILE *);
char	*fgets(char *, int, FILE *);
int	fputc(int, FILE *);
int	putc(int, FILE *);
int	putchar(int);
int	fputs(const char *, FILE *);
int	puts(const char *);
int	feof(FILE *);
int	ferror(FILE *);
void	clearerr(FILE *);
int	fileno(FILE *);
void	flockfile(FILE *);
int	ftrylockfile(FILE *);
void	funlockfile(FILE *);
int	getc_unlocked(FILE *);
int	getchar_unlocked(void);
int	putc_unlocked(int, FILE *);
int	putchar_unlocked(int);
int	setvbuf(FILE *, char *, int, size_t);
void	setbuf(FILE *, char *);
void	perror(const char *);
int	fseek(FILE *, long, int);
int	fseeko(FILE *, off_t, int);
long	ftell(FILE *);
off_t	ftello(FILE *);
void	rewind(FILE *);
int	fgetpos(FILE *, fpos_t *);
int	fsetpos(FILE *, const fpos_t *);
ssize_t	getdelim(char **, size_t *, int, FILE *);
ssize_t	getline(char **, size_t *, FILE *);

int	printf(const char *, ...) __printflike(1, 2);
int	fprintf(FILE *, const char *, ...) __printflike(2, 3);
int	sprintf(char *, const char *, ...) __printflike(2, 3);
int	snprintf(char *, size_t, const char *, ...) __printflike(3, 4);
int	dprintf(int, const char *, ...) __printflike(2, 3);
int	vprintf(const char *, va_list);
int	vfprintf(FILE *, const char *, va_list);
int	vsprintf(char *, const char *, va_list);
int	vsnprintf(char *, size_t, const char *, va_list);
int	vdprintf(int, const char *, va_list);

int	scanf(const char *, ...) __scanflike(1, 2);
int	fscanf(FILE *, const char *, ...) __scanflike(2, 3);
int	sscanf(const char *, const char *, ...) __scanflike(2, 3);
int	vscanf(const char *, va_list);
int	vfscanf(FILE *, const char *, va_list);
int	vsscanf(const char *, const char *, va_list);

#endif /* _STDIO_H_ */
