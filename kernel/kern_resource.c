/*
 * kernel/kern_resource.c: resource limits and per-user process counts,
 * OpenBSD's interface written afresh for Tine.  Entry points:
 * resource_init() and lim_startup(&limit0) (from main(), before proc0
 * gets its limits), lim_fork() and lim_free() (fork and exit),
 * lim_cur(), lim_cur_proc(), lim_read_enter()/lim_read_leave(),
 * lim_write_begin()/lim_write_commit(), dosetrlimit(); chgproccnt(),
 * uid_find() and uid_release(); startprofclock()/stopprofclock().
 * <sys/resourcevar.h> has the structures.
 *
 * Limits are shared copy-on-write.  A child gets a reference to its
 * parent's plimit (lim_fork); whoever changes a limit gets a private
 * copy first if anyone else holds a reference (lim_write_begin), and
 * then installs it (lim_write_commit), dropping its reference to the old:
 *
 *   parent ps_limit --+                  parent ps_limit --> A (refs 1)
 *                     +--> A (refs 2)
 *   child  ps_limit --+   setrlimit in   child  ps_limit --> A' (refs 1)
 *                         the child:     (a copy of A, then changed)
 *
 * Per-user process counts (RLIMIT_NPROC) live in a small hash of struct
 * uidinfo, keyed by the real uid, one entry for each uid with processes.
 *
 * PORT: upstream keeps a per-thread read-only cache of the limits
 * (p_limit) so that threads on other CPUs can read them without a lock.
 * With one CPU and no kernel preemption a thread simply reads its
 * process's ps_limit, so p_limit stays NULL and lim_read_enter() takes no
 * reference.  PORT: no ps_mtx around ps_limit, for the same reason.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/atomic.h>
#include <sys/pool.h>
#include <sys/queue.h>
#include <sys/rwlock.h>
#include <sys/resourcevar.h>
#include <sys/ucred.h>
#include <sys/proc.h>
#include <sys/syscallargs.h>
#include <sys/signalvar.h>
#include <sys/timeout.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm_extern.h>
#include <machine/cpu.h>
#include <machine/intr.h>
#include <machine/vmparam.h>

/*
 * Default limits.  The data and stack sizes come from machine/vmparam.h
 * as upstream's do (through uvm_init_limits() there); the others stand
 * in for sys/param.h's.  NOFILE_MAX stands in for upstream's maxfiles.
 */
#define NOFILE		64			/* open files, soft */
#define NOFILE_MAX	1024			/* open files, hard */
#define MAXUPRC		80			/* processes per uid, soft */

#define UIHASHSZ	64			/* uidinfo hash buckets */
#define UIHASH(uid)	(&uihashtbl[(uid) & (UIHASHSZ - 1)])

struct plimit limit0;			/* proc0's, shared by everyone */
struct pool plimit_pool;
struct pool uidinfo_pool;

static LIST_HEAD(uihashhead, uidinfo) uihashtbl[UIHASHSZ];
static struct rwlock rlimit_lock = RWLOCK_INITIALIZER("rlimitlk");

/*
 * Set up the pools of plimits and uidinfos and the uidinfo hash.
 * => once, from main(), before lim_startup()
 */
void
resource_init(void)
{
	int i;

	pool_init(&plimit_pool, sizeof(struct plimit), 0, IPL_NONE,
	    PR_WAITOK, "plimitpl", NULL);
	pool_init(&uidinfo_pool, sizeof(struct uidinfo), 0, IPL_NONE,
	    PR_WAITOK, "uidinfopl", NULL);
	for (i = 0; i < UIHASHSZ; i++)
		LIST_INIT(&uihashtbl[i]);
}

/*
 * Fill in proc0's limits: everything unlimited but open files, user
 * processes, data, stack, resident and locked memory.
 * PORT: upstream's lim_startup() also initializes plimit_pool; ours is
 * in resource_init().
 * => after resource_init() and uvm's page counts are known
 */
