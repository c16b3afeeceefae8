/*
 * kernel/kern_event_filt.c: the kqueue filters that watch no file:
 * EVFILT_PROC (a process forks, execs, exits), EVFILT_SIGNAL (a signal is
 * posted to us) and EVFILT_TIMER (a period passes).  OpenBSD keeps them
 * in kern_event.c; written afresh here, with upstream's names
 * (filt_procattach, filt_proc, filt_sigattach, filt_timerexpire ...).
 * kern_event.c is the machinery they plug into.
 *
 * The first two hang their knotes on a process's klist, ps_klist, which
 * hears four hints:
 *
 *   NOTE_FORK | child pid   kern_fork.c, fork1() (the seed's knote_locked)
 *   NOTE_EXEC               kern_exec.c, exec_commit()
 *   NOTE_EXIT               kern_exit.c, the reaper (knote_processexit)
 *   NOTE_SIGNAL | signum    kern_sig.c, psignal()
 *
 * Each filter picks out its own: filt_proc the first three (and follows a
 * fork with NOTE_TRACK), filt_signal the last.  Timers use timeout(9) on
 * the uptime clock and count their expirations in kn_data.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/malloc.h>
#include <sys/proc.h>
#include <sys/signal.h>
#include <sys/wait.h>
#include <sys/time.h>
#include <sys/timeout.h>
#include <sys/event.h>
#include <lib/libkern/libkern.h>

/* ---- EVFILT_PROC ------------------------------------------------------ */

/*
 * Watch process kn_id.  ESRCH for a pid out of range, one that does not
 * exist (a zombie is off the pid hash already) or is exiting.  EV_CLEAR
 * is forced: each event is seen once.  A registration by NOTE_TRACK
 * (EV_FLAG1) is a child's: its first event is NOTE_CHILD with the
 * parent's pid in data.
 * PORT: no pledge("proc") check: Tine does not enforce pledge.
 */
static int
filt_procattach(struct knote *kn)
{
	struct process *pr;

	if (kn->kn_id > PID_MAX)
		return ESRCH;
	pr = prfind(kn->kn_id);
	if (pr == NULL || (pr->ps_flags & PS_EXITING))
		return ESRCH;
	kn->kn_ptr.p_process = pr;
	kn->kn_flags |= EV_CLEAR;
	if (kn->kn_flags & EV_FLAG1) {
		kn->kn_data = kn->kn_sdata;	/* the parent's pid */
		kn->kn_fflags = NOTE_CHILD;
		kn->kn_flags &= ~EV_FLAG1;
	}
	klist_insert(&pr->ps_klist, kn);
	return 0;
}

/* Off the process, unless its exit took the knote off already. */
static void
filt_procdetach(struct knote *kn)
{
	if ((kn->kn_status & KN_DETACHED) == 0)
		klist_remove(&kn->kn_ptr.p_process->ps_klist, kn);
}

/*
 * NOTE_TRACK: the watched process forked child pid; register a knote
 * like kn on the child, in the same kqueue, whose first event says
 * NOTE_CHILD.  If that fails (no memory, the child gone), kn reports
 * NOTE_TRACKERR instead.
 * => from fork1's knote walk: kqueue_register never sleeps here
 */
static void
filt_proctrack(struct knote *kn, pid_t pid)
{
	struct kevent kev;

	if (kn->kn_kq == NULL)
		return;
	EV_SET(&kev, pid, EVFILT_PROC, kn->kn_flags | EV_ADD | EV_ENABLE |
	    EV_FLAG1, kn->kn_sfflags, kn->kn_id, kn->kn_udata);
	if (kqueue_register(kn->kn_kq, &kev, NULL) != 0)
		kn->kn_fflags |= NOTE_TRACKERR;
}

/*
 * A hint on the process's klist.  The events the user asked for are
 * recorded in kn_fflags.  NOTE_EXIT also puts the wait status in data,
 * takes the knote off the dying process and makes it EV_EOF and
 * one-shot: it is delivered once more, then freed.
 * => hint 0: "anything recorded?" (kqueue_scan)
 */
static int
filt_proc(struct knote *kn, long hint)
{
	struct process *pr = kn->kn_ptr.p_process;
	u_int event = (u_int)hint & NOTE_PCTRLMASK;

	if (kn->kn_sfflags & event)
		kn->kn_fflags |= event;
	if (event == NOTE_EXIT) {
		kn->kn_status |= KN_DETACHED;
		kn->kn_flags |= EV_EOF | EV_ONESHOT;
		kn->kn_data = W_EXITCODE(pr->ps_xexit, pr->ps_xsig);
		klist_remove(&pr->ps_klist, kn);
		return 1;
	}
	if (event == NOTE_FORK && (kn->kn_sfflags & NOTE_TRACK))
		filt_proctrack(kn, (u_int)hint & NOTE_PDATAMASK);
	return kn->kn_fflags != 0;
}

const struct filterops proc_filtops = {
	.f_attach = filt_procattach,
	.f_detach = filt_procdetach,
	.f_event = filt_proc,
};

/* ---- EVFILT_SIGNAL ---------------------------------------------------- */

/*
 * Count signal kn_id posted to our own process, whatever its action
 * (ignored included).  EINVAL for a number that is not a signal.
 */
