/*
 * user/lib/time.c: <time.h> over clock_gettime(2): time, clock,
 * difftime, gettimeofday, the calendar (gmtime, localtime, mktime,
 * timegm), and the text forms (asctime, ctime, strftime).
 *
 * There are no time zones: local time is UTC, TZ is not read, tzset()
 * does nothing and tm_zone is "UTC".  The calendar is the proleptic
 * Gregorian one in both directions (before 1582 and before year 1
 * too), as POSIX and C want it; a time_t is 64 bits, so the limit is
 * tm_year, an int (EOVERFLOW past it).  The "C" locale's names only.
 *
 * The calendar works with days since 1970-01-01: year_days() gives the
 * first day of a year from its count of leap years, and days_to_tm()
 * goes back by guessing the year from the 400-year cycle (146097 days)
 * and stepping it once or twice.
 */

#include <sys/types.h>
#include <sys/time.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define SECSPERDAY	86400
#define DAYSPER400Y	146097		/* days in 400 Gregorian years */
#define EPOCH_WDAY	4		/* 1970-01-01 was a Thursday */

char	*tzname[2] = { "UTC", "UTC" };

static const char *const wday_name[7] = { "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const mon_name[12] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };
/* Days in the year before each month, in a year that is not leap. */
static const int mon_start[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243,
    273, 304, 334 };

time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
		return -1;
	if (t != NULL)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int
gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec ts;

	if (tv != NULL) {
		if (clock_gettime(CLOCK_REALTIME, &ts) == -1)
			return -1;
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	if (tz != NULL)
		tz->tz_minuteswest = tz->tz_dsttime = 0;	/* UTC */
	return 0;
}

/* The process's CPU time (user and system) in CLOCKS_PER_SEC units. */
clock_t
clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == -1)
		return -1;
	return (clock_t)ts.tv_sec * CLOCKS_PER_SEC +
	    ts.tv_nsec / (1000000000 / CLOCKS_PER_SEC);
}

double
difftime(time_t t1, time_t t0)
{
	return (double)(t1 - t0);
}

void
tzset(void)
{
}

/* ---- the calendar ---- */

/* a / b rounded down (C's / rounds toward 0), for times before 1970. */
static int64_t
fdiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
isleap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Leap years from year 1 to y - 1 (negative for years before 1). */
static int64_t
leaps_before(int64_t y)
{
	return fdiv(y - 1, 4) - fdiv(y - 1, 100) + fdiv(y - 1, 400);
}

/* Days from 1970-01-01 to the first of January of year y. */
static int64_t
year_days(int64_t y)
{
	return 365 * (y - 1970) + leaps_before(y) - leaps_before(1970);
}

/* Days before month m (0-11) in year y. */
static int
month_days(int64_t y, int m)
{
	return mon_start[m] + (m > 1 && isleap(y));
}

/*
 * Seconds t since the epoch as a broken-down UTC time in *tm.
 * => returns tm, or NULL (EOVERFLOW) if the year does not fit tm_year.
 */
static struct tm *
time_to_tm(int64_t t, struct tm *tm)
{
	int64_t days = fdiv(t, SECSPERDAY), secs = t - days * SECSPERDAY, y;
	int m;

	/* The year: a guess from the 400-year cycle, then a step or two. */
	y = 1970 + fdiv(days * 400, DAYSPER400Y);
	while (year_days(y) > days)
		y--;
	while (year_days(y + 1) <= days)
		y++;
	if (y - 1900 > INT_MAX || y - 1900 < INT_MIN) {
		errno = EOVERFLOW;
		return NULL;
	}
	tm->tm_year = y - 1900;
	tm->tm_yday = days - year_days(y);
	for (m = 11; month_days(y, m) > tm->tm_yday; m--)
		continue;
	tm->tm_mon = m;
	tm->tm_mday = tm->tm_yday - month_days(y, m) + 1;
	tm->tm_wday = (days % 7 + 7 + EPOCH_WDAY) % 7;
	tm->tm_hour = secs / 3600;
	tm->tm_min = secs / 60 % 60;
	tm->tm_sec = secs % 60;
	tm->tm_isdst = 0;
	tm->tm_gmtoff = 0;
	tm->tm_zone = "UTC";
	return tm;
}

struct tm *
gmtime_r(const time_t *t, struct tm *tm)
{
	return time_to_tm(*t, tm);
}

struct tm *
gmtime(const time_t *t)
{
	static struct tm tm;

	return gmtime_r(t, &tm);
}

/* Local time is UTC: there are no time zones. */
struct tm *
localtime_r(const time_t *t, struct tm *tm)
{
	return gmtime_r(t, tm);
}

