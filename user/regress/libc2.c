/*
 * regress/libc2: the second half of the C library's checks, with exact
 * values: stdio's positioning (fseek, ftell, rewind, fgetpos) on ramdisk
 * files, getline over a pipe, stdout's buffering when it is a pipe and
 * output across fork (the demos through a pipe print each line once),
 * the scanf family, strtod, the time conversions and strftime, and
 * <math.h>.  Prints each check that fails; exits with how many did.
 *
 * Run with an argument it is a helper for the buffering checks: the
 * parent execs it with stdout on a pipe, so that stdout's first write
 * sees a pipe (see child_main).
 */

#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MOTD_SIZE	58	/* bytes in /etc/motd */
#define SELF		"/regress/libc2"

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/libc2: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* ---- stdio: positions --------------------------------------------------- */

/* The whole of path, by read(2), into buf; its length, or -1. */
static ssize_t
slurp(const char *path, char *buf, size_t size)
{
	ssize_t n, len = 0;
	int fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return -1;
	while ((n = read(fd, buf + len, size - len)) > 0)
		len += n;
	close(fd);
	return len;
}

static void
test_seek_motd(void)
{
	char want[MOTD_SIZE + 1], got[8];
	fpos_t pos;
	FILE *fp;

	CHECK(slurp("/etc/motd", want, sizeof(want)) == MOTD_SIZE);
	if ((fp = fopen("/etc/motd", "r")) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	CHECK(ftell(fp) == 0);
	CHECK(fgetc(fp) == 'W' && ftell(fp) == 1);
	CHECK(fseek(fp, 0, SEEK_END) == 0 && ftell(fp) == MOTD_SIZE);
	CHECK(fgetc(fp) == EOF && feof(fp));
	CHECK(fseek(fp, -5, SEEK_END) == 0 && !feof(fp));
	CHECK(ftell(fp) == MOTD_SIZE - 5);
	CHECK(fread(got, 1, 8, fp) == 5 &&
	    memcmp(got, want + MOTD_SIZE - 5, 5) == 0);
	CHECK(fseek(fp, 3, SEEK_SET) == 0 && fgetc(fp) == want[3]);
	CHECK(fseek(fp, 2, SEEK_CUR) == 0 && ftell(fp) == 6);
	CHECK(fgetc(fp) == want[6] && ftell(fp) == 7);
	/* ungetc's byte counts: the position goes back by one. */
	CHECK(ungetc('!', fp) == '!' && ftell(fp) == 6);
	CHECK(fseek(fp, 1, SEEK_CUR) == 0 && fgetc(fp) == want[7]);
	CHECK(fgetpos(fp, &pos) == 0 && pos == 8);
	rewind(fp);
	CHECK(ftell(fp) == 0 && fgetc(fp) == 'W');
	CHECK(fsetpos(fp, &pos) == 0 && fgetc(fp) == want[8]);
	errno = 0;
	CHECK(fseek(fp, 0, 42) == -1 && errno == EINVAL);
	CHECK(fseek(fp, -1, SEEK_SET) == -1 && errno == EINVAL);
	CHECK(ftell(fp) == 9);		/* a failed seek moves nothing */
	CHECK(fclose(fp) == 0);
}

/* A binary: SEEK_END is its size as stat says; the ELF magic at 0. */
static void
test_seek_binary(void)
{
	struct stat sb;
	char magic[4];
	FILE *fp;

	CHECK(stat("/bin/true", &sb) == 0 && sb.st_size > 1000);
	if ((fp = fopen("/bin/true", "r")) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	CHECK(fseeko(fp, 0, SEEK_END) == 0 && ftello(fp) == sb.st_size);
	CHECK(fseek(fp, -(long)sb.st_size, SEEK_CUR) == 0);
	CHECK(fread(magic, 1, 4, fp) == 4 && memcmp(magic, "\177ELF", 4) == 0);
	/* Far past the buffer and back again. */
	CHECK(fseek(fp, 3000, SEEK_SET) == 0 && ftell(fp) == 3000);
	fgetc(fp);
	CHECK(fseek(fp, -2000, SEEK_CUR) == 0 && ftell(fp) == 1001);
	CHECK(fclose(fp) == 0);
}

/* A pipe has no position: ESPIPE from ftell and fseek. */
static void
test_seek_pipe(void)
{
	int p[2];
	FILE *fp;

	CHECK(pipe(p) == 0);
	CHECK((fp = fdopen(p[0], "r")) != NULL);
	if (fp == NULL)
		return;
	errno = 0;
	CHECK(ftell(fp) == -1 && errno == ESPIPE);
	errno = 0;
	CHECK(fseek(fp, 0, SEEK_SET) == -1 && errno == ESPIPE);
	fclose(fp);
	close(p[1]);
}

/* ---- stdio: getline ----------------------------------------------------- */

#define LONG1	300		/* longer than getline's first buffer */
#define LONG2	2500		/* longer than BUFSIZ: two refills */

/* A child writes lines of LONG1 and LONG2 bytes and more into a pipe. */
static pid_t
line_writer(int *rfd)
{
	static char big[LONG2];
	int p[2], i;
	pid_t pid;

	if (pipe(p) == -1)
		return -1;
	if ((pid = fork()) == 0) {
		close(p[0]);
		for (i = 0; i < LONG2 - 1; i++)
			big[i] = 'a' + i % 26;
		big[LONG1 - 1] = '\n';
		write(p[1], big, LONG1);
		big[LONG1 - 1] = 'x';
		big[LONG2 - 1] = '\n';
		/* In pieces, so the reader sees short reads too. */
		write(p[1], big, 1000);
		write(p[1], big + 1000, LONG2 - 1000);
		write(p[1], "short\na:b:c", 11);
		_exit(0);
	}
	close(p[1]);
	*rfd = p[0];
	return pid;
}

static void
test_getline(void)
{
	char *line = NULL;
	size_t size = 0;
	int fd, status;
	pid_t pid;
	FILE *fp;

	CHECK((pid = line_writer(&fd)) > 0);
	if (pid <= 0 || (fp = fdopen(fd, "r")) == NULL)
		return;
	CHECK(getline(&line, &size, fp) == LONG1);
	CHECK(line != NULL && size > LONG1 && strlen(line) == LONG1);
	CHECK(line != NULL && line[0] == 'a' && line[LONG1 - 2] ==
	    'a' + (LONG1 - 2) % 26 && line[LONG1 - 1] == '\n');
	CHECK(getline(&line, &size, fp) == LONG2 && size > LONG2);
	CHECK(line[LONG1 - 1] == 'x' && line[LONG2 - 1] == '\n' &&
	    line[LONG2] == '\0');
	CHECK(getline(&line, &size, fp) == 6 && strcmp(line, "short\n") == 0);
	CHECK(getdelim(&line, &size, ':', fp) == 2 && strcmp(line, "a:") == 0);
	CHECK(getdelim(&line, &size, ':', fp) == 2 && strcmp(line, "b:") == 0);
	/* The last line has no delimiter; then end of file. */
	CHECK(getline(&line, &size, fp) == 1 && strcmp(line, "c") == 0);
	CHECK(getline(&line, &size, fp) == -1 && feof(fp));
	errno = 0;
	CHECK(getline(NULL, &size, fp) == -1 && errno == EINVAL);
	free(line);
	fclose(fp);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
}

/* ---- strtod ------------------------------------------------------------- */

/* strtod(s) must be want exactly (the same bits), ending at end. */
#define STRTOD(s, want, rest) do {					\
	double v_ = (want), g_;						\
	char *e_;							\
									\
	g_ = strtod(s, &e_);						\
	if (memcmp(&g_, &v_, sizeof(v_)) != 0 || strcmp(e_, rest) != 0) { \
		printf("regress/libc2: line %d: strtod(\"%.40s\") = %a "\
		    "rest \"%s\"\n", __LINE__, s, g_, e_);		\
		failures++;						\
	}								\
} while (0)

static void
test_strtod(void)
{
	static char digits[1000];
	char *end;
	double d;

	STRTOD("0.5", 0.5, "");
	STRTOD("  -12.25e2xyz", -1225.0, "xyz");
	STRTOD("0.1", 0x1.999999999999ap-4, "");
	STRTOD("0.3", 0x1.3333333333333p-2, "");
	STRTOD("123.456e-2", 0x1.3c0c1fc8f3238p+0, "");
	STRTOD("1e23", 0x1.52d02c7e14af6p+76, "");	/* not 1.00...01e23 */
	STRTOD("+.5", 0.5, "");
	STRTOD("1.", 1.0, "");
	STRTOD("1e", 1.0, "e");			/* no exponent digits */
	STRTOD("1e+x", 1.0, "e+x");
	STRTOD("-0", -0.0, "");
	STRTOD("0x1.8p3", 12.0, "");
	STRTOD("0x.8", 0.5, "");
	STRTOD("0x", 0.0, "x");			/* "0", then an x */
	STRTOD("0x1p-1074", 0x1p-1074, "");
	/* Halfway between two doubles: to the even one; past it: up. */
	STRTOD("9007199254740993", 9007199254740992.0, "");
	STRTOD("9007199254740993.0001", 9007199254740994.0, "");
	STRTOD("1.00000000000000011102230246251565404236316680908203125",
	    1.0, "");
	STRTOD("1.000000000000000111022302462515654042363166809082031251",
	    0x1.0000000000001p+0, "");
	STRTOD("2.2250738585072011e-308", 0x0.fffffffffffffp-1022, "");
	STRTOD("1.7976931348623158e308", 0x1.fffffffffffffp+1023, "");
	/* 900 ones: digits beyond the 800 kept still count. */
	memset(digits, '1', 900);
	strlcpy(digits + 900, "e-899", 10);
	STRTOD(digits, 0x1.1c71c71c71c72p+0, "");
	STRTOD("", 0.0, "");
	STRTOD(" .", 0.0, " .");		/* nothing: end is the start */

	errno = 0;
	STRTOD("4.9406564584124654e-324", 0x1p-1074, "");
	CHECK(errno == ERANGE);			/* subnormal, inexact */
	errno = 0;
	STRTOD("1e-400", 0.0, "");
	CHECK(errno == ERANGE);
	errno = 0;
	STRTOD("-1e400", -1.0 / 0.0, "");
	CHECK(errno == ERANGE);
	errno = 0;
	STRTOD("1.7976931348623159e308", 1.0 / 0.0, "");
	CHECK(errno == ERANGE);
	errno = 0;
	STRTOD("-Infinity", -1.0 / 0.0, "");
	STRTOD("infx", 1.0 / 0.0, "x");
	CHECK(errno == 0);
	d = strtod("nan(12)z", &end);
	CHECK(d != d && strcmp(end, "z") == 0);
	CHECK(strtof("0.1", NULL) == 0.1f);
	CHECK(strtof("3.4028235e38", NULL) == 0x1.fffffep127f);
	errno = 0;
	CHECK(strtof("3.4028236e38", NULL) == 1.0f / 0.0f && errno == ERANGE);
	CHECK(atof("3.5") == 3.5);
}

/* ---- the scanf family --------------------------------------------------- */

static int
my_scanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}

