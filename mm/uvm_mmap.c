/*
 * mm/uvm_mmap.c: the memory system calls (OpenBSD's uvm_mmap.c): mmap of
 * anonymous memory and of ramdisk files (private, copy-on-write), munmap,
 * mprotect, minherit, and the break (obreak, under libc's brk/sbrk).
 *
 * Each works on the caller's map through uvm_map(), uvm_unmap(),
 * uvm_map_protect() and uvm_map_inherit() (uvm_map.c).  Addresses must be
 * page-aligned where POSIX says so (EINVAL), ranges must lie in user
 * space (EINVAL), and running out of room or memory is ENOMEM.
 * FIXME (issue 6): shared file mappings, msync, mlock.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/mman.h>
#include <lib/libkern/libkern.h>
#include <sys/proc.h>
#include <sys/file.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/resourcevar.h>
#include <sys/syscallargs.h>
#include <uvm/uvm.h>
#include <machine/vmparam.h>

/* Is [addr, addr + len) a non-empty, page-aligned range of user space? */
static int
uvm_range_ok(vaddr_t addr, vsize_t len)
{
	return (addr & PAGE_MASK) == 0 && len != 0 &&
	    addr >= VM_MIN_ADDRESS && addr + len > addr &&
	    addr + len <= VM_MAXUSER_ADDRESS;
}

/* The bytes of the file behind fd, for a private mapping of it. */
static int
mmap_file_image(struct proc *p, int fd, off_t pos, vsize_t len,
    const char **image, vsize_t *imagesize)
{
	struct file *fp = fd_getfile_mode(p->p_fd, fd, FREAD);
	struct vnode *vp;
	const char *data;
	size_t size;

	if (fp == NULL)
		return EBADF;
	if (fp->f_type != DTYPE_VNODE)
		return ENODEV;
	vp = fp->f_data;
	if (vp->v_op->vop_image == NULL ||
	    vp->v_op->vop_image(vp, &data, &size) != 0)
		return ENODEV;
	if (pos < 0 || (pos & PAGE_MASK) != 0)
		return EINVAL;
	*image = (uint64_t)pos < size ? data + pos : NULL;
	*imagesize = (uint64_t)pos < size ? MIN(size - pos, len) : 0;
	return 0;
}

/*
 * Where mmap puts a mapping the caller left to the kernel: like OpenBSD's
 * uvm_map_hint(), above the room the break may grow into (the largest
 * data limit), so the heap and mappings never collide, and never near
 * address 0, where a stray NULL-plus-offset would find them.
 */
static vaddr_t
uvm_mmap_hint(struct vmspace *vm, vsize_t len)
{
	struct vm_map *map = &vm->vm_map;
	vaddr_t hint = round_page((vaddr_t)vm->vm_daddr + MAXDSIZ);
	vaddr_t va;

	if (hint < (vaddr_t)vm->vm_daddr)	/* wrapped: no room above */
		hint = VM_MIN_ADDRESS;
	if ((va = uvm_map_findspace(map, hint, len)) == 0)
		va = uvm_map_findspace(map, VM_MIN_ADDRESS, len);
	return va;
}

