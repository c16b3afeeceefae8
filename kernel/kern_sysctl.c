/*
 * kernel/kern_sysctl.c: sysctl(2), read-only so far (OpenBSD's
 * kern_sysctl.c, the names its tools need: kern.maxproc, kern.nprocs,
 * kern.maxthread, kern.nthreads, kern.forkstat, kern.proc, kern.pool
 * (subr_pool.c), hw.physmem, vm.uvmexp ...).
 *
 * A name is a vector of integers ({ CTL_KERN, KERN_FORKSTAT }); the value
 * goes to *old, at most *oldlenp bytes, and *oldlenp says how many it
 * took.  With old NULL, *oldlenp says how many it would take.  A buffer
 * too small is ENOMEM, an unknown name ENOENT (OpenBSD: EOPNOTSUPP for
 * some), a name too long or too short EINVAL.  Only root sets values,
 * and only kern.maxproc and kern.maxthread (sysctl_wrlimit); setting
 * anything else is EPERM.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/file.h>
#include <sys/vmmeter.h>
#include <sys/sysctl.h>
#include <sys/syscallargs.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm.h>
#include <machine/cpu.h>
#include <machine/multiboot2.h>

extern int maxfiles;

/* Copy len bytes of a value out, as sysctl's old/oldlenp say. */
int
sysctl_rdstruct(void *oldp, size_t *oldlenp, const void *val, size_t len)
{
	int error = 0;

	if (oldp != NULL) {
		if (*oldlenp < len)
			return ENOMEM;
		error = copyout(val, oldp, len);
	}
	*oldlenp = len;
	return error;
}

int
sysctl_rdint(void *oldp, size_t *oldlenp, int val)
{
	return sysctl_rdstruct(oldp, oldlenp, &val, sizeof(val));
}

int
sysctl_rdstring(void *oldp, size_t *oldlenp, const char *s)
{
	return sysctl_rdstruct(oldp, oldlenp, s, strlen(s) + 1);
}

/*
 * Set the limit *valp (kern.maxproc, kern.maxthread) from the int at
 * newp: root only, between 1 and max; the old value goes to oldp.
 */
static int
sysctl_wrlimit(struct proc *p, void *oldp, size_t *oldlenp,
    const void *newp, size_t newlen, int *valp, int max)
{
	int error, val;

	if ((error = suser(p)) != 0)
		return error;
	if (newlen != sizeof(val))
		return EINVAL;
	if ((error = copyin(newp, &val, sizeof(val))) != 0)
		return error;
	if (val < 1 || val > max)
		return EINVAL;
	if (oldp != NULL &&
	    (error = sysctl_rdint(oldp, oldlenp, *valp)) != 0)
		return error;
	*valp = val;
	return 0;
}

/* sysctl(2)'s new value for name (namelen ints, from CTL_KERN on). */
static int
sysctl_write(struct proc *p, const int *name, u_int namelen, void *oldp,
    size_t *oldlenp, const void *newp, size_t newlen)
{
	if (namelen == 2 && name[0] == CTL_KERN && name[1] == KERN_MAXPROC)
		return sysctl_wrlimit(p, oldp, oldlenp, newp, newlen,
		    &maxprocess, maxprocess_limit);
	if (namelen == 2 && name[0] == CTL_KERN && name[1] == KERN_MAXTHREAD)
		return sysctl_wrlimit(p, oldp, oldlenp, newp, newlen,
		    &maxthread, maxthread_limit);
	return EPERM;
}

