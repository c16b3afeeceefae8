/*
 * user/lib/err.c: err(3) and warn(3) in OpenBSD's format,
 * "prog: message: strerror\n" on stderr, and the program's name
 * (getprogname; crt0 sets __progname from argv[0]).
 */

#include <assert.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "local.h"

const char *__progname = "";

const char *
getprogname(void)
{
	return __progname;
}

/* The last part of name, which must outlive its use. */
void
setprogname(const char *name)
{
	const char *p = strrchr(name, '/');

	__progname = p != NULL ? p + 1 : name;
}

/* Called by crt0 with argv[0] (may be NULL). */
void
__init_progname(const char *argv0)
{
	if (argv0 != NULL)
		setprogname(argv0);
}

/* "prog: fmt: strerror(e)\n" (without ": strerror" if e < 0). */
static void
report(int e, const char *fmt, va_list ap)
{
	char msg[512];
	int n;

	n = snprintf(msg, sizeof(msg), "%s: ", __progname);
	if (fmt != NULL && n < (int)sizeof(msg)) {
		n += vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
		if (e >= 0 && n < (int)sizeof(msg))
			n += snprintf(msg + n, sizeof(msg) - n, ": ");
	}
	if (e >= 0 && n < (int)sizeof(msg))
		snprintf(msg + n, sizeof(msg) - n, "%s", strerror(e));
	/* One call, so the line is one write(2) on unbuffered stderr. */
	fprintf(stderr, "%s\n", msg);
}

void
vwarn(const char *fmt, va_list ap)
{
	report(errno, fmt, ap);
}

void
vwarnx(const char *fmt, va_list ap)
{
	report(-1, fmt, ap);
}

void
verr(int status, const char *fmt, va_list ap)
{
	report(errno, fmt, ap);
	exit(status);
}

void
verrx(int status, const char *fmt, va_list ap)
{
	report(-1, fmt, ap);
	exit(status);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void
err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}

void
errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}

/* What a failed assert() calls (assert.h); OpenBSD's message. */
void
__assert2(const char *file, int line, const char *func, const char *expr)
{
	fprintf(stderr, "assertion \"%s\" failed: file \"%s\", line %d, "
	    "function \"%s\"\n", expr, file, line, func);
	abort();
}