struct tm *
localtime(const time_t *t)
{
	return gmtime(t);
}

/*
 * The time_t of broken-down UTC time *tm, whose fields may be out of
 * their ranges (the 32nd of January, minute -5): they carry over, and
 * *tm is rewritten normalised, with tm_wday and tm_yday set.  tm_isdst
 * is ignored (UTC has no summer time) and comes back 0.
 * => returns the time, or -1 (EOVERFLOW) if the result has no struct tm.
 */
time_t
timegm(struct tm *tm)
{
	int64_t y = tm->tm_year + (int64_t)1900, m = tm->tm_mon, t;

	y += fdiv(m, 12);
	m -= fdiv(m, 12) * 12;
	t = (year_days(y) + month_days(y, m) + tm->tm_mday - 1) * SECSPERDAY +
	    tm->tm_hour * (int64_t)3600 + tm->tm_min * (int64_t)60 +
	    tm->tm_sec;
	if (time_to_tm(t, tm) == NULL)
		return -1;
	return t;
}

time_t
mktime(struct tm *tm)
{
	return timegm(tm);
}

/* ---- text ---- */

/* The first three letters of a name, or "???" if i is out of range. */
static const char *
abbrev(const char *const *names, int n, int i, char buf[4])
{
	if (i < 0 || i >= n)
		return "???";
	memcpy(buf, names[i], 3);
	buf[3] = '\0';
	return buf;
}

/* "Thu Jan  1 00:00:00 1970\n" into buf (at least 26 bytes). */
char *
asctime_r(const struct tm *tm, char *buf)
{
	char w[4], m[4];

	if (snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %lld\n",
	    abbrev(wday_name, 7, tm->tm_wday, w),
	    abbrev(mon_name, 12, tm->tm_mon, m), tm->tm_mday, tm->tm_hour,
	    tm->tm_min, tm->tm_sec, tm->tm_year + 1900LL) >= 26) {
		errno = EOVERFLOW;	/* a year past 9999 */
		return NULL;
	}
	return buf;
}

char *
asctime(const struct tm *tm)
{
	static char buf[26];

	return asctime_r(tm, buf);
}

char *
ctime_r(const time_t *t, char *buf)
{
	struct tm tm;

	if (localtime_r(t, &tm) == NULL)
		return NULL;
	return asctime_r(&tm, buf);
}

char *
ctime(const time_t *t)
{
	static char buf[26];

	return ctime_r(t, buf);
}

/* ---- strftime ---- */

/* strftime's output: where the next character goes, the room left. */
struct out {
	char	*p;
	size_t	left;		/* the NUL's byte included */
	int	full;		/* it ran out */
};

static void
out_str(struct out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (o->left <= 1) {
			o->full = 1;
			return;
		}
		*o->p++ = *s;
		o->left--;
	}
}

static void
out_num(struct out *o, const char *fmt, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), fmt, v);
	out_str(o, buf);
}

/* The name names[i], or "?" if i is out of range. */
static const char *
name(const char *const *names, int n, int i)
{
	return i >= 0 && i < n ? names[i] : "?";
}

/* ISO 8601 weeks in year y, whose January 1st is weekday jan1. */
static int
iso_weeks(int64_t y, int jan1)
{
	return jan1 == 4 || (jan1 == 3 && isleap(y)) ? 53 : 52;
}

/*
 * tm's ISO 8601 week (weeks start on Monday; week 1 is the one with the
 * year's first Thursday) and, in *year, the year that week belongs to:
 * around New Year it can be the one before or after.
 */
static int
iso_week(const struct tm *tm, long long *year)
{
	int64_t y = tm->tm_year + 1900LL;
	int monday0 = (tm->tm_wday + 6) % 7;	/* Monday 0 ... Sunday 6 */
	int jan1 = ((tm->tm_wday - tm->tm_yday) % 7 + 7) % 7;
	int w = (tm->tm_yday - monday0 + 10) / 7;

	if (w < 1) {			/* the last week of the year before */
		y--;
		w = iso_weeks(y, ((jan1 - 365 - isleap(y)) % 7 + 7) % 7);
	} else if (w > iso_weeks(y, jan1)) {
		y++;			/* week 1 of the next year */
		w = 1;
	}
	*year = y;
	return w;
}

static void format(struct out *, const char *, const struct tm *);