/* Fill kp from thread p of process pr (p NULL: the process as a whole). */
static void
fill_kproc(struct process *pr, struct proc *p, struct kinfo_proc *kp)
{
	struct proc *t = p != NULL ? p : pr->ps_mainproc;
	struct vmspace *vm = pr->ps_vmspace;
	struct timespec rt = { 0, 0 };
	struct proc *q;

	memset(kp, 0, sizeof(*kp));
	kp->p_pid = pr->ps_pid;
	kp->p_tid = p != NULL ? p->p_tid + THREAD_PID_OFFSET : -1;
	kp->p_ppid = pr->ps_ppid;
	kp->p__pgid = pr->ps_pgrp != NULL ? pr->ps_pgid : 0;
	kp->p_sid = pr->ps_pgrp != NULL && pr->ps_session->s_leader ?
	    pr->ps_session->s_leader->ps_pid : 0;
	kp->p_uid = pr->ps_ucred->cr_uid;
	kp->p_ruid = pr->ps_ucred->cr_ruid;
	kp->p_gid = pr->ps_ucred->cr_gid;
	kp->p_rgid = pr->ps_ucred->cr_rgid;
	kp->p_psflags = pr->ps_flags;
	kp->p_nice = pr->ps_nice;
	kp->p_ustart_sec = pr->ps_start.tv_sec;
	strlcpy(kp->p_comm, pr->ps_comm, sizeof(kp->p_comm));
	if (vm != NULL) {
		kp->p_vm_tsize = vm->vm_tsize;
		kp->p_vm_dsize = vm->vm_dsize;
		kp->p_vm_ssize = vm->vm_ssize;
	}
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		if (p == NULL || q == p)
			timespecadd(&rt, &q->p_rtime, &rt);
	kp->p_rtime_sec = rt.tv_sec;
	kp->p_rtime_usec = rt.tv_nsec / 1000;
	if (t == NULL)
		return;
	kp->p_flag = t->p_flag;
	kp->p_stat = t->p_stat;
	kp->p_priority = t->p_stat == SSLEEP ? t->p_slppri : t->p_usrpri;
	kp->p_usrpri = t->p_usrpri;
	kp->p_estcpu = t->p_estcpu;
	kp->p_pctcpu = t->p_pctcpu;
	if (t->p_stat == SSLEEP && t->p_wmesg != NULL)
		strlcpy(kp->p_wmesg, t->p_wmesg, sizeof(kp->p_wmesg));
}

/* Does process pr answer KERN_PROC's op with arg? */
static int
kproc_match(struct process *pr, int op, int arg)
{
	switch (op & ~KERN_PROC_SHOW_THREADS) {
	case KERN_PROC_ALL:
		return (pr->ps_flags & PS_SYSTEM) == 0;
	case KERN_PROC_KTHREAD:
		return 1;
	case KERN_PROC_PID:
		return pr->ps_pid == arg;
	}
	return 0;
}

/*
 * kern.proc: { op, arg, elemsize, elemcount } below KERN_PROC.  Copies
 * out as many records as fit in elemcount (and *oldlenp); with old NULL,
 * says how much room the processes now would need, plus some.
 */
static int
sysctl_doproc(int *name, u_int namelen, void *oldp, size_t *oldlenp)
{
	struct kinfo_proc kp;
	struct process *pr;
	struct proc *p;
	int op, arg, elemcount, n = 0, error = 0;

	if (namelen != 4 || name[2] != sizeof(kp) || name[3] < 0)
		return EINVAL;
	op = name[0];
	arg = name[1];
	elemcount = name[3];
	if ((op & ~KERN_PROC_SHOW_THREADS) != KERN_PROC_ALL &&
	    (op & ~KERN_PROC_SHOW_THREADS) != KERN_PROC_KTHREAD &&
	    (op & ~KERN_PROC_SHOW_THREADS) != KERN_PROC_PID)
		return EINVAL;
	LIST_FOREACH(pr, &allprocess, ps_list) {
		if (!kproc_match(pr, op, arg))
			continue;
		TAILQ_FOREACH(p, &pr->ps_threads, p_thr_link) {
			if (oldp != NULL && n < elemcount &&
			    (size_t)(n + 1) * sizeof(kp) <= *oldlenp) {
				fill_kproc(pr, (op & KERN_PROC_SHOW_THREADS) ?
				    p : NULL, &kp);
				if ((error = copyout(&kp, (char *)oldp +
				    n * sizeof(kp), sizeof(kp))) != 0)
					return error;
			}
			n++;
			if ((op & KERN_PROC_SHOW_THREADS) == 0)
				break;
		}
	}
	if (oldp == NULL)
		n += 10;		/* room for a few more by then */
	else if (n > elemcount || (size_t)n * sizeof(kp) > *oldlenp)
		n = MIN(elemcount, (int)(*oldlenp / sizeof(kp)));
	*oldlenp = n * sizeof(kp);
	return 0;
}

