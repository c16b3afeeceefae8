/*
 * kernel/kern_prot.c: credentials (struct ucred), OpenBSD's interface
 * written afresh for Tine.  Entry points: prot_init() (from main(),
 * before proc0 gets its credentials), crget(), crhold(), crfree(),
 * crcopy(), crdup(), crset() and suser().  <sys/ucred.h> has the
 * structure.
 *
 * A ucred is shared by reference: fork1() gives the child's process and
 * thread the parent's with crhold(), and nobody ever changes a shared
 * one.  Code that wants to change credentials first makes them private
 * with crcopy(), which copies only when someone else holds a reference:
 *
 *	cr = crcopy(pr->ps_ucred);	refs 1: the same ucred back
 *	cr->cr_uid = uid;		refs > 1: a copy, and one
 *	pr->ps_ucred = cr;		    reference to the old dropped
 *
 * The set*id(2) system calls that do this arrive with user space
 * (issue 6).  Read next: kern_fork.c, where credentials are shared.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/pool.h>
#include <sys/ucred.h>
#include <sys/proc.h>
#include <sys/syscallargs.h>
#include <sys/resourcevar.h>
#include <lib/libkern/libkern.h>
#include <machine/intr.h>
#include <machine/tcb.h>

struct pool ucred_pool;

/*
 * Set up the pool that credentials come from.
 * => once, from main(), before the first crget()
 */
void
prot_init(void)
{
	pool_init(&ucred_pool, sizeof(struct ucred), 0, IPL_NONE,
	    PR_WAITOK, "ucredpl", NULL);
}

/*
 * Copy everything of cr but its reference count into newcr.
 * PORT: upstream copies from a cr_startcopy marker; our refcount is the
 * only field that must not be copied, so save and restore it instead.
 * => cr is live (has a reference)
 */
void
crset(struct ucred *newcr, const struct ucred *cr)
{
	struct refcnt refs;

	KASSERT(cr->cr_refcnt.r_refs > 0);
	refs = newcr->cr_refcnt;
	memcpy(newcr, cr, sizeof(*newcr));
	newcr->cr_refcnt = refs;
}

/*
 * A new, zeroed credential (uid 0, gid 0, no groups) with one reference,
 * the caller's.
 * => may sleep for memory (PR_WAITOK)
 */
struct ucred *
crget(void)
{
	struct ucred *cr;

	cr = pool_get(&ucred_pool, PR_WAITOK | PR_ZERO);
	refcnt_init(&cr->cr_refcnt);
	return cr;
}

/* One more reference to cr. */
void
crhold(struct ucred *cr)
{
	refcnt_take(&cr->cr_refcnt);
}

/*
 * Drop a reference to cr; the last one frees it.
 * => refcnt_rele() panics on a credential with no references left
 */
void
crfree(struct ucred *cr)
{
	if (refcnt_rele(&cr->cr_refcnt))
		pool_put(&ucred_pool, cr);
}

/*
 * Make cr safe to change: cr itself if the caller holds the only
 * reference, else a private copy, with the caller's reference to cr
 * dropped.
 * => the caller holds a reference to cr, and gets one to the result
 */
struct ucred *
crcopy(struct ucred *cr)
{
	struct ucred *newcr;

	if (refcnt_read(&cr->cr_refcnt) == 1)
		return cr;
	newcr = crget();
	crset(newcr, cr);
	crfree(cr);
	return newcr;
}

/*
 * A private copy of cr, with one reference; cr keeps its references.
 */
struct ucred *
crdup(struct ucred *cr)
{
	struct ucred *newcr;

	newcr = crget();
	crset(newcr, cr);
	return newcr;
}

/*
 * May p use the superuser's privileges?
 * => 0 if its effective uid is 0, else EPERM
 */
int
suser(struct proc *p)
{
	if (p->p_ucred->cr_uid == 0)
		return 0;
	return EPERM;
}

