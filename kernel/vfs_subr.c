/*
 * kernel/vfs_subr.c: vnode reference counting, vref() and vrele(),
 * OpenBSD's interface written afresh for Tine.  A process holds its
 * executable's vnode (ps_textvp), its directories (fd_cdir, fd_rdir) and
 * its unveiled directories (ps_uvpaths), each with a reference.
 *
 * FIXME: the VFS proper (vget, the free list, mounts) is still to come;
 * the ramdisk's vnodes and the devices' live for ever.  Until then a
 * vnode's owner decides what "inactive" means: the last vrele() calls
 * its v_inactive, if any.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/vnode.h>

/*
 * One more reference to vp.
 * => vp already has one: reviving an unreferenced vnode is vget()'s job
 */
void
vref(struct vnode *vp)
{
	if (vp->v_usecount == 0)
		panic("vref used where vget required");
	vp->v_usecount++;
}

/*
 * Drop a reference to vp; the last one makes it inactive.
 * => vp has a reference
 */
void
vrele(struct vnode *vp)
{
	if (vp->v_usecount == 0)
		panic("vrele: bad ref count");
	if (--vp->v_usecount == 0 && vp->v_inactive != NULL)
		vp->v_inactive(vp);
}
