/*
 * sys/ptrace.h: process tracing, the part fork needs.  The system call
 * and its requests arrive with issue 7.
 */
#ifndef _SYS_PTRACE_H_
#define _SYS_PTRACE_H_

#include <sys/types.h>

#define PTRACE_FORK	0x0002	/* report forks */

typedef struct ptrace_event {
	int	pe_set_event;
} ptrace_event_t;

typedef struct ptrace_state {
	int	pe_report_event;	/* PTRACE_FORK */
	pid_t	pe_other_pid;		/* the other side of the fork */
	pid_t	pe_tid;
} ptrace_state_t;

#endif /* _SYS_PTRACE_H_ */