/*
 * The identity system calls (OpenBSD's kern_prot.c).  A thread's id is
 * offset by THREAD_PID_OFFSET so that it never equals a pid.
 */
int
sys_getpid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_p->ps_pid;
	return 0;
}

int
sys_getthrid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_tid + THREAD_PID_OFFSET;
	return 0;
}

/*
 * __set_tcb(2) and __get_tcb(2): the calling thread's TCB, which user
 * code reaches through %gs (machine/tcb.h).  Any value is accepted, as
 * on OpenBSD/i386: a bad one only faults the user code that uses it.
 */
int
sys___set_tcb(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys___set_tcb_args /* {
		syscallarg(void *) tcb;
	} */ *uap = v;

	TCB_SET(p, SCARG(uap, tcb));
	return 0;
}

int
sys___get_tcb(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = (register_t)TCB_GET(p);
	return 0;
}

int
sys_getppid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_p->ps_ppid;
	return 0;
}

int
sys_getuid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_ucred->cr_ruid;
	return 0;
}

int
sys_geteuid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_ucred->cr_uid;
	return 0;
}

int
sys_getgid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_ucred->cr_rgid;
	return 0;
}

int
sys_getegid(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_ucred->cr_gid;
	return 0;
}

/*
 * Give p the credentials its process now has (OpenBSD refreshes each
 * thread on its way back to user mode; FIXME (issue 8): the other
 * threads of the process).
 */
static void
refreshcreds(struct proc *p)
{
	struct ucred *old = p->p_ucred;

	if (old != p->p_p->ps_ucred) {
		p->p_ucred = p->p_p->ps_ucred;
		crhold(p->p_ucred);
		crfree(old);
	}
}

/*
 * setuid(2): root sets the real, effective and saved ids (and moves the
 * process count to the new real uid); anyone may set the effective id to
 * the real or saved one.
 */
int
sys_setuid(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_setuid_args /* {
		syscallarg(uid_t) uid;
	} */ *uap = v;
	struct process *pr = p->p_p;
	struct ucred *pruc = pr->ps_ucred, *newcred;
	uid_t uid = SCARG(uap, uid);
	int error;

	if (pruc->cr_ruid == uid && pruc->cr_uid == uid &&
	    pruc->cr_svuid == uid)
		return 0;
	if (uid != pruc->cr_ruid && uid != pruc->cr_svuid &&
	    (error = suser(p)) != 0)
		return error;
	newcred = crget();
	crset(newcred, pruc);
	if (suser(p) == 0) {
		newcred->cr_ruid = uid;
		newcred->cr_svuid = uid;
		(void)chgproccnt(pruc->cr_ruid, -1);
		(void)chgproccnt(uid, 1);
	}
	newcred->cr_uid = uid;
	pr->ps_ucred = newcred;
	atomic_setbits_int(&pr->ps_flags, PS_SUGID);
	crfree(pruc);
	refreshcreds(p);
	return 0;
}

/* setgid(2): as setuid, for the group ids. */
int
sys_setgid(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_setgid_args /* {
		syscallarg(gid_t) gid;
	} */ *uap = v;
	struct process *pr = p->p_p;
	struct ucred *pruc = pr->ps_ucred, *newcred;
	gid_t gid = SCARG(uap, gid);
	int error;

	if (pruc->cr_rgid == gid && pruc->cr_gid == gid &&
	    pruc->cr_svgid == gid)
		return 0;
	if (gid != pruc->cr_rgid && gid != pruc->cr_svgid &&
	    (error = suser(p)) != 0)
		return error;
	newcred = crget();
	crset(newcred, pruc);
	if (suser(p) == 0) {
		newcred->cr_rgid = gid;
		newcred->cr_svgid = gid;
	}
	newcred->cr_gid = gid;
	pr->ps_ucred = newcred;
	atomic_setbits_int(&pr->ps_flags, PS_SUGID);
	crfree(pruc);
	refreshcreds(p);
	return 0;
}

