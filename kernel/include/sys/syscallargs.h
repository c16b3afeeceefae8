/*
 * sys/syscallargs.h: the argument structures of system calls.
 * FIXME: generated from syscalls.master in issue 6; written by hand for
 * the calls that exist so far.
 */
#ifndef _SYS_SYSCALLARGS_H_
#define _SYS_SYSCALLARGS_H_

#include <sys/types.h>

/*
 * A system call's arguments are 32-bit words copied from the user stack;
 * syscallarg() wraps each in a union so a narrower type still sits in a
 * word of its own.
 */
#define syscallarg(x)							\
	union {								\
		register_t pad;						\
		x datum;						\
	}
#define SCARG(p, k)	((p)->k.datum)

struct __tfork;

struct sys___tfork_args {
	syscallarg(const struct __tfork *) param;
	syscallarg(size_t) psize;
};

/* What a new thread gets: its TCB, where to store its tid, its stack. */
struct __tfork {
	void	*tf_tcb;
	pid_t	*tf_tid;
	void	*tf_stack;
};

struct proc;
int	sys_fork(struct proc *, void *, register_t *);
int	sys_vfork(struct proc *, void *, register_t *);
int	sys___tfork(struct proc *, void *, register_t *);

#endif /* _SYS_SYSCALLARGS_H_ */
