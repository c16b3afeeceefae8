/*
 * regress/libc: the C library with values: the printf engine, string
 * and number functions, qsort, getopt, stdio on a file and on pipes
 * (buffering, exit() flushing and _exit() not), atexit order, strerror
 * and err(3)'s format.  Prints each check that fails; exits with how
 * many did.
 */

#include <sys/types.h>
#include <sys/wait.h>
#include <assert.h>
#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MOTD_SIZE	58	/* bytes in /etc/motd */

static int failures;

#define CHECK(e) do {							\
	if (!(e)) {							\
		printf("regress/libc: line %d: %s\n", __LINE__, #e);	\
		failures++;						\
	}								\
} while (0)

/* snprintf(fmt, ...) must make want. */
#define FMT(want, ...) do {						\
	char b_[128];							\
									\
	snprintf(b_, sizeof(b_), __VA_ARGS__);				\
	if (strcmp(b_, want) != 0) {					\
		printf("regress/libc: line %d: \"%s\" != \"%s\"\n",	\
		    __LINE__, b_, want);				\
		failures++;						\
	}								\
} while (0)

static void
test_printf(void)
{
	char small[4];

	FMT(" 3.14", "%5.2f", 3.14159);
	FMT("3.141590", "%f", 3.14159);
	FMT("-0.50", "%.2f", -0.5);
	FMT("1", "%.0f", 0.6);
	FMT("0 2 4", "%.0f %.0f %.0f", 0.5, 2.5, 3.5);	/* ties to even */
	FMT("100.0", "%.1f", 99.96);
	FMT("1.234568e+03", "%e", 1234.5678);
	FMT("1.50E-05", "%.2E", 0.000015);
	FMT("0.0001", "%g", 0.0001);
	FMT("1e-05", "%g", 0.00001);
	FMT("123457", "%g", 123456.7);
	FMT("1.23457e+06", "%g", 1234567.0);
	FMT("100", "%g", 100.0);
	FMT("inf -inf", "%f %f", 1.0 / 0.0, -1.0 / 0.0);
	FMT("-9223372036854775808", "%lld", (long long)INT64_MIN);
	FMT("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	FMT("0x1f", "%#x", 31);
	FMT("0X1F", "%#X", 31);
	FMT("017", "%#o", 15);
	FMT("+5 -5", "%+d %+d", 5, -5);
	FMT("ab   |", "%-5s|", "ab");
	FMT("abc", "%.3s", "abcdef");
	FMT("   42", "%*d", 5, 42);
	FMT("42   |", "%*d|", -5, 42);
	FMT("00042", "%05d", 42);
	FMT("  042", "%5.3d", 42);
	FMT("-0042", "%05d", -42);
	FMT(" 7", "% d", 7);
	FMT("0x1000", "%p", (void *)0x1000);
	FMT("255 -1 4294967295", "%hhu %hd %u", 511, 65535, -1);
	FMT("%c!", "%%%c%c", 'c', '!');
	FMT("12 34", "%zu %jd", (size_t)12, (intmax_t)34);
	CHECK(snprintf(small, sizeof(small), "%d", 123456) == 6);
	CHECK(strcmp(small, "123") == 0);
}

static void
test_strings(void)
{
	char buf[32], *last, *t;

	CHECK(strcmp(strerror(EPERM), "Operation not permitted") == 0);
	CHECK(strcmp(strerror(EROFS), "Read-only file system") == 0);
	CHECK(strcmp(strsignal(SIGKILL), "Killed") == 0);
	CHECK(strlcpy(buf, "hello, world", 6) == 12 &&
	    strcmp(buf, "hello") == 0);
	CHECK(strlcat(buf, "!!", sizeof(buf)) == 7 &&
	    strcmp(buf, "hello!!") == 0);
	CHECK(strstr("haystack", "st") != NULL &&
	    strcmp(strstr("haystack", "st"), "stack") == 0);
	CHECK(strrchr("a/b/c", '/')[1] == 'c');
	CHECK(strspn("aab", "a") == 2 && strcspn("abc", "c") == 2);
	CHECK(strcasecmp("HeLLo", "hello") == 0 && strncmp("ab", "ac", 1) == 0);
	strlcpy(buf, " a,b,,c ", sizeof(buf));
	t = strtok_r(buf, " ,", &last);
	CHECK(t != NULL && strcmp(t, "a") == 0);
	t = strtok_r(NULL, " ,", &last);
	CHECK(t != NULL && strcmp(t, "b") == 0);
	t = strtok_r(NULL, " ,", &last);
	CHECK(t != NULL && strcmp(t, "c") == 0);
	CHECK(strtok_r(NULL, " ,", &last) == NULL);
	memcpy(buf, "abcdef", 7);
	memmove(buf + 1, buf, 5);
	CHECK(memcmp(buf, "aabcde", 6) == 0);
	CHECK(isalpha('a') && !isalpha('1') && isxdigit('F') &&
	    ispunct('!') && toupper('q') == 'Q');
	t = strdup("dup");
	CHECK(t != NULL && strcmp(t, "dup") == 0);
	free(t);
}

static void
test_numbers(void)
{
	const char *errstr;
	char *end;

	errno = 0;
	CHECK(strtol("0x1f", &end, 0) == 31 && *end == '\0');
	CHECK(strtol("017", NULL, 0) == 15);
	CHECK(strtol("  -42abc", &end, 10) == -42 && strcmp(end, "abc") == 0);
	CHECK(strtol("xyz", &end, 10) == 0 && strcmp(end, "xyz") == 0);
	CHECK(errno == 0);
	CHECK(strtol("99999999999", NULL, 10) == LONG_MAX && errno == ERANGE);
	errno = 0;
	CHECK(strtol("-99999999999", NULL, 10) == LONG_MIN &&
	    errno == ERANGE);
	errno = 0;
	CHECK(strtol("-2147483648", NULL, 10) == LONG_MIN && errno == 0);
	CHECK(strtoul("4294967295", NULL, 10) == ULONG_MAX && errno == 0);
	CHECK(strtoll("-9223372036854775808", NULL, 10) == LLONG_MIN &&
	    errno == 0);
	CHECK(strtoull("ff", NULL, 16) == 255);
	CHECK(strtonum("42", 0, 100, &errstr) == 42 && errstr == NULL);
	CHECK(strtonum("420", 0, 100, &errstr) == 0 &&
	    strcmp(errstr, "too large") == 0);
	CHECK(strtonum("-1", 0, 100, &errstr) == 0 &&
	    strcmp(errstr, "too small") == 0);
	CHECK(strtonum("4x", 0, 100, &errstr) == 0 &&
	    strcmp(errstr, "invalid") == 0 && errno == EINVAL);
	CHECK(atoi("123") == 123 && labs(-5L) == 5 && div(7, 2).rem == 1);
	CHECK(setenv("TINE", "yes", 1) == 0 && strcmp(getenv("TINE"), "yes") == 0);
	CHECK(unsetenv("TINE") == 0 && getenv("TINE") == NULL);
	CHECK(arc4random_uniform(10) < 10);
}

static int
intcmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

static int
strpcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_sort(void)
{
	int v[] = { 5, -3, 9, 0, 5, 1, -10, 7 }, want[] = { -10, -3, 0, 1, 5,
	    5, 7, 9 }, key = 7;
	const char *s[] = { "pear", "apple", "fig", "banana" };

	qsort(v, 8, sizeof(int), intcmp);
	CHECK(memcmp(v, want, sizeof(v)) == 0);
	CHECK(bsearch(&key, v, 8, sizeof(int), intcmp) == &v[6]);
	qsort(s, 4, sizeof(char *), strpcmp);
	CHECK(strcmp(s[0], "apple") == 0 && strcmp(s[1], "banana") == 0 &&
	    strcmp(s[2], "fig") == 0 && strcmp(s[3], "pear") == 0);
}

static void
test_getopt(void)
{
	char *av[] = { "prog", "-ab", "-o", "out", "-cval", "--", "-x",
	    NULL };
	char *av2[] = { "prog", "-o", NULL };
	int c, a = 0, b = 0;
	char *o = NULL, *cv = NULL;

	while ((c = getopt(7, av, "abo:c:")) != -1) {
		if (c == 'a')
			a++;
		else if (c == 'b')
			b++;
		else if (c == 'o')
			o = optarg;
		else if (c == 'c')
			cv = optarg;
		else
			failures++;
	}
	CHECK(a == 1 && b == 1 && o != NULL && strcmp(o, "out") == 0);
	CHECK(cv != NULL && strcmp(cv, "val") == 0);
	CHECK(optind == 6 && strcmp(av[optind], "-x") == 0);
	optind = 1;
	CHECK(getopt(2, av2, ":o:") == ':' && optopt == 'o');
}

static void
test_fopen(void)
{
	char line[80];
	FILE *fp;
	size_t n = 0;
	int fd;

	fp = fopen("/etc/motd", "r");
	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	CHECK(fgets(line, sizeof(line), fp) != NULL);
	CHECK(strncmp(line, "Welcome to Tine", 15) == 0);
	n = strlen(line);
	while (fgetc(fp) != EOF)
		n++;
	CHECK(n == MOTD_SIZE && feof(fp) && !ferror(fp));
	CHECK(fclose(fp) == 0);
	errno = 0;
	CHECK(fopen("/etc/motd", "w") == NULL && errno == EROFS);
	CHECK(fopen("/etc/motd", "q") == NULL && errno == EINVAL);

	/* A write error shows at the flush, and ferror stays set. */
	fd = open("/etc/motd", O_RDONLY);
	CHECK(fd >= 0 && (fp = fdopen(fd, "w")) != NULL);
	if (fp == NULL)
		return;
	CHECK(fprintf(fp, "x\n") == 2 && !ferror(fp));
	CHECK(fflush(fp) == EOF && ferror(fp) && errno == EBADF);
	CHECK(fprintf(fp, "y") == 1 && ferror(fp));
	clearerr(fp);
	CHECK(!ferror(fp) && fputc('z', fp) == 'z');
	CHECK(fclose(fp) == EOF);
}

/* Everything left in the pipe's read end, as a string. */
static char *
drain(int fd, char *buf, size_t size)
{
	ssize_t n, len = 0;

	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
	return buf;
}

/* setvbuf: full buffering holds output until fflush; line at '\n'. */
static void
test_buffering(void)
{
	char buf[64], vbuf[64];
	int p[2];
	FILE *fp;

	CHECK(pipe(p) == 0);
	CHECK((fp = fdopen(p[1], "w")) != NULL);
	if (fp == NULL)
		return;
	CHECK(setvbuf(fp, vbuf, _IOFBF, sizeof(vbuf)) == 0);
	fprintf(fp, "held\n");
	/* Nothing in the pipe yet: a second writer's byte comes first. */
	write(p[1], "x", 1);
	CHECK(fflush(fp) == 0);
	CHECK(setvbuf(fp, NULL, _IOLBF, 0) == 0);
	fputs("a", fp);
	write(p[1], "y", 1);
	fputs("b\n", fp);
	CHECK(fclose(fp) == 0);
	CHECK(strcmp(drain(p[0], buf, sizeof(buf)), "xheld\nyab\n") == 0);
}

static void
h1(void)
{
	printf("h1");
}

static void
h2(void)
{
	printf("h2");
}

/*
 * A child's stdout into a pipe: exit() runs the atexit handlers last
 * first, then flushes stdout; _exit() throws the buffer away.
 */
static void
test_exit_flush(void)
{
	char buf[64];
	int p[2], status;
	pid_t pid;

	CHECK(pipe(p) == 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], STDOUT_FILENO);
		close(p[1]);
		atexit(h1);
		atexit(h2);
		printf("buffered ");
		exit(3);
	}
	close(p[1]);
	CHECK(strcmp(drain(p[0], buf, sizeof(buf)), "buffered h2h1") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 3);

	CHECK(pipe(p) == 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], STDOUT_FILENO);
		close(p[1]);
		atexit(h1);
		printf("lost");
		_exit(0);
	}
	close(p[1]);
	CHECK(strcmp(drain(p[0], buf, sizeof(buf)), "") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
}

