/*
 * mm/uvm_init.c: start the memory system.  main() calls uvm_init() once
 * the machine-dependent code has built the direct map (pmap_bootstrap)
 * and loaded the free physical memory (pmap_physload).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <machine/pmap.h>

void
uvm_init(void)
{
	uvm_page_init();
	pmap_init();
}
