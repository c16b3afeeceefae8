/*
 * tests/host/test_malloc.c: host tests for kernel/kern_malloc.c, the
 * kernel's malloc(9).
 *
 * uvm_km_alloc() and uvm_km_free() are stubs over aligned_alloc() that
 * count the pages out, check each free against its allocation and can
 * be told to fail; splraise()/splx() keep a cpl the tests look at.
 * panic() (subr_prf.c) ends in a boot() that jumps back into the test,
 * so each DIAGNOSTIC panic is checked word for word: double free, wrong
 * size, foreign pointers, a modified free chunk, bogus types and flags,
 * overflow, M_WAITOK with no memory.  After every test all memory must
 * be back: no pages out, no type or bucket holding any.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

/* The C library's allocator, before the kernel's takes its names. */
static void *(*const libc_aligned_alloc)(size_t, size_t) = aligned_alloc;
static void (*const libc_free)(void *) = free;

#include "host_shim.h"

#define DIAGNOSTIC		/* as the kernel is built */
#define malloc		kern_malloc
#define mallocarray	kern_mallocarray
#define free		kern_free
#include "../../kernel/subr_prf.c"
#include "../../kernel/kern_malloc.c"

#define KERN_STUBS_UVM_KM	/* and spl; the console discards */
#include "kern_stubs.h"

/* ---- helpers ------------------------------------------------------------ */

/* Before each test: nothing out, statistics zeroed. */
static int
setup(void **state)
{
	(void)state;
	stubs_reset();
	assert_int_equal(km_pages, 0);
	memset(kmemstats, 0, sizeof(kmemstats));
	memset(bucket, 0, sizeof(bucket));
	return 0;
}

/* After each test: everything given back, the level back at IPL_NONE. */
static int
teardown(void **state)
{
	int i;

	(void)state;
	assert_int_equal(cpl, IPL_NONE);
	assert_int_equal(km_pages, 0);
	for (i = 0; i < M_LAST; i++) {
		assert_int_equal(kmemstats[i].ks_inuse, 0);
		assert_int_equal(kmemstats[i].ks_memuse, 0);
	}
	for (i = MINBUCKET; i <= MAXBUCKET; i++) {
		assert_null(bucket[i].kb_partial);
		assert_int_equal(bucket[i].kb_pages, 0);
		assert_int_equal(bucket[i].kb_total, 0);
		assert_int_equal(bucket[i].kb_totalfree, 0);
	}
	for (i = 0; i < KMEM_NHASH; i++)
		assert_null(kmemhash[i]);
	return 0;
}

/* The bucket size a request of size bytes gets. */
static size_t
chunk_size(size_t size)
{
	size_t b = MINALLOCSIZE;

	while (b < size)
		b *= 2;
	return b;
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_bucket_index(void **state)
{
	(void)state;
	assert_int_equal(BUCKETINDX(0), 4);
	assert_int_equal(BUCKETINDX(1), 4);
	assert_int_equal(BUCKETINDX(16), 4);
	assert_int_equal(BUCKETINDX(17), 5);
	assert_int_equal(BUCKETINDX(32), 5);
	assert_int_equal(BUCKETINDX(1024), 10);
	assert_int_equal(BUCKETINDX(1025), 11);
	assert_int_equal(BUCKETINDX(2048), 11);
	assert_int_equal(MAXALLOCSAVE, PAGE_SIZE / 2);
}

/* Every bucket, at and around each boundary: aligned, usable, counted. */
static void
test_every_bucket(void **state)
{
	static const size_t sizes[] = {
		0, 1, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128,
		129, 255, 256, 257, 511, 512, 513, 1000, 1023, 1024, 1025,
		2000, 2047, 2048,
	};
	size_t i, cs;
	char *p;

	(void)state;
	for (i = 0; i < nitems(sizes); i++) {
		cs = chunk_size(sizes[i]);
		p = malloc(sizes[i], M_TEMP, M_WAITOK);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p % cs, 0);	/* its own size */
		assert_int_equal(km_cpl, IPL_VM);	/* uvm under splvm */
		memset(p, 0x5a, cs);			/* all of it is ours */
		assert_int_equal(kmemstats[M_TEMP].ks_inuse, 1);
		assert_int_equal(kmemstats[M_TEMP].ks_memuse, cs);
		assert_int_equal(bucket[BUCKETINDX(sizes[i])].kb_calls, 1);
		free(p, M_TEMP, sizes[i]);
		assert_int_equal(kmemstats[M_TEMP].ks_inuse, 0);
		assert_int_equal(kmemstats[M_TEMP].ks_memuse, 0);
		assert_int_equal(km_pages, 0);	/* the empty page went back */
		memset(bucket, 0, sizeof(bucket));
	}
	assert_int_equal(kmemstats[M_TEMP].ks_calls, nitems(sizes));
	assert_int_equal(kmemstats[M_TEMP].ks_maxused, 2048);
}

