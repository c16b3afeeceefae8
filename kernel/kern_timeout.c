/*
 * kernel/kern_timeout.c: timeout(9), functions run later from the clock:
 * OpenBSD's interface, flags and return values, written afresh for Tine.
 * Entry points: timeout_set(), timeout_set_flags(), timeout_add() and
 * its _sec/_msec/_usec/_nsec forms, timeout_abs_ts(), timeout_del(),
 * timeout_barrier(); the clock's side is timeout_startup() (from main(),
 * before the clock starts) and timeout_hardclock_update() (from
 * hardclock(), every tick).  <sys/timeout.h> has the interface; the soft
 * interrupt that runs softclock() is in kernel/arch/i386/intr.c.
 *
 * A pending timeout (TIMEOUT_ONQUEUE) is on exactly one queue, through
 * the struct circq at its start:
 *
 *   timeout_add(to, n):      to_time = ticks + n    timeout_del(to) takes it
 *   timeout_abs_ts(to, &t):  to_abstime = t         off whichever queue it
 *              |                                    is on: it never runs
 *              v
 *         timeout_new
 *              |  (joins todo when softclock() starts)
 *              v
 *         timeout_todo  <--+-- timeout_wheel[ticks % WHEELSIZE]
 *              |           +-- heads of timeout_wheel_kc now due
 *              |           hardclock(), every tick at IPL_CLOCK; then, if
 *              |           new or todo has any: softintr_schedule(softclock)
 *              v
 *   softclock(), at IPL_SOFTCLOCK with interrupts on, one at a time:
 *     due      off the queues, TIMEOUT_TRIGGERED, to_func(to_arg)
 *     not yet  KCLOCK_NONE:   onto timeout_wheel[to_time % WHEELSIZE]
 *              KCLOCK_UPTIME: into timeout_wheel_kc, in deadline order
 *
 * When is a timeout due?  A tick timeout when ticks has reached to_time
 * (to_time - ticks <= 0: a difference, so it survives ticks wrapping).
 * timeout_add(to, n) with n >= 1 runs in the softclock() after the n-th
 * tick from now; n = 0 runs after the next tick, like n = 1.  An uptime
 * timeout is due when its deadline is at or before the nanouptime() that
 * the last hardclock() read: it never runs early, and runs after the first
 * tick at or past its deadline, so less than one tick late.
 *
 * A function may add or delete timeouts, itself included: it is off every
 * queue while it runs, and softclock() takes the next timeout from todo
 * afresh each time.  A timeout deleted while on todo (due in this same
 * tick) does not run.  Anything added during softclock() waits on
 * timeout_new for the next tick, so a function that re-adds itself with
 * 0 ticks runs once per tick, not in a loop.
 *
 * PORT: upstream's tick wheel has four levels of 256 buckets; ours has
 * one.  Bucket b holds the timeouts whose to_time % WHEELSIZE == b; when
 * hardclock() reaches it, softclock() runs those that are due and puts
 * the others, a lap or more away, back: a timeout n ticks away is looked
 * at n / WHEELSIZE times.  Uptime timeouts (itimers) are few, so they are
 * one queue sorted by deadline, not a second wheel hashed on the time.
 * PORT: upstream's timeout_mutex (IPL_HIGH) is splhigh() on one CPU.
 * PORT: no statistics (tostat, sysctl), no ddb "show callout", no
 * timeout_adjust_ticks().
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/time.h>
#include <sys/timeout.h>
#include <machine/intr.h>

#define WHEELSIZE	256
#define WHEELMASK	(WHEELSIZE - 1)

static struct circq timeout_wheel[WHEELSIZE];	/* ticks, by to_time */
static struct circq timeout_wheel_kc;	/* uptime-based, by to_abstime */
static struct circq timeout_new;	/* added since the last softclock */
static struct circq timeout_todo;	/* due, or to be put back */

/*
 * What each kernel clock read at the last hardclock().  PORT: in
 * nanoseconds; upstream keeps a timespec, and an offset per clock.
 */
static struct kclock {
	uint64_t kc_lastscan;
} timeout_kclock[KCLOCK_MAX];

static void *softclock_si;		/* the soft clock interrupt */
static struct timeout *timeout_running;	/* whose function runs now */

void	softclock(void *);

/*
 * The circular queues.  PORT: upstream's CIRCQ_* macros, as functions.
 */
static inline void
circq_init(struct circq *q)
{
	q->next = q;
	q->prev = q;
}

