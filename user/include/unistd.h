/* unistd.h: Tine's system calls as libc has them (user/lib). */
#ifndef _UNISTD_H_
#define _UNISTD_H_

#include <sys/types.h>
#include <sys/unistd.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

/* sysconf(3) names (OpenBSD's numbers) */
#define _SC_ARG_MAX	1
#define _SC_CLK_TCK	3
#define _SC_OPEN_MAX	5
#define _SC_PAGESIZE	28
#define _SC_PAGE_SIZE	_SC_PAGESIZE

typedef unsigned int useconds_t;

extern char *optarg;
extern int optind, opterr, optopt, optreset;

extern char **environ;

__dead void _exit(int);
pid_t	fork(void);
pid_t	vfork(void);
pid_t	getpid(void);
pid_t	getppid(void);
pid_t	getthrid(void);
uid_t	getuid(void);
uid_t	geteuid(void);
gid_t	getgid(void);
gid_t	getegid(void);
int	setuid(uid_t);
int	setgid(gid_t);
ssize_t	read(int, void *, size_t);
ssize_t	write(int, const void *, size_t);
int	close(int);
int	dup(int);
int	dup2(int, int);
off_t	lseek(int, off_t, int);
pid_t	getpgrp(void);
int	setpgid(pid_t, pid_t);
pid_t	setsid(void);
pid_t	getpgid(pid_t);
pid_t	getsid(pid_t);
int	execve(const char *, char *const *, char *const *);
int	execv(const char *, char *const *);
int	execl(const char *, const char *, ...);
int	execle(const char *, const char *, ...);
int	execlp(const char *, const char *, ...);
int	execvp(const char *, char *const *);
int	getopt(int, char *const *, const char *);
unsigned int sleep(unsigned int);
int	usleep(useconds_t);
int	pause(void);
int	getpagesize(void);
long	sysconf(int);
const char *getprogname(void);
void	setprogname(const char *);
int	sched_yield(void);
int	isatty(int);
int	pipe(int [2]);
unsigned int alarm(unsigned int);
int	reboot(int);
int	brk(void *);
void	*sbrk(int);
int	chdir(const char *);
int	fchdir(int);
char	*getcwd(char *, size_t);
int	__getcwd(char *, size_t);

#endif /* _UNISTD_H_ */
