/*
 * kernel/tests/ktest_proc.c: processes and threads from inside the
 * kernel: kernel threads made by the seed's fork1() run, sleep, wake and
 * exit; the clock shares the CPU; priorities order the run queues; sleeps
 * time out on time; pids are random, unbiased and never reused too soon;
 * the limits hold and every failure undoes its counts; forkstat and
 * uvmexp count as the seed says; and nothing leaks.
 *
 * Every test runs in proc0 (the boot thread), takes a baseline first and
 * checks it last (sys/proc_ktest.h): pages, pools, nprocesses, nthreads
 * and TSS slots back where they were once the reaper has run.  Threads
 * never call KT_* themselves (a failure longjmps on the runner's stack);
 * they record what they saw and the runner checks it.
 *
 * User-mode forks (sys_fork, sys_vfork, sys___tfork, preemption of ring-3
 * code) are in kernel/arch/i386/tests/ktest_fork_user.c.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/kernel.h>
#include <sys/proc.h>
#include <sys/sched.h>
#include <sys/wait.h>
#include <sys/ucred.h>
#include <sys/vmmeter.h>
#include <sys/resourcevar.h>
#include <sys/signalvar.h>
#include <sys/syscallargs.h>
#include <sys/tracepoint.h>
#include <sys/vnode.h>
#include <sys/unveil.h>
#include <sys/ktest.h>
#include <sys/proc_ktest.h>
#include <lib/libkern/libkern.h>
#include <dev/rndvar.h>
#include <uvm/uvm.h>
#include <machine/cpu.h>

#define MSEC	1000000ULL		/* nanoseconds */
#define SEC	1000000000ULL

/*
 * A thread's argument: fork1() passes the new thread itself when arg is
 * NULL (seed: "arg ? arg : p"), so small integers are passed as i + 1.
 */

/* ---- run, sleep, wake, exit ------------------------------------------ */

static volatile int kt_started, kt_go, kt_done;

static void
kt_sleeper(void *arg __unused)
{
	kt_started = 1;
	wakeup(&kt_started);
	while (!kt_go)
		tsleep_nsec(&kt_go, PWAIT, "ktgo", INFSLP);
	kt_done = 1;
	wakeup(&kt_done);
	kthread_exit(0);
}

/*
 * A kernel thread runs, sleeps where it said, wakes on wakeup(), exits,
 * and the reaper frees all of it: its tid is gone, its pid is in oldpids.
 */
KTEST(proc_kthread_runs_sleeps_wakes_exits)
{
	struct proc_baseline b;
	struct proc *p;
	pid_t pid, tid;
	u_int i, seen = 0;

	proc_baseline(&b);
	kt_started = kt_go = kt_done = 0;
	KT_EQ(kthread_create(kt_sleeper, NULL, &p, "ktsleeper"), 0);
	pid = p->p_p->ps_pid;
	tid = p->p_tid;
	KT_EQ(nthreads, b.nthreads + 1);
	KT_EQ(nprocesses, b.nprocesses + 1);
	KT_ASSERT(prfind(pid) == p->p_p);
	KT_ASSERT(tfind(tid) == p);
	KT_ASSERT(p->p_p->ps_flags & PS_SYSTEM);
	KT_ASSERT(p->p_flag & P_SYSTEM);
	KT_STREQ(p->p_p->ps_comm, "ktsleeper");
	KT_ASSERT(p->p_p->ps_pptr == &process0);

	KT_EQ(proc_wait_flag(&kt_started, 1, 1000), 1);
	proc_wait_flag(&kt_done, 1, 20);	/* let it reach its sleep */
	KT_EQ(p->p_stat, SSLEEP);
	KT_ASSERT(p->p_wchan == &kt_go);
	KT_STREQ(p->p_wmesg, "ktgo");
	KT_EQ(kt_done, 0);

	kt_go = 1;
	wakeup(&kt_go);
	KT_EQ(proc_wait_flag(&kt_done, 1, 1000), 1);
	KT_PROC_BASELINE(&b);
	KT_ASSERT(tfind(tid) == NULL);
	KT_ASSERT(prfind(pid) == NULL);
	for (i = 0; i < nitems(oldpids); i++)
		seen |= oldpids[i] == pid;
	KT_ASSERT(seen);		/* seed: freepid() */
}

/* ---- the clock shares the CPU ---------------------------------------- */

static volatile int kt_stop;
static volatile u_long kt_loops[2];
static struct timespec kt_rtime[2];

/*
 * Compute until told to stop, offering the CPU at the safe point each
 * round (sched_pause: yields only when the clock's round robin said so).
 */
static void
kt_spinner(void *arg)
{
	int i = (int)arg - 1;	/* arg NULL would mean "p" to fork1 */
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct timespec now, ran;

	while (!kt_stop) {
		kt_loops[i]++;
		sched_pause(yield);
	}
	/* Our run time, including the slice we are in now. */
	nanouptime(&now);
	timespecsub(&now, &spc->spc_runtime, &ran);
	timespecadd(&curproc->p_rtime, &ran, &kt_rtime[i]);
	kthread_exit(0);
}

/*
 * Two CPU-bound threads both make progress: over 2 s each gets at least
 * 40 % of the CPU, because the PIT's round robin asks the running one to
 * yield every tenth of a second or two.
 */
