/*
 * user/lib/getline.c: getdelim and getline, which read a line of any
 * length into a buffer from malloc that they grow as they go.
 */

#include <sys/types.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "thread_private.h"

#define LINE_START	128	/* the first buffer getdelim allocates */

/* Make *buf (*size bytes) at least want bytes: doubled, from realloc. */
static int
grow(char **buf, size_t *size, size_t want)
{
	size_t n = *size < LINE_START ? LINE_START : *size;
	char *nb;

	while (n < want) {
		if (n > SSIZE_MAX / 2) {
			errno = EOVERFLOW;
			return -1;
		}
		n *= 2;
	}
	if ((nb = realloc(*buf, n)) == NULL)
		return -1;
	*buf = nb;
	*size = n;
	return 0;
}

/*
 * Read from fp up to and including delim, or to end of file, into *buf
 * (of *size bytes; NULL and any size to have one allocated), growing it
 * with realloc and updating *buf and *size.  The text is NUL-terminated
 * and may hold NULs of its own: use the length.
 * => returns the bytes read, delim included; -1 at end of file with
 *    nothing read, on a read error (even after part of a line), EINVAL
 *    (no buf or size), ENOMEM or EOVERFLOW.  The caller frees *buf,
 *    also after -1.
 */
ssize_t
getdelim(char **buf, size_t *size, int delim, FILE *fp)
{
	size_t n = 0;
	int c, olderr = ferror(fp);

	if (buf == NULL || size == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (*buf == NULL)
		*size = 0;
	if (__isthreaded)
		flockfile(fp);		/* the line is read whole */
	for (;;) {
		if (n + 2 > *size && grow(buf, size, n + 2) == -1) {
			if (__isthreaded)
				funlockfile(fp);
			return -1;
		}
		if ((c = getc_unlocked(fp)) == EOF)
			break;
		(*buf)[n++] = c;
		if (c == (unsigned char)delim)
			break;
	}
	if (__isthreaded)
		funlockfile(fp);
	(*buf)[n] = '\0';
	if (n == 0 || (c == EOF && !olderr && ferror(fp)))
		return -1;
	return n;
}

ssize_t
getline(char **buf, size_t *size, FILE *fp)
{
	return getdelim(buf, size, '\n', fp);
}
