/*
 * tests/host/test_uvm_page.c: host tests for mm/uvm_page.c, the physical
 * page allocator (uvm_page_physload, uvm_page_init, uvm_pagealloc,
 * uvm_pagefree, PHYS_TO_VM_PAGE).
 *
 * "Physical memory" is host memory.  The allocator reaches a page at
 * PMAP_DIRECT_MAP(pa) = pa + KERNBASE, and paddr_t is 64 bits here, so a
 * segment made of a page-aligned host block buf is loaded at the fake
 * physical address pa = buf - KERNBASE: the direct map of pa is buf.  Each
 * segment is its own block of exactly its length, so AddressSanitizer
 * catches the allocator touching a byte outside the memory it was given.
 *
 * printf() and panic() are the kernel's own (subr_prf.c): the console is
 * recorded, and panic() ends in a boot() that jumps back into the test,
 * so each panic (a double free, a KASSERT, no room for the vm_pages) is
 * checked word for word.  pmap_zero_page() clears the page through the
 * direct map and counts the calls; splraise()/splx() keep a cpl.
 *
 * uvm_page.c keeps its state in globals and in the static free list; the
 * unity build reaches the list, and each test starts from a machine with
 * no segments.  Nothing here depends on sizeof(struct vm_page), which is
 * 20 bytes on i386 and 32 on the host: the number of pages the vm_page
 * array takes is computed from it.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"

/*
 * <sys/mman.h>: <machine/pmap.h> takes it for vm_prot_t, and glibc's,
 * found first, has no vm_prot_t.  The kernel's typedef, here rather than
 * in host_shim.h while this is the only test that includes pmap.h.
 */
typedef int vm_prot_t;

#include "../../kernel/subr_prf.c"
#include "../../mm/uvm_page.c"

#define KERN_STUBS_CONSOLE
#define KERN_STUBS_SPL
#include "kern_stubs.h"

/* Nobody sleeps for memory in these tests. */
void
uvm_wait_wakeup(void)
{
	fail_msg("uvm_wait_wakeup without a waiter");
}

/* ---- stubs: pmap -------------------------------------------------------- */

static int nzeroed;		/* pmap_zero_page() calls */

static int ram_find(paddr_t pa);

/* Clear the page through the direct map, as pmap.c does. */
void
pmap_zero_page(struct vm_page *pg)
{
	paddr_t pa = VM_PAGE_TO_PHYS(pg);

	assert_int_equal(pa & PAGE_MASK, 0);
	assert_true(ram_find(pa) >= 0);
	memset((void *)PMAP_DIRECT_MAP(pa), 0, PAGE_SIZE);
	nzeroed++;
}

/* ---- the fake physical memory ------------------------------------------- */

#define NRAM	(VM_PHYSSEG_MAX + 1)	/* one more than uvm takes */
#define DIRTY	0xa5			/* what fresh "RAM" holds */

static struct ram {
	u_char	*buf;		/* the host block: PMAP_DIRECT_MAP(pa) */
	size_t	npages;
} ram[NRAM];
static int nram;
static int inited;		/* uvm_page_init() returned */

/* The fake physical address of host memory p (wrapping arithmetic). */
static paddr_t
pa_of(const void *p)
{
	return (paddr_t)(uintptr_t)p - KERNBASE;
}

static paddr_t
ram_start(int i)
{
	return pa_of(ram[i].buf);
}

static paddr_t
ram_end(int i)
{
	return ram_start(i) + ram[i].npages * PAGE_SIZE;
}

/* Which block holds pa, or -1. */
static int
ram_find(paddr_t pa)
{
	int i;

	for (i = 0; i < nram; i++)
		if (pa >= ram_start(i) && pa < ram_end(i))
			return i;
	return -1;
}

/* Make a block of npages dirty pages; returns its index. */
static int
ram_add(size_t npages)
{
	int i = nram;

	assert_true(nram < NRAM);
	ram[i].buf = aligned_alloc(PAGE_SIZE, npages * PAGE_SIZE);
	assert_non_null(ram[i].buf);
	memset(ram[i].buf, DIRTY, npages * PAGE_SIZE);
	ram[i].npages = npages;
	nram++;
	assert_true(ram_start(i) < ram_end(i));	/* no wrap inside */
	return i;
}

