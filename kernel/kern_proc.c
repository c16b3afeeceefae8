/*
 * kernel/kern_proc.c: the process tables and the family (OpenBSD
 * sys/kern/kern_proc.c, the parts Tine needs, and proc0 from init_main.c).
 *
 *   allprocess   every live process        PIDHASH(pid)  live processes
 *   zombprocess  exited, not yet waited for TIDHASH(tid)  every thread
 *   allproc      every thread              PGRPHASH(id)  process groups
 *
 * prfind(), tfind(), pgfind() and zombiefind() look up ids in them; the
 * seed's ispidtaken() asks all four before a pid is handed out.
 *
 * proc0 is the thread the kernel booted as; it keeps running main() (the
 * self-tests, the kernel monitor).  process0 is its process, the parent
 * of every kernel thread, with session0, pgrp0, limit0 and the kernel's
 * address space (vmspace0).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/malloc.h>
#include <sys/pool.h>
#include <sys/proc.h>
#include <sys/futex.h>
#include <sys/sched.h>
#include <sys/ucred.h>
#include <sys/resourcevar.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/event.h>
#include <sys/tty.h>
#include <lib/libkern/libkern.h>
#include <uvm/uvm.h>
#include <machine/cpu.h>
#include <machine/pmap.h>

struct processlist *pidhashtbl;
u_long	pidhash;
struct proclist *tidhashtbl;
u_long	tidhash;
struct pgrplist *pgrphashtbl;
u_long	pgrphash;

struct proclist allproc = LIST_HEAD_INITIALIZER(allproc);
struct processlist allprocess = LIST_HEAD_INITIALIZER(allprocess);
struct processlist zombprocess = LIST_HEAD_INITIALIZER(zombprocess);

struct pool proc_pool, process_pool, session_pool, pgrp_pool;

struct proc proc0;
struct process process0;
struct session session0;
struct pgrp pgrp0;
struct proc *initproc;
static struct vmspace vmspace0;


/*
 * A hash table of n (rounded down to a power of two) empty LIST heads;
 * *mask gets n - 1.  (OpenBSD's hashinit.)
 */
static void *
hashinit(int n, u_long *mask)
{
	struct proclist *tbl;
	u_long size;
	int i;

	for (size = 1; size * 2 <= (u_long)n; size *= 2)
		continue;
	tbl = mallocarray(size, sizeof(*tbl), M_PROC, M_WAITOK);
	for (i = 0; i < (int)size; i++)
		LIST_INIT(&tbl[i]);
	*mask = size - 1;
	return tbl;
}

/* Set up the tables and pools (OpenBSD's procinit). */
void
procinit(void)
{
	pidhashtbl = hashinit(maxprocess / 4, &pidhash);
	tidhashtbl = hashinit(maxthread / 4, &tidhash);
	pgrphashtbl = hashinit(maxprocess / 4, &pgrphash);
	pool_init(&proc_pool, sizeof(struct proc), 0, IPL_NONE, PR_WAITOK,
	    "procpl", NULL);
	pool_init(&process_pool, sizeof(struct process), 0, IPL_NONE,
	    PR_WAITOK, "processpl", NULL);
	pool_init(&session_pool, sizeof(struct session), 0, IPL_NONE,
	    PR_WAITOK, "sessionpl", NULL);
	pool_init(&pgrp_pool, sizeof(struct pgrp), 0, IPL_NONE, PR_WAITOK,
	    "pgrppl", NULL);
	prot_init();
	resource_init();
	sig_init();
	futex_init();
	filedesc_init();
	sleep_queue_init();
}

/*
 * Make the running boot context proc0 of process0 (OpenBSD's main()
 * does this before anything can fork).  After this, curproc is proc0.
 */
