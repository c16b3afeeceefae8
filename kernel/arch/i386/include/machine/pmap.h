/*
 * machine/pmap.h: the i386 physical map, non-PAE: a page directory of
 * 1024 PDEs, each naming a page table of 1024 PTEs, each mapping 4 KiB.
 *
 *   31        22 21        12 11          0
 *   +-----------+------------+-------------+
 *   | PDE index | PTE index  | byte offset |   a virtual address
 *   +-----------+------------+-------------+
 *
 * The kernel's half (PDEs 768..1023, from KERNBASE) is built once by
 * pmap_bootstrap() and is the same in every page directory.  docs/memory.md
 * draws the layout and the walk.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <sys/types.h>
#include <sys/mman.h>
#include <machine/param.h>

typedef uint32_t pt_entry_t;	/* a page table entry */
typedef uint32_t pd_entry_t;	/* a page directory entry */

#define PG_V		0x001	/* valid (present) */
#define PG_RW		0x002	/* writable */
#define PG_u		0x004	/* user-accessible */
#define PG_A		0x020	/* accessed (set by the CPU) */
#define PG_M		0x040	/* modified (set by the CPU) */
#define PG_G		0x100	/* global: kept in the TLB across CR3 loads */
#define PG_FRAME	0xfffff000

#define PDSLOT_KERN	(KERNBASE >> PDSHIFT)	/* 768: first kernel PDE */
#define NPDEPG		1024
#define NPTEPG		1024
#define pdei(va)	((vaddr_t)(va) >> PDSHIFT)
#define ptei(va)	(((vaddr_t)(va) >> PGSHIFT) & (NPTEPG - 1))

/*
 * The direct map covers RAM up to DIRECT_MAP_MAX: kernel virtual
 * KERNBASE + pa for physical pa.  Above it lies kernel virtual memory
 * for uvm_km_alloc (VM_KERNEL_SPACE_SIZE bytes, page tables made at
 * boot), then the firmware window.
 */
#define DIRECT_MAP_MAX		0x30000000U	/* 768 MiB */
#define VM_MIN_KERNEL_ADDRESS	(KERNBASE + DIRECT_MAP_MAX)	/* 0xF0000000 */
#define VM_KERNEL_SPACE_SIZE	(64U * 1024 * 1024)
#define VM_MAX_KERNEL_ADDRESS	(VM_MIN_KERNEL_ADDRESS + VM_KERNEL_SPACE_SIZE)

/*
 * One address space's page tables.  The page directory (and the page
 * tables the user half needs, made on demand) are ordinary pages, reached
 * through the direct map.
 */
struct pmap {
	pd_entry_t *pm_pdir;		/* the page directory, direct-mapped */
	paddr_t	pm_pdirpa;		/* ... its physical address, for CR3 */
	int	pm_refs;
	int	pm_ptpages;		/* user page tables allocated */
	/*
	 * Which user PDEs hold a page table, one bit each: pmap_destroy
	 * frees them without reading all 768 PDEs.
	 */
	uint32_t pm_ptmap[PDSLOT_KERN / 32];
	struct {
		long	resident_count;	/* pages mapped */
		long	wired_count;
	} pm_stats;
};

extern struct pmap kernel_pmap_store;
#define pmap_kernel()		(&kernel_pmap_store)
#define pmap_resident_count(pm)	((pm)->pm_stats.resident_count)
#define PMAP_CANFAIL		0x20	/* pmap_enter may return ENOMEM */
#define PMAP_TLB_FLUSH_MAX	32	/* more pages than this: reload CR3 */

void	pmap_init(void);
struct pmap *pmap_create(void);
void	pmap_reference(struct pmap *);
void	pmap_destroy(struct pmap *);
int	pmap_enter(struct pmap *, vaddr_t va, paddr_t pa, vm_prot_t prot,
	    int flags);
void	pmap_remove(struct pmap *, vaddr_t sva, vaddr_t eva);
void	pmap_protect(struct pmap *, vaddr_t sva, vaddr_t eva, vm_prot_t);
int	pmap_extract(struct pmap *, vaddr_t va, paddr_t *pap);
void	pmap_protect_pde(struct pmap *, vaddr_t sva, vaddr_t eva);
int	pmap_pde_readonly(struct pmap *, vaddr_t va);
void	pmap_pde_writable(struct pmap *, vaddr_t va);
void	pmap_load(struct pmap *);
paddr_t	pmap_pdirpa(struct pmap *);
struct proc;
void	pmap_activate(struct proc *);
int	pmap_is_active(struct pmap *);

extern paddr_t avail_start;	/* first physical byte not used at boot */
extern paddr_t avail_end;	/* end of the direct-mapped RAM */
extern vaddr_t virtual_avail, virtual_end;	/* uvm_km's address space */

struct vm_page;

void	pmap_bootstrap(void);
extern pt_entry_t pmap_pg_g;
void	pmap_zero_page(struct vm_page *);
void	pmap_copy_page(struct vm_page *src, struct vm_page *dst);
void	pmap_physload(void);
void	pmap_kenter_pa(vaddr_t va, paddr_t pa, vm_prot_t prot);
void	pmap_kremove(vaddr_t va, vsize_t len);
int	pmap_kextract(vaddr_t va, paddr_t *pap);
int	pmap_direct_mapped(paddr_t pa, psize_t len);
pt_entry_t *pmap_kpte(vaddr_t va);

#endif /* _MACHINE_PMAP_H_ */