static inline int
circq_empty(const struct circq *q)
{
	return q->next == q;
}

/* Put elem last on the queue whose head is list. */
static inline void
circq_insert_tail(struct circq *list, struct circq *elem)
{
	elem->prev = list->prev;
	elem->next = list;
	list->prev->next = elem;
	list->prev = elem;
}

static inline void
circq_remove(struct circq *elem)
{
	elem->next->prev = elem->prev;
	elem->prev->next = elem->next;
	elem->next = elem->prev = NULL;
}

/* Move everything on snd to the end of fst, in order; snd ends empty. */
static inline void
circq_concat(struct circq *fst, struct circq *snd)
{
	if (circq_empty(snd))
		return;
	fst->prev->next = snd->next;
	snd->next->prev = fst->prev;
	snd->prev->next = fst;
	fst->prev = snd->prev;
	circq_init(snd);
}

/* to_list is the first member, so the queue link is the timeout. */
static inline struct timeout *
timeout_from_circq(struct circq *p)
{
	return (struct timeout *)p;
}

/* An uptime timeout's deadline in nanoseconds; before boot counts as 0. */
static inline uint64_t
timeout_deadline(const struct timeout *to)
{
	if (to->to_abstime.tv_sec < 0)
		return 0;
	return TIMESPEC_TO_NSEC(&to->to_abstime);
}

/*
 * Set up the queues and the soft clock interrupt.  PORT: this is also
 * upstream's timeout_proc_init(), less the softclock thread.
 * => once, from main(), before initclocks() starts hardclock().
 */
void
timeout_startup(void)
{
	u_int b;

	circq_init(&timeout_new);
	circq_init(&timeout_todo);
	circq_init(&timeout_wheel_kc);
	for (b = 0; b < nitems(timeout_wheel); b++)
		circq_init(&timeout_wheel[b]);
	softclock_si = softintr_establish(IPL_SOFTCLOCK, softclock, NULL);
}

/*
 * Prepare to to call fn(arg), counting on kclock (KCLOCK_NONE: ticks,
 * KCLOCK_UPTIME: nanouptime).  flags may hold TIMEOUT_PROC, and
 * TIMEOUT_MPSAFE with it; both run at softclock for now (sys/timeout.h).
 * => to is not pending (setting a pending timeout corrupts the queues).
 */
void
timeout_set_flags(struct timeout *to, void (*fn)(void *), void *arg,
    int kclock, int flags)
{
	KASSERT((flags & ~(TIMEOUT_PROC | TIMEOUT_MPSAFE)) == 0);
	KASSERT(kclock >= KCLOCK_NONE && kclock < KCLOCK_MAX);
	KASSERT(!(flags & TIMEOUT_MPSAFE) || (flags & TIMEOUT_PROC));

	to->to_func = fn;
	to->to_arg = arg;
	to->to_kclock = kclock;
	to->to_flags = flags | TIMEOUT_INITIALIZED;
}

/* A tick timeout, the usual kind. */
void
timeout_set(struct timeout *to, void (*fn)(void *), void *arg)
{
	timeout_set_flags(to, fn, arg, KCLOCK_NONE, 0);
}

/* A tick timeout that asks for process context. */
void
timeout_set_proc(struct timeout *to, void (*fn)(void *), void *arg)
{
	timeout_set_flags(to, fn, arg, KCLOCK_NONE, TIMEOUT_PROC);
}

/*
 * Put to on timeout_new for softclock() to file, taking it off the queue
 * it is on if it is pending already.  PORT: upstream leaves a timeout
 * moved later where it is, for softclock() to re-file when that bucket
 * comes; our sorted uptime queue must not hold a changed deadline.
 * => at splhigh(); returns 1 if to was not pending, else 0.
 */
static int
timeout_enqueue(struct timeout *to)
{
	int ret = 1;

	to->to_flags &= ~TIMEOUT_TRIGGERED;
	if (to->to_flags & TIMEOUT_ONQUEUE) {
		circq_remove(&to->to_list);
		ret = 0;
	}
	to->to_flags |= TIMEOUT_ONQUEUE;
	circq_insert_tail(&timeout_new, &to->to_list);
	return ret;
}

/*
 * Run to after to_ticks more ticks (0 counts as 1), replacing the time it
 * had if it is pending.
 * => to set up with KCLOCK_NONE; to_ticks >= 0; any level.
 * => returns 1 if to was not pending, 0 if it was (and now has the new
 *    time).
 */
