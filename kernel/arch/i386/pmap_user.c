/*
 * kernel/arch/i386/pmap_user.c: address spaces: one page directory per
 * pmap, user page tables made on demand.
 *
 *   pm_pdir:  [0 .. 767]    user PDEs: 0, or a page table of this pmap
 *             [768 .. 1023] the kernel's PDEs, copied from the kernel's
 *                           directory at pmap_create() (they never change)
 *
 * A user PTE is pa | PG_V | PG_u, plus PG_RW when writable.  Changing a
 * PTE that the CPU may have cached (the pmap is the one loaded in CR3)
 * is followed by invlpg for that page, or by a CR3 reload when more than
 * PMAP_TLB_FLUSH_MAX pages change at once, which is then cheaper.
 *
 * Another pmap's tables are edited through the direct map, so nothing
 * needs to be mapped temporarily (see pmap.c).  PORT: OpenBSD's i386
 * pmap also keeps pv lists (every mapping of each page); UVM-lite keeps a
 * reference count in the vm_page instead, and the address-space code
 * that calls pmap_remove knows which pages it mapped.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include <machine/intr.h>
#include <machine/tss.h>
#include <machine/pcb.h>
#include <machine/cpu.h>
#include <sys/proc.h>
#include <uvm/uvm_map.h>

extern pd_entry_t boot_pd[];

struct pmap kernel_pmap_store = {
	.pm_pdir = boot_pd,
	.pm_refs = 1,
};

static struct pool pmap_pmap_pool;	/* struct pmap, as in OpenBSD */

/* Set up what pmap_create() needs.  => from uvm_init(). */
void
pmap_init(void)
{
	pool_init(&pmap_pmap_pool, sizeof(struct pmap), 0, IPL_VM, 0,
	    "pmappl", NULL);
}

/* Is pm the address space in CR3 (so the TLB may hold its entries)? */
int
pmap_is_active(struct pmap *pm)
{
	if (pm == pmap_kernel())
		return 1;
	return rcr3() == pm->pm_pdirpa;
}

/*
 * Switch the CPU to pm's page tables.  The running task's TSS gets the
 * same CR3: a task switch never saves CR3, so a switch back to this task
 * (after a double fault, say) loads whatever its TSS says.
 */
void
pmap_load(struct pmap *pm)
{
	paddr_t pa = pmap_pdirpa(pm);

	tss_of_selector(rtr())->tss_cr3 = pa;
	lcr3(pa);
}

/* The physical address of pm's page directory: what CR3 holds for it. */
paddr_t
pmap_pdirpa(struct pmap *pm)
{
	return pm == pmap_kernel() ? VTOP((vaddr_t)boot_pd) : pm->pm_pdirpa;
}

/*
 * p runs on its vmspace's page tables from now on: its TSS names them
 * (the next task switch to p loads them), and if p is running, so does
 * CR3 now.  exec calls this after replacing the vmspace.
 */
void
pmap_activate(struct proc *p)
{
	struct pmap *pm = p->p_vmspace->vm_map.pmap;

	p->p_addr->u_pcb.pcb_tss.tss_cr3 = pmap_pdirpa(pm);
	p->p_addr->u_pcb.pcb_vm = p->p_vmspace;
	if (p == curproc) {
		curvmspace = p->p_vmspace;
		lcr3(pmap_pdirpa(pm));
	}
}

/* A new, empty address space; NULL when no page is free. */
struct pmap *
pmap_create(void)
{
	struct vm_page *pg;
	struct pmap *pm;

	pm = pool_get(&pmap_pmap_pool, PR_NOWAIT | PR_ZERO);
	if (pm == NULL)
		return NULL;
	pg = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);
	if (pg == NULL) {
		pool_put(&pmap_pmap_pool, pm);
		return NULL;
	}
	pg->wire_count = 1;
	pm->pm_pdirpa = VM_PAGE_TO_PHYS(pg);
	pm->pm_pdir = (pd_entry_t *)PMAP_DIRECT_MAP(pm->pm_pdirpa);
	memcpy(&pm->pm_pdir[PDSLOT_KERN], &boot_pd[PDSLOT_KERN],
	    (NPDEPG - PDSLOT_KERN) * sizeof(pd_entry_t));
	pm->pm_refs = 1;
	return pm;
}

