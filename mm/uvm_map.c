/*
 * mm/uvm_map.c: address spaces and their maps (UVM-lite).
 *
 * uvm_map() adds an entry, uvm_unmap() / uvm_map_protect() /
 * uvm_map_inherit() work on a range, splitting ("clipping") the entries
 * at its ends first.  uvmspace_fork() makes a child's space by each
 * entry's inheritance:
 *
 *   MAP_INHERIT_NONE    nothing: a hole in the child
 *   MAP_INHERIT_SHARE   the child's entry uses the same amap
 *   MAP_INHERIT_COPY    both entries share the amap "needs-copy": the
 *                       first fault in either gives it an amap of its own
 *                       holding the same pages (amap_copy: each page's
 *                       count goes up), and a write copies the page
 *                       (uvm_fault.c).  The parent loses write permission
 *                       a page table at a time (pmap_protect_pde); the
 *                       child's pmap starts empty.
 *
 * So a fork costs one entry and one reference per entry, and one PDE per
 * 4 MiB of the parent: nothing per page.  The pages are paid for when and
 * where they are touched.
 *
 * Two rules keep copy-on-write simple: a page held by more than one amap
 * lives only in amaps used by one entry, and an amap shared by several
 * entries is either SHARE'd (then it holds only pages of its own) or
 * needs-copy in all of them.  So a write fault never has to find other
 * address spaces' mappings.  Forking across the rules (COPY of a SHARE'd
 * amap, SHARE of an amap with copy-on-write pages) copies those pages at
 * once instead.  PORT: OpenBSD handles those cases lazily too, with pv
 * lists.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>
#include <sys/proc.h>

struct vmspace *curvmspace;

/* A new, empty address space; NULL when memory is short. */
struct vmspace *
uvmspace_alloc(void)
{
	struct vmspace *vm;

	vm = malloc(sizeof(*vm), M_VMMAP, M_NOWAIT | M_ZERO);
	if (vm == NULL)
		return NULL;
	vm->vm_map.pmap = pmap_create();
	if (vm->vm_map.pmap == NULL) {
		free(vm, M_VMMAP, sizeof(*vm));
		return NULL;
	}
	vm->vm_refcnt = 1;
	return vm;
}

/*
 * FORK_SHAREVM: the parent's space, one reference more (seed:
 * process_new, for kernel threads).
 */
struct vmspace *
uvmspace_share(struct process *pr)
{
	struct vmspace *vm = pr->ps_vmspace;

	vm->vm_refcnt++;
	return vm;
}

/* Run on vm's page tables from now on. */
void
uvmspace_activate(struct vmspace *vm)
{
	curvmspace = vm;
	pmap_load(vm != NULL ? vm->vm_map.pmap : pmap_kernel());
}

static struct vm_map_entry *
uvm_mapent_alloc(void)
{
	return malloc(sizeof(struct vm_map_entry), M_VMMAP, M_NOWAIT | M_ZERO);
}

/* Unmap an entry's pages, drop its amap, free it. */
static void
uvm_mapent_free(struct vm_map *map, struct vm_map_entry *e)
{
	pmap_remove(map->pmap, e->start, e->end);
	amap_unref(e->aref);
	map->size -= e->end - e->start;
	map->nentries--;
	free(e, M_VMMAP, sizeof(*e));
}

/* Link e into map's sorted list. */
static void
uvm_map_insert(struct vm_map *map, struct vm_map_entry *e)
{
	struct vm_map_entry **pp = &map->header;

	while (*pp != NULL && (*pp)->start < e->start)
		pp = &(*pp)->next;
	e->next = *pp;
	*pp = e;
	map->nentries++;
	map->size += e->end - e->start;
}

/* The entry holding va, or NULL. */
struct vm_map_entry *
uvm_map_lookup(struct vm_map *map, vaddr_t va)
{
	struct vm_map_entry *e;

	for (e = map->header; e != NULL && e->start <= va; e = e->next)
		if (va < e->end)
			return e;
	return NULL;
}

/* Is [start, end) free of entries? */
static int
uvm_map_isfree(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e;

	for (e = map->header; e != NULL; e = e->next)
		if (e->start < end && start < e->end)
			return 0;
	return 1;
}