/*
 * docs/libc.md's double output: text waiting in stdout's buffer at
 * fork() is in both processes, and each exit() writes it.
 */
static void
test_fork_double(void)
{
	char buf[64];
	int p[2], status;
	pid_t pid, pid2;

	CHECK(pipe(p) == 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], STDOUT_FILENO);
		close(p[1]);
		printf("twice ");
		if ((pid2 = fork()) == 0)
			exit(0);
		waitpid(pid2, NULL, 0);
		exit(0);
	}
	close(p[1]);
	CHECK(strcmp(drain(p[0], buf, sizeof(buf)), "twice twice ") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
}

/* err(3) and warnx(3) in a child, stderr into a pipe. */
static void
test_err(void)
{
	char buf[160];
	int p[2], status;
	pid_t pid;

	CHECK(pipe(p) == 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], STDERR_FILENO);
		close(p[1]);
		setprogname("/regress/libc");
		warnx("plain %d", 1);
		errno = ENOENT;
		warn("file %s", "x");
		errno = EPERM;
		err(7, NULL);
	}
	close(p[1]);
	CHECK(strcmp(drain(p[0], buf, sizeof(buf)),
	    "libc: plain 1\n"
	    "libc: file x: No such file or directory\n"
	    "libc: Operation not permitted\n") == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 7);
	CHECK(strcmp(getprogname(), "libc") == 0);
}

int
main(void)
{
	test_printf();
	test_strings();
	test_numbers();
	test_sort();
	test_getopt();
	test_fopen();
	test_buffering();
	test_exit_flush();
	test_fork_double();
	test_err();
	CHECK(sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096);
	assert(failures >= 0);
	printf("regress/libc: %d failures\n", failures);
	return failures;
}
