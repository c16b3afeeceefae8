/*
 * pdb running the tracee: continue, step, next, and what a stop means.
 *
 *   continue  off a breakpoint: one PT_STEP with the int3s out, then
 *             every int3 in, PT_CONTINUE, wait
 *   step      PT_STEP (the trap flag): one instruction, then SIGTRAP
 *   next      step; if that was a call (esp went down by 4 and the word
 *             there returns just past the old eip), run to the return
 *             address at the same stack depth through a temporary
 *             breakpoint
 *
 * A SIGTRAP stop is a breakpoint (eip - 1 is one of ours), the end of a
 * step, or a fork (PT_GET_PROCESS_STATE says PTRACE_FORK: pdb asks the
 * kernel to report forks), which is followed without stopping.  SIGCHLD
 * is handed on at once; another signal is reported and handed to the
 * tracee on the next continue or step, as gdb does.
 */

#include <sys/types.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "pdb.h"

static int pending_sig;		/* to deliver when the tracee resumes */
static pid_t last_fork_child;	/* the fork already handled */

/* Wait for tg.pid to stop or end; 0 and *status, or -1. */
static int
wait_tracee(int *status)
{
	while (waitpid(tg.pid, status, 0) == -1)
		if (errno != EINTR) {
			printf("pdb: waitpid: %s\n", strerror(errno));
			return -1;
		}
	return 0;
}

/*
 * A fork stop: the child (stopped too, reported to us as its tracer)
 * gets the original bytes back, as does the parent, and the side not
 * followed is detached and runs on.
 */
static void
follow_fork(pid_t child)
{
	pid_t parent = tg.pid, other;
	int status;

	last_fork_child = child;
	while (waitpid(child, &status, 0) == -1 && errno == EINTR)
		continue;
	bp_restore(child);		/* its copies of our int3s */
	bp_remove_all(parent);
	printf("[%d] fork -> %d; following the %s\n", (int)parent,
	    (int)child, tg.follow_child ? "child" : "parent");
	other = tg.follow_child ? parent : child;
	if (ptrace(PT_DETACH, other, (caddr_t)1, 0) == -1)
		printf("pdb: PT_DETACH %d: %s\n", (int)other, strerror(errno));
	if (tg.follow_child)
		tg.pid = child;
}

/* Is this SIGTRAP stop a fork not yet seen?  Its child's pid, or 0. */
static pid_t
fork_event(void)
{
	ptrace_state_t st;
	struct reg r;

	if (ptrace(PT_GET_PROCESS_STATE, tg.pid, (caddr_t)&st,
	    sizeof(st)) == 0 && st.pe_report_event == PTRACE_FORK &&
	    st.pe_other_pid != last_fork_child && st.pe_other_pid != 0 &&
	    regs_get(&r) == 0 && !bp_hit(r.r_eip - 1))
		return st.pe_other_pid;
	return 0;
}

/*
 * Stops that are not the user's business, as in gdb: SIGCHLD is handed
 * on at once, and a fork is followed and the run goes on (with req, the
 * request that was running it).  Returns 1 if the tracee was resumed.
 */
static int
pass_through(int status, int req)
{
	pid_t child;

	if (!WIFSTOPPED(status))
		return 0;
	if (WSTOPSIG(status) == SIGCHLD)
		return ptrace(req, tg.pid, (caddr_t)1, SIGCHLD) == 0;
	if (WSTOPSIG(status) != SIGTRAP || req != PT_CONTINUE ||
	    (child = fork_event()) == 0)
		return 0;
	follow_fork(child);
	bp_insert_all(tg.pid);
	return ptrace(PT_CONTINUE, tg.pid, (caddr_t)1, 0) == 0;
}

/* Wait until tg.pid stops for us or ends (resumed with req till then). */
static int
wait_stop(int *status, int req)
{
	do {
		if (wait_tracee(status) == -1)
			return -1;
	} while (pass_through(*status, req));
	return 0;
}

