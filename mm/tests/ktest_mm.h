/*
 * mm/tests/ktest_mm.h: helpers the memory self-tests share.
 *
 * ktest_hoard_pages(leave) takes free pages until only leave are left,
 * chaining them through their own first word (via the direct map), so a
 * test can run the system out of memory without needing memory for the
 * list; ktest_release_pages() gives the whole chain back.
 */
#ifndef _KTEST_MM_H_
#define _KTEST_MM_H_

#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>

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

#endif /* _KTEST_MM_H_ */
