/*
 * uvm/uvm_map.h: address spaces (UVM-lite).
 *
 * A vmspace is a pmap plus a map: a sorted list of entries, each a range
 * of virtual addresses with a protection, an inheritance for fork, and
 * its memory in an amap ("anonymous map"): one slot per page, holding the
 * page or NULL until the first touch.
 *
 *   vmspace --> vm_map: entry [0x1000, 0x5000) rw- COPY --> amap [pg|pg|--|--]
 *                        entry [0x8000, 0x9000) r-x COPY --> amap [pg]
 *           --> pmap (the page tables)
 *
 * Pages are counted (pg_refs) by the amaps holding them; copy-on-write
 * is two amaps holding the same page, which is then mapped read-only
 * everywhere.  docs/memory.md has the life of a page.
 */
#ifndef _UVM_UVM_MAP_H_
#define _UVM_UVM_MAP_H_

#include <sys/types.h>
#include <sys/mman.h>

struct vm_page;
struct pmap;

struct vm_amap {
	int	am_ref;			/* entries using it (SHARE forks) */
	int	am_nslot;		/* pages it covers */
	int	am_nused;		/* slots holding a page */
	struct vm_page **am_pages;	/* the page of each slot, or NULL */
};

struct vm_map_entry {
	struct vm_map_entry *next;	/* the next entry up */
	vaddr_t	start, end;		/* [start, end), page-aligned */
	vm_prot_t protection;		/* what accesses are allowed now */
	vm_prot_t max_protection;	/* ... and at most (mprotect) */
	int	inheritance;		/* MAP_INHERIT_* */
	struct vm_amap *aref;		/* the memory, one slot a page */
	int	needs_copy;		/* aref is shared copy-on-write:
					 * copy it before the first fault */
	const char *image;		/* read-only file image to fill from */
	vsize_t	imagesize;		/* ... (0: anonymous zero-fill) */
};

struct vm_map {
	struct vm_map_entry *header;	/* lowest entry, or NULL */
	int	nentries;
	vsize_t	size;			/* bytes mapped */
	struct pmap *pmap;
};

struct vmspace {
	struct vm_map vm_map;
	int	vm_refcnt;		/* uvmspace_share() references */
	segsz_t	vm_tsize;		/* text size (pages) */
	segsz_t	vm_dsize;		/* data size (pages) */
	segsz_t	vm_ssize;		/* stack size (pages) */
	caddr_t	vm_daddr;		/* start of the break's heap */
	segsz_t	vm_dused;		/* pages of heap above vm_daddr */
	caddr_t	vm_maxsaddr;		/* lowest address the stack may reach */
};

#define VM_MIN_ADDRESS	((vaddr_t)PAGE_SIZE)	/* page 0 stays unmapped */

/* The address space the CPU runs in (curproc's, once processes exist). */
extern struct vmspace *curvmspace;

struct vmspace *uvmspace_alloc(void);
struct process;
struct vmspace *uvmspace_copy(struct vmspace *);
struct vmspace *uvmspace_fork(struct process *);
struct vmspace *uvmspace_share(struct process *);
void	uvm_exit(struct process *);
void	uvm_wait(const char *);
void	uvmspace_free(struct vmspace *);
void	uvmspace_activate(struct vmspace *);

vaddr_t	uvm_map_findspace(struct vm_map *, vaddr_t hint, vsize_t size);
int	uvm_map(struct vm_map *, vaddr_t *addr, vsize_t size, vm_prot_t prot,
	    vm_prot_t maxprot, int inherit, const char *image,
	    vsize_t imagesize);
int	uvm_unmap(struct vm_map *, vaddr_t start, vaddr_t end);
int	uvm_map_protect(struct vm_map *, vaddr_t start, vaddr_t end,
	    vm_prot_t prot);
int	uvm_map_inherit(struct vm_map *, vaddr_t start, vaddr_t end,
	    int inherit);
struct vm_map_entry *uvm_map_lookup(struct vm_map *, vaddr_t va);
int	uvm_fault(struct vm_map *, vaddr_t va, vm_prot_t access);
#define UVM_FAULT_FIXPROT	0x01	/* check the maximum protection */
int	uvm_fault1(struct vm_map *, vaddr_t va, vm_prot_t access, int flags);

/* mm/uvm_io.c: another address space's memory (ptrace) */
#define UVM_IO_WRITE		0x01	/* into the map, else out of it */
#define UVM_IO_FIXPROT		0x02	/* write past read-only protection */
int	uvm_io(struct vm_map *, vaddr_t va, void *buf, size_t len, int flags,
	    size_t *done);

/* mm/uvm_amap.c */
struct vm_amap *amap_alloc(int nslot);
void	amap_unref(struct vm_amap *);
struct vm_amap *amap_split(struct vm_amap *, int slot);
int	amap_copy(struct vm_map_entry *);
int	amap_cow_slot(struct vm_amap *, int slot);
void	uvm_page_unref(struct vm_page *);

#endif /* _UVM_UVM_MAP_H_ */
