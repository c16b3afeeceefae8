/*
 * mm/tests/ktest_pmap.c: user address spaces, seen through real accesses
 * by the kernel (ring 0 honours PG_RW on user pages because CR0.WP is on,
 * which is what copy-on-write during copyout will rely on).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>
#include <machine/trap.h>
#include <uvm/uvm_ktest.h>

#define UVA	0x00400000UL		/* some user address */

static struct vm_page *
page(void)
{
	struct vm_page *pg = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);

	KT_ASSERT(pg != NULL);
	return pg;
}

/* Enter, read and write through the new mapping, protect, remove. */
KTEST(pmap_enter_protect_remove)
{
	int base = uvmexp.free;
	struct ktest_trap t;
	struct vm_page *pg;
	struct pmap *pm;
	volatile int *p = (volatile int *)UVA;
	paddr_t pa;

	pm = pmap_create();
	KT_ASSERT(pm != NULL);
	pg = page();
	KT_EQ(pmap_enter(pm, UVA, VM_PAGE_TO_PHYS(pg),
	    PROT_READ | PROT_WRITE, 0), 0);
	KT_EQ(pm->pm_ptpages, 1);
	KT_EQ(pm->pm_stats.resident_count, 1);
	KT_ASSERT(pmap_extract(pm, UVA + 12, &pa));
	KT_EQ(pa, VM_PAGE_TO_PHYS(pg) + 12);
	KT_ASSERT(!pmap_extract(pm, UVA + PAGE_SIZE, &pa));

	pmap_load(pm);
	p[1] = 0x1234;				/* the TLB now holds RW */
	KT_EQ(*(int *)(PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(pg)) + 4), 0x1234);

	pmap_protect(pm, UVA, UVA + PAGE_SIZE, PROT_READ);
	KT_EQ(p[1], 0x1234);			/* still readable */
	if (ktest_catch(&t) == 0) {
		p[1] = 1;			/* must not use the old right */
		pmap_load(pmap_kernel());
		KT_FAIL("write to a page made read-only did not fault");
	}
	KT_EQ(t.kt_trapno, T_PAGEFLT);
	KT_EQ(t.kt_cr2, UVA + 4);
	KT_EQ(t.kt_err, PGEX_P | PGEX_W);

	pmap_remove(pm, UVA, UVA + PAGE_SIZE);
	KT_EQ(pm->pm_stats.resident_count, 0);
	if (ktest_catch(&t) == 0) {
		(void)p[0];
		pmap_load(pmap_kernel());
		KT_FAIL("read of a removed page did not fault");
	}
	KT_EQ(t.kt_err, 0);
	pmap_load(pmap_kernel());
	KT_ASSERT(!pmap_extract(pm, UVA, &pa));

	pmap_destroy(pm);
	uvm_pagefree(pg);
	KT_EQ(uvmexp.free, base);
}

/*
 * Two address spaces map the same page at different addresses, see each
 * other's writes, and the kernel half is present in both.
 */
KTEST(pmap_two_spaces_share_a_page)
{
	int base = uvmexp.free;
	struct pmap *a, *b;
	struct vm_page *pg;
	paddr_t pa;

	a = pmap_create();
	b = pmap_create();
	KT_ASSERT(a != NULL && b != NULL);
	pg = page();
	KT_EQ(pmap_enter(a, UVA, VM_PAGE_TO_PHYS(pg), PROT_READ | PROT_WRITE,
	    0), 0);
	KT_EQ(pmap_enter(b, 2 * UVA, VM_PAGE_TO_PHYS(pg), PROT_READ, 0), 0);
	pmap_load(a);
	*(volatile int *)UVA = 77;
	pmap_load(b);
	KT_EQ(*(volatile int *)(2 * UVA), 77);
	KT_ASSERT(pmap_extract(b, (vaddr_t)&base, &pa));	/* our stack */
	pmap_load(pmap_kernel());
	pmap_destroy(a);
	pmap_destroy(b);
	uvm_pagefree(pg);
	KT_EQ(uvmexp.free, base);
}

/* Many pages: protect and remove flush with one CR3 reload. */
KTEST(pmap_large_ranges)
{
	int base = uvmexp.free, i, n = 3 * PMAP_TLB_FLUSH_MAX;
	struct ktest_trap t;
	struct vm_page *pgs[3 * PMAP_TLB_FLUSH_MAX];
	struct pmap *pm = pmap_create();
	volatile char *p = (volatile char *)(UVA - 8 * PAGE_SIZE);

	KT_ASSERT(pm != NULL);
	for (i = 0; i < n; i++) {
		pgs[i] = page();
		KT_EQ(pmap_enter(pm, (vaddr_t)p + i * PAGE_SIZE,
		    VM_PAGE_TO_PHYS(pgs[i]), PROT_READ | PROT_WRITE, 0), 0);
	}
	KT_EQ(pm->pm_ptpages, 2);		/* the range crosses 4 MiB */
	pmap_load(pm);
	for (i = 0; i < n; i++)
		p[i * PAGE_SIZE] = i;
	pmap_protect(pm, (vaddr_t)p, (vaddr_t)p + n * PAGE_SIZE, PROT_READ);
	for (i = 0; i < n; i++)
		KT_EQ(p[i * PAGE_SIZE], i);
	if (ktest_catch(&t) == 0) {
		p[(n - 1) * PAGE_SIZE] = 0;
		pmap_load(pmap_kernel());
		KT_FAIL("the last page kept its write right");
	}
	pmap_remove(pm, (vaddr_t)p, (vaddr_t)p + n * PAGE_SIZE);
	KT_EQ(pm->pm_stats.resident_count, 0);
	if (ktest_catch(&t) == 0) {
		(void)p[PAGE_SIZE];
		pmap_load(pmap_kernel());
		KT_FAIL("a removed page is still mapped");
	}
	pmap_load(pmap_kernel());
	pmap_destroy(pm);
	for (i = 0; i < n; i++)
		uvm_pagefree(pgs[i]);
	KT_EQ(uvmexp.free, base);
}

/* With no free page for a page table, PMAP_CANFAIL gives ENOMEM. */
KTEST(pmap_enter_canfail)
{
	int base = uvmexp.free, n;
	struct vm_page *pg;
	struct pmap *pm = pmap_create();
	paddr_t hoard;

	KT_ASSERT(pm != NULL);
	pg = page();
	hoard = ktest_hoard_pages(0, &n);
	KT_EQ(uvmexp.free, 0);
	KT_EQ(pmap_enter(pm, UVA, VM_PAGE_TO_PHYS(pg), PROT_READ,
	    PMAP_CANFAIL), ENOMEM);
	KT_EQ(pm->pm_stats.resident_count, 0);
	KT_EQ(pm->pm_ptpages, 0);
	ktest_release_pages(hoard);
	pmap_destroy(pm);
	uvm_pagefree(pg);
	KT_EQ(uvmexp.free, base);
}
