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
