/*
 * kernel/subr_pool.c: pools of fixed-size items, pool(9): OpenBSD's
 * interface and checks, written afresh for Tine.  Entry points:
 * pool_init(), pool_get(), pool_put(), pool_destroy(); every pool is on
 * the list pool_head.  Memory of varying sizes comes from malloc(9)
 * (kern_malloc.c), whose poison functions the checks here share.
 *
 * A pool hands out items of one size, cut from pages its allocator gives
 * it (pool_allocator_single: uvm_km_alloc()).  Each page ends with a
 * header, so an item's header is at trunc_page(item) + pr_phoffset:
 *
 *   0        pr_size                                     pr_phoffset
 *   +--------+--------+--------+-- ... --+--------+-------+-----------+
 *   |  item  |  item  |  item  |         |  item  | slack |  header   |
 *   +--------+--------+--------+-- ... --+--------+-------+-----------+
 *   the page, PAGE_SIZE bytes, page-aligned             owner, magic,
 *                                                       free items, count
 *
 * The page's free items are listed in its header; the pool lists its
 * pages that have a free item (pr_partpages).  Every pool page is also
 * in the hash table pool_phhash[], where pool_put() looks an item's page
 * up, so a bad pointer is reported without reading memory that may not
 * be a pool's.  A page all of whose items are back is given back at
 * once, so pool memory shows in uvmexp.free as soon as nobody holds it.
 * (OpenBSD keeps idle pages for a while.)
 *
 * A free item starts with struct pool_item, a magic number and the link;
 * with DIAGNOSTIC the rest of its first POISON_SIZE bytes holds
 * POISON_VALUE, checked by pool_get(), which panics on "modified free
 * item".  pool_put() panics on an item
 * of another pool, one not from a pool page, one not at an item
 * boundary, and on a double put; pool_destroy() on items still out.
 *
 * PR_WAITOK: OpenBSD's pool_get() sleeps until memory is free.  Tine has
 * nothing to sleep on yet, so a PR_WAITOK request with memory short
 * panics; PR_NOWAIT returns NULL.
 *
 * A pool's state is guarded by raising the level to the pool's pr_ipl,
 * and at least to IPL_VM, where the page allocator runs.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>
#include <machine/param.h>

/* The start of a free item. */
struct pool_item {
	u_long		pi_magic;	/* POOL_IMAGIC(pi) */
	struct pool_item *pi_next;	/* next free item of its page */
};

#define POOL_IMAGIC(pi)	((u_long)(pi) ^ 0x5ca1ab1eUL)

/* At the end of each page of a pool. */
struct pool_page_header {
	struct pool_page_header *ph_hnext;	/* pool_phhash[] chain */
	struct pool_page_header *ph_next;	/* the pool's pr_partpages */
	struct pool_page_header *ph_prev;
	struct pool	*ph_pool;	/* the pool it belongs to */
	struct pool_item *ph_items;	/* its free items */
	caddr_t		ph_page;	/* the page */
	u_int32_t	ph_magic;	/* POOL_PHMAGIC */
	u_int		ph_nmissing;	/* its items handed out */
};

#define POOL_PHMAGIC	0x706f6f6c	/* "pool" */
#define POOL_PHOFFSET	(PAGE_SIZE - sizeof(struct pool_page_header))

/*
 * Every pool page, by address: pool_put() finds an item's page here
 * without touching memory that may not be a pool's, or mapped at all.
 */
#define POOL_NHASH	128		/* a power of two */
#define POOL_HASH(va)	(((va) >> PGSHIFT) & (POOL_NHASH - 1))

struct pool *pool_head;
static int pool_serial;		/* the last pool's pr_serial (kern.pool) */
static struct pool_page_header *pool_phhash[POOL_NHASH];

static void	*pool_page_alloc(struct pool *, int, int *);
static void	 pool_page_free(struct pool *, void *);

struct pool_allocator pool_allocator_single = {
	pool_page_alloc, pool_page_free, POOL_ALLOC_DEFAULT
};

/* The default allocator: one page of kernel memory from uvm_km. */
static void *
pool_page_alloc(struct pool *pp, int flags, int *slowdown)
{
	(void)pp;
	(void)flags;
	*slowdown = 0;
	return (void *)uvm_km_alloc(PAGE_SIZE, 0);
}

static void
pool_page_free(struct pool *pp, void *v)
{
	(void)pp;
	uvm_km_free((vaddr_t)v, PAGE_SIZE);
}

/* Raise the level so that nothing else touches pp; returns the old. */
static int
pool_splraise(struct pool *pp)
{
	return splraise(pp->pr_ipl > IPL_VM ? pp->pr_ipl : IPL_VM);
}

