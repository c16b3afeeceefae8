/*
 * user/lib/stdlib.c: exit and atexit, abort, the number parsers (strtol
 * and friends, <inttypes.h>'s intmax_t ones, OpenBSD's strtonum), the
 * environment, qsort and bsearch, rand and a small arc4random.  strtod
 * is in strtod.c.
 */

#include <sys/types.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "local.h"

#define ATEXIT_MAX	32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_n;

/* fn to run at exit(), after those registered later (POSIX: 32 at least). */
int
atexit(void (*fn)(void))
{
	if (atexit_n == ATEXIT_MAX) {
		errno = ENOMEM;
		return -1;
	}
	atexit_fns[atexit_n++] = fn;
	return 0;
}

/* The atexit handlers in reverse order, every stream flushed, _exit. */
void
exit(int status)
{
	while (atexit_n > 0)
		atexit_fns[--atexit_n]();
	__stdio_flushall();
	_exit(status);
}

void
_Exit(int status)
{
	_exit(status);
}

/* SIGABRT, even if caught or blocked: a handler that returns gets it
 * again at the default action. */
void
abort(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	_exit(127);
}

int
abs(int v)
{
	return v < 0 ? -v : v;
}

long
labs(long v)
{
	return v < 0 ? -v : v;
}

long long
llabs(long long v)
{
	return v < 0 ? -v : v;
}

div_t
div(int num, int den)
{
	div_t d = { num / den, num % den };

	return d;
}

ldiv_t
ldiv(long num, long den)
{
	ldiv_t d = { num / den, num % den };

	return d;
}

lldiv_t
lldiv(long long num, long long den)
{
	lldiv_t d = { num / den, num % den };

	return d;
}

static int
digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * The parser under strtol and friends: space, a sign, a base prefix,
 * digits, accumulated as a magnitude no bigger than lim (ERANGE past it,
 * the result then lim and *over set).
 * => *neg says whether a '-' was seen; *endp is past the last digit used
 *    (nptr if there was none).
 */
static unsigned long long
parse_ull(const char *nptr, char **endp, int base, unsigned long long lim,
    int *neg, int *over)
{
	const char *s = nptr;
	unsigned long long v = 0;
	int d, any = 0;

	*neg = *over = 0;
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0)
		base = s[0] == '0' ? 8 : 10;
	if (base < 2 || base > 36) {
		errno = EINVAL;
		if (endp != NULL)
			*endp = (char *)nptr;
		return 0;
	}
	for (; (d = digit(*s)) < base; s++) {
		any = 1;
		if (*over || v > (lim - d) / base)
			*over = 1;
		else
			v = v * base + d;
	}
	if (endp != NULL)
		*endp = (char *)(any ? s : nptr);
	return *over ? lim : v;
}

long long
strtoll(const char *nptr, char **endp, int base)
{
	unsigned long long v;
	int neg, over;

	v = parse_ull(nptr, endp, base, (unsigned long long)LLONG_MAX + 1,
	    &neg, &over);
	if (over || (!neg && v > LLONG_MAX)) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)-v : (long long)v;
}

unsigned long long
strtoull(const char *nptr, char **endp, int base)
{
	unsigned long long v;
	int neg, over;

	v = parse_ull(nptr, endp, base, ULLONG_MAX, &neg, &over);
	if (over) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -v : v;
}

long
strtol(const char *nptr, char **endp, int base)
{
	unsigned long long v;
	int neg, over;

	v = parse_ull(nptr, endp, base, (unsigned long long)LONG_MAX + 1,
	    &neg, &over);
	if (over || (!neg && v > LONG_MAX)) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? (long)-v : (long)v;
}

unsigned long
strtoul(const char *nptr, char **endp, int base)
{
	unsigned long long v;
	int neg, over;

	v = parse_ull(nptr, endp, base, ULONG_MAX, &neg, &over);
	if (over) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -(unsigned long)v : (unsigned long)v;
}

intmax_t
strtoimax(const char *nptr, char **endp, int base)
{
	return strtoll(nptr, endp, base);
}

uintmax_t
strtoumax(const char *nptr, char **endp, int base)
{
	return strtoull(nptr, endp, base);
}

intmax_t
imaxabs(intmax_t v)
{
	return v < 0 ? -v : v;
}

imaxdiv_t
imaxdiv(intmax_t num, intmax_t den)
{
	imaxdiv_t d = { num / den, num % den };

	return d;
}

long
atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long
atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}

/*
 * strtonum(3), OpenBSD's: a base 10 number within [min, max], or 0 with
 * *errstr "invalid", "too small" or "too large" (and errno set).
 */
long long
strtonum(const char *s, long long min, long long max, const char **errstr)
{
	long long v = 0;
	char *end;
	int save = errno;

	*errstr = NULL;
	errno = 0;
	if (min > max)
		*errstr = "invalid";
	else {
		v = strtoll(s, &end, 10);
		if (s == end || *end != '\0')
			*errstr = "invalid";
		else if ((v == LLONG_MIN && errno == ERANGE) || v < min)
			*errstr = "too small";
		else if ((v == LLONG_MAX && errno == ERANGE) || v > max)
			*errstr = "too large";
	}
	if (*errstr != NULL) {
		errno = **errstr == 'i' ? EINVAL : ERANGE;
		return 0;
	}
	errno = save;
	return v;
}

