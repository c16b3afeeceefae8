/*
 * sys/proc_ktest.h: helpers the process self-tests share (tests only).
 *
 *	struct proc_baseline b;
 *
 *	proc_baseline(&b);		counts before the test
 *	... create threads and processes, let them exit ...
 *	KT_PROC_BASELINE(&b);		wait for the reaper, then every count
 *					is back: nothing leaked
 *
 * Counted: free pages, the process, thread, credential, limit, signal
 * action, descriptor table and uid pools, nprocesses, nthreads, the GDT's
 * per-thread TSS slots, kernel virtual pages, and zombies.  And every
 * process group's job-control count is checked against its members.
 */
#ifndef _SYS_PROC_KTEST_H_
#define _SYS_PROC_KTEST_H_

#include <sys/types.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <sys/pool.h>
#include <sys/ucred.h>
#include <sys/resourcevar.h>
#include <sys/signalvar.h>
#include <sys/filedesc.h>
#include <sys/ktest.h>
#include <uvm/uvm_extern.h>
#include <machine/tss.h>

struct proc_baseline {
	int	free, nprocesses, nthreads, tss, kmapent, zombies;
	u_int	procs, processes, ucreds, sigacts, fdescs, plimits, uids;
};

static inline int
proc_count_zombies(void)
{
	struct process *pr;
	int n = 0;

	LIST_FOREACH(pr, &zombprocess, ps_list)
		n++;
	return n;
}

/*
 * The process groups whose job-control count (pg_jobc) is not what
 * their members say: the members tied to a parent in another group of
 * the same session, neither of the two exiting (kern_proc.c, fixjobc).
 * Counted afresh here, so that a count fixjobc got wrong shows.
 */
static inline int
proc_count_bad_jobc(void)
{
	struct process *pr, *pp;
	struct pgrp *pg;
	u_long i;
	int n, bad = 0;

	for (i = 0; i <= pgrphash; i++)
		LIST_FOREACH(pg, &pgrphashtbl[i], pg_hash) {
			n = 0;
			LIST_FOREACH(pr, &pg->pg_members, ps_pglist) {
				pp = pr->ps_pptr;
				if (pp != NULL && pp->ps_pgrp != pg &&
				    pp->ps_session == pg->pg_session &&
				    ((pr->ps_flags | pp->ps_flags) &
				    PS_EXITING) == 0)
					n++;
			}
			if (n != pg->pg_jobc) {
				ktest_diag("pgrp %d: pg_jobc %d, %d ties",
				    pg->pg_id, pg->pg_jobc, n);
				bad++;
			}
		}
	return bad;
}

static inline void
proc_baseline(struct proc_baseline *b)
{
	b->free = uvmexp.free;
	b->kmapent = uvmexp.kmapent;
	b->nprocesses = nprocesses;
	b->nthreads = nthreads;
	b->tss = tss_slots_used();
	b->zombies = proc_count_zombies();
	b->procs = proc_pool.pr_nout;
	b->processes = process_pool.pr_nout;
	b->ucreds = ucred_pool.pr_nout;
	b->sigacts = sigacts_pool.pr_nout;
	b->fdescs = fdesc_pool.pr_nout;
	b->plimits = plimit_pool.pr_nout;
	b->uids = uidinfo_pool.pr_nout;
}

static inline int
proc_baseline_equal(const struct proc_baseline *a,
    const struct proc_baseline *b)
{
	return a->free == b->free && a->kmapent == b->kmapent &&
	    a->nprocesses == b->nprocesses && a->nthreads == b->nthreads &&
	    a->tss == b->tss && a->zombies == b->zombies &&
	    a->procs == b->procs && a->processes == b->processes &&
	    a->ucreds == b->ucreds && a->sigacts == b->sigacts &&
	    a->fdescs == b->fdescs && a->plimits == b->plimits &&
	    a->uids == b->uids;
}

/*
 * Let the reaper (and init, for orphans) catch up: sleep a tick at a
 * time, up to a second, until the counts are back.
 */
static inline void
proc_quiesce(const struct proc_baseline *b)
{
	uint64_t end = getnsecuptime() + 1000000000ULL;
	struct proc_baseline now;

	for (;;) {
		proc_baseline(&now);
		if (proc_baseline_equal(&now, b) || getnsecuptime() >= end)
			return;
		tsleep_nsec(&now, PWAIT, "quiesce", 1000000ULL);
	}
}

#define KT_PROC_BASELINE(b) do {					\
	struct proc_baseline _now;					\
	proc_quiesce(b);						\
	proc_baseline(&_now);						\
	KT_EQ(_now.nprocesses, (b)->nprocesses);			\
	KT_EQ(_now.nthreads, (b)->nthreads);				\
	KT_EQ(_now.procs, (b)->procs);					\
	KT_EQ(_now.processes, (b)->processes);				\
	KT_EQ(_now.zombies, (b)->zombies);				\
	KT_EQ(_now.ucreds, (b)->ucreds);				\
	KT_EQ(_now.sigacts, (b)->sigacts);				\
	KT_EQ(_now.fdescs, (b)->fdescs);				\
	KT_EQ(_now.plimits, (b)->plimits);				\
	KT_EQ(_now.uids, (b)->uids);					\
	KT_EQ(_now.tss, (b)->tss);					\
	KT_EQ(_now.kmapent, (b)->kmapent);				\
	KT_EQ(_now.free, (b)->free);					\
	KT_EQ(proc_count_bad_jobc(), 0);				\
} while (0)

/*
 * Sleep (a tick at a time, at most ms milliseconds) until *flag is at
 * least want; returns what it is.
 */
static inline int
proc_wait_flag(volatile int *flag, int want, int ms)
{
	uint64_t end = getnsecuptime() + (uint64_t)ms * 1000000ULL;

	while (*flag < want && getnsecuptime() < end)
		tsleep_nsec((const void *)flag, PWAIT, "ktwait", 1000000ULL);
	return *flag;
}

#endif /* _SYS_PROC_KTEST_H_ */
