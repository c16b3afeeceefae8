/*
 * sys/signalvar.h: the kernel's signal state, OpenBSD's names.
 *
 * For now (issue 5) a signal is made pending on the thread and an
 * interruptible sleeper is woken; delivery to user mode, default actions
 * and sigaction(2) arrive with user space (issue 6).
 */
#ifndef _SYS_SIGNALVAR_H_
#define _SYS_SIGNALVAR_H_

#include <sys/signal.h>

struct proc;
struct process;
struct pgrp;
struct sigaltstack;

/* A process's signal actions; threads share them through the process. */
struct sigacts {
	sig_t	ps_sigact[NSIG];	/* disposition of each signal */
	sigset_t ps_catchmask[NSIG];	/* mask while each is handled */
	sigset_t ps_sigonstack;		/* run on the alternate stack */
	sigset_t ps_sigintr;		/* interrupt system calls */
	sigset_t ps_sigreset;		/* reset to SIG_DFL when caught */
	sigset_t ps_siginfo;		/* want siginfo */
	sigset_t ps_sigignore;		/* ignored */
	sigset_t ps_sigcatch;		/* caught */
	int	ps_sigflags;		/* SAS_* */
};

/* ps_sigflags */
#define SAS_NOCLDSTOP	0x01	/* no SIGCHLD when a child stops */
#define SAS_NOCLDWAIT	0x02	/* children do not become zombies */

/* Signals that stop a process, and those that ignore by default. */
#define stopsigmask	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			    sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define sigcantmask	(sigmask(SIGKILL) | sigmask(SIGSTOP))
/* The stop signals of a terminal (upstream's SA_TTYSTOP). */
#define ttystopsigmask	(sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
			    sigmask(SIGTTOU))

struct sigacts *sigactsinit(struct process *);
void	sigactsfree(struct sigacts *);
void	siginit(struct sigacts *);
/* Whom a signal is for: one thread, or its process (any thread). */
enum signal_type { STHREAD, SPROCESS };
void	ptsignal(struct proc *, int, enum signal_type);
void	psignal(struct proc *, int);
int	sig_default_kill(struct proc *);
int	sig_next_caught(struct proc *);
int	sig_stop_check(struct proc *);
int	sig_ptrace_check(struct proc *);
int	proc_trap(struct proc *, int);
int	trapsignal(struct proc *, int, u_long, int, union sigval);
void	proc_continue(struct process *, int);
void	postsig(struct proc *, int);
void	execsigs(struct process *);
int	sig_sleep_error(struct proc *);
void	sendsig(struct proc *, int, sigset_t, sig_t, const siginfo_t *);
void	prsignal(struct process *, int);
void	pgsignal(struct pgrp *, int, int);
void	sigstkinit(struct sigaltstack *);
void	sig_init(void);
extern struct pool sigacts_pool;

#endif /* _SYS_SIGNALVAR_H_ */
