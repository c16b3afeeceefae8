/*
 * user/lib/fork.c: fork(2) as libc's threads need it.
 *
 * The kernel copies only the calling thread into the child, but the
 * whole address space, other threads' half-done work included.  A lock
 * another thread held at that moment would stay held in the child for
 * ever, so fork takes malloc's lock across the system call (the child's
 * heap is then whole, and the lock is released on both sides) and the
 * child resets every stream lock it does not hold and lets the pthread
 * files forget the other threads (_thread_fork_child_hook).  A process
 * that never made a thread goes straight to the system call.
 */

#include <sys/types.h>
#include <unistd.h>

#include "thread_private.h"

pid_t	__sys_fork(void);

pid_t
fork(void)
{
	pid_t pid;

	if (!__isthreaded)
		return __sys_fork();
	_thread_malloc_lock();
	pid = __sys_fork();
	if (pid == 0) {
		_thread_stdio_fork_child();
		if (_thread_fork_child_hook != NULL)
			_thread_fork_child_hook();
	}
	_thread_malloc_unlock();
	return pid;
}
