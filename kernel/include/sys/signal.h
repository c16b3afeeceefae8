/*
 * sys/signal.h: signal numbers (OpenBSD's), sigset_t and sigaction.
 * The kernel side (pending signals, actions, psignal) is in
 * sys/signalvar.h.
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/types.h>
#include <sys/siginfo.h>

#define NSIG	33		/* signals 1..32, and 0 for "none" */

#define SIGHUP	1
#define SIGINT	2
#define SIGQUIT	3
#define SIGILL	4
#define SIGTRAP	5
#define SIGABRT	6
#define SIGEMT	7
#define SIGFPE	8
#define SIGKILL	9
#define SIGBUS	10
#define SIGSEGV	11
#define SIGSYS	12
#define SIGPIPE	13
#define SIGALRM	14
#define SIGTERM	15
#define SIGURG	16
#define SIGSTOP	17
#define SIGTSTP	18
#define SIGCONT	19
#define SIGCHLD	20
#define SIGTTIN	21
#define SIGTTOU	22
#define SIGIO	23
#define SIGXCPU	24
#define SIGXFSZ	25
#define SIGVTALRM 26
#define SIGPROF	27
#define SIGWINCH 28
#define SIGINFO	29
#define SIGUSR1	30
#define SIGUSR2	31
#define SIGTHR	32

typedef unsigned int sigset_t;
typedef void (*sig_t)(int);

#define SIG_DFL		((sig_t)0)
#define SIG_IGN		((sig_t)1)
#define SIG_ERR		((sig_t)-1)

#define sigmask(n)	(1U << ((n) - 1))

/* An alternate signal stack, sigaltstack(2). */
typedef struct sigaltstack {
	void	*ss_sp;			/* its base */
	size_t	ss_size;		/* its size */
	int	ss_flags;		/* SS_* */
} stack_t;

#define SS_ONSTACK	0x0001		/* running on it */
#define SS_DISABLE	0x0004		/* disabled */

/*
 * sigaction(2): OpenBSD's layout: the handler (sa_handler, or with
 * SA_SIGINFO sa_sigaction, which also gets a siginfo_t and the signal
 * context), the mask while it runs, the flags.
 */
struct sigaction {
	union {
		void	(*__sa_handler)(int);
		void	(*__sa_sigaction)(int, siginfo_t *, void *);
	} __sigaction_u;		/* SIG_DFL, SIG_IGN or a function */
	sigset_t sa_mask;		/* blocked while it runs */
	int	sa_flags;		/* SA_* */
};
#define sa_handler	__sigaction_u.__sa_handler
#define sa_sigaction	__sigaction_u.__sa_sigaction

#define SA_ONSTACK	0x0001	/* run on the alternate stack */
#define SA_RESTART	0x0002	/* restart an interrupted system call */
#define SA_RESETHAND	0x0004	/* back to SIG_DFL once delivered */
#define SA_NOCLDSTOP	0x0008	/* no SIGCHLD when a child stops */
#define SA_NODEFER	0x0010	/* the signal is not blocked while handled */
#define SA_NOCLDWAIT	0x0020	/* children leave no zombies */
#define SA_SIGINFO	0x0040	/* the handler takes a siginfo */

/* sigprocmask(2)'s how */
#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3


/* sigaltstack(2) ss_flags */
#define SS_ONSTACK	0x0001		/* running on the alternate stack */
#define SS_DISABLE	0x0004		/* no alternate stack */

#endif /* _SYS_SIGNAL_H_ */
