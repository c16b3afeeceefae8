/*
 * user/lib/rthread_sig.c: signals and threads.  pthread_kill directs a
 * signal at one thread (thrkill(2), naming its TIB as well, so a tid
 * reused by a newer thread is not hit); pthread_sigmask is
 * sigprocmask, which in Tine's kernel (as in OpenBSD's) already changes
 * only the calling thread's mask.  Both return an error number.
 */

#include <sys/types.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>

#include "rthread.h"

/* => returns 0, ESRCH (t has exited), or EINVAL (a bad signal). */
int
pthread_kill(pthread_t t, int sig)
{
	int saved = errno, r = 0;
	pid_t tid = t->t_tib->tib_tid;

	if (tid == 0)
		return ESRCH;
	if (thrkill(tid, sig, t->t_tib) == -1)
		r = errno;
	errno = saved;
	return r;
}

int
pthread_sigmask(int how, const sigset_t *set, sigset_t *oset)
{
	int saved = errno, r = 0;

	if (sigprocmask(how, set, oset) == -1)
		r = errno;
	errno = saved;
	return r;
}
