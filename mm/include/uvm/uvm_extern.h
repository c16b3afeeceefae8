/*
 * uvm/uvm_extern.h: the memory system's interface to the rest of the
 * kernel: physical pages, kernel virtual memory and the counters.
 *
 * Physical memory is reached through the direct map: all RAM Tine uses
 * is mapped at KERNBASE + physical address (docs/memory.md), so
 * PMAP_DIRECT_MAP(pa) is a kernel pointer to any page uvm_pagealloc()
 * returns, and PMAP_DIRECT_UNMAP(va) goes back.
 */
#ifndef _UVM_UVM_EXTERN_H_
#define _UVM_UVM_EXTERN_H_

#include <sys/types.h>
#include <machine/param.h>

struct vm_page;

#include <uvm/uvmexp.h>

/* The counters, struct uvmexp (<uvm/uvmexp.h>), sysctl vm.uvmexp. */
extern struct uvmexp uvmexp;

/* uvm_pagealloc() flags */
#define UVM_PGA_ZERO	0x0002	/* the page must be zeroed */

/* Page allocation (mm/uvm_page.c). */
struct vm_page *uvm_pagealloc(void *obj, off_t off, void *anon, int flags);
void	uvm_pagefree(struct vm_page *);
paddr_t	VM_PAGE_TO_PHYS(struct vm_page *);
struct vm_page *PHYS_TO_VM_PAGE(paddr_t);

/*
 * Kernel virtual memory (mm/uvm_km.c): size bytes (rounded up to pages)
 * of wired, mapped kernel memory; 0 when memory or address space is short.
 */
#define UVM_KMF_ZERO	0x01	/* zero the memory */
vaddr_t	uvm_km_alloc(vsize_t size, int flags);
void	uvm_km_free(vaddr_t va, vsize_t size);

/* A thread's kernel stack with a guard page below (mm/uvm_km.c). */
vaddr_t	uvm_uarea_alloc(void);
void	uvm_uarea_free(vaddr_t uaddr);
void	uvm_wait_wakeup(void);
extern int uvm_page_waiters;
extern int uvm_uarea_fail;	/* tests: fail the next N uvm_uarea_alloc()s */

#define PMAP_DIRECT_MAP(pa)	((vaddr_t)(pa) + KERNBASE)
#define PMAP_DIRECT_UNMAP(va)	((paddr_t)(va) - KERNBASE)

void	uvm_init(void);

#endif /* _UVM_UVM_EXTERN_H_ */
