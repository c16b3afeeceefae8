/*
 * user/lib/libc.c: the start of Tine's libc: environ, the string
 * functions programs need first, and the system call wrappers.  stdio is
 * in stdio.c and vfprintf.c, exit() in stdlib.c.  The system call stubs are generated from
 * kernel/syscalls.master (build/gen/user/syscalls.asm).
 */

#include <sys/types.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <fcntl.h>
#include <dirent.h>
#include <tib.h>

#define MAXPATHLEN	1024	/* the kernel's longest path, with its NUL */

char	**environ;

size_t
strlen(const char *s)
{
	size_t n = 0;

	while (s[n] != '\0')
		n++;
	return n;
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (*s == '\0')
			return NULL;
	}
}

int
atoi(const char *s)
{
	int v = 0, neg = 0;

	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

int
strcmp(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n > 0; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

void *
memcpy(void *dst, const void *src, size_t n)
{
	char *d = dst;
	const char *s = src;

	while (n-- > 0)
		*d++ = *s++;
	return dst;
}

void *
memset(void *dst, int c, size_t n)
{
	char *d = dst;

	while (n-- > 0)
		*d++ = c;
	return dst;
}

pid_t
waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t
wait(int *status)
{
	return wait4(WAIT_ANY, status, 0, NULL);
}

pid_t
wait3(int *status, int options, struct rusage *rusage)
{
	return wait4(WAIT_ANY, status, options, rusage);
}

int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execl(path, arg0, ..., NULL): at most 32 arguments (E2BIG beyond). */
int
execl(const char *path, const char *arg, ...)
{
	char *argv[33];
	va_list ap;
	int n = 0;

	va_start(ap, arg);
	for (; arg != NULL; arg = va_arg(ap, const char *)) {
		if (n == 32) {
			va_end(ap);
			errno = E2BIG;
			return -1;
		}
		argv[n++] = (char *)arg;
	}
	va_end(ap);
	argv[n] = NULL;
	return execve(path, argv, environ);
}

/* The system calls libc wraps (generated stubs named __sys_NAME). */
int	__sys_sigprocmask(int, sigset_t);
int	__sys_sigpending(void);
int	__sys_sigsuspend(sigset_t);

int
sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	int old;

	/* The kernel takes the mask by value; no set: just ask. */
	if ((old = __sys_sigprocmask(set ? how : SIG_BLOCK,
	    set ? *set : 0)) == -1)
		return -1;
	if (oset != NULL)
		*oset = old;
	return 0;
}

int
sigpending(sigset_t *set)
{
	*set = __sys_sigpending();
	return 0;
}

int
sigsuspend(const sigset_t *set)
{
	return __sys_sigsuspend(*set);
}

int
raise(int sig)
{
	return thrkill(0, sig, NULL);	/* the calling thread, as POSIX says */
}

sig_t
signal(int sig, sig_t handler)
{
	struct sigaction osa, sa = {
		.sa_handler = handler, .sa_flags = SA_RESTART
	};

	if (sigaction(sig, &sa, &osa) == -1)
		return SIG_ERR;
	return osa.sa_handler;
}

int
sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

int
sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)0;
	return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	*set |= sigmask(sig);
	return 0;
}

int
sigdelset(sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	*set &= ~sigmask(sig);
	return 0;
}

int
sigismember(const sigset_t *set, int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return -1;
	}
	return (*set & sigmask(sig)) != 0;
}

/* alarm(3): SIGALRM in secs seconds; the seconds left of the last one. */
unsigned int
alarm(unsigned int secs)
{
	struct itimerval itv = { { 0, 0 }, { secs, 0 } }, old;

	if (setitimer(ITIMER_REAL, &itv, &old) == -1)
		return 0;
	/* Round up: an alarm still pending is never reported as 0. */
	return old.it_value.tv_sec + (old.it_value.tv_usec != 0);
}

/*
 * getcwd(3) over __getcwd(2): into buf (size bytes), or, when buf is
 * NULL, into a buffer it allocates (size bytes, or MAXPATHLEN if size
 * is 0) for the caller to free.  EINVAL for size 0 with a buffer,
 * ERANGE when the path does not fit.
 */
char *
getcwd(char *buf, size_t size)
{
	char *p = buf;

	if (buf != NULL && size == 0) {
		errno = EINVAL;
		return NULL;
	}
	if (buf == NULL) {
		if (size == 0)
			size = MAXPATHLEN;
		if ((p = malloc(size)) == NULL)
			return NULL;
	}
	if (__getcwd(p, size) == -1) {
		if (buf == NULL)
			free(p);
		return NULL;
	}
	return p;
}

/* opendir(3): the directory path, open for readdir(); NULL and errno. */
DIR *
opendir(const char *path)
{
	DIR *dirp;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if ((dirp = malloc(sizeof(*dirp))) == NULL ||
	    (dirp->dd_buf = malloc(DIRBLKSIZ)) == NULL) {
		free(dirp);
		close(fd);
		return NULL;
	}
	dirp->dd_fd = fd;
	dirp->dd_loc = dirp->dd_size = 0;
	return dirp;
}

/*
 * readdir(3): the next entry, or NULL at the end (errno untouched) or
 * on an error (errno set, by getdents: ENOTDIR for a file).
 */
struct dirent *
readdir(DIR *dirp)
{
	struct dirent *dp;

	if (dirp->dd_loc >= dirp->dd_size) {
		dirp->dd_size = getdents(dirp->dd_fd, dirp->dd_buf,
		    DIRBLKSIZ);
		dirp->dd_loc = 0;
		if (dirp->dd_size <= 0)
			return NULL;
	}
	dp = (struct dirent *)(dirp->dd_buf + dirp->dd_loc);
	dirp->dd_loc += dp->d_reclen;
	return dp;
}

/* rewinddir(3): start again from the first entry. */
void
rewinddir(DIR *dirp)
{
	lseek(dirp->dd_fd, 0, SEEK_SET);
	dirp->dd_loc = dirp->dd_size = 0;
}

int
closedir(DIR *dirp)
{
	int fd = dirp->dd_fd;

	free(dirp->dd_buf);
	free(dirp);
	return close(fd);
}

int
dirfd(DIR *dirp)
{
	return dirp->dd_fd;
}