/*
 * Process groups and sessions (OpenBSD's kern_prot.c): a shell puts each
 * job in its own group (setpgid), a login session starts with setsid.
 */
int
sys_getpgrp(struct proc *p, void *v __unused, register_t *retval)
{
	*retval = p->p_p->ps_pgid;
	return 0;
}

/* The process pid names (0: the caller), or NULL. */
static struct process *
pid_or_self(struct proc *p, pid_t pid)
{
	return pid == 0 ? p->p_p : prfind(pid);
}

/* getpgid(2): ESRCH for no such process. */
int
sys_getpgid(struct proc *p, void *v, register_t *retval)
{
	struct sys_getpgid_args /* {
		syscallarg(pid_t) pid;
	} */ *uap = v;
	struct process *targpr = pid_or_self(p, SCARG(uap, pid));

	if (targpr == NULL)
		return ESRCH;
	*retval = targpr->ps_pgid;
	return 0;
}

/* getsid(2): the session leader's pid; EINVAL once the leader is gone. */
int
sys_getsid(struct proc *p, void *v, register_t *retval)
{
	struct sys_getsid_args /* {
		syscallarg(pid_t) pid;
	} */ *uap = v;
	struct process *targpr = pid_or_self(p, SCARG(uap, pid));

	if (targpr == NULL)
		return ESRCH;
	if (targpr->ps_session->s_leader == NULL)
		return EINVAL;
	*retval = targpr->ps_session->s_leader->ps_pid;
	return 0;
}

/*
 * setsid(2): a new session and process group, both named by the caller's
 * pid, with no controlling terminal.  EPERM for a group leader, or when
 * a group already has that id.
 */
int
sys_setsid(struct proc *p, void *v __unused, register_t *retval)
{
	struct process *pr = p->p_p;
	pid_t pid = pr->ps_pid;
	struct session *newsess;
	struct pgrp *newpgrp;

	if (pr->ps_pgid == pid || pgfind(pid) != NULL)
		return EPERM;
	newsess = pool_get(&session_pool, PR_WAITOK | PR_ZERO);
	newpgrp = pool_get(&pgrp_pool, PR_WAITOK | PR_ZERO);
	enternewpgrp(pr, newpgrp, newsess);
	*retval = pid;
	return 0;
}

/*
 * setpgid(2): move pid (0: the caller), itself or a child of it, into
 * group pgid (0: its own pid) of the caller's session.  EINVAL for a
 * negative pgid; ESRCH for no such process or one not the caller's;
 * EPERM for a session leader, a child in another session, or a group
 * elsewhere; EACCES for a child that has exec'd.
 */
int
sys_setpgid(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_setpgid_args /* {
		syscallarg(pid_t) pid;
		syscallarg(pid_t) pgid;
	} */ *uap = v;
	struct process *curpr = p->p_p, *targpr;
	pid_t pid = SCARG(uap, pid), pgid = SCARG(uap, pgid);
	struct pgrp *pgrp;

	if (pgid < 0)
		return EINVAL;
	if (pid != 0 && pid != curpr->ps_pid) {
		if ((targpr = prfind(pid)) == NULL ||
		    targpr->ps_pptr != curpr)
			return ESRCH;
		if (targpr->ps_session != curpr->ps_session)
			return EPERM;
		if (targpr->ps_flags & PS_EXEC)
			return EACCES;
	} else
		targpr = curpr;
	if (SESS_LEADER(targpr))
		return EPERM;
	if (pgid == 0)
		pgid = targpr->ps_pid;

	if ((pgrp = pgfind(pgid)) == NULL) {
		if (pgid != targpr->ps_pid)
			return EPERM;
		pgrp = pool_get(&pgrp_pool, PR_WAITOK | PR_ZERO);
		enternewpgrp(targpr, pgrp, NULL);
	} else if (pgrp->pg_session != curpr->ps_session)
		return EPERM;
	else if (pgrp != targpr->ps_pgrp)
		enterthispgrp(targpr, pgrp);
	return 0;
}
