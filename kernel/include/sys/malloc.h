/*
 * sys/malloc.h: the kernel memory allocator, malloc(9).
 *
 *	p = malloc(sizeof(*p), M_TEMP, M_WAITOK | M_ZERO);
 *	...
 *	free(p, M_TEMP, sizeof(*p));
 *
 * The flags, the type numbers and the statistics are OpenBSD's, so that
 * ported code compiles unchanged; kernel/kern_malloc.c says how Tine's
 * allocator works and what it checks.  Fixed-size objects allocated
 * often (procs, vmspaces) belong in a pool(9) instead: <sys/pool.h>.
 */
#ifndef _SYS_MALLOC_H_
#define _SYS_MALLOC_H_

#include <sys/types.h>
#include <machine/param.h>

/*
 * Flags to malloc.  Exactly one of M_WAITOK and M_NOWAIT must be given.
 * Tine cannot sleep yet (no scheduler): where OpenBSD's M_WAITOK would
 * sleep until memory is freed, Tine's panics; M_CANFAIL or M_NOWAIT make
 * malloc return NULL instead.
 */
#define M_WAITOK	0x0001	/* may wait for memory: never returns NULL */
#define M_NOWAIT	0x0002	/* return NULL if memory is short */
#define M_CANFAIL	0x0004	/* with M_WAITOK: NULL, not panic, if short;
				   NULL for an overflow or a huge size */
#define M_ZERO		0x0008	/* zero the memory */

/*
 * Types of memory, for the statistics.  The numbers are OpenBSD's; a
 * type upstream has and Tine does not need yet is left out (add it with
 * upstream's number when a ported file wants it).  M_ZOMBIE, M_CRED,
 * M_PGRP and M_SESSION are types OpenBSD had before those objects moved
 * to pools, with their old numbers (free upstream today).  The last
 * three are Tine's own, numbered after upstream's last.
 */
#define M_FREE		0	/* on a free list: never a valid argument */
#define M_DEVBUF	2	/* device driver memory */
#define M_PCB		4	/* protocol control blocks */
#define M_RTABLE	5	/* routing tables */
#define M_ZOMBIE	8	/* zombie process status (historic) */
#define M_IFADDR	9	/* interface addresses */
#define M_SYSCTL	11	/* sysctl persistent buffers */
#define M_COUNTERS	12	/* counters */
#define M_IOCTLOPS	14	/* ioctl data buffers */
#define M_CRED		16	/* credentials (historic) */
#define M_PGRP		17	/* process group headers (historic) */
#define M_SESSION	18	/* session headers (historic) */
#define M_IOV		19	/* large IOVs */
#define M_MOUNT		20	/* VFS mount structs */
#define M_VNODE		25	/* dynamically allocated vnodes */
#define M_SHM		29	/* SVID compatible shared memory segments */
#define M_VMMAP		30	/* VM map structures */
#define M_SEM		31	/* SVID compatible semaphores */
#define M_ACPI		33	/* ACPI structures */
#define M_VMPMAP	34	/* VM pmap data */
#define M_FILEDESC	39	/* open file descriptor tables */
#define M_SIGIO		40	/* sigio structures */
#define M_PROC		41	/* proc structures */
#define M_SUBPROC	42	/* proc sub-structures */
#define M_TTYS		62	/* allocated tty structures */
#define M_EXEC		63	/* argument lists & other mem used by exec */
#define M_UVMAMAP	98	/* UVM amap and related */
#define M_UVMAOBJ	99	/* UVM aobj and related */
#define M_PINSYSCALL	100	/* pinsyscall */
#define M_TEMP		127	/* miscellaneous temporary data buffers */
#define M_KEVENT	137	/* kqueue(2) data structures */
#define M_SIGACTS	146	/* Tine: signal actions (a pool upstream) */
#define M_PLIMIT	147	/* Tine: resource limits (a pool upstream) */
#define M_UAREA		148	/* Tine: user areas */
#define M_LAST		149	/* must be last type + 1 */

/*
 * Per-type statistics (OpenBSD's struct kmemstats), in kmemstats[type].
 * Every field counts the memory malloc handed out: a chunk counts as its
 * whole bucket, a large block as its whole pages.
 */
struct kmemstats {
	long	ks_inuse;	/* allocations of this type now in use */
	long	ks_calls;	/* allocations of this type ever made */
	long	ks_memuse;	/* bytes now in use */
	u_short	ks_limblocks;	/* times the limit made malloc fail */
	long	ks_maxused;	/* most bytes ever in use at once */
	long	ks_limit;	/* most bytes allowed in use; 0: no limit */
	long	ks_size;	/* bit i: a 2^i bucket served this type;
				   bit PGSHIFT: whole pages did */
	long	ks_spare;
};

/*
 * The buckets.  2^MINBUCKET (16) bytes is the smallest allocation,
 * 2^MAXBUCKET (PAGE_SIZE / 2) the largest one carved from a shared page;
 * bigger requests get whole pages of their own.  bucket[i] serves sizes
 * (2^(i-1), 2^i] for MINBUCKET <= i <= MAXBUCKET.
 */
#define MINBUCKET	4
#define MAXBUCKET	(PGSHIFT - 1)
#define MINALLOCSIZE	(1 << MINBUCKET)
#define MAXALLOCSAVE	(1 << MAXBUCKET)	/* PORT: upstream 2 pages */
#define MALLOC_MAX	(65535 * PAGE_SIZE)	/* larger: "too large" */

struct kmempage;

/* Per-bucket statistics and free pages (OpenBSD's struct kmembuckets). */
struct kmembuckets {
	struct kmempage *kb_partial;	/* PORT: pages with a free chunk,
					   for upstream's kb_freelist */
	u_long	kb_calls;	/* chunks ever handed out */
	u_long	kb_total;	/* chunks in this bucket's pages */
	u_long	kb_totalfree;	/* of those, free */
	u_long	kb_elmpercl;	/* chunks in one page (set at first use) */
	u_long	kb_pages;	/* Tine: pages this bucket holds now */
};

#ifdef _KERNEL
extern struct kmemstats kmemstats[M_LAST];
extern struct kmembuckets bucket[MAXBUCKET + 1];
extern const char *const memname[M_LAST];

void	*malloc(size_t, int type, int flags);
void	*mallocarray(size_t nmemb, size_t size, int type, int flags);
void	free(void *, int type, size_t size);
void	malloc_printit(int (*)(const char *, ...));

/* Freed memory is filled with a pattern, checked when it is reused. */
#define POISON_VALUE	0xdeadbeefU
/*
 * Only the first POISON_SIZE bytes of a free chunk or pool item are
 * poisoned and checked, as in OpenBSD's subr_poison.c: a stale pointer
 * most often writes near the start of what it points to, and filling
 * whole 2 KiB chunks would cost more than the allocation itself.
 */
#define POISON_SIZE	64
void	poison_mem(void *, size_t);
int	poison_check(void *, size_t, size_t *, uint32_t *);
#endif /* _KERNEL */

#endif /* !_SYS_MALLOC_H_ */
