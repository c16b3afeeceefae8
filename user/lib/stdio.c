/*
 * user/lib/stdio.c: buffered streams over file descriptors.
 *
 * A FILE holds one buffer, used for reading or for writing at a time.
 * Writes gather in it until it is full (_IOFBF: files, and stdout when
 * it is not a terminal), until a newline (_IOLBF: stdout on a terminal)
 * or not at all (_IONBF, stderr); fflush() writes what waits.  The
 * buffer lives in the process's memory, so fork() copies whatever has
 * not been flushed: see docs/libc.md for the double output that makes.
 * exit() flushes every stream (__stdio_flushall); _exit() does not.
 * The printf engine is in vfprintf.c, scanf's in scanf.c; seeking is in
 * fseek.c, getline in getline.c.
 *
 * Threads: each FILE has a recursive lock (flockfile), taken by every
 * entry point for the whole call, so one printf's output is never
 * interleaved with another thread's; the *_unlocked functions and the
 * static helpers here assume the caller holds it.  FLOCK costs one load
 * and a branch while the process has a single thread (__isthreaded).
 */

#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "local.h"
#include "thread_private.h"

#define FLOCK(fp)	do { if (__isthreaded) flockfile(fp); } while (0)
#define FUNLOCK(fp)	do { if (__isthreaded) funlockfile(fp); } while (0)

/* Guards the choice of a free slot in __sF (fopen, fdopen). */
static volatile uint32_t sf_lock = _LOCK_INITIALIZER;

static unsigned char stdinbuf[BUFSIZ], stdoutbuf[BUFSIZ];

FILE __sF[FOPEN_MAX] = {
	{ ._fd = 0, ._flags = __SUSED | __SRD, ._buf = stdinbuf,
	    ._bufsize = BUFSIZ, ._ungot = EOF },
	{ ._fd = 1, ._flags = __SUSED | __SWR | __SLBF | __SNPT,
	    ._buf = stdoutbuf,
	    ._bufsize = BUFSIZ, ._ungot = EOF },
	{ ._fd = 2, ._flags = __SUSED | __SWR | __SNBF, ._ungot = EOF },
};

/* The flags open(2) takes for an fopen mode; -1 (EINVAL) if bad. */
static int
mode_flags(const char *mode)
{
	int flags;

	switch (*mode++) {
	case 'r':
		flags = O_RDONLY;
		break;
	case 'w':
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (; *mode != '\0'; mode++) {
		if (*mode == '+')
			flags = (flags & ~O_ACCMODE) | O_RDWR;
		else if (*mode == 'e')
			flags |= O_CLOEXEC;
		else if (*mode == 'x')
			flags |= O_EXCL;
	}
	return flags;
}

/* A free slot set up for fd; NULL (EMFILE) if all are taken. */
static FILE *
stream_new(int fd, int oflags)
{
	FILE *fp;

	_THREAD_LOCK(&sf_lock);
	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++)
		if (!(fp->_flags & __SUSED))
			break;
	if (fp == __sF + FOPEN_MAX) {
		_THREAD_UNLOCK(&sf_lock);
		errno = EMFILE;
		return NULL;
	}
	memset(fp, 0, sizeof(*fp));
	fp->_flags = __SUSED;
	_THREAD_UNLOCK(&sf_lock);
	fp->_fd = fd;
	fp->_ungot = EOF;
	fp->_flags = __SUSED;
	if ((oflags & O_ACCMODE) != O_WRONLY)
		fp->_flags |= __SRD;
	if ((oflags & O_ACCMODE) != O_RDONLY)
		fp->_flags |= __SWR;
	if (oflags & O_APPEND)
		fp->_flags |= __SAPP;
	return fp;
}

FILE *
fopen(const char *path, const char *mode)
{
	FILE *fp;
	int fd, flags;

	if ((flags = mode_flags(mode)) == -1)
		return NULL;
	if ((fd = open(path, flags, 0666)) == -1)
		return NULL;
	if ((fp = stream_new(fd, flags)) == NULL)
		close(fd);
	return fp;
}

