/*
 * sys/vnode.h: file system nodes.  Issue 5 needs only the reference
 * count (a process holds its text vnode, ps_textvp); the VFS arrives
 * with exec in issue 6.
 */
#ifndef _SYS_VNODE_H_
#define _SYS_VNODE_H_

#include <sys/types.h>

struct vnode {
	u_int	v_usecount;		/* references */
	int	v_type;
	void	*v_data;		/* the file system's node */
	void	(*v_inactive)(struct vnode *);	/* last reference gone */
};

void	vref(struct vnode *);
void	vrele(struct vnode *);

#endif /* _SYS_VNODE_H_ */
