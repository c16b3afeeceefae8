/*
 * mm/tests/kbench_uvm.c: what fork costs the memory system.
 *
 *   uvmspace_fork_NM   uvmspace_fork + uvmspace_free of a space with N MiB
 *                      touched (one entry, every page written once)
 *   cow_fault          one copy-on-write fault (the average of 64),
 *                      trap to copied page and back
 *
 * Each figure is the median of a few runs, after a warm-up.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>
#include <uvm/uvm_ktest.h>

#define BVA		0x10000000UL
#define MIB		(1024UL * 1024)
#define RUNS		5
#define COW_PAGES	64

static struct vmspace *
bench_space(vsize_t size)
{
	struct vmspace *vm = uvmspace_alloc();
	vaddr_t va = BVA, off;

	if (vm == NULL || uvm_map(&vm->vm_map, &va, size == 0 ? PAGE_SIZE :
	    size, PROT_READ | PROT_WRITE, PROT_READ | PROT_WRITE,
	    MAP_INHERIT_COPY, NULL, 0) != 0)
		panic("bench: no memory for a %lu MiB space", size / MIB);
	uvmspace_activate(vm);
	for (off = 0; off < size; off += PAGE_SIZE)
		uput((void *)(BVA + off), (int)off);
	return vm;
}

/*
 * Write one page in each 4 MiB: the last fork left the page tables
 * write-protected as a whole, and a space in use would not be.
 */
static void
touch_tables(vsize_t size)
{
	vaddr_t off;

	for (off = 0; off < size; off += NBPD)
		uput((void *)(BVA + off), 1);
}

static void
bench_fork(const char *name, vsize_t size)
{
	struct vmspace *vm = bench_space(size), *child;
	uint64_t t[RUNS], t0;
	int i;

	for (i = -1; i < RUNS; i++) {	/* run -1 warms up */
		touch_tables(size);	/* PDEs writable again, as in use */
		t0 = kbench_now();
		child = uvmspace_copy(vm);
		uvmspace_free(child);
		if (i >= 0)
			t[i] = kbench_now() - t0;
		if (child == NULL)
			panic("bench: uvmspace_copy failed");
	}
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	kbench_report(name, kbench_median(t, RUNS));
}

KBENCH(uvmspace_fork)
{
	bench_fork("uvmspace_fork_0M", 0);
	bench_fork("uvmspace_fork_1M", 1 * MIB);
	bench_fork("uvmspace_fork_4M", 4 * MIB);
	bench_fork("uvmspace_fork_16M", 16 * MIB);
	bench_fork("uvmspace_fork_64M", 64 * MIB);
}

KBENCH(cow_fault)
{
	struct vmspace *vm = bench_space(COW_PAGES * PAGE_SIZE), *child;
	uint64_t t[RUNS], t0;
	int i, j;

	for (i = 0; i < RUNS; i++) {
		child = uvmspace_copy(vm);
		t0 = kbench_now();
		for (j = 0; j < COW_PAGES; j++)
			uput((void *)(BVA + j * PAGE_SIZE), j);
		t[i] = (kbench_now() - t0) / COW_PAGES;
		uvmspace_free(child);
	}
	uvmspace_activate(NULL);
	uvmspace_free(vm);
	kbench_report("cow_fault", kbench_median(t, RUNS));
}