/* The pool numbered serial, or NULL.  => splvm */
static struct pool *
pool_by_serial(int serial)
{
	struct pool *pp;

	for (pp = pool_head; pp != NULL; pp = pp->pr_poollist)
		if (pp->pr_serial == serial)
			return pp;
	return NULL;
}

/*
 * sysctl kern.pool: { KERN_POOL_NPOOLS }, { KERN_POOL_NAME, serial },
 * { KERN_POOL_POOL, serial } (OpenBSD's sysctl_dopool, in its
 * subr_pool.c; vmstat -m reads it).  Serials count pool_init calls from
 * 1; a destroyed pool leaves a gap, which is ENOENT.  Pages go back as
 * they empty, so no page is ever idle.
 */
static int
sysctl_dopool(int *name, u_int namelen, void *oldp, size_t *oldlenp)
{
	struct kinfo_pool pi;
	struct pool *pp;
	const char *wchan;
	int s, npools = 0;

	if (namelen < 1)
		return EINVAL;
	if (name[0] == KERN_POOL_NPOOLS) {
		if (namelen != 1)
			return ENOTDIR;
		s = splvm();
		for (pp = pool_head; pp != NULL; pp = pp->pr_poollist)
			npools++;
		splx(s);
		return sysctl_rdint(oldp, oldlenp, npools);
	}
	if (name[0] != KERN_POOL_NAME && name[0] != KERN_POOL_POOL)
		return ENOENT;		/* OpenBSD: EOPNOTSUPP */
	if (namelen != 2)
		return ENOTDIR;
	memset(&pi, 0, sizeof(pi));
	s = splvm();
	if ((pp = pool_by_serial(name[1])) != NULL) {
		wchan = pp->pr_wchan;
		pi.pr_size = pp->pr_size;
		pi.pr_pgsize = PAGE_SIZE;
		pi.pr_itemsperpage = pp->pr_itemsperpage;
		pi.pr_npages = pp->pr_npages;
		pi.pr_nout = pp->pr_nout;
		pi.pr_nitems = pp->pr_nitems;
		pi.pr_nget = pp->pr_nget;
		pi.pr_nput = pp->pr_nput;
		pi.pr_nfail = pp->pr_nfail;
		pi.pr_npagealloc = pp->pr_npagealloc;
		pi.pr_npagefree = pp->pr_npagefree;
		pi.pr_hiwat = pp->pr_hiwat;
	}
	splx(s);
	if (pp == NULL)
		return ENOENT;
	if (name[0] == KERN_POOL_NAME)
		return sysctl_rdstring(oldp, oldlenp, wchan);
	return sysctl_rdstruct(oldp, oldlenp, &pi, sizeof(pi));
}

