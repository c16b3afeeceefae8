/*
 * time.h: clocks and sleeps (system calls), the calendar and its text
 * (user/lib/time.c).  No time zones: local time is UTC.
 */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/types.h>
#include <sys/time.h>
#include <stddef.h>

#define CLOCKS_PER_SEC	100	/* clock()'s unit, as OpenBSD's */

typedef int64_t	clock_t;

/* A broken-down time (OpenBSD's, with tm_gmtoff and tm_zone). */
struct tm {
	int	tm_sec;		/* seconds after the minute [0-60] */
	int	tm_min;		/* minutes after the hour [0-59] */
	int	tm_hour;	/* hours since midnight [0-23] */
	int	tm_mday;	/* day of the month [1-31] */
	int	tm_mon;		/* months since January [0-11] */
	int	tm_year;	/* years since 1900 */
	int	tm_wday;	/* days since Sunday [0-6] */
	int	tm_yday;	/* days since January 1 [0-365] */
	int	tm_isdst;	/* summer time in effect? (never: 0) */
	long	tm_gmtoff;	/* seconds east of UTC (0) */
	char	*tm_zone;	/* the zone's abbreviation ("UTC") */
};

extern char *tzname[2];

int	nanosleep(const struct timespec *, struct timespec *);
int	clock_gettime(clockid_t, struct timespec *);
time_t	time(time_t *);
clock_t	clock(void);
double	difftime(time_t, time_t);
void	tzset(void);
struct tm *gmtime(const time_t *);
struct tm *gmtime_r(const time_t *, struct tm *);
struct tm *localtime(const time_t *);
struct tm *localtime_r(const time_t *, struct tm *);
time_t	mktime(struct tm *);
time_t	timegm(struct tm *);
char	*asctime(const struct tm *);
char	*asctime_r(const struct tm *, char *);
char	*ctime(const time_t *);
char	*ctime_r(const time_t *, char *);
size_t	strftime(char *, size_t, const char *, const struct tm *);

#endif /* _TIME_H_ */
