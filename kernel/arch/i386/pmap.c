/*
 * kernel/arch/i386/pmap.c: the i386 physical map (non-PAE, 4 KiB pages).
 *
 * Virtual memory, as pmap_bootstrap() leaves it (docs/memory.md):
 *
 *   0xFFC00000 +--------------------+ (unused up to 4 GiB)
 *              | firmware window    |   machdep.c, bootmap_phys
 *   0xFF800000 +--------------------+ FWMAP_BASE
 *              | (unused)           |
 *   0xF4000000 +--------------------+ VM_MAX_KERNEL_ADDRESS
 *              | kernel virtual     |   uvm_km_alloc: malloc's pages,
 *              | memory, 64 MiB     |   pools, u-areas (guard pages)
 *   0xF0000000 +--------------------+ VM_MIN_KERNEL_ADDRESS
 *              | direct map of RAM  |   physical pa at KERNBASE + pa,
 *              | (up to 768 MiB)    |   the kernel image included
 *   0xC0000000 +--------------------+ KERNBASE
 *              | user space         |   one pmap per process (later)
 *   0x00000000 +--------------------+
 *
 * Choice: the direct map is how the kernel reaches any physical page (a
 * page table of another address space, a page to zero or copy) without
 * making a temporary mapping, as OpenBSD/amd64 does with PMAP_DIRECT.
 * The price is a 768 MiB limit on the RAM Tine uses, far above what the
 * 486-Pentium machines it targets have.
 *
 * Every kernel page table, the direct map's and the kernel virtual
 * memory's, is made here at boot, so the kernel's half of the page
 * directory (PDEs 768..1023) never changes afterwards and each new page
 * directory can simply copy it.
 *
 * The page tables are "stolen": taken from the first free physical pages
 * after the kernel image, before the page allocator exists.  They must
 * lie in the boot map (physical 0..16 MiB), since that is the only
 * mapping there is while they are being filled.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/param.h>
#include <machine/cpufunc.h>
#include <machine/pmap.h>
#include <machine/cpu.h>
#include <machine/specialreg.h>
#include <machine/multiboot2.h>

paddr_t avail_start, avail_end;
vaddr_t virtual_avail = VM_MIN_KERNEL_ADDRESS;
vaddr_t virtual_end = VM_MAX_KERNEL_ADDRESS;

extern char kernel_end[];
extern pd_entry_t boot_pd[];

/* PG_G where the CPU has global pages (pmap_global_init), else 0. */
pt_entry_t pmap_pg_g;

static void	pmap_global_init(void);

void	uvm_page_physload(paddr_t start, paddr_t end);

/* Does [pa, pa + len) overlap a boot module?  Returns the module's end. */
static paddr_t
pmap_module_overlap(paddr_t pa, psize_t len)
{
	int i;

	for (i = 0; i < mb2_info.nmodules; i++) {
		const struct mb2_module *m = &mb2_info.modules[i];

		if (pa < m->end && m->start < pa + len)
			return round_page(m->end);
	}
	return 0;
}

/*
 * A zeroed page for a page table, from avail_start, stepping over boot
 * modules (GRUB puts them right after the kernel).
 */
static paddr_t
pmap_steal_page(void)
{
	paddr_t pa, skip;

	while ((skip = pmap_module_overlap(avail_start, NBPG)) != 0)
		avail_start = skip;
	pa = avail_start;
	if (pa + NBPG > BOOTMAP_SIZE || pa + NBPG > avail_end)
		panic("pmap_bootstrap: no memory below 16 MiB for the kernel's "
		    "page tables");
	avail_start += NBPG;
	memset((void *)PTOV(pa), 0, NBPG);
	return pa;
}

/* The end of usable RAM, as far as the direct map can reach. */
static paddr_t
pmap_ram_top(void)
{
	uint64_t top = 0;
	int i;

	for (i = 0; i < mb2_info.nregions; i++) {
		const struct mb2_region *r = &mb2_info.regions[i];

		if (r->type == MB2_MEMORY_AVAILABLE &&
		    r->base + r->length > top)
			top = r->base + r->length;
	}
	if (!mb2_info.have_mmap)
		top = 0x100000ULL + mb2_info.usable_high;
	if (top > DIRECT_MAP_MAX) {
		printf("pmap: using the first %u MiB of RAM only (the "
		    "direct map's limit)\n", DIRECT_MAP_MAX >> 20);
		top = DIRECT_MAP_MAX;
	}
	return trunc_page((paddr_t)top);
}

/*
 * Give the kernel the page table for the 4 MiB at va; when direct is set,
 * fill it with the direct map of the physical memory below avail_end.
 */
static void
pmap_bootstrap_pt(vaddr_t va, int direct)
{
	paddr_t ptpa = pmap_steal_page();
	pt_entry_t *pt = (pt_entry_t *)PTOV(ptpa);
	paddr_t pa;
	int i;

	for (i = 0; direct && i < NPTEPG; i++) {
		pa = VTOP(va) + (paddr_t)i * NBPG;
		if (pa < avail_end)
			pt[i] = pa | PG_V | PG_RW | pmap_pg_g;
	}
	boot_pd[pdei(va)] = ptpa | PG_V | PG_RW;
}

/*
 * Build the kernel's half of the address space: extend the boot map
 * (0..16 MiB) to all RAM, and make the page tables of kernel virtual
 * memory.  => called once from init386(), before the page allocator.
 */