static void
test_sscanf_numbers(void)
{
	int a = 0, b = 0, c = 0, d = 0, n1 = 0, n2 = 0;
	unsigned int u = 0;
	signed char hh = 0;
	short h = 0;
	long l = 0;
	long long ll = 0;
	unsigned long long ull = 0;
	void *p = NULL;
	char s[32];

	CHECK(sscanf("42 -17 0x1f 017", "%d %d %x %o", &a, &b, &c, &d) == 4);
	CHECK(a == 42 && b == -17 && c == 31 && d == 15);
	CHECK(sscanf("0x1f 017 +12", "%i %i %i", &a, &b, &c) == 3);
	CHECK(a == 31 && b == 15 && c == 12);
	CHECK(sscanf("08", "%i%d", &a, &b) == 2 && a == 0 && b == 8);
	CHECK(sscanf("12345", "%2d%3d", &a, &b) == 2 && a == 12 && b == 345);
	CHECK(sscanf("12 34", "%*d %d", &a) == 1 && a == 34);
	CHECK(sscanf("1 2", "%d%n %d%n", &a, &n1, &b, &n2) == 2);
	CHECK(n1 == 1 && n2 == 3);
	CHECK(sscanf("4294967295 FF", "%u %X", &u, &c) == 2 &&
	    u == 4294967295U && c == 255);
	CHECK(sscanf("-5 -300 -70000", "%hhd %hd %ld", &hh, &h, &l) == 3);
	CHECK(hh == -5 && h == -300 && l == -70000);
	CHECK(sscanf("-9223372036854775808 18446744073709551615",
	    "%lld %llu", &ll, &ull) == 2);
	CHECK(ll == INT64_MIN && ull == UINT64_MAX);
	CHECK(sscanf("0x1234", "%p", &p) == 1 && p == (void *)0x1234);
	CHECK(sscanf("-12 ff", "%" SCNd8 " %" SCNx64, &hh, &ull) == 2 &&
	    hh == -12 && ull == 255);
	snprintf(s, sizeof(s), "%" PRId64 " %" PRIxPTR, INT64_MIN,
	    (uintptr_t)0xbeef);
	CHECK(strcmp(s, "-9223372036854775808 beef") == 0);
	/* End of input before a conversion: EOF; a mismatch: 0. */
	CHECK(sscanf("", "%d", &a) == EOF);
	CHECK(sscanf("   ", " %d", &a) == EOF);
	CHECK(sscanf("abc", "%d", &a) == 0);
	CHECK(sscanf("-", "%d", &a) == 0);
	CHECK(sscanf("0x", "%x", &a) == 0);	/* a prefix, not a number */
	CHECK(sscanf("7", "%d %d", &a, &b) == 1 && a == 7);
	CHECK(sscanf("x=5,y=6", "x=%d,y=%d", &a, &b) == 2 && a == 5 && b == 6);
	CHECK(sscanf("x = 5", "x =%d", &a) == 1 && a == 5);
	CHECK(sscanf("x = 5", "x=%d", &a) == 0);
	CHECK(sscanf("25%", "%d%%", &a) == 1 && a == 25);
	CHECK(sscanf("abc", "%n", &a) == 0 && a == 0);
	CHECK(my_scanf("9 8", "%d %d", &a, &b) == 2 && a == 9 && b == 8);
}

