/*
 * uvm/uvmexp.h: the virtual memory system's counters (sysctl vm.uvmexp),
 * as OpenBSD's <uvm/uvmexp.h>: the kernel keeps them, user programs read
 * them (vmstat-like tools, /bin/cowdemo).
 */
#ifndef _UVM_UVMEXP_H_
#define _UVM_UVMEXP_H_

/* The counters OpenBSD keeps (the fields Tine has); in pages unless said. */
struct uvmexp {
	int	pagesize;	/* PAGE_SIZE */
	int	npages;		/* pages managed by the page allocator */
	int	free;		/* free pages */
	int	wired;		/* pages wired by the kernel (page tables, ...) */
	int	anonpages;	/* pages of anonymous user memory */
	int	kmapent;	/* PORT: pages uvm_km holds (OpenBSD counts
				 * kernel map entries here) */
	int	faults;		/* page faults */
	int	flt_cow;	/* copy-on-write faults that copied a page */
	int	flt_noram;	/* faults that found no free page */
	int	flt_zero;	/* zero-fill faults */
	int	forks;		/* forks */
	int	forks_ppwait;	/* forks where the parent waits (vfork) */
	int	forks_sharevm;	/* forks sharing the vmspace */
	int	swtch;		/* context switches */
};

#endif /* _UVM_UVMEXP_H_ */