static int
filt_sigattach(struct knote *kn)
{
	struct process *pr = curproc->p_p;

	if (kn->kn_id == 0 || kn->kn_id >= NSIG)
		return EINVAL;
	kn->kn_ptr.p_process = pr;
	kn->kn_flags |= EV_CLEAR;
	klist_insert(&pr->ps_klist, kn);
	return 0;
}

static void
filt_sigdetach(struct knote *kn)
{
	if ((kn->kn_status & KN_DETACHED) == 0)
		klist_remove(&kn->kn_ptr.p_process->ps_klist, kn);
}

/* NOTE_SIGNAL | kn_id: one more; data is the count since delivered. */
static int
filt_signal(struct knote *kn, long hint)
{
	if (hint & NOTE_SIGNAL) {
		hint &= ~NOTE_SIGNAL;
		if (kn->kn_id == (u_long)hint)
			kn->kn_data++;
	}
	return kn->kn_data != 0;
}

const struct filterops sig_filtops = {
	.f_attach = filt_sigattach,
	.f_detach = filt_sigdetach,
	.f_event = filt_signal,
};

/* ---- EVFILT_TIMER ----------------------------------------------------- */

#define KQ_TIMEOUTMAX	1000	/* timers in the system, at most */

/* A timer knote's kn_hook. */
struct kn_timer {
	struct	timeout kt_to;		/* on the uptime clock */
	uint64_t kt_next;		/* next expiry, uptime ns */
	uint64_t kt_period;		/* ns, at least 1 */
};

static int kq_ntimeouts;		/* timers that exist */

/*
 * The period kn_sdata asks for, in ns, in the unit kn_sfflags names
 * (milliseconds if none).  EINVAL for a negative period or a unit Tine
 * does not have (NOTE_ABSTIME).  0 means as often as possible: 1 ns,
 * which the clock rounds to a tick.
 */
static int
filt_timer_period(struct knote *kn, uint64_t *nsp)
{
	static const uint64_t unit[] = { 1000000, 1000000000, 1000000, 1000,
	    1 };
	int64_t v = kn->kn_sdata;

	if (v < 0 || kn->kn_sfflags > NOTE_NSECONDS)
		return EINVAL;
	if ((uint64_t)v > UINT64_MAX / 2 / unit[kn->kn_sfflags])
		v = UINT64_MAX / 2 / unit[kn->kn_sfflags];
	*nsp = MAX((uint64_t)v * unit[kn->kn_sfflags], 1);
	return 0;
}

/* Arm kt for the period's next end, at uptime ns. */
static void
filt_timer_arm(struct kn_timer *kt, uint64_t ns)
{
	struct timespec ts;

	kt->kt_next = ns;
	ts.tv_sec = ns / 1000000000ULL;
	ts.tv_nsec = ns % 1000000000ULL;
	timeout_abs_ts(&kt->kt_to, &ts);
}

/*
 * The timer's period ended (softclock): count the expirations since the
 * last (more than one if ticks were missed), activate the knote and, if
 * it is periodic, arm the next.  Deadlines are absolute, so the period
 * does not drift by the tick each expiry is late.
 */
static void
filt_timerexpire(void *arg)
{
	struct knote *kn = arg;
	struct kn_timer *kt = kn->kn_hook;
	uint64_t now = getnsecuptime(), n = 1;

	if (now >= kt->kt_next + kt->kt_period)
		n += (now - kt->kt_next) / kt->kt_period;
	kn->kn_data += n;
	knote_activate(kn);
	if ((kn->kn_flags & EV_ONESHOT) == 0)
		filt_timer_arm(kt, kt->kt_next + n * kt->kt_period);
}

/* A new timer: ENOMEM beyond KQ_TIMEOUTMAX, EINVAL for a bad period. */
static int
filt_timerattach(struct knote *kn)
{
	struct kn_timer *kt;
	uint64_t period;
	int error;

	if (kq_ntimeouts >= KQ_TIMEOUTMAX)
		return ENOMEM;
	if ((error = filt_timer_period(kn, &period)) != 0)
		return error;
	kt = malloc(sizeof(*kt), M_KEVENT, M_WAITOK | M_ZERO);
	kt->kt_period = period;
	kn->kn_hook = kt;
	kn->kn_flags |= EV_CLEAR;
	kq_ntimeouts++;
	timeout_set_flags(&kt->kt_to, filt_timerexpire, kn, KCLOCK_UPTIME, 0);
	filt_timer_arm(kt, getnsecuptime() + period);
	return 0;
}

static void
filt_timerdetach(struct knote *kn)
{
	struct kn_timer *kt = kn->kn_hook;

	timeout_del(&kt->kt_to);
	free(kt, M_KEVENT, sizeof(*kt));
	kq_ntimeouts--;
}

/* EV_ADD to a timer that exists: the new period, counted from now. */
static int
filt_timermodify(struct kevent *kev __unused, struct knote *kn)
{
	struct kn_timer *kt = kn->kn_hook;
	uint64_t period;
	int error;

	if ((error = filt_timer_period(kn, &period)) != 0)
		return error;
	timeout_del(&kt->kt_to);
	kt->kt_period = period;
	kn->kn_data = 0;
	filt_timer_arm(kt, getnsecuptime() + period);
	return 0;
}

static int
filt_timer(struct knote *kn, long hint __unused)
{
	return kn->kn_data != 0;
}

const struct filterops timer_filtops = {
	.f_attach = filt_timerattach,
	.f_detach = filt_timerdetach,
	.f_event = filt_timer,
	.f_modify = filt_timermodify,
};