/*
 * Initialize pool pp for items of size bytes, aligned to align (a power
 * of two; 0: as a pointer), used at levels up to ipl.  wchan names it;
 * palloc gives its pages (NULL: pool_allocator_single).
 * => pp not initialized yet, or destroyed
 * => an item must fit in a page with the page header
 */
void
pool_init(struct pool *pp, size_t size, u_int align, int ipl, int flags,
    const char *wchan, struct pool_allocator *palloc)
{
	struct pool *p;
	int s;

	if (align < __alignof__(struct pool_item))
		align = __alignof__(struct pool_item);
	if ((align & (align - 1)) != 0 || align > PAGE_SIZE)
		panic("pool_init: %s: alignment %u is not a power of two "
		    "up to a page", wchan, align);
	if (size < sizeof(struct pool_item))
		size = sizeof(struct pool_item);
	size = roundup(size, align);
	if (size > POOL_PHOFFSET)
		panic("pool_init: %s: items of %zu bytes do not fit in a "
		    "page (at most %zu)", wchan, size, (size_t)POOL_PHOFFSET);
	if (palloc == NULL)
		palloc = &pool_allocator_single;
	if (palloc->pa_pagesz != 0 && palloc->pa_pagesz != POOL_ALLOC_DEFAULT)
		panic("pool_init: %s: page size 0x%zx: Tine's pools take "
		    "aligned pages of %d bytes only", wchan, palloc->pa_pagesz,
		    PAGE_SIZE);

	s = splvm();
	for (p = pool_head; p != NULL; p = p->pr_poollist)
		if (p == pp)
			panic("pool_init: pool %s already on list", wchan);
	memset(pp, 0, sizeof(*pp));
	pp->pr_alloc = palloc;
	pp->pr_wchan = wchan;
	pp->pr_size = size;
	pp->pr_align = align;
	pp->pr_phoffset = POOL_PHOFFSET;
	pp->pr_itemsperpage = POOL_PHOFFSET / size;
	pp->pr_flags = flags;
	pp->pr_ipl = ipl;
	pp->pr_serial = ++pool_serial;
	pp->pr_poollist = pool_head;
	pool_head = pp;
	splx(s);
}

/*
 * Take pool pp off the list.  Its memory is all back with the page
 * allocator already (pages are freed as they empty).
 * => no items out: panics otherwise
 */
void
pool_destroy(struct pool *pp)
{
	struct pool **ppp;
	int s;

	s = splvm();
	for (ppp = &pool_head; *ppp != pp; ppp = &(*ppp)->pr_poollist)
		if (*ppp == NULL)
			panic("pool_destroy: %p is not an initialized pool",
			    pp);
	if (pp->pr_nout != 0)
		panic("pool_destroy: %s: %u items still out", pp->pr_wchan,
		    pp->pr_nout);
	if (pp->pr_npages != 0 || pp->pr_partpages != NULL)
		panic("pool_destroy: %s: %u pages but no items out",
		    pp->pr_wchan, pp->pr_npages);
	*ppp = pp->pr_poollist;
	pp->pr_poollist = NULL;
	splx(s);
}

/* ---- pages ----------------------------------------------------------- */

/*
 * The header of pool page page, or NULL if no pool has that page.
 * => at IPL_VM or above
 */
static struct pool_page_header *
pool_ph_lookup(caddr_t page)
{
	struct pool_page_header *ph;

	for (ph = pool_phhash[POOL_HASH((vaddr_t)page)]; ph != NULL;
	    ph = ph->ph_hnext) {
		if (ph->ph_magic != POOL_PHMAGIC)
			panic("pool: page header %p overwritten (magic 0x%x)",
			    ph, ph->ph_magic);
		if (ph->ph_page == page)
			return ph;
	}
	return NULL;
}

static void
pool_ph_hash(struct pool_page_header *ph)
{
	struct pool_page_header **head;

	head = &pool_phhash[POOL_HASH((vaddr_t)ph->ph_page)];
	ph->ph_hnext = *head;
	*head = ph;
}

static void
pool_ph_unhash(struct pool_page_header *ph)
{
	struct pool_page_header **php;

	php = &pool_phhash[POOL_HASH((vaddr_t)ph->ph_page)];
	while (*php != ph)
		php = &(*php)->ph_hnext;
	*php = ph->ph_hnext;
}

static void
pool_p_insert(struct pool *pp, struct pool_page_header *ph)
{
	ph->ph_prev = NULL;
	ph->ph_next = pp->pr_partpages;
	if (ph->ph_next != NULL)
		ph->ph_next->ph_prev = ph;
	pp->pr_partpages = ph;
}