/* The lowest free gap of size bytes at or above hint; 0 if none. */
vaddr_t
uvm_map_findspace(struct vm_map *map, vaddr_t hint, vsize_t size)
{
	vaddr_t va = MAX(hint, VM_MIN_ADDRESS);
	struct vm_map_entry *e;

	for (e = map->header; e != NULL; e = e->next) {
		if (e->start >= va && e->start - va >= size)
			return va;
		if (e->end > va)
			va = e->end;
	}
	return VM_MAXUSER_ADDRESS - va >= size ? va : 0;
}

/*
 * Map size bytes of anonymous memory (zero-filled, or filled from a
 * read-only image of imagesize bytes) at *addr, or wherever there is room
 * when *addr is 0.  Returns 0, EINVAL (bad range or protections), or
 * ENOMEM (no room, or no memory for the bookkeeping).
 */
int
uvm_map(struct vm_map *map, vaddr_t *addr, vsize_t size, vm_prot_t prot,
    vm_prot_t maxprot, int inherit, const char *image, vsize_t imagesize)
{
	struct vm_map_entry *e;
	vaddr_t start = *addr;

	size = round_page(size);
	if (size == 0 || (start & PAGE_MASK) || (prot & ~maxprot) != 0)
		return EINVAL;
	if (start == 0 && (start = uvm_map_findspace(map, VM_MIN_ADDRESS, size)) == 0)
		return ENOMEM;
	if (start < VM_MIN_ADDRESS || start + size < start ||
	    start + size > VM_MAXUSER_ADDRESS)
		return EINVAL;
	if (!uvm_map_isfree(map, start, start + size))
		return ENOMEM;
	if ((e = uvm_mapent_alloc()) == NULL)
		return ENOMEM;
	if ((e->aref = amap_alloc(size >> PGSHIFT)) == NULL) {
		free(e, M_VMMAP, sizeof(*e));
		return ENOMEM;
	}
	e->start = start;
	e->end = start + size;
	e->protection = prot;
	e->max_protection = maxprot;
	e->inheritance = inherit;
	e->image = image;
	e->imagesize = imagesize;
	uvm_map_insert(map, e);
	*addr = start;
	return 0;
}

/*
 * Split e at va (start < va < end): e keeps [start, va), a new entry
 * after it gets [va, end) with its share of the amap and the image.
 */
static int
uvm_map_clip(struct vm_map *map, struct vm_map_entry *e, vaddr_t va)
{
	struct vm_map_entry *ne;
	vsize_t off = va - e->start;
	struct vm_amap *nam;
	int error;

	if (va <= e->start || va >= e->end)
		return 0;
	if (e->needs_copy && (error = amap_copy(e)) != 0)
		return error;
	/*
	 * XXX: an amap SHARE'd with other spaces cannot be split: they
	 * keep the whole of it, so its pages would end up held by two
	 * amaps while mapped writable.  OpenBSD shares the amap between
	 * the pieces with a slot offset instead; until Tine does, changing
	 * part of a MAP_INHERIT_SHARE region after a fork is refused.
	 */
	if (e->aref->am_ref > 1)
		return EINVAL;
	if ((ne = uvm_mapent_alloc()) == NULL)
		return ENOMEM;
	if ((nam = amap_split(e->aref, off >> PGSHIFT)) == NULL) {
		free(ne, M_VMMAP, sizeof(*ne));
		return ENOMEM;
	}
	*ne = (struct vm_map_entry){ .next = e->next, .start = va,
	    .end = e->end, .protection = e->protection,
	    .max_protection = e->max_protection,
	    .inheritance = e->inheritance, .aref = nam };
	if (e->imagesize > off) {
		ne->image = e->image + off;
		ne->imagesize = e->imagesize - off;
	}
	e->end = va;
	e->next = ne;
	map->nentries++;
	return 0;
}

/* Clip the entries at start and end so that whole entries cover it. */
static int
uvm_map_clip_range(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e;
	int error;

	if ((e = uvm_map_lookup(map, start)) != NULL &&
	    (error = uvm_map_clip(map, e, start)) != 0)
		return error;
	if ((e = uvm_map_lookup(map, end - 1)) != NULL &&
	    (error = uvm_map_clip(map, e, end)) != 0)
		return error;
	return 0;
}

