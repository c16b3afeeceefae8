/*
 * kernel/vfs_getcwd.c: __getcwd(2), the current directory's path
 * (OpenBSD's vfs_getcwd.c).
 * PORT: upstream climbs from fd_cdir through ".." and reads each parent
 * to find the child's name; every ramdisk vnode knows its whole path,
 * so tarfs_path() gives it at once.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>

/*
 * __getcwd(2): the path of the current directory, with its NUL, into
 * buf.  ERANGE if it does not fit in len bytes.  Returns the bytes
 * copied out (NUL included), as upstream does; libc's getcwd() returns
 * buf.
 */
int
sys___getcwd(struct proc *p, void *v, register_t *retval)
{
	struct sys___getcwd_args /* {
		syscallarg(char *) buf;
		syscallarg(size_t) len;
	} */ *uap = v;
	size_t len = MIN(SCARG(uap, len), MAXPATHLEN);
	char *path;
	int error;

	if (len < 2)
		return ERANGE;
	path = malloc(MAXPATHLEN, M_TEMP, M_WAITOK);
	error = tarfs_path(p->p_fd->fd_cdir, path, len);
	if (error == 0) {
		len = strlen(path) + 1;
		error = copyout(path, SCARG(uap, buf), len);
		*retval = len;
	}
	free(path, M_TEMP, MAXPATHLEN);
	return error;
}
