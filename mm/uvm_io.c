/*
 * mm/uvm_io.c: reading and writing the memory of an address space that
 * is not the running one: ptrace's PT_READ_*, PT_WRITE_* and PT_IO
 * (process_domem in kernel/sys_process.c) on a stopped tracee.
 *
 * Each page goes through the tracee's own fault handler (uvm_fault1), as
 * if the tracee had touched it: a page never touched is filled from the
 * file image or zeroed, a copy-on-write page is copied before a write,
 * and only then are its bytes reached through the direct map.  So a
 * breakpoint written into text (UVM_IO_FIXPROT: past the entry's
 * read-only protection, up to its maximum) lands in the tracee's private
 * copy of that page, and neither the program's file image nor another
 * process sharing the page since a fork sees it:
 *
 *   tracer: PT_WRITE_I 0xcc at va      tracee's map: entry r-x, max rwx
 *      uvm_io(FIXPROT | WRITE)  ---->  uvm_fault1(va, PROT_WRITE, FIXPROT)
 *                                        slot shared (pg_refs 2)?  copy
 *      memcpy into the tracee's  <---- am_pages[slot]: the tracee's own
 *      page (direct map)                 page, mapped r-x as before
 *
 * PORT: OpenBSD's uvm_io extracts the range into the kernel map
 * (uvm_map_extract) and copies with uiomove; UVM-lite's amaps hold every
 * page, so the page is found in the entry's amap instead.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

/*
 * The kernel address of va's byte in map, its page made resident (and
 * private, for a write) by the fault handler; NULL with *error set if
 * va is not mapped for the access.
 */
static char *
uvm_io_page(struct vm_map *map, vaddr_t va, int flags, int *error)
{
	vm_prot_t access = (flags & UVM_IO_WRITE) ? PROT_WRITE : PROT_READ;
	struct vm_map_entry *e;
	struct vm_page *pg;

	*error = uvm_fault1(map, va, access,
	    (flags & UVM_IO_FIXPROT) ? UVM_FAULT_FIXPROT : 0);
	if (*error != 0)
		return NULL;
	e = uvm_map_lookup(map, va);
	KASSERT(e != NULL && e->aref != NULL);
	pg = e->aref->am_pages[(trunc_page(va) - e->start) >> PGSHIFT];
	KASSERT(pg != NULL);
	return (char *)PMAP_DIRECT_MAP(VM_PAGE_TO_PHYS(pg)) + (va & PAGE_MASK);
}

/*
 * Copy len bytes between the kernel buffer buf and map's addresses from
 * va: into the map with UVM_IO_WRITE, out of it otherwise.  *done gets
 * how many bytes moved.  Returns 0, or EFAULT at the first page that is
 * not mapped for the access (ENOMEM if no page could be had).
 * => map is not the running address space's, or is: either works; the
 *    caller keeps the vmspace alive
 */
int
uvm_io(struct vm_map *map, vaddr_t va, void *buf, size_t len, int flags,
    size_t *done)
{
	char *kva, *kbuf = buf;
	size_t n;
	int error;

	*done = 0;
	while (*done < len) {
		if (va >= VM_MAXUSER_ADDRESS)
			return EFAULT;
		n = MIN(len - *done, PAGE_SIZE - (va & PAGE_MASK));
		if ((kva = uvm_io_page(map, va, flags, &error)) == NULL)
			return error == ENOMEM ? ENOMEM : EFAULT;
		if (flags & UVM_IO_WRITE)
			memcpy(kva, kbuf + *done, n);
		else
			memcpy(kbuf + *done, kva, n);
		*done += n;
		va += n;
	}
	return 0;
}