static void
pool_p_remove(struct pool *pp, struct pool_page_header *ph)
{
	if (ph->ph_prev != NULL)
		ph->ph_prev->ph_next = ph->ph_next;
	else
		pp->pr_partpages = ph->ph_next;
	if (ph->ph_next != NULL)
		ph->ph_next->ph_prev = ph->ph_prev;
	ph->ph_next = ph->ph_prev = NULL;
}

/* Make item v of page ph free: poisoned (DIAGNOSTIC), first on its list. */
static void
pool_item_mkfree(struct pool *pp, struct pool_page_header *ph, void *v)
{
	struct pool_item *pi = v;

#ifdef DIAGNOSTIC
	poison_mem(pi, pp->pr_size);
#else
	(void)pp;
#endif
	pi->pi_magic = POOL_IMAGIC(pi);
	pi->pi_next = ph->ph_items;
	ph->ph_items = pi;
}

/*
 * A new page for pp from its allocator, cut into free items (the lowest
 * first on its list), first on the pool's list.
 * => at the pool's level
 * => returns NULL if the allocator had no page
 */
static struct pool_page_header *
pool_p_alloc(struct pool *pp, int flags)
{
	struct pool_page_header *ph;
	int slowdown = 0;
	caddr_t page;
	u_int i;

	if ((page = pp->pr_alloc->pa_alloc(pp, flags, &slowdown)) == NULL)
		return NULL;
	if (((vaddr_t)page & PAGE_MASK) != 0)
		panic("pool_get: %s: the page allocator returned %p, not a "
		    "page", pp->pr_wchan, page);
	ph = (struct pool_page_header *)(page + pp->pr_phoffset);
	ph->ph_pool = pp;
	ph->ph_page = page;
	ph->ph_magic = POOL_PHMAGIC;
	ph->ph_nmissing = 0;
	ph->ph_items = NULL;
	for (i = pp->pr_itemsperpage; i-- > 0; )
		pool_item_mkfree(pp, ph, page + i * pp->pr_size);
	pool_ph_hash(ph);
	pool_p_insert(pp, ph);
	pp->pr_npages++;
	pp->pr_npagealloc++;
	if (pp->pr_npages > pp->pr_hiwat)
		pp->pr_hiwat = pp->pr_npages;
	pp->pr_nitems += pp->pr_itemsperpage;
	return ph;
}

/* Give page ph, all of whose items are free, back to the allocator. */
static void
pool_p_free(struct pool *pp, struct pool_page_header *ph)
{
	pool_p_remove(pp, ph);
	pool_ph_unhash(ph);
	ph->ph_magic = 0;
	pp->pr_npages--;
	pp->pr_npagefree++;
	pp->pr_nitems -= pp->pr_itemsperpage;
	pp->pr_alloc->pa_free(pp, ph->ph_page);
}

/* ---- checks ---------------------------------------------------------- */

/*
 * The header of the page of item v, which pool_put() was given for pp.
 * Panics if v is not in a page of pp.
 */
static struct pool_page_header *
pool_find_pagehead(struct pool *pp, void *v)
{
	struct pool_page_header *ph;

	if ((ph = pool_ph_lookup((caddr_t)trunc_page((vaddr_t)v))) == NULL)
		panic("pool_put: %s: %p is in no pool's page (never an item, "
		    "or put already and its page freed)", pp->pr_wchan, v);
	if (ph->ph_pool != pp)
		panic("pool_put: %s: %p is an item of pool %s", pp->pr_wchan,
		    v, ph->ph_pool->pr_wchan);
	return ph;
}

#ifdef DIAGNOSTIC
/* Is v where an item of page ph of pp starts? */
static int
pool_is_item(struct pool *pp, struct pool_page_header *ph, void *v)
{
	size_t off = (caddr_t)v - ph->ph_page;

	return (caddr_t)v >= ph->ph_page && off % pp->pr_size == 0 &&
	    off / pp->pr_size < pp->pr_itemsperpage;
}

/* Is item v of page ph on the page's free list? */
static int
pool_is_free(struct pool_page_header *ph, void *v)
{
	struct pool_item *pi;

	if (((struct pool_item *)v)->pi_magic != POOL_IMAGIC(v))
		return 0;		/* quick: it is not marked free */
	for (pi = ph->ph_items; pi != NULL; pi = pi->pi_next)
		if (pi == v)
			return 1;
	return 0;
}