FILE *
fdopen(int fd, const char *mode)
{
	int flags;

	if ((flags = mode_flags(mode)) == -1)
		return NULL;
	return stream_new(fd, flags);
}

/* The buffer, made on first use: setvbuf's, or BUFSIZ from malloc. */
static int
stream_buf(FILE *fp)
{
	if (fp->_buf != NULL || (fp->_flags & __SNBF))
		return 0;
	if ((fp->_buf = malloc(BUFSIZ)) == NULL) {
		fp->_flags |= __SNBF;	/* no memory: go on unbuffered */
		return 0;
	}
	fp->_bufsize = BUFSIZ;
	fp->_flags |= __SMBF;
	return 0;
}

/* write(2) all of p, through short writes; -1 and __SERR on error. */
static int
stream_write(FILE *fp, const unsigned char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fp->_fd, p, n)) <= 0) {
			fp->_flags |= __SERR;
			return -1;
		}
		p += w;
		n -= w;
	}
	return 0;
}

/*
 * Write what waits in fp's buffer; a reading stream gives back what it
 * read ahead and what ungetc pushed back (lseek back, so a file's offset
 * is where the reader is; on a pipe or terminal that fails and the bytes
 * are dropped).
 */
static int
stream_flush(FILE *fp)
{
	size_t n = fp->_wlen;

	if (n > 0) {
		fp->_wlen = 0;
		return stream_write(fp, fp->_buf, n);
	}
	if ((n = __stdio_readahead(fp)) > 0)
		lseek(fp->_fd, -(off_t)n, SEEK_CUR);
	fp->_rpos = fp->_rlen = 0;
	fp->_ungot = EOF;
	return 0;
}

/* stream_flush for the other files of libc (fseek.c). */
int
__stdio_flush(FILE *fp)
{
	return stream_flush(fp);
}

/* The bytes a reading stream holds that its reader has not had yet. */
size_t
__stdio_readahead(FILE *fp)
{
	return fp->_rlen - fp->_rpos + (fp->_ungot != EOF);
}

/* Write what waits in every stream, each under its lock (exit, fflush). */
void
__stdio_flushall(void)
{
	FILE *fp;

	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++) {
		if (!(fp->_flags & __SUSED) || fp->_wlen == 0)
			continue;
		FLOCK(fp);
		if (fp->_wlen > 0)
			stream_flush(fp);
		FUNLOCK(fp);
	}
}

int
fflush(FILE *fp)
{
	int r;

	if (fp == NULL) {
		__stdio_flushall();
		return 0;
	}
	if (!(fp->_flags & __SUSED)) {
		errno = EBADF;
		return EOF;
	}
	FLOCK(fp);
	r = stream_flush(fp) == -1 ? EOF : 0;
	FUNLOCK(fp);
	return r;
}

/*
 * Close a stream.  Everything but the lock is cleared, and the slot is
 * free once __SUSED goes; the lock is let go last.
 */
int
fclose(FILE *fp)
{
	int r = 0;

	if (!(fp->_flags & __SUSED)) {
		errno = EBADF;
		return EOF;
	}
	FLOCK(fp);
	if (fp->_wlen > 0 && stream_flush(fp) == -1)
		r = EOF;
	if (close(fp->_fd) == -1)
		r = EOF;
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	memset(fp, 0, offsetof(FILE, _lock));
	FUNLOCK(fp);
	return r;
}

/* ---- stream locks ---- */

/*
 * Take fp's lock, waiting for another thread to let it go; a thread
 * that holds it already goes one deeper (the lock is recursive, so a
 * caller's flockfile and the locking inside printf nest).
 */
void
flockfile(FILE *fp)
{
	struct tib *self = __tib_get();

	if (fp->_lockowner == self) {
		fp->_lockcount++;
		return;
	}
	_thread_lock(&fp->_lock);
	fp->_lockowner = self;
	fp->_lockcount = 1;
}

/* flockfile without the wait: 0 if the lock is now the caller's. */
int
ftrylockfile(FILE *fp)
{
	struct tib *self = __tib_get();

	if (fp->_lockowner == self) {
		fp->_lockcount++;
		return 0;
	}
	if (!_thread_trylock(&fp->_lock))
		return -1;
	fp->_lockowner = self;
	fp->_lockcount = 1;
	return 0;
}

