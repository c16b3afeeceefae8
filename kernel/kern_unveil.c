/*
 * kernel/kern_unveil.c: unveil(2)'s state across fork and exit, OpenBSD's
 * interface written afresh for Tine.  Entry points: unveil_copy() (from
 * process_new() in fork) and unveil_destroy() (when a process is freed).
 * <sys/unveil.h> has the structure.
 *
 * FIXME: unveil(2) itself and its checks in namei() come after the VFS
 * (issue 6); until then no process has unveiled anything, and these
 * functions only keep the array and its vnode references right.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/vnode.h>
#include <sys/unveil.h>

/*
 * Give child a copy of parent's unveil(2) state: the same directories,
 * each with a reference of its own, the same counts, and "done".
 * PORT: upstream also copies each entry's names (not kept yet).
 * => child's ps_uvpaths is NULL (process_new zeroes it); may sleep
 */
void
unveil_copy(struct process *parent, struct process *child)
{
	struct unveil *from, *to;
	ssize_t i;

	child->ps_uvdone = parent->ps_uvdone;
	if (parent->ps_uvvcount == 0)
		return;

	child->ps_uvpaths = mallocarray(UNVEIL_MAX_VNODES,
	    sizeof(struct unveil), M_PROC, M_WAITOK | M_ZERO);
	for (i = 0; i < parent->ps_uvvcount; i++) {
		from = &parent->ps_uvpaths[i];
		to = &child->ps_uvpaths[i];
		to->uv_vp = from->uv_vp;
		if (to->uv_vp != NULL)
			vref(to->uv_vp);
		to->uv_cover = from->uv_cover;
		to->uv_flags = from->uv_flags;
	}
	child->ps_uvvcount = parent->ps_uvvcount;
	child->ps_uvncount = parent->ps_uvncount;
}

/*
 * Let go of pr's unveil(2) state: a reference on each directory, and
 * the array.
 */
void
unveil_destroy(struct process *pr)
{
	struct vnode *vp;
	ssize_t i;

	if (pr->ps_uvpaths == NULL)
		return;
	for (i = 0; i < pr->ps_uvvcount; i++) {
		vp = pr->ps_uvpaths[i].uv_vp;
		if (vp != NULL)
			vrele(vp);
	}
	free(pr->ps_uvpaths, M_PROC,
	    UNVEIL_MAX_VNODES * sizeof(struct unveil));
	pr->ps_uvpaths = NULL;
	pr->ps_uvvcount = 0;
	pr->ps_uvncount = 0;
}
