/*
 * mm/uvm_amap.c: anonymous maps, the memory behind map entries.
 *
 * An amap has one slot per page of its entry.  A slot holds the page, or
 * NULL until the first fault there fills it.  Each page counts the amaps
 * holding it (pg_refs): two after a copy-on-write fork, until one side
 * writes and gets a copy of its own (uvm_fault.c).
 *
 * PORT: OpenBSD's amaps hold anons (each with its own reference count and
 * swap slot) and chunk their slot arrays; UVM-lite's hold pages directly,
 * in one array, and never swap.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/errno.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <uvm/uvm_page.h>
#include <uvm/uvm_map.h>
#include <machine/pmap.h>

/* An empty amap of nslot slots; NULL when memory is short. */
struct vm_amap *
amap_alloc(int nslot)
{
	struct vm_amap *am;

	am = malloc(sizeof(*am), M_UVMAMAP, M_NOWAIT | M_ZERO);
	if (am == NULL)
		return NULL;
	am->am_pages = mallocarray(nslot, sizeof(struct vm_page *),
	    M_UVMAMAP, M_NOWAIT | M_ZERO);
	if (am->am_pages == NULL) {
		free(am, M_UVMAMAP, sizeof(*am));
		return NULL;
	}
	am->am_ref = 1;
	am->am_nslot = nslot;
	return am;
}

/* One amap fewer holds pg: the last one frees it. */
void
uvm_page_unref(struct vm_page *pg)
{
	KASSERT(pg->pg_refs > 0);
	if (--pg->pg_refs == 0) {
		uvmexp.anonpages--;
		uvm_pagefree(pg);
	}
}

static void
amap_free(struct vm_amap *am)
{
	free(am->am_pages, M_UVMAMAP, am->am_nslot * sizeof(struct vm_page *));
	free(am, M_UVMAMAP, sizeof(*am));
}

/* Drop a reference; the last one releases every page. */
void
amap_unref(struct vm_amap *am)
{
	int i;

	if (--am->am_ref > 0)
		return;
	for (i = 0; i < am->am_nslot; i++)
		if (am->am_pages[i] != NULL)
			uvm_page_unref(am->am_pages[i]);
	amap_free(am);
}

/*
 * Give entry e an amap of its own (OpenBSD's amap_copy for needs-copy
 * entries).  If others still share e's amap, e gets a new one holding the
 * same pages, each page's count one higher: from here on they are plain
 * copy-on-write pages.  The last sharer just keeps the amap.  Returns 0
 * or ENOMEM.
 */
int
amap_copy(struct vm_map_entry *e)
{
	struct vm_amap *am = e->aref, *nam;
	int i;

	KASSERT(e->needs_copy);
	if (am->am_ref > 1) {
		if ((nam = amap_alloc(am->am_nslot)) == NULL)
			return ENOMEM;
		for (i = 0; i < am->am_nslot; i++) {
			if ((nam->am_pages[i] = am->am_pages[i]) == NULL)
				continue;
			nam->am_pages[i]->pg_refs++;
			nam->am_nused++;
		}
		am->am_ref--;
		e->aref = nam;
	}
	e->needs_copy = 0;
	return 0;
}

/*
 * Break copy-on-write for one slot: it gets a private copy of its page,
 * and the old page loses a reference.  Returns 0, or ENOMEM with the slot
 * unchanged.  (The fault handler and fork's eager cases both use it.)
 */
int
amap_cow_slot(struct vm_amap *am, int slot)
{
	struct vm_page *old = am->am_pages[slot], *pg;

	pg = uvm_pagealloc(NULL, 0, NULL, 0);
	if (pg == NULL)
		return ENOMEM;
	pmap_copy_page(old, pg);
	uvmexp.anonpages++;
	am->am_pages[slot] = pg;
	uvm_page_unref(old);
	return 0;
}

/*
 * Split am at slot: the slots from slot on move to a new amap, which is
 * returned (NULL when memory is short, am untouched).
 * => am is used by one entry only (uvm_map_clip refuses shared ones).
 */
struct vm_amap *
amap_split(struct vm_amap *am, int slot)
{
	struct vm_amap *nam;
	struct vm_page **old;
	int i, n = am->am_nslot - slot;

	KASSERT(slot > 0 && slot < am->am_nslot);
	KASSERT(am->am_ref == 1);
	nam = amap_alloc(n);
	if (nam == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		nam->am_pages[i] = am->am_pages[slot + i];
		if (nam->am_pages[i] != NULL)
			nam->am_nused++;
	}
	/* Shrink am to its first slot slots (a smaller array). */
	old = am->am_pages;
	am->am_pages = mallocarray(slot, sizeof(struct vm_page *), M_UVMAMAP,
	    M_NOWAIT);
	if (am->am_pages == NULL) {
		am->am_pages = old;
		for (i = 0; i < n; i++)
			nam->am_pages[i] = NULL;
		amap_free(nam);
		return NULL;
	}
	memcpy(am->am_pages, old, slot * sizeof(struct vm_page *));
	free(old, M_UVMAMAP, am->am_nslot * sizeof(struct vm_page *));
	am->am_nslot = slot;
	am->am_nused -= nam->am_nused;
	return nam;
}