/*
 * One level of fp's lock off; the last lets it go.  A thread that does
 * not hold it changes nothing (a lock taken before the first thread
 * existed, when FLOCK skipped it, ends up here).
 */
void
funlockfile(FILE *fp)
{
	if (fp->_lockowner != __tib_get())
		return;
	if (--fp->_lockcount > 0)
		return;
	fp->_lockowner = NULL;
	_thread_unlock(&fp->_lock);
}

/*
 * In fork()'s child only the calling thread lives on: a lock another
 * thread held would never be let go, so it is reset.  (What that
 * thread was halfway through writing is the child's to lose.)
 */
void
_thread_stdio_fork_child(void)
{
	struct tib *self = __tib_get();
	FILE *fp;

	sf_lock = _LOCK_INITIALIZER;
	for (fp = __sF; fp < __sF + FOPEN_MAX; fp++) {
		if (fp->_lockowner == self)
			continue;
		fp->_lock = _LOCK_INITIALIZER;
		fp->_lockowner = NULL;
		fp->_lockcount = 0;
	}
}

/*
 * stdout's buffering, settled at its first write as OpenBSD's
 * __smakebuf does it: line buffered on a terminal, fully buffered on
 * anything else (a pipe, a file, /dev/null), so that a program whose
 * output another program reads writes it in BUFSIZ pieces.  setvbuf
 * before the first write settles it instead.  isatty's ENOTTY is not
 * the caller's business: errno is kept.
 */
static void
stream_probe(FILE *fp)
{
	int save = errno;

	fp->_flags &= ~__SNPT;
	if (!isatty(fp->_fd))
		fp->_flags &= ~__SLBF;
	errno = save;
}

/*
 * Put n bytes on a writing stream: straight out if unbuffered, else into
 * the buffer, writing it whenever it fills, and at a newline if line
 * buffered.
 */
static int
stream_put(FILE *fp, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t k;

	if (!(fp->_flags & __SWR)) {
		fp->_flags |= __SERR;
		errno = EBADF;
		return -1;
	}
	if (fp->_rlen > 0 || fp->_ungot != EOF)
		stream_flush(fp);		/* from reading to writing */
	stream_buf(fp);
	if (fp->_flags & __SNPT)
		stream_probe(fp);
	if (fp->_flags & __SNBF)
		return stream_write(fp, s, n);
	while (n > 0) {
		k = fp->_bufsize - fp->_wlen;
		if (k > n)
			k = n;
		memcpy(fp->_buf + fp->_wlen, s, k);
		fp->_wlen += k;
		s += k;
		n -= k;
		if (fp->_wlen == fp->_bufsize && stream_flush(fp) == -1)
			return -1;
	}
	if ((fp->_flags & __SLBF) && fp->_wlen > 0 &&
	    memchr(fp->_buf, '\n', fp->_wlen) != NULL)
		return stream_flush(fp);
	return 0;
}

/*
 * Fill a reading stream's buffer.  Reading stdin first writes stdout, so
 * a prompt shows before the program waits for its answer.
 * => returns 0, or EOF at end of file or on error (the flag set).
 */
static int
stream_fill(FILE *fp)
{
	ssize_t n;

	if (!(fp->_flags & __SRD)) {
		fp->_flags |= __SERR;
		errno = EBADF;
		return EOF;
	}
	if (fp->_wlen > 0 && stream_flush(fp) == -1)
		return EOF;
	if (fp == stdin && stdout->_wlen > 0) {
		FLOCK(stdout);
		stream_flush(stdout);
		FUNLOCK(stdout);
	}
	stream_buf(fp);
	if (fp->_flags & __SNBF) {
		fp->_buf = &fp->_nbuf;
		n = read(fp->_fd, fp->_buf, 1);
	} else
		n = read(fp->_fd, fp->_buf, fp->_bufsize);
	if (n <= 0) {
		fp->_flags |= n == 0 ? __SEOF : __SERR;
		return EOF;
	}
	fp->_rpos = 0;
	fp->_rlen = n;
	return 0;
}

