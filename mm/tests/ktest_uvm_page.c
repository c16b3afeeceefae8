/*
 * mm/tests/ktest_uvm_page.c: the page allocator and kernel virtual memory.
 * Every test ends with uvmexp.free back at the baseline it started from.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>
#include <uvm/uvm_ktest.h>

extern char kernel_start[], kernel_end[];

/*
 * Take every free page, then give them all back.  The pages are chained
 * through their own first word (via the direct map), so the test needs no
 * memory of its own, and every managed page is written once.
 */
KTEST(uvm_page_exhaust_and_return)
{
	int base = uvmexp.free, n;
	paddr_t head, pa;

	head = ktest_hoard_pages(0, &n);
	ktest_diag("allocated all %d free pages", n);
	KT_EQ(n, base);
	KT_EQ(uvmexp.free, 0);
	KT_ASSERT(uvm_pagealloc(NULL, 0, NULL, 0) == NULL);
	for (pa = head; pa != 0; pa = *(paddr_t *)PMAP_DIRECT_MAP(pa)) {
		KT_EQ(pa & PAGE_MASK, 0);
		KT_EQ(VM_PAGE_TO_PHYS(PHYS_TO_VM_PAGE(pa)), pa);
		n--;
	}
	KT_EQ(n, 0);
	ktest_release_pages(head);
	KT_EQ(uvmexp.free, base);
}

KTEST(uvm_page_zero_and_ownership)
{
	int base = uvmexp.free;
	struct vm_page *pg;
	paddr_t pa;
	uint32_t *p;
	int i;

	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	KT_ASSERT(pg != NULL);
	pa = VM_PAGE_TO_PHYS(pg);
	KT_EQ(pg->pg_refs, 1);
	KT_EQ(pg->pg_flags & PQ_FREE, 0);
	/* Not the kernel image, and inside the direct map. */
	KT_ASSERT(pa >= VTOP((vaddr_t)kernel_end) ||
	    pa + PAGE_SIZE <= VTOP((vaddr_t)kernel_start));
	KT_ASSERT(pa + PAGE_SIZE <= avail_end);
	KT_ASSERT(PHYS_TO_VM_PAGE(VTOP((vaddr_t)kernel_start)) == NULL);
	p = (uint32_t *)PMAP_DIRECT_MAP(pa);
	memset(p, 0xa5, PAGE_SIZE);
	uvm_pagefree(pg);
	KT_ASSERT(pg->pg_flags & PQ_FREE);

	/* The free list is LIFO: the same page returns, and is zeroed. */
	pg = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);
	KT_EQ(VM_PAGE_TO_PHYS(pg), pa);
	for (i = 0; i < PAGE_SIZE / 4; i++)
		KT_EQ(p[i], 0);
	uvm_pagefree(pg);
	KT_EQ(uvmexp.free, base);
}

/* The kernel's half of the page directory is complete from boot. */
KTEST(pmap_kernel_page_tables)
{
	vaddr_t va;
	paddr_t pa;

	for (va = KERNBASE; va < KERNBASE + avail_end; va += NBPD)
		KT_ASSERT(pmap_kpte(va) != NULL);
	for (va = VM_MIN_KERNEL_ADDRESS; va < VM_MAX_KERNEL_ADDRESS;
	    va += NBPD)
		KT_ASSERT(pmap_kpte(va) != NULL);
	KT_ASSERT(pmap_kextract(KERNBASE + avail_end - PAGE_SIZE, &pa));
	KT_EQ(pa, avail_end - PAGE_SIZE);
	KT_ASSERT(pmap_kextract((vaddr_t)kernel_start, &pa));
	KT_EQ(pa, VTOP((vaddr_t)kernel_start));
	KT_ASSERT(!pmap_kextract(0x1000, &pa));		/* user space */
}

KTEST(uvm_km_alloc_maps_and_unmaps)
{
	int base = uvmexp.free, kbase = uvmexp.kmapent;
	struct ktest_trap t;
	paddr_t pa0, pa1;
	vaddr_t va;
	int i;

	va = uvm_km_alloc(3 * PAGE_SIZE + 1, UVM_KMF_ZERO);
	KT_ASSERT(va != 0);
	KT_EQ(va & PAGE_MASK, 0);
	KT_RANGE(va, VM_MIN_KERNEL_ADDRESS, VM_MAX_KERNEL_ADDRESS - 1);
	KT_EQ(uvmexp.free, base - 4);
	KT_EQ(uvmexp.kmapent, kbase + 4);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		KT_EQ(((volatile char *)va)[i], 0);
	memset((void *)va, 0x5a, 4 * PAGE_SIZE);
	KT_ASSERT(pmap_kextract(va, &pa0));
	KT_ASSERT(pmap_kextract(va + PAGE_SIZE, &pa1));
	KT_ASSERT(pa0 != pa1);
	KT_EQ(*(volatile char *)PMAP_DIRECT_MAP(pa1), 0x5a);
	uvm_km_free(va, 3 * PAGE_SIZE + 1);
	KT_EQ(uvmexp.free, base);
	KT_EQ(uvmexp.kmapent, kbase);
	KT_ASSERT(!pmap_kextract(va, &pa0));
	if (ktest_catch(&t) == 0) {
		(void)*(volatile char *)va;
		KT_FAIL("freed kernel memory is still mapped");
	}
	KT_EQ(t.kt_cr2, va);

	/* Too big for kernel space: 0, and nothing taken. */
	KT_EQ(uvm_km_alloc(VM_KERNEL_SPACE_SIZE + PAGE_SIZE, 0), 0);
	KT_EQ(uvmexp.free, base);
}

/* With no free pages, uvm_km_alloc fails cleanly and leaks nothing. */
KTEST(uvm_km_alloc_out_of_pages)
{
	int base = uvmexp.free, n;
	paddr_t head;
	vaddr_t va;

	head = ktest_hoard_pages(2, &n);	/* two left; ask for three */
	KT_EQ(uvm_km_alloc(3 * PAGE_SIZE, 0), 0);
	KT_EQ(uvmexp.free, 2);
	va = uvm_km_alloc(2 * PAGE_SIZE, 0);	/* the space was given back */
	KT_ASSERT(va != 0);
	uvm_km_free(va, 2 * PAGE_SIZE);
	ktest_release_pages(head);
	KT_EQ(uvmexp.free, base);
}
