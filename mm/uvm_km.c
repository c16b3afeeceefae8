/*
 * mm/uvm_km.c: kernel virtual memory.
 *
 * uvm_km_alloc() finds a run of free pages of kernel virtual address
 * space in [virtual_avail, virtual_end) (a bitmap, one bit a page, first
 * fit), backs each with a page from uvm_pagealloc() and maps it with
 * pmap_kenter_pa().  Physically the pages need not be contiguous, which
 * is the point: malloc's large blocks and, later, each thread's kernel
 * stack (with an unmapped guard page below it) come from here.
 *
 * PORT: OpenBSD manages kernel_map with the same map entries as user
 * maps; Tine's kernel space is a fixed 64 MiB, so a bitmap will do.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>
#include <machine/intr.h>

#define KM_NPAGES	(VM_KERNEL_SPACE_SIZE / PAGE_SIZE)

static uint32_t km_used[KM_NPAGES / 32];	/* bit set: page in use */

static int
km_isused(u_int i)
{
	return (km_used[i / 32] >> (i % 32)) & 1;
}

static void
km_mark(u_int first, u_int n, int used)
{
	u_int i;

	for (i = first; i < first + n; i++) {
		if (used)
			km_used[i / 32] |= 1U << (i % 32);
		else
			km_used[i / 32] &= ~(1U << (i % 32));
	}
}

/* The first run of n free pages; KM_NPAGES if there is none. */
static u_int
km_find(u_int n)
{
	u_int i, run = 0;

	for (i = 0; i < KM_NPAGES; i++) {
		run = km_isused(i) ? 0 : run + 1;
		if (run == n)
			return i + 1 - n;
	}
	return KM_NPAGES;
}

/* Unmap and free the pages of [va, va + npages pages). */
static void
km_release(vaddr_t va, u_int npages)
{
	paddr_t pa;
	u_int i;

	for (i = 0; i < npages; i++, va += PAGE_SIZE) {
		if (!pmap_kextract(va, &pa))
			panic("uvm_km_free: 0x%lx is not mapped", va);
		pmap_kremove(va, PAGE_SIZE);
		uvm_pagefree(PHYS_TO_VM_PAGE(pa));
		uvmexp.kmapent--;
	}
}

/*
 * size bytes (rounded up to whole pages) of wired kernel memory, mapped
 * read-write; zeroed with UVM_KMF_ZERO.  Returns 0 when pages or address
 * space run out, having given back whatever it had taken.
 */
vaddr_t
uvm_km_alloc(vsize_t size, int flags)
{
	u_int n = round_page(size) >> PGSHIFT, first, i;
	struct vm_page *pg;
	vaddr_t va;
	int s;

	if (n == 0 || n > KM_NPAGES)
		return 0;
	s = splvm();
	first = km_find(n);
	if (first == KM_NPAGES) {
		splx(s);
		return 0;
	}
	km_mark(first, n, 1);
	splx(s);
	va = virtual_avail + (vaddr_t)first * PAGE_SIZE;
	for (i = 0; i < n; i++) {
		pg = uvm_pagealloc(NULL, 0, NULL,
		    (flags & UVM_KMF_ZERO) ? UVM_PGA_ZERO : 0);
		if (pg == NULL) {
			km_release(va, i);
			s = splvm();
			km_mark(first, n, 0);
			splx(s);
			return 0;
		}
		pg->wire_count = 1;
		pmap_kenter_pa(va + i * PAGE_SIZE, VM_PAGE_TO_PHYS(pg),
		    PROT_READ | PROT_WRITE);
		uvmexp.kmapent++;
	}
	return va;
}

/* Give back what uvm_km_alloc(size) returned at va. */
void
uvm_km_free(vaddr_t va, vsize_t size)
{
	u_int n = round_page(size) >> PGSHIFT;
	int s;

	KASSERT((va & PAGE_MASK) == 0);
	if (va < virtual_avail || va + n * PAGE_SIZE > virtual_end ||
	    n == 0)
		panic("uvm_km_free: 0x%lx+0x%lx is not kernel memory", va, size);
	km_release(va, n);
	s = splvm();
	km_mark((va - virtual_avail) >> PGSHIFT, n, 0);
	splx(s);
}