void
pmap_reference(struct pmap *pm)
{
	pm->pm_refs++;
}

/*
 * Drop a reference; the last one frees the page tables and the directory.
 * The mapped pages themselves belong to the caller (UVM).
 * => pm must not be loaded in CR3.
 */
void
pmap_destroy(struct pmap *pm)
{
	u_int w, i;
	uint32_t bits;

	KASSERT(pm != pmap_kernel());
	if (--pm->pm_refs > 0)
		return;
	KASSERT(!pmap_is_active(pm));
	for (w = 0; w < nitems(pm->pm_ptmap); w++)
		for (bits = pm->pm_ptmap[w]; bits != 0; bits &= bits - 1) {
			i = w * 32 + __builtin_ctz(bits);
			KASSERT(pm->pm_pdir[i] & PG_V);
			uvm_pagefree(PHYS_TO_VM_PAGE(pm->pm_pdir[i] &
			    PG_FRAME));
		}
	uvm_pagefree(PHYS_TO_VM_PAGE(pm->pm_pdirpa));
	pool_put(&pmap_pmap_pool, pm);
}

/*
 * The PTE for user va in pm, making its page table if alloc is set.
 * Returns NULL if there is no table (and alloc was not set, or no page).
 */
static pt_entry_t *
pmap_pte(struct pmap *pm, vaddr_t va, int alloc)
{
	pd_entry_t *pde = &pm->pm_pdir[pdei(va)];
	struct vm_page *pg;

	if ((*pde & PG_V) == 0) {
		if (!alloc)
			return NULL;
		pg = uvm_pagealloc(NULL, 0, NULL, UVM_PGA_ZERO);
		if (pg == NULL)
			return NULL;
		pg->wire_count = 1;
		pm->pm_ptpages++;
		pm->pm_ptmap[pdei(va) / 32] |= 1U << (pdei(va) % 32);
		/* User bit and RW on the PDE: the PTEs decide. */
		*pde = VM_PAGE_TO_PHYS(pg) | PG_V | PG_RW | PG_u;
	}
	return (pt_entry_t *)PMAP_DIRECT_MAP(*pde & PG_FRAME) + ptei(va);
}

static void
pmap_tlb_flush_page(struct pmap *pm, vaddr_t va)
{
	if (pmap_is_active(pm))
		invlpg(va);
}

/*
 * Map va to pa in pm with protection prot.  Returns 0, or ENOMEM when a
 * page table is needed and none is free (PMAP_CANFAIL; without it that
 * is a panic, as in OpenBSD).
 */
int
pmap_enter(struct pmap *pm, vaddr_t va, paddr_t pa, vm_prot_t prot,
    int flags)
{
	pt_entry_t *pte, npte;

	KASSERT(va < VM_MAXUSER_ADDRESS && (va & PAGE_MASK) == 0);
	pte = pmap_pte(pm, va, 1);
	if (pte == NULL) {
		if (flags & PMAP_CANFAIL)
			return ENOMEM;
		panic("pmap_enter: no page for a page table");
	}
	npte = (pa & PG_FRAME) | PG_V | PG_u |
	    ((prot & PROT_WRITE) ? PG_RW : 0);
	if ((*pte & PG_V) == 0)
		pm->pm_stats.resident_count++;
	if (*pte != npte) {
		int was_valid = *pte & PG_V;

		*pte = npte;
		if (was_valid)
			pmap_tlb_flush_page(pm, va);
	}
	return 0;
}

/*
 * Apply fn to every valid PTE of [sva, eva) in pm, then flush the TLB:
 * page by page, or all at once when that is cheaper.
 */