/* A block of npages handed to uvm_page_physload(); returns its index. */
static int
ram_load(size_t npages)
{
	int i = ram_add(npages);

	uvm_page_physload(ram_start(i), ram_end(i));
	return i;
}

/* Pages the vm_page array of total pages takes. */
static size_t
stolen_pages(size_t total)
{
	return round_page(total * sizeof(struct vm_page)) / PAGE_SIZE;
}

/*
 * Load blocks of the given sizes and run uvm_page_init().  Returns the
 * index of the biggest (the first of equals), where the vm_pages go.
 */
static int
boot_with(const size_t *sizes, int n)
{
	int i, big = 0;

	for (i = 0; i < n; i++) {
		assert_int_equal(ram_load(sizes[i]), i);
		if (sizes[i] > sizes[big])
			big = i;
	}
	uvm_page_init();
	inited = 1;
	return big;
}

/* Is pa in the pages uvm manages (a segment, less the stolen array)? */
static int
managed(paddr_t pa)
{
	int i;

	for (i = 0; i < vm_nphysseg; i++)
		if (pa >= vm_physmem[i].start && pa < vm_physmem[i].end)
			return 1;
	return 0;
}

/*
 * Walk the free list: every page on it is PQ_FREE and managed, and there
 * are exactly uvmexp.free of them (a loop would run past npages).
 */
static void
check_free_list(void)
{
	struct vm_page *pg;
	int n = 0;

	for (pg = uvm_page_free_list; pg != NULL; pg = pg->pageq) {
		assert_true(n < uvmexp.npages);
		assert_true(pg->pg_flags & PQ_FREE);
		assert_true(managed(pg->phys_addr));
		assert_ptr_equal(PHYS_TO_VM_PAGE(pg->phys_addr), pg);
		n++;
	}
	assert_int_equal(n, uvmexp.free);
}

/* Allocate every free page into pgs[]; returns how many. */
static int
alloc_all(struct vm_page **pgs, int max)
{
	struct vm_page *pg;
	int n = 0;

	while ((pg = uvm_pagealloc(NULL, 0, NULL, 0)) != NULL) {
		assert_true(n < max);
		pgs[n++] = pg;
		assert_int_equal(uvmexp.free, uvmexp.npages - n);
	}
	return n;
}

/*
 * Run stmt, which must fail KASSERT(expr) in uvm_page.c.  The line number
 * is not checked, so that editing the file does not break the test.
 */
#define EXPECT_KASSERT(stmt, expr) do {					\
	static const char _want[] = "kernel diagnostic assertion \""	\
	    expr "\" failed: file \"";					\
									\
	CATCH_PANIC(stmt, "KASSERT");					\
	assert_non_null(panicstr);					\
	assert_memory_equal(panicstr, _want, sizeof(_want) - 1);	\
	assert_non_null(strstr(panicstr, "mm/uvm_page.c\", line "));	\
	panicstr = NULL;						\
} while (0)

/* Before each test: no segments, no pages, nothing printed. */
static int
setup(void **state)
{
	(void)state;
	memset(vm_physmem, 0, sizeof(vm_physmem));
	vm_nphysseg = 0;
	memset(&uvmexp, 0, sizeof(uvmexp));
	uvm_page_free_list = NULL;
	stubs_reset();
	nzeroed = 0;
	inited = 0;
	return 0;
}

/* After each test: the level back, the list sound, the blocks freed. */
static int
teardown(void **state)
{
	int i;

	(void)state;
	assert_int_equal(cpl, IPL_NONE);
	if (inited)
		check_free_list();
	for (i = 0; i < nram; i++) {
		free(ram[i].buf);
		ram[i].buf = NULL;
	}
	nram = 0;
	return 0;
}

/* ---- uvm_page_physload -------------------------------------------------- */