/* mmap(2). */
int
sys_mmap(struct proc *p, void *v, register_t *retval)
{
	struct sys_mmap_args /* {
		syscallarg(void *) addr;
		syscallarg(size_t) len;
		syscallarg(int) prot;
		syscallarg(int) flags;
		syscallarg(int) fd;
		syscallarg(off_t) pos;
	} */ *uap = v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t len = round_page(SCARG(uap, len));
	int prot = SCARG(uap, prot), flags = SCARG(uap, flags), error;
	struct vm_map *map = &p->p_vmspace->vm_map;
	const char *image = NULL;
	vsize_t imagesize = 0;

	if (SCARG(uap, len) == 0 || len < SCARG(uap, len) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0 ||
	    ((flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_SHARED &&
	    (flags & (MAP_SHARED | MAP_PRIVATE)) != MAP_PRIVATE))
		return EINVAL;
	if ((flags & MAP_ANON) == 0) {
		if (flags & MAP_SHARED)
			return ENODEV;	/* FIXME: shared file mappings */
		if ((error = mmap_file_image(p, SCARG(uap, fd),
		    SCARG(uap, pos), len, &image, &imagesize)) != 0)
			return error;
	}
	if (flags & MAP_FIXED) {
		if (!uvm_range_ok(addr, len))
			return EINVAL;
		(void)uvm_unmap(map, addr, addr + len);
	} else
		addr = uvm_mmap_hint(p->p_vmspace, len);
	if (addr == 0)
		return ENOMEM;
	error = uvm_map(map, &addr, len, prot,
	    PROT_READ | PROT_WRITE | PROT_EXEC,
	    (flags & MAP_SHARED) ? MAP_INHERIT_SHARE : MAP_INHERIT_COPY,
	    image, imagesize);
	if (error != 0)
		return error;
	*retval = addr;
	return 0;
}

/* munmap(2): EINVAL for an unaligned or foreign range. */
int
sys_munmap(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_munmap_args /* {
		syscallarg(void *) addr;
		syscallarg(size_t) len;
	} */ *uap = v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t len = round_page(SCARG(uap, len));

	if (!uvm_range_ok(addr, len))
		return EINVAL;
	return uvm_unmap(&p->p_vmspace->vm_map, addr, addr + len);
}

/* mprotect(2): ENOMEM for a hole in the range, EACCES past the maximum. */
int
sys_mprotect(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_mprotect_args /* {
		syscallarg(void *) addr;
		syscallarg(size_t) len;
		syscallarg(int) prot;
	} */ *uap = v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t len = round_page(SCARG(uap, len));
	int prot = SCARG(uap, prot);

	if (!uvm_range_ok(addr, len) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0)
		return EINVAL;
	return uvm_map_protect(&p->p_vmspace->vm_map, addr, addr + len,
	    prot);
}

/* minherit(2): what a child gets of the range at fork. */
int
sys_minherit(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_minherit_args /* {
		syscallarg(void *) addr;
		syscallarg(size_t) len;
		syscallarg(int) inherit;
	} */ *uap = v;
	vaddr_t addr = (vaddr_t)SCARG(uap, addr);
	vsize_t len = round_page(SCARG(uap, len));
	int inherit = SCARG(uap, inherit);

	if (!uvm_range_ok(addr, len) ||
	    (inherit != MAP_INHERIT_SHARE && inherit != MAP_INHERIT_COPY &&
	    inherit != MAP_INHERIT_NONE))
		return EINVAL;
	return uvm_map_inherit(&p->p_vmspace->vm_map, addr, addr + len,
	    inherit);
}

/*
 * obreak(2), the break (brk/sbrk in libc): the heap grows up from the end
 * of the program's data (vm_daddr) to nsize, within RLIMIT_DATA, or
 * shrinks.  The break is returned rounded to pages.
 */
int
sys_obreak(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_obreak_args /* {
		syscallarg(char *) nsize;
	} */ *uap = v;
	struct vmspace *vm = p->p_vmspace;
	vaddr_t base = (vaddr_t)vm->vm_daddr;
	vaddr_t old = base + ptoa(vm->vm_dused);
	vaddr_t new = round_page((vaddr_t)SCARG(uap, nsize));
	int error;

	if (new < base || new > (vaddr_t)vm->vm_maxsaddr ||
	    new - base > lim_cur(RLIMIT_DATA))
		return ENOMEM;
	if (new > old) {
		if ((error = uvm_map(&vm->vm_map, &old, new - old,
		    PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE | PROT_EXEC,
		    MAP_INHERIT_COPY, NULL, 0)) != 0)
			return error;
	} else if (new < old)
		(void)uvm_unmap(&vm->vm_map, new, old);
	vm->vm_dused = atop(new - base);
	return 0;
}
