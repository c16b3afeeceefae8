/*
 * kernel/tests/ktest_malloc.c: malloc(9) in the running kernel, on real
 * pages from uvm_km_alloc(): every bucket and large blocks, alignment,
 * M_ZERO, reuse of a freed chunk, the statistics, and M_NOWAIT and
 * M_CANFAIL returning NULL.  Each test checks that it gave back every
 * byte and page it took: its type's statistics and uvmexp.free end where
 * they began.  The panics (double free, wrong size, a foreign pointer, a
 * modified free chunk) are tested on the host, tests/host/test_malloc.c.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/intr.h>

/* What a test must leave as it found it. */
struct mbase {
	long	inuse;		/* kmemstats[type] */
	long	memuse;
	int	free;		/* uvmexp.free */
};

static void
mbase_take(struct mbase *b, int type)
{
	b->inuse = kmemstats[type].ks_inuse;
	b->memuse = kmemstats[type].ks_memuse;
	b->free = uvmexp.free;
}

#define MBASE_CHECK(b, type) do {					\
	KT_EQ(kmemstats[type].ks_inuse, (b)->inuse);			\
	KT_EQ(kmemstats[type].ks_memuse, (b)->memuse);			\
	KT_EQ(uvmexp.free, (b)->free);					\
} while (0)

/* The chunk size malloc gives a request of size bytes. */
static size_t
chunk_size(size_t size)
{
	size_t cs = MINALLOCSIZE;

	while (cs < size)
		cs <<= 1;
	return cs;
}

KTEST(malloc_every_bucket)
{
	static const size_t sizes[] = {
		0, 1, 15, 16, 17, 32, 33, 64, 65, 128, 129, 256, 257, 512,
		513, 1024, 1025, 2047, 2048,
	};
	struct mbase b;
	size_t i, cs;
	char *p;

	mbase_take(&b, M_TEMP);
	for (i = 0; i < nitems(sizes); i++) {
		cs = chunk_size(sizes[i]);
		p = malloc(sizes[i], M_TEMP, M_WAITOK);
		KT_ASSERT(p != NULL);
		KT_EQ((vaddr_t)p & (cs - 1), 0);	/* aligned to size */
		memset(p, 0x5a, cs);			/* all of it is ours */
		KT_EQ(kmemstats[M_TEMP].ks_memuse, b.memuse + (long)cs);
		KT_EQ(kmemstats[M_TEMP].ks_inuse, b.inuse + 1);
		free(p, M_TEMP, sizes[i]);
	}
	MBASE_CHECK(&b, M_TEMP);
}

KTEST(malloc_large_blocks)
{
	static const size_t sizes[] = {
		2049, 4096, 4097, 3 * PAGE_SIZE + 1, 65536, 1 << 20,
	};
	struct mbase b;
	size_t i, len;
	char *p;

	mbase_take(&b, M_DEVBUF);
	for (i = 0; i < nitems(sizes); i++) {
		len = round_page(sizes[i]);
		p = malloc(sizes[i], M_DEVBUF, M_WAITOK);
		KT_ASSERT(p != NULL);
		KT_EQ((vaddr_t)p & PAGE_MASK, 0);
		KT_ASSERT(uvmexp.free <= b.free - (int)(len / PAGE_SIZE));
		KT_EQ(kmemstats[M_DEVBUF].ks_memuse, b.memuse + (long)len);
		memset(p, 0x5a, len);
		free(p, M_DEVBUF, sizes[i]);
		KT_EQ(uvmexp.free, b.free);
	}
	MBASE_CHECK(&b, M_DEVBUF);
}

KTEST(malloc_zero)
{
	struct mbase b;
	char *keep, *p;
	size_t i;

	mbase_take(&b, M_TEMP);
	keep = malloc(100, M_TEMP, M_WAITOK);	/* keeps the page */
	p = malloc(100, M_TEMP, M_WAITOK);
	memset(p, 0xff, 100);
	free(p, M_TEMP, 100);
	p = malloc(100, M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < 100; i++)
		KT_EQ(p[i], 0);
	free(p, M_TEMP, 100);
	free(keep, M_TEMP, 100);

	p = malloc(2 * PAGE_SIZE, M_TEMP, M_WAITOK);
	memset(p, 0xff, 2 * PAGE_SIZE);
	free(p, M_TEMP, 2 * PAGE_SIZE);
	p = malloc(2 * PAGE_SIZE, M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < 2 * PAGE_SIZE; i++)
		KT_EQ(p[i], 0);
	free(p, M_TEMP, 2 * PAGE_SIZE);
	MBASE_CHECK(&b, M_TEMP);
}

/* A freed chunk is the next one of its size handed out. */
KTEST(malloc_reuse_after_free)
{
	struct mbase b;
	size_t size;
	void *a1, *a2, *a3;

	mbase_take(&b, M_TEMP);
	for (size = MINALLOCSIZE; size <= MAXALLOCSAVE; size *= 2) {
		a1 = malloc(size, M_TEMP, M_WAITOK);
		a2 = malloc(size, M_TEMP, M_WAITOK);	/* keeps the page */
		free(a1, M_TEMP, size);
		a3 = malloc(size, M_TEMP, M_WAITOK);
		free(a2, M_TEMP, size);
		free(a3, M_TEMP, size);
		KT_ASSERT(a3 == a1);
	}
	MBASE_CHECK(&b, M_TEMP);
}

