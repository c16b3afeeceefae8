/*
 * tests/host/test_libc.c: host tests for the user C library's number and
 * calendar code, user/lib/strtod.c, math.c and time.c, compared with the
 * host's C library (glibc) on many inputs.
 *
 * strtod and strtof must give glibc's bits for random decimal strings
 * (short and 1200 digits long, exact halfway points between doubles and
 * floats, the edges of the range) and random hexadecimal ones; math.c's
 * functions glibc's bits for random doubles (subnormals, NaNs, integers,
 * halves); gmtime, timegm (with fields out of range) and strftime
 * (every conversion) glibc's results under TZ=UTC over +-3000 years and
 * more.  Where glibc differs on purpose the test says so: %Z (glibc
 * names UTC "GMT"), %C before year 1000 (POSIX pads to two digits), and
 * ERANGE for a result that rounds up to DBL_MIN.  The random inputs come
 * from a fixed seed, so a failure repeats.
 */

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <cmocka.h>

/* Tine's functions get a t_ prefix; the plain names stay glibc's. */
#define strtod		t_strtod
#define strtof		t_strtof
#define strtold		t_strtold
#define atof		t_atof
#define fabs		t_fabs
#define copysign	t_copysign
#define trunc		t_trunc
#define floor		t_floor
#define ceil		t_ceil
#define round		t_round
#define modf		t_modf
#define frexp		t_frexp
#define ldexp		t_ldexp
#define scalbn		t_scalbn
#define fmod		t_fmod
#define sqrt		t_sqrt
#define fmin		t_fmin
#define fmax		t_fmax
#define fabsf		t_fabsf
#define sqrtf		t_sqrtf
#define floorf		t_floorf
#define ceilf		t_ceilf
#define truncf		t_truncf
#define roundf		t_roundf
#define fmodf		t_fmodf
#define time		t_time
#define gettimeofday	t_gettimeofday
#define clock		t_clock
#define difftime	t_difftime
#define tzset		t_tzset
#define tzname		t_tzname
#define gmtime_r	t_gmtime_r
#define gmtime		t_gmtime
#define localtime_r	t_localtime_r
#define localtime	t_localtime
#define timegm		t_timegm
#define mktime		t_mktime
#define asctime_r	t_asctime_r
#define asctime		t_asctime
#define ctime_r		t_ctime_r
#define ctime		t_ctime
#define strftime	t_strftime

/* The renamed prototypes (the headers above were read before renaming). */
double	strtod(const char *, char **);
float	strtof(const char *, char **);
long double strtold(const char *, char **);
double	atof(const char *);
double	fabs(double);
double	copysign(double, double);
double	trunc(double);
double	floor(double);
double	ceil(double);
double	round(double);
double	modf(double, double *);
double	frexp(double, int *);
double	ldexp(double, int);
double	scalbn(double, int);
double	fmod(double, double);
double	sqrt(double);
double	fmin(double, double);
double	fmax(double, double);
float	fabsf(float);
float	sqrtf(float);
float	floorf(float);
float	ceilf(float);
float	truncf(float);
float	roundf(float);
float	fmodf(float, float);
time_t	time(time_t *);
int	gettimeofday(struct timeval *, struct timezone *);
clock_t	clock(void);
double	difftime(time_t, time_t);
void	tzset(void);
struct tm *gmtime_r(const time_t *, struct tm *);
struct tm *gmtime(const time_t *);
struct tm *localtime_r(const time_t *, struct tm *);
struct tm *localtime(const time_t *);
time_t	timegm(struct tm *);
time_t	mktime(struct tm *);
char	*asctime_r(const struct tm *, char *);
char	*asctime(const struct tm *);
char	*ctime_r(const time_t *, char *);
char	*ctime(const time_t *);
size_t	strftime(char *, size_t, const char *, const struct tm *);

#include "../../user/lib/strtod.c"
#include "../../user/lib/math.c"
#include "../../user/lib/time.c"

#undef strtod
#undef strtof
#undef fabs
#undef copysign
#undef trunc
#undef floor
#undef ceil
#undef round
#undef modf
#undef frexp
#undef scalbn
#undef fmod
#undef sqrt
#undef fmin
#undef fmax
#undef sqrtf
#undef gmtime_r
#undef timegm
#undef strftime
#undef asctime_r

/* ---- a fixed stream of random numbers ---------------------------------- */

