/*
 * kernel/tests/ktest_support.c: the facilities fork1() leans on, each
 * by itself: credentials (crget ... crcopy, suser), resource limits
 * shared copy-on-write and dosetrlimit(), per-uid process counts,
 * signal actions and psignal() on a thread that does not sleep,
 * descriptor tables (fdinit, fdshare, fdcopy, fdfree), unveil_copy(),
 * knote lists, ratecheck(), the trace point ring, vnode references,
 * rwlocks without contention, and smr_idle().
 *
 * Each test checks that it gave back what it took: the pool's pr_nout,
 * malloc's ks_inuse and every reference count end where they began.
 * The tests that work on curproc's process (limits) put its state back
 * before they check anything, so that a failure leaves proc0 whole.
 * Fake processes and threads are static and zeroed by each test: they
 * are too big for a test's stack frame.  Contended rwlocks and psignal()
 * waking a sleeper need a second thread: ktest_proc.c tests them.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/ucred.h>
#include <sys/resourcevar.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/vnode.h>
#include <sys/unveil.h>
#include <sys/event.h>
#include <sys/rwlock.h>
#include <sys/time.h>
#include <sys/tracepoint.h>
#include <sys/smr.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>

static struct process kt_pr, kt_pr2;
static struct proc kt_p;

/* Zero the fake process and thread, and tie them together. */
static void
kt_fake_reset(void)
{
	memset(&kt_pr, 0, sizeof(kt_pr));
	memset(&kt_pr2, 0, sizeof(kt_pr2));
	memset(&kt_p, 0, sizeof(kt_p));
	kt_p.p_p = &kt_pr;
	kt_pr.ps_mainproc = &kt_p;
	TAILQ_INIT(&kt_pr.ps_threads);
	TAILQ_INSERT_TAIL(&kt_pr.ps_threads, &kt_p, p_thr_link);
	kt_pr.ps_threadcnt = 1;
}

/* The tests that use curproc's process need the scheduler's proc0. */
static void
kt_need_curproc(void)
{
	if (curproc == NULL || curproc->p_p == NULL)
		ktest_skip("no curproc yet");
}

/* A vnode's last reference went: count it. */
static int kt_inactive_calls;

static void
kt_inactive(struct vnode *vp)
{
	(void)vp;
	kt_inactive_calls++;
}

static void
kt_vnode_init(struct vnode *vp)
{
	memset(vp, 0, sizeof(*vp));
	vp->v_usecount = 1;
	vp->v_inactive = kt_inactive;
}

KTEST(ucred_refcounts)
{
	struct ucred *cr, *cr2, *cr3;
	u_int nout0 = ucred_pool.pr_nout;

	cr = crget();
	KT_EQ(ucred_pool.pr_nout, nout0 + 1);
	KT_EQ(refcnt_read(&cr->cr_refcnt), 1);
	KT_EQ(cr->cr_uid, 0);
	cr->cr_uid = 5;
	cr->cr_ngroups = 1;
	cr->cr_groups[0] = 7;

	/* Not shared: crcopy() gives the same one back. */
	KT_ASSERT(crcopy(cr) == cr);
	KT_EQ(refcnt_read(&cr->cr_refcnt), 1);

	/* Shared: a copy, and the caller's reference to cr dropped. */
	crhold(cr);
	KT_EQ(refcnt_read(&cr->cr_refcnt), 2);
	cr2 = crcopy(cr);
	KT_ASSERT(cr2 != cr);
	KT_EQ(refcnt_read(&cr->cr_refcnt), 1);
	KT_EQ(refcnt_read(&cr2->cr_refcnt), 1);
	KT_EQ(cr2->cr_uid, 5);
	KT_EQ(cr2->cr_groups[0], 7);
	KT_EQ(ucred_pool.pr_nout, nout0 + 2);

	/* crdup() always copies, and leaves cr's references alone. */
	cr3 = crdup(cr);
	KT_ASSERT(cr3 != cr);
	KT_EQ(refcnt_read(&cr->cr_refcnt), 1);
	KT_EQ(refcnt_read(&cr3->cr_refcnt), 1);
	KT_EQ(cr3->cr_ngroups, 1);

	/* crset() copies all but the reference count. */
	crhold(cr3);
	cr3->cr_uid = 9;
	crset(cr3, cr);
	KT_EQ(cr3->cr_uid, 5);
	KT_EQ(refcnt_read(&cr3->cr_refcnt), 2);
	crfree(cr3);

	crfree(cr3);
	crfree(cr2);
	KT_EQ(ucred_pool.pr_nout, nout0 + 1);
	crfree(cr);
	KT_EQ(ucred_pool.pr_nout, nout0);
}