void
lim_startup(struct plimit *limit)
{
	rlim_t lim;
	int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		limit->pl_rlimit[i].rlim_cur =
		    limit->pl_rlimit[i].rlim_max = RLIM_INFINITY;
	limit->pl_rlimit[RLIMIT_NOFILE].rlim_cur = NOFILE;
	limit->pl_rlimit[RLIMIT_NOFILE].rlim_max = NOFILE_MAX;
	limit->pl_rlimit[RLIMIT_NPROC].rlim_cur = MAXUPRC;
	limit->pl_rlimit[RLIMIT_DATA].rlim_cur = DFLDSIZ;
	limit->pl_rlimit[RLIMIT_DATA].rlim_max = MAXDSIZ;
	limit->pl_rlimit[RLIMIT_STACK].rlim_cur = DFLSSIZ;
	limit->pl_rlimit[RLIMIT_STACK].rlim_max = MAXSSIZ;
	lim = (rlim_t)uvmexp.free * PAGE_SIZE;
	limit->pl_rlimit[RLIMIT_RSS].rlim_cur = lim;
	limit->pl_rlimit[RLIMIT_RSS].rlim_max = lim;
	lim = (rlim_t)64 * 1024 * PAGE_SIZE;	/* very low, as upstream */
	limit->pl_rlimit[RLIMIT_MEMLOCK].rlim_max = lim;
	limit->pl_rlimit[RLIMIT_MEMLOCK].rlim_cur = lim / 3;
	refcnt_init(&limit->pl_refcnt);
}

/*
 * A private copy of lim, with one reference.
 * => may sleep for memory
 */
static struct plimit *
lim_copy(struct plimit *lim)
{
	struct plimit *newlim;

	newlim = pool_get(&plimit_pool, PR_WAITOK);
	memcpy(newlim->pl_rlimit, lim->pl_rlimit, sizeof(lim->pl_rlimit));
	refcnt_init(&newlim->pl_refcnt);
	return newlim;
}

/*
 * Drop a reference to limit; the last one frees it.
 * => limit0 is static and must never lose its last reference
 */
void
lim_free(struct plimit *limit)
{
	if (!refcnt_rele(&limit->pl_refcnt))
		return;
	if (limit == &limit0)
		panic("lim_free: limit0 freed");
	pool_put(&plimit_pool, limit);
}

/*
 * Give child a reference to parent's limits (shared copy-on-write).
 * PORT: upstream also starts the child's RLIMIT_CPU check here
 * (ps_rucheck_to); FIXME: with CPU time accounting.
 */
void
lim_fork(struct process *parent, struct process *child)
{
	struct plimit *limit;

	limit = parent->ps_limit;
	refcnt_take(&limit->pl_refcnt);
	child->ps_limit = limit;
}

/*
 * Begin reading curproc's limits; end with lim_read_leave().
 * PORT: no p_limit cache (see the top of this file), so no reference is
 * taken: the plimit stays valid as long as the thread does not sleep.
 * => curproc != NULL; sections do not nest
 */
struct plimit *
lim_read_enter(void)
{
	struct plimit *limit;

	limit = curproc->p_p->ps_limit;
	KASSERT(limit != NULL);
	return limit;
}

/* End a lim_read_enter() section. */
void
lim_read_leave(struct plimit *limit)
{
	(void)limit;
}

/* curproc's soft limit for resource which. */
rlim_t
lim_cur(int which)
{
	struct plimit *limit;
	rlim_t val;

	KASSERT(which >= 0 && which < RLIM_NLIMITS);
	limit = lim_read_enter();
	val = limit->pl_rlimit[which].rlim_cur;
	lim_read_leave(limit);
	return val;
}

/* p's soft limit for resource which. */
rlim_t
lim_cur_proc(struct proc *p, int which)
{
	KASSERT(which >= 0 && which < RLIM_NLIMITS);
	return p->p_p->ps_limit->pl_rlimit[which].rlim_cur;
}

