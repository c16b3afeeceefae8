/*
 * kernel/kern_time.c: time for the kernel's own use: getmicrouptime()
 * and ratecheck(9), OpenBSD's interface written afresh for Tine.  The
 * clock itself (getnsecuptime) is kern_tc.c.
 *
 * FIXME: the time system calls (gettimeofday, clock_gettime, nanosleep,
 * setitimer) live here upstream and arrive with user space (issue 6).
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <sys/proc.h>
#include <sys/signalvar.h>
#include <sys/timeout.h>
#include <sys/errno.h>
#include <sys/param.h>
#include <sys/syscallargs.h>

/*
 * The uptime in a timeval.
 * PORT: upstream's is the uptime at the last tick, cheap to read; ours
 * reads the clock, which is cheap enough.
 */
void
getmicrouptime(struct timeval *tv)
{
	uint64_t usec;

	usec = getnsecuptime() / 1000;
	tv->tv_sec = usec / 1000000;
	tv->tv_usec = usec % 1000000;
}

/* *b - *a, in microseconds. */
static int64_t
timeval_diff_usec(const struct timeval *a, const struct timeval *b)
{
	return (int64_t)(b->tv_sec - a->tv_sec) * 1000000 +
	    (b->tv_usec - a->tv_usec);
}

/*
 * Rate limiting, for messages that could flood the console: true (1),
 * and *lasttime set to now, if at least *mininterval has passed since
 * *lasttime, or if *lasttime is zero (never yet); else 0.
 */
int
ratecheck(struct timeval *lasttime, const struct timeval *mininterval)
{
	struct timeval now;

	getmicrouptime(&now);
	if (timeval_diff_usec(lasttime, &now) >=
	    (int64_t)mininterval->tv_sec * 1000000 + mininterval->tv_usec ||
	    (lasttime->tv_sec == 0 && lasttime->tv_usec == 0)) {
		*lasttime = now;
		return 1;
	}
	return 0;
}

/*
 * ITIMER_REAL expired (the process's ps_realit_to, set up by the seed's
 * process_initialize): SIGALRM, and the next expiry if the timer has an
 * interval.  The deadline is an absolute uptime (KCLOCK_UPTIME), so a
 * late run does not push every later expiry back.
 * => a timeout, at IPL_SOFTCLOCK.
 */
void
realitexpire(void *arg)
{
	struct process *pr = arg;
	struct itimerspec *tp = &pr->ps_timer[ITIMER_REAL];
	struct timespec now;

	prsignal(pr, SIGALRM);
	if (!timespecisset(&tp->it_interval)) {
		timespecclear(&tp->it_value);
		return;
	}
	nanouptime(&now);
	do {
		timespecadd(&tp->it_value, &tp->it_interval, &tp->it_value);
	} while (timespeccmp(&tp->it_value, &now, <=));
	timeout_abs_ts(&pr->ps_realit_to, &tp->it_value);
}

/* A channel nobody wakes: sleeps on it end by their timeout or signal. */
static int nowake;

/*
 * nanosleep(2): sleep at least rqtp's time (EINVAL for a negative or
 * malformed one); a signal ends it early with EINTR and the time left in
 * *rmtp.
 */
int
sys_nanosleep(struct proc *p __unused, void *v, register_t *retval __unused)
{
	struct sys_nanosleep_args /* {
		syscallarg(const struct timespec *) rqtp;
		syscallarg(struct timespec *) rmtp;
	} */ *uap = v;
	struct timespec rqt, rmt;
	uint64_t nsecs, start, slept;
	int error;

	if ((error = copyin(SCARG(uap, rqtp), &rqt, sizeof(rqt))) != 0)
		return error;
	if (rqt.tv_sec < 0 || rqt.tv_nsec < 0 || rqt.tv_nsec >= 1000000000L)
		return EINVAL;
	nsecs = (uint64_t)rqt.tv_sec > MAXTSLP / 2000000000ULL ?
	    MAXTSLP / 2 : TIMESPEC_TO_NSEC(&rqt);
	start = getnsecuptime();
	error = tsleep_nsec(&nowake, PWAIT | PCATCH, "nanoslp",
	    nsecs == 0 ? 1 : nsecs);
	if (error == EWOULDBLOCK)
		error = 0;
	if (error == ERESTART)		/* nanosleep is never restarted */
		error = EINTR;
	if (SCARG(uap, rmtp) != NULL) {
		slept = getnsecuptime() - start;
		nsecs = error == EINTR && slept < nsecs ? nsecs - slept : 0;
		rmt.tv_sec = nsecs / 1000000000ULL;
		rmt.tv_nsec = nsecs % 1000000000ULL;
		if (copyout(&rmt, SCARG(uap, rmtp), sizeof(rmt)) != 0 &&
		    error == 0)
			error = EFAULT;
	}
	return error;
}

/* The real time at uptime 0: CLOCK_REALTIME = boottime + uptime. */
struct timespec boottime;

/*
 * Set the real-time clock's base from the time of day the machine's
 * clock gives (seconds since 1970).  => at boot, once the timecounter
 * runs.
 */
void
inittodr(time_t base)
{
	struct timespec up;

	nanouptime(&up);
	boottime.tv_sec = base - up.tv_sec;
	boottime.tv_nsec = 0;
	if (up.tv_nsec != 0) {
		boottime.tv_sec--;
		boottime.tv_nsec = 1000000000L - up.tv_nsec;
	}
}

