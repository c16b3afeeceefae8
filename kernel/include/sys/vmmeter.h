/*
 * sys/vmmeter.h: fork statistics (sysctl kern.forkstat), as OpenBSD's.
 * fork1() and thread_fork() count here; uvmexp (uvm/uvm_extern.h) has
 * the matching forks, forks_ppwait and forks_sharevm.
 */
#ifndef _SYS_VMMETER_H_
#define _SYS_VMMETER_H_

#include <sys/types.h>

struct forkstat {
	int	cntfork;	/* fork() calls */
	int	cntvfork;	/* vfork() calls */
	int	cnttfork;	/* thread_fork() calls */
	int	cntkthread;	/* kernel threads created */
	int	sizfork;	/* data + stack pages of fork() children */
	int	sizvfork;	/* and of vfork() children */
	int	sizkthread;
};

extern struct forkstat forkstat;

#endif /* _SYS_VMMETER_H_ */