KTEST(ucred_suser)
{
	struct ucred *cr;

	kt_fake_reset();
	cr = crget();
	kt_p.p_ucred = cr;
	KT_EQ(suser(&kt_p), 0);
	cr->cr_uid = 1000;
	KT_EQ(suser(&kt_p), EPERM);
	cr->cr_ruid = 0;		/* only the effective uid counts */
	KT_EQ(suser(&kt_p), EPERM);
	crfree(cr);
}

/*
 * Share curproc's limits with a fake child as fork does, then change a
 * limit: the first lim_write_begin() must copy (shared), the second not.
 */
KTEST(plimit_share_cow)
{
	struct process *pr;
	struct plimit *old, *new, *again;
	u_int nout0 = plimit_pool.pr_nout, refs0, refs_shared, refs_after;
	rlim_t nofile0, child_nofile, cur_after;

	kt_need_curproc();
	kt_fake_reset();
	pr = curproc->p_p;
	old = pr->ps_limit;
	refs0 = refcnt_read(&old->pl_refcnt);
	nofile0 = old->pl_rlimit[RLIMIT_NOFILE].rlim_cur;

	lim_fork(pr, &kt_pr);
	refs_shared = refcnt_read(&old->pl_refcnt);

	new = lim_write_begin();
	new->pl_rlimit[RLIMIT_NOFILE].rlim_cur = 7;
	lim_write_commit(new);
	cur_after = lim_cur(RLIMIT_NOFILE);
	refs_after = refcnt_read(&old->pl_refcnt);
	child_nofile = kt_pr.ps_limit->pl_rlimit[RLIMIT_NOFILE].rlim_cur;
	again = lim_write_begin();	/* now private: no copy */
	lim_write_commit(again);

	/* Put it back: pr takes over the child's reference to old. */
	pr->ps_limit = old;
	lim_free(new);

	KT_EQ(refs_shared, refs0 + 1);
	KT_ASSERT(kt_pr.ps_limit == old);
	KT_ASSERT(new != old);
	KT_EQ(cur_after, 7);
	KT_EQ(child_nofile, nofile0);
	KT_EQ(refs_after, refs0);
	KT_ASSERT(again == new);
	KT_EQ(refcnt_read(&old->pl_refcnt), refs0);
	KT_EQ(plimit_pool.pr_nout, nout0);
	KT_EQ(lim_cur(RLIMIT_NOFILE), nofile0);
	KT_EQ(lim_cur_proc(curproc, RLIMIT_NOFILE), nofile0);
}