int
timeout_add(struct timeout *to, int to_ticks)
{
	int s, ret;

	KASSERT(to->to_flags & TIMEOUT_INITIALIZED);
	KASSERT(to->to_kclock == KCLOCK_NONE);
	KASSERT(to_ticks >= 0);

	/*
	 * PORT: 0 is 1, the next tick.  (Upstream stores ticks + 0, which is
	 * the same unless a softclock is already pending: then it runs in
	 * that.)
	 */
	if (to_ticks == 0)
		to_ticks = 1;
	s = splhigh();
	/* Unsigned: wrapping is defined, and to_time - ticks undoes it. */
	to->to_time = (int)((u_int)ticks + (u_int)to_ticks);
	ret = timeout_enqueue(to);
	splx(s);
	return ret;
}

/*
 * The _sec, _msec, _usec and _nsec forms wait at least the time asked
 * for: rounded up to whole ticks, plus one for the tick now under way
 * (its part already gone is unknown), as OpenBSD does since 2025.  A
 * time too long to count in ticks waits INT32_MAX ticks.
 */
static int
timeout_add_ticks(struct timeout *to, uint64_t to_ticks)
{
	if (to_ticks >= INT32_MAX)
		to_ticks = INT32_MAX;
	else
		to_ticks++;
	return timeout_add(to, (int)to_ticks);
}

int
timeout_add_sec(struct timeout *to, int secs)
{
	KASSERT(secs >= 0);
	return timeout_add_ticks(to, (uint64_t)hz * (uint64_t)secs);
}

int
timeout_add_msec(struct timeout *to, uint64_t msecs)
{
	if (msecs >= UINT64_MAX / 1000)
		return timeout_add(to, INT32_MAX);
	return timeout_add_usec(to, msecs * 1000);
}

/* => after initclocks(), which sets tick. */
int
timeout_add_usec(struct timeout *to, uint64_t usecs)
{
	KASSERT(tick > 0);
	if (usecs >= UINT64_MAX - tick)
		return timeout_add(to, INT32_MAX);
	return timeout_add_ticks(to, (usecs + tick - 1) / tick);
}

/* => after initclocks(), which sets tick_nsec. */
int
timeout_add_nsec(struct timeout *to, uint64_t nsecs)
{
	KASSERT(tick_nsec > 0);
	if (nsecs >= UINT64_MAX - tick_nsec)
		return timeout_add(to, INT32_MAX);
	return timeout_add_ticks(to, (nsecs + tick_nsec - 1) / tick_nsec);
}

/*
 * Run to once nanouptime() reaches *abstime, replacing the deadline it
 * had if it is pending.  A deadline already past runs at the next tick.
 * => to set up with KCLOCK_UPTIME; any level.
 * => returns 1 if to was not pending, 0 if it was.
 */
int
timeout_abs_ts(struct timeout *to, const struct timespec *abstime)
{
	int s, ret;

	KASSERT(to->to_flags & TIMEOUT_INITIALIZED);
	KASSERT(to->to_kclock == KCLOCK_UPTIME);
	KASSERT(abstime->tv_nsec >= 0 && abstime->tv_nsec < 1000000000);

	s = splhigh();
	to->to_abstime = *abstime;
	ret = timeout_enqueue(to);
	splx(s);
	return ret;
}

/*
 * Cancel to: if it is pending it will not run, even if it is due in this
 * very tick.  Also clears TIMEOUT_TRIGGERED.
 * => any level; returns 1 if to was pending, else 0.
 */
int
timeout_del(struct timeout *to)
{
	int s, ret = 0;

	s = splhigh();
	if (to->to_flags & TIMEOUT_ONQUEUE) {
		circq_remove(&to->to_list);
		to->to_flags &= ~TIMEOUT_ONQUEUE;
		ret = 1;
	}
	to->to_flags &= ~TIMEOUT_TRIGGERED;
	splx(s);
	return ret;
}

/*
 * Wait until to's function, if it is running, has returned.  On one CPU
 * softclock() runs to its end once started, so the function never runs
 * while the caller does, unless the caller is that function: upstream
 * would wait for itself for ever; we panic.  PORT: a KASSERT, no wait.
 * => process context or a timeout's function.
 */
void
timeout_barrier(struct timeout *to)
{
	KASSERT(timeout_running != to);
}