KTEST(proc_cpu_bound_threads_share_the_cpu)
{
	struct proc_baseline b;
	uint64_t ns[2], start[2], sw0;
	struct proc *p[2];
	int i, dummy;

	proc_baseline(&b);
	kt_stop = 0;
	kt_loops[0] = kt_loops[1] = 0;
	KT_EQ(kthread_create(kt_spinner, (void *)1, &p[0], "spin0"), 0);
	KT_EQ(kthread_create(kt_spinner, (void *)2, &p[1], "spin1"), 0);
	/* Measure from the moment both have run (neither runs now). */
	while (kt_loops[0] == 0 || kt_loops[1] == 0)
		tsleep_nsec(&dummy, PWAIT, "started", MSEC);
	start[0] = TIMESPEC_TO_NSEC(&p[0]->p_rtime);
	start[1] = TIMESPEC_TO_NSEC(&p[1]->p_rtime);
	sw0 = sched_nswitch;
	KT_EQ(tsleep_nsec(&dummy, PWAIT, "share", 2 * SEC), EWOULDBLOCK);
	kt_stop = 1;
	KT_PROC_BASELINE(&b);
	for (i = 0; i < 2; i++) {
		ns[i] = TIMESPEC_TO_NSEC(&kt_rtime[i]) - start[i];
		ktest_diag("spin%d: %llu ms of CPU, %lu rounds", i,
		    ns[i] / MSEC, kt_loops[i]);
	}
	ktest_diag("%llu context switches", sched_nswitch - sw0);
	for (i = 0; i < 2; i++)
		KT_ASSERT(ns[i] >= 2 * SEC * 40 / 100);
	KT_ASSERT(sched_nswitch - sw0 >= 10);
}

/* ---- priorities ------------------------------------------------------- */

static volatile int kt_order[3], kt_norder;

static void
kt_recorder(void *arg)
{
	kt_order[kt_norder++] = (int)arg - 1;
	kthread_exit(0);
}

/* Requeue p at priority prio.  => p is SRUN on a run queue. */
static void
kt_requeue(struct proc *p, int prio)
{
	SCHED_LOCK();
	remrunqueue(p);
	setrunqueue(p->p_cpu, p, prio);
	SCHED_UNLOCK();
}

/*
 * Of three runnable threads the one on the best queue runs first, then
 * the next: the first set bit of whichqs.  The runner does not sleep
 * while it arranges them, so none runs early.
 */
KTEST(proc_higher_priority_runs_first)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct proc_baseline b;
	struct proc *p[3];
	int i;

	proc_baseline(&b);
	kt_norder = 0;
	for (i = 0; i < 3; i++)
		KT_EQ(kthread_create(kt_recorder, (void *)(i + 1), &p[i], "prio"),
		    0);
	kt_requeue(p[0], PUSER + 40);
	kt_requeue(p[1], PWAIT);
	kt_requeue(p[2], PUSER);
	KT_ASSERT(spc->spc_whichqs & (1U << (PWAIT >> 2)));
	KT_ASSERT(spc->spc_whichqs & (1U << ((PUSER + 40) >> 2)));
	KT_EQ(p[1]->p_runpri, PWAIT);
	KT_PROC_BASELINE(&b);
	KT_EQ(kt_norder, 3);
	KT_EQ(kt_order[0], 1);
	KT_EQ(kt_order[1], 2);
	KT_EQ(kt_order[2], 0);
}

/* ---- sleeping with a time limit ------------------------------------- */

/* When the last sched:wakeup of thread tid was recorded, or 0. */
static uint64_t
kt_last_wakeup(pid_t tid, uint64_t from)
{
	struct tp_record r;
	uint64_t seq, when = 0;

	for (seq = from; seq < tracepoint_count(); seq++)
		if (tracepoint_read(seq, &r) == 0 &&
		    strcmp(r.tr_name, "wakeup") == 0 &&
		    r.tr_args[0] == tid + THREAD_PID_OFFSET)
			when = r.tr_nsec;
	return when;
}

/*
 * tsleep_nsec() with a time limit returns EWOULDBLOCK; the timeout makes
 * the thread runnable (the sched:wakeup trace record) between the time
 * asked for and one tick later, and it runs again soon after.
 */
KTEST(proc_tsleep_nsec_times_out_within_a_tick)
{
	static const uint64_t wait_ms[] = { 1, 10, 25, 50, 100, 130 };
	uint64_t t0, dt, woke, want, seq;
	u_int i;
	int chan;

	for (i = 0; i < nitems(wait_ms); i++) {
		want = wait_ms[i] * MSEC;
		seq = tracepoint_count();
		t0 = getnsecuptime();
		KT_EQ(tsleep_nsec(&chan, PWAIT, "timo", want), EWOULDBLOCK);
		dt = getnsecuptime() - t0;
		woke = kt_last_wakeup(curproc->p_tid, seq);
		KT_ASSERT(woke != 0);
		woke -= t0;
		ktest_diag("tsleep_nsec(%llu ms): woken after %llu us, "
		    "running after %llu us", wait_ms[i], woke / 1000,
		    dt / 1000);
		/*
		 * The tick that fires it, and the record made just after:
		 * the clock interrupt's own work (softclock, the wakeup) is
		 * given a tenth of a tick, or 250 us where that is less: at
		 * hz=1000 under Bochs it takes about 100 us of guest time.
		 */
		KT_RANGE(woke, want, want + tick_nsec +
		    MAX((uint64_t)tick_nsec / 10, 250 * 1000ULL));
		KT_RANGE(dt, woke, woke + 10 * MSEC);
		KT_ASSERT(curproc->p_wchan == NULL);
		KT_EQ(curproc->p_flag & P_TIMEOUT, 0);
	}
}

