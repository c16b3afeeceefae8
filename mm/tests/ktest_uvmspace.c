/*
 * mm/tests/ktest_uvmspace.c: address spaces through real accesses.  The
 * kernel touches user addresses directly after uvmspace_activate(), so
 * each access goes through the real trap -> uvm_fault path, as a user
 * program's would.  Every test ends with the free page count, the
 * anonymous page count and malloc's vm bookkeeping back at baseline.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <sys/proc.h>
#include <machine/pmap.h>
#include <machine/trap.h>
#include <uvm/uvm_ktest.h>

#define VA	0x10000000UL
#define RW	(PROT_READ | PROT_WRITE)

extern struct kmemstats kmemstats[];

struct mm_baseline {
	int	free, anon;
	long	vmmap, amap;
};

static void
baseline(struct mm_baseline *b)
{
	b->free = uvmexp.free;
	b->anon = uvmexp.anonpages;
	b->vmmap = kmemstats[M_VMMAP].ks_inuse;
	b->amap = kmemstats[M_UVMAMAP].ks_inuse;
}

#define KT_BASELINE(b) do {						\
	struct mm_baseline _now;					\
	uvmspace_activate(NULL);					\
	baseline(&_now);						\
	KT_EQ(_now.free, (b)->free);					\
	KT_EQ(_now.anon, (b)->anon);					\
	KT_EQ(_now.vmmap, (b)->vmmap);					\
	KT_EQ(_now.amap, (b)->amap);					\
} while (0)

static struct vmspace *
space_with(vaddr_t va, vsize_t size, int inherit)
{
	struct vmspace *vm = uvmspace_alloc();
	vaddr_t a = va;

	KT_ASSERT(vm != NULL);
	KT_EQ(uvm_map(&vm->vm_map, &a, size, RW, RW, inherit, NULL, 0), 0);
	KT_EQ(a, va);
	return vm;
}

static paddr_t
pa_of(struct vmspace *vm, vaddr_t va)
{
	paddr_t pa = 0;

	KT_ASSERT(pmap_extract(vm->vm_map.pmap, va, &pa));
	return trunc_page(pa);
}

KTEST(uvm_demand_zero)
{
	struct mm_baseline b;
	struct vmspace *vm;
	volatile int *p = (volatile int *)VA;
	int zf;

	baseline(&b);
	vm = space_with(VA, 4 * PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(vm);
	zf = uvmexp.flt_zero;
	KT_EQ(uget(&p[0]), 0);				/* a fault fills it */
	KT_EQ(uget(&p[3 * PAGE_SIZE / 4 + 5]), 0);
	KT_EQ(uvmexp.flt_zero, zf + 2);
	KT_EQ(vm->vm_map.header->aref->am_nused, 2);
	uput(&p[1], 42);
	KT_EQ(uget(&p[1]), 42);
	KT_EQ(uvmexp.anonpages, b.anon + 2);
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	KT_BASELINE(&b);
}

/*
 * After fork, both sides read the same page; a write splits exactly the
 * page written; the second writer gets its page back without a copy.
 */