KTEST(plimit_dosetrlimit)
{
	struct process *pr;
	struct plimit *old, *new;
	struct rlimit rl;
	u_int nout0 = plimit_pool.pr_nout, refs0;
	rlim_t core_cur, core_max;
	int error, eperm;

	kt_need_curproc();
	kt_fake_reset();
	pr = curproc->p_p;

	rl.rlim_cur = 1;
	rl.rlim_max = 1;
	KT_EQ(dosetrlimit(curproc, RLIM_NLIMITS, &rl), EINVAL);
	rl.rlim_cur = 2;
	KT_EQ(dosetrlimit(curproc, RLIMIT_CORE, &rl), EINVAL);

	/* Raising a hard limit takes root. */
	kt_p.p_ucred = crget();
	kt_p.p_ucred->cr_uid = 1000;
	kt_p.p_p = pr;
	rl.rlim_max = pr->ps_limit->pl_rlimit[RLIMIT_NOFILE].rlim_max + 1;
	rl.rlim_cur = 1;
	eperm = dosetrlimit(&kt_p, RLIMIT_NOFILE, &rl);
	crfree(kt_p.p_ucred);
	KT_EQ(eperm, EPERM);

	/* A change, on a copy; an extra reference keeps old alive. */
	old = pr->ps_limit;
	refcnt_take(&old->pl_refcnt);
	refs0 = refcnt_read(&old->pl_refcnt);
	rl.rlim_cur = 100;
	rl.rlim_max = 200;
	error = dosetrlimit(curproc, RLIMIT_CORE, &rl);
	new = pr->ps_limit;
	core_cur = lim_cur(RLIMIT_CORE);
	core_max = new->pl_rlimit[RLIMIT_CORE].rlim_max;
	pr->ps_limit = old;
	if (new != old)
		lim_free(new);

	KT_EQ(error, 0);
	KT_ASSERT(new != old);
	KT_EQ(core_cur, 100);
	KT_EQ(core_max, 200);
	KT_EQ(refcnt_read(&old->pl_refcnt), refs0 - 1);
	KT_EQ(plimit_pool.pr_nout, nout0);
}

KTEST(uidinfo_chgproccnt)
{
	struct uidinfo *uip, *uip2;
	u_int nout0 = uidinfo_pool.pr_nout;
	const uid_t uid = 4242;

	KT_EQ(chgproccnt(uid, 1), 1);
	KT_EQ(uidinfo_pool.pr_nout, nout0 + 1);
	KT_EQ(chgproccnt(uid, 2), 3);
	KT_EQ(chgproccnt(uid + 1, 1), 1);
	KT_EQ(uidinfo_pool.pr_nout, nout0 + 2);
	KT_EQ(chgproccnt(uid, -3), 0);
	KT_EQ(uidinfo_pool.pr_nout, nout0 + 1);
	KT_EQ(chgproccnt(uid + 1, -1), 0);
	KT_EQ(uidinfo_pool.pr_nout, nout0);

	/* uid_find() makes one, finds it again; uid_release() frees it. */
	uip = uid_find(uid);
	KT_EQ(uip->ui_uid, uid);
	KT_EQ(uip->ui_proccnt, 0);
	uip2 = uid_find(uid);
	KT_ASSERT(uip2 == uip);
	KT_EQ(uidinfo_pool.pr_nout, nout0 + 1);
	uid_release(uip);
	KT_EQ(uidinfo_pool.pr_nout, nout0);
}

KTEST(sigacts_init_copy)
{
	static struct sigacts ps0;
	struct sigacts *ps;
	struct sigaltstack ss;
	u_int nout0 = sigacts_pool.pr_nout;

	memset(&ps0, 0, sizeof(ps0));
	siginit(&ps0);
	KT_ASSERT(ps0.ps_sigignore & sigmask(SIGCHLD));
	KT_ASSERT(ps0.ps_sigignore & sigmask(SIGURG));
	KT_ASSERT(ps0.ps_sigignore & sigmask(SIGWINCH));
	KT_ASSERT((ps0.ps_sigignore & sigmask(SIGCONT)) == 0);
	KT_ASSERT((ps0.ps_sigignore & sigmask(SIGTERM)) == 0);
	KT_ASSERT(ps0.ps_sigact[SIGINT] == SIG_DFL);

	kt_fake_reset();
	ps0.ps_sigact[SIGUSR1] = SIG_IGN;
	ps0.ps_catchmask[SIGUSR2] = sigmask(SIGHUP);
	kt_pr.ps_sigacts = &ps0;
	ps = sigactsinit(&kt_pr);
	KT_ASSERT(ps != &ps0);
	KT_EQ(sigacts_pool.pr_nout, nout0 + 1);
	KT_EQ(memcmp(ps, &ps0, sizeof(*ps)), 0);
	sigactsfree(ps);
	KT_EQ(sigacts_pool.pr_nout, nout0);

	ss.ss_sp = &ss;
	ss.ss_size = 99;
	ss.ss_flags = 0;
	sigstkinit(&ss);
	KT_ASSERT(ss.ss_sp == NULL);
	KT_EQ(ss.ss_size, 0);
	KT_EQ(ss.ss_flags, SS_DISABLE);
}