static int
uvm_map_checkrange(vaddr_t start, vaddr_t end)
{
	if ((start & PAGE_MASK) || start >= end || end > VM_MAXUSER_ADDRESS)
		return EINVAL;
	return 0;
}

/* Remove every mapping in [start, end); its pages go back when unheld. */
int
uvm_unmap(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry **pp, *e;
	int error;

	end = round_page(end);
	if ((error = uvm_map_checkrange(start, end)) != 0 ||
	    (error = uvm_map_clip_range(map, start, end)) != 0)
		return error;
	for (pp = &map->header; (e = *pp) != NULL;) {
		if (e->start >= start && e->end <= end) {
			*pp = e->next;
			uvm_mapent_free(map, e);
		} else
			pp = &e->next;
	}
	return 0;
}

/* Is every page of [start, end) inside some entry? */
static int
uvm_map_covered(struct vm_map *map, vaddr_t start, vaddr_t end)
{
	struct vm_map_entry *e;

	for (e = map->header; e != NULL && start < end; e = e->next) {
		if (e->end <= start)
			continue;
		if (e->start > start)
			return 0;
		start = e->end;
	}
	return start >= end;
}

/*
 * mprotect: set the protection of [start, end), which must be mapped
 * (ENOMEM for a hole, as mprotect(2) says) and allow it (EACCES past
 * max_protection).  Lowering takes effect in the page tables at once;
 * raising on the next fault.
 */
int
uvm_map_protect(struct vm_map *map, vaddr_t start, vaddr_t end,
    vm_prot_t prot)
{
	struct vm_map_entry *e;
	int error;

	end = round_page(end);
	if ((error = uvm_map_checkrange(start, end)) != 0)
		return error;
	if (!uvm_map_covered(map, start, end))
		return ENOMEM;
	for (e = map->header; e != NULL; e = e->next)
		if (e->start < end && start < e->end &&
		    (prot & ~e->max_protection) != 0)
			return EACCES;
	if ((error = uvm_map_clip_range(map, start, end)) != 0)
		return error;
	for (e = map->header; e != NULL; e = e->next) {
		if (e->start < start || e->end > end)
			continue;
		e->protection = prot;
		pmap_protect(map->pmap, e->start, e->end, prot);
	}
	return 0;
}

/* minherit: set the inheritance of [start, end). */
int
uvm_map_inherit(struct vm_map *map, vaddr_t start, vaddr_t end, int inherit)
{
	struct vm_map_entry *e;
	int error;

	end = round_page(end);
	if (inherit < MAP_INHERIT_SHARE || inherit > MAP_INHERIT_NONE)
		return EINVAL;
	if ((error = uvm_map_checkrange(start, end)) != 0 ||
	    (error = uvm_map_clip_range(map, start, end)) != 0)
		return error;
	for (e = map->header; e != NULL; e = e->next)
		if (e->start >= start && e->end <= end)
			e->inheritance = inherit;
	return 0;
}

/*
 * The child's entry for a COPY-inherited parent entry e: the same amap,
 * needs-copy on both sides, the parent write-protected by page table.
 */
static int
uvmspace_fork_copy(struct vm_map *map, struct vm_map_entry *e,
    struct vm_map_entry *ne)
{
	struct vm_amap *am = e->aref;
	int i, error;

	ne->needs_copy = 0;
	if (am->am_ref > 1 && !e->needs_copy) {
		/* A SHARE'd amap may not hold copy-on-write pages: copy. */
		if ((ne->aref = amap_alloc(am->am_nslot)) == NULL)
			return ENOMEM;
		for (i = 0; i < am->am_nslot; i++) {
			if ((ne->aref->am_pages[i] = am->am_pages[i]) == NULL)
				continue;
			ne->aref->am_nused++;
			am->am_pages[i]->pg_refs++;
			if ((error = amap_cow_slot(ne->aref, i)) != 0)
				return error;
		}
		return 0;
	}
	am->am_ref++;
	ne->aref = am;
	ne->needs_copy = 1;
	e->needs_copy = 1;
	if (e->protection & PROT_WRITE)
		pmap_protect_pde(map->pmap, e->start, e->end);
	return 0;
}