/* fgetc with fp's lock held by the caller. */
int
getc_unlocked(FILE *fp)
{
	int c;

	if (fp->_ungot != EOF) {
		c = fp->_ungot;
		fp->_ungot = EOF;
		return c;
	}
	if (fp->_rpos == fp->_rlen && stream_fill(fp) == EOF)
		return EOF;
	return fp->_buf[fp->_rpos++];
}

int
fgetc(FILE *fp)
{
	int c;

	FLOCK(fp);
	c = getc_unlocked(fp);
	FUNLOCK(fp);
	return c;
}

int
getc(FILE *fp)
{
	return fgetc(fp);
}

int
getchar(void)
{
	return fgetc(stdin);
}

int
getchar_unlocked(void)
{
	return getc_unlocked(stdin);
}

/* One byte pushed back; it clears end of file (POSIX). */
int
ungetc(int c, FILE *fp)
{
	FLOCK(fp);
	if (c == EOF || fp->_ungot != EOF) {
		FUNLOCK(fp);
		return EOF;
	}
	fp->_ungot = (unsigned char)c;
	fp->_flags &= ~__SEOF;
	FUNLOCK(fp);
	return (unsigned char)c;
}

char *
fgets(char *buf, int size, FILE *fp)
{
	int c, n = 0;

	if (size <= 0)
		return NULL;
	FLOCK(fp);
	while (n < size - 1 && (c = getc_unlocked(fp)) != EOF) {
		buf[n++] = c;
		if (c == '\n')
			break;
	}
	FUNLOCK(fp);
	if (n == 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

size_t
fread(void *buf, size_t size, size_t nmemb, FILE *fp)
{
	unsigned char *p = buf;
	size_t total, n = 0;
	int c;

	if (size == 0 || nmemb == 0)
		return 0;
	total = size * nmemb;
	FLOCK(fp);
	while (n < total && (c = getc_unlocked(fp)) != EOF)
		p[n++] = c;
	FUNLOCK(fp);
	return n / size;
}

size_t
fwrite(const void *buf, size_t size, size_t nmemb, FILE *fp)
{
	int r;

	if (size == 0 || nmemb == 0)
		return 0;
	FLOCK(fp);
	r = stream_put(fp, buf, size * nmemb);
	FUNLOCK(fp);
	return r == -1 ? 0 : nmemb;
}

/* fputc with fp's lock held by the caller. */
int
putc_unlocked(int c, FILE *fp)
{
	unsigned char b = c;

	return stream_put(fp, &b, 1) == -1 ? EOF : b;
}

int
putchar_unlocked(int c)
{
	return putc_unlocked(c, stdout);
}

int
fputc(int c, FILE *fp)
{
	FLOCK(fp);
	c = putc_unlocked(c, fp);
	FUNLOCK(fp);
	return c;
}

int
putc(int c, FILE *fp)
{
	return fputc(c, fp);
}

int
putchar(int c)
{
	return fputc(c, stdout);
}

int
fputs(const char *s, FILE *fp)
{
	int r;

	FLOCK(fp);
	r = stream_put(fp, s, strlen(s));
	FUNLOCK(fp);
	return r == -1 ? EOF : 0;
}

/* The line and its newline under one lock: no other thread between. */
int
puts(const char *s)
{
	int r;

	FLOCK(stdout);
	r = stream_put(stdout, s, strlen(s));
	if (r == 0)
		r = stream_put(stdout, "\n", 1);
	FUNLOCK(stdout);
	return r == -1 ? EOF : 0;
}

int
feof(FILE *fp)
{
	int r;

	FLOCK(fp);
	r = (fp->_flags & __SEOF) != 0;
	FUNLOCK(fp);
	return r;
}

int
ferror(FILE *fp)
{
	int r;

	FLOCK(fp);
	r = (fp->_flags & __SERR) != 0;
	FUNLOCK(fp);
	return r;
}

void
clearerr(FILE *fp)
{
	FLOCK(fp);
	fp->_flags &= ~(__SEOF | __SERR);
	FUNLOCK(fp);
}

int
fileno(FILE *fp)
{
	return fp->_fd;
}

/*
 * The buffering of a stream, before any I/O on it: buf (size bytes) as
 * the buffer, or one from malloc if buf is NULL.
 */
int
setvbuf(FILE *fp, char *buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return EOF;
	}
	FLOCK(fp);
	stream_flush(fp);
	if (fp->_flags & __SMBF)
		free(fp->_buf);
	fp->_flags &= ~(__SLBF | __SNBF | __SMBF | __SNPT);
	fp->_buf = NULL;
	fp->_bufsize = 0;
	if (mode == _IONBF)
		fp->_flags |= __SNBF;
	else if (mode == _IOLBF)
		fp->_flags |= __SLBF;
	if (mode != _IONBF && buf != NULL && size > 0) {
		fp->_buf = (unsigned char *)buf;
		fp->_bufsize = size;
	}
	FUNLOCK(fp);
	return 0;
}

void
setbuf(FILE *fp, char *buf)
{
	setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}

void
perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}

