/*
 * mm/uvm_fault.c: the page-fault handler.
 *
 * trap() calls uvm_fault() for a fault on a user address.  The cases,
 * for the page at va in entry e (docs/memory.md draws the life of a
 * page):
 *
 *   no entry holds va, or e forbids the access  ->  EFAULT / EACCES
 *
 *   slot empty (first touch)
 *     -> new page: from e's file image, else zeroed   (flt_zero)
 *
 *   slot holds a page held by this amap only (pg_refs == 1)
 *     -> map it, writable if e allows
 *
 *   slot holds a page other amaps hold too (pg_refs > 1: copy-on-write)
 *     read  -> map it read-only
 *     write -> copy it to a new page, drop one reference on the old,
 *              map the copy writable                  (flt_cow)
 *
 * The side that writes second finds pg_refs == 1 and just gets write
 * permission back: no copy.  No free page: ENOMEM (flt_noram), and the
 * caller decides (copyout returns EFAULT; user code is ended).
 *
 * Two steps come first, both left by a fork (uvm_map.c):
 *   - a write under a page table that fork write-protected as a whole
 *     (its PDE read-only): every PTE in that table becomes read-only
 *     itself, then the PDE writable again.  Every one, not just those of
 *     entries still needs-copy: an entry whose amap was copied since (by
 *     a read fault, a fault in another 4 MiB, a clip, a SHARE fork) may
 *     hold shared pages behind writable PTEs.  A PTE made read-only that
 *     needed not be costs one more fault, which maps the page writable.
 *   - a needs-copy entry gets an amap of its own (amap_copy).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>
#include <machine/cpu.h>
#include <sys/proc.h>

/* A new page for an empty slot: from the image, zero beyond it. */
static struct vm_page *
uvm_fault_fill(struct vm_map_entry *e, vaddr_t va)
{
	vsize_t off = va - e->start, n;
	struct vm_page *pg;
	char *p;

	pg = uvm_pagealloc(NULL, 0, NULL, off < e->imagesize ? 0 :
	    UVM_PGA_ZERO);
	if (pg == NULL)
		return NULL;
	if (off < e->imagesize) {
		p = (char *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(pg));
		n = MIN(e->imagesize - off, PAGE_SIZE);
		memcpy(p, e->image + off, n);
		memset(p + n, 0, PAGE_SIZE - n);
	} else
		uvmexp.flt_zero++;
	uvmexp.anonpages++;
	return pg;
}

/*
 * Undo fork's page-table-wide write protection for the 4 MiB around va:
 * every PTE there becomes read-only itself (see above), then the PDE
 * stops overriding the PTEs.
 */
static void
uvm_fault_split_pde(struct vm_map *map, vaddr_t va)
{
	vaddr_t lo = va & ~(vaddr_t)(NBPD - 1), hi = lo + NBPD;
	struct vm_map_entry *e;

	for (e = map->header; e != NULL && e->start < hi; e = e->next)
		if (e->end > lo && (e->protection & PROT_WRITE))
			pmap_protect(map->pmap, MAX(e->start, lo),
			    MIN(e->end, hi), e->protection & ~PROT_WRITE);
	pmap_pde_writable(map->pmap, va);
}

/*
 * Resolve a fault at va (any address in the page) for an access of
 * PROT_READ or PROT_WRITE.  Returns 0 when the access can be retried,
 * else EFAULT (no mapping), EACCES (protection) or ENOMEM.
 */
int
uvm_fault(struct vm_map *map, vaddr_t va, vm_prot_t access)
{
	return uvm_fault1(map, va, access, 0);
}

/*
 * uvm_fault, and with UVM_FAULT_FIXPROT the access is checked against
 * the entry's maximum protection instead of its current one: how
 * ptrace writes a breakpoint into read-only text (uvm_io).  The page is
 * still mapped with the current protection, and a shared page is still
 * copied first: the write lands in the faulting map's own copy.
 * PORT: upstream gets this from uvm_map_extract(UVM_EXTRACT_FIXPROT)
 * under uvm_io, and the max-protection check from VM_FAULT_WIRE.
 */
int
uvm_fault1(struct vm_map *map, vaddr_t va, vm_prot_t access, int flags)
{
	struct vm_map_entry *e;
	struct vm_amap *am;
	struct vm_page *pg;
	vm_prot_t prot;
	int slot;

	uvmexp.faults++;
	va = trunc_page(va);
	if ((e = uvm_map_lookup(map, va)) == NULL)
		return EFAULT;
	prot = (flags & UVM_FAULT_FIXPROT) ? e->max_protection :
	    e->protection;
	if ((prot & access) != access)
		return EACCES;
	if ((access & PROT_WRITE) && pmap_pde_readonly(map->pmap, va))
		uvm_fault_split_pde(map, va);
	if (e->needs_copy && amap_copy(e) != 0) {
		uvmexp.flt_noram++;
		return ENOMEM;
	}
	am = e->aref;
	slot = (va - e->start) >> PGSHIFT;
	pg = am->am_pages[slot];
	if (pg == NULL) {
		if ((pg = uvm_fault_fill(e, va)) == NULL) {
			uvmexp.flt_noram++;
			return ENOMEM;
		}
		am->am_pages[slot] = pg;
		am->am_nused++;
	} else if (pg->pg_refs > 1 && (access & PROT_WRITE)) {
		if (amap_cow_slot(am, slot) != 0) {
			uvmexp.flt_noram++;
			return ENOMEM;
		}
		uvmexp.flt_cow++;
		pg = am->am_pages[slot];
	}
	prot = e->protection;
	if (pg->pg_refs > 1)
		prot &= ~PROT_WRITE;	/* still shared: copy on write */
	if (pmap_enter(map->pmap, va, VM_PAGE_TO_PHYS(pg), prot,
	    PMAP_CANFAIL) != 0) {
		uvmexp.flt_noram++;
		return ENOMEM;
	}
	if (curproc != NULL)
		curproc->p_ru.ru_minflt++;	/* resolved without I/O */
	return 0;
}
