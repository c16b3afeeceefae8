/*
 * sys/pool.h: pools of fixed-size items, pool(9).
 *
 *	struct pool proc_pool;
 *
 *	pool_init(&proc_pool, sizeof(struct proc), 0, IPL_NONE, PR_WAITOK,
 *	    "procpl", NULL);
 *	p = pool_get(&proc_pool, PR_WAITOK | PR_ZERO);
 *	...
 *	pool_put(&proc_pool, p);
 *
 * OpenBSD's interface and flags; kernel/subr_pool.c says how Tine's pools
 * work and what they check.  Memory of varying sizes: malloc(9).
 */
#ifndef _SYS_POOL_H_
#define _SYS_POOL_H_

#include <sys/types.h>
#include <machine/param.h>

struct pool;
struct pool_page_header;

/*
 * Where a pool's pages come from: pa_alloc(pp, flags, &slowdown) returns
 * a page (NULL if memory is short), pa_free(pp, page) takes it back.
 * PORT: Tine's pools take page-aligned pages of PAGE_SIZE only, so
 * pa_pagesz must be 0 or POOL_ALLOC_DEFAULT.
 */
struct pool_allocator {
	void	*(*pa_alloc)(struct pool *, int, int *);
	void	 (*pa_free)(struct pool *, void *);
	size_t	  pa_pagesz;
};

#define POOL_ALLOC_ALIGNED	1UL
#define POOL_ALLOC_DEFAULT	(PAGE_SIZE | POOL_ALLOC_ALIGNED)

/*
 * A pool.  The pr_ names and counters are upstream's; what Tine has no
 * use for yet (caches, hard limits, idle pages, locks) is left out.
 */
struct pool {
	struct pool	*pr_poollist;	/* PORT: next in pool_head, a plain
					   list for upstream's SIMPLEQ */
	struct pool_page_header *pr_partpages;	/* pages with a free item */
	struct pool_allocator *pr_alloc;	/* where pages come from */
	const char	*pr_wchan;	/* the pool's name */
	unsigned int	pr_size;	/* item size, a multiple of pr_align */
	unsigned int	pr_align;	/* item alignment */
	unsigned int	pr_itemsperpage; /* items in one page */
	int		pr_phoffset;	/* page header's offset in its page */
	int		pr_flags;	/* pool_init()'s flags */
	int		pr_ipl;		/* highest level it is used at */

	unsigned int	pr_npages;	/* pages held now */
	unsigned int	pr_nitems;	/* free items in them */
	unsigned int	pr_nout;	/* items handed out now */
	unsigned long	pr_nget;	/* successful pool_get()s */
	unsigned long	pr_nfail;	/* pool_get()s that returned NULL */
	unsigned long	pr_nput;	/* pool_put()s */
	unsigned long	pr_npagealloc;	/* pages ever allocated */
	unsigned long	pr_npagefree;	/* pages ever given back */
	unsigned int	pr_hiwat;	/* the most pages held at once */
	int		pr_serial;	/* kern.pool's number for it, from 1 */
};

/*
 * Flags to pool_get(): exactly one of PR_WAITOK and PR_NOWAIT.  Tine
 * cannot sleep yet (no scheduler): where OpenBSD's PR_WAITOK would sleep
 * until an item is returned, Tine's panics.  Flags to pool_init():
 * PR_WAITOK, PR_RWLOCK (kept, no effect yet).
 */
#define PR_WAITOK	0x0001	/* M_WAITOK: never returns NULL */
#define PR_NOWAIT	0x0002	/* M_NOWAIT: NULL if memory is short */
#define PR_LIMITFAIL	0x0004	/* M_CANFAIL: no effect (no hard limits) */
#define PR_ZERO		0x0008	/* M_ZERO: zero the item */
#define PR_RWLOCK	0x0010	/* pool_init(): may sleep holding it */

#ifdef _KERNEL
extern struct pool_allocator pool_allocator_single;
extern struct pool *pool_head;		/* every initialized pool */

void	pool_init(struct pool *, size_t size, u_int align, int ipl,
	    int flags, const char *wchan, struct pool_allocator *palloc);
void	pool_destroy(struct pool *);
void	*pool_get(struct pool *, int flags);
void	pool_put(struct pool *, void *);
#endif /* _KERNEL */

#endif /* _SYS_POOL_H_ */