/* Larger than half a page: whole pages, page-aligned. */
static void
test_large_blocks(void **state)
{
	static const size_t sizes[] = {
		2049, 4095, 4096, 4097, 8192, 3 * 4096 + 1, 65536, 1 << 20,
	};
	size_t i, len;
	char *p;

	(void)state;
	for (i = 0; i < nitems(sizes); i++) {
		len = round_page(sizes[i]);
		p = malloc(sizes[i], M_DEVBUF, M_WAITOK);
		assert_non_null(p);
		assert_int_equal((uintptr_t)p & PAGE_MASK, 0);
		/* The block, and a page for the record's bucket. */
		assert_int_equal(km_pages, len / PAGE_SIZE + 1);
		memset(p, 0x5a, len);
		assert_int_equal(kmemstats[M_DEVBUF].ks_memuse, len);
		assert_true(kmemstats[M_DEVBUF].ks_size & (1L << PGSHIFT));
		free(p, M_DEVBUF, sizes[i]);
		assert_int_equal(km_pages, 0);
	}
	/* Size 0 in free(): unknown, not checked. */
	p = malloc(10000, M_DEVBUF, M_WAITOK);
	free(p, M_DEVBUF, 0);
}

static void
test_zero(void **state)
{
	char *keep, *p;
	size_t i;

	(void)state;
	keep = malloc(100, M_TEMP, M_WAITOK);	/* keeps the page */
	p = malloc(100, M_TEMP, M_WAITOK);
	memset(p, 0xff, 100);
	free(p, M_TEMP, 100);
	p = malloc(100, M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	free(p, M_TEMP, 100);
	free(keep, M_TEMP, 100);

	/* Large: uvm zeroes with UVM_KMF_ZERO; the stub fills 0xa5 else. */
	p = malloc(3 * PAGE_SIZE, M_TEMP, M_WAITOK | M_ZERO);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
	free(p, M_TEMP, 3 * PAGE_SIZE);
	p = malloc(3 * PAGE_SIZE, M_TEMP, M_WAITOK);
	assert_int_equal((u_char)p[0], 0xa5);
	free(p, M_TEMP, 3 * PAGE_SIZE);
}

/* Without M_ZERO a small chunk holds the poison, not stale data. */
static void
test_fresh_chunk_is_poisoned(void **state)
{
	uint32_t *keep, *p;

	(void)state;
	keep = malloc(64, M_TEMP, M_WAITOK);
	p = malloc(64, M_TEMP, M_WAITOK);
	memset(p, 0x11, 64);
	free(p, M_TEMP, 64);
	p = malloc(64, M_TEMP, M_WAITOK);
	assert_int_equal(p[15], POISON_VALUE);
	free(p, M_TEMP, 64);
	free(keep, M_TEMP, 64);
}

/* A chunk freed is the next one of its size handed out. */
static void
test_reuse_after_free(void **state)
{
	size_t size;
	void *a, *b, *c;

	(void)state;
	for (size = 16; size <= MAXALLOCSAVE; size *= 2) {
		a = malloc(size, M_TEMP, M_WAITOK);
		b = malloc(size, M_TEMP, M_WAITOK);
		free(a, M_TEMP, size);
		c = malloc(size, M_TEMP, M_WAITOK);
		assert_ptr_equal(c, a);
		free(b, M_TEMP, size);
		free(c, M_TEMP, size);
	}
}

/* Fill pages of one bucket; they are counted and all go back. */
static void
test_many_chunks(void **state)
{
	enum { N = 1000 };
	static void *p[N];
	struct kmembuckets *kbp = &bucket[BUCKETINDX(24)];
	u_long per, pages;
	int i, j;

	(void)state;
	for (i = 0; i < N; i++) {
		p[i] = malloc(24, M_SUBPROC, M_WAITOK);
		memset(p[i], i & 0xff, 24);
		for (j = 0; j < i; j += 97)	/* a sample: all distinct */
			assert_ptr_not_equal(p[i], p[j]);
	}
	per = kbp->kb_elmpercl;
	assert_int_equal(per, (PAGE_SIZE - kmem_first(5)) / 32);
	pages = (N + per - 1) / per;
	assert_int_equal(kbp->kb_pages, pages);
	assert_int_equal(km_pages, pages);
	assert_int_equal(kbp->kb_total, pages * per);
	assert_int_equal(kbp->kb_totalfree, pages * per - N);
	assert_int_equal(kmemstats[M_SUBPROC].ks_inuse, N);
	assert_int_equal(kmemstats[M_SUBPROC].ks_memuse, N * 32);
	/* Free in a scattered order; each still holds what was written. */
	for (i = 0; i < N; i++) {
		j = (i * 7) % N;
		assert_int_equal(((u_char *)p[j])[23], j & 0xff);
		free(p[j], M_SUBPROC, 24);
	}
	assert_int_equal(kmemstats[M_SUBPROC].ks_calls, N);
	assert_int_equal(kmemstats[M_SUBPROC].ks_maxused, N * 32);
}

/* A page goes back when its last chunk does; records take their place. */
static void
test_pages_come_and_go(void **state)
{
	struct kmembuckets *kbp = &bucket[BUCKETINDX(16)];
	void *p[300];
	u_long i, n;

	(void)state;
	p[0] = malloc(16, M_TEMP, M_WAITOK);
	n = kbp->kb_elmpercl;
	assert_true(n < nitems(p));
	for (i = 1; i < n; i++)
		p[i] = malloc(16, M_TEMP, M_WAITOK);
	assert_int_equal(km_pages, 1);
	for (i = 0; i < n; i++)		/* no chunk on the page's record */
		assert_true((vaddr_t)p[i] - trunc_page((vaddr_t)p[i]) >=
		    sizeof(struct kmempage));
	p[n] = malloc(16, M_TEMP, M_WAITOK);
	assert_int_equal(km_pages, 2);
	free(p[n], M_TEMP, 16);
	assert_int_equal(km_pages, 1);
	for (i = 0; i < n; i++)
		free(p[i], M_TEMP, 16);
	assert_int_equal(km_pages, 0);

	/* 512 bytes and up: the record is a chunk of another bucket. */
	p[0] = malloc(512, M_TEMP, M_WAITOK);
	assert_int_equal(bucket[9].kb_elmpercl, PAGE_SIZE / 512);
	assert_int_equal(bucket[KMEM_RECINDX].kb_pages, 1);
	assert_int_equal(km_pages, 2);
	free(p[0], M_TEMP, 512);
	assert_int_equal(km_pages, 0);
}

static void
test_statistics(void **state)
{
	void *a, *b, *c;

	(void)state;
	a = malloc(10, M_PROC, M_WAITOK);
	b = malloc(300, M_PROC, M_WAITOK);
	c = malloc(5000, M_FILEDESC, M_WAITOK);
	assert_int_equal(kmemstats[M_PROC].ks_inuse, 2);
	assert_int_equal(kmemstats[M_PROC].ks_calls, 2);
	assert_int_equal(kmemstats[M_PROC].ks_memuse, 16 + 512);
	assert_int_equal(kmemstats[M_PROC].ks_size, (1 << 4) | (1 << 9));
	assert_int_equal(kmemstats[M_FILEDESC].ks_memuse, 2 * PAGE_SIZE);
	free(b, M_PROC, 300);
	assert_int_equal(kmemstats[M_PROC].ks_memuse, 16);
	assert_int_equal(kmemstats[M_PROC].ks_maxused, 16 + 512);
	free(a, M_PROC, 10);
	free(c, M_FILEDESC, 5000);
	assert_int_equal(kmemstats[M_PROC].ks_calls, 2);
	assert_int_equal(kmemstats[M_TEMP].ks_calls, 0);
}

/* No memory: M_NOWAIT and M_CANFAIL get NULL, M_WAITOK panics. */
static void
test_out_of_memory(void **state)
{
	long at;
	void *p;

	(void)state;
	km_fail_at = 0;
	assert_null(malloc(100, M_TEMP, M_NOWAIT));
	assert_null(malloc(100, M_TEMP, M_WAITOK | M_CANFAIL));
	assert_null(malloc(20000, M_TEMP, M_NOWAIT));
	assert_null(malloc(600, M_TEMP, M_NOWAIT));
	assert_int_equal(kmemstats[M_TEMP].ks_calls, 0);
	assert_int_equal(cpl, IPL_NONE);
	EXPECT_PANIC((void)malloc(100, M_TEMP, M_WAITOK),
	    "malloc: out of memory: 100 bytes of type temp, M_WAITOK, and "
	    "Tine cannot sleep for memory yet");
	EXPECT_PANIC((void)malloc(9000, M_VMMAP, M_WAITOK),
	    "malloc: out of memory: 9000 bytes of type VM map, M_WAITOK, and "
	    "Tine cannot sleep for memory yet");

	/* Failing at each step of a two-page request gives back the rest. */
	for (at = 0; at < 2; at++) {
		km_allocs = 0;
		km_fail_at = at;
		assert_null(malloc(20000, M_TEMP, M_NOWAIT));
		assert_int_equal(km_pages, 0);
		km_allocs = 0;
		assert_null(malloc(1024, M_TEMP, M_NOWAIT));
		assert_int_equal(km_pages, 0);
	}
	km_fail_at = -1;
	p = malloc(1024, M_TEMP, M_NOWAIT);
	assert_non_null(p);
	free(p, M_TEMP, 1024);
}

/* A type's limit: M_NOWAIT gets NULL, M_WAITOK panics. */
static void
test_type_limit(void **state)
{
	void *a, *b;

	(void)state;
	kmemstats[M_TEMP].ks_limit = 64;
	a = malloc(32, M_TEMP, M_NOWAIT);
	b = malloc(20, M_TEMP, M_NOWAIT);
	assert_non_null(a);
	assert_non_null(b);
	assert_null(malloc(1, M_TEMP, M_NOWAIT));
	assert_int_equal(kmemstats[M_TEMP].ks_limblocks, 1);
	assert_null(malloc(1, M_TEMP, M_WAITOK | M_CANFAIL));
	EXPECT_PANIC((void)malloc(16, M_TEMP, M_WAITOK),
	    "malloc: over the type's limit: 16 bytes of type temp, M_WAITOK, "
	    "and Tine cannot sleep for memory yet");
	free(b, M_TEMP, 20);
	b = malloc(32, M_TEMP, M_NOWAIT);	/* room again */
	assert_non_null(b);
	free(a, M_TEMP, 32);
	free(b, M_TEMP, 32);
	kmemstats[M_TEMP].ks_limit = 0;
}

static void
test_mallocarray(void **state)
{
	size_t big = SIZE_MAX / 4 + 1;
	char *p;

	(void)state;
	p = mallocarray(10, 12, M_TEMP, M_WAITOK);
	assert_int_equal(kmemstats[M_TEMP].ks_memuse, 128);
	free(p, M_TEMP, 120);
	p = mallocarray(0, 12, M_TEMP, M_WAITOK);	/* 0 bytes: a chunk */
	free(p, M_TEMP, 0);
	assert_null(mallocarray(big, 4, M_TEMP, M_NOWAIT | M_CANFAIL));
	assert_null(mallocarray(4, big, M_TEMP, M_WAITOK | M_CANFAIL));
	assert_null(mallocarray(SIZE_MAX, SIZE_MAX, M_TEMP,
	    M_NOWAIT | M_CANFAIL));
	/* As upstream: M_NOWAIT alone does not excuse an overflow. */
	EXPECT_PANIC((void)mallocarray(big, 4, M_TEMP, M_NOWAIT),
	    "mallocarray: overflow %zu * 4, type temp", big);
	EXPECT_PANIC((void)mallocarray(3, SIZE_MAX / 2, M_EXEC, M_WAITOK),
	    "mallocarray: overflow 3 * %zu, type exec", SIZE_MAX / 2);
	assert_int_equal(kmemstats[M_TEMP].ks_inuse, 0);
}

static void
test_too_large(void **state)
{
	(void)state;
	assert_null(malloc(MALLOC_MAX + 1, M_TEMP, M_WAITOK | M_CANFAIL));
	EXPECT_PANIC((void)malloc(MALLOC_MAX + 1, M_TEMP, M_NOWAIT),
	    "malloc: allocation too large, type temp, size %zu",
	    (size_t)MALLOC_MAX + 1);
}

static void
test_bad_type_and_flags(void **state)
{
	void *p;

	(void)state;
	free(NULL, M_TEMP, 0);			/* no-op */
	free(NULL, M_TEMP, 100);
	EXPECT_PANIC((void)malloc(16, M_FREE, M_WAITOK),
	    "malloc: bogus type 0");
	EXPECT_PANIC((void)malloc(16, M_LAST, M_WAITOK),
	    "malloc: bogus type %d", M_LAST);
	EXPECT_PANIC((void)malloc(16, -1, M_WAITOK), "malloc: bogus type -1");
	EXPECT_PANIC((void)malloc(16, M_TEMP, 0),
	    "malloc: flags 0x0: need exactly one of M_WAITOK and M_NOWAIT");
	EXPECT_PANIC((void)malloc(16, M_TEMP, M_WAITOK | M_NOWAIT | M_ZERO),
	    "malloc: flags 0xb: need exactly one of M_WAITOK and M_NOWAIT");
	p = malloc(16, M_TEMP, M_WAITOK);
	EXPECT_PANIC(free(p, M_LAST + 5, 16), "free: bogus type %d",
	    M_LAST + 5);
	free(p, M_TEMP, 16);
}

static void
test_double_free(void **state)
{
	void *p, *q;
	char *l;

	(void)state;
	p = malloc(64, M_TEMP, M_WAITOK);
	q = malloc(64, M_TEMP, M_WAITOK);	/* keeps the page */
	free(p, M_TEMP, 64);
	EXPECT_PANIC(free(p, M_TEMP, 64),
	    "free: duplicated free of %p, type temp, size 64: the 64-byte "
	    "chunk is already free", p);
	EXPECT_PANIC(free(p, M_PROC, 0),
	    "free: duplicated free of %p, type proc, size 0: the 64-byte "
	    "chunk is already free", p);
	assert_int_equal(kmemstats[M_TEMP].ks_inuse, 1);  /* untouched */
	/* The last chunk out: its page is gone, and so is the record. */
	free(q, M_TEMP, 64);
	EXPECT_PANIC(free(q, M_TEMP, 64),
	    "free: %p, type temp, size 64: not allocated by malloc (never, "
	    "or already freed)", q);

	l = malloc(3 * PAGE_SIZE, M_TEMP, M_WAITOK);
	free(l, M_TEMP, 3 * PAGE_SIZE);
	EXPECT_PANIC(free(l, M_TEMP, 3 * PAGE_SIZE),
	    "free: %p, type temp, size %d: not allocated by malloc (never, "
	    "or already freed)", l, 3 * PAGE_SIZE);
}

static void
test_wrong_size(void **state)
{
	void *p, *t, *l, *l1;

	(void)state;
	p = malloc(100, M_TEMP, M_WAITOK);	/* a 128-byte chunk */
	EXPECT_PANIC(free(p, M_TEMP, 200),
	    "free: %p, type temp: wrong size 200 for a 128-byte chunk "
	    "(sizes 65..128)", p);
	EXPECT_PANIC(free(p, M_TEMP, 64),
	    "free: %p, type temp: wrong size 64 for a 128-byte chunk "
	    "(sizes 65..128)", p);
	EXPECT_PANIC(free(p, M_TEMP, 5000),
	    "free: %p, type temp: wrong size 5000 for a 128-byte chunk "
	    "(sizes 65..128)", p);
	free(p, M_TEMP, 65);			/* would have fitted: fine */

	t = malloc(1, M_TEMP, M_WAITOK);
	EXPECT_PANIC(free(t, M_TEMP, 17),
	    "free: %p, type temp: wrong size 17 for a 16-byte chunk "
	    "(sizes 1..16)", t);
	free(t, M_TEMP, 16);

	l = malloc(5000, M_TEMP, M_WAITOK);	/* two pages */
	EXPECT_PANIC(free(l, M_TEMP, 4096),
	    "free: %p, type temp: wrong size 4096 for a 8192-byte block "
	    "(sizes 4097..8192)", l);
	EXPECT_PANIC(free(l, M_TEMP, 8193),
	    "free: %p, type temp: wrong size 8193 for a 8192-byte block "
	    "(sizes 4097..8192)", l);
	free(l, M_TEMP, 8000);
	l1 = malloc(3000, M_TEMP, M_WAITOK);	/* one page */
	EXPECT_PANIC(free(l1, M_TEMP, 100),
	    "free: %p, type temp: wrong size 100 for a 4096-byte block "
	    "(sizes 2049..4096)", l1);
	free(l1, M_TEMP, 2049);
}

/* Pointers malloc never returned. */
static void
test_foreign_pointers(void **state)
{
	char local, *p, *l, *foreign;

	(void)state;
	EXPECT_PANIC(free(&local, M_TEMP, 1),
	    "free: %p, type temp, size 1: not allocated by malloc (never, or "
	    "already freed)", &local);
	foreign = libc_aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	EXPECT_PANIC(free(foreign, M_DEVBUF, 0),
	    "free: %p, type devbuf, size 0: not allocated by malloc (never, "
	    "or already freed)", foreign);
	libc_free(foreign);

	p = malloc(64, M_TEMP, M_WAITOK);
	EXPECT_PANIC(free(p + 8, M_TEMP, 64),
	    "free: %p, type temp, size 64: not the start of a chunk malloc "
	    "returned (page 0x%lx holds 64-byte chunks)", p + 8,
	    trunc_page((vaddr_t)p));
	/* The page's record, at its start, is no chunk either. */
	EXPECT_PANIC(free((void *)trunc_page((vaddr_t)p), M_TEMP, 0),
	    "free: %p, type temp, size 0: not the start of a chunk malloc "
	    "returned (page 0x%lx holds 64-byte chunks)",
	    (void *)trunc_page((vaddr_t)p), trunc_page((vaddr_t)p));
	free(p, M_TEMP, 64);

	l = malloc(3 * PAGE_SIZE, M_TEMP, M_WAITOK);
	EXPECT_PANIC(free(l + 16, M_TEMP, 0),
	    "free: %p, type temp, size 0: not the start of a block malloc "
	    "returned (page 0x%lx holds 12288-byte blocks)", l + 16,
	    (vaddr_t)l);
	EXPECT_PANIC(free(l + PAGE_SIZE, M_TEMP, 0),
	    "free: %p, type temp, size 0: not allocated by malloc (never, or "
	    "already freed)", l + PAGE_SIZE);
	free(l, M_TEMP, 3 * PAGE_SIZE);
}

/* A write to a freed chunk is found when the chunk is handed out again. */
static void
test_modified_free_chunk(void **state)
{
	struct kmem_freelist *kf, *saved;
	uint32_t *p, *q, *r;

	(void)state;
	p = malloc(64, M_TEMP, M_WAITOK);
	q = malloc(64, M_TEMP, M_WAITOK);
	/*
	 * Freed as "proc", which the panic names; the statistics of both
	 * types are put straight.
	 */
	free(p, M_PROC, 64);
	kmemstats[M_PROC].ks_inuse++;
	kmemstats[M_PROC].ks_memuse += 64;
	kmemstats[M_TEMP].ks_inuse--;
	kmemstats[M_TEMP].ks_memuse -= 64;
	p[5] = 1;				/* use after free */
	EXPECT_PANIC((void)malloc(64, M_TEMP, M_WAITOK),
	    "malloc: modified free chunk %p (64 bytes, freed as proc): "
	    "offset 20 holds 0x00000001, not 0xdeadbeef", p);
	p[5] = POISON_VALUE;
	p[0] = 0;				/* the first word */
	EXPECT_PANIC((void)malloc(64, M_TEMP, M_NOWAIT),
	    "malloc: modified free chunk %p (64 bytes, freed as proc): "
	    "offset 0 holds 0x00000000, not 0xdeadbeef", p);
	p[0] = POISON_VALUE;
	/* The link, pointing into the page but at no chunk. */
	kf = (struct kmem_freelist *)p;
	saved = kf->kf_next;
	kf->kf_next = (struct kmem_freelist *)((char *)p + 4);
	EXPECT_PANIC((void)malloc(60, M_TEMP, M_WAITOK),
	    "malloc: modified free chunk %p (64 bytes): its header (type %d, "
	    "next %p) is not what free() wrote", p, M_PROC, (char *)p + 4);
	kf->kf_next = saved;
	/* Repaired: the allocator carries on, the chunk comes back. */
	r = malloc(64, M_TEMP, M_WAITOK);
	assert_ptr_equal(r, p);
	free(q, M_TEMP, 64);
	free(r, M_TEMP, 64);

	/*
	 * The last poisoned word of the largest chunk (POISON_SIZE bytes
	 * are, as in OpenBSD); a write past them goes unseen.
	 */
	p = malloc(2048, M_TEMP, M_WAITOK);
	q = malloc(2048, M_TEMP, M_WAITOK);
	free(p, M_TEMP, 2048);
	p[POISON_SIZE / 4 - 1] = 7;
	EXPECT_PANIC((void)malloc(2048, M_TEMP, M_WAITOK),
	    "malloc: modified free chunk %p (2048 bytes, freed as temp): "
	    "offset 60 holds 0x00000007, not 0xdeadbeef", p);
	p[POISON_SIZE / 4 - 1] = POISON_VALUE;
	p[POISON_SIZE / 4] = 7;
	r = malloc(2048, M_TEMP, M_WAITOK);
	assert_ptr_equal(r, p);
	free(q, M_TEMP, 2048);
	free(r, M_TEMP, 2048);
}

/* malloc leaves the level as it found it, whatever that was. */
static void
test_spl(void **state)
{
	void *p;

	(void)state;
	cpl = IPL_HIGH;
	p = malloc(5000, M_TEMP, M_NOWAIT);
	assert_int_equal(cpl, IPL_HIGH);
	assert_int_equal(km_cpl, IPL_HIGH);
	free(p, M_TEMP, 5000);
	assert_int_equal(cpl, IPL_HIGH);
	cpl = IPL_NONE;
	p = malloc(16, M_TEMP, M_NOWAIT);
	assert_int_equal(km_cpl, IPL_VM);
	free(p, M_TEMP, 16);
	assert_int_equal(km_cpl, IPL_VM);
	assert_int_equal(cpl, IPL_NONE);
}

static char printed[4096];
static size_t nprinted;

static int
record_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(printed + nprinted, sizeof(printed) - nprinted, fmt, ap);
	va_end(ap);
	nprinted += n;
	assert_true(nprinted < sizeof(printed));
	return n;
}

