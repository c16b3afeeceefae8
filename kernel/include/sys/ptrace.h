/*
 * sys/ptrace.h: process tracing, ptrace(2), with OpenBSD's request
 * numbers and structures (sys/sys/ptrace.h) so that a program written
 * for OpenBSD's ptrace(2) builds against Tine's libc unchanged.  The
 * i386 requests (PT_STEP, PT_GETREGS ...) are in <machine/ptrace.h>,
 * the register layouts in <machine/reg.h>.  kernel/sys_process.c is the
 * system call; docs/ptrace.md tells the story.
 */
#ifndef _SYS_PTRACE_H_
#define _SYS_PTRACE_H_

#include <sys/types.h>
#include <machine/ptrace.h>

#define PT_TRACE_ME		0	/* the parent traces the caller */
#define PT_READ_I		1	/* read an int of text */
#define PT_READ_D		2	/* read an int of data */
#define PT_WRITE_I		4	/* write an int of text */
#define PT_WRITE_D		5	/* write an int of data */
#define PT_CONTINUE		7	/* resume, data = signal to deliver */
#define PT_KILL			8	/* resume with SIGKILL */
#define PT_ATTACH		9	/* trace a running process */
#define PT_DETACH		10	/* stop tracing it */
#define PT_IO			11	/* move a range, struct ptrace_io_desc */
#define PT_SET_EVENT_MASK	12	/* ptrace_event_t: what to report */
#define PT_GET_EVENT_MASK	13
#define PT_GET_PROCESS_STATE	14	/* ptrace_state_t: what was reported */
#define PT_GET_THREAD_FIRST	15	/* struct ptrace_thread_state */
#define PT_GET_THREAD_NEXT	16

#define PT_FIRSTMACH		32	/* the machine's requests from here */

/* PT_IO: piod_len bytes between the tracee's piod_offs and our piod_addr. */
struct ptrace_io_desc {
	int	piod_op;	/* PIOD_* */
	void	*piod_offs;	/* address in the traced process */
	void	*piod_addr;	/* buffer in the tracer */
	size_t	piod_len;	/* in: bytes to move; out: bytes moved */
};

#define PIOD_READ_D	1	/* read from data space */
#define PIOD_WRITE_D	2	/* write to data space */
#define PIOD_READ_I	3	/* read from instruction space */
#define PIOD_WRITE_I	4	/* write to instruction space */
#define PIOD_READ_AUXV	5	/* the ELF aux vector (not in Tine: EINVAL) */

/* PT_SET_EVENT_MASK / PT_GET_EVENT_MASK */
typedef struct ptrace_event {
	int	pe_set_event;
} ptrace_event_t;

#define PTRACE_FORK	0x0002	/* report forks */

/* PT_GET_PROCESS_STATE: the last event reported. */
typedef struct ptrace_state {
	int	pe_report_event;	/* PTRACE_FORK */
	pid_t	pe_other_pid;		/* the other side of the fork */
	pid_t	pe_tid;			/* the thread that stopped */
} ptrace_state_t;

/* PT_GET_THREAD_FIRST / PT_GET_THREAD_NEXT */
struct ptrace_thread_state {
	pid_t	pts_tid;		/* thread id, -1 after the last */
};

#ifdef _KERNEL
struct proc;
struct process;
struct reg;
struct fpreg;

/* kernel/sys_process.c */
int	process_domem(struct proc *, struct process *, vaddr_t, void *,
	    size_t, int, size_t *);

/* the machine's part (kernel/arch/i386/process_machdep.c) */
int	process_read_regs(struct proc *, struct reg *);
int	process_write_regs(struct proc *, struct reg *);
int	process_read_fpregs(struct proc *, struct fpreg *);
int	process_write_fpregs(struct proc *, struct fpreg *);
int	process_sstep(struct proc *, int);
int	process_set_pc(struct proc *, caddr_t);
#endif

#endif /* _SYS_PTRACE_H_ */
