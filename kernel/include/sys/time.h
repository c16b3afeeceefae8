/* sys/time.h: time values and the kernel's clock functions. */
#ifndef _SYS_TIME_H_
#define _SYS_TIME_H_

#include <sys/types.h>

struct timespec {
	time_t	tv_sec;
	long	tv_nsec;
};

/*
 * A timecounter: a free-running counter at tc_frequency Hz, read by
 * tc_get_timecount.  PORT: OpenBSD's counters are 32-bit and wrap; ours
 * returns 64 bits, counted since boot, so kern_tc.c needs no wrap logic.
 */
struct timecounter {
	uint64_t (*tc_get_timecount)(struct timecounter *);
	uint64_t tc_frequency;
	const char *tc_name;
};

void	tc_init(struct timecounter *);
void	nanouptime(struct timespec *);
uint64_t getnsecuptime(void);
void	tc_ticktock(uint64_t);
uint64_t getnsecuptime_tick(void);

struct timeval {
	time_t	tv_sec;
	long	tv_usec;
};

/* tsleep_nsec(): sleep with no time limit. */
#define INFSLP		UINT64_MAX
/* The longest a sleep can ask for: about 49 days of nanoseconds. */
#define MAXTSLP		(UINT64_MAX - 1)

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2

#define timespecclear(tsp)	((tsp)->tv_sec = (tsp)->tv_nsec = 0)
#define timespecisset(tsp)	((tsp)->tv_sec || (tsp)->tv_nsec)
#define timespeccmp(tsp, usp, cmp)					\
	(((tsp)->tv_sec == (usp)->tv_sec) ?				\
	    ((tsp)->tv_nsec cmp (usp)->tv_nsec) :			\
	    ((tsp)->tv_sec cmp (usp)->tv_sec))
#define timespecadd(tsp, usp, vsp) do {					\
	(vsp)->tv_sec = (tsp)->tv_sec + (usp)->tv_sec;			\
	(vsp)->tv_nsec = (tsp)->tv_nsec + (usp)->tv_nsec;		\
	if ((vsp)->tv_nsec >= 1000000000L) {				\
		(vsp)->tv_sec++;					\
		(vsp)->tv_nsec -= 1000000000L;				\
	}								\
} while (0)
#define timespecsub(tsp, usp, vsp) do {					\
	(vsp)->tv_sec = (tsp)->tv_sec - (usp)->tv_sec;			\
	(vsp)->tv_nsec = (tsp)->tv_nsec - (usp)->tv_nsec;		\
	if ((vsp)->tv_nsec < 0) {					\
		(vsp)->tv_sec--;					\
		(vsp)->tv_nsec += 1000000000L;				\
	}								\
} while (0)

#define timeradd(tvp, uvp, vvp) do {					\
	(vvp)->tv_sec = (tvp)->tv_sec + (uvp)->tv_sec;			\
	(vvp)->tv_usec = (tvp)->tv_usec + (uvp)->tv_usec;		\
	if ((vvp)->tv_usec >= 1000000) {				\
		(vvp)->tv_sec++;					\
		(vvp)->tv_usec -= 1000000;				\
	}								\
} while (0)

/* setitimer(2) and getitimer(2). */
struct itimerval {
	struct	timeval it_interval;	/* reload value */
	struct	timeval it_value;	/* time to the next expiry */
};

/* clock_gettime(2)'s clocks, OpenBSD's numbers. */
typedef int clockid_t;
#define CLOCK_REALTIME		0
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_MONOTONIC		3
#define CLOCK_THREAD_CPUTIME_ID	4
#define CLOCK_UPTIME		5
#define CLOCK_BOOTTIME		6

extern struct timespec boottime;
void	inittodr(time_t);
void	getmicrouptime(struct timeval *);
int	ratecheck(struct timeval *, const struct timeval *);

#define TIMESPEC_TO_NSEC(ts)	\
	((uint64_t)(ts)->tv_sec * 1000000000ULL + (ts)->tv_nsec)

#endif /* _SYS_TIME_H_ */