/* timeout_del(), then timeout_barrier(); returns timeout_del()'s value. */
int
timeout_del_barrier(struct timeout *to)
{
	int removed;

	removed = timeout_del(to);
	timeout_barrier(to);
	return removed;
}

/*
 * Once a tick, right after ticks++: move this tick's wheel bucket and the
 * uptime timeouts now due to timeout_todo, and ask for the soft clock if
 * anything is there or new.  The uptime timeouts are held against the
 * uptime of this tick (getnsecuptime_tick: the counter as the clock
 * interrupt saw it, no hardware read), and only while some may be
 * waiting (on the sorted queue, or new).  PORT: upstream reads the
 * uptime clock on every tick.
 * => from hardclock(), at IPL_CLOCK.
 */
void
timeout_hardclock_update(void)
{
	struct kclock *kc = &timeout_kclock[KCLOCK_UPTIME];
	struct timeout *to;
	int s, need_softclock;

	s = splhigh();
	circq_concat(&timeout_todo, &timeout_wheel[(u_int)ticks & WHEELMASK]);
	if (!circq_empty(&timeout_wheel_kc) || !circq_empty(&timeout_new)) {
		kc->kc_lastscan = getnsecuptime_tick();
		while (!circq_empty(&timeout_wheel_kc)) {
			to = timeout_from_circq(timeout_wheel_kc.next);
			if (timeout_deadline(to) > kc->kc_lastscan)
				break;
			circq_remove(&to->to_list);
			circq_insert_tail(&timeout_todo, &to->to_list);
		}
	}
	need_softclock = !circq_empty(&timeout_new) ||
	    !circq_empty(&timeout_todo);
	splx(s);

	if (need_softclock)
		softintr_schedule(softclock_si);
}

/*
 * Call a due timeout's function.  It is off every queue already, so the
 * function may add or delete it, or any other.
 * => from softclock() at splhigh(); the function runs at level s
 *    (IPL_SOFTCLOCK), and we are back at splhigh() on return.
 */
static void
timeout_run(struct timeout *to, int s)
{
	void (*fn)(void *) = to->to_func;
	void *arg = to->to_arg;

	to->to_flags &= ~TIMEOUT_ONQUEUE;
	to->to_flags |= TIMEOUT_TRIGGERED;
	timeout_running = to;
	splx(s);
	fn(arg);
	(void)splhigh();
	timeout_running = NULL;
}

/* File an uptime timeout in deadline order, after any equal deadline. */
static void
timeout_kc_insert(struct timeout *to)
{
	uint64_t deadline = timeout_deadline(to);
	struct circq *p;

	for (p = timeout_wheel_kc.prev; p != &timeout_wheel_kc; p = p->prev)
		if (timeout_deadline(timeout_from_circq(p)) <= deadline)
			break;
	circq_insert_tail(p->next, &to->to_list);	/* after p */
}

/*
 * One timeout off todo: run it if it is due, else file it where
 * hardclock() will find it.  => at splhigh(); s as for timeout_run().
 */
static void
softclock_process(struct timeout *to, int s)
{
	struct kclock *kc = &timeout_kclock[KCLOCK_UPTIME];

	if (to->to_kclock == KCLOCK_NONE) {
		if ((int)((u_int)to->to_time - (u_int)ticks) > 0) {
			circq_insert_tail(&timeout_wheel[(u_int)to->to_time &
			    WHEELMASK], &to->to_list);
			return;
		}
	} else if (to->to_kclock == KCLOCK_UPTIME) {
		if (timeout_deadline(to) > kc->kc_lastscan) {
			timeout_kc_insert(to);
			return;
		}
	} else
		panic("softclock: timeout %p has kclock %d", to,
		    to->to_kclock);
	timeout_run(to, s);
}

/*
 * The soft clock interrupt: file or run everything new or on todo.
 * PORT: TIMEOUT_PROC timeouts run here too; upstream hands them to the
 * softclock thread.
 * => scheduled by timeout_hardclock_update(); runs at IPL_SOFTCLOCK with
 *    interrupts on (kernel/arch/i386/intr.c).
 */
void
softclock(void *arg __unused)
{
	struct timeout *to;
	int s;

	splassert(IPL_SOFTCLOCK);
	s = splhigh();
	circq_concat(&timeout_todo, &timeout_new);
	while (!circq_empty(&timeout_todo)) {
		to = timeout_from_circq(timeout_todo.next);
		circq_remove(&to->to_list);
		softclock_process(to, s);
	}
	splx(s);
}
