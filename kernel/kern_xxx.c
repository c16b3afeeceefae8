/*
 * kernel/kern_xxx.c: reboot(2) (OpenBSD's kern_xxx.c).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/proc.h>
#include <sys/reboot.h>
#include <sys/ucred.h>
#include <sys/syscallargs.h>

/* reboot(2): root only; RB_HALT, RB_POWERDOWN as boot() takes them. */
int
sys_reboot(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_reboot_args /* {
		syscallarg(int) opt;
	} */ *uap = v;
	int error;

	if ((error = suser(p)) != 0)
		return error;
	boot(SCARG(uap, opt));
	/* NOTREACHED */
	return 0;
}
