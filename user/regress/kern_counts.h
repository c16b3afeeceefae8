/*
 * user/regress/kern_counts.h: the kernel's counters as the thread regress
 * programs (tfork, threads, threads-counter) read them.
 */
#ifndef REGRESS_KERN_COUNTS_H
#define REGRESS_KERN_COUNTS_H

#include <sys/types.h>
#include <sys/sysctl.h>
#include <sched.h>

/* kern.NAME, an int; -1 if sysctl fails. */
static inline int
sysctl_int(int name)
{
	int mib[2] = { CTL_KERN, name }, v = -1;
	size_t len = sizeof(v);

	if (sysctl(mib, 2, &v, &len, NULL, 0) == -1)
		return -1;
	return v;
}

/*
 * Does kern.nthreads come back to n?  The reaper frees a thread a little
 * after it switched away for the last time, so give it some turns.
 */
static inline int
nthreads_settles_at(int n)
{
	int i;

	for (i = 0; i < 200 && sysctl_int(KERN_NTHREADS) != n; i++)
		sched_yield();
	return sysctl_int(KERN_NTHREADS) == n;
}

#endif /* REGRESS_KERN_COUNTS_H */