/* psignal() on a thread that is not asleep: pending, or dropped. */
KTEST(psignal_pending)
{
	static struct sigacts ps0;

	memset(&ps0, 0, sizeof(ps0));
	siginit(&ps0);
	kt_fake_reset();
	kt_pr.ps_sigacts = &ps0;
	kt_p.p_stat = SRUN;

	psignal(&kt_p, SIGCHLD);		/* ignored by default */
	KT_EQ(kt_p.p_siglist, 0);
	psignal(&kt_p, SIGTERM);
	KT_EQ(kt_p.p_siglist, sigmask(SIGTERM));
	prsignal(&kt_pr, SIGUSR1);
	KT_EQ(kt_p.p_siglist, sigmask(SIGTERM) | sigmask(SIGUSR1));
	/* Blocked by every thread: pending on the process. */
	kt_p.p_sigmask = sigmask(SIGUSR2);
	prsignal(&kt_pr, SIGUSR2);
	KT_EQ(kt_p.p_siglist, sigmask(SIGTERM) | sigmask(SIGUSR1));
	KT_EQ(kt_pr.ps_siglist, sigmask(SIGUSR2));
	kt_p.p_sigmask = 0;
	kt_pr.ps_flags |= PS_TRACED;		/* a tracer sees them all */
	psignal(&kt_p, SIGCHLD);
	KT_ASSERT(kt_p.p_siglist & sigmask(SIGCHLD));
	KT_EQ(kt_p.p_stat, SRUN);
}

KTEST(filedesc_share_copy_free)
{
	static struct vnode vp;
	struct filedesc *fdp, *fdp2;
	u_int nout0 = fdesc_pool.pr_nout;
	long inuse0 = kmemstats[M_FILEDESC].ks_inuse;

	kt_fake_reset();
	kt_vnode_init(&vp);
	kt_inactive_calls = 0;

	fdp = fdinit();
	KT_EQ(fdp->fd_refcnt, 1);
	KT_EQ(fdp->fd_nfiles, NDFILE);
	KT_EQ(fdp->fd_lastfile, -1);
	KT_ASSERT(fdp->fd_ofiles[NDFILE - 1] == NULL);
	KT_EQ(fdesc_pool.pr_nout, nout0 + 1);
	fdp->fd_cdir = &vp;		/* takes the vnode's reference */
	fdp->fd_cmask = 077;
	kt_pr.ps_fd = fdp;

	KT_ASSERT(fdshare(&kt_pr) == fdp);
	KT_EQ(fdp->fd_refcnt, 2);

	fdp2 = fdcopy(&kt_pr);
	KT_ASSERT(fdp2 != fdp);
	KT_EQ(fdp2->fd_refcnt, 1);
	KT_EQ(fdp2->fd_nfiles, fdp->fd_nfiles);
	KT_ASSERT(fdp2->fd_cdir == &vp);
	KT_ASSERT(fdp2->fd_rdir == NULL);
	KT_EQ(vp.v_usecount, 2);
	KT_EQ(fdp2->fd_cmask, 077);
	KT_EQ(fdesc_pool.pr_nout, nout0 + 2);

	kt_p.p_fd = fdp2;
	fdfree(&kt_p);
	KT_ASSERT(kt_p.p_fd == NULL);
	KT_EQ(vp.v_usecount, 1);
	KT_EQ(fdesc_pool.pr_nout, nout0 + 1);

	kt_p.p_fd = fdp;
	fdfree(&kt_p);				/* the shared reference */
	KT_EQ(fdp->fd_refcnt, 1);
	KT_EQ(fdesc_pool.pr_nout, nout0 + 1);
	fdfree(&kt_p);				/* the last */
	KT_EQ(fdesc_pool.pr_nout, nout0);
	KT_EQ(vp.v_usecount, 0);
	KT_EQ(kt_inactive_calls, 1);
	KT_EQ(kmemstats[M_FILEDESC].ks_inuse, inuse0);
}