static struct timeout kt_to;
static int kt_chan;

static void
kt_wake_chan(void *arg __unused)
{
	wakeup(&kt_chan);
}

static void
kt_signal_proc0(void *arg __unused)
{
	psignal(&proc0, SIGUSR1);
}

/*
 * A wakeup before the time limit ends the sleep early with 0, and the
 * pending timeout is taken back; with PCATCH a signal ends it, with
 * ERESTART or EINTR as the signal's action says.
 */
KTEST(proc_tsleep_woken_early_or_interrupted)
{
	uint64_t t0, dt;

	timeout_set(&kt_to, kt_wake_chan, NULL);
	timeout_add_msec(&kt_to, 20);
	t0 = getnsecuptime();
	KT_EQ(tsleep_nsec(&kt_chan, PWAIT, "early", SEC), 0);
	dt = getnsecuptime() - t0;
	KT_RANGE(dt, 20 * MSEC, 20 * MSEC + 2 * (uint64_t)tick_nsec);
	KT_ASSERT(!timeout_pending(&curproc->p_sleep_to));

	/*
	 * SIGUSR1's action is the default: the system call would restart
	 * (ERESTART).  With a handler that does not ask for SA_RESTART
	 * (ps_sigintr), it is interrupted (EINTR).
	 */
	timeout_set(&kt_to, kt_signal_proc0, NULL);
	timeout_add_msec(&kt_to, 20);
	KT_EQ(tsleep_nsec(&kt_chan, PWAIT | PCATCH, "intr", SEC), ERESTART);
	KT_ASSERT(proc0.p_siglist & sigmask(SIGUSR1));
	/* A signal already pending ends a PCATCH sleep before it starts. */
	KT_EQ(tsleep_nsec(&kt_chan, PWAIT | PCATCH, "intr", SEC), ERESTART);
	process0.ps_sigacts->ps_sigintr |= sigmask(SIGUSR1);
	KT_EQ(tsleep_nsec(&kt_chan, PWAIT | PCATCH, "intr", SEC), EINTR);
	process0.ps_sigacts->ps_sigintr &= ~sigmask(SIGUSR1);
	atomic_clearbits_int((u_int *)&proc0.p_siglist, sigmask(SIGUSR1));
}

static volatile int kt_woken[2];

static void
kt_one_sleeper(void *arg)
{
	int i = (int)arg - 1;

	tsleep_nsec(&kt_chan, PWAIT, "one", INFSLP);
	kt_woken[i] = 1;
	kthread_exit(0);
}

/* wakeup_one() wakes the first sleeper only; wakeup() the rest. */
KTEST(proc_wakeup_one_wakes_one)
{
	struct proc_baseline b;
	struct proc *p[2];
	int i, dummy;

	proc_baseline(&b);
	kt_woken[0] = kt_woken[1] = 0;
	for (i = 0; i < 2; i++)
		KT_EQ(kthread_create(kt_one_sleeper, (void *)(i + 1), &p[i],
		    "one"),
		    0);
	tsleep_nsec(&dummy, PWAIT, "settle", 30 * MSEC);
	KT_EQ(p[0]->p_stat, SSLEEP);
	KT_EQ(p[1]->p_stat, SSLEEP);
	wakeup_one(&kt_chan);
	tsleep_nsec(&dummy, PWAIT, "settle", 30 * MSEC);
	KT_EQ(kt_woken[0] + kt_woken[1], 1);
	KT_EQ(kt_woken[0], 1);		/* the first to sleep */
	wakeup(&kt_chan);
	KT_PROC_BASELINE(&b);
	KT_EQ(kt_woken[1], 1);
}

/* ---- pids -------------------------------------------------------------- */

/* The first pid ever allocated went to init, before any kernel thread. */
KTEST(pid_first_is_init)
{
	KT_ASSERT(initproc != NULL);
	KT_EQ(initproc->p_p->ps_pid, 1);
	KT_ASSERT(prfind(1) == initproc->p_p);
	KT_STREQ(initproc->p_p->ps_comm, "init");
	KT_ASSERT(reaperproc->p_p->ps_pid >= 2);
	KT_ASSERT(curcpu()->ci_schedstate.spc_idleproc->p_p->ps_pid >= 2);
}

/* Chi-square (x1000) of ten bucket counts against 1000 each. */
static u_int
kt_chi2(const u_int count[10])
{
	u_int i, sum = 0;
	int d;

	for (i = 0; i < 10; i++) {
		d = (int)count[i] - 1000;
		sum += (u_int)(d * d);
	}
	return sum;		/* sum d^2 / 1000, times 1000 */
}

/*
 * With a fixed seed, 10,000 allocpid() calls lie in [2, 99999], none is
 * taken, and they spread over ten equal buckets without visible bias
 * (chi-square below the 0.001 level for 9 degrees of freedom, 27.877).
 */
KTEST(pid_allocpid_random_and_unbiased)
{
	u_int count[10] = { 0 }, chi2;
	pid_t pid;
	int i;

	rnd_save();
	rnd_seed(20261125, 0);
	for (i = 0; i < 10000; i++) {
		pid = allocpid();
		KT_RANGE(pid, 2, PID_MAX);
		KT_EQ(ispidtaken(pid), 0);
		count[(pid - 2) * 10 / (PID_MAX - 1)]++;
	}
	rnd_restore();
	chi2 = kt_chi2(count);
	ktest_diag("10000 pids, chi-square %u.%03u", chi2 / 1000,
	    chi2 % 1000);
	KT_ASSERT(chi2 < 27877);
}