/* One conversion, c, of tm. */
static void
conv(struct out *o, int c, const struct tm *tm)
{
	long long y = tm->tm_year + 1900LL, iy;
	int h12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
	struct tm copy;
	char b[4];

	switch (c) {
	case 'a':
		out_str(o, abbrev(wday_name, 7, tm->tm_wday, b));
		break;
	case 'A':
		out_str(o, name(wday_name, 7, tm->tm_wday));
		break;
	case 'b':
	case 'h':
		out_str(o, abbrev(mon_name, 12, tm->tm_mon, b));
		break;
	case 'B':
		out_str(o, name(mon_name, 12, tm->tm_mon));
		break;
	case 'c':
		format(o, "%a %b %e %H:%M:%S %Y", tm);
		break;
	case 'C':
		out_num(o, "%02lld", fdiv(y, 100));
		break;
	case 'd':
		out_num(o, "%02lld", tm->tm_mday);
		break;
	case 'D':
	case 'x':
		format(o, "%m/%d/%y", tm);
		break;
	case 'e':
		out_num(o, "%2lld", tm->tm_mday);
		break;
	case 'F':
		format(o, "%Y-%m-%d", tm);
		break;
	case 'g':
	case 'G':
		iso_week(tm, &iy);
		out_num(o, c == 'G' ? "%lld" : "%02lld",
		    c == 'G' ? iy : (iy % 100 + 100) % 100);
		break;
	case 'H':
	case 'k':
		out_num(o, c == 'H' ? "%02lld" : "%2lld", tm->tm_hour);
		break;
	case 'I':
	case 'l':
		out_num(o, c == 'I' ? "%02lld" : "%2lld", h12);
		break;
	case 'j':
		out_num(o, "%03lld", tm->tm_yday + 1);
		break;
	case 'm':
		out_num(o, "%02lld", tm->tm_mon + 1);
		break;
	case 'M':
		out_num(o, "%02lld", tm->tm_min);
		break;
	case 'n':
		out_str(o, "\n");
		break;
	case 'p':
		out_str(o, tm->tm_hour < 12 ? "AM" : "PM");
		break;
	case 'r':
		format(o, "%I:%M:%S %p", tm);
		break;
	case 'R':
		format(o, "%H:%M", tm);
		break;
	case 's':
		copy = *tm;
		out_num(o, "%lld", timegm(&copy) - tm->tm_gmtoff);
		break;
	case 'S':
		out_num(o, "%02lld", tm->tm_sec);
		break;
	case 't':
		out_str(o, "\t");
		break;
	case 'T':
	case 'X':
		format(o, "%H:%M:%S", tm);
		break;
	case 'u':
		out_num(o, "%lld", tm->tm_wday == 0 ? 7 : tm->tm_wday);
		break;
	case 'U':
		out_num(o, "%02lld", (tm->tm_yday + 7 - tm->tm_wday) / 7);
		break;
	case 'V':
		out_num(o, "%02lld", iso_week(tm, &iy));
		break;
	case 'w':
		out_num(o, "%lld", tm->tm_wday);
		break;
	case 'W':
		out_num(o, "%02lld",
		    (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7);
		break;
	case 'y':
		out_num(o, "%02lld", (y % 100 + 100) % 100);
		break;
	case 'Y':
		out_num(o, "%lld", y);
		break;
	case 'z':
		out_str(o, tm->tm_gmtoff < 0 ? "-" : "+");
		out_num(o, "%04lld", (tm->tm_gmtoff < 0 ? -tm->tm_gmtoff :
		    tm->tm_gmtoff) / 3600 * 100 +
		    (tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff) /
		    60 % 60);
		break;
	case 'Z':
		out_str(o, tm->tm_zone != NULL ? tm->tm_zone : "UTC");
		break;
	case '%':
		out_str(o, "%");
		break;
	default:		/* not a conversion: as it is */
		b[0] = '%';
		b[1] = c;
		b[2] = '\0';
		out_str(o, b);
		break;
	}
}

/* fmt's text and conversions; E and O (other locales' forms) skipped. */
static void
format(struct out *o, const char *fmt, const struct tm *tm)
{
	char c[2] = { 0, 0 };

	for (; *fmt != '\0' && !o->full; fmt++) {
		if (*fmt != '%') {
			c[0] = *fmt;
			out_str(o, c);
			continue;
		}
		if (fmt[1] == 'E' || fmt[1] == 'O')
			fmt++;
		if (fmt[1] == '\0') {
			out_str(o, "%");
			break;
		}
		conv(o, *++fmt, tm);
	}
}

/*
 * tm as fmt says, into buf (size bytes), in the "C" locale.
 * => returns the characters written, the NUL not counted; 0 if they and
 *    the NUL did not fit (buf's contents are then unspecified).
 */
size_t
strftime(char *buf, size_t size, const char *fmt, const struct tm *tm)
{
	struct out o = { buf, size, 0 };

	if (size == 0)
		return 0;
	format(&o, fmt, tm);
	*o.p = '\0';
	return o.full ? 0 : (size_t)(o.p - buf);
}
