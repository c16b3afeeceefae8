/*
 * user/lib/vfprintf.c: the printf engine under every printf-family call.
 *
 * __vformat() walks a format and hands the text it makes, a piece at a
 * time, to a sink: a buffer for snprintf, a FILE for fprintf (stdio.c).
 * Flags "-+ #0", width and precision (also "*"), lengths hh h l ll j z t
 * L and the conversions d i u o x X c s p % f F e E g G.  Doubles are
 * turned into digits with long double arithmetic: exact to about 18
 * significant digits, which is what %g and the usual %.Nf need.
 */

#include <sys/types.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "local.h"

/* One conversion's flags, width and precision. */
struct spec {
	int	left, plus, space, alt, zero;
	int	width, prec;		/* prec -1: none given */
	int	len;			/* 'H' hh, 'h', 'l', 'q' ll/j, 'L' */
	char	conv;
};

#define MAXDIG	400		/* digits of a double in %f, and more */

static void
emit(struct sink *s, const char *p, size_t n)
{
	if (n > 0)
		s->put(s, p, n);
	s->count += n;
}

static void
pad(struct sink *s, char c, int n)
{
	char buf[16];

	memset(buf, c, sizeof(buf));
	for (; n > 0; n -= 16)
		emit(s, buf, n < 16 ? n : 16);
}

/*
 * A converted field: prefix (sign, 0x), zeros to reach a precision, the
 * body, with padding to the width on the side the flags say.
 */
static void
field(struct sink *s, const struct spec *sp, const char *pre, int prelen,
    int zeros, const char *body, int len)
{
	int fill = sp->width - prelen - zeros - len;

	if (!sp->left && !sp->zero)
		pad(s, ' ', fill);
	emit(s, pre, prelen);
	if (!sp->left && sp->zero)
		pad(s, '0', fill);
	pad(s, '0', zeros);
	emit(s, body, len);
	if (sp->left)
		pad(s, ' ', fill);
}

/* d i u o x X p: an integer, already widened to 64 bits. */
static void
fmt_int(struct sink *s, struct spec *sp, uintmax_t v, int neg)
{
	char buf[24], pre[3];
	const char *dig = sp->conv == 'X' ? "0123456789ABCDEF" :
	    "0123456789abcdef";
	int base, n = 0, prelen = 0, zeros;

	base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X' ||
	    sp->conv == 'p') ? 16 : 10;
	while (v != 0) {
		buf[sizeof(buf) - ++n] = dig[v % base];
		v /= base;
	}
	if (sp->prec < 0 && n == 0)
		buf[sizeof(buf) - ++n] = '0';	/* "%.0d" of 0 prints nothing */
	if (neg)
		pre[prelen++] = '-';
	else if (sp->plus && base == 10 && sp->conv != 'u')
		pre[prelen++] = '+';
	else if (sp->space && base == 10 && sp->conv != 'u')
		pre[prelen++] = ' ';
	if (sp->alt && base == 16 && (n > 1 || buf[sizeof(buf) - 1] != '0')) {
		pre[prelen++] = '0';
		pre[prelen++] = sp->conv == 'X' ? 'X' : 'x';
	}
	zeros = sp->prec > n ? sp->prec - n : 0;
	if (sp->alt && base == 8 && zeros == 0 &&
	    (n == 0 || buf[sizeof(buf) - n] != '0'))
		zeros = 1;
	if (sp->prec >= 0)
		sp->zero = 0;			/* a precision turns off '0' */
	field(s, sp, pre, prelen, zeros, buf + sizeof(buf) - n, n);
}

/*
 * The first n significant digits of v > 0 into d, rounded; returns
 * the decimal exponent of d[0] (v is about d[0].d[1]... * 10^exp).
 * => n <= MAXDIG; the digits past the 19th are noise.
 */
static int
fdigits(long double v, int n, char *d, int *exp)
{
	long double m = v;
	int e = 0, i;

	while (m >= 10) {
		m /= 10;
		e++;
	}
	while (m < 1) {
		m *= 10;
		e--;
	}
	for (i = 0; i < n; i++) {
		d[i] = '0' + (int)m;
		m = (m - (int)m) * 10;
	}
	/* Round half to even, as the FPU would: 2.5 to "2", 3.5 to "4". */
	if (m > 5 || (m == 5 && n > 0 && (d[n - 1] - '0') % 2 == 1)) {
		for (i = n - 1; i >= 0 && d[i] == '9'; i--)
			d[i] = '0';
		if (i >= 0)
			d[i]++;
		else {		/* 9.99 rounds to 10.0: the exponent grows */
			d[0] = '1';
			e++;
			if (n == 0)
				n = 1;
		}
	}
	*exp = e;
	return n;
}