static void
kt_exit_with(void *arg)
{
	exit1(curproc, (int)arg, 0, EXIT_NORMAL);
}

/*
 * ispidtaken() refuses a live pid, a process group's id, a zombie's pid
 * and each of the last 128 freed; allocpid() then never returns them.
 */
KTEST(pid_ispidtaken_sees_all_four)
{
	static struct pgrp fakepg;
	struct proc_baseline b;
	pid_t saved[nitems(oldpids)], zpid, fakeid = 0;
	struct proc *p;
	register_t rv;
	int status, i, n;

	proc_baseline(&b);
	KT_EQ(ispidtaken(1), 1);			/* init, live */
	KT_EQ(ispidtaken(initproc->p_p->ps_pgid), 1);

	/* A process group whose id is no live process's. */
	for (i = 50000; fakeid == 0; i++)
		if (!ispidtaken(i))
			fakeid = i;
	fakepg.pg_id = fakeid;
	LIST_INSERT_HEAD(PGRPHASH(fakeid), &fakepg, pg_hash);
	KT_EQ(ispidtaken(fakeid), 1);
	LIST_REMOVE(&fakepg, pg_hash);
	KT_EQ(ispidtaken(fakeid), 0);

	/* A zombie: exited, not yet waited for. */
	KT_EQ(fork1(&proc0, FORK_FORK, kt_exit_with, (void *)7, &rv, &p), 0);
	zpid = rv;
	for (i = 0; i < 100 && zombiefind(zpid) == NULL; i++)
		tsleep_nsec(&rv, PWAIT, "zombie", 10 * MSEC);
	KT_ASSERT(zombiefind(zpid) != NULL);
	KT_ASSERT(prfind(zpid) == NULL);
	KT_EQ(ispidtaken(zpid), 1);
	KT_EQ(dowait4(&proc0, zpid, &status, 0, NULL, &rv), 0);
	KT_EQ(rv, zpid);
	KT_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 7);

	/* The freed ring: fill it with 128 pids, all then taken. */
	memcpy(saved, oldpids, sizeof(saved));
	for (i = 0; i < (int)nitems(oldpids); i++)
		freepid(60000 + i);
	for (i = 0; i < (int)nitems(oldpids); i++)
		KT_EQ(ispidtaken(60000 + i), 1);
	KT_EQ(ispidtaken(60000 + nitems(oldpids)), 0);
	for (n = 0; n < 3000; n++) {
		pid_t pid = allocpid();

		KT_ASSERT(pid < 60000 || pid >= 60000 + (int)nitems(oldpids));
	}
	memcpy(oldpids, saved, sizeof(saved));
	KT_PROC_BASELINE(&b);
}

/* ---- limits ----------------------------------------------------------- */

static volatile int kt_release;

static void
kt_holder(void *arg __unused)
{
	while (!kt_release)
		tsleep_nsec(&kt_release, PWAIT, "hold", INFSLP);
	kthread_exit(0);
}

/* Let every kt_holder go, and wait until the reaper has them all. */
static void
kt_release_holders(const struct proc_baseline *b)
{
	kt_release = 1;
	wakeup(&kt_release);
	proc_quiesce(b);
	kt_release = 0;
}

/* Run proc0's forks as uid (the seed reads curp->p_ucred->cr_ruid). */
static struct ucred *
kt_become(uid_t uid)
{
	struct ucred *old = proc0.p_ucred, *cr = crget();

	cr->cr_uid = cr->cr_ruid = cr->cr_svuid = uid;
	proc0.p_ucred = cr;
	return old;
}

static void
kt_unbecome(struct ucred *old)
{
	struct ucred *cr = proc0.p_ucred;

	proc0.p_ucred = old;
	crfree(cr);
}

/* The counts the seed must put back after a failed fork. */
#define KT_SAME_COUNTS(np, nt, uid, cnt) do {				\
	KT_EQ(nprocesses, (np));					\
	KT_EQ(nthreads, (nt));						\
	KT_EQ(chgproccnt((uid), 0), (cnt));				\
} while (0)

/*
 * At maxthread fork fails with EAGAIN; the last 5 threads are root's;
 * the counts are back after each failure.
 */
KTEST(limits_maxthread_and_the_roots_reserve)
{
	struct proc_baseline b;
	struct ucred *old;
	int savemax = maxthread, np, nt, cnt;

	proc_baseline(&b);
	maxthread = nthreads + 5;		/* only root's 5 are left */
	old = kt_become(1000);
	np = nprocesses, nt = nthreads, cnt = chgproccnt(1000, 0);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "user"), EAGAIN);
	KT_SAME_COUNTS(np, nt, 1000, cnt);
	kt_unbecome(old);

	maxthread = nthreads + 1;
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "root"), 0);
	np = nprocesses, nt = nthreads, cnt = chgproccnt(0, 0);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "root"), EAGAIN);
	KT_SAME_COUNTS(np, nt, 0, cnt);
	maxthread = savemax;
	kt_release_holders(&b);
	KT_PROC_BASELINE(&b);
}