static void
test_physload_one(void **state)
{
	int r;

	(void)state;
	r = ram_load(8);
	assert_int_equal(vm_nphysseg, 1);
	assert_int_equal(vm_physmem[0].start, ram_start(r));
	assert_int_equal(vm_physmem[0].end, ram_end(r));
	assert_null(vm_physmem[0].pgs);		/* not before init */
	assert_int_equal(uvmexp.npages, 0);
	assert_int_equal(uvmexp.free, 0);
	assert_null(uvm_page_free_list);
	assert_string_equal(cons, "");
}

static void
test_physload_several(void **state)
{
	static const size_t sizes[] = { 3, 1, 20, 7 };
	int i;

	(void)state;
	for (i = 0; i < (int)nitems(sizes); i++)
		ram_load(sizes[i]);
	assert_int_equal(vm_nphysseg, nitems(sizes));
	for (i = 0; i < (int)nitems(sizes); i++) {	/* in load order */
		assert_int_equal(vm_physmem[i].start, ram_start(i));
		assert_int_equal(vm_physmem[i].end, ram_end(i));
	}
	assert_string_equal(cons, "");
}

/* An empty or backwards range is no segment. */
static void
test_physload_empty_range(void **state)
{
	(void)state;
	uvm_page_physload(0x100000, 0x100000);
	uvm_page_physload(0x200000, 0x100000);
	uvm_page_physload(0, 0);
	assert_int_equal(vm_nphysseg, 0);
	assert_string_equal(cons, "");
}

/* The 17th segment is refused with a message; the 16 are kept and used. */
static void
test_physload_seventeenth(void **state)
{
	char want[128];
	size_t total = 0;
	int i, r;

	(void)state;
	for (i = 0; i < VM_PHYSSEG_MAX; i++) {
		ram_load(2);
		total += 2;
	}
	assert_int_equal(vm_nphysseg, VM_PHYSSEG_MAX);
	assert_string_equal(cons, "");
	r = ram_load(5);
	assert_int_equal(vm_nphysseg, VM_PHYSSEG_MAX);
	snprintf(want, sizeof(want),
	    "uvm: too many memory segments; ignoring 0x%lx-0x%lx\n",
	    ram_start(r), ram_end(r));
	assert_string_equal(cons, want);
	for (i = 0; i < VM_PHYSSEG_MAX; i++) {
		assert_int_equal(vm_physmem[i].start, ram_start(i));
		assert_int_equal(vm_physmem[i].end, ram_end(i));
	}

	/* uvm_page_init() manages the 16, not the refused one. */
	cons_reset();
	uvm_page_init();
	inited = 1;
	total -= stolen_pages(total);
	assert_int_equal(uvmexp.npages, total);
	assert_int_equal(uvmexp.free, total);
	snprintf(want, sizeof(want),
	    "uvm: %zu pages (%zu KiB) free in 16 segments\n", total,
	    total * 4);
	assert_string_equal(cons, want);
	assert_null(PHYS_TO_VM_PAGE(ram_start(r)));
	assert_null(PHYS_TO_VM_PAGE(ram_end(r) - PAGE_SIZE));
}

/* A range not on page boundaries is a KASSERT. */
static void
test_physload_misaligned(void **state)
{
	(void)state;
	EXPECT_KASSERT(uvm_page_physload(0x100010, 0x200000),
	    "(start & PAGE_MASK) == 0 && (end & PAGE_MASK) == 0");
	EXPECT_KASSERT(uvm_page_physload(0x100000, 0x200001),
	    "(start & PAGE_MASK) == 0 && (end & PAGE_MASK) == 0");
	EXPECT_KASSERT(uvm_page_physload(0x100000, 0x100000 + 1),
	    "(start & PAGE_MASK) == 0 && (end & PAGE_MASK) == 0");
	assert_int_equal(vm_nphysseg, 0);
	assert_string_equal(cons + ncons - 1, "\n");
}

/* ---- uvm_page_init ------------------------------------------------------ */

/*
 * The vm_page array is taken from the start of the biggest segment (the
 * middle one here, and big enough that it takes several pages).
 */