/*
 * Limits curproc may change: its process's own if nobody shares them,
 * else a private copy.  Install them with lim_write_commit().
 * => rlimit_lock held for writing (dosetrlimit); may sleep for memory
 */
struct plimit *
lim_write_begin(void)
{
	struct proc *p = curproc;
	struct plimit *limit;

	limit = p->p_p->ps_limit;
	if (P_HASSIBLING(p) || refcnt_read(&limit->pl_refcnt) > 1)
		limit = lim_copy(limit);
	return limit;
}

/*
 * Make limit curproc's process's limits, dropping its reference to the
 * old ones if limit is a new copy.
 * => limit came from lim_write_begin()
 */
void
lim_write_commit(struct plimit *limit)
{
	struct process *pr = curproc->p_p;
	struct plimit *olimit;

	if (limit == pr->ps_limit)
		return;
	olimit = pr->ps_limit;
	pr->ps_limit = limit;
	lim_free(olimit);
}

/*
 * Set p's limit on resource which to *limp, as setrlimit(2) does.  A
 * limit above the system's maximum for the resource is lowered to it,
 * in *limp too.
 * PORT: upstream starts the RLIMIT_CPU check and changes the stack
 * guard's protection here; FIXME: with CPU accounting and exec (issue 6).
 * => p == curproc; may sleep
 * => 0, EINVAL (bad which, cur > max), EPERM (raising max without root)
 */
int
dosetrlimit(struct proc *p, u_int which, struct rlimit *limp)
{
	struct plimit *limit;
	rlim_t maxlim;
	int error;

	if (which >= RLIM_NLIMITS || limp->rlim_cur > limp->rlim_max)
		return EINVAL;

	rw_enter_write(&rlimit_lock);
	if (limp->rlim_max > p->p_p->ps_limit->pl_rlimit[which].rlim_max &&
	    (error = suser(p)) != 0) {
		rw_exit_write(&rlimit_lock);
		return error;
	}

	switch (which) {
	case RLIMIT_DATA:
		maxlim = MAXDSIZ;
		break;
	case RLIMIT_STACK:
		maxlim = MAXSSIZ;
		break;
	case RLIMIT_NOFILE:
		maxlim = NOFILE_MAX;
		break;
	case RLIMIT_NPROC:
		maxlim = maxprocess;
		break;
	default:
		maxlim = RLIM_INFINITY;
		break;
	}
	if (limp->rlim_max > maxlim)
		limp->rlim_max = maxlim;
	if (limp->rlim_cur > limp->rlim_max)
		limp->rlim_cur = limp->rlim_max;

	limit = lim_write_begin();
	limit->pl_rlimit[which] = *limp;
	lim_write_commit(limit);
	rw_exit_write(&rlimit_lock);
	return 0;
}

/* The uidinfo of uid, or NULL. */
static struct uidinfo *
uid_lookup(uid_t uid)
{
	struct uidinfo *uip;

	LIST_FOREACH(uip, UIHASH(uid), ui_hash)
		if (uip->ui_uid == uid)
			return uip;
	return NULL;
}

/*
 * The uidinfo of uid, made (with no processes) if it has none.  Give it
 * back with uid_release() when done.
 * PORT: upstream returns holding uidinfo_lock; we have one CPU and no
 * preemption, and only pool_get() may sleep, so we look again after it.
 * => may sleep for memory
 */
struct uidinfo *
uid_find(uid_t uid)
{
	struct uidinfo *uip, *nuip;

	if ((uip = uid_lookup(uid)) != NULL)
		return uip;
	nuip = pool_get(&uidinfo_pool, PR_WAITOK | PR_ZERO);
	if ((uip = uid_lookup(uid)) != NULL) {
		pool_put(&uidinfo_pool, nuip);	/* made while we slept */
		return uip;
	}
	nuip->ui_uid = uid;
	LIST_INSERT_HEAD(UIHASH(uid), nuip, ui_hash);
	return nuip;
}