/* The same for maxprocess, which the seed checks after maxthread. */
KTEST(limits_maxprocess_and_the_roots_reserve)
{
	struct proc_baseline b;
	struct ucred *old;
	int savemax = maxprocess, np, nt, cnt;

	proc_baseline(&b);
	maxprocess = nprocesses + 5;
	old = kt_become(1000);
	np = nprocesses, nt = nthreads, cnt = chgproccnt(1000, 0);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "user"), EAGAIN);
	KT_SAME_COUNTS(np, nt, 1000, cnt);
	kt_unbecome(old);

	KT_EQ(kthread_create(kt_holder, NULL, NULL, "root"), 0);
	maxprocess = nprocesses;
	np = nprocesses, nt = nthreads, cnt = chgproccnt(0, 0);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "root"), EAGAIN);
	KT_SAME_COUNTS(np, nt, 0, cnt);
	maxprocess = savemax;
	kt_release_holders(&b);
	KT_PROC_BASELINE(&b);
}

/*
 * RLIMIT_NPROC holds for a user (per real uid), not for root.
 * The limit is proc0's, shared with every child: set and put back in
 * place, not through lim_write_begin(), so no copy stays behind.
 */
KTEST(limits_rlimit_nproc_for_users)
{
	struct rlimit *rl = &process0.ps_limit->pl_rlimit[RLIMIT_NPROC];
	struct proc_baseline b;
	struct ucred *old;
	rlim_t savecur = rl->rlim_cur;
	int np, nt;

	proc_baseline(&b);
	rl->rlim_cur = 2;
	old = kt_become(1000);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "u1"), 0);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "u2"), 0);
	KT_EQ(chgproccnt(1000, 0), 2);
	np = nprocesses, nt = nthreads;
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "u3"), EAGAIN);
	KT_SAME_COUNTS(np, nt, 1000, 2);
	kt_unbecome(old);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "root"), 0);
	rl->rlim_cur = savecur;
	kt_release_holders(&b);
	KT_PROC_BASELINE(&b);
}

/*
 * No kernel stack (a forced uvm_uarea_alloc failure): ENOMEM from both
 * fork1() and thread_fork(), with every count put back.
 */
KTEST(limits_no_uarea_gives_enomem)
{
	struct proc_baseline b;
	register_t rv;
	int cnt;

	proc_baseline(&b);
	cnt = chgproccnt(0, 0);
	uvm_uarea_fail = 1;
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "nomem"), ENOMEM);
	KT_EQ(uvm_uarea_fail, 0);
	KT_SAME_COUNTS(b.nprocesses, b.nthreads, 0, cnt);

	uvm_uarea_fail = 1;
	KT_EQ(thread_fork(&proc0, (void *)0x10000, NULL, NULL, &rv), ENOMEM);
	KT_SAME_COUNTS(b.nprocesses, b.nthreads, 0, cnt);
	KT_EQ(thread_fork(&proc0, NULL, NULL, NULL, &rv), EINVAL);
	KT_SAME_COUNTS(b.nprocesses, b.nthreads, 0, cnt);
	KT_PROC_BASELINE(&b);
}

/* sys___tfork refuses bad sizes, bad pointers and no stack up front. */
KTEST(limits_tfork_bad_arguments)
{
	struct sys___tfork_args ua;
	struct __tfork param = { 0 };
	struct vmspace *vm;
	vaddr_t va = 0x20000000;
	register_t rv;
	int nt = nthreads;

	vm = uvmspace_alloc();
	KT_ASSERT(vm != NULL);
	KT_EQ(uvm_map(&vm->vm_map, &va, PAGE_SIZE, PROT_READ | PROT_WRITE,
	    PROT_READ | PROT_WRITE, MAP_INHERIT_COPY, NULL, 0), 0);
	uvmspace_activate(vm);

	SCARG(&ua, param) = (const struct __tfork *)va;
	SCARG(&ua, psize) = 0;
	KT_EQ(sys___tfork(&proc0, &ua, &rv), EINVAL);
	SCARG(&ua, psize) = sizeof(param) + 1;
	KT_EQ(sys___tfork(&proc0, &ua, &rv), EINVAL);
	SCARG(&ua, psize) = sizeof(param);
	SCARG(&ua, param) = (const struct __tfork *)(va + PAGE_SIZE);
	KT_EQ(sys___tfork(&proc0, &ua, &rv), EFAULT);	/* unmapped */
	SCARG(&ua, param) = (const struct __tfork *)KERNBASE;
	KT_EQ(sys___tfork(&proc0, &ua, &rv), EFAULT);	/* kernel's */

	SCARG(&ua, param) = (const struct __tfork *)va;
	param.tf_stack = NULL;				/* thread_fork */
	KT_EQ(copyout(&param, (void *)va, sizeof(param)), 0);
	KT_EQ(sys___tfork(&proc0, &ua, &rv), EINVAL);
	KT_EQ(nthreads, nt);

	uvmspace_activate(proc0.p_vmspace);
	uvmspace_free(vm);
}

/* ---- counters ---------------------------------------------------------- */

struct kt_counts {
	int	cntfork, cntvfork, cnttfork, cntkthread, sizfork, sizvfork;
	int	forks, forks_ppwait, forks_sharevm;
};