/* The exponent of v > 0 before rounding. */
static int
fexp(long double v)
{
	int e = 0;

	while (v >= 10) {
		v /= 10;
		e++;
	}
	while (v < 1) {
		v *= 10;
		e--;
	}
	return e;
}

/* %f of v >= 0 into buf: the digits, a point, prec decimals. */
static int
ffixed(long double v, int prec, int alt, char *buf)
{
	char d[MAXDIG + 2];
	int e, n, len = 0, i, k;

	if (v == 0) {
		n = 0;
		e = 0;
	} else {
		e = fexp(v);
		n = e + 1 + prec;
		if (n > MAXDIG)
			n = MAXDIG;
		if (n < 0)
			n = 0, e = -prec - 2;	/* rounds to zero */
		else
			n = fdigits(v, n, d, &e);
	}
	/* d[k] stands for the digit at 10^(e - k); missing ones are 0. */
	if (e < 0)
		buf[len++] = '0';
	for (i = e; i >= 0; i--) {
		k = e - i;
		buf[len++] = k < n ? d[k] : '0';
	}
	if (prec > 0 || alt)
		buf[len++] = '.';
	for (i = -1; i >= -prec; i--) {
		k = e - i;
		buf[len++] = k >= 0 && k < n ? d[k] : '0';
	}
	return len;
}

/* %e of v >= 0 into buf. */
static int
fexpo(long double v, int prec, int alt, int upper, char *buf)
{
	char d[MAXDIG + 2];
	int e = 0, n = prec + 1, len = 0, i;

	if (n > MAXDIG)
		n = MAXDIG;
	if (v == 0)
		memset(d, '0', n);
	else
		fdigits(v, n, d, &e);
	buf[len++] = d[0];
	if (prec > 0 || alt)
		buf[len++] = '.';
	for (i = 1; i <= prec; i++)
		buf[len++] = i < n ? d[i] : '0';
	buf[len++] = upper ? 'E' : 'e';
	buf[len++] = e < 0 ? '-' : '+';
	if (e < 0)
		e = -e;
	if (e >= 100)
		buf[len++] = '0' + e / 100;
	buf[len++] = '0' + e / 10 % 10;
	buf[len++] = '0' + e % 10;
	return len;
}

/* %g: %e or %f by the exponent, trailing zeros dropped unless '#'. */
static int
fgeneral(long double v, int prec, int alt, int upper, char *buf)
{
	char d[MAXDIG + 2];
	int e = 0, len, p = prec == 0 ? 1 : prec;

	if (p > MAXDIG)
		p = MAXDIG;
	if (v != 0)
		fdigits(v, p, d, &e);
	if (e < -4 || e >= p)
		len = fexpo(v, p - 1, alt, upper, buf);
	else
		len = ffixed(v, p - 1 - e, alt, buf);
	if (!alt && memchr(buf, '.', len) != NULL) {
		char exp[8];
		char *x = memchr(buf, upper ? 'E' : 'e', len);
		int elen = 0, end = len;

		if (x != NULL) {
			end = x - buf;
			elen = len - end;
			memcpy(exp, x, elen);
		}
		while (buf[end - 1] == '0')
			end--;
		if (buf[end - 1] == '.')
			end--;
		memcpy(buf + end, exp, elen);
		len = end + elen;
	}
	return len;
}

/* f F e E g G: a double (or long double with L). */
static void
fmt_float(struct sink *s, struct spec *sp, long double v)
{
	static char buf[MAXDIG + 128];
	char pre[1];
	int prelen = 0, len, upper = sp->conv >= 'A' && sp->conv <= 'Z';
	char c = sp->conv | 0x20;

	if (v < 0 || (v == 0 && 1 / v < 0)) {
		pre[prelen++] = '-';
		v = -v;
	} else if (sp->plus)
		pre[prelen++] = '+';
	else if (sp->space)
		pre[prelen++] = ' ';
	if (v != v || v - v != 0) {		/* NaN, or infinity */
		sp->zero = 0;
		field(s, sp, pre, prelen, 0, v != v ? (upper ? "NAN" : "nan") :
		    (upper ? "INF" : "inf"), 3);
		return;
	}
	if (sp->prec < 0)
		sp->prec = 6;
	if (sp->prec > MAXDIG - 40)
		sp->prec = MAXDIG - 40;
	if (c == 'f')
		len = ffixed(v, sp->prec, sp->alt, buf);
	else if (c == 'e')
		len = fexpo(v, sp->prec, sp->alt, upper, buf);
	else
		len = fgeneral(v, sp->prec, sp->alt, upper, buf);
	field(s, sp, pre, prelen, 0, buf, len);
}

