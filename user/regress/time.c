/*
 * regress/time: clock_gettime, nanosleep, setitimer/getitimer and alarm.
 * Prints each check that fails; exits with how many did.
 */

#include <sys/types.h>
#include <sys/time.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int failures;
static volatile int alarms;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/time: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

static long long
ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void
on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/*
 * Clocks: real time from the RTC (no earlier than 2000-01-01, the date
 * the Bochs test runs start at), monotonic time that moves with sleeps.
 */
static void
test_clocks(void)
{
	struct timespec a, b, nap = { 0, 50000000 };

	CHECK(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec >= 946684800);
	CHECK(time(NULL) >= a.tv_sec);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	CHECK(nanosleep(&nap, NULL) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &b) == 0);
	CHECK(ns(&b) - ns(&a) >= 50000000);
	CHECK(clock_gettime(99, &a) == -1 && errno == EINVAL);
	nap.tv_nsec = 1000000000;
	CHECK(nanosleep(&nap, NULL) == -1 && errno == EINVAL);
}

/* ITIMER_REAL: SIGALRM on time, again each interval; alarm(). */
static void
test_itimer(void)
{
	struct itimerval itv = { { 0, 20000 }, { 0, 30000 } }, cur;
	struct sigaction sa = { .sa_handler = on_alarm };
	sigset_t none;

	sigemptyset(&none);
	CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
	alarms = 0;
	CHECK(setitimer(ITIMER_REAL, &itv, NULL) == 0);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0);
	CHECK(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec <= 30000);
	CHECK(cur.it_interval.tv_usec == 20000);
	while (alarms < 3)
		sigsuspend(&none);
	itv.it_value.tv_usec = 0;	/* stop it */
	CHECK(setitimer(ITIMER_REAL, &itv, NULL) == 0);
	CHECK(getitimer(ITIMER_REAL, &cur) == 0 && cur.it_value.tv_usec == 0);
	CHECK(alarm(5) == 0);
	CHECK(alarm(0) == 5);		/* 5 seconds were left */
	itv.it_value.tv_usec = 1000000;
	CHECK(setitimer(ITIMER_REAL, &itv, NULL) == -1 && errno == EINVAL);
	CHECK(setitimer(7, &itv, NULL) == -1 && errno == EINVAL);
}

int
main(void)
{
	test_clocks();
	test_itimer();
	printf("regress/time: %d failures\n", failures);
	return failures;
}