static void
test_init_steals_from_biggest(void **state)
{
	static const size_t sizes[] = { 5, 300, 12 };
	const size_t total = 5 + 300 + 12;
	size_t stolen = stolen_pages(total), managed_pages = total - stolen;
	struct vm_page *array;
	char want[128];
	paddr_t pa;
	int big, i;

	(void)state;
	assert_true(stolen >= 2);
	big = boot_with(sizes, nitems(sizes));
	assert_int_equal(big, 1);
	array = (struct vm_page *)ram[big].buf;

	assert_int_equal(uvmexp.pagesize, PAGE_SIZE);
	assert_int_equal(uvmexp.npages, managed_pages);
	assert_int_equal(uvmexp.free, managed_pages);
	snprintf(want, sizeof(want), "uvm: %zu pages (%zu KiB) free in 3 "
	    "segments\n", managed_pages, managed_pages * 4);
	assert_string_equal(cons, want);

	/* Only the biggest segment shrank, by the array's pages. */
	assert_int_equal(vm_physmem[0].start, ram_start(0));
	assert_int_equal(vm_physmem[1].start, ram_start(1) +
	    stolen * PAGE_SIZE);
	assert_int_equal(vm_physmem[2].start, ram_start(2));
	for (i = 0; i < 3; i++)
		assert_int_equal(vm_physmem[i].end, ram_end(i));

	/* The array lies at its start, the segments' vm_pages in order. */
	assert_ptr_equal(vm_physmem[0].pgs, array);
	assert_ptr_equal(vm_physmem[1].pgs, array + 5);
	assert_ptr_equal(vm_physmem[2].pgs, array + 5 + (300 - stolen));

	/* Each vm_page: its address, free, no references, no wiring. */
	for (i = 0; i < 3; i++)
		for (pa = vm_physmem[i].start; pa < vm_physmem[i].end;
		    pa += PAGE_SIZE) {
			struct vm_page *pg = &vm_physmem[i].pgs[
			    (pa - vm_physmem[i].start) / PAGE_SIZE];

			assert_int_equal(pg->phys_addr, pa);
			assert_int_equal(pg->pg_flags, PQ_FREE);
			assert_int_equal(pg->pg_refs, 0);
			assert_int_equal(pg->wire_count, 0);
		}
	/* The array's unused tail was cleared, not left dirty. */
	for (i = managed_pages * sizeof(struct vm_page);
	    i < (int)(stolen * PAGE_SIZE); i++)
		assert_int_equal(((u_char *)array)[i], 0);
	check_free_list();
	assert_int_equal(nzeroed, 0);		/* free pages stay dirty */
}

/* Of two biggest segments of one size, the first gives the array. */
static void
test_init_biggest_tie(void **state)
{
	static const size_t sizes[] = { 4, 9, 2, 9 };
	size_t stolen = stolen_pages(24);

	(void)state;
	assert_int_equal(boot_with(sizes, nitems(sizes)), 1);
	assert_int_equal(vm_physmem[1].start, ram_start(1) +
	    stolen * PAGE_SIZE);
	assert_int_equal(vm_physmem[3].start, ram_start(3));
	assert_ptr_equal(vm_physmem[0].pgs, (struct vm_page *)ram[1].buf);
	assert_int_equal(uvmexp.npages, 24 - stolen);
}

static void
test_init_one_segment(void **state)
{
	static const size_t sizes[] = { 10 };
	char want[128];

	(void)state;
	boot_with(sizes, 1);
	assert_int_equal(stolen_pages(10), 1);
	assert_int_equal(uvmexp.npages, 9);
	assert_int_equal(uvmexp.free, 9);
	snprintf(want, sizeof(want),
	    "uvm: 9 pages (36 KiB) free in 1 segment\n");
	assert_string_equal(cons, want);
	assert_ptr_equal(vm_physmem[0].pgs, (struct vm_page *)ram[0].buf);
	assert_int_equal(vm_physmem[0].start, ram_start(0) + PAGE_SIZE);
}