/* ---- the environment: environ, from crt0, copied on first change ---- */

static int env_owned;		/* environ is our malloc'd array */

/* The slot of name in environ, or NULL. */
static char **
env_find(const char *name, size_t len)
{
	char **e;

	if (environ == NULL)
		return NULL;
	for (e = environ; *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return e;
	return NULL;
}

char *
getenv(const char *name)
{
	char **e = env_find(name, strlen(name));

	return e != NULL ? *e + strlen(name) + 1 : NULL;
}

static int
bad_name(const char *name)
{
	if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

/* The old strings are not freed: a caller may still hold them. */
int
setenv(const char *name, const char *value, int overwrite)
{
	size_t len, n = 0;
	char **e, **ne, *s;

	if (bad_name(name))
		return -1;
	len = strlen(name);
	if ((e = env_find(name, len)) != NULL && !overwrite)
		return 0;
	if ((s = malloc(len + strlen(value) + 2)) == NULL)
		return -1;
	snprintf(s, len + strlen(value) + 2, "%s=%s", name, value);
	if (e != NULL) {
		*e = s;
		return 0;
	}
	while (environ != NULL && environ[n] != NULL)
		n++;
	if ((ne = malloc((n + 2) * sizeof(char *))) == NULL) {
		free(s);
		return -1;
	}
	if (n > 0)
		memcpy(ne, environ, n * sizeof(char *));
	ne[n] = s;
	ne[n + 1] = NULL;
	if (env_owned)
		free(environ);
	environ = ne;
	env_owned = 1;
	return 0;
}

int
unsetenv(const char *name)
{
	char **e;

	if (bad_name(name))
		return -1;
	while ((e = env_find(name, strlen(name))) != NULL)
		for (; *e != NULL; e++)
			e[0] = e[1];
	return 0;
}

/* ---- sorting and searching ---- */

static void
swap(char *a, char *b, size_t size)
{
	char t;

	for (; size > 0; size--, a++, b++) {
		t = *a;
		*a = *b;
		*b = t;
	}
}

/*
 * qsort: a heapsort, O(n log n) in the worst case and needing no stack;
 * like OpenBSD's it is not stable.
 */
static void
sift(char *base, size_t root, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n &&
		    cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap(base + root * size, base + child * size, size);
		root = child;
	}
}

void
qsort(void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (n < 2)
		return;
	for (i = n / 2; i-- > 0;)
		sift(b, i, n, size, cmp);
	for (i = n - 1; i > 0; i--) {
		swap(b, b + i * size, size);
		sift(b, 0, i, size, cmp);
	}
}

void *
bsearch(const void *key, const void *base, size_t n, size_t size,
    int (*cmp)(const void *, const void *))
{
	const char *b = base;
	size_t lo = 0, hi = n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = cmp(key, b + mid * size)) == 0)
			return (void *)(b + mid * size);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void *
reallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, n * size);
}

/* ---- random numbers ---- */

static unsigned int rand_next = 1;

/* The C standard's example generator: a 31-bit LCG. */
int
rand_r(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (*seed / 65536) % ((unsigned int)RAND_MAX + 1);
}

int
rand(void)
{
	return rand_r(&rand_next);
}

void
srand(unsigned int seed)
{
	rand_next = seed;
}

/*
 * arc4random: NOT cryptographic.  Tine has no getentropy(2) yet, so this
 * is xorshift64* seeded from the realtime clock and the pid: good for
 * picking numbers, useless for keys.  A child of fork() would go on with
 * its parent's state and draw the same numbers, so the state is seeded
 * again (mixing in the new pid) when getpid() changes; OpenBSD keeps its
 * state in a MAP_INHERIT_ZERO page instead, which Tine does not have.
 */
static uint64_t arc4_state;
static pid_t arc4_pid;

uint32_t
arc4random(void)
{
	struct timespec ts;
	pid_t pid = getpid();

	if (arc4_state == 0 || pid != arc4_pid) {
		clock_gettime(CLOCK_REALTIME, &ts);
		arc4_state ^= ((uint64_t)ts.tv_sec << 32) ^ ts.tv_nsec ^
		    ((uint64_t)pid << 16) ^ 0x9e3779b97f4a7c15ULL;
		if (arc4_state == 0)
			arc4_state = 1;	/* xorshift's one stuck state */
		arc4_pid = pid;
	}
	arc4_state ^= arc4_state >> 12;
	arc4_state ^= arc4_state << 25;
	arc4_state ^= arc4_state >> 27;
	return (arc4_state * 0x2545f4914f6cdd1dULL) >> 32;
}

/* n bytes of arc4random into buf. */
void
arc4random_buf(void *buf, size_t n)
{
	unsigned char *p = buf;
	uint32_t r;
	size_t k;

	for (; n > 0; n -= k, p += k) {
		r = arc4random();
		k = n < sizeof(r) ? n : sizeof(r);
		memcpy(p, &r, k);
	}
}

/* Uniform in [0, bound): values below 2^32 % bound are thrown away. */
uint32_t
arc4random_uniform(uint32_t bound)
{
	uint32_t r, min;

	if (bound < 2)
		return 0;
	min = -bound % bound;
	while ((r = arc4random()) < min)
		continue;
	return r % bound;
}