static void
test_sscanf_floats(void)
{
	float f = 0;
	double d = 0, e = 0;
	long double ld = 0;
	int n = 0;

	CHECK(sscanf("3.25 -1e3 0x1.8p1", "%f %lf %Lf", &f, &d, &ld) == 3);
	CHECK(f == 3.25f && d == -1000.0 && ld == 3.0L);
	CHECK(sscanf("0.1", "%lg", &d) == 1 && d == 0.1);
	CHECK(sscanf("0.1", "%e", &f) == 1 && f == 0.1f);
	CHECK(sscanf("1.5e+2x", "%lf%n", &d, &n) == 1 && d == 150.0 && n == 6);
	CHECK(sscanf("-inf nan", "%lf %lf", &d, &e) == 2 && d == -1.0 / 0.0 &&
	    e != e);
	CHECK(sscanf("12.5e3", "%3lf%lf", &d, &e) == 2 && d == 12.0 &&
	    e == 5e3);
	CHECK(sscanf("100ergs", "%lf", &d) == 0);	/* C's own example */
	CHECK(sscanf(".", "%lf", &d) == 0);
}

static void
test_sscanf_strings(void)
{
	char s1[16], s2[16], c3[4] = "???";
	int a = 0;

	CHECK(sscanf("  hello   world", "%s %s", s1, s2) == 2 &&
	    strcmp(s1, "hello") == 0 && strcmp(s2, "world") == 0);
	CHECK(sscanf("abcdef", "%3s%s", s1, s2) == 2 &&
	    strcmp(s1, "abc") == 0 && strcmp(s2, "def") == 0);
	CHECK(sscanf(" xyz", "%c", c3) == 1 && c3[0] == ' ');
	CHECK(sscanf("abcd", "%2c", c3) == 1 && memcmp(c3, "ab?", 3) == 0);
	CHECK(sscanf("12:34:56", "%[^:]:%[0-9]", s1, s2) == 2 &&
	    strcmp(s1, "12") == 0 && strcmp(s2, "34") == 0);
	CHECK(sscanf("]]a]b", "%[]a]%s", s1, s2) == 2 &&
	    strcmp(s1, "]]a]") == 0 && strcmp(s2, "b") == 0);
	CHECK(sscanf("a-b-c d", "%[a-c-]", s1) == 1 &&
	    strcmp(s1, "a-b-c") == 0);
	CHECK(sscanf("xyz", "%[0-9]", s1) == 0);
	CHECK(sscanf("", "%s", s1) == EOF);
	CHECK(sscanf("word 42", "%*s %d", &a) == 1 && a == 42);
	/* Not EOF: a conversion (%*s) was done before the input ended. */
	CHECK(sscanf("  ab", "%*s%s", s1) == 0);
}