/* No memory, or none left once the array is taken: a panic. */
static void
test_init_no_room(void **state)
{
	(void)state;
	EXPECT_PANIC(uvm_page_init(), "uvm_page_init: no room for 0 vm_pages");
	/* One page would hold its own vm_page, and leave nothing. */
	ram_load(1);
	EXPECT_PANIC(uvm_page_init(), "uvm_page_init: no room for 1 vm_pages");
	assert_int_equal(vm_physmem[0].start, ram_start(0));
	assert_int_equal(uvmexp.npages, 0);
	assert_null(uvm_page_free_list);
}

/* The smallest machine that works: two pages, one for the array. */
static void
test_init_two_pages(void **state)
{
	static const size_t sizes[] = { 2 };
	struct vm_page *pg;

	(void)state;
	boot_with(sizes, 1);
	assert_int_equal(uvmexp.npages, 1);
	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	assert_non_null(pg);
	assert_int_equal(VM_PAGE_TO_PHYS(pg), ram_start(0) + PAGE_SIZE);
	assert_null(uvm_pagealloc(NULL, 0, NULL, 0));
	uvm_pagefree(pg);
}

/* ---- uvm_pagealloc and uvm_pagefree ------------------------------------- */

/*
 * Every managed page comes out exactly once: page-aligned, in a segment,
 * not in the vm_page array; then NULL.  Freed, they all come back.
 */
static void
test_every_page_once(void **state)
{
	static const size_t sizes[] = { 3, 300, 17, 1 };
	static struct vm_page *pgs[400];
	static u_char taken[NRAM][300];
	size_t stolen = stolen_pages(321);
	paddr_t pa, array_pa;
	int big, i, n, r, round;

	(void)state;
	big = boot_with(sizes, nitems(sizes));
	array_pa = ram_start(big);
	for (round = 0; round < 2; round++) {
		memset(taken, 0, sizeof(taken));
		n = alloc_all(pgs, nitems(pgs));
		assert_int_equal(n, 321 - stolen);
		assert_int_equal(n, uvmexp.npages);
		assert_int_equal(uvmexp.free, 0);
		assert_null(uvm_pagealloc(NULL, 0, NULL, 0));
		assert_null(uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO));
		assert_int_equal(uvmexp.free, 0);
		assert_null(uvm_page_free_list);
		for (i = 0; i < n; i++) {
			pa = VM_PAGE_TO_PHYS(pgs[i]);
			assert_int_equal(pa & PAGE_MASK, 0);
			r = ram_find(pa);
			assert_true(r >= 0);
			assert_false(pa >= array_pa &&
			    pa < array_pa + stolen * PAGE_SIZE);
			assert_false(taken[r][(pa - ram_start(r)) / PAGE_SIZE]);
			taken[r][(pa - ram_start(r)) / PAGE_SIZE] = 1;
			assert_ptr_equal(PHYS_TO_VM_PAGE(pa), pgs[i]);
		}
		for (i = 0; i < n; i++) {
			uvm_pagefree(pgs[i]);
			assert_int_equal(uvmexp.free, i + 1);
			assert_int_equal(uvmexp.npages, n);
		}
		check_free_list();
	}
	assert_int_equal(nzeroed, 0);
	assert_int_equal(spl_max, IPL_VM);
}

/* The page freed last is the next one handed out. */
static void
test_lifo_reuse(void **state)
{
	static const size_t sizes[] = { 6, 20 };
	struct vm_page *a, *b, *c;

	(void)state;
	boot_with(sizes, nitems(sizes));
	a = uvm_pagealloc(NULL, 0, NULL, 0);
	b = uvm_pagealloc(NULL, 0, NULL, 0);
	assert_ptr_not_equal(a, b);
	uvm_pagefree(a);
	c = uvm_pagealloc(NULL, 0, NULL, 0);
	assert_ptr_equal(c, a);
	uvm_pagefree(b);
	uvm_pagefree(a);
	assert_ptr_equal(uvm_pagealloc(NULL, 0, NULL, 0), a);
	assert_ptr_equal(uvm_pagealloc(NULL, 0, NULL, 0), b);
	c = uvm_pagealloc(NULL, 0, NULL, 0);	/* the list carries on */
	assert_ptr_not_equal(c, a);
	assert_ptr_not_equal(c, b);
	uvm_pagefree(c);
	uvm_pagefree(b);
	uvm_pagefree(a);
	assert_int_equal(uvmexp.free, uvmexp.npages);
}