/* ---- the printf family over the engine (vfprintf.c) ---- */

static void
put_buf(struct sink *s, const char *p, size_t n)
{
	char *buf = s->arg;

	for (; n > 0; n--, p++, s->len++)
		if (s->len + 1 < s->size)
			buf[s->len] = *p;
}

static void
put_file(struct sink *s, const char *p, size_t n)
{
	stream_put(s->arg, p, n);
}

int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { put_buf, 0, buf, size, 0 };
	int n = __vformat(&s, fmt, ap);

	if (size > 0)
		buf[s.len < size ? s.len : size - 1] = '\0';
	return n;
}

int
vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, (size_t)-1 / 2, fmt, ap);
}

int
vfprintf(FILE *fp, const char *fmt, va_list ap)
{
	struct sink s = { put_file, 0, fp, 0, 0 };
	int n, nbf, olderr;
	unsigned char tmp[BUFSIZ];

	FLOCK(fp);
	nbf = fp->_flags & __SNBF;
	olderr = fp->_flags & __SERR;
	/* Unbuffered: gather the call in tmp, so it is one write(2). */
	if (nbf) {
		fp->_flags &= ~__SNBF;
		fp->_buf = tmp;
		fp->_bufsize = sizeof(tmp);
	}
	/* __SERR is sticky (ferror): note whether this call set it. */
	fp->_flags &= ~__SERR;
	n = __vformat(&s, fmt, ap);
	if (nbf) {
		stream_flush(fp);
		fp->_flags |= __SNBF;
		fp->_buf = NULL;
		fp->_bufsize = 0;
	}
	if (fp->_flags & __SERR)
		n = -1;
	fp->_flags |= olderr;
	FUNLOCK(fp);
	return n;
}

int
vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int
vdprintf(int fd, const char *fmt, va_list ap)
{
	FILE f = { ._fd = fd, ._flags = __SUSED | __SWR, ._ungot = EOF };
	unsigned char buf[BUFSIZ];
	int n;

	f._buf = buf;
	f._bufsize = sizeof(buf);
	n = vfprintf(&f, fmt, ap);
	if (stream_flush(&f) == -1)
		return -1;
	return n;
}

#define VA_WRAP(call) do {						\
	va_list ap;							\
	int n;								\
									\
	va_start(ap, fmt);						\
	n = call;							\
	va_end(ap);							\
	return n;							\
} while (0)

int
printf(const char *fmt, ...)
{
	VA_WRAP(vfprintf(stdout, fmt, ap));
}

int
fprintf(FILE *fp, const char *fmt, ...)
{
	VA_WRAP(vfprintf(fp, fmt, ap));
}

int
sprintf(char *buf, const char *fmt, ...)
{
	VA_WRAP(vsprintf(buf, fmt, ap));
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	VA_WRAP(vsnprintf(buf, size, fmt, ap));
}

int
dprintf(int fd, const char *fmt, ...)
{
	VA_WRAP(vdprintf(fd, fmt, ap));
}
