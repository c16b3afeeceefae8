/*
 * mm/uvm_page.c: the physical page allocator.
 *
 * At boot the machine-dependent code hands over every free range of RAM
 * with uvm_page_physload(); uvm_page_init() then gives each page a
 * struct vm_page (the arrays themselves taken from the start of the
 * memory they describe) and puts every page on one free list:
 *
 *   uvm_page_free_list -> vm_page -> vm_page -> ... -> NULL
 *
 * uvm_pagealloc() takes the head, uvm_pagefree() pushes a page back: both
 * O(1).  PHYS_TO_VM_PAGE() finds a page's vm_page from its segment.
 * Pages are reached through the direct map (PMAP_DIRECT_MAP), for zeroing
 * and copying.  PORT: OpenBSD sorts free pages into several queues and
 * zeroes pages in the background; Tine keeps one list and zeroes on
 * demand (UVM_PGA_ZERO), and a page carries a reference count for the
 * copy-on-write sharing of the UVM-lite address spaces (OpenBSD counts
 * the anons that point at a page instead).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/intr.h>
#include <machine/pmap.h>

struct uvmexp uvmexp;
struct vm_physseg vm_physmem[VM_PHYSSEG_MAX];
int vm_nphysseg;

static struct vm_page *uvm_page_free_list;
int	uvm_page_waiters;	/* threads in uvm_wait() (uvm_km.c) */

/*
 * Record [start, end) as free memory.  => boot only, before
 * uvm_page_init(); start and end page-aligned.
 */
void
uvm_page_physload(paddr_t start, paddr_t end)
{
	KASSERT((start & PAGE_MASK) == 0 && (end & PAGE_MASK) == 0);
	if (start >= end)
		return;
	if (vm_nphysseg == VM_PHYSSEG_MAX) {
		printf("uvm: too many memory segments; ignoring 0x%lx-0x%lx\n",
		    start, end);
		return;
	}
	vm_physmem[vm_nphysseg].start = start;
	vm_physmem[vm_nphysseg].end = end;
	vm_nphysseg++;
}

/* Carve the vm_page arrays out of the biggest segment's first pages. */
static struct vm_page *
uvm_page_steal_array(size_t npages)
{
	size_t bytes = round_page(npages * sizeof(struct vm_page));
	struct vm_physseg *big = NULL;
	struct vm_page *pgs;
	int i;

	for (i = 0; i < vm_nphysseg; i++)
		if (big == NULL || vm_physmem[i].end - vm_physmem[i].start >
		    big->end - big->start)
			big = &vm_physmem[i];
	if (big == NULL || big->end - big->start <= bytes)
		panic("uvm_page_init: no room for %zu vm_pages", npages);
	pgs = (struct vm_page *)PMAP_DIRECT_MAP(big->start);
	big->start += bytes;
	memset(pgs, 0, bytes);
	return pgs;
}

void
uvm_page_init(void)
{
	struct vm_page *pgs;
	size_t npages = 0;
	paddr_t pa;
	int i;

	for (i = 0; i < vm_nphysseg; i++)
		npages += (vm_physmem[i].end - vm_physmem[i].start) >> PGSHIFT;
	pgs = uvm_page_steal_array(npages);
	uvmexp.pagesize = PAGE_SIZE;
	for (i = 0; i < vm_nphysseg; i++) {
		vm_physmem[i].pgs = pgs;
		for (pa = vm_physmem[i].start; pa < vm_physmem[i].end;
		    pa += PAGE_SIZE, pgs++) {
			pgs->phys_addr = pa;
			pgs->pg_flags = PQ_FREE;
			pgs->pageq = uvm_page_free_list;
			uvm_page_free_list = pgs;
			uvmexp.npages++;
			uvmexp.free++;
		}
	}
	printf("uvm: %d pages (%d KiB) free in %d segment%s\n", uvmexp.npages,
	    uvmexp.npages * (PAGE_SIZE / 1024), vm_nphysseg,
	    vm_nphysseg == 1 ? "" : "s");
}

paddr_t
VM_PAGE_TO_PHYS(struct vm_page *pg)
{
	return pg->phys_addr;
}

/* The vm_page of a managed physical address, or NULL. */
struct vm_page *
PHYS_TO_VM_PAGE(paddr_t pa)
{
	int i;

	for (i = 0; i < vm_nphysseg; i++)
		if (pa >= vm_physmem[i].start && pa < vm_physmem[i].end)
			return &vm_physmem[i].pgs[(pa - vm_physmem[i].start) >>
			    PGSHIFT];
	return NULL;
}

/*
 * Allocate a page, zeroed with UVM_PGA_ZERO.  Returns NULL when none is
 * free.  PORT: obj, off and anon are for OpenBSD's callers; UVM-lite
 * keeps no object or anon structures, so they are not used.
 */
struct vm_page *
uvm_pagealloc(void *obj __unused, off_t off __unused, void *anon __unused,
    int flags)
{
	struct vm_page *pg;
	int s = splvm();

	pg = uvm_page_free_list;
	if (pg == NULL) {
		splx(s);
		return NULL;
	}
	KASSERT(pg->pg_flags & PQ_FREE);
	uvm_page_free_list = pg->pageq;
	pg->pageq = NULL;
	pg->pg_flags &= ~PQ_FREE;
	pg->pg_refs = 1;
	pg->wire_count = 0;
	uvmexp.free--;
	splx(s);
	if (flags & UVM_PGA_ZERO)
		pmap_zero_page(pg);
	return pg;
}

/* Put a page back on the free list.  Freeing a free page panics. */
void
uvm_pagefree(struct vm_page *pg)
{
	int s = splvm();

	if (pg->pg_flags & PQ_FREE)
		panic("uvm_pagefree: page 0x%lx is already free",
		    pg->phys_addr);
	pg->pg_flags = PQ_FREE;
	pg->pg_refs = 0;
	pg->wire_count = 0;
	pg->pageq = uvm_page_free_list;
	uvm_page_free_list = pg;
	uvmexp.free++;
	if (uvm_page_waiters > 0)
		uvm_wait_wakeup();
	splx(s);
}

