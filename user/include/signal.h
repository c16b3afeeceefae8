/* signal.h: signal numbers (the kernel's sys/signal.h) and kill(2). */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/types.h>
#include <sys/signal.h>

typedef int sig_atomic_t;	/* read and written in one instruction */

extern const char *const sys_signame[NSIG];	/* "HUP", "INT", ... */

int	kill(pid_t, int);
int	raise(int);
int	sigaction(int, const struct sigaction *, struct sigaction *);
int	sigprocmask(int, const sigset_t *, sigset_t *);
int	sigpending(sigset_t *);
int	sigsuspend(const sigset_t *);
sig_t	signal(int, sig_t);

int	sigemptyset(sigset_t *);
int	sigfillset(sigset_t *);
int	sigaddset(sigset_t *, int);
int	sigdelset(sigset_t *, int);
int	sigismember(const sigset_t *, int);

#endif /* _SIGNAL_H_ */
