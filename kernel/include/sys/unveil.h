/*
 * sys/unveil.h: unveil(2)'s per-process state (kern_unveil.c).
 *
 * A process that has called unveil(2) has an array, ps_uvpaths, of the
 * directories it named: each entry holds the directory's vnode (with a
 * reference) and what may be done beneath it.  fork copies the array.
 *
 * PORT: upstream's entry also holds a tree of the names unveiled in
 * that directory (uv_names) and a lock; Tine keeps only the vnode, the
 * cover and the flags until unveil(2) and its enforcement in namei()
 * arrive (FIXME: after the VFS, issue 6).
 */
#ifndef _SYS_UNVEIL_H_
#define _SYS_UNVEIL_H_

#include <sys/types.h>

#define UNVEIL_MAX_VNODES	128	/* entries in ps_uvpaths */

struct vnode;
struct process;

struct unveil {
	struct	vnode *uv_vp;		/* the directory, referenced */
	ssize_t	uv_cover;		/* index of the entry covering it */
	u_char	uv_flags;		/* UNVEIL_* permissions */
};

void	unveil_copy(struct process *, struct process *);
void	unveil_destroy(struct process *);

#endif /* _SYS_UNVEIL_H_ */