/* The sum of p's process's threads' run time. */
static void
process_runtime(struct process *pr, struct timespec *ts)
{
	struct proc *q;

	timespecclear(ts);
	TAILQ_FOREACH(q, &pr->ps_threads, p_thr_link)
		timespecadd(ts, &q->p_rtime, ts);
}

/*
 * clock_gettime(2): CLOCK_REALTIME (the RTC at boot, plus the uptime),
 * CLOCK_MONOTONIC, CLOCK_UPTIME and CLOCK_BOOTTIME (the uptime, from the
 * PIT to the nanosecond), the process's and the thread's CPU time.
 */
int
sys_clock_gettime(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_clock_gettime_args /* {
		syscallarg(clockid_t) clock_id;
		syscallarg(struct timespec *) tp;
	} */ *uap = v;
	struct timespec ts;

	switch (SCARG(uap, clock_id)) {
	case CLOCK_REALTIME:
		nanouptime(&ts);
		timespecadd(&ts, &boottime, &ts);
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_UPTIME:
	case CLOCK_BOOTTIME:
		nanouptime(&ts);
		break;
	case CLOCK_PROCESS_CPUTIME_ID:
		process_runtime(p->p_p, &ts);
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		ts = p->p_rtime;
		break;
	default:
		return EINVAL;
	}
	return copyout(&ts, SCARG(uap, tp), sizeof(ts));
}

/* A timeval's nanoseconds; -1 if it is not a valid one. */
static int64_t
tv_to_nsec(const struct timeval *tv)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -1;
	return tv->tv_sec * 1000000000LL + tv->tv_usec * 1000LL;
}

static void
nsec_to_tv(uint64_t ns, struct timeval *tv)
{
	tv->tv_sec = ns / 1000000000ULL;
	tv->tv_usec = ns % 1000000000ULL / 1000;
}

/*
 * The timer which, as getitimer(2) reports it: the time to its next
 * expiry (ITIMER_REAL keeps an absolute uptime) and its interval.
 */
static void
itimer_get(struct process *pr, int which, struct itimerval *itv)
{
	struct itimerspec *it = &pr->ps_timer[which];
	uint64_t value = TIMESPEC_TO_NSEC(&it->it_value), now;

	if (which == ITIMER_REAL && value != 0) {
		now = getnsecuptime();
		value = value > now ? value - now : 0;
	}
	nsec_to_tv(value, &itv->it_value);
	nsec_to_tv(TIMESPEC_TO_NSEC(&it->it_interval), &itv->it_interval);
}

/* getitimer(2). */
int
sys_getitimer(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_getitimer_args /* {
		syscallarg(int) which;
		syscallarg(struct itimerval *) itv;
	} */ *uap = v;
	struct itimerval itv;
	int which = SCARG(uap, which);

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return EINVAL;
	itimer_get(p->p_p, which, &itv);
	return copyout(&itv, SCARG(uap, itv), sizeof(itv));
}

/*
 * setitimer(2): ITIMER_REAL counts real time and sends SIGALRM (a timeout
 * at an absolute uptime, realitexpire); ITIMER_VIRTUAL and ITIMER_PROF
 * count the process's run time (the clock's itimer events) and send
 * SIGVTALRM and SIGPROF.  A zero value stops the timer.
 */
int
sys_setitimer(struct proc *p, void *v, register_t *retval __unused)
{
	struct sys_setitimer_args /* {
		syscallarg(int) which;
		syscallarg(const struct itimerval *) itv;
		syscallarg(struct itimerval *) oitv;
	} */ *uap = v;
	struct process *pr = p->p_p;
	struct itimerspec *it;
	struct itimerval itv, oitv;
	int which = SCARG(uap, which), error;
	int64_t value = 0, interval = 0;
	uint64_t deadline;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return EINVAL;
	if (SCARG(uap, itv) != NULL) {
		if ((error = copyin(SCARG(uap, itv), &itv, sizeof(itv))) != 0)
			return error;
		if ((value = tv_to_nsec(&itv.it_value)) < 0 ||
		    (interval = tv_to_nsec(&itv.it_interval)) < 0)
			return EINVAL;
	}
	if (SCARG(uap, oitv) != NULL) {
		itimer_get(pr, which, &oitv);
		if ((error = copyout(&oitv, SCARG(uap, oitv),
		    sizeof(oitv))) != 0)
			return error;
	}
	if (SCARG(uap, itv) == NULL)
		return 0;
	it = &pr->ps_timer[which];
	it->it_interval.tv_sec = interval / 1000000000LL;
	it->it_interval.tv_nsec = interval % 1000000000LL;
	deadline = value;
	if (which == ITIMER_REAL) {
		timeout_del(&pr->ps_realit_to);
		if (value != 0)
			deadline += getnsecuptime();
	}
	it->it_value.tv_sec = deadline / 1000000000ULL;
	it->it_value.tv_nsec = deadline % 1000000000ULL;
	if (which == ITIMER_REAL && value != 0)
		timeout_abs_ts(&pr->ps_realit_to, &it->it_value);
	if (which != ITIMER_REAL) {
		if (timespecisset(&pr->ps_timer[ITIMER_VIRTUAL].it_value) ||
		    timespecisset(&pr->ps_timer[ITIMER_PROF].it_value))
			atomic_setbits_int(&pr->ps_flags, PS_ITIMER);
		else
			atomic_clearbits_int(&pr->ps_flags, PS_ITIMER);
	}
	return 0;
}
