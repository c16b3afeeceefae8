/*
 * user/lib/string.c: the rest of <string.h> and <strings.h> (strlen,
 * strchr, strcmp and the mem* first four are in libc.c), strerror and
 * strsignal.
 */

#include <sys/types.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t
strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++)
		if (*a != *b || *a == '\0')
			return (unsigned char)*a - (unsigned char)*b;
	return 0;
}

char *
strcpy(char *dst, const char *src)
{
	char *d = dst;

	while ((*d++ = *src++) != '\0')
		continue;
	return dst;
}

/* Copies at most n bytes; pads with NULs, and leaves dst unterminated if
 * src is n bytes or longer (as the standard has it). */
char *
strncpy(char *dst, const char *src, size_t n)
{
	size_t i;

	for (i = 0; i < n && src[i] != '\0'; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

char *
strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *
strncat(char *dst, const char *src, size_t n)
{
	char *d = dst + strlen(dst);

	for (; n > 0 && *src != '\0'; n--)
		*d++ = *src++;
	*d = '\0';
	return dst;
}

char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (*s == '\0')
			return (char *)last;
	}
}

char *
strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay != '\0' || n == 0; hay++)
		if (strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return NULL;
}

size_t
strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(accept, s[n]) != NULL)
		n++;
	return n;
}

size_t
strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] != '\0' && strchr(reject, s[n]) == NULL)
		n++;
	return n;
}

char *
strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s != '\0' ? (char *)s : NULL;
}

char *
strtok_r(char *s, const char *sep, char **last)
{
	char *tok;

	if (s == NULL && (s = *last) == NULL)
		return NULL;
	s += strspn(s, sep);
	if (*s == '\0') {
		*last = NULL;
		return NULL;
	}
	tok = s;
	s += strcspn(s, sep);
	if (*s != '\0')
		*s++ = '\0';
	*last = s;
	return tok;
}

char *
strtok(char *s, const char *sep)
{
	static char *last;

	return strtok_r(s, sep, &last);
}

char *
strdup(const char *s)
{
	return strndup(s, strlen(s));
}

char *
strndup(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	char *p;

	if ((p = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* strlcpy(3): copy with truncation; the length it tried to make. */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (size > 0) {
		size_t k = n < size - 1 ? n : size - 1;

		memcpy(dst, src, k);
		dst[k] = '\0';
	}
	return n;
}

size_t
strlcat(char *dst, const char *src, size_t size)
{
	size_t d = strnlen(dst, size);

	if (d == size)
		return size + strlen(src);
	return d + strlcpy(dst + d, src, size - d);
}

/* Overlapping copies: backwards when dst is above src. */
void *
memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n-- > 0)
		d[n] = s[n];
	return dst;
}

void *
memchr(const void *p, int c, size_t n)
{
	const unsigned char *s = p;

	for (; n > 0; n--, s++)
		if (*s == (unsigned char)c)
			return (void *)s;
	return NULL;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int
strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

int
strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n > 0; n--, p++, q++)
		if (lower(*p) != lower(*q) || *p == '\0')
			return lower(*p) - lower(*q);
	return 0;
}

/* OpenBSD's wording for each errno of sys/errno.h. */
static const char *const errlist[] = {
	[0] = "Undefined error: 0",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "Device not configured",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EDEADLK] = "Resource deadlock avoided",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device busy",
	[EEXIST] = "File exists",
	[ENODEV] = "Operation not supported by device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Result too large",
	[EAGAIN] = "Resource temporarily unavailable",
	[ETIMEDOUT] = "Operation timed out",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ECANCELED] = "Operation canceled",
	[ENOTSUP] = "Not supported",
	[EILSEQ] = "Illegal byte sequence",
	[EOVERFLOW] = "Value too large to be stored in data type",
};

char *
strerror(int e)
{
	static char unknown[32];

	if (e >= 0 && e < (int)(sizeof(errlist) / sizeof(errlist[0])) &&
	    errlist[e] != NULL)
		return (char *)errlist[e];
	snprintf(unknown, sizeof(unknown), "Unknown error: %d", e);
	return unknown;
}

/* OpenBSD's sys_siglist wording. */
static const char *const siglist[NSIG] = {
	"Signal 0", "Hangup", "Interrupt", "Quit", "Illegal instruction",
	"Trace/BPT trap", "Abort trap", "EMT trap", "Floating point exception",
	"Killed", "Bus error", "Segmentation fault", "Bad system call",
	"Broken pipe", "Alarm clock", "Terminated", "Urgent I/O condition",
	"Suspended (signal)", "Suspended", "Continued", "Child exited",
	"Stopped (tty input)", "Stopped (tty output)", "I/O possible",
	"Cputime limit exceeded", "Filesize limit exceeded",
	"Virtual timer expired", "Profiling timer expired",
	"Window size changes", "Information request",
	"User defined signal 1", "User defined signal 2", "Thread AST",
};

/* OpenBSD's sys_signame: the names without "SIG" (kill -l prints them). */
const char *const sys_signame[NSIG] = {
	"Signal 0", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT", "FPE",
	"KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG", "STOP",
	"TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO", "XCPU", "XFSZ",
	"VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2", "THR",
};

char *
strsignal(int sig)
{
	static char unknown[32];

	if (sig >= 0 && sig < NSIG)
		return (char *)siglist[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal: %d", sig);
	return unknown;
}
