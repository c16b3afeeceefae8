/*
 * forkstat: how many forks, vforks, __tforks and kernel threads the
 * kernel has made since boot, and the pages they involved (sysctl
 * kern.forkstat, the seed's counters), with the process and thread
 * counts against their limits.
 */

#include <sys/types.h>
#include <sys/sysctl.h>
#include <sys/vmmeter.h>
#include <errno.h>
#include <stdio.h>

static int
getint(int name)
{
	int mib[2] = { CTL_KERN, name }, v = -1;
	size_t len = sizeof(v);

	sysctl(mib, 2, &v, &len, NULL, 0);
	return v;
}

int
main(void)
{
	int mib[2] = { CTL_KERN, KERN_FORKSTAT };
	struct forkstat fs;
	size_t len = sizeof(fs);

	if (sysctl(mib, 2, &fs, &len, NULL, 0) == -1) {
		dprintf(2, "forkstat: sysctl kern.forkstat: error %d\n", errno);
		return 1;
	}
	printf("forks        %6d  (%d pages)\n", fs.cntfork, fs.sizfork);
	printf("vforks       %6d  (%d pages)\n", fs.cntvfork, fs.sizvfork);
	printf("tforks       %6d\n", fs.cnttfork);
	printf("kthreads     %6d\n", fs.cntkthread);
	printf("processes    %6d of %d\n", getint(KERN_NPROCS),
	    getint(KERN_MAXPROC));
	printf("threads      %6d of %d\n", getint(KERN_NTHREADS),
	    getint(KERN_MAXTHREAD));
	return 0;
}
