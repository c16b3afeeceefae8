/*
 * uvm/uvm_page.h: the vm_page, one per page of physical memory the
 * allocator manages, and the physical segments they come in.
 */
#ifndef _UVM_UVM_PAGE_H_
#define _UVM_UVM_PAGE_H_

#include <sys/types.h>

struct vm_page {
	struct vm_page *pageq;	/* next free page (while PQ_FREE) */
	paddr_t	phys_addr;	/* the page's physical address */
	u_int	pg_flags;	/* PQ_*, PG_* below */
	u_int	wire_count;	/* kernel wirings (page tables, km) */
	int	pg_refs;	/* amaps holding it (copy-on-write) */
};

#define PQ_FREE		0x00010000	/* on the free list */
#define PG_ZERO		0x00000100	/* known to be all zeroes */

/* A run of physically contiguous pages (OpenBSD's vm_physseg). */
struct vm_physseg {
	paddr_t	start, end;	/* page frame range [start, end) */
	struct vm_page *pgs;	/* vm_page of start ... */
};

#define VM_PHYSSEG_MAX	16

extern struct vm_physseg vm_physmem[VM_PHYSSEG_MAX];
extern int vm_nphysseg;

void	uvm_page_physload(paddr_t start, paddr_t end);
void	uvm_page_init(void);

#endif /* _UVM_UVM_PAGE_H_ */