KTEST(unveil_copy_vref)
{
	static struct vnode vp1, vp2;
	static struct unveil uv[2];
	long inuse0 = kmemstats[M_PROC].ks_inuse;

	kt_fake_reset();
	kt_vnode_init(&vp1);
	kt_vnode_init(&vp2);
	kt_inactive_calls = 0;

	/* Nothing unveiled: nothing copied but "done". */
	kt_pr.ps_uvdone = 1;
	unveil_copy(&kt_pr, &kt_pr2);
	KT_ASSERT(kt_pr2.ps_uvpaths == NULL);
	KT_EQ(kt_pr2.ps_uvdone, 1);

	memset(uv, 0, sizeof(uv));
	uv[0].uv_vp = &vp1;
	uv[0].uv_flags = 3;
	uv[1].uv_vp = &vp2;
	uv[1].uv_cover = 0;
	kt_pr.ps_uvpaths = uv;
	kt_pr.ps_uvvcount = 2;
	kt_pr.ps_uvncount = 5;
	unveil_copy(&kt_pr, &kt_pr2);
	KT_ASSERT(kt_pr2.ps_uvpaths != NULL && kt_pr2.ps_uvpaths != uv);
	KT_EQ(kt_pr2.ps_uvvcount, 2);
	KT_EQ(kt_pr2.ps_uvncount, 5);
	KT_ASSERT(kt_pr2.ps_uvpaths[0].uv_vp == &vp1);
	KT_ASSERT(kt_pr2.ps_uvpaths[1].uv_vp == &vp2);
	KT_EQ(kt_pr2.ps_uvpaths[0].uv_flags, 3);
	KT_EQ(vp1.v_usecount, 2);
	KT_EQ(vp2.v_usecount, 2);

	unveil_destroy(&kt_pr2);
	KT_ASSERT(kt_pr2.ps_uvpaths == NULL);
	KT_EQ(vp1.v_usecount, 1);
	KT_EQ(vp2.v_usecount, 1);
	KT_EQ(kt_inactive_calls, 0);
	KT_EQ(kmemstats[M_PROC].ks_inuse, inuse0);
}

/*
 * The knotes of klist_knote, and the hint each one's filter saw last.
 * The filter accepts the event for every knote but kt_kn[1].
 */
static struct knote kt_kn[3];
static long kt_hints[3];

static int
kt_event(struct knote *kn, long hint)
{
	kt_hints[kn - kt_kn] = hint;
	return kn != &kt_kn[1];
}

static const struct filterops kt_filtops = {
	.f_event = kt_event,
};

KTEST(klist_knote)
{
	struct klist kl;
	int i;

	klist_init(&kl);
	KT_ASSERT(klist_empty(&kl));
	memset(kt_kn, 0, sizeof(kt_kn));
	for (i = 0; i < 3; i++) {
		kt_kn[i].kn_fop = &kt_filtops;
		kt_hints[i] = 0;
		klist_insert(&kl, &kt_kn[i]);
	}
	KT_ASSERT(!klist_empty(&kl));

	knote_locked(&kl, NOTE_FORK | 42);
	for (i = 0; i < 3; i++)
		KT_EQ(kt_hints[i], NOTE_FORK | 42);
	KT_EQ(kt_kn[0].kn_status & KN_ACTIVE, KN_ACTIVE);
	KT_EQ(kt_kn[1].kn_status & KN_ACTIVE, 0);
	KT_EQ(kt_kn[2].kn_status & KN_ACTIVE, KN_ACTIVE);

	klist_remove(&kl, &kt_kn[1]);
	klist_remove(&kl, &kt_kn[0]);
	knote(&kl, NOTE_EXIT);
	KT_EQ(kt_hints[0], NOTE_FORK | 42);
	KT_EQ(kt_hints[2], (long)NOTE_EXIT);	/* the hint is a long */
	klist_remove(&kl, &kt_kn[2]);
	KT_ASSERT(klist_empty(&kl));
}