static void
kt_counts(struct kt_counts *c)
{
	c->cntfork = forkstat.cntfork;
	c->cntvfork = forkstat.cntvfork;
	c->cnttfork = forkstat.cnttfork;
	c->cntkthread = forkstat.cntkthread;
	c->sizfork = forkstat.sizfork;
	c->sizvfork = forkstat.sizvfork;
	c->forks = uvmexp.forks;
	c->forks_ppwait = uvmexp.forks_ppwait;
	c->forks_sharevm = uvmexp.forks_sharevm;
}

#define KT_COUNTED(c0, field, delta) do {				\
	struct kt_counts _c;						\
	kt_counts(&_c);							\
	KT_EQ(_c.field - (c0)->field, (delta));				\
} while (0)

/* A kernel thread: cntkthread, forks and forks_sharevm, nothing else. */
KTEST(forkstat_kthread)
{
	struct proc_baseline b;
	struct kt_counts c;

	proc_baseline(&b);
	kt_counts(&c);
	KT_EQ(kthread_create(kt_holder, NULL, NULL, "count"), 0);
	KT_COUNTED(&c, cntkthread, 1);
	KT_COUNTED(&c, forks, 1);
	KT_COUNTED(&c, forks_sharevm, 1);
	KT_COUNTED(&c, cntfork, 0);
	KT_COUNTED(&c, cntvfork, 0);
	KT_COUNTED(&c, forks_ppwait, 0);
	kt_release_holders(&b);
	KT_PROC_BASELINE(&b);
}

/*
 * FORK_FORK: cntfork, and sizfork grows by the parent's data and stack
 * pages; forks, not forks_sharevm.  The child's exit status reaches the
 * parent through dowait4().
 */
KTEST(forkstat_fork)
{
	struct vmspace *vm = process0.ps_vmspace;
	struct proc_baseline b;
	struct kt_counts c;
	register_t rv, rv2;
	int status;

	proc_baseline(&b);
	kt_counts(&c);
	vm->vm_dsize = 3;		/* as if proc0 had data and stack */
	vm->vm_ssize = 2;
	KT_EQ(fork1(&proc0, FORK_FORK, kt_exit_with, (void *)42, &rv, NULL),
	    0);
	vm->vm_dsize = vm->vm_ssize = 0;
	KT_COUNTED(&c, cntfork, 1);
	KT_COUNTED(&c, sizfork, 5);
	KT_COUNTED(&c, forks, 1);
	KT_COUNTED(&c, forks_sharevm, 0);
	KT_COUNTED(&c, cntkthread, 0);
	KT_EQ(dowait4(&proc0, rv, &status, 0, NULL, &rv2), 0);
	KT_EQ(rv2, rv);
	KT_ASSERT(WIFEXITED(status));
	KT_EQ(WEXITSTATUS(status), 42);
	KT_EQ(dowait4(&proc0, rv, &status, WNOHANG, NULL, &rv2), ECHILD);
	KT_PROC_BASELINE(&b);
}

static volatile int kt_parent_flags, kt_parent_stat;
static const char *volatile kt_parent_wmesg;

/* A vfork child: look at the parent, which must be asleep waiting. */
static void
kt_vfork_child(void *arg __unused)
{
	struct process *parent = curproc->p_p->ps_pptr;

	kt_parent_flags = parent->ps_flags;
	kt_parent_stat = parent->ps_mainproc->p_stat;
	kt_parent_wmesg = parent->ps_mainproc->p_wmesg;
	exit1(curproc, 3, 0, EXIT_NORMAL);
}

/*
 * FORK_VFORK | FORK_PPWAIT: the parent sleeps on "ppwait" until the child
 * exits (exit1 clears PS_ISPWAIT and wakes it); cntvfork, forks_ppwait.
 */
KTEST(forkstat_vfork_parent_waits)
{
	struct proc_baseline b;
	struct kt_counts c;
	register_t rv, rv2;
	int status;

	proc_baseline(&b);
	kt_counts(&c);
	kt_parent_flags = kt_parent_stat = 0;
	KT_EQ(fork1(&proc0, FORK_VFORK | FORK_PPWAIT, kt_vfork_child, NULL,
	    &rv, NULL), 0);
	/* Back here only once the child has exited. */
	KT_ASSERT(kt_parent_flags & PS_ISPWAIT);
	KT_EQ(kt_parent_stat, SSLEEP);
	KT_STREQ(kt_parent_wmesg, "ppwait");
	KT_EQ(process0.ps_flags & PS_ISPWAIT, 0);
	KT_ASSERT(prfind(rv) == NULL);		/* exited: not live */
	KT_COUNTED(&c, cntvfork, 1);
	KT_COUNTED(&c, forks_ppwait, 1);
	KT_COUNTED(&c, forks, 1);
	KT_COUNTED(&c, cntfork, 0);
	KT_EQ(dowait4(&proc0, rv, &status, 0, NULL, &rv2), 0);
	KT_EQ(WEXITSTATUS(status), 3);
	KT_PROC_BASELINE(&b);
}

/* ---- orphans and the trace ring ------------------------------------- */

static volatile pid_t kt_grandchild;