/*
 * The child's entry for a SHARE-inherited entry: the same amap, after the
 * parent's copy-on-write pages in it got pages of their own.
 */
static int
uvmspace_fork_share(struct vm_map *map, struct vm_map_entry *e,
    struct vm_map_entry *ne)
{
	struct vm_amap *am;
	int i, error;

	ne->needs_copy = 0;
	if (e->needs_copy && (error = amap_copy(e)) != 0)
		return error;
	am = e->aref;
	for (i = 0; i < am->am_nslot; i++) {
		if (am->am_pages[i] == NULL || am->am_pages[i]->pg_refs == 1)
			continue;
		if ((error = amap_cow_slot(am, i)) != 0)
			return error;
		pmap_remove(map->pmap, e->start + i * PAGE_SIZE,
		    e->start + (i + 1) * PAGE_SIZE);
	}
	am->am_ref++;
	ne->aref = am;
	return 0;
}

/*
 * A copy of vm1 as fork gives it to a child: MAP_INHERIT_COPY entries
 * copy-on-write, SHARE shared, NONE left out.  Returns NULL when memory
 * runs out, with nothing left allocated.
 */
struct vmspace *
uvmspace_copy(struct vmspace *vm1)
{
	struct vmspace *vm2;
	struct vm_map_entry *e, *ne;
	int error = 0;

	if ((vm2 = uvmspace_alloc()) == NULL)
		return NULL;
	vm2->vm_tsize = vm1->vm_tsize;
	vm2->vm_dsize = vm1->vm_dsize;
	vm2->vm_ssize = vm1->vm_ssize;
	vm2->vm_daddr = vm1->vm_daddr;
	vm2->vm_dused = vm1->vm_dused;	/* the heap is copied: its size too */
	vm2->vm_maxsaddr = vm1->vm_maxsaddr;
	for (e = vm1->vm_map.header; e != NULL && error == 0; e = e->next) {
		if (e->inheritance == MAP_INHERIT_NONE)
			continue;
		if ((ne = uvm_mapent_alloc()) == NULL) {
			error = ENOMEM;
			break;
		}
		*ne = *e;
		ne->next = NULL;
		ne->aref = NULL;
		if (e->inheritance == MAP_INHERIT_SHARE)
			error = uvmspace_fork_share(&vm1->vm_map, e, ne);
		else
			error = uvmspace_fork_copy(&vm1->vm_map, e, ne);
		if (ne->aref == NULL) {
			free(ne, M_VMMAP, sizeof(*ne));
			break;
		}
		uvm_map_insert(&vm2->vm_map, ne);
	}
	if (error != 0) {
		uvmspace_free(vm2);
		return NULL;
	}
	return vm2;
}

/*
 * The address space of the child process at fork (seed: process_new).
 * OpenBSD's cannot fail, and the seed calls it after "cannot fail": when
 * memory is short, wait for some to be freed (uvm_wait) and try again.
 */
struct vmspace *
uvmspace_fork(struct process *pr)
{
	struct vmspace *vm;

	while ((vm = uvmspace_copy(pr->ps_vmspace)) == NULL)
		uvm_wait("forkmem");
	return vm;
}

/*
 * A process has exited and its last thread is gone: drop its reference
 * to the address space (OpenBSD's uvm_exit, called by the reaper, never
 * by the exiting thread, which may still run on those page tables).
 */
void
uvm_exit(struct process *pr)
{
	struct vmspace *vm = pr->ps_vmspace;

	pr->ps_vmspace = NULL;
	uvmspace_free(vm);
}

/* Drop a reference; the last one frees every entry, page and table. */
void
uvmspace_free(struct vmspace *vm)
{
	struct vm_map_entry *e;

	if (--vm->vm_refcnt > 0)
		return;
	KASSERT(curvmspace != vm);
	while ((e = vm->vm_map.header) != NULL) {
		vm->vm_map.header = e->next;
		uvm_mapent_free(&vm->vm_map, e);
	}
	pmap_destroy(vm->vm_map.pmap);
	free(vm, M_VMMAP, sizeof(*vm));
}