/* fscanf from a pipe: conversions across lines, then EOF; ungetc'd rest. */
static void
test_fscanf(void)
{
	char word[16];
	int p[2], a = 0, b = 0;
	double d = 0;
	FILE *fp;

	CHECK(pipe(p) == 0);
	write(p[1], "10 20\nabc 3.5\n7x", 16);
	close(p[1]);
	if ((fp = fdopen(p[0], "r")) == NULL) {
		CHECK(fp != NULL);
		return;
	}
	CHECK(fscanf(fp, "%d %d %s %lf", &a, &b, word, &d) == 4);
	CHECK(a == 10 && b == 20 && strcmp(word, "abc") == 0 && d == 3.5);
	CHECK(fscanf(fp, "%d", &a) == 1 && a == 7 && fgetc(fp) == 'x');
	CHECK(fscanf(fp, "%d", &a) == EOF && feof(fp));
	fclose(fp);
}

/* ---- stdlib: the rest --------------------------------------------------- */

/*
 * rand repeats after srand; arc4random differs between a parent and the
 * child it forked (without the reseed both would draw the same number).
 */
static void
test_random(void)
{
	uint32_t mine, theirs = 0;
	unsigned char buf[7];
	int p[2], r1, i;
	pid_t pid;

	srand(42);
	r1 = rand();
	rand();
	srand(42);
	CHECK(rand() == r1 && r1 >= 0 && r1 <= RAND_MAX);
	CHECK(lldiv(-7LL, 2LL).quot == -3 && lldiv(-7LL, 2LL).rem == -1);
	CHECK(strtoimax("-9223372036854775808", NULL, 10) == INTMAX_MIN &&
	    strtoumax("ffffffffffffffff", NULL, 16) == UINTMAX_MAX);
	arc4random();			/* seeded before the fork */
	CHECK(pipe(p) == 0);
	if ((pid = fork()) == 0) {
		mine = arc4random();
		write(p[1], &mine, sizeof(mine));
		_exit(0);
	}
	mine = arc4random();
	CHECK(read(p[0], &theirs, sizeof(theirs)) == sizeof(theirs));
	CHECK(mine != theirs);
	close(p[0]);
	close(p[1]);
	waitpid(pid, NULL, 0);
	memset(buf, 0, sizeof(buf));
	for (i = 0; i < 4; i++)		/* all zero 4 times: 2^-224 */
		arc4random_buf(buf, sizeof(buf));
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0", 7) != 0);
}