static void
test_printit(void **state)
{
	void *p, *q;

	(void)state;
	p = malloc(100, M_TEMP, M_WAITOK);
	q = malloc(9000, M_VMMAP, M_WAITOK);
	nprinted = 0;
	malloc_printit(record_printf);
	assert_non_null(strstr(printed,
	    "          temp      1      0K       0K      0K         1\n"));
	assert_non_null(strstr(printed,
	    "        VM map      1     12K      12K      0K         1\n"));
	assert_non_null(strstr(printed, "           128      1 "));
	assert_null(strstr(printed, "devbuf"));	/* never used */
	free(p, M_TEMP, 100);
	free(q, M_VMMAP, 9000);
}

/* Random sizes, random order: no two blocks overlap, nothing is lost. */
static void
test_random(void **state)
{
	enum { SLOTS = 200, ROUNDS = 4000 };
	static u_char *blk[SLOTS];
	static size_t len[SLOTS];
	uint32_t seed = 12345;
	size_t i, k, s;
	int r;

	(void)state;
	for (r = 0; r < ROUNDS; r++) {
		seed = seed * 1103515245 + 12345;
		s = (seed >> 8) % SLOTS;
		if (blk[s] != NULL) {
			for (k = 0; k < len[s]; k++)
				assert_int_equal(blk[s][k], (u_char)s);
			free(blk[s], M_TEMP, len[s]);
			blk[s] = NULL;
			continue;
		}
		len[s] = (seed >> 20) % 8 == 0 ? 2049 + (seed >> 4) % 20000 :
		    (seed >> 4) % 2049;
		blk[s] = malloc(len[s], M_TEMP, M_WAITOK);
		memset(blk[s], (u_char)s, len[s]);
	}
	for (i = 0; i < SLOTS; i++) {
		if (blk[i] == NULL)
			continue;
		for (k = 0; k < len[i]; k++)
			assert_int_equal(blk[i][k], (u_char)i);
		free(blk[i], M_TEMP, len[i]);
		blk[i] = NULL;
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_bucket_index),
		T(test_every_bucket),
		T(test_large_blocks),
		T(test_zero),
		T(test_fresh_chunk_is_poisoned),
		T(test_reuse_after_free),
		T(test_many_chunks),
		T(test_pages_come_and_go),
		T(test_statistics),
		T(test_out_of_memory),
		T(test_type_limit),
		T(test_mallocarray),
		T(test_too_large),
		T(test_bad_type_and_flags),
		T(test_double_free),
		T(test_wrong_size),
		T(test_foreign_pointers),
		T(test_modified_free_chunk),
		T(test_spl),
		T(test_printit),
		T(test_random),
#undef T
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
