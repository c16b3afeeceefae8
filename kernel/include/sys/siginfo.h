/*
 * sys/siginfo.h: what a handler installed with SA_SIGINFO learns about
 * its signal, siginfo_t, in OpenBSD's layout (128 bytes) with its names.
 * The kernel fills si_signo and si_code; a fault's si_addr and si_trapno
 * (trapsignal); a signal sent by kill(2) is SI_USER, with the rest zero,
 * as in OpenBSD.
 */
#ifndef _SYS_SIGINFO_H_
#define _SYS_SIGINFO_H_

#include <sys/types.h>

union sigval {
	int	sival_int;
	void	*sival_ptr;
};

#define SI_MAXSZ	128
#define SI_PAD		((SI_MAXSZ / sizeof(int)) - 3)

typedef struct {
	int	si_signo;		/* the signal */
	int	si_code;		/* why: SI_USER, SEGV_MAPERR ... */
	int	si_errno;
	union {
		int	_pad[SI_PAD];
		struct {		/* kill(2), SIGCHLD */
			pid_t	_pid;
			union {
				struct {
					uid_t	_uid;
					union sigval _value;
				} _kill;
				struct {
					long	_utime;
					int	_status;
					long	_stime;
				} _cld;
			} _pdata;
		} _proc;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void	*_addr;
			int	_trapno;
		} _fault;
	} _data;
} siginfo_t;

#define si_pid		_data._proc._pid
#define si_uid		_data._proc._pdata._kill._uid
#define si_value	_data._proc._pdata._kill._value
#define si_status	_data._proc._pdata._cld._status
#define si_utime	_data._proc._pdata._cld._utime
#define si_stime	_data._proc._pdata._cld._stime
#define si_addr		_data._fault._addr
#define si_trapno	_data._fault._trapno

/* si_code for any signal */
#define SI_USER		0	/* kill(2), raise(3) */
#define SI_NOINFO	32767	/* nothing known */

/* SIGILL */
#define ILL_ILLOPC	1	/* illegal opcode */
#define ILL_PRVOPC	5	/* privileged opcode */
/* SIGFPE */
#define FPE_INTDIV	1	/* integer divide by zero */
#define FPE_INTOVF	2	/* integer overflow */
#define FPE_FLTINV	7	/* invalid floating-point operation */
/* SIGSEGV */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* mapped, but not for that access */
/* SIGBUS */
#define BUS_ADRALN	1	/* bad alignment */
#define BUS_OBJERR	3	/* a fault on a segment or object */
/* SIGTRAP */
#define TRAP_BRKPT	1	/* a breakpoint */
#define TRAP_TRACE	2	/* a single step */

#endif /* _SYS_SIGINFO_H_ */
