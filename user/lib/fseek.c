/*
 * user/lib/fseek.c: a stream's position: fseek/fseeko, ftell/ftello,
 * rewind, fgetpos/fsetpos.
 *
 * The stream's position is the descriptor's offset (lseek) less what the
 * stream read ahead and has not handed out yet (its buffer, ungetc's
 * byte), or plus what it holds to write.  A seek writes what waits,
 * forgets what was read ahead, moves the descriptor and clears end of
 * file.  On a pipe or terminal lseek fails with ESPIPE, and so do these.
 * No seek stays inside the buffer: each one costs a read(2) afterwards.
 */

#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "local.h"
#include "thread_private.h"

/*
 * Move fp to offset from whence (SEEK_SET, SEEK_CUR, SEEK_END).
 * => returns 0, or -1 with errno (EINVAL for a bad whence or a negative
 *    result, ESPIPE, EBADF, or a write error of the flush).
 */
/* fseeko with fp's lock held. */
static int
fseeko_locked(FILE *fp, off_t offset, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	if (fp->_wlen > 0 && __stdio_flush(fp) == -1)
		return -1;
	if (whence == SEEK_CUR)
		offset -= __stdio_readahead(fp);
	if (lseek(fp->_fd, offset, whence) == -1)
		return -1;
	fp->_rpos = fp->_rlen = 0;
	fp->_ungot = EOF;
	fp->_flags &= ~__SEOF;
	return 0;
}

int
fseeko(FILE *fp, off_t offset, int whence)
{
	int r;

	if (__isthreaded)
		flockfile(fp);
	r = fseeko_locked(fp, offset, whence);
	if (__isthreaded)
		funlockfile(fp);
	return r;
}

int
fseek(FILE *fp, long offset, int whence)
{
	return fseeko(fp, offset, whence);
}

/*
 * Where the next byte read or written goes.  An append stream writes
 * at the end whatever its offset says, so it writes what waits first.
 * => returns the offset, or -1 with errno (ESPIPE on a pipe).
 */
/* ftello with fp's lock held. */
static off_t
ftello_locked(FILE *fp)
{
	off_t pos;

	if ((fp->_flags & __SAPP) && fp->_wlen > 0 &&
	    __stdio_flush(fp) == -1)
		return -1;
	if ((pos = lseek(fp->_fd, 0, SEEK_CUR)) == -1)
		return -1;
	return pos - (off_t)__stdio_readahead(fp) + (off_t)fp->_wlen;
}

off_t
ftello(FILE *fp)
{
	off_t pos;

	if (__isthreaded)
		flockfile(fp);
	pos = ftello_locked(fp);
	if (__isthreaded)
		funlockfile(fp);
	return pos;
}

/* ftello, EOVERFLOW if the offset does not fit in a long. */
long
ftell(FILE *fp)
{
	off_t pos;

	if ((pos = ftello(fp)) == -1)
		return -1;
	if (pos > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return pos;
}

/* To the start, with the error flag cleared too. */
void
rewind(FILE *fp)
{
	fseeko(fp, 0, SEEK_SET);
	clearerr(fp);
}

/* fpos_t is the offset (there is no multibyte state to keep). */
int
fgetpos(FILE *fp, fpos_t *pos)
{
	return (*pos = ftello(fp)) == -1 ? -1 : 0;
}

int
fsetpos(FILE *fp, const fpos_t *pos)
{
	return fseeko(fp, *pos, SEEK_SET);
}