static void
kt_orphan(void *arg __unused)
{
	static int chan;

	tsleep_nsec(&chan, PWAIT, "orphan", 50 * MSEC);
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

static void
kt_orphan_parent(void *arg __unused)
{
	register_t rv;

	if (fork1(curproc, FORK_FORK, kt_orphan, NULL, &rv, NULL) == 0)
		kt_grandchild = rv;
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

/*
 * A child whose parent exits first goes to init, which reaps it; the
 * fork left a sched:fork record with the child's tid and pid in the
 * trace ring.
 */
KTEST(proc_orphans_go_to_init)
{
	struct proc_baseline b;
	struct tp_record r;
	register_t rv, rv2;
	uint64_t seq;
	int status, found = 0;

	proc_baseline(&b);
	kt_grandchild = 0;
	seq = tracepoint_count();
	KT_EQ(fork1(&proc0, FORK_FORK, kt_orphan_parent, NULL, &rv, NULL),
	    0);
	/* Read the ring now, before context switches fill it. */
	for (; seq < tracepoint_count(); seq++)
		if (tracepoint_read(seq, &r) == 0 &&
		    strcmp(r.tr_provider, "sched") == 0 &&
		    strcmp(r.tr_name, "fork") == 0 && r.tr_args[1] == rv)
			found = 1;
	KT_ASSERT(found);
	KT_EQ(dowait4(&proc0, rv, &status, 0, NULL, &rv2), 0);
	KT_ASSERT(kt_grandchild != 0);
	KT_ASSERT(prfind(kt_grandchild) != NULL);
	KT_ASSERT(prfind(kt_grandchild)->ps_pptr == initproc->p_p);
	KT_PROC_BASELINE(&b);		/* init reaped it */
	KT_ASSERT(zombiefind(kt_grandchild) == NULL);
}

/* ---- what a child inherits, and the clocks proc_trampoline_mi arms --- */

struct kt_inherit {
	u_int	ps_flags;		/* the child's process flags */
	int	profclock;		/* SPCF_PROFCLOCK at its first run */
	int	pins_copied;		/* its pin tables: copies, same words */
	u_int	textvp_refs;		/* the text vnode's use count */
	int	uv_copied;		/* its unveil entry: a copy, vref'd */
	u_long	prof_ticks;		/* profiling ticks after spinning */
	int	itimer_armed;		/* SPCF_ITIMER after a switch */
	int	vtalrm;			/* SIGVTALRM pending after spinning */
	volatile int done;
};

static struct kt_inherit kt_inh;
static u_int kt_pins[3] = { 11, 22, 33 }, kt_libcpins[2] = { 44, 55 };
static struct vnode kt_textvn = { .v_usecount = 1 };
static struct vnode kt_dirvn = { .v_usecount = 1 };
static struct unveil kt_uv[1];

/* Busy for ms milliseconds: the clock ticks on us, not on the idle. */
static void
kt_busy(int ms)
{
	uint64_t end = getnsecuptime() + ms * MSEC;

	while (getnsecuptime() < end)
		continue;
}

/* The child: look at what fork gave it, then let its clocks tick. */
static void
kt_inheritor(void *arg __unused)
{
	struct schedstate_percpu *spc = &curcpu()->ci_schedstate;
	struct process *pr = curproc->p_p;
	struct kt_inherit *k = &kt_inh;

	k->profclock = (spc->spc_schedflags & SPCF_PROFCLOCK) != 0;
	k->ps_flags = pr->ps_flags;
	k->pins_copied = pr->ps_pin.pn_pins != kt_pins &&
	    pr->ps_pin.pn_pins != NULL && pr->ps_pin.pn_pins[2] == 33 &&
	    pr->ps_libcpin.pn_pins != kt_libcpins &&
	    pr->ps_libcpin.pn_pins != NULL && pr->ps_libcpin.pn_pins[1] == 55;
	k->textvp_refs = kt_textvn.v_usecount;
	k->uv_copied = pr->ps_uvvcount == 1 && pr->ps_uvpaths != kt_uv &&
	    pr->ps_uvpaths[0].uv_vp == &kt_dirvn && kt_dirvn.v_usecount == 2;

	/* A virtual interval timer: armed at our next switch back in. */
	pr->ps_timer[ITIMER_VIRTUAL].it_value.tv_nsec = 30 * MSEC;
	atomic_setbits_int(&pr->ps_flags, PS_ITIMER);
	yield();
	k->itimer_armed = (spc->spc_schedflags & SPCF_ITIMER) != 0;
	kt_busy(80);
	k->prof_ticks = curproc->p_prof_ticks;
	k->vtalrm = (curproc->p_siglist & sigmask(SIGVTALRM)) != 0;
	k->done = 1;
	kthread_exit(0);
}

/* Give process0 what process_new copies, or take it away again. */
static void
kt_dress_process0(int on)
{
	struct process *pr = &process0;
	u_int bits = PS_PROFIL | PS_CONTROLT | PS_SUGID;

	if (on) {
		atomic_setbits_int(&pr->ps_flags, bits);
		pr->ps_pin = (struct pinsyscall){ .pn_pins = kt_pins,
		    .pn_npins = nitems(kt_pins) };
		pr->ps_libcpin = (struct pinsyscall){ .pn_pins = kt_libcpins,
		    .pn_npins = nitems(kt_libcpins) };
		session0.s_ttyvp = &kt_textvn;	/* any vnode: "has a tty" */
		pr->ps_textvp = &kt_textvn;
		kt_uv[0].uv_vp = &kt_dirvn;
		pr->ps_uvpaths = kt_uv;
		pr->ps_uvvcount = 1;
	} else {
		atomic_clearbits_int(&pr->ps_flags, bits);
		memset(&pr->ps_pin, 0, sizeof(pr->ps_pin));
		memset(&pr->ps_libcpin, 0, sizeof(pr->ps_libcpin));
		session0.s_ttyvp = NULL;
		pr->ps_textvp = NULL;
		pr->ps_uvpaths = NULL;
		pr->ps_uvvcount = 0;
	}
}

/*
 * process_new copies the flags it should (PS_PROFIL through
 * startprofclock, PS_CONTROLT because the session has a terminal,
 * PS_SUGID), the pinsyscall tables (PS_PIN, PS_LIBCPIN), the unveil
 * entries (vref'd) and a reference to the text vnode; proc_trampoline_mi
 * arms the profiling clock for the child's first run, mi_switch the
 * interval timer at a later one, and both tick while it runs.
 */
KTEST(proc_fork_copies_process_state_and_arms_clocks)
{
	struct proc_baseline b;
	struct kt_inherit *k = &kt_inh;

	proc_baseline(&b);
	memset(k, 0, sizeof(*k));
	kt_dress_process0(1);
	KT_EQ(kthread_create(kt_inheritor, NULL, NULL, "inherit"), 0);
	kt_dress_process0(0);
	KT_EQ(proc_wait_flag(&k->done, 1, 2000), 1);
	KT_PROC_BASELINE(&b);

	KT_ASSERT(k->ps_flags & PS_PROFIL);
	KT_ASSERT(k->ps_flags & PS_CONTROLT);
	KT_ASSERT(k->ps_flags & PS_SUGID);
	KT_ASSERT(k->ps_flags & PS_PIN);
	KT_ASSERT(k->ps_flags & PS_LIBCPIN);
	KT_ASSERT(k->ps_flags & PS_SYSTEM);
	KT_ASSERT(k->ps_flags & PS_NOZOMBIE);
	KT_EQ(k->ps_flags & PS_EMBRYO, 0);
	KT_ASSERT(k->pins_copied);
	KT_EQ(k->textvp_refs, 2);
	KT_EQ(kt_textvn.v_usecount, 1);		/* exit let go of it */
	KT_ASSERT(k->uv_copied);
	KT_EQ(kt_dirvn.v_usecount, 1);
	KT_ASSERT(k->profclock);
	KT_ASSERT(k->itimer_armed);
	ktest_diag("%lu profiling ticks in 80 ms", k->prof_ticks);
	KT_ASSERT(k->prof_ticks >= 4);
	KT_ASSERT(k->vtalrm);
}

/* ---- a tracer that exits ----------------------------------------------- */

static volatile int kt_tr_go, kt_tr_status, kt_tr_done;
static volatile pid_t kt_tr_child;

/* R, the real parent: when told, wait for its child C and record it. */
static void
kt_real_parent(void *arg __unused)
{
	register_t rv;
	int status = -1;

	while (!kt_tr_go)
		tsleep_nsec(&kt_tr_go, PWAIT, "rparent", INFSLP);
	if (dowait4(curproc, kt_tr_child, &status, 0, NULL, &rv) == 0)
		kt_tr_status = status;
	kt_tr_done = 1;
	exit1(curproc, 0, 0, EXIT_NORMAL);
}

/*
 * T, the tracer: fork R, fork C as R's child and take it over as a
 * debugger would (PS_TRACED, T its parent, ps_oppid naming R), let C die
 * (a traced zombie) and exit itself.
 */
static void
kt_tracer(void *arg __unused)
{
	struct proc *rp, *cp;
	struct process *cr;
	uint64_t end;

	if (fork1(curproc, FORK_FORK, kt_real_parent, NULL, NULL, &rp) ||
	    fork1(rp, FORK_FORK, kt_exit_with, (void *)7, NULL, &cp))
		exit1(curproc, 1, 0, EXIT_NORMAL);
	cr = cp->p_p;
	kt_tr_child = cr->ps_pid;
	cr->ps_oppid = rp->p_p->ps_pid;
	atomic_setbits_int(&cr->ps_flags, PS_TRACED);
	process_reparent(cr, curproc->p_p);	/* onto R's ps_orphans */
	end = getnsecuptime() + 1000 * MSEC;
	while ((cr->ps_flags & PS_ZOMBIE) == 0 && getnsecuptime() < end)
		tsleep_nsec(&end, PWAIT, "tracer", MSEC);
	kt_tr_go = 1;
	wakeup(&kt_tr_go);
	exit1(curproc, (cr->ps_flags & PS_ZOMBIE) ? 0 : 2, 0, EXIT_NORMAL);
}

/*
 * A tracer exiting while a process it traces lies dead (a zombie not
 * yet waited for) gives the zombie back to its real parent, which reaps
 * it with its status.  (Once a KASSERT in exit1 fired here.)
 */
KTEST(proc_tracer_exits_with_a_traced_zombie)
{
	struct proc_baseline b;
	register_t rv;
	pid_t tpid;
	int status;

	proc_baseline(&b);
	kt_tr_go = kt_tr_done = 0;
	kt_tr_status = -1;
	KT_EQ(fork1(&proc0, FORK_FORK, kt_tracer, NULL, &rv, NULL), 0);
	tpid = rv;
	KT_EQ(dowait4(&proc0, tpid, &status, 0, NULL, &rv), 0);
	KT_EQ(WEXITSTATUS(status), 0);		/* C became a zombie */
	KT_EQ(proc_wait_flag(&kt_tr_done, 1, 2000), 1);
	KT_ASSERT(WIFEXITED(kt_tr_status));
	KT_EQ(WEXITSTATUS(kt_tr_status), 7);
	KT_PROC_BASELINE(&b);			/* init reaped R */
}