KTEST(uvm_fork_copy_on_write)
{
	struct mm_baseline b;
	struct vmspace *parent, *child;
	volatile int *p = (volatile int *)VA;
	paddr_t pa0, pa1;
	int cow;

	baseline(&b);
	parent = space_with(VA, 2 * PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(parent);
	uput(&p[0], 100);
	uput(&p[PAGE_SIZE / 4], 200);
	pa0 = pa_of(parent, VA);
	pa1 = pa_of(parent, VA + PAGE_SIZE);
	child = uvmspace_copy(parent);
	KT_ASSERT(child != NULL);
	/* Fork shares the amap needs-copy; no page was touched. */
	KT_ASSERT(child->vm_map.header->aref == parent->vm_map.header->aref);
	KT_EQ(parent->vm_map.header->aref->am_ref, 2);
	KT_ASSERT(child->vm_map.header->needs_copy);
	KT_EQ(PHYS_TO_VM_PAGE(pa0)->pg_refs, 1);

	cow = uvmexp.flt_cow;
	uput(&p[0], 101); /* parent writes page 0 */
	KT_EQ(uvmexp.flt_cow, cow + 1);
	KT_ASSERT(pa_of(parent, VA) != pa0);	/* it got a copy */
	KT_EQ(pa_of(parent, VA + PAGE_SIZE), pa1);	/* page 1 untouched */
	KT_EQ(PHYS_TO_VM_PAGE(pa0)->pg_refs, 1);

	uvmspace_activate(child);
	KT_EQ(uget(&p[0]), 100); /* the child sees the old data */
	KT_EQ(uget(&p[PAGE_SIZE / 4]), 200);
	KT_EQ(pa_of(child, VA), pa0);
	KT_EQ(pa_of(child, VA + PAGE_SIZE), pa1);	/* still shared */
	uput(&p[0], 102); /* sole owner now: no copy */
	KT_EQ(uvmexp.flt_cow, cow + 1);
	KT_EQ(pa_of(child, VA), pa0);
	uput(&p[PAGE_SIZE / 4], 202);			/* page 1: copied */
	KT_EQ(uvmexp.flt_cow, cow + 2);

	uvmspace_activate(parent);
	KT_EQ(uget(&p[0]), 101);
	KT_EQ(uget(&p[PAGE_SIZE / 4]), 200);
	uvmspace_activate(NULL);
	uvmspace_free(child);
	uvmspace_free(parent);
	KT_BASELINE(&b);
}

/*
 * Regressions: after fork, the parent's entry stops being needs-copy
 * before its first write (a read fault copies its amap), and an entry
 * spans two page tables; no write of the parent may reach the child.
 */
KTEST(uvm_fork_cow_after_read_and_across_tables)
{
	struct mm_baseline b;
	struct vmspace *parent, *child;
	vaddr_t va = 0x103fe000UL;	/* 2 pages below a 4 MiB boundary */
	volatile int *p = (volatile int *)va;
	int i;

	baseline(&b);
	parent = space_with(va, 4 * PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(parent);
	for (i = 0; i < 3; i++)
		uput(&p[i * PAGE_SIZE / 4], i + 1);
	child = uvmspace_copy(parent);
	KT_ASSERT(child != NULL);
	KT_EQ(uget(&p[3 * PAGE_SIZE / 4]), 0);	/* read fault: amap copied */
	for (i = 0; i < 3; i++)
		uput(&p[i * PAGE_SIZE / 4], (i + 1) * 10);
	uvmspace_activate(child);
	for (i = 0; i < 3; i++)
		KT_EQ(uget(&p[i * PAGE_SIZE / 4]), i + 1);
	uvmspace_activate(parent);
	for (i = 0; i < 3; i++)
		KT_EQ(uget(&p[i * PAGE_SIZE / 4]), (i + 1) * 10);
	uvmspace_activate(NULL);
	uvmspace_free(child);
	uvmspace_free(parent);
	KT_BASELINE(&b);
}

KTEST(uvm_fork_share_and_none)
{
	struct mm_baseline b;
	struct vmspace *parent, *child;
	volatile int *p = (volatile int *)VA;
	volatile int *q = (volatile int *)(VA + 0x100000);
	struct ktest_trap t;
	vaddr_t a = (vaddr_t)q;

	baseline(&b);
	parent = space_with(VA, PAGE_SIZE, MAP_INHERIT_SHARE);
	KT_EQ(uvm_map(&parent->vm_map, &a, PAGE_SIZE, RW, RW,
	    MAP_INHERIT_NONE, NULL, 0), 0);
	uvmspace_activate(parent);
	uput(&p[0], 1);
	uput(&q[0], 2);
	child = uvmspace_copy(parent);
	KT_ASSERT(child != NULL);
	KT_EQ(child->vm_map.nentries, 1);	/* NONE left a hole */
	uvmspace_activate(child);
	KT_EQ(uget(&p[0]), 1);
	uput(&p[0], 10);				/* seen by the parent */
	if (ktest_catch(&t) == 0) {
		(void)uget(&q[0]);
		uvmspace_activate(NULL);
		KT_FAIL("the NONE region exists in the child");
	}
	KT_EQ(t.kt_cr2, (vaddr_t)q);
	uvmspace_activate(parent);
	KT_EQ(uget(&p[0]), 10);
	uput(&p[0], 11);
	uvmspace_activate(child);
	KT_EQ(uget(&p[0]), 11);			/* ... both ways */
	KT_EQ(pa_of(child, VA), pa_of(parent, VA));
	uvmspace_activate(NULL);
	uvmspace_free(parent);
	uvmspace_activate(child);
	KT_EQ(uget(&p[0]), 11);			/* outlives the parent */
	uvmspace_activate(NULL);
	uvmspace_free(child);
	KT_BASELINE(&b);
}

/*
 * Part of a region SHARE'd with another space cannot be changed (see
 * uvm_map_clip's XXX: the pages would end up held twice); the whole of
 * it can, and a private region can be split as before.
 */
KTEST(uvm_shared_region_is_not_split)
{
	struct mm_baseline b;
	struct vmspace *parent, *child;
	volatile int *p = (volatile int *)VA;

	baseline(&b);
	parent = space_with(VA, 2 * PAGE_SIZE, MAP_INHERIT_SHARE);
	uvmspace_activate(parent);
	uput(&p[PAGE_SIZE / 4], 111);
	child = uvmspace_copy(parent);
	KT_ASSERT(child != NULL);
	KT_EQ(uvm_map_protect(&parent->vm_map, VA, VA + PAGE_SIZE, PROT_READ),
	    EINVAL);
	KT_EQ(uvm_unmap(&parent->vm_map, VA + PAGE_SIZE, VA + 2 * PAGE_SIZE),
	    EINVAL);
	KT_EQ(parent->vm_map.nentries, 1);
	KT_EQ(uvm_map_protect(&parent->vm_map, VA, VA + 2 * PAGE_SIZE,
	    PROT_READ), 0);
	uvmspace_activate(child);
	uput(&p[PAGE_SIZE / 4], 222);		/* the child may still write */
	uvmspace_activate(parent);
	KT_EQ(uget(&p[PAGE_SIZE / 4]), 222);
	uvmspace_activate(NULL);
	uvmspace_free(child);
	uvmspace_free(parent);
	KT_BASELINE(&b);
}

KTEST(uvm_copyin_copyout)
{
	struct mm_baseline b;
	struct vmspace *parent, *child;
	char buf[32];
	size_t done;
	int v = 7, cow;

	baseline(&b);
	parent = space_with(VA, 2 * PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(parent);
	KT_EQ(copyout("hello", (void *)VA, 6), 0);
	KT_EQ(copyinstr((void *)VA, buf, sizeof(buf), &done), 0);
	KT_STREQ(buf, "hello");
	KT_EQ(done, 6);
	KT_EQ(copyinstr((void *)VA, buf, 3, &done), ENAMETOOLONG);
	KT_EQ(copyin((void *)(VA + 2 * PAGE_SIZE), buf, 1), EFAULT);
	KT_EQ(copyout(&v, (void *)(VA + 2 * PAGE_SIZE - 2), 4), EFAULT);
	KT_EQ(copyin((void *)KERNBASE, buf, 4), EFAULT);	/* kernel */
	KT_EQ(copyin((void *)(KERNBASE - 2), buf, 4), EFAULT);
	KT_EQ(copyin((void *)0xfffffff0, buf, 0x20), EFAULT);	/* wraps */
	KT_EQ(copyinstr((void *)(KERNBASE - 1), buf, 8, NULL), EFAULT);
	/* A string running off the mapping: EFAULT, and done counts. */
	KT_EQ(copyout("xy", (void *)(VA + 2 * PAGE_SIZE - 2), 2), 0);
	done = 99;
	KT_EQ(copyinstr((void *)(VA + 2 * PAGE_SIZE - 2), buf, 8, &done),
	    EFAULT);
	KT_EQ(done, 2);
	KT_EQ(copyinstr((void *)KERNBASE, buf, 8, NULL), EFAULT);

	/* copyout into a copy-on-write page: the kernel's write copies. */
	child = uvmspace_copy(parent);
	KT_ASSERT(child != NULL);
	cow = uvmexp.flt_cow;
	KT_EQ(copyout("HELLO", (void *)VA, 6), 0);
	KT_EQ(uvmexp.flt_cow, cow + 1);
	uvmspace_activate(child);
	KT_EQ(copyin((void *)VA, buf, 6), 0);
	KT_STREQ(buf, "hello");
	uvmspace_activate(NULL);
	uvmspace_free(child);
	uvmspace_free(parent);
	KT_BASELINE(&b);
}

/* No free page during a fault: ENOMEM to uvm_fault, EFAULT to copyout. */
KTEST(uvm_fault_out_of_memory)
{
	struct mm_baseline b;
	struct vmspace *vm;
	paddr_t hoard;
	int n, noram, v = 1;

	baseline(&b);
	vm = space_with(VA, PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(vm);
	noram = uvmexp.flt_noram;
	hoard = ktest_hoard_pages(0, &n);
	KT_EQ(copyout(&v, (void *)VA, sizeof(v)), EFAULT);
	KT_EQ(uvmexp.flt_noram, noram + 1);
	KT_EQ(uvm_fault(&vm->vm_map, VA, PROT_READ), ENOMEM);
	ktest_release_pages(hoard);
	KT_EQ(copyout(&v, (void *)VA, sizeof(v)), 0);
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	KT_BASELINE(&b);
}

/* Protection, unmapping the middle of an entry, file images. */
KTEST(uvm_map_protect_unmap_image)
{
	static const char image[] = "text of a program";
	struct mm_baseline b;
	struct vmspace *vm;
	volatile char *p = (volatile char *)VA;
	struct ktest_trap t;
	vaddr_t a = 0;
	char buf[sizeof(image)];

	baseline(&b);
	vm = space_with(VA, 3 * PAGE_SIZE, MAP_INHERIT_COPY);
	uvmspace_activate(vm);
	uputc(&p[0], 'x');
	uputc(&p[PAGE_SIZE], 'x');
	uputc(&p[2 * PAGE_SIZE], 'x');
	KT_EQ(uvm_map_protect(&vm->vm_map, VA, VA + PAGE_SIZE, PROT_READ), 0);
	KT_EQ(vm->vm_map.nentries, 2);
	if (ktest_catch(&t) == 0) {
		uputc(&p[0], 'y');
		uvmspace_activate(NULL);
		KT_FAIL("a write to an mprotect'ed page went through");
	}
	KT_EQ(t.kt_err, PGEX_P | PGEX_W);
	KT_EQ(uvm_map_protect(&vm->vm_map, VA, VA + PAGE_SIZE, RW | PROT_EXEC),
	    EACCES);
	KT_EQ(uvm_map_protect(&vm->vm_map, VA, VA + 4 * PAGE_SIZE, PROT_READ),
	    ENOMEM);				/* runs past the end */
	KT_EQ(uvm_unmap(&vm->vm_map, VA + PAGE_SIZE, VA + 2 * PAGE_SIZE), 0);
	KT_EQ(vm->vm_map.nentries, 2);
	KT_EQ(uvm_fault(&vm->vm_map, VA + PAGE_SIZE, PROT_READ), EFAULT);
	KT_EQ(ugetc(&p[2 * PAGE_SIZE]), 'x');	/* the tail kept its page */
	KT_EQ(uvmexp.anonpages, b.anon + 2);

	KT_EQ(uvm_map(&vm->vm_map, &a, 2 * PAGE_SIZE, PROT_READ | PROT_EXEC,
	    PROT_READ | PROT_EXEC, MAP_INHERIT_COPY, image, sizeof(image)), 0);
	KT_EQ(copyin((void *)a, buf, sizeof(buf)), 0);
	KT_STREQ(buf, image);
	KT_EQ(ugetc((char *)a + PAGE_SIZE), 0);	/* zero past it */
	a = VA;
	KT_EQ(uvm_map(&vm->vm_map, &a, PAGE_SIZE, RW, RW, MAP_INHERIT_COPY,
	    NULL, 0), ENOMEM);			/* overlaps */
	KT_EQ(uvm_map(&vm->vm_map, &a, PAGE_SIZE, RW, PROT_READ,
	    MAP_INHERIT_COPY, NULL, 0), EINVAL);	/* prot > maxprot */
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	KT_BASELINE(&b);
}

/* uvmspace_share: one space, two references. */
KTEST(uvm_share_refcount)
{
	struct mm_baseline b;
	static struct process pr;
	struct vmspace *vm, *vm2;

	baseline(&b);
	vm = space_with(VA, PAGE_SIZE, MAP_INHERIT_COPY);
	pr.ps_vmspace = vm;
	vm2 = uvmspace_share(&pr);
	KT_ASSERT(vm2 == vm);
	KT_EQ(vm->vm_refcnt, 2);
	uvmspace_free(vm2);
	KT_EQ(vm->vm_refcnt, 1);
	uvmspace_free(vm);
	KT_BASELINE(&b);
}