/* What the stop with status means, said; the int3s are out after it. */
void
run_stopped(int status)
{
	struct reg r;
	pid_t child;
	int num, sig;

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (WIFEXITED(status))
			printf("process %d exited with status %d\n",
			    (int)tg.pid, WEXITSTATUS(status));
		else
			printf("process %d killed by %s\n", (int)tg.pid,
			    strsignal(WTERMSIG(status)));
		tg.pid = 0;
		return;
	}
	sig = WSTOPSIG(status);
	if (sig == SIGTRAP && (child = fork_event()) != 0) {
		follow_fork(child);	/* a step over fork: it stops */
		sig = 0;
	}
	if (regs_get(&r) == -1)
		return;
	if (sig == SIGTRAP && (num = bp_hit(r.r_eip - 1)) != 0) {
		r.r_eip--;		/* back onto the instruction */
		(void)regs_set(&r);
		bp_remove_all(tg.pid);
		if (!bp_temporary(num))
			printf("breakpoint %d, ", num);
	} else {
		bp_remove_all(tg.pid);
		if (sig != SIGTRAP && sig != 0) {
			printf("signal %s, ", strsignal(sig));
			pending_sig = sig;
		}
	}
	printf("stopped at ");
	sym_print(r.r_eip);
	printf("\n");
}

/* One instruction, int3s out.  The stop's status, or -1. */
static int
step_once(int *status)
{
	if (ptrace(PT_STEP, tg.pid, (caddr_t)1, pending_sig) == -1) {
		printf("pdb: PT_STEP: %s\n", strerror(errno));
		return -1;
	}
	pending_sig = 0;
	return wait_stop(status, PT_STEP);
}

int
run_step(void)
{
	int status;

	if (step_once(&status) == -1)
		return -1;
	run_stopped(status);
	return 0;
}

int
run_continue(void)
{
	struct reg r;
	int status;

	if (regs_get(&r) == -1)
		return -1;
	if (bp_at(r.r_eip)) {		/* off the breakpoint first */
		if (step_once(&status) == -1)
			return -1;
		if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGTRAP) {
			run_stopped(status);
			return 0;
		}
	}
	bp_insert_all(tg.pid);
	if (ptrace(PT_CONTINUE, tg.pid, (caddr_t)1, pending_sig) == -1) {
		printf("pdb: PT_CONTINUE: %s\n", strerror(errno));
		bp_remove_all(tg.pid);
		return -1;
	}
	pending_sig = 0;
	if (wait_stop(&status, PT_CONTINUE) == -1)
		return -1;
	run_stopped(status);
	return 0;
}

int
run_next(void)
{
	struct reg before, after;
	uint32_t ret;
	int status;

	if (regs_get(&before) == -1 || step_once(&status) == -1)
		return -1;
	if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGTRAP ||
	    regs_get(&after) == -1 || after.r_esp != before.r_esp - 4 ||
	    mem_read(tg.pid, after.r_esp, &ret, sizeof(ret)) == -1 ||
	    ret <= (uint32_t)before.r_eip || ret > (uint32_t)before.r_eip + 7) {
		run_stopped(status);	/* not a call: one step it was */
		return 0;
	}
	if (bp_at(after.r_eip)) {	/* a breakpoint on the callee */
		printf("breakpoint %d, ", bp_add(after.r_eip, 0));
		run_stopped(status);
		return 0;
	}
	if (bp_add(ret, 1) == -1) {
		printf("pdb: no room for next's breakpoint\n");
		run_stopped(status);
		return 0;
	}
	/* Back at ret at the caller's depth (not a recursive call's). */
	do {
		if (run_continue() == -1)
			break;
	} while (tg.pid != 0 && regs_get(&after) == 0 &&
	    after.r_eip == (int)ret && after.r_esp < before.r_esp);
	bp_clear_temporary();
	return 0;
}