void
pmap_bootstrap(void)
{
	vaddr_t va;

	pmap_global_init();
	avail_end = pmap_ram_top();
	avail_start = round_page(VTOP((vaddr_t)kernel_end));
	for (va = KERNBASE + BOOTMAP_SIZE; va < KERNBASE + avail_end;
	    va += NBPD)
		pmap_bootstrap_pt(va, 1);
	for (va = VM_MIN_KERNEL_ADDRESS; va < VM_MAX_KERNEL_ADDRESS;
	    va += NBPD)
		pmap_bootstrap_pt(va, 0);
	lcr3(rcr3());
}

/*
 * Make kernel mappings global (PG_G) and turn global pages on, where the
 * CPU has them (PGE, the Pentium Pro and later).  Every task switch
 * loads CR3 from the new TSS, even between two threads of one process,
 * and a CR3 load empties the TLB; global entries stay, so the kernel's
 * half need not be walked again after each switch.  The user half is not
 * global: it differs between processes.  From here every kernel PTE gets
 * pmap_pg_g as it is made (pmap_bootstrap_pt, pmap_kenter_pa); the boot
 * map's are made global now.  Kernel mappings change only through
 * pmap_kenter_pa and pmap_kremove, whose invlpg drops a global entry too.
 * => from pmap_bootstrap, after bootmap_init dropped the identity map
 *    (which shared the boot map's page tables)
 */
static void
pmap_global_init(void)
{
	pt_entry_t *pt = (pt_entry_t *)PTOV(boot_pd[pdei(KERNBASE)] &
	    PG_FRAME);
	u_int i;

	if ((cpu_feature_early() & CPUID_PGE) == 0)
		return;
	pmap_pg_g = PG_G;
	/* boot/entry.asm's page tables: NBOOTPT of them, one after another. */
	for (i = 0; i < NBOOTPT * NPTEPG; i++)
		if (pt[i] & PG_V)
			pt[i] |= PG_G;
	lcr4(rcr4() | CR4_PGE);
}

/* Hand [start, end) to the page allocator, minus any boot modules. */
static void
pmap_physload_range(paddr_t start, paddr_t end)
{
	int i;

	if (start >= end)
		return;
	for (i = 0; i < mb2_info.nmodules; i++) {
		const struct mb2_module *m = &mb2_info.modules[i];

		if (start < m->end && m->start < end) {
			pmap_physload_range(start, trunc_page(m->start));
			pmap_physload_range(round_page(m->end), end);
			return;
		}
	}
	uvm_page_physload(start, end);
}

/*
 * Tell the page allocator which physical memory is free: the usable
 * regions of the memory map, above what the kernel and the boot took,
 * below avail_end, and never below 1 MiB (BIOS data, the EBDA).
 */
void
pmap_physload(void)
{
	int i;

	for (i = 0; i < mb2_info.nregions; i++) {
		const struct mb2_region *r = &mb2_info.regions[i];
		uint64_t s = r->base, e = r->base + r->length;

		if (r->type != MB2_MEMORY_AVAILABLE)
			continue;
		if (s < avail_start)
			s = avail_start;
		if (e > avail_end)
			e = avail_end;
		if (s < e)
			pmap_physload_range(round_page((paddr_t)s),
			    trunc_page((paddr_t)e));
	}
	if (!mb2_info.have_mmap)
		pmap_physload_range(avail_start, avail_end);
}

/* Is [pa, pa + len) inside the direct map? */
int
pmap_direct_mapped(paddr_t pa, psize_t len)
{
	return pa + len >= pa &&
	    (pa + len <= avail_end || pa + len <= BOOTMAP_SIZE);
}

/* The kernel PTE that maps va, or NULL if there is no page table. */
pt_entry_t *
pmap_kpte(vaddr_t va)
{
	pd_entry_t pde = boot_pd[pdei(va)];

	if (va < KERNBASE || (pde & PG_V) == 0)
		return NULL;
	return (pt_entry_t *)PTOV(pde & PG_FRAME) + ptei(va);
}

/*
 * Map one kernel page, wired, no pv tracking (OpenBSD's pmap_kenter_pa).
 * => va in kernel virtual memory; its page table exists.
 */
void
pmap_kenter_pa(vaddr_t va, paddr_t pa, vm_prot_t prot)
{
	pt_entry_t *pte = pmap_kpte(va);

	KASSERT(pte != NULL);
	KASSERT(va >= VM_MIN_KERNEL_ADDRESS && va < VM_MAX_KERNEL_ADDRESS);
	*pte = (pa & PG_FRAME) | PG_V | pmap_pg_g |
	    ((prot & PROT_WRITE) ? PG_RW : 0);
	invlpg(va);
}

/* Unmap len bytes of kernel virtual memory from va. */
void
pmap_kremove(vaddr_t va, vsize_t len)
{
	vaddr_t end = va + round_page(len);
	pt_entry_t *pte;

	for (; va < end; va += NBPG) {
		pte = pmap_kpte(va);
		KASSERT(pte != NULL);
		*pte = 0;
		invlpg(va);
	}
}

/* Fill a page with zeroes, through the direct map. */
void
pmap_zero_page(struct vm_page *pg)
{
	rep_stosl((void *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(pg)), 0,
	    PAGE_SIZE / 4);
}

/* Copy page src to page dst, through the direct map. */
void
pmap_copy_page(struct vm_page *src, struct vm_page *dst)
{
	rep_movsl((void *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(dst)),
	    (void *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(src)), PAGE_SIZE / 4);
}

/* The physical address behind a kernel virtual address; 0 if unmapped. */
int
pmap_kextract(vaddr_t va, paddr_t *pap)
{
	pt_entry_t *pte = pmap_kpte(va);

	if (pte == NULL || (*pte & PG_V) == 0)
		return 0;
	*pap = (*pte & PG_FRAME) | (va & PAGE_MASK);
	return 1;
}