void
proc0_init(void)
{
	struct process *pr = &process0;
	struct proc *p = &proc0;

	sched_init_cpu(curcpu());
	p->p_ucred = crget();		/* root; process_initialize shares it */
	process_initialize(pr, p);
	LIST_INSERT_HEAD(&allprocess, pr, ps_list);
	LIST_INSERT_HEAD(PIDHASH(0), pr, ps_hash);
	atomic_setbits_int(&pr->ps_flags, PS_SYSTEM);

	/* Set thread to idle state so that it can be rescheduled. */
	LIST_INSERT_HEAD(&allproc, p, p_list);
	LIST_INSERT_HEAD(TIDHASH(0), p, p_hash);
	atomic_setbits_int(&p->p_flag, P_SYSTEM);
	p->p_stat = SONPROC;
	p->p_cpu = curcpu();
	p->p_usrpri = PUSER;
	pr->ps_nice = NZERO;		/* every child inherits it */
	strlcpy(pr->ps_comm, "swapper", sizeof(pr->ps_comm));
	strlcpy(p->p_name, "swapper", sizeof(p->p_name));
	timeout_set(&p->p_sleep_to, endtsleep, p);

	/* Session, process group. */
	session0.s_count = 1;
	session0.s_leader = pr;
	LIST_INIT(&pgrp0.pg_members);
	pgrp0.pg_session = &session0;
	LIST_INSERT_HEAD(&pgrp0.pg_members, pr, ps_pglist);
	pr->ps_pgrp = &pgrp0;
	LIST_INSERT_HEAD(PGRPHASH(0), &pgrp0, pg_hash);

	/* Limits, signal actions, descriptors. */
	lim_startup(&limit0);
	pr->ps_limit = &limit0;
	pr->ps_sigacts = pool_get(&sigacts_pool, PR_WAITOK | PR_ZERO);
	siginit(pr->ps_sigacts);
	pr->ps_fd = p->p_fd = fdinit();

	/* The kernel's address space: no user mappings, the boot tables. */
	vmspace0.vm_map.pmap = pmap_kernel();
	vmspace0.vm_refcnt = 1;
	pr->ps_vmspace = p->p_vmspace = &vmspace0;

	proc0_md_init(p);
	curcpu()->ci_curproc = p;
	curvmspace = &vmspace0;
	nanouptime(&pr->ps_start);
	nanouptime(&curcpu()->ci_schedstate.spc_runtime);
	(void)chgproccnt(0, 1);
}

/* The live process with this pid, or NULL. */
struct process *
prfind(pid_t pid)
{
	struct process *pr;

	LIST_FOREACH(pr, PIDHASH(pid), ps_hash)
		if (pr->ps_pid == pid)
			return pr;
	return NULL;
}

/* The thread with this tid, or NULL. */
struct proc *
tfind(pid_t tid)
{
	struct proc *p;

	LIST_FOREACH(p, TIDHASH(tid), p_hash)
		if (p->p_tid == tid)
			return p;
	return NULL;
}

/* The process group with this id, or NULL. */
struct pgrp *
pgfind(pid_t pgid)
{
	struct pgrp *pgrp;

	LIST_FOREACH(pgrp, PGRPHASH(pgid), pg_hash)
		if (pgrp->pg_id == pgid)
			return pgrp;
	return NULL;
}

/* The zombie with this pid, or NULL. */
struct process *
zombiefind(pid_t pid)
{
	struct process *pr;

	LIST_FOREACH(pr, &zombprocess, ps_list)
		if (pr->ps_pid == pid)
			return pr;
	return NULL;
}

/* Is pr a descendant of (or equal to) parent? */
int
inferior(struct process *pr, struct process *parent)
{
	for (; pr != parent; pr = pr->ps_pptr)
		if (pr->ps_pid == 0 || pr->ps_pid == 1)
			return 0;
	return 1;
}

/* Free a session once its last process group has gone. */
static void
sessrele(struct session *sess)
{
	if (--sess->s_count == 0 && sess != &session0)
		pool_put(&session_pool, sess);
}

/* Free pgrp: it has no members left. */
static void
pgdelete(struct pgrp *pgrp)
{
	struct tty *tp = pgrp->pg_session->s_ttyp;

	/* The terminal's foreground group is gone: it has none. */
	if (tp != NULL && tp->t_pgrp == pgrp)
		tp->t_pgrp = NULL;
	LIST_REMOVE(pgrp, pg_hash);
	sessrele(pgrp->pg_session);
	if (pgrp != &pgrp0)
		pool_put(&pgrp_pool, pgrp);
}

/*
 * Take pr out of its process group; the group goes with its last member.
 * => pr has left the job-control counts already (exit1's fixjobc)
 */
void
leavepgrp(struct process *pr)
{
	struct pgrp *pgrp = pr->ps_pgrp;

	LIST_REMOVE(pr, ps_pglist);
	pr->ps_pgrp = NULL;
	if (LIST_EMPTY(&pgrp->pg_members))
		pgdelete(pgrp);
}