/*
 * Done with uip from uid_find(): free it if it counts nothing.
 * PORT: upstream only drops uidinfo_lock, and keeps every uidinfo for
 * good; ours go when their counts reach zero.
 */
void
uid_release(struct uidinfo *uip)
{
	if (uip->ui_proccnt != 0 || uip->ui_lockcnt != 0)
		return;
	LIST_REMOVE(uip, ui_hash);
	pool_put(&uidinfo_pool, uip);
}

/*
 * Add diff to uid's process count.
 * => the new count; panics if it would go below zero
 */
int
chgproccnt(uid_t uid, int diff)
{
	struct uidinfo *uip;
	long count;

	uip = uid_find(uid);
	count = (uip->ui_proccnt += diff);
	if (count < 0)
		panic("chgproccnt: procs < 0");
	uid_release(uip);
	return count;
}

/*
 * Turn profiling (profil(2)) on and off for pr.  The statistics clock
 * charges a tick to a process with PS_PROFIL (FIXME: when profiling
 * arrives; kern_clock.c).
 * PORT: in kern_clock.c upstream.
 */
void
startprofclock(struct process *pr)
{
	atomic_setbits_int(&pr->ps_flags, PS_PROFIL);
}

void
stopprofclock(struct process *pr)
{
	atomic_clearbits_int(&pr->ps_flags, PS_PROFIL);
}

/*
 * Once a second while a process has a CPU time limit (ps_rucheck_to, set
 * up by the seed's process_initialize): SIGXCPU past the soft limit, and
 * SIGKILL past the hard one.  The run time is the sum of the threads'.
 * => a timeout, at IPL_SOFTCLOCK.
 */
void
rucheck(void *arg)
{
	struct process *pr = arg;
	struct rlimit *rlim = &pr->ps_limit->pl_rlimit[RLIMIT_CPU];
	struct proc *p;
	time_t runtime = 0;

	TAILQ_FOREACH(p, &pr->ps_threads, p_thr_link)
		runtime += p->p_rtime.tv_sec;
	if ((rlim_t)runtime >= rlim->rlim_max) {
		prsignal(pr, SIGKILL);
		return;
	}
	if ((rlim_t)runtime >= rlim->rlim_cur && runtime >= pr->ps_nextxcpu) {
		prsignal(pr, SIGXCPU);
		pr->ps_nextxcpu = runtime + 5;	/* OpenBSD: every 5 s */
	}
	timeout_add_sec(&pr->ps_rucheck_to, 1);
}

/* getrlimit(2). */
int
sys_getrlimit(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_getrlimit_args /* {
		syscallarg(int) which;
		syscallarg(struct rlimit *) rlp;
	} */ *uap = v;
	struct rlimit alim;
	u_int which = SCARG(uap, which);

	if (which >= RLIM_NLIMITS)
		return EINVAL;
	alim = p->p_p->ps_limit->pl_rlimit[which];
	return copyout(&alim, SCARG(uap, rlp), sizeof(alim));
}

/* setrlimit(2): dosetrlimit's checks (EINVAL, EPERM) and clamping. */
int
sys_setrlimit(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_setrlimit_args /* {
		syscallarg(int) which;
		syscallarg(const struct rlimit *) rlp;
	} */ *uap = v;
	struct rlimit alim;
	int error;

	if ((error = copyin(SCARG(uap, rlp), &alim, sizeof(alim))) != 0)
		return error;
	return dosetrlimit(p, SCARG(uap, which), &alim);
}

/* ---- resource usage: getrusage(2), wait4(2)'s rusage ---- */

/* Add the counts of ru2 to ru (its times too). */
void
ruadd(struct rusage *ru, const struct rusage *ru2)
{
	long *ip;
	const long *ip2;

	timeradd(&ru->ru_utime, &ru2->ru_utime, &ru->ru_utime);
	timeradd(&ru->ru_stime, &ru2->ru_stime, &ru->ru_stime);
	if (ru2->ru_maxrss > ru->ru_maxrss)
		ru->ru_maxrss = ru2->ru_maxrss;
	for (ip = &ru->ru_ixrss, ip2 = &ru2->ru_ixrss;
	    ip <= &ru->ru_nivcsw; ip++, ip2++)
		*ip += *ip2;
}

