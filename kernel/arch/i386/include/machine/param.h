/*
 * machine/param.h: i386 sizes and the kernel's place in the address space.
 * Keep in step with machine/param.inc and kernel.ld.  docs/memory.md draws
 * the layout.
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define PGSHIFT		12
#define NBPG		(1 << PGSHIFT)		/* bytes per page */
#define PAGE_SIZE	NBPG
#define PAGE_MASK	(PAGE_SIZE - 1)
#define PDSHIFT		22			/* bytes mapped by one PDE */
#define NBPD		(1 << PDSHIFT)

#define KERNBASE	0xC0000000U	/* virtual address of physical 0 */
#define KERNTEXTOFF	(KERNBASE + 0x100000)	/* the kernel's link address */
#define VM_MAXUSER_ADDRESS KERNBASE	/* user space is [0, KERNBASE) */

#define NBOOTPT		4	/* boot page tables: physical 0..16 MiB */
#define BOOTMAP_SIZE	(NBOOTPT * NBPD)

/*
 * The firmware window: one page table's worth of kernel virtual space where
 * bootmap_phys() maps physical memory outside the boot map (ACPI tables at
 * the top of RAM, outside the direct map).  The slot above it,
 * 0xFFC00000, is unused: the direct map (pmap.c) reaches every page table,
 * so no recursive page-directory slot is needed.
 */
#define FWMAP_BASE	0xFF800000U
#define FWMAP_SIZE	NBPD

#define USPACE		16384	/* a thread's kernel stack */

/* Physical to kernel virtual, for the direct map (up to avail_end). */
#define PTOV(pa)	((vaddr_t)(pa) + KERNBASE)
#define VTOP(va)	((paddr_t)(va) - KERNBASE)

#define atop(x)		((x) >> PGSHIFT)	/* bytes to pages */
#define ptoa(x)		((x) << PGSHIFT)
#define trunc_page(x)	((x) & ~(vaddr_t)PAGE_MASK)
#define round_page(x)	(((x) + PAGE_MASK) & ~(vaddr_t)PAGE_MASK)

#endif /* _MACHINE_PARAM_H_ */