KTEST(ratecheck_interval)
{
	struct timeval last = { 0, 0 }, iv = { 1, 0 }, now;

	getmicrouptime(&now);
	KT_RANGE(now.tv_usec, 0, 999999);
	KT_EQ(ratecheck(&last, &iv), 1);	/* the first time */
	KT_ASSERT(last.tv_sec != 0 || last.tv_usec != 0);
	KT_EQ(ratecheck(&last, &iv), 0);	/* too soon */
	last.tv_sec -= 2;			/* as if 2 s had passed */
	KT_EQ(ratecheck(&last, &iv), 1);
	KT_EQ(ratecheck(&last, &iv), 0);
}

KTEST(tracepoint_ring)
{
	struct tp_record tr;
	uint64_t c0;
	int i;

	c0 = tracepoint_count();
	TRACEPOINT(ktest, first, 11, 22, 33);
	KT_EQ(tracepoint_count(), c0 + 1);
	KT_EQ(tracepoint_read(c0, &tr), 0);
	KT_STREQ(tr.tr_provider, "ktest");
	KT_STREQ(tr.tr_name, "first");
	KT_EQ(tr.tr_nargs, 3);
	KT_EQ(tr.tr_args[0], 11);
	KT_EQ(tr.tr_args[2], 33);
	KT_EQ(tr.tr_args[3], 0);
	KT_EQ(tracepoint_read(c0 + 1, &tr), ENOENT);	/* not yet */

	for (i = 0; i < TP_NRECS; i++)
		TRACEPOINT(ktest, fill, i);
	KT_EQ(tracepoint_count(), c0 + 1 + TP_NRECS);
	KT_EQ(tracepoint_read(c0, &tr), ENOENT);	/* overwritten */
	KT_EQ(tracepoint_read(c0 + 1, &tr), 0);		/* the oldest */
	KT_STREQ(tr.tr_name, "fill");
	KT_EQ(tr.tr_args[0], 0);
	KT_EQ(tracepoint_read(c0 + TP_NRECS, &tr), 0);	/* the newest */
	KT_EQ(tr.tr_args[0], TP_NRECS - 1);
}

KTEST(vnode_vref_vrele)
{
	static struct vnode vp;

	kt_vnode_init(&vp);
	kt_inactive_calls = 0;
	vref(&vp);
	KT_EQ(vp.v_usecount, 2);
	vrele(&vp);
	KT_EQ(vp.v_usecount, 1);
	KT_EQ(kt_inactive_calls, 0);
	vrele(&vp);
	KT_EQ(vp.v_usecount, 0);
	KT_EQ(kt_inactive_calls, 1);
}

KTEST(rwlock_uncontended)
{
	static struct rwlock rwl;

	kt_need_curproc();
	rw_init(&rwl, "ktestrw");
	KT_EQ(rw_enter(&rwl, RW_READ), 0);
	KT_EQ(rw_enter(&rwl, RW_READ | RW_NOSLEEP), 0);
	KT_EQ(rwl.rwl_readers, 2);
	KT_EQ(rw_enter(&rwl, RW_WRITE | RW_NOSLEEP), EBUSY);
	rw_exit_read(&rwl);
	rw_exit(&rwl);
	KT_EQ(rwl.rwl_readers, 0);

	rw_enter_write(&rwl);
	KT_ASSERT(rwl.rwl_writer == curproc);
	rw_exit(&rwl);
	KT_ASSERT(rwl.rwl_writer == NULL);
	KT_EQ(rw_enter(&rwl, RW_WRITE | RW_NOSLEEP), 0);
	rw_exit_write(&rwl);
	rw_enter_read(&rwl);
	KT_EQ(rwl.rwl_readers, 1);
	rw_exit_read(&rwl);
	KT_EQ(rwl.rwl_waiters, 0);
}

KTEST(smr_idle_counts)
{
	unsigned long q0 = smr_quiescent;

	smr_idle();
	smr_idle();
	KT_EQ(smr_quiescent - q0, 2);
}