/* pg_refs, wire_count, pageq and PQ_FREE through alloc and free. */
static void
test_page_fields(void **state)
{
	static const size_t sizes[] = { 8 };
	struct vm_page *pg;

	(void)state;
	boot_with(sizes, 1);
	pg = uvm_page_free_list;
	assert_true(pg->pg_flags & PQ_FREE);
	assert_int_equal(pg->pg_refs, 0);
	assert_ptr_equal(uvm_pagealloc(NULL, 0, NULL, 0), pg);
	assert_int_equal(pg->pg_refs, 1);
	assert_int_equal(pg->wire_count, 0);
	assert_false(pg->pg_flags & PQ_FREE);
	assert_null(pg->pageq);

	/* A user's changes do not survive a free. */
	pg->pg_refs = 3;
	pg->wire_count = 2;
	pg->pg_flags |= PG_ZERO;
	uvm_pagefree(pg);
	assert_int_equal(pg->pg_flags, PQ_FREE);
	assert_int_equal(pg->pg_refs, 0);
	assert_int_equal(pg->wire_count, 0);
	assert_ptr_equal(uvm_page_free_list, pg);

	/* ... and what a free page had is reset by the next allocation. */
	pg->wire_count = 9;
	pg->pg_refs = 7;
	assert_ptr_equal(uvm_pagealloc(NULL, 0, NULL, 0), pg);
	assert_int_equal(pg->pg_refs, 1);
	assert_int_equal(pg->wire_count, 0);
	assert_int_equal(pg->pg_flags, 0);
	uvm_pagefree(pg);
}

/* UVM_PGA_ZERO clears a dirty page; without it the page is as it was. */
static void
test_zero_flag(void **state)
{
	static const size_t sizes[] = { 4 };
	struct vm_page *pg, *pg2;
	u_char *va;
	int i;

	(void)state;
	boot_with(sizes, 1);
	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	va = (u_char *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(pg));
	assert_true(va >= ram[0].buf &&
	    va < ram[0].buf + ram[0].npages * PAGE_SIZE);
	assert_int_equal(va[0], DIRTY);		/* not zeroed unasked */
	assert_int_equal(nzeroed, 0);
	memset(va, 0x5c, PAGE_SIZE);
	uvm_pagefree(pg);

	pg2 = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);
	assert_ptr_equal(pg2, pg);
	assert_int_equal(nzeroed, 1);
	for (i = 0; i < PAGE_SIZE; i++)
		assert_int_equal(va[i], 0);
	assert_int_equal(pg->pg_refs, 1);
	assert_int_equal(cpl, IPL_NONE);

	/* Dirty it again: a plain allocation keeps what is there. */
	memset(va, 0x33, PAGE_SIZE);
	uvm_pagefree(pg);
	assert_ptr_equal(uvm_pagealloc(NULL, 0, NULL, 0), pg);
	assert_int_equal(va[PAGE_SIZE - 1], 0x33);
	assert_int_equal(nzeroed, 1);
	uvm_pagefree(pg);
}

/* ---- PHYS_TO_VM_PAGE ---------------------------------------------------- */