/* Flags, width, precision and length of the conversion at *fmtp. */
static void
parse_spec(const char **fmtp, struct spec *sp, va_list *ap)
{
	const char *f = *fmtp;

	memset(sp, 0, sizeof(*sp));
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '+')
			sp->plus = 1;
		else if (*f == ' ')
			sp->space = 1;
		else if (*f == '#')
			sp->alt = 1;
		else if (*f == '0')
			sp->zero = 1;
		else
			break;
	}
	if (*f == '*') {
		f++;
		if ((sp->width = va_arg(*ap, int)) < 0) {
			sp->left = 1;
			sp->width = -sp->width;
		}
	} else
		for (; *f >= '0' && *f <= '9'; f++)
			sp->width = sp->width * 10 + (*f - '0');
	sp->prec = -1;
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			f++;
			if ((sp->prec = va_arg(*ap, int)) < 0)
				sp->prec = -1;
		} else
			for (; *f >= '0' && *f <= '9'; f++)
				sp->prec = sp->prec * 10 + (*f - '0');
	}
	if (sp->left)
		sp->zero = 0;
	for (;; f++) {
		if (*f == 'h')
			sp->len = sp->len == 'h' ? 'H' : 'h';
		else if (*f == 'l')
			sp->len = sp->len == 'l' ? 'q' : 'l';
		else if (*f == 'j' || *f == 'q')
			sp->len = 'q';
		else if (*f == 'z' || *f == 't')
			sp->len = 'l';		/* size_t and ptrdiff_t: 32 bits */
		else if (*f == 'L')
			sp->len = 'L';
		else
			break;
	}
	sp->conv = *f;
	*fmtp = f;
}

/* A signed argument of the spec's length, as a magnitude and a sign. */
static void
int_arg(struct sink *s, struct spec *sp, va_list *ap)
{
	intmax_t d;
	uintmax_t u;

	if (sp->conv == 'd' || sp->conv == 'i') {
		if (sp->len == 'q')
			d = va_arg(*ap, long long);
		else
			d = va_arg(*ap, int);	/* long is int on i386 */
		if (sp->len == 'h')
			d = (short)d;
		else if (sp->len == 'H')
			d = (signed char)d;
		u = d < 0 ? -(uintmax_t)d : (uintmax_t)d;
		fmt_int(s, sp, u, d < 0);
		return;
	}
	if (sp->len == 'q')
		u = va_arg(*ap, unsigned long long);
	else
		u = va_arg(*ap, unsigned int);
	if (sp->len == 'h')
		u = (unsigned short)u;
	else if (sp->len == 'H')
		u = (unsigned char)u;
	fmt_int(s, sp, u, 0);
}

/* One conversion, its spec parsed. */
static void
convert(struct sink *s, struct spec *sp, va_list *ap)
{
	const char *str;
	char c;
	int n;

	switch (sp->conv) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		int_arg(s, sp, ap);
		break;
	case 'p':
		sp->alt = 1;
		fmt_int(s, sp, (uintptr_t)va_arg(*ap, void *), 0);
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
		if (sp->len == 'L')
			fmt_float(s, sp, va_arg(*ap, long double));
		else
			fmt_float(s, sp, va_arg(*ap, double));
		break;
	case 's':
		if ((str = va_arg(*ap, const char *)) == NULL)
			str = "(null)";
		n = sp->prec >= 0 ? (int)strnlen(str, sp->prec) :
		    (int)strlen(str);
		sp->zero = 0;
		field(s, sp, NULL, 0, 0, str, n);
		break;
	case 'c':
		c = va_arg(*ap, int);
		sp->zero = 0;
		field(s, sp, NULL, 0, 0, &c, 1);
		break;
	case '%':
		emit(s, "%", 1);
		break;
	default:			/* unknown: print it as it was */
		emit(s, &sp->conv, 1);
		break;
	}
}

/*
 * Format fmt with ap into the sink.
 * => returns the number of characters made (s->count).
 */
int
__vformat(struct sink *s, const char *fmt, va_list ap0)
{
	struct spec sp;
	const char *p;
	va_list ap;

	va_copy(ap, ap0);
	while (*fmt != '\0') {
		for (p = fmt; *p != '\0' && *p != '%'; p++)
			continue;
		emit(s, fmt, p - fmt);
		if (*p == '\0')
			break;
		fmt = p + 1;
		parse_spec(&fmt, &sp, &ap);
		if (sp.conv == '\0')
			break;
		convert(s, &sp, &ap);
		fmt++;
	}
	va_end(ap);
	return s->count;
}