static void
pmap_foreach(struct pmap *pm, vaddr_t sva, vaddr_t eva,
    void (*fn)(struct pmap *, pt_entry_t *, vm_prot_t), vm_prot_t prot)
{
	vaddr_t va;
	pt_entry_t *pte;
	int npages = 0, active = pmap_is_active(pm);

	KASSERT(eva <= VM_MAXUSER_ADDRESS && sva <= eva);
	for (va = trunc_page(sva); va < eva; va += PAGE_SIZE) {
		if ((pm->pm_pdir[pdei(va)] & PG_V) == 0) {
			va = (va & ~(vaddr_t)(NBPD - 1)) + NBPD - PAGE_SIZE;
			if (va + PAGE_SIZE == 0)
				break;
			continue;
		}
		pte = pmap_pte(pm, va, 0);
		if ((*pte & PG_V) == 0)
			continue;
		fn(pm, pte, prot);
		npages++;
		if (active && npages <= PMAP_TLB_FLUSH_MAX)
			invlpg(va);
	}
	if (active && npages > PMAP_TLB_FLUSH_MAX)
		lcr3(rcr3());
}

static void
pmap_remove_pte(struct pmap *pm, pt_entry_t *pte, vm_prot_t prot __unused)
{
	*pte = 0;
	pm->pm_stats.resident_count--;
}

static void
pmap_protect_pte(struct pmap *pm __unused, pt_entry_t *pte, vm_prot_t prot)
{
	if ((prot & PROT_WRITE) == 0)
		*pte &= ~PG_RW;
}

/* Unmap [sva, eva).  The page tables stay until pmap_destroy(). */
void
pmap_remove(struct pmap *pm, vaddr_t sva, vaddr_t eva)
{
	pmap_foreach(pm, sva, eva, pmap_remove_pte, PROT_NONE);
}

/*
 * Lower the protection of [sva, eva) to prot: no read means unmap; no
 * write clears PG_RW (i386 pages are always readable, and executable
 * without NX).  Raising a protection is pmap_enter's job.
 */
void
pmap_protect(struct pmap *pm, vaddr_t sva, vaddr_t eva, vm_prot_t prot)
{
	if ((prot & PROT_READ) == 0) {
		pmap_remove(pm, sva, eva);
		return;
	}
	pmap_foreach(pm, sva, eva, pmap_protect_pte, prot);
}

/*
 * Write-protect [sva, eva) a whole page table at a time: clear PG_RW in
 * the PDEs, which the CPU ANDs with each PTE's.  This is how fork makes a
 * parent's memory copy-on-write in time proportional to its page tables
 * rather than its pages; the first write fault under such a PDE makes it
 * writable again after protecting, PTE by PTE, what must stay read-only
 * (uvm_fault.c).  Every PTE under it may be cached: one CR3 reload.
 */
void
pmap_protect_pde(struct pmap *pm, vaddr_t sva, vaddr_t eva)
{
	vaddr_t va;
	int changed = 0;

	KASSERT(eva <= VM_MAXUSER_ADDRESS);
	for (va = sva & ~(vaddr_t)(NBPD - 1); va < eva && va >= (sva &
	    ~(vaddr_t)(NBPD - 1)); va += NBPD) {
		if (pm->pm_pdir[pdei(va)] & PG_RW) {
			pm->pm_pdir[pdei(va)] &= ~PG_RW;
			changed = 1;
		}
		if (va + NBPD < va)
			break;
	}
	if (changed && pmap_is_active(pm))
		lcr3(rcr3());
}

/* Does a write-protected PDE (pmap_protect_pde) cover user va? */
int
pmap_pde_readonly(struct pmap *pm, vaddr_t va)
{
	pd_entry_t pde = pm->pm_pdir[pdei(va)];

	return (pde & PG_V) && !(pde & PG_RW);
}

/*
 * Let the PTEs alone decide again for va's page table.  A PDE only gains
 * a right, so no TLB entry can be stale.
 */
void
pmap_pde_writable(struct pmap *pm, vaddr_t va)
{
	pm->pm_pdir[pdei(va)] |= PG_RW;
}

/* The physical address va maps to in pm; 0 if none, else 1 and *pap. */
int
pmap_extract(struct pmap *pm, vaddr_t va, paddr_t *pap)
{
	pt_entry_t *pte;

	if (pm == pmap_kernel() || va >= VM_MAXUSER_ADDRESS)
		return pmap_kextract(va, pap);
	pte = pmap_pte(pm, va, 0);
	if (pte == NULL || (*pte & PG_V) == 0)
		return 0;
	*pap = (*pte & PG_FRAME) | (va & PAGE_MASK);
	return 1;
}
