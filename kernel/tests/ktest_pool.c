/*
 * kernel/tests/ktest_pool.c: pool(9) in the running kernel, on real
 * pages from uvm_km_alloc(): many items over many pages, alignment,
 * PR_ZERO, reuse of a put item, PR_NOWAIT returning NULL, use at an
 * interrupt level.  Each test ends with no item out (pr_nout 0), no page
 * held, uvmexp.free where it began and the pool destroyed.  The panics
 * (double put, foreign items, pool_destroy() with items out, a modified
 * free item) are tested on the host, tests/host/test_pool.c.
 *
 * Each test has a pool of its own, so that one failing half-way (its
 * pool still initialized) cannot make the next one's pool_init() panic.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/pool.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>

/* Is pp on the list of pools? */
static int
pool_listed(struct pool *pp)
{
	struct pool *p;

	for (p = pool_head; p != NULL; p = p->pr_poollist)
		if (p == pp)
			return 1;
	return 0;
}

/* Every item back, every page freed, then destroyed and off the list. */
#define POOL_DONE(pp, free0) do {					\
	KT_EQ((pp)->pr_nout, 0);					\
	KT_EQ((pp)->pr_npages, 0);					\
	KT_EQ((pp)->pr_nget, (pp)->pr_nput);				\
	KT_EQ(uvmexp.free, (free0));					\
	pool_destroy(pp);						\
	KT_ASSERT(!pool_listed(pp));					\
} while (0)

KTEST(pool_get_put_many)
{
	enum { N = 1000 };
	static struct pool pl;
	static u_char *it[N];
	int free0 = uvmexp.free, i, j, bad = 0;
	u_int pages;

	pool_init(&pl, 52, 0, IPL_NONE, PR_WAITOK, "ktestpl1", NULL);
	KT_ASSERT(pool_listed(&pl));
	KT_EQ(pl.pr_size % pl.pr_align, 0);
	for (i = 0; i < N; i++) {
		it[i] = pool_get(&pl, PR_WAITOK);
		KT_EQ((vaddr_t)it[i] % pl.pr_align, 0);
		memset(it[i], i & 0xff, 52);
	}
	pages = (N + pl.pr_itemsperpage - 1) / pl.pr_itemsperpage;
	KT_EQ(pl.pr_nout, N);
	KT_EQ(pl.pr_npages, pages);
	KT_EQ(uvmexp.free, free0 - (int)pages);
	for (i = 0; i < N; i++) {
		j = (i * 13) % N;		/* a scattered order */
		if (it[j][0] != (j & 0xff) || it[j][51] != (j & 0xff))
			bad++;
		pool_put(&pl, it[j]);
	}
	KT_EQ(bad, 0);
	KT_EQ(pl.pr_nput, N);
	KT_EQ(pl.pr_npagefree, pages);
	POOL_DONE(&pl, free0);
}

KTEST(pool_alignment)
{
	static struct pool pl;
	static void *it[200];
	int free0 = uvmexp.free, i, bad = 0;

	pool_init(&pl, 100, 64, IPL_NONE, 0, "ktestpl2", NULL);
	KT_EQ(pl.pr_size, 128);
	for (i = 0; i < 200; i++) {
		it[i] = pool_get(&pl, PR_WAITOK);
		if ((vaddr_t)it[i] % 64 != 0)
			bad++;
	}
	for (i = 0; i < 200; i++)
		pool_put(&pl, it[i]);
	KT_EQ(bad, 0);
	POOL_DONE(&pl, free0);
}

KTEST(pool_zero)
{
	static struct pool pl;
	int free0 = uvmexp.free, i;
	u_char *keep, *p;

	pool_init(&pl, 300, 0, IPL_NONE, 0, "ktestpl3", NULL);
	keep = pool_get(&pl, PR_WAITOK);	/* keeps the page */
	p = pool_get(&pl, PR_WAITOK);
	memset(p, 0xff, 300);
	pool_put(&pl, p);
	p = pool_get(&pl, PR_WAITOK | PR_ZERO);
	for (i = 0; i < 300; i++)
		KT_EQ(p[i], 0);
	pool_put(&pl, p);
	pool_put(&pl, keep);
	POOL_DONE(&pl, free0);
}

/* The item put back last is the next one handed out. */
KTEST(pool_reuse_after_put)
{
	static struct pool pl;
	int free0 = uvmexp.free;
	void *a1, *a2, *a3;

	pool_init(&pl, 64, 0, IPL_NONE, 0, "ktestpl4", NULL);
	a1 = pool_get(&pl, PR_WAITOK);
	a2 = pool_get(&pl, PR_WAITOK);
	pool_put(&pl, a1);
	a3 = pool_get(&pl, PR_WAITOK);
	pool_put(&pl, a2);
	pool_put(&pl, a3);
	KT_ASSERT(a3 == a1);
	POOL_DONE(&pl, free0);
}

/* An allocator with no pages to give. */
static void *
ktest_noalloc(struct pool *pp, int flags, int *slowdown)
{
	(void)pp;
	(void)flags;
	*slowdown = 0;
	return NULL;
}

static void
ktest_nofree(struct pool *pp, void *v)
{
	(void)pp;
	(void)v;
	panic("ktest_nofree: it never gave a page");
}

static struct pool_allocator ktest_noallocator = {
	ktest_noalloc, ktest_nofree, 0
};

/* No page to be had: PR_NOWAIT gets NULL (PR_WAITOK would panic). */
KTEST(pool_nowait_fails)
{
	static struct pool pl;
	int free0 = uvmexp.free;

	pool_init(&pl, 64, 0, IPL_NONE, 0, "ktestpl5", &ktest_noallocator);
	KT_ASSERT(pool_get(&pl, PR_NOWAIT) == NULL);
	KT_ASSERT(pool_get(&pl, PR_NOWAIT | PR_ZERO) == NULL);
	KT_EQ(pl.pr_nfail, 2);
	KT_EQ(pl.pr_nget, 0);
	POOL_DONE(&pl, free0);
}

/* A pool used at an interrupt level, from that level and from below. */
KTEST(pool_at_ipl)
{
	static struct pool pl;
	int free0 = uvmexp.free, s;
	void *a, *b;

	pool_init(&pl, 32, 0, IPL_TTY, 0, "ktestpl6", NULL);
	s = spltty();
	a = pool_get(&pl, PR_NOWAIT);
	KT_EQ(cpl, IPL_TTY);
	splx(s);
	b = pool_get(&pl, PR_NOWAIT);
	KT_EQ(cpl, s);
	KT_ASSERT(a != NULL && b != NULL);
	s = spltty();
	pool_put(&pl, a);
	splx(s);
	pool_put(&pl, b);
	POOL_DONE(&pl, free0);
}