/*
 * Move pr into pgrp (of pr's session); the group it leaves goes with its
 * last member.  OpenBSD's enterthispgrp().
 */
void
enterthispgrp(struct process *pr, struct pgrp *pgrp)
{
	struct pgrp *old = pr->ps_pgrp;

	/*
	 * Adjust eligibility of affected pgrps to participate in job
	 * control: the new group's counts first, so that none reaches 0
	 * on the way (a group orphaned for a moment would be signalled).
	 */
	fixjobc(pr, pgrp, 1);
	fixjobc(pr, old, 0);

	LIST_REMOVE(pr, ps_pglist);
	pr->ps_pgrp = pgrp;
	LIST_INSERT_HEAD(&pgrp->pg_members, pr, ps_pglist);
	if (LIST_EMPTY(&old->pg_members))
		pgdelete(old);
}

/*
 * Move pr into a new process group with its pid as the id: in pr's
 * session, or, when newsess is given, in that new session with pr as
 * its leader (setsid(2)).  OpenBSD's enternewpgrp(); the caller has
 * checked that no group has the id yet.
 */
void
enternewpgrp(struct process *pr, struct pgrp *pgrp, struct session *newsess)
{
	KASSERT(pgfind(pr->ps_pid) == NULL);
	if (newsess != NULL) {
		newsess->s_count = 1;
		newsess->s_leader = pr;
		newsess->s_ttyvp = NULL;
		newsess->s_ttyp = NULL;
		atomic_clearbits_int(&pr->ps_flags, PS_CONTROLT);
		memcpy(newsess->s_login, pr->ps_session->s_login,
		    sizeof(newsess->s_login));
		pgrp->pg_session = newsess;
	} else {
		pgrp->pg_session = pr->ps_session;
		pgrp->pg_session->s_count++;
	}
	pgrp->pg_id = pr->ps_pid;
	pgrp->pg_jobc = 0;
	LIST_INIT(&pgrp->pg_members);
	LIST_INSERT_HEAD(PGRPHASH(pgrp->pg_id), pgrp, pg_hash);
	enterthispgrp(pr, pgrp);
}

/* ---- job control: orphaned process groups ---- */

/*
 * A process group is orphaned when no member has a parent in another
 * group of the same session: nobody is left (a shell) that could
 * continue a stopped member, so stopping one by terminal (SIGTSTP,
 * SIGTTIN, SIGTTOU) is refused (kern_sig.c, tty.c) and a group that
 * becomes orphaned with a stopped member is hung up (orphanpg).
 *
 *   session S                            pg_jobc
 *   +------------------+   +----------+
 *   | group 10: sh     |-->| group 12 |    1: sh is a parent in another
 *   +------------------+   |  cat     |       group of S: not orphaned
 *     parent: init,        +----------+
 *     another session                     0 for group 10: orphaned
 *
 * pg_jobc counts the members tied that way, each tie a child and its
 * parent; fixjobc() moves the counts when a process changes group or
 * exits, process_reparent() when it changes parent.
 * PORT: a tie counts only while neither end has begun to exit
 * (PS_EXITING), and exit1 takes the exiting process's ties out of the
 * counts before it sets PS_EXITING: upstream takes them out in killjobc
 * and skips zombie children (PS_ZOMBIE), which in Tine leaves a window,
 * from exit1 to the reaper, where a parent's setpgid counted a child's
 * tie twice.
 */

/* Does a member of cg (child) keep cg from orphanhood, its parent in pg? */
static int
jobc_tie(struct process *child, struct pgrp *cg, struct process *parent,
    struct pgrp *pg)
{
	return parent != NULL && cg != pg &&
	    cg->pg_session == pg->pg_session &&
	    ((child->ps_flags | parent->ps_flags) & PS_EXITING) == 0;
}

/*
 * A process group has become orphaned; if there are any stopped
 * processes in the group, hang up all processes in that group: SIGHUP
 * (whose default ends them), then SIGCONT to let them take it.
 * PORT: exiting members are left alone; a stopped process is
 * PS_STOPPED (upstream looks for a thread in SSTOP).
 */