/* ---- time: the calendar and strftime ------------------------------------ */

/* strftime(fmt) of gmtime(t) must be want. */
#define STRFTIME(t, fmt, want) do {					\
	time_t t_ = (t);						\
	struct tm tm_;							\
	char b_[256];							\
									\
	b_[0] = '\0';							\
	if (gmtime_r(&t_, &tm_) == NULL ||				\
	    strftime(b_, sizeof(b_), fmt, &tm_) != strlen(want) ||	\
	    strcmp(b_, want) != 0) {					\
		printf("regress/libc2: line %d: \"%s\" != \"%s\"\n",	\
		    __LINE__, b_, want);				\
		failures++;						\
	}								\
} while (0)

#define ALLCONV	"%a %A %b %B %c|%C %d %D %e %F %g %G %h %H %I %j %k %l " \
		"%m %M %p %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %Z %%"

static void
test_strftime(void)
{
	struct tm tm;
	time_t t = 0;
	char buf[16];

	STRFTIME(0, "%Y-%m-%d %H:%M:%S", "1970-01-01 00:00:00");
	STRFTIME(951782400, "%F %T %a %j", "2000-02-29 00:00:00 Tue 060");
	STRFTIME(2147483648LL, "%c", "Tue Jan 19 03:14:08 2038");
	STRFTIME(-1, "%F %T", "1969-12-31 23:59:59");
	STRFTIME(-2208988800LL, "%F %A", "1900-01-01 Monday");
	STRFTIME(4102444800LL, "%F %A", "2100-01-01 Friday");
	STRFTIME(253402300799LL, "%F %T", "9999-12-31 23:59:59");
	STRFTIME(951829509, ALLCONV, "Tue Tuesday Feb February Tue Feb 29 "
	    "13:05:09 2000|20 29 02/29/00 29 2000-02-29 00 2000 Feb 13 01 060 "
	    "13  1 02 05 PM 01:05:09 PM 13:05 951829509 09 13:05:09 2 09 09 2 "
	    "09 02/29/00 13:05:09 00 2000 +0000 UTC %");
	/* ISO weeks at New Year: 2021-01-01 is in 2020's week 53 ... */
	STRFTIME(1609459200, ALLCONV, "Fri Friday Jan January Fri Jan  1 "
	    "00:00:00 2021|20 01 01/01/21  1 2021-01-01 20 2020 Jan 00 12 001 "
	    " 0 12 01 00 AM 12:00:00 AM 00:00 1609459200 00 00:00:00 5 00 53 5 "
	    "00 01/01/21 00:00:00 21 2021 +0000 UTC %");
	/* ... and 2008-12-29 in 2009's week 1. */
	STRFTIME(1230508800, "%G-W%V-%u %U %W", "2009-W01-1 52 52");
	STRFTIME(-1, "%G-W%V-%u %U %W", "1970-W01-3 52 52");
	STRFTIME(0, "%Ey %Od %q %", "70 01 %q %");
	/* Too small: 0.  Just big enough: the length. */
	gmtime_r(&t, &tm);
	CHECK(strftime(buf, 10, "%F", &tm) == 0);
	CHECK(strftime(buf, 11, "%F", &tm) == 10 &&
	    strcmp(buf, "1970-01-01") == 0);
	CHECK(strftime(buf, sizeof(buf), "", &tm) == 0 && buf[0] == '\0');
}

