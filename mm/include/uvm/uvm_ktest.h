/*
 * uvm/uvm_ktest.h: helpers the memory self-tests share (tests only).
 *
 * ktest_hoard_pages(leave) takes free pages until only leave are left,
 * chaining them through their own first word (via the direct map), so a
 * test can run the system out of memory without needing memory for the
 * list; ktest_release_pages() gives the whole chain back.
 */
#ifndef _UVM_UVM_KTEST_H_
#define _UVM_UVM_KTEST_H_

#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>

/*
 * A user address touched by the kernel may fault, and the fault handler
 * changes memory (counters, maps) the compiler cannot see change: each
 * access is followed by a compiler barrier so later reads are real.
 */
static inline int
uget(volatile const void *p)
{
	int v = *(volatile const int *)p;

	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return v;
}

static inline void
uput(volatile void *p, int v)
{
	*(volatile int *)p = v;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static inline char
ugetc(volatile const void *p)
{
	char v = *(volatile const char *)p;

	__atomic_signal_fence(__ATOMIC_SEQ_CST);
	return v;
}

static inline void
uputc(volatile void *p, char v)
{
	*(volatile char *)p = v;
	__atomic_signal_fence(__ATOMIC_SEQ_CST);
}

static inline paddr_t
ktest_hoard_pages(int leave, int *count)
{
	struct vm_page *pg;
	paddr_t head = 0, pa;

	*count = 0;
	while (uvmexp.free > leave &&
	    (pg = uvm_pagealloc(NULL, 0, NULL, 0)) != NULL) {
		pa = VM_PAGE_TO_PHYS(pg);
		*(paddr_t *)PMAP_DIRECT_MAP(pa) = head;
		head = pa;
		(*count)++;
	}
	return head;
}

static inline void
ktest_release_pages(paddr_t head)
{
	paddr_t pa;

	while (head != 0) {
		pa = head;
		head = *(paddr_t *)PMAP_DIRECT_MAP(pa);
		uvm_pagefree(PHYS_TO_VM_PAGE(pa));
	}
}

#endif /* _UVM_UVM_KTEST_H_ */
