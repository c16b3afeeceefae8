/*
 * mm/uvm_km.c: kernel virtual memory.
 *
 * uvm_km_alloc() finds a run of free pages of kernel virtual address
 * space in [virtual_avail, virtual_end) (a bitmap, one bit a page, first
 * fit), backs each with a page from uvm_pagealloc() and maps it with
 * pmap_kenter_pa().  Physically the pages need not be contiguous, which
 * is the point: malloc's and the pools' pages and each thread's kernel
 * stack (uvm_uarea_alloc, with an unmapped guard page below it) come
 * from here.
 *
 * PORT: OpenBSD manages kernel_map with the same map entries as user
 * maps; Tine's kernel space is a fixed 64 MiB, so a bitmap will do.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>
#include <machine/intr.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <uvm/uvm_map.h>

#define KM_NPAGES	(VM_KERNEL_SPACE_SIZE / PAGE_SIZE)

static uint32_t km_used[KM_NPAGES / 32];	/* bit set: page in use */
int	uvm_uarea_fail;		/* tests: fail the next N uarea allocations */

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
		/* Whole words in use (the low pages, mostly) at once. */
		if (i % 32 == 0 && km_used[i / 32] == 0xffffffffU) {
			run = 0;
			i += 31;
			continue;
		}
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
	int s;

	for (i = 0; i < npages; i++, va += PAGE_SIZE) {
		if (!pmap_kextract(va, &pa))
			panic("uvm_km_free: 0x%lx is not mapped", va);
		pmap_kremove(va, PAGE_SIZE);
		uvm_pagefree(PHYS_TO_VM_PAGE(pa));
		s = splvm();
		uvmexp.kmapent--;
		splx(s);
	}
}

/* Reserve n pages of kernel address space; 0 if there is no room. */
static vaddr_t
km_reserve(u_int n)
{
	u_int first;
	int s = splvm();

	first = km_find(n);
	if (first != KM_NPAGES)
		km_mark(first, n, 1);
	splx(s);
	return first == KM_NPAGES ? 0 :
	    virtual_avail + (vaddr_t)first * PAGE_SIZE;
}

static void
km_unreserve(vaddr_t va, u_int n)
{
	int s = splvm();

	km_mark((va - virtual_avail) >> PGSHIFT, n, 0);
	splx(s);
}

/*
 * Back n pages from va with new pages, mapped read-write.  On failure,
 * gives back the pages it took and returns ENOMEM.
 */
static int
km_populate(vaddr_t va, u_int n, int flags)
{
	struct vm_page *pg;
	u_int i;
	int s;

	for (i = 0; i < n; i++) {
		pg = uvm_pagealloc(NULL, 0, NULL,
		    (flags & UVM_KMF_ZERO) ? UVM_PGA_ZERO : 0);
		if (pg == NULL) {
			km_release(va, i);
			return ENOMEM;
		}
		pg->wire_count = 1;
		pmap_kenter_pa(va + i * PAGE_SIZE, VM_PAGE_TO_PHYS(pg),
		    PROT_READ | PROT_WRITE);
		s = splvm();
		uvmexp.kmapent++;
		splx(s);
	}
	return 0;
}

/*
 * size bytes (rounded up to whole pages) of wired kernel memory, mapped
 * read-write; zeroed with UVM_KMF_ZERO.  Returns 0 when pages or address
 * space run out, having given back whatever it had taken.
 */
vaddr_t
uvm_km_alloc(vsize_t size, int flags)
{
	u_int n = round_page(size) >> PGSHIFT;
	vaddr_t va;

	if (n == 0 || n > KM_NPAGES || (va = km_reserve(n)) == 0)
		return 0;
	if (km_populate(va, n, flags) != 0) {
		km_unreserve(va, n);
		return 0;
	}
	return va;
}

/* Give back what uvm_km_alloc(size) returned at va. */
void
uvm_km_free(vaddr_t va, vsize_t size)
{
	u_int n = round_page(size) >> PGSHIFT;

	KASSERT((va & PAGE_MASK) == 0);
	if (va < virtual_avail || va + n * PAGE_SIZE > virtual_end ||
	    n == 0)
		panic("uvm_km_free: 0x%lx+0x%lx is not kernel memory", va, size);
	km_release(va, n);
	km_unreserve(va, n);
}

/*
 * A thread's u-area: USPACE bytes of zeroed kernel memory for its PCB and
 * TSS and its kernel stack, with an unmapped guard page just
 * below, so that a stack overflow faults instead of overwriting whatever
 * lies beneath (the fault then becomes a double fault, handled by its own
 * task: see trap.c).  Returns the u-area's address, 0 when memory is
 * short, as the seed's fork1 expects.
 *
 *   uaddr + USPACE  +-------------+  stack top
 *                   |  u-area     |
 *   uaddr           +-------------+
 *                   | guard page  |  never mapped
 *   uaddr - 4096    +-------------+
 */
vaddr_t
uvm_uarea_alloc(void)
{
	u_int n = USPACE >> PGSHIFT;
	vaddr_t va;

	if (uvm_uarea_fail > 0) {	/* fault injection, for tests */
		uvm_uarea_fail--;
		return 0;
	}
	va = km_reserve(n + 1);

	if (va == 0)
		return 0;
	/*
	 * All of it zeroed, as OpenBSD's (kp_zero): a stack page keeping a
	 * dead thread's bytes could leak them to user space through an
	 * uninitialised variable or a structure's padding copied out.
	 */
	if (km_populate(va + PAGE_SIZE, n, UVM_KMF_ZERO) != 0) {
		km_unreserve(va, n + 1);
		return 0;
	}
	return va + PAGE_SIZE;
}

/*
 * Free a u-area from uvm_uarea_alloc().  PORT: OpenBSD's takes the proc
 * and frees p->p_addr; Tine's takes the address, which the reaper has
 * (kern_exit.c reaper_reap).
 */
void
uvm_uarea_free(vaddr_t uaddr)
{
	u_int n = USPACE >> PGSHIFT;

	KASSERT(uaddr >= virtual_avail + PAGE_SIZE && uaddr < virtual_end);
	km_release(uaddr, n);
	km_unreserve(uaddr - PAGE_SIZE, n + 1);
}

/*
 * Sleep until a page is freed, or a second has passed (memory may come
 * back in other ways, and the caller tries again anyway).  PORT: OpenBSD
 * also wakes the page daemon here; Tine has none and pages nothing out.
 * => thread context, may sleep.
 */
void
uvm_wait(const char *wmsg)
{
	uvm_page_waiters++;
	tsleep_nsec(&uvmexp.free, PVM, wmsg, 1000000000ULL);
	uvm_page_waiters--;
}

/* A page was freed and someone waits in uvm_wait().  => any IPL. */
void
uvm_wait_wakeup(void)
{
	wakeup(&uvmexp.free);
}
