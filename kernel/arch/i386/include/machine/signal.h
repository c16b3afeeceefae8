/*
 * machine/signal.h: what a signal handler's frame holds on i386 (OpenBSD's
 * struct sigcontext, in its order): the registers of the interrupted code,
 * which sigreturn(2) puts back, and the mask to restore.
 */
#ifndef _MACHINE_SIGNAL_H_
#define _MACHINE_SIGNAL_H_

#include <sys/siginfo.h>

struct sigcontext {
	int	sc_gs;
	int	sc_fs;
	int	sc_es;
	int	sc_ds;
	int	sc_edi;
	int	sc_esi;
	int	sc_ebp;
	int	sc_ebx;
	int	sc_edx;
	int	sc_ecx;
	int	sc_eax;
	int	sc_eip;
	int	sc_cs;
	int	sc_eflags;
	int	sc_esp;
	int	sc_ss;
	long	sc_cookie;		/* proves the frame is the kernel's */
	int	sc_mask;		/* signal mask to restore */
	int	sc_trapno;
	int	sc_err;
	void	*sc_fpstate;
};

/*
 * The frame sendsig() builds below the interrupted stack pointer; the
 * signal code (sigcode.asm) calls sf_handler(sf_signum, sf_sip, sf_scp)
 * and then sigreturn(sf_scp).
 */
struct sigframe {
	int	sf_signum;
	siginfo_t *sf_sip;		/* &sf_si with SA_SIGINFO, else NULL */
	struct	sigcontext *sf_scp;
	void	(*sf_handler)(int);
	struct	sigcontext sf_sc;
	siginfo_t sf_si;		/* the handler's siginfo */
};

#endif /* _MACHINE_SIGNAL_H_ */