static void
test_phys_to_vm_page(void **state)
{
	static const size_t sizes[] = { 7, 40, 3 };
	size_t stolen = stolen_pages(50);
	struct vm_page *pg;
	paddr_t pa, outside[8];
	int big, i, n = 0;

	(void)state;
	big = boot_with(sizes, nitems(sizes));

	/* Every managed page, and any byte in it, finds its vm_page. */
	for (i = 0; i < vm_nphysseg; i++)
		for (pa = vm_physmem[i].start; pa < vm_physmem[i].end;
		    pa += PAGE_SIZE) {
			pg = PHYS_TO_VM_PAGE(pa);
			assert_non_null(pg);
			assert_int_equal(VM_PAGE_TO_PHYS(pg), pa);
			assert_ptr_equal(PHYS_TO_VM_PAGE(pa + 1), pg);
			assert_ptr_equal(PHYS_TO_VM_PAGE(pa + PAGE_SIZE - 1),
			    pg);
			n++;
		}
	assert_int_equal(n, uvmexp.npages);

	/* Every page uvm hands out maps back to itself. */
	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	assert_ptr_equal(PHYS_TO_VM_PAGE(VM_PAGE_TO_PHYS(pg)), pg);
	uvm_pagefree(pg);

	/* The vm_page array's own pages are not managed. */
	for (pa = ram_start(big); pa < ram_start(big) + stolen * PAGE_SIZE;
	    pa += PAGE_SIZE)
		assert_null(PHYS_TO_VM_PAGE(pa));
	assert_null(PHYS_TO_VM_PAGE(vm_physmem[big].start - 1));

	/* Around each segment, and far away. */
	n = 0;
	for (i = 0; i < nram; i++) {
		outside[n++] = ram_start(i) - PAGE_SIZE;
		outside[n++] = ram_end(i);
	}
	outside[n++] = 0;
	outside[n++] = ~(paddr_t)0 & ~(paddr_t)PAGE_MASK;
	for (i = 0; i < n; i++) {
		if (ram_find(outside[i]) >= 0)	/* another block is there */
			continue;
		assert_null(PHYS_TO_VM_PAGE(outside[i]));
	}
}

/* ---- panics ------------------------------------------------------------- */

/* Freeing a free page panics, naming it, and changes nothing. */
static void
test_double_free(void **state)
{
	static const size_t sizes[] = { 3, 9 };
	struct vm_page *pg, *head;
	static struct vm_page *pgs[16];
	int free_before, n;

	(void)state;
	boot_with(sizes, nitems(sizes));
	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	uvm_pagefree(pg);
	free_before = uvmexp.free;
	head = uvm_page_free_list;
	EXPECT_PANIC(uvm_pagefree(pg),
	    "uvm_pagefree: page 0x%lx is already free", pg->phys_addr);
	assert_int_equal(uvmexp.free, free_before);
	assert_ptr_equal(uvm_page_free_list, head);
	assert_non_null(strstr(cons, "panic: uvm_pagefree: page 0x"));

	/* A page never allocated is free too. */
	pg = uvm_page_free_list->pageq;
	EXPECT_PANIC(uvm_pagefree(pg),
	    "uvm_pagefree: page 0x%lx is already free", pg->phys_addr);
	assert_int_equal(uvmexp.free, free_before);

	/* The list is whole: every page still comes out once. */
	check_free_list();
	n = alloc_all(pgs, nitems(pgs));
	assert_int_equal(n, uvmexp.npages);
	while (n > 0)
		uvm_pagefree(pgs[--n]);
}

/* A page on the free list without PQ_FREE is a KASSERT in alloc. */
static void
test_alloc_checks_free_flag(void **state)
{
	static const size_t sizes[] = { 5 };
	struct vm_page *head;
	int free_before;

	(void)state;
	boot_with(sizes, 1);
	head = uvm_page_free_list;
	free_before = uvmexp.free;
	head->pg_flags &= ~PQ_FREE;
	EXPECT_KASSERT((void)uvm_pagealloc(NULL, 0, NULL, 0),
	    "pg->pg_flags & PQ_FREE");
	assert_int_equal(cpl, IPL_VM);		/* panicked at splvm */
	cpl = IPL_NONE;
	assert_ptr_equal(uvm_page_free_list, head);	/* not taken */
	assert_int_equal(uvmexp.free, free_before);
	head->pg_flags |= PQ_FREE;
}

/* ---- levels and counters ------------------------------------------------ */