/* Panic if v, given to pool_put() for pp, is no item out of page ph. */
static void
pool_check_put(struct pool *pp, struct pool_page_header *ph, void *v)
{
	if (!pool_is_item(pp, ph, v))
		panic("pool_put: %s: %p is not the start of an item (page %p, "
		    "items of %u bytes)", pp->pr_wchan, v, ph->ph_page,
		    pp->pr_size);
	if (pool_is_free(ph, v))
		panic("pool_put: %s: double pool_put of %p: the item is "
		    "already free", pp->pr_wchan, v);
}

/*
 * Is free item pi of page ph as pool_put() left it?  If not, something
 * wrote to it after it was put: panic, before anything is changed.
 */
static void
pool_check_free(struct pool *pp, struct pool_page_header *ph,
    struct pool_item *pi)
{
	size_t hdr = sizeof(*pi), idx;
	uint32_t want;

	if (pi->pi_magic != POOL_IMAGIC(pi))
		panic("pool_get: %s: modified free item %p: magic 0x%lx, not "
		    "0x%lx", pp->pr_wchan, pi, pi->pi_magic, POOL_IMAGIC(pi));
	if (poison_check((char *)pi + hdr, MIN(pp->pr_size, POISON_SIZE) - hdr,
	    &idx, &want))
		panic("pool_get: %s: modified free item %p: offset %zu holds "
		    "0x%08x, not 0x%08x", pp->pr_wchan, pi, hdr + idx * 4,
		    ((uint32_t *)((char *)pi + hdr))[idx], want);
	if ((pi->pi_next != NULL && !pool_is_item(pp, ph, pi->pi_next)) ||
	    (pi->pi_next == NULL) !=
	    (ph->ph_nmissing + 1 == pp->pr_itemsperpage))
		panic("pool_get: %s: modified free item %p: its link %p is "
		    "not what pool_put() wrote", pp->pr_wchan, pi,
		    pi->pi_next);
}
#endif /* DIAGNOSTIC */

/* ---- items ----------------------------------------------------------- */

/*
 * An item of pp, zeroed with PR_ZERO.  flags: one of PR_WAITOK and
 * PR_NOWAIT.  With PR_WAITOK and no page to be had, Tine panics where
 * OpenBSD would sleep: there is no scheduler yet.  FIXME: sleep.
 * => at most at the pool's pr_ipl
 * => returns NULL only with PR_NOWAIT, when memory is short
 */
void *
pool_get(struct pool *pp, int flags)
{
	struct pool_page_header *ph;
	struct pool_item *pi;
	int s;

	if (((flags & PR_WAITOK) != 0) == ((flags & PR_NOWAIT) != 0))
		panic("pool_get: %s: flags 0x%x: need exactly one of "
		    "PR_WAITOK and PR_NOWAIT", pp->pr_wchan, flags);
	s = pool_splraise(pp);
	if ((ph = pp->pr_partpages) == NULL &&
	    (ph = pool_p_alloc(pp, flags)) == NULL) {
		if (flags & PR_WAITOK)
			panic("pool_get: %s: out of memory, PR_WAITOK, and "
			    "Tine cannot sleep for memory yet", pp->pr_wchan);
		pp->pr_nfail++;
		splx(s);
		return NULL;
	}
	if ((pi = ph->ph_items) == NULL)
		panic("pool_get: %s: page %p is listed, but has no free item",
		    pp->pr_wchan, ph->ph_page);
#ifdef DIAGNOSTIC
	pool_check_free(pp, ph, pi);
#endif
	ph->ph_items = pi->pi_next;
	if (++ph->ph_nmissing == pp->pr_itemsperpage)
		pool_p_remove(pp, ph);
	pp->pr_nitems--;
	pp->pr_nout++;
	pp->pr_nget++;
	splx(s);

	if (flags & PR_ZERO)
		memset(pi, 0, pp->pr_size);
	return pi;
}

/*
 * Give item v back to pool pp; its page goes back to the allocator if it
 * was the page's last item out.
 * => v from pool_get(pp): panics otherwise (DIAGNOSTIC: always checked)
 */
void
pool_put(struct pool *pp, void *v)
{
	struct pool_page_header *ph;
	int s;

	if (v == NULL)
		panic("pool_put: %s: NULL item", pp->pr_wchan);
	s = pool_splraise(pp);
	ph = pool_find_pagehead(pp, v);
#ifdef DIAGNOSTIC
	pool_check_put(pp, ph, v);
#endif
	pool_item_mkfree(pp, ph, v);
	if (ph->ph_nmissing-- == pp->pr_itemsperpage)
		pool_p_insert(pp, ph);
	pp->pr_nitems++;
	pp->pr_nout--;
	pp->pr_nput++;
	if (ph->ph_nmissing == 0)
		pool_p_free(pp, ph);
	splx(s);
}