static uint64_t rng = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double
dbl(uint64_t u)
{
	double d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/* The same bits, or both NaN. */
static int
same(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0 || (isnan(a) && isnan(b));
}

static int
samef(float a, float b)
{
	return memcmp(&a, &b, sizeof(a)) == 0 || (isnan(a) && isnan(b));
}

/* ---- strtod ------------------------------------------------------------- */

/* Ours and glibc's: the same value, end, and ERANGE (see the header). */
static void
strtod_matches(const char *s)
{
	char *e1, *e2;
	double a, b;
	float fa, fb;
	int r1, r2;

	errno = 0;
	a = strtod(s, &e1);
	r1 = errno == ERANGE;
	errno = 0;
	b = t_strtod(s, &e2);
	r2 = errno == ERANGE;
	if (!same(a, b) || e1 != e2)
		fail_msg("strtod(\"%.60s\"): glibc %a, Tine %a", s, a, b);
	if (r1 != r2 && (a == 0 || isinf(a) || fabs(a) < 0x1p-1022 / 2))
		fail_msg("strtod(\"%.60s\"): ERANGE %d, Tine %d", s, r1, r2);
	fa = strtof(s, &e1);
	fb = t_strtof(s, &e2);
	if (!samef(fa, fb) || e1 != e2)
		fail_msg("strtof(\"%.60s\"): glibc %a, Tine %a", s, fa, fb);
}

static void
test_strtod_fixed(void **state)
{
	static const char *const cases[] = { "0", "-0", "1", "0.1", "1e23",
	    "2.5e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
	    "4.9406564584124654e-324", "1.7976931348623157e308",
	    "1.7976931348623158e308", "1.7976931348623159e308", "1e309",
	    "1e-400", "inf", "-Infinity", "nan", "nan(123)", "nan(", "0x1.8p3",
	    "0x", "0x.8", "0x1p-1074", "0x1p-1075", "0x1.fffffffffffff8p1023",
	    "  +12.5e-1xyz", "1e", "1e+", ".e1", ".", "-.5", "1.", "",
	    "123456789012345678901234567890", "9007199254740993",
	    "2.2250738585072011e-308", "9007199254740993.0000000001",
	    "3.4028235e38", "3.4028236e38", "1.4e-45", "7e-46", "7.1e-46",
	    "0x1.fffffep127", "0x1.ffffffp127", "1.000000059604644775390625",
	    "1.00000005960464477539062501", "0e99999", "1e-99999", NULL };
	int i;

	(void)state;
	for (i = 0; cases[i] != NULL; i++)
		strtod_matches(cases[i]);
	/* glibc 2.36 rounds some long hex subnormals wrongly: Python's. */
	assert_true(same(t_strtod("0x2d0352db349.1f5p-1065", NULL),
	    0x0.5a06a5b66923fp-1022));
	assert_true(samef(t_strtof("0x1e.21f53p-131", NULL), 0x1.e21f54p-127f));
}

/* Decimal text at an exact halfway point, or random digits. */
static void
random_decimal(char *buf, size_t size)
{
	double d = dbl(rnd() & 0x7fffffffffffffffULL);
	long double h;
	int i, k = 0, nd;

	switch (rnd() % 4) {
	case 0:
		if (isfinite(d))
			snprintf(buf, size, "%.*g", (int)(rnd() % 20) + 1, d);
		else
			snprintf(buf, size, "1");
		break;
	case 1:
		if (!isfinite(d) || d == 0x1.fffffffffffffp1023)
			d = 1;
		h = (long double)d + ((long double)nextafter(d, INFINITY) - d) /
		    2;
		snprintf(buf, size, "%.800Lg", h);
		break;
	case 2:
		nd = rnd() % 30 + 1;
		for (i = 0; i < nd; i++)
			buf[k++] = '0' + rnd() % 10;
		snprintf(buf + k, size - k, "e%d", (int)(rnd() % 700) - 350);
		break;
	default:
		nd = rnd() % 1200 + 1;
		buf[k++] = '0';
		buf[k++] = '.';
		for (i = 0; i < nd; i++)
			buf[k++] = '0' + rnd() % 10;
		snprintf(buf + k, size - k, "e%d", (int)(rnd() % 700) - 340);
		break;
	}
}

static void
test_strtod_random(void **state)
{
	char buf[1400];
	int i;

	(void)state;
	for (i = 0; i < 20000; i++) {
		random_decimal(buf, sizeof(buf));
		strtod_matches(buf);
		/* Hexadecimal, normal results (see test_strtod_fixed). */
		snprintf(buf, sizeof(buf), "0x%llx.%llxp%d",
		    (unsigned long long)(rnd() >> (rnd() % 64)),
		    (unsigned long long)(rnd() >> (rnd() % 64)),
		    (int)(rnd() % 1800) - 900);
		strtod_matches(buf);
	}
}

/* ---- math.c ------------------------------------------------------------- */

static double
random_double(void)
{
	switch (rnd() % 5) {
	case 0:
		return dbl(rnd());
	case 1:
		return (double)((int64_t)(rnd() % 2000000) - 1000000) / 8;
	case 2:
		return dbl(rnd() & 0x800fffffffffffffULL);	/* subnormal */
	case 3:
		return (double)(int64_t)(rnd() >> (rnd() % 64)) + 0.5;
	default:
		return dbl((rnd() & 0x3fffffffffffffffULL) |
		    0x3f00000000000000ULL);
	}
}

#define SAME1(f, x) do {						\
	if (!same(f(x), t_##f(x)))					\
		fail_msg(#f "(%a): glibc %a, Tine %a", (x), f(x), t_##f(x)); \
} while (0)

static void
test_math_random(void **state)
{
	double x, y, i1, i2;
	int i, e1, e2, n;

	(void)state;
	for (i = 0; i < 200000; i++) {
		x = random_double();
		y = random_double();
		SAME1(fabs, x);
		SAME1(trunc, x);
		SAME1(floor, x);
		SAME1(ceil, x);
		SAME1(round, x);
		SAME1(sqrt, x);
		assert_true(same(modf(x, &i1), t_modf(x, &i2)) &&
		    same(i1, i2));
		assert_true(same(frexp(x, &e1), t_frexp(x, &e2)));
		assert_true(e1 == e2 || !isfinite(x));
		n = (int)(rnd() % 4400) - 2200;
		if (!same(scalbn(x, n), t_scalbn(x, n)))
			fail_msg("scalbn(%a, %d)", x, n);
		if (!same(fmod(x, y), t_fmod(x, y)))
			fail_msg("fmod(%a, %a): glibc %a, Tine %a", x, y,
			    fmod(x, y), t_fmod(x, y));
		assert_true(same(copysign(x, y), t_copysign(x, y)));
		if (!isnan(x) && !isnan(y)) {	/* glibc: sNaN in, NaN out */
			assert_true(same(fmin(x, y), t_fmin(x, y)));
			assert_true(same(fmax(x, y), t_fmax(x, y)));
		}
		assert_true(samef(sqrtf((float)x), t_sqrtf((float)x)));
	}
	errno = 0;
	assert_true(isnan(t_sqrt(-1)) && errno == EDOM);
}

/* ---- time.c ------------------------------------------------------------- */

#define ALLCONV	"%a %A %b %B %c %d %D %e %F %g %G %h %H %I %j %k %l %m " \
		"%M %n %p %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z " \
		"%% %Ey %Od"

static time_t
random_time(void)
{
	switch (rnd() % 3) {
	case 0:		/* +-3000 years */
		return (time_t)(rnd() % 200000000000ULL) - 100000000000LL;
	case 1:		/* 1906 to 2223 */
		return (time_t)(rnd() % 10000000000ULL) - 2000000000LL;
	default:	/* anything, to the ends of time_t */
		return (time_t)(rnd() >> (rnd() % 64));
	}
}

static void
test_time_random(void **state)
{
	char s1[512], s2[512];
	struct tm a, b, c, d;
	time_t t, x, y;
	int i;

	(void)state;
	setenv("TZ", "UTC", 1);
	for (i = 0; i < 100000; i++) {
		t = random_time();
		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		if (gmtime_r(&t, &a) == NULL) {
			assert_null(t_gmtime_r(&t, &b));
			continue;
		}
		assert_non_null(t_gmtime_r(&t, &b));
		assert_true(a.tm_sec == b.tm_sec && a.tm_min == b.tm_min &&
		    a.tm_hour == b.tm_hour && a.tm_mday == b.tm_mday &&
		    a.tm_mon == b.tm_mon && a.tm_year == b.tm_year &&
		    a.tm_wday == b.tm_wday && a.tm_yday == b.tm_yday);
		assert_int_equal(t_timegm(&b), t);
		if (a.tm_year >= -900 && a.tm_year < 8000) {
			assert_int_equal(strftime(s1, sizeof(s1), ALLCONV, &a),
			    t_strftime(s2, sizeof(s2), ALLCONV, &b));
			assert_string_equal(s1, s2);
			asctime_r(&a, s1);
			assert_string_equal(s1, t_asctime_r(&b, s2));
		}
		/* Fields out of range carry over the same way. */
		c = a;
		c.tm_mon += (int)(rnd() % 2000) - 1000;
		c.tm_mday += (int)(rnd() % 2000) - 1000;
		c.tm_sec += (int)(rnd() % 200000) - 100000;
		d = c;
		x = timegm(&c);
		y = t_timegm(&d);
		assert_int_equal(x, y);
		assert_true(c.tm_mday == d.tm_mday && c.tm_mon == d.tm_mon &&
		    c.tm_year == d.tm_year && c.tm_wday == d.tm_wday &&
		    c.tm_yday == d.tm_yday && c.tm_hour == d.tm_hour);
	}
}

static void
test_strftime_edges(void **state)
{
	struct tm tm;
	time_t t = -15000000000LL;	/* 1494 */
	char buf[16];

	(void)state;
	t_gmtime_r(&t, &tm);
	assert_int_equal(t_strftime(buf, sizeof(buf), "%C %Z", &tm), 6);
	assert_string_equal(buf, "14 UTC");
	t = 0;
	t_gmtime_r(&t, &tm);
	assert_int_equal(t_strftime(buf, 8, "%Y-%m", &tm), 7);
	assert_int_equal(t_strftime(buf, 7, "%Y-%m", &tm), 0);
	assert_int_equal(t_strftime(buf, 0, "%Y", &tm), 0);
	assert_int_equal(t_strftime(buf, sizeof(buf), "%q %", &tm), 4);
	assert_string_equal(buf, "%q %");	/* not conversions: as is */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strtod_fixed),
		cmocka_unit_test(test_strtod_random),
		cmocka_unit_test(test_math_random),
		cmocka_unit_test(test_time_random),
		cmocka_unit_test(test_strftime_edges),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
