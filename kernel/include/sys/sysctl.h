/*
 * sys/sysctl.h: sysctl(2) names, OpenBSD's numbers for the ones Tine has
 * (kern_sysctl.c), and struct kinfo_proc.
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <sys/types.h>

#define CTL_MAXNAME	12	/* the longest name */

#define CTL_KERN	1	/* the kernel: processes, limits */
#define CTL_VM		2	/* virtual memory */
#define CTL_HW		6	/* the machine */

#define KERN_OSTYPE	1	/* string: "Tine" */
#define KERN_OSRELEASE	2	/* string: its version */
#define KERN_MAXPROC	6	/* int: maxprocess */
#define KERN_MAXFILES	7	/* int: maxfiles */
#define KERN_ARGMAX	8	/* int: the largest argv + envp for exec */
#define KERN_MAXTHREAD	25	/* int: maxthread */
#define KERN_NTHREADS	26	/* int: threads now */
#define KERN_FORKSTAT	42	/* struct forkstat */
#define KERN_NPROCS	47	/* int: processes now */
#define KERN_POOL	49	/* the pools: KERN_POOL_* below */
#define KERN_NFILES	56	/* int: open files now */
#define KERN_PROC	66	/* struct kinfo_proc[]: the processes */

/* KERN_PROC's operations: name = { KERN_PROC, op, arg, size, count } */
#define KERN_PROC_ALL		0	/* all but kernel threads */
#define KERN_PROC_PID		1	/* process arg */
#define KERN_PROC_KTHREAD	7	/* all, kernel threads too */
#define KERN_PROC_SHOW_THREADS	0x40000000	/* a record per thread */

/* KERN_POOL's names: { KERN_POOL, KERN_POOL_NPOOLS } and so on. */
#define KERN_POOL_NPOOLS	1	/* int: how many pools */
#define KERN_POOL_NAME		2	/* + serial: string, its name */
#define KERN_POOL_POOL		3	/* + serial: struct kinfo_pool */

/* One pool's figures (pool(9)), OpenBSD's layout and names. */
struct kinfo_pool {
	unsigned int	pr_size;	/* item size */
	unsigned int	pr_pgsize;	/* its pages' size */
	unsigned int	pr_itemsperpage;
	unsigned int	pr_minpages;	/* idle pages kept at least */
	unsigned int	pr_maxpages;	/* idle pages kept at most */
	unsigned int	pr_hardlimit;	/* items out at most */
	unsigned int	pr_npages;	/* pages held now */
	unsigned int	pr_nout;	/* items handed out now */
	unsigned int	pr_nitems;	/* free items in the pages */
	unsigned long	pr_nget;	/* successful pool_get()s */
	unsigned long	pr_nput;	/* pool_put()s */
	unsigned long	pr_nfail;	/* pool_get()s that failed */
	unsigned long	pr_npagealloc;	/* pages ever allocated */
	unsigned long	pr_npagefree;	/* pages ever given back */
	unsigned int	pr_hiwat;	/* the most pages held at once */
	unsigned long	pr_nidle;	/* pages with no item out */
};

#define HW_MACHINE	1	/* string: "i386" */
#define HW_NCPU		3	/* int: CPUs */
#define HW_PHYSMEM	5	/* int: bytes of RAM (at most 2 GiB) */
#define HW_PHYSMEM64	19	/* int64_t: bytes of RAM */

#define VM_UVMEXP	4	/* struct uvmexp */

/*
 * One process (or, with KERN_PROC_SHOW_THREADS, one thread) as ps sees
 * it.  PORT: OpenBSD's struct kinfo_proc has some 90 fields in a fixed
 * 64-bit layout; Tine's has the ones its tools use, with OpenBSD's names.
 */
#define KI_MAXCOMLEN	24
#define KI_WMESGLEN	8

struct kinfo_proc {
	int32_t	p_pid;			/* process id */
	int32_t	p_tid;			/* thread id (-1: the process) */
	int32_t	p_ppid;			/* parent's */
	int32_t	p__pgid;		/* process group */
	int32_t	p_sid;			/* session (its leader's pid) */
	uint32_t p_uid, p_ruid;		/* effective and real user */
	uint32_t p_gid, p_rgid;		/* and group */
	int32_t	p_flag;			/* the thread's P_* */
	int32_t	p_psflags;		/* the process's PS_* */
	int8_t	p_stat;			/* SRUN, SSLEEP ... */
	uint8_t	p_priority;		/* where it runs or sleeps */
	uint8_t	p_usrpri;		/* its user priority */
	uint8_t	p_nice;
	uint32_t p_estcpu;
	uint32_t p_pctcpu;		/* fixed point, FSCALE 2048 */
	uint32_t p_rtime_sec;		/* run time */
	uint32_t p_rtime_usec;
	uint32_t p_ustart_sec;		/* started, seconds since boot */
	int32_t	p_vm_tsize, p_vm_dsize, p_vm_ssize;	/* pages */
	char	p_comm[KI_MAXCOMLEN];
	char	p_wmesg[KI_WMESGLEN];	/* what it sleeps on */
};

#ifdef _KERNEL
struct proc;
int	sysctl_rdint(void *, size_t *, int);
int	sysctl_rdstruct(void *, size_t *, const void *, size_t);
int	sysctl_rdstring(void *, size_t *, const char *);
#endif

#endif /* _SYS_SYSCTL_H_ */