/* A broken-down time that must become t and want (%F %T). */
#define MKTIME(y, mo, d, h, mi, sec, t, want) do {			\
	struct tm tm_ = { .tm_year = (y) - 1900, .tm_mon = (mo) - 1,	\
	    .tm_mday = (d), .tm_hour = (h), .tm_min = (mi),		\
	    .tm_sec = (sec), .tm_isdst = -1 };				\
	char b_[32];							\
	time_t r_ = mktime(&tm_);					\
									\
	strftime(b_, sizeof(b_), "%F %T", &tm_);			\
	if (r_ != (t) || strcmp(b_, want) != 0) {			\
		printf("regress/libc2: line %d: mktime %lld \"%s\"\n",	\
		    __LINE__, (long long)r_, b_);			\
		failures++;						\
	}								\
} while (0)

static void
test_calendar(void)
{
	struct tm tm, *tp;
	struct timeval tv;
	time_t t, now;
	char buf[32];
	int i, ok = 1;
	clock_t c0;

	MKTIME(1970, 1, 1, 0, 0, 0, 0, "1970-01-01 00:00:00");
	MKTIME(2000, 2, 29, 0, 0, 0, 951782400, "2000-02-29 00:00:00");
	MKTIME(2038, 1, 19, 3, 14, 8, 2147483648LL, "2038-01-19 03:14:08");
	/* Out-of-range fields carry over. */
	MKTIME(2100, 2, 29, 0, 0, 0, 4107542400LL, "2100-03-01 00:00:00");
	MKTIME(2024, 12, 31, 23, 59, 60, 1735689600, "2025-01-01 00:00:00");
	MKTIME(2023, 15, 1, 0, 0, 0, 1709251200, "2024-03-01 00:00:00");
	MKTIME(2024, 3, 0, 0, 0, 0, 1709164800, "2024-02-29 00:00:00");
	MKTIME(1970, 1, 1, 0, 0, -1, -1, "1969-12-31 23:59:59");
	MKTIME(1970, 1, 1, 0, -90, 0, -5400, "1969-12-31 22:30:00");
	/* gmtime and mktime undo each other, a day and a bit at a time. */
	for (t = -5000000000LL; t < 5000000000LL; t += 90061 * 97)
		if (gmtime_r(&t, &tm) == NULL || mktime(&tm) != t)
			ok = 0;
	CHECK(ok);
	t = 951782400;
	tp = gmtime(&t);
	CHECK(tp != NULL && tp->tm_wday == 2 && tp->tm_yday == 59 &&
	    tp->tm_isdst == 0 && tp->tm_gmtoff == 0 &&
	    strcmp(tp->tm_zone, "UTC") == 0);
	tp = localtime(&t);			/* no time zones: UTC */
	CHECK(tp != NULL && tp->tm_hour == 0 && tp->tm_mday == 29);
	t = INT64_MAX;
	errno = 0;
	CHECK(gmtime(&t) == NULL && errno == EOVERFLOW);
	t = 0;
	CHECK(strcmp(asctime(gmtime(&t)), "Thu Jan  1 00:00:00 1970\n") == 0);
	CHECK(strcmp(ctime_r(&t, buf), "Thu Jan  1 00:00:00 1970\n") == 0);
	CHECK(difftime(10, 4) == 6.0);
	/* The clocks: now is after 2000 (the RTC); gettimeofday agrees. */
	now = time(&t);
	CHECK(now > 946684800 && t == now);
	CHECK(gettimeofday(&tv, NULL) == 0 && tv.tv_sec - now <= 1 &&
	    tv.tv_sec >= now && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	/* clock() counts this process's CPU time: spin until it moves. */
	c0 = clock();
	for (i = 0; i < 100000000 && clock() == c0; i++)
		continue;
	CHECK(c0 >= 0 && clock() > c0);
}

/* ---- math.h ------------------------------------------------------------- */

/* Same bits (so -0.0 is not 0.0). */
static int
same(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

static void
test_math(void)
{
	double ip;
	int e;

	CHECK(same(sqrt(2), 0x1.6a09e667f3bcdp+0));
	CHECK(same(sqrt(3), 0x1.bb67ae8584caap+0));
	CHECK(sqrt(144) == 12 && same(sqrt(-0.0), -0.0));
	CHECK(same(sqrt(0x1p-1074), 0x1p-537));
	CHECK(sqrtf(2.0f) == 0x1.6a09e6p+0f);
	errno = 0;
	CHECK(isnan(sqrt(-1)) && errno == EDOM);
	CHECK(floor(-0.5) == -1 && floor(2.5) == 2 && floor(-3) == -3);
	CHECK(same(ceil(-0.5), -0.0) && ceil(2.1) == 3);
	CHECK(round(2.5) == 3 && round(-2.5) == -3 && round(0.49999999999999994)
	    == 0 && round(-0.4) == 0 && signbit(round(-0.4)));
	CHECK(trunc(-7.9) == -7 && trunc(1e300) == 1e300);
	CHECK(fmod(5.5, 2) == 1.5 && same(fmod(-5.5, 2), -1.5));
	CHECK(fmod(1e300, 3.0) == 0 && fmod(1e300, 7.0) == 1);
	CHECK(same(fmod(0x1p-1070, 0x1.8p-1073), 0x1p-1074));
	errno = 0;
	CHECK(isnan(fmod(1, 0)) && errno == EDOM);
	CHECK(fmod(3, INFINITY) == 3);
	CHECK(frexp(8, &e) == 0.5 && e == 4);
	CHECK(frexp(0x1p-1074, &e) == 0.5 && e == -1073);
	CHECK(same(ldexp(1, -1074), 0x1p-1074) && ldexp(1, -1075) == 0);
	/* Into the subnormals: rounded once, to nearest, ties to even. */
	CHECK(same(ldexp(0.75, -1073), 0x1p-1073));
	CHECK(same(ldexp(0.625, -1073), 0x1p-1074));
	CHECK(isinf(ldexp(1, 1024)) && ldexp(3, 4) == 48);
	CHECK(same(modf(-3.5, &ip), -0.5) && ip == -3);
	CHECK(same(modf(-3.0, &ip), -0.0) && ip == -3);
	CHECK(same(fabs(-0.0), 0.0) && same(copysign(2, -0.0), -2.0));
	CHECK(fmin(NAN, 1) == 1 && fmax(-1, 2) == 2);
	CHECK(isinf(HUGE_VAL) && !isfinite(INFINITY) && isnan(NAN) &&
	    fpclassify(0x1p-1074) == FP_SUBNORMAL && isnormal(1.0));
	CHECK(M_PI > 3.14159 && M_PI < 3.1416);
}

/* ---- stdio: stdout on a pipe, and fork ---------------------------------- */

/* Is there something to read on fd right now? */
static int
readable(int fd)
{
	struct pollfd pfd = { fd, POLLIN, 0 };

	return poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN);
}

/*
 * Everything fd gives until end of file, as a string (at most size - 1
 * bytes kept); closes fd.
 */
static char *
drain(int fd, char *buf, size_t size)
{
	ssize_t n, len = 0;
	char skip[256];

	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		if ((size_t)(len += n) == size - 1)
			break;
	while (read(fd, skip, sizeof(skip)) > 0)
		continue;
	buf[len] = '\0';
	close(fd);
	return buf;
}

/*
 * Run argv with stdout on a pipe and stdin on another; returns the pid,
 * the read end of its stdout in *out and the write end of its stdin in
 * *in (-1 when in is NULL: stdin stays).
 */
static pid_t
spawn(char *const argv[], int *out, int *in)
{
	int po[2], pi[2] = { -1, -1 };
	pid_t pid;

	if (pipe(po) == -1 || (in != NULL && pipe(pi) == -1))
		return -1;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		dup2(po[1], STDOUT_FILENO);
		close(po[0]);
		close(po[1]);
		if (in != NULL) {
			dup2(pi[0], STDIN_FILENO);
			close(pi[0]);
			close(pi[1]);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	close(po[1]);
	*out = po[0];
	if (in != NULL) {
		close(pi[0]);
		*in = pi[1];
	}
	return pid;
}

/*
 * The helper, exec'd with stdout on a pipe.  "full": print a line, then
 * wait for a byte on stdin before the next and exit, so that the parent
 * can look at the pipe while the line sits in the buffer (1 if that
 * first printf, which asked isatty, changed errno).  "line": the same
 * after setvbuf(_IOLBF).  "fork": print, fflush, fork; parent and child
 * each print a line of their own, and nothing comes twice.
 */
static int
child_main(const char *mode)
{
	char c;
	pid_t pid;

	if (strcmp(mode, "line") == 0)
		setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(mode, "fork") == 0) {
		printf("before fork\n");
		fflush(stdout);
		if ((pid = fork()) == 0) {
			printf("child\n");
			exit(0);
		}
		waitpid(pid, NULL, 0);
		printf("parent\n");
		return 0;
	}
	errno = 1234;
	printf("waiting\n");
	if (errno != 1234)
		return 1;
	read(STDIN_FILENO, &c, 1);	/* the parent has looked */
	printf("done\n");
	return 0;
}

/*
 * stdout on a pipe is fully buffered: the helper's line is not in the
 * pipe until exit() flushes it; after setvbuf(_IOLBF) it is at once.
 */
static void
test_stdout_pipe(const char *mode, int at_once)
{
	char *argv[] = { SELF, (char *)mode, NULL }, buf[64];
	int out, in, status, i;
	pid_t pid;

	CHECK((pid = spawn(argv, &out, &in)) > 0);
	if (pid <= 0)
		return;
	/* Give it time to print (it is line buffered: it may be there). */
	for (i = 0; i < 20 && !readable(out); i++)
		usleep(10000);
	CHECK(readable(out) == at_once);
	write(in, "g", 1);
	close(in);
	CHECK(strcmp(drain(out, buf, sizeof(buf)), "waiting\ndone\n") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
}

/* Count the lines of text that start with prefix. */
static int
count_lines(const char *text, const char *prefix)
{
	const char *p;
	int n = 0;

	for (p = text; *p != '\0'; p = strchr(p, '\n') + 1) {
		if (strncmp(p, prefix, strlen(prefix)) == 0)
			n++;
		if (strchr(p, '\n') == NULL)
			break;
	}
	return n;
}

/* Run argv with stdout on a pipe; its output, and its exit status. */
static char *
output_of(char *const argv[], char *buf, size_t size, int *status)
{
	int out;
	pid_t pid;

	*status = -1;
	buf[0] = '\0';
	if ((pid = spawn(argv, &out, NULL)) <= 0)
		return buf;
	drain(out, buf, size);
	waitpid(pid, status, 0);
	return buf;
}

/* Programs that fork, with stdout on a pipe: each line comes once. */
static void
test_fork_once(void)
{
	static char buf[4096];
	char *fork_argv[] = { SELF, "fork", NULL };
	char *tree[] = { "/bin/forktree", "2", NULL };
	char *cow[] = { "/bin/cowdemo", NULL };
	char *vfd[] = { "/bin/vforkdemo", "0", NULL };
	int status;

	output_of(fork_argv, buf, sizeof(buf), &status);
	CHECK(strcmp(buf, "before fork\nchild\nparent\n") == 0);
	output_of(tree, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "forktree: level ") == 7);
	CHECK(count_lines(buf, "forktree: level 0") == 1);
	CHECK(count_lines(buf, "forktree: level 2") == 4);
	output_of(cow, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "parent: a page") == 1);
	CHECK(count_lines(buf, "child:") == 4);
	CHECK(count_lines(buf, "parent:") == 3);
	output_of(vfd, buf, sizeof(buf), &status);
	CHECK(status == 0 && count_lines(buf, "parent ") == 3);
	CHECK(count_lines(buf, "  child ") == 2);
}

int
main(int argc, char *argv[])
{
	if (argc > 1)
		return child_main(argv[1]);
	test_seek_motd();
	test_seek_binary();
	test_seek_pipe();
	test_getline();
	test_stdout_pipe("full", 0);
	test_stdout_pipe("line", 1);
	test_fork_once();
	test_strtod();
	test_sscanf_numbers();
	test_sscanf_floats();
	test_sscanf_strings();
	test_fscanf();
	test_random();
	test_strftime();
	test_calendar();
	test_math();
	printf("regress/libc2: %d failures\n", failures);
	return failures;
}
