/*
 * tests/host/test_pool.c: host tests for kernel/subr_pool.c, pool(9).
 *
 * The pools' pages come from a uvm_km_alloc() stub over aligned_alloc()
 * that counts them and can be told to fail, or from allocators of the
 * test's own; splraise()/splx() keep a cpl the tests look at.  The
 * poison functions are kern_malloc.c's, built in too.  panic() ends in a
 * boot() that jumps back into the test, so each panic is checked word
 * for word: double pool_put, an item of another pool or of none, a
 * pointer inside an item, pool_destroy() with items out, a modified free
 * item, PR_WAITOK with no memory, bad pool_init() arguments.  After every
 * test each pool is destroyed and every page back.
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
#include "../../kernel/subr_pool.c"

#define KERN_STUBS_UVM_KM	/* and spl; the console discards */
#define KERN_STUBS_KM_ONE_PAGE
#include "kern_stubs.h"

/* ---- helpers ------------------------------------------------------------ */

static struct pool testpl, otherpl;

/* Before each test: no pools, no pages. */
static int
setup(void **state)
{
	(void)state;
	stubs_reset();
	assert_null(pool_head);
	assert_int_equal(km_pages, 0);
	return 0;
}

/* After each test: every pool destroyed, every page back, level 0. */
static int
teardown(void **state)
{
	int i;

	(void)state;
	assert_int_equal(cpl, IPL_NONE);
	assert_null(pool_head);
	assert_int_equal(km_pages, 0);
	for (i = 0; i < POOL_NHASH; i++)
		assert_null(pool_phhash[i]);
	return 0;
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_init(void **state)
{
	(void)state;
	pool_init(&testpl, 1, 0, IPL_NONE, PR_WAITOK, "testpl", NULL);
	assert_int_equal(testpl.pr_size, sizeof(struct pool_item));
	assert_int_equal(testpl.pr_align, __alignof__(struct pool_item));
	assert_ptr_equal(testpl.pr_alloc, &pool_allocator_single);
	assert_string_equal(testpl.pr_wchan, "testpl");
	assert_int_equal(testpl.pr_itemsperpage,
	    POOL_PHOFFSET / sizeof(struct pool_item));
	assert_ptr_equal(pool_head, &testpl);
	pool_init(&otherpl, 100, 64, IPL_TTY, 0, "otherpl", NULL);
	assert_int_equal(otherpl.pr_size, 128);
	assert_int_equal(otherpl.pr_itemsperpage, POOL_PHOFFSET / 128);
	assert_int_equal(otherpl.pr_ipl, IPL_TTY);
	assert_ptr_equal(pool_head, &otherpl);
	assert_ptr_equal(otherpl.pr_poollist, &testpl);
	assert_int_equal(km_pages, 0);		/* no page until needed */
	pool_destroy(&testpl);
	assert_ptr_equal(pool_head, &otherpl);
	assert_null(otherpl.pr_poollist);
	pool_destroy(&otherpl);
	/* A destroyed pool can be set up again. */
	pool_init(&testpl, 24, 8, IPL_NONE, 0, "again", NULL);
	pool_destroy(&testpl);
}

/* Many items: distinct, aligned, counted; all pages go back. */
static void
test_get_put_many(void **state)
{
	enum { N = 1000 };
	static u_char *it[N];
	u_int ipp, pages;
	int i, j;

	(void)state;
	pool_init(&testpl, 40, 16, IPL_NONE, 0, "testpl", NULL);
	assert_int_equal(testpl.pr_size, 48);
	ipp = testpl.pr_itemsperpage;
	for (i = 0; i < N; i++) {
		it[i] = pool_get(&testpl, PR_WAITOK);
		assert_non_null(it[i]);
		assert_int_equal((uintptr_t)it[i] % 16, 0);
		assert_true((uintptr_t)it[i] % PAGE_SIZE + 48 <= POOL_PHOFFSET);
		memset(it[i], i & 0xff, 40);
		for (j = 0; j < i; j += 89)
			assert_ptr_not_equal(it[i], it[j]);
	}
	pages = (N + ipp - 1) / ipp;
	assert_int_equal(testpl.pr_nout, N);
	assert_int_equal(testpl.pr_nget, N);
	assert_int_equal(testpl.pr_npages, pages);
	assert_int_equal(testpl.pr_npagealloc, pages);
	assert_int_equal(testpl.pr_nitems, pages * ipp - N);
	assert_int_equal(km_pages, pages);
	assert_int_equal(km_cpl, IPL_VM);	/* uvm under splvm */
	for (i = 0; i < N; i++) {
		j = (i * 13) % N;
		assert_int_equal(it[j][39], j & 0xff);
		pool_put(&testpl, it[j]);
	}
	assert_int_equal(testpl.pr_nout, 0);
	assert_int_equal(testpl.pr_nput, N);
	assert_int_equal(testpl.pr_npages, 0);
	assert_int_equal(testpl.pr_npagefree, pages);
	assert_int_equal(testpl.pr_nitems, 0);
	assert_int_equal(testpl.pr_nfail, 0);
	assert_int_equal(km_pages, 0);
	pool_destroy(&testpl);
}

static void
test_zero_and_poison(void **state)
{
	uint32_t *keep, *p;
	size_t i;

	(void)state;
	pool_init(&testpl, 200, 0, IPL_NONE, 0, "testpl", NULL);
	keep = pool_get(&testpl, PR_WAITOK);
	p = pool_get(&testpl, PR_WAITOK);
	memset(p, 0xff, 200);
	pool_put(&testpl, p);
	p = pool_get(&testpl, PR_NOWAIT | PR_ZERO);
	for (i = 0; i < 200 / 4; i++)
		assert_int_equal(p[i], 0);
	pool_put(&testpl, p);
	p = pool_get(&testpl, PR_WAITOK);	/* not zeroed: the poison */
	assert_int_equal(p[POISON_SIZE / 4 - 1], POISON_VALUE);
	assert_int_equal(p[49], 0);		/* past the poison: stale */
	pool_put(&testpl, p);
	pool_put(&testpl, keep);
	pool_destroy(&testpl);
}

/* The item put back last is the next one handed out. */
static void
test_reuse(void **state)
{
	void *a, *b, *c;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	a = pool_get(&testpl, PR_WAITOK);
	b = pool_get(&testpl, PR_WAITOK);
	pool_put(&testpl, a);
	c = pool_get(&testpl, PR_WAITOK);
	assert_ptr_equal(c, a);
	pool_put(&testpl, b);
	pool_put(&testpl, c);
	pool_destroy(&testpl);
}

/* A page goes back when its last item does. */
static void
test_pages_come_and_go(void **state)
{
	static void *it[600];
	u_int i, n;

	(void)state;
	pool_init(&testpl, 32, 0, IPL_NONE, 0, "testpl", NULL);
	n = testpl.pr_itemsperpage;
	assert_true(n < nitems(it));
	for (i = 0; i < n; i++)
		it[i] = pool_get(&testpl, PR_WAITOK);
	assert_int_equal(km_pages, 1);
	assert_null(testpl.pr_partpages);	/* the page is full */
	it[n] = pool_get(&testpl, PR_WAITOK);
	assert_int_equal(km_pages, 2);
	pool_put(&testpl, it[n]);
	assert_int_equal(km_pages, 1);
	pool_put(&testpl, it[0]);
	assert_non_null(testpl.pr_partpages);
	for (i = 1; i < n; i++)
		pool_put(&testpl, it[i]);
	assert_int_equal(km_pages, 0);
	assert_int_equal(testpl.pr_npagealloc, 2);
	pool_destroy(&testpl);
}

/* No memory: PR_NOWAIT gets NULL, PR_WAITOK panics. */
static void
test_out_of_memory(void **state)
{
	void *p;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	km_fail = 1;
	assert_null(pool_get(&testpl, PR_NOWAIT));
	assert_null(pool_get(&testpl, PR_NOWAIT | PR_ZERO));
	assert_int_equal(testpl.pr_nfail, 2);
	assert_int_equal(testpl.pr_nget, 0);
	assert_int_equal(cpl, IPL_NONE);
	EXPECT_PANIC((void)pool_get(&testpl, PR_WAITOK),
	    "pool_get: testpl: out of memory, PR_WAITOK, and Tine cannot "
	    "sleep for memory yet");
	km_fail = 0;
	p = pool_get(&testpl, PR_NOWAIT);
	assert_non_null(p);
	pool_put(&testpl, p);
	pool_destroy(&testpl);
}

/* An allocator of the test's own. */
static int pa_allocs, pa_frees, pa_mode;	/* 1: fail, 2: misalign */
static char *pa_last;			/* mode 2 returns pa_last + 64 */

static void *
test_pa_alloc(struct pool *pp, int flags, int *slowdown)
{
	assert_ptr_equal(pp, &testpl);
	assert_true(flags & (PR_WAITOK | PR_NOWAIT));
	*slowdown = 0;
	if (pa_mode == 1)
		return NULL;
	if (pa_mode == 2)
		return pa_last + 64;		/* set up by the test */
	pa_allocs++;
	return libc_aligned_alloc(PAGE_SIZE, PAGE_SIZE);
}

static void
test_pa_free(struct pool *pp, void *v)
{
	assert_ptr_equal(pp, &testpl);
	pa_frees++;
	libc_free(v);
}

static struct pool_allocator test_allocator = {
	test_pa_alloc, test_pa_free, 0
};

static void
test_custom_allocator(void **state)
{
	void *a, *b;

	(void)state;
	pa_allocs = pa_frees = pa_mode = 0;
	pool_init(&testpl, 1000, 0, IPL_NONE, 0, "testpl", &test_allocator);
	a = pool_get(&testpl, PR_WAITOK);
	b = pool_get(&testpl, PR_WAITOK);
	assert_int_equal(pa_allocs, 1);
	assert_int_equal(km_pages, 0);		/* not uvm's */
	pool_put(&testpl, a);
	pool_put(&testpl, b);
	assert_int_equal(pa_frees, 1);
	pa_mode = 1;
	assert_null(pool_get(&testpl, PR_NOWAIT));
	pa_mode = 2;
	pa_last = libc_aligned_alloc(PAGE_SIZE, 2 * PAGE_SIZE);
	EXPECT_PANIC((void)pool_get(&testpl, PR_NOWAIT),
	    "pool_get: testpl: the page allocator returned %p, not a page",
	    pa_last + 64);
	libc_free(pa_last);
	pa_mode = 0;
	pool_destroy(&testpl);

	test_allocator.pa_pagesz = 2 * PAGE_SIZE;
	EXPECT_PANIC(pool_init(&testpl, 10, 0, IPL_NONE, 0, "bigpages",
	    &test_allocator), "pool_init: bigpages: page size 0x2000: Tine's "
	    "pools take aligned pages of 4096 bytes only");
	test_allocator.pa_pagesz = POOL_ALLOC_DEFAULT;
	pool_init(&testpl, 10, 0, IPL_NONE, 0, "testpl", &test_allocator);
	pool_destroy(&testpl);
	test_allocator.pa_pagesz = 0;
}

static void
test_double_put(void **state)
{
	void *a, *b;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	a = pool_get(&testpl, PR_WAITOK);
	b = pool_get(&testpl, PR_WAITOK);	/* keeps the page */
	pool_put(&testpl, a);
	EXPECT_PANIC(pool_put(&testpl, a),
	    "pool_put: testpl: double pool_put of %p: the item is already "
	    "free", a);
	assert_int_equal(testpl.pr_nout, 1);	/* untouched */
	assert_int_equal(testpl.pr_nput, 1);
	/* The last item out: its page is gone with it. */
	pool_put(&testpl, b);
	EXPECT_PANIC(pool_put(&testpl, b),
	    "pool_put: testpl: %p is in no pool's page (never an item, or "
	    "put already and its page freed)", b);
	pool_destroy(&testpl);
}

static void
test_foreign_items(void **state)
{
	char local, *a, *o, *m;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	pool_init(&otherpl, 64, 0, IPL_NONE, 0, "otherpl", NULL);
	a = pool_get(&testpl, PR_WAITOK);
	o = pool_get(&otherpl, PR_WAITOK);
	EXPECT_PANIC(pool_put(&testpl, o),
	    "pool_put: testpl: %p is an item of pool otherpl", o);
	EXPECT_PANIC(pool_put(&testpl, &local),
	    "pool_put: testpl: %p is in no pool's page (never an item, or "
	    "put already and its page freed)", &local);
	m = malloc(64, M_TEMP, M_WAITOK);
	EXPECT_PANIC(pool_put(&testpl, m),
	    "pool_put: testpl: %p is in no pool's page (never an item, or "
	    "put already and its page freed)", m);
	free(m, M_TEMP, 64);
	EXPECT_PANIC(pool_put(&testpl, a + 4),
	    "pool_put: testpl: %p is not the start of an item (page %p, "
	    "items of 64 bytes)", a + 4, (void *)trunc_page((vaddr_t)a));
	/* The page header's place, past the last item. */
	EXPECT_PANIC(pool_put(&testpl, (char *)trunc_page((vaddr_t)a) +
	    testpl.pr_itemsperpage * 64), "pool_put: testpl: %p is not the "
	    "start of an item (page %p, items of 64 bytes)",
	    (char *)trunc_page((vaddr_t)a) + testpl.pr_itemsperpage * 64,
	    (void *)trunc_page((vaddr_t)a));
	EXPECT_PANIC(pool_put(&testpl, NULL), "pool_put: testpl: NULL item");
	assert_int_equal(testpl.pr_nout, 1);
	pool_put(&testpl, a);
	pool_put(&otherpl, o);
	pool_destroy(&testpl);
	pool_destroy(&otherpl);
}

static void
test_destroy(void **state)
{
	void *a, *b;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	a = pool_get(&testpl, PR_WAITOK);
	b = pool_get(&testpl, PR_WAITOK);
	EXPECT_PANIC(pool_destroy(&testpl),
	    "pool_destroy: testpl: 2 items still out");
	assert_ptr_equal(pool_head, &testpl);	/* still there */
	pool_put(&testpl, a);
	pool_put(&testpl, b);
	pool_destroy(&testpl);
	EXPECT_PANIC(pool_destroy(&testpl),
	    "pool_destroy: %p is not an initialized pool", &testpl);

	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	EXPECT_PANIC(pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl2", NULL),
	    "pool_init: pool testpl2 already on list");
	pool_destroy(&testpl);
}

/* A write to a put item is found when the item is handed out again. */
static void
test_modified_free_item(void **state)
{
	struct pool_item *pi, *saved;
	uint32_t *a, *b, *c;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	a = pool_get(&testpl, PR_WAITOK);
	b = pool_get(&testpl, PR_WAITOK);
	pool_put(&testpl, a);
	a[5] = 1;
	EXPECT_PANIC((void)pool_get(&testpl, PR_WAITOK),
	    "pool_get: testpl: modified free item %p: offset 20 holds "
	    "0x00000001, not 0xdeadbeef", a);
	a[5] = POISON_VALUE;
	a[15] = 0;
	EXPECT_PANIC((void)pool_get(&testpl, PR_NOWAIT),
	    "pool_get: testpl: modified free item %p: offset 60 holds "
	    "0x00000000, not 0xdeadbeef", a);
	a[15] = POISON_VALUE;
	pi = (struct pool_item *)a;
	pi->pi_magic++;
	EXPECT_PANIC((void)pool_get(&testpl, PR_WAITOK),
	    "pool_get: testpl: modified free item %p: magic 0x%lx, not 0x%lx",
	    a, POOL_IMAGIC(pi) + 1, POOL_IMAGIC(pi));
	pi->pi_magic--;
	saved = pi->pi_next;
	pi->pi_next = (struct pool_item *)((char *)a + 8);
	EXPECT_PANIC((void)pool_get(&testpl, PR_WAITOK),
	    "pool_get: testpl: modified free item %p: its link %p is not "
	    "what pool_put() wrote", a, (char *)a + 8);
	pi->pi_next = saved;
	/* Repaired: the pool carries on, the item comes back. */
	c = pool_get(&testpl, PR_WAITOK);
	assert_ptr_equal(c, a);
	pool_put(&testpl, b);
	pool_put(&testpl, c);
	pool_destroy(&testpl);
}

static void
test_bad_arguments(void **state)
{
	(void)state;
	pool_init(&testpl, 64, 0, IPL_NONE, 0, "testpl", NULL);
	EXPECT_PANIC((void)pool_get(&testpl, 0),
	    "pool_get: testpl: flags 0x0: need exactly one of PR_WAITOK and "
	    "PR_NOWAIT");
	EXPECT_PANIC((void)pool_get(&testpl, PR_WAITOK | PR_NOWAIT),
	    "pool_get: testpl: flags 0x3: need exactly one of PR_WAITOK and "
	    "PR_NOWAIT");
	pool_destroy(&testpl);
	EXPECT_PANIC(pool_init(&testpl, 64, 24, IPL_NONE, 0, "oddpl", NULL),
	    "pool_init: oddpl: alignment 24 is not a power of two up to a "
	    "page");
	EXPECT_PANIC(pool_init(&testpl, 64, 2 * PAGE_SIZE, IPL_NONE, 0,
	    "hugepl", NULL), "pool_init: hugepl: alignment 8192 is not a "
	    "power of two up to a page");
	EXPECT_PANIC(pool_init(&testpl, PAGE_SIZE, 0, IPL_NONE, 0, "bigpl",
	    NULL), "pool_init: bigpl: items of 4096 bytes do not fit in a "
	    "page (at most %zu)", (size_t)POOL_PHOFFSET);
	/* The largest item that fits: one a page. */
	pool_init(&testpl, POOL_PHOFFSET, 0, IPL_NONE, 0, "testpl", NULL);
	assert_int_equal(testpl.pr_itemsperpage, 1);
	pool_destroy(&testpl);
}

/* The pool's level, or IPL_VM if lower, guards it; then put back. */
static void
test_spl(void **state)
{
	void *p;

	(void)state;
	pool_init(&testpl, 64, 0, IPL_HIGH, 0, "testpl", NULL);
	p = pool_get(&testpl, PR_NOWAIT);
	assert_int_equal(km_cpl, IPL_HIGH);
	assert_int_equal(cpl, IPL_NONE);
	pool_put(&testpl, p);
	assert_int_equal(km_cpl, IPL_HIGH);
	pool_destroy(&testpl);
	pool_init(&testpl, 64, 0, IPL_TTY, 0, "testpl", NULL);
	p = pool_get(&testpl, PR_NOWAIT);
	assert_int_equal(km_cpl, IPL_VM);
	cpl = IPL_CLOCK;			/* from a higher level */
	pool_put(&testpl, p);
	assert_int_equal(cpl, IPL_CLOCK);
	cpl = IPL_NONE;
	pool_destroy(&testpl);
}

/* Random gets and puts over two pools: no item shared, none lost. */
static void
test_random(void **state)
{
	enum { SLOTS = 300, ROUNDS = 5000 };
	static u_char *it[SLOTS];
	uint32_t seed = 777;
	struct pool *pp;
	int r, s, k;

	(void)state;
	pool_init(&testpl, 72, 8, IPL_NONE, 0, "testpl", NULL);
	pool_init(&otherpl, 600, 0, IPL_NONE, 0, "otherpl", NULL);
	for (r = 0; r < ROUNDS + SLOTS; r++) {
		seed = seed * 1103515245 + 12345;
		s = r < ROUNDS ? (int)((seed >> 8) % SLOTS) : r - ROUNDS;
		pp = s % 2 ? &otherpl : &testpl;
		if (it[s] != NULL) {
			for (k = 0; k < 72; k++)
				assert_int_equal(it[s][k], (u_char)s);
			pool_put(pp, it[s]);
			it[s] = NULL;
		} else if (r < ROUNDS) {
			it[s] = pool_get(pp, PR_WAITOK);
			memset(it[s], (u_char)s, 72);
		}
	}
	assert_int_equal(testpl.pr_nout + otherpl.pr_nout, 0);
	pool_destroy(&testpl);
	pool_destroy(&otherpl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_init),
		T(test_get_put_many),
		T(test_zero_and_poison),
		T(test_reuse),
		T(test_pages_come_and_go),
		T(test_out_of_memory),
		T(test_custom_allocator),
		T(test_double_put),
		T(test_foreign_items),
		T(test_destroy),
		T(test_modified_free_item),
		T(test_bad_arguments),
		T(test_spl),
		T(test_random),
#undef T
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