/* Fold thread p's times and counts into its process's (p is exiting). */
void
tuagg(struct process *pr, struct proc *p)
{
	timespecadd(&pr->ps_tu.tu_runtime, &p->p_rtime, &pr->ps_tu.tu_runtime);
	pr->ps_tu.tu_uticks += p->p_tu.tu_uticks;
	pr->ps_tu.tu_sticks += p->p_tu.tu_sticks;
	pr->ps_tu.tu_iticks += p->p_tu.tu_iticks;
	ruadd(&pr->ps_ru, &p->p_ru);
	timespecclear(&p->p_rtime);
	memset(&p->p_tu, 0, sizeof(p->p_tu));
	memset(&p->p_ru, 0, sizeof(p->p_ru));
}

/*
 * Split the run time rt into user and system time in the proportion of
 * the clock ticks that found the thread in each mode, as upstream's
 * calcru() does; with no ticks at all, half and half.
 */
void
calcru(const struct tusage *tup, const struct timespec *rt,
    struct timeval *up, struct timeval *sp)
{
	uint64_t u = tup->tu_uticks, s = tup->tu_sticks + tup->tu_iticks;
	uint64_t tot = u + s, rtus, uus;

	rtus = (uint64_t)rt->tv_sec * 1000000 + rt->tv_nsec / 1000;
	uus = tot == 0 ? rtus / 2 : rtus * u / tot;
	up->tv_sec = uus / 1000000;
	up->tv_usec = uus % 1000000;
	sp->tv_sec = (rtus - uus) / 1000000;
	sp->tv_usec = (rtus - uus) % 1000000;
}

/* The usage of p's process so far: exited threads' and live ones'. */
static void
process_rusage(struct process *pr, struct rusage *ru)
{
	struct tusage tu = pr->ps_tu;
	struct proc *q;

	*ru = pr->ps_ru;
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link) {
		ruadd(ru, &q->p_ru);
		timespecadd(&tu.tu_runtime, &q->p_rtime, &tu.tu_runtime);
		tu.tu_uticks += q->p_tu.tu_uticks;
		tu.tu_sticks += q->p_tu.tu_sticks;
		tu.tu_iticks += q->p_tu.tu_iticks;
	}
	calcru(&tu, &tu.tu_runtime, &ru->ru_utime, &ru->ru_stime);
}

/*
 * A process's last thread is exiting: ps_ru becomes its whole usage,
 * with its reaped children's, for the parent's wait4 (and ps_cru).
 */
void
exit_rusage(struct process *pr)
{
	struct rusage ru;

	process_rusage(pr, &ru);
	ruadd(&ru, &pr->ps_cru);
	pr->ps_ru = ru;
}

/* getrusage(2): RUSAGE_SELF, RUSAGE_CHILDREN (reaped ones), RUSAGE_THREAD. */
int
sys_getrusage(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_getrusage_args /* {
		syscallarg(int) who;
		syscallarg(struct rusage *) rusage;
	} */ *uap = v;
	struct rusage ru;
	struct tusage tu;

	switch (SCARG(uap, who)) {
	case RUSAGE_SELF:
		process_rusage(p->p_p, &ru);
		break;
	case RUSAGE_CHILDREN:
		ru = p->p_p->ps_cru;
		break;
	case RUSAGE_THREAD:
		ru = p->p_ru;
		tu = p->p_tu;
		calcru(&tu, &p->p_rtime, &ru.ru_utime, &ru.ru_stime);
		break;
	default:
		return EINVAL;
	}
	return copyout(&ru, SCARG(uap, rusage), sizeof(ru));
}