/* Many chunks over many pages: distinct, intact, all given back. */
KTEST(malloc_many_chunks)
{
	enum { N = 2000 };
	static u_char *p[N];
	struct kmembuckets *kbp = &bucket[6];	/* 64 bytes */
	u_long calls = kbp->kb_calls, total = kbp->kb_total;
	struct mbase b;
	int i, j, bad = 0;

	mbase_take(&b, M_SUBPROC);
	for (i = 0; i < N; i++) {
		p[i] = malloc(40, M_SUBPROC, M_WAITOK);
		memset(p[i], i & 0xff, 40);
	}
	KT_EQ(kmemstats[M_SUBPROC].ks_inuse, b.inuse + N);
	KT_EQ(kbp->kb_calls, calls + N);
	KT_ASSERT(kbp->kb_pages >= N / kbp->kb_elmpercl);
	for (i = 0; i < N; i++) {
		j = (i * 7) % N;		/* a scattered order */
		if (p[j][0] != (j & 0xff) || p[j][39] != (j & 0xff))
			bad++;
		free(p[j], M_SUBPROC, 40);
	}
	KT_EQ(bad, 0);
	KT_EQ(kbp->kb_total, total);
	MBASE_CHECK(&b, M_SUBPROC);
}

KTEST(malloc_types_counted)
{
	struct mbase bp, bs;
	long calls = kmemstats[M_PROC].ks_calls;
	void *a, *c;

	mbase_take(&bp, M_PROC);
	mbase_take(&bs, M_SUBPROC);
	a = malloc(10, M_PROC, M_WAITOK);
	c = malloc(300, M_SUBPROC, M_WAITOK | M_ZERO);
	KT_EQ(kmemstats[M_PROC].ks_inuse, bp.inuse + 1);
	KT_EQ(kmemstats[M_PROC].ks_memuse, bp.memuse + 16);
	KT_EQ(kmemstats[M_PROC].ks_calls, calls + 1);
	KT_ASSERT(kmemstats[M_PROC].ks_maxused >= bp.memuse + 16);
	KT_ASSERT(kmemstats[M_PROC].ks_size & (1 << 4));
	KT_EQ(kmemstats[M_SUBPROC].ks_memuse, bs.memuse + 512);
	free(a, M_PROC, 10);
	free(c, M_SUBPROC, 300);
	MBASE_CHECK(&bp, M_PROC);
	MBASE_CHECK(&bs, M_SUBPROC);
}

/*
 * When malloc cannot have the memory, M_NOWAIT and M_CANFAIL get NULL
 * (M_WAITOK alone would panic: Tine cannot sleep yet).  An overflow in
 * mallocarray() is NULL with M_CANFAIL (a panic without it, as upstream).
 */
KTEST(malloc_nowait_fails)
{
	struct mbase b;
	size_t more;
	void *p;

	mbase_take(&b, M_TEMP);
	/* More than the kernel's address space. */
	KT_ASSERT(malloc(MALLOC_MAX, M_TEMP, M_NOWAIT) == NULL);
	KT_ASSERT(malloc(MALLOC_MAX, M_TEMP, M_WAITOK | M_CANFAIL) == NULL);
	/*
	 * More pages than are free (or, with much memory, more than the
	 * kernel's address space): uvm gives back what it took.
	 */
	more = ((size_t)uvmexp.free + 1) * PAGE_SIZE;
	if (more <= MALLOC_MAX)
		KT_ASSERT(malloc(more, M_TEMP, M_NOWAIT) == NULL);
	KT_EQ(uvmexp.free, b.free);
	/* Too large at all: NULL only with M_CANFAIL. */
	KT_ASSERT(malloc(MALLOC_MAX + 1, M_TEMP,
	    M_NOWAIT | M_CANFAIL) == NULL);
	KT_ASSERT(mallocarray(SIZE_MAX / 2, 4, M_TEMP,
	    M_NOWAIT | M_CANFAIL) == NULL);
	KT_ASSERT(mallocarray(3, SIZE_MAX / 2, M_TEMP,
	    M_WAITOK | M_CANFAIL) == NULL);
	/* Over the type's limit. */
	kmemstats[M_TEMP].ks_limit = b.memuse + 100;
	p = malloc(64, M_TEMP, M_NOWAIT);
	KT_ASSERT(malloc(64, M_TEMP, M_NOWAIT) == NULL);
	kmemstats[M_TEMP].ks_limit = 0;
	KT_ASSERT(p != NULL);
	free(p, M_TEMP, 64);
	free(NULL, M_TEMP, 0);			/* does nothing */
	MBASE_CHECK(&b, M_TEMP);
}

/* malloc raises to IPL_VM and no lower, and puts the level back. */
KTEST(malloc_keeps_spl)
{
	void *p, *q;
	int s;

	s = splhigh();
	p = malloc(64, M_TEMP, M_NOWAIT);
	q = malloc(3 * PAGE_SIZE, M_TEMP, M_NOWAIT);
	KT_EQ(cpl, IPL_HIGH);
	free(p, M_TEMP, 64);
	free(q, M_TEMP, 3 * PAGE_SIZE);
	KT_EQ(cpl, IPL_HIGH);
	splx(s);
	KT_ASSERT(p != NULL && q != NULL);
}