/* Both work at splvm and leave the level as they found it. */
static void
test_spl(void **state)
{
	static const size_t sizes[] = { 4 };
	struct vm_page *pg;

	(void)state;
	boot_with(sizes, 1);
	spl_max = IPL_NONE;
	pg = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);
	assert_int_equal(spl_max, IPL_VM);
	assert_int_equal(cpl, IPL_NONE);
	spl_max = IPL_NONE;
	uvm_pagefree(pg);
	assert_int_equal(spl_max, IPL_VM);
	assert_int_equal(cpl, IPL_NONE);

	cpl = IPL_HIGH;
	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	assert_int_equal(cpl, IPL_HIGH);
	uvm_pagefree(pg);
	assert_int_equal(cpl, IPL_HIGH);
	cpl = IPL_NONE;

	/* Running dry also puts the level back. */
	while ((pg = uvm_pagealloc(NULL, 0, NULL, 0)) != NULL)
		;
	assert_int_equal(cpl, IPL_NONE);
	for (pg = &vm_physmem[0].pgs[0];
	    pg < &vm_physmem[0].pgs[uvmexp.npages]; pg++)
		uvm_pagefree(pg);
	assert_int_equal(cpl, IPL_NONE);
}

/*
 * Random allocations and frees: the counters are exact after each step,
 * no page is handed out twice, and what is written into a page in use is
 * still there when it is freed (the allocator keeps its links in the
 * vm_page, never in the page).
 */
static void
test_random(void **state)
{
	enum { ROUNDS = 20000 };
	static const size_t sizes[] = { 13, 64, 1, 30 };
	static struct vm_page *slot[128];
	uint32_t seed = 4242;
	struct vm_page *pg;
	int i, out = 0, r, s, zeroed = 0;
	u_char *va;

	(void)state;
	boot_with(sizes, nitems(sizes));
	assert_true(uvmexp.npages < (int)nitems(slot));
	for (r = 0; r < ROUNDS; r++) {
		seed = seed * 1103515245 + 12345;
		s = (seed >> 8) % nitems(slot);
		if (slot[s] != NULL) {
			va = (u_char *)PMAP_DIRECT_MAP(slot[s]->phys_addr);
			assert_int_equal(va[0], (u_char)s);
			assert_int_equal(va[PAGE_SIZE - 1], (u_char)s);
			assert_int_equal(slot[s]->pg_refs, 1);
			uvm_pagefree(slot[s]);
			slot[s] = NULL;
			out--;
		} else {
			int flags = (seed >> 20) & 1 ? UVM_PGA_ZERO : 0;

			pg = uvm_pagealloc(NULL, 0, NULL, flags);
			if (pg == NULL) {
				assert_int_equal(out, uvmexp.npages);
				continue;
			}
			zeroed += flags != 0;
			for (i = 0; i < (int)nitems(slot); i++)
				assert_ptr_not_equal(slot[i], pg);
			va = (u_char *)PMAP_DIRECT_MAP(pg->phys_addr);
			if (flags)
				assert_int_equal(va[PAGE_SIZE / 2], 0);
			memset(va, (u_char)s, PAGE_SIZE);
			slot[s] = pg;
			out++;
		}
		assert_int_equal(uvmexp.free, uvmexp.npages - out);
		assert_int_equal(cpl, IPL_NONE);
	}
	assert_int_equal(nzeroed, zeroed);
	for (i = 0; i < (int)nitems(slot); i++)
		if (slot[i] != NULL) {
			uvm_pagefree(slot[i]);
			slot[i] = NULL;
		}
	assert_int_equal(uvmexp.free, uvmexp.npages);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_physload_one),
		T(test_physload_several),
		T(test_physload_empty_range),
		T(test_physload_seventeenth),
		T(test_physload_misaligned),
		T(test_init_steals_from_biggest),
		T(test_init_biggest_tie),
		T(test_init_one_segment),
		T(test_init_no_room),
		T(test_init_two_pages),
		T(test_every_page_once),
		T(test_lifo_reuse),
		T(test_page_fields),
		T(test_zero_flag),
		T(test_phys_to_vm_page),
		T(test_double_free),
		T(test_alloc_checks_free_flag),
		T(test_spl),
		T(test_random),
#undef T
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
