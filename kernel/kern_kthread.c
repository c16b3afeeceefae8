/*
 * kernel/kern_kthread.c: kernel threads, kthread(9).
 *
 * A kernel thread is a process of its own that shares the kernel's
 * address space and descriptor table with process0, is never a zombie
 * (the reaper frees it), and is marked a system process: fork1() with
 * FORK_SHAREVM | FORK_SHAREFILES | FORK_NOZOMBIE | FORK_SYSTEM, as in
 * OpenBSD.  So every kernel thread runs the seed's fork1() path.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <lib/libkern/libkern.h>

/*
 * Start func(arg) as a new kernel thread called name; *newpp (if not
 * NULL) gets its thread.  Returns fork1's error: EAGAIN at the process or
 * thread limits, ENOMEM without memory for a kernel stack.
 */
int
kthread_create(void (*func)(void *), void *arg, struct proc **newpp,
    const char *name)
{
	struct proc *p;
	int error;

	KERNEL_LOCK();
	error = fork1(&proc0, FORK_SHAREVM | FORK_SHAREFILES |
	    FORK_NOZOMBIE | FORK_SYSTEM, func, arg, NULL, &p);
	KERNEL_UNLOCK();
	if (error)
		return error;

	/* Name it as specified. */
	strlcpy(p->p_p->ps_comm, name, sizeof(p->p_p->ps_comm));
	proc_set_name(p, name);
	if (newpp != NULL)
		*newpp = p;
	return 0;
}

/* End the running kernel thread.  => never returns. */
void
kthread_exit(int ecode)
{
	if (ecode != 0)
		printf("WARNING: thread `%s' (%d) exits with status %d\n",
		    curproc->p_p->ps_comm, curproc->p_tid, ecode);
	exit1(curproc, ecode, 0, EXIT_NORMAL);
}