static void
orphanpg(struct pgrp *pg)
{
	struct process *pr;

	LIST_FOREACH(pr, &pg->pg_members, ps_pglist) {
		if (pr->ps_flags & PS_STOPPED) {
			LIST_FOREACH(pr, &pg->pg_members, ps_pglist) {
				if (pr->ps_flags & PS_EXITING)
					continue;
				prsignal(pr, SIGHUP);
				prsignal(pr, SIGCONT);
			}
			return;
		}
	}
}

/* One tie into pgrp's count: entering adds it, else it goes. */
static void
jobc_adjust(struct pgrp *pgrp, int entering)
{
	if (entering)
		pgrp->pg_jobc++;
	else if (--pgrp->pg_jobc == 0)
		orphanpg(pgrp);
}

/*
 * Adjust pgrp's count when pr enters it (entering) or leaves it, and
 * the counts of pr's children's groups: pr's tie to its parent counts
 * for pgrp, its children's ties to it for theirs.
 * => thread context (orphanpg sends signals)
 */
void
fixjobc(struct process *pr, struct pgrp *pgrp, int entering)
{
	struct process *child;

	/*
	 * Check pr's parent to see whether pr qualifies its own process
	 * group; if so, adjust count for pr's process group.
	 */
	if (jobc_tie(pr, pgrp, pr->ps_pptr,
	    pr->ps_pptr != NULL ? pr->ps_pptr->ps_pgrp : NULL))
		jobc_adjust(pgrp, entering);

	/*
	 * Check this process' children to see whether they qualify
	 * their process groups; if so, adjust counts for children's
	 * process groups.
	 */
	LIST_FOREACH(child, &pr->ps_children, ps_sibling)
		if (jobc_tie(child, child->ps_pgrp, pr, pgrp))
			jobc_adjust(child->ps_pgrp, entering);
}

/*
 * Make parent pr's parent.  A traced child stays on its real parent's
 * orphan list, so that parent still knows of it (OpenBSD does the same).
 * PORT: the child's tie for its group's count (fixjobc) moves to the new
 * parent, the new one counted first; upstream leaves pg_jobc alone here,
 * so a child given to an init of its own session was never counted.
 */
void
process_reparent(struct process *child, struct process *parent)
{
	struct pgrp *cg = child->ps_pgrp;

	if (child->ps_pptr == parent)
		return;
	if (jobc_tie(child, cg, parent, parent->ps_pgrp))
		jobc_adjust(cg, 1);
	if (jobc_tie(child, cg, child->ps_pptr, child->ps_pptr->ps_pgrp))
		jobc_adjust(cg, 0);
	KASSERT(child->ps_oppid == 0 || child->ps_oppid ==
	    child->ps_pptr->ps_pid);
	LIST_REMOVE(child, ps_sibling);
	LIST_INSERT_HEAD(&parent->ps_children, child, ps_sibling);

	process_clear_orphan(child);
	if (child->ps_flags & PS_TRACED) {
		atomic_setbits_int(&child->ps_flags, PS_ORPHAN);
		LIST_INSERT_HEAD(&child->ps_pptr->ps_orphans, child,
		    ps_orphan);
	}
	child->ps_pptr = parent;
	child->ps_ppid = parent->ps_pid;
}

/* Take pr off its real parent's orphan list, if it is on one. */
void
process_clear_orphan(struct process *pr)
{
	if (pr->ps_flags & PS_ORPHAN) {
		LIST_REMOVE(pr, ps_orphan);
		atomic_clearbits_int(&pr->ps_flags, PS_ORPHAN);
	}
}

/* Give a kernel thread a name (kthread_create). */
void
proc_set_name(struct proc *p, const char *name)
{
	strlcpy(p->p_name, name, sizeof(p->p_name));
}

/*
 * A session leader exits: its controlling terminal's foreground group
 * gets SIGHUP, and the terminal belongs to no session any more (another
 * leader may take it); the session goes on, leaderless.
 */
void
killjobc(struct process *pr)
{
	struct session *sp = pr->ps_session;
	struct tty *tp = sp->s_ttyp;

	if (!SESS_LEADER(pr))
		return;
	if (tp != NULL && tp->t_session == sp) {
		if (tp->t_pgrp != NULL)
			pgsignal(tp->t_pgrp, SIGHUP, 1);
		tp->t_pgrp = NULL;
		tp->t_session = NULL;
	}
	sp->s_ttyp = NULL;
	sp->s_ttyvp = NULL;
	sp->s_leader = NULL;
}