static int
kern_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp)
{
	if (name[0] == KERN_PROC)
		return sysctl_doproc(name + 1, namelen - 1, oldp, oldlenp);
	if (name[0] == KERN_POOL)
		return sysctl_dopool(name + 1, namelen - 1, oldp, oldlenp);
	if (namelen != 1)
		return ENOTDIR;
	switch (name[0]) {
	case KERN_OSTYPE:
		return sysctl_rdstring(oldp, oldlenp, "Tine");
	case KERN_OSRELEASE:
		return sysctl_rdstring(oldp, oldlenp, "0.1");
	case KERN_MAXPROC:
		return sysctl_rdint(oldp, oldlenp, maxprocess);
	case KERN_MAXFILES:
		return sysctl_rdint(oldp, oldlenp, maxfiles);
	case KERN_ARGMAX:
		return sysctl_rdint(oldp, oldlenp, 64 * 1024);
	case KERN_MAXTHREAD:
		return sysctl_rdint(oldp, oldlenp, maxthread);
	case KERN_NTHREADS:
		return sysctl_rdint(oldp, oldlenp, nthreads);
	case KERN_NPROCS:
		return sysctl_rdint(oldp, oldlenp, nprocesses);
	case KERN_NFILES:
		return sysctl_rdint(oldp, oldlenp, nfiles);
	case KERN_FORKSTAT:
		return sysctl_rdstruct(oldp, oldlenp, &forkstat,
		    sizeof(forkstat));
	}
	return ENOENT;
}

static int
hw_sysctl(int *name, u_int namelen, void *oldp, size_t *oldlenp)
{
	int64_t physmem = ptoa((int64_t)uvmexp.npages);

	if (namelen != 1)
		return ENOTDIR;
	switch (name[0]) {
	case HW_MACHINE:
		return sysctl_rdstring(oldp, oldlenp, "i386");
	case HW_NCPU:
		return sysctl_rdint(oldp, oldlenp, 1);
	case HW_PHYSMEM:
		return sysctl_rdint(oldp, oldlenp, (int)MIN(physmem, INT32_MAX));
	case HW_PHYSMEM64:
		return sysctl_rdstruct(oldp, oldlenp, &physmem,
		    sizeof(physmem));
	}
	return ENOENT;
}

/* The value of name (namelen ints, from CTL_KERN on) to oldp. */
static int
sysctl_read(int *name, u_int namelen, void *oldp, size_t *oldlenp)
{
	switch (name[0]) {
	case CTL_KERN:
		return kern_sysctl(name + 1, namelen - 1, oldp, oldlenp);
	case CTL_HW:
		return hw_sysctl(name + 1, namelen - 1, oldp, oldlenp);
	case CTL_VM:
		return namelen == 2 && name[1] == VM_UVMEXP ?
		    sysctl_rdstruct(oldp, oldlenp, &uvmexp,
		    sizeof(uvmexp)) : ENOENT;
	}
	return ENOENT;
}

/* sysctl(2). */
int
sys_sysctl(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_sysctl_args /* {
		syscallarg(const int *) name;
		syscallarg(u_int) namelen;
		syscallarg(void *) old;
		syscallarg(size_t *) oldlenp;
		syscallarg(void *) new;
		syscallarg(size_t) newlen;
	} */ *uap = v;
	int name[CTL_MAXNAME], error;
	u_int namelen = SCARG(uap, namelen);
	size_t oldlen = 0;

	if (namelen < 2 || namelen > CTL_MAXNAME)
		return EINVAL;
	if ((error = copyin(SCARG(uap, name), name,
	    namelen * sizeof(int))) != 0)
		return error;
	if (SCARG(uap, oldlenp) != NULL && (error = copyin(SCARG(uap,
	    oldlenp), &oldlen, sizeof(oldlen))) != 0)
		return error;
	if (SCARG(uap, old) != NULL && SCARG(uap, oldlenp) == NULL)
		return EINVAL;
	if (SCARG(uap, new) != NULL)
		error = sysctl_write(p, name, namelen, SCARG(uap, old),
		    &oldlen, SCARG(uap, new), SCARG(uap, newlen));
	else
		error = sysctl_read(name, namelen, SCARG(uap, old), &oldlen);
	if (SCARG(uap, oldlenp) != NULL &&
	    (error == 0 || error == ENOMEM))
		(void)copyout(&oldlen, SCARG(uap, oldlenp), sizeof(oldlen));
	return error;
}
