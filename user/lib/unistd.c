/*
 * user/lib/unistd.c: the <unistd.h> functions built on system calls:
 * sleep, usleep, pause, getpagesize, sysconf, and the exec family that
 * searches PATH (execvp, execlp) or takes an environment (execle).
 */

#include <sys/types.h>
#include <sys/resource.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define EXEC_ARGMAX	64	/* the arguments execlp and execle take */

/* The seconds left if a signal cut the sleep short. */
unsigned int
sleep(unsigned int secs)
{
	struct timespec ts = { secs, 0 }, left;

	if (nanosleep(&ts, &left) == -1)
		return left.tv_sec + (left.tv_nsec != 0);
	return 0;
}

int
usleep(useconds_t usecs)
{
	struct timespec ts = { usecs / 1000000, (usecs % 1000000) * 1000 };

	return nanosleep(&ts, NULL);
}

/* Wait for a signal, with the signal mask as it is. */
int
pause(void)
{
	sigset_t mask;

	sigprocmask(SIG_BLOCK, NULL, &mask);
	return sigsuspend(&mask);
}

int
getpagesize(void)
{
	return PAGESIZE;
}

long
sysconf(int name)
{
	struct rlimit rl;

	switch (name) {
	case _SC_PAGESIZE:
		return PAGESIZE;
	case _SC_CLK_TCK:
		return CLK_TCK;
	case _SC_OPEN_MAX:
		if (getrlimit(RLIMIT_NOFILE, &rl) == -1)
			return -1;
		return rl.rlim_cur;
	case _SC_ARG_MAX:
		return ARG_MAX;
	default:
		errno = EINVAL;
		return -1;
	}
}

/*
 * execvp: file as it is if it has a '/', else each directory of PATH
 * ("/bin" if PATH is unset) in turn.  Like OpenBSD it goes on past
 * ENOENT and EACCES and reports EACCES if some file was there.
 */
int
execvp(const char *file, char *const argv[])
{
	char path[PATH_MAX];
	const char *dirs, *p;
	size_t len;
	int eacces = 0;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/') != NULL)
		return execve(file, argv, environ);
	if ((dirs = getenv("PATH")) == NULL)
		dirs = "/bin";
	for (p = dirs;; p += len + 1) {
		len = strcspn(p, ":");
		if (len == 0)
			strlcpy(path, file, sizeof(path));	/* "": here */
		else if (len + 1 + strlen(file) < sizeof(path)) {
			memcpy(path, p, len);
			path[len] = '/';
			strlcpy(path + len + 1, file, sizeof(path) - len - 1);
		} else
			goto next;
		execve(path, argv, environ);
		if (errno == EACCES)
			eacces = 1;
		else if (errno != ENOENT && errno != ENOTDIR)
			return -1;
next:
		if (p[len] == '\0')
			break;
	}
	errno = eacces ? EACCES : ENOENT;
	return -1;
}

/* The arguments of an execl-style call as an argv; E2BIG if too many. */
static int
collect(char **argv, const char *arg, va_list *ap)
{
	int n = 0;

	for (; arg != NULL; arg = va_arg(*ap, const char *)) {
		if (n == EXEC_ARGMAX) {
			errno = E2BIG;
			return -1;
		}
		argv[n++] = (char *)arg;
	}
	argv[n] = NULL;
	return n;
}

int
execlp(const char *file, const char *arg, ...)
{
	char *argv[EXEC_ARGMAX + 1];
	va_list ap;
	int n;

	va_start(ap, arg);
	n = collect(argv, arg, &ap);
	va_end(ap);
	if (n == -1)
		return -1;
	return execvp(file, argv);
}

/* execle(path, arg0, ..., NULL, envp) */
int
execle(const char *path, const char *arg, ...)
{
	char *argv[EXEC_ARGMAX + 1], *const *envp;
	va_list ap;
	int n;

	va_start(ap, arg);
	n = collect(argv, arg, &ap);
	envp = n == -1 ? NULL : va_arg(ap, char *const *);
	va_end(ap);
	if (n == -1)
		return -1;
	return execve(path, argv, envp);
}
