/*
 * user/lib/scanf.c: the scanf family: scanf, fscanf, sscanf and their
 * v forms, over one engine, vscan.
 *
 * The engine reads from a source (a string, or a FILE through fgetc and
 * ungetc) and can put back one character, which is all C promises: so
 * the text a conversion takes is the longest prefix of something it
 * could convert (C11 7.21.6.2), and if that prefix does not convert in
 * full ("0x" for %x, "1e" for %f: "100ergs" is C's example) the
 * conversion fails, having used it.  (glibc converts such a prefix's
 * front part instead.)
 * Numbers are collected into a buffer, then handed to strtoll, strtoull
 * or strtod, whose overflow rules they follow (errno is left alone).
 *
 * Directives: white space (skips any), ordinary characters (must match),
 * and conversions %[*][width][hh|h|l|ll|j|z|t|L] with d i u o x X p f e
 * g a (and upper case) s c [set] n %.  No wide characters: %ls and %lc
 * fail.  A number longer than NUMBUF - 1 characters is cut there.  The
 * return value counts the assignments; EOF if the input ended before the
 * first conversion.
 */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thread_private.h"

#define NUMBUF	512		/* the longest number a conversion takes */
#define NOREAD	(-2)		/* no character: the width was used up */

/* Where the characters come from. */
struct source {
	FILE	*fp;		/* a stream, or */
	const char *s;		/* a string */
	int	count;		/* characters taken so far, for %n */
};

/* One conversion's specification. */
struct conv {
	int	suppress;	/* '*': convert, assign nothing */
	int	width;		/* at most this many characters */
	int	len;		/* 'H' hh, 'h', 'l', 'q' ll and j, 'L', 0 */
	int	c;		/* the conversion character */
};

/* The next character, or EOF at the end. */
static int
in_get(struct source *in)
{
	int c;

	if (in->fp != NULL)
		c = fgetc(in->fp);
	else if (*in->s == '\0')
		c = EOF;
	else
		c = (unsigned char)*in->s++;
	if (c != EOF)
		in->count++;
	return c;
}

/* The next character if fewer than width have been taken (n). */
static int
in_next(struct source *in, int n, int width)
{
	return n < width ? in_get(in) : NOREAD;
}

/* Give back c, the last character in_get returned (EOF, NOREAD: none). */
static void
in_unget(struct source *in, int c)
{
	if (c < 0)
		return;
	if (in->fp != NULL)
		ungetc(c, in->fp);
	else
		in->s--;
	in->count--;
}

/* Skip white space; returns EOF if the input ended. */
static int
skip_space(struct source *in)
{
	int c;

	while ((c = in_get(in)) != EOF && isspace(c))
		continue;
	in_unget(in, c);
	return c == EOF ? EOF : 0;
}

static int
digit_of(int c, int base)
{
	int d = 99;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'z')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'Z')
		d = c - 'A' + 10;
	return d < base ? d : -1;
}

/*
 * An integer's characters into buf: a sign, a 0x prefix where the base
 * allows one, digits.  *base 0 (%i) becomes the base the prefix says.
 * => returns how many were taken; the one after is given back.
 */
static int
collect_int(struct source *in, int width, int *base, char *buf)
{
	int n = 0, c;

	c = in_next(in, n, width);
	if (c == '+' || c == '-') {
		buf[n++] = c;
		c = in_next(in, n, width);
	}
	if ((*base == 0 || *base == 16) && c == '0') {
		buf[n++] = c;
		c = in_next(in, n, width);
		if (c == 'x' || c == 'X') {
			buf[n++] = c;
			c = in_next(in, n, width);
			*base = 16;
		} else if (*base == 0)
			*base = 8;
	} else if (*base == 0)
		*base = 10;
	for (; c >= 0 && digit_of(c, *base) >= 0; c = in_next(in, n, width))
		buf[n++] = c;
	in_unget(in, c);
	buf[n] = '\0';
	return n;
}

/* Take the characters of word (lower case) while they match. */
static int
collect_word(struct source *in, int *n, int width, char *buf,
    const char *word)
{
	int c = NOREAD;

	for (; *word != '\0'; word++) {
		if ((c = in_next(in, *n, width)) < 0 || tolower(c) != *word)
			return c;
		buf[(*n)++] = c;
	}
	return in_next(in, *n, width);
}

/* Digits of base 10 or 16 into buf; returns the character after. */
static int
collect_digits(struct source *in, int *n, int width, char *buf, int c,
    int base)
{
	for (; c >= 0 && digit_of(c, base) >= 0; c = in_next(in, *n, width))
		buf[(*n)++] = c;
	return c;
}

/*
 * A floating-point number's characters into buf: what strtod reads,
 * decimal or hexadecimal, inf, infinity, nan.
 * => returns how many were taken; the one after is given back.
 */
static int
collect_float(struct source *in, int width, char *buf)
{
	int n = 0, c, base = 10;

	c = in_next(in, n, width);
	if (c == '+' || c == '-') {
		buf[n++] = c;
		c = in_next(in, n, width);
	}
	if (c == 'i' || c == 'I') {
		in_unget(in, c);
		c = collect_word(in, &n, width, buf, "inf");
		if (c == 'i' || c == 'I') {		/* infinity */
			in_unget(in, c);
			c = collect_word(in, &n, width, buf, "inity");
		}
	} else if (c == 'n' || c == 'N') {
		in_unget(in, c);
		c = collect_word(in, &n, width, buf, "nan");
		if (c == '(') {			/* nan(n-char-sequence) */
			for (; c >= 0 && c != ')' && (c == '(' || c == '_' ||
			    isalnum(c)); c = in_next(in, n, width))
				buf[n++] = c;
			if (c == ')') {
				buf[n++] = c;
				c = NOREAD;
			}
		}
	} else {
		if (c == '0') {
			buf[n++] = c;
			if ((c = in_next(in, n, width)) == 'x' || c == 'X') {
				buf[n++] = c;
				c = in_next(in, n, width);
				base = 16;
			}
		}
		c = collect_digits(in, &n, width, buf, c, base);
		if (c == '.') {
			buf[n++] = c;
			c = collect_digits(in, &n, width, buf,
			    in_next(in, n, width), base);
		}
		if (base == 10 ? c == 'e' || c == 'E' : c == 'p' || c == 'P') {
			buf[n++] = c;
			if ((c = in_next(in, n, width)) == '+' || c == '-') {
				buf[n++] = c;
				c = in_next(in, n, width);
			}
			c = collect_digits(in, &n, width, buf, c, 10);
		}
	}
	in_unget(in, c);
	buf[n] = '\0';
	return n;
}

/* Store integer v where the next argument points, as cv's length says. */
static void
store_int(const struct conv *cv, va_list *ap, unsigned long long v)
{
	switch (cv->len) {
	case 'H':
		*va_arg(*ap, char *) = v;
		break;
	case 'h':
		*va_arg(*ap, short *) = v;
		break;
	case 'l':
		*va_arg(*ap, long *) = v;
		break;
	case 'q':
		*va_arg(*ap, long long *) = v;
		break;
	default:		/* int, and size_t and ptrdiff_t (z, t) */
		*va_arg(*ap, int *) = v;
		break;
	}
}

/*
 * The number conversions: d i u o x X p, and the floats.
 * => 1 if it converted (and assigned unless suppressed), 0 if the text
 *    does not convert, EOF if the input ended first.
 */
static int
conv_number(struct source *in, const struct conv *cv, va_list *ap)
{
	char buf[NUMBUF], *end;
	int n, base, save = errno;
	int width = cv->width < NUMBUF - 1 ? cv->width : NUMBUF - 1;
	unsigned long long v;
	double f;

	if (skip_space(in) == EOF)
		return EOF;
	if (strchr("aAeEfFgG", cv->c) != NULL) {
		n = collect_float(in, width, buf);
		f = strtod(buf, &end);
		errno = save;
		if (n == 0 || *end != '\0')
			return 0;
		if (cv->suppress)
			return 1;
		if (cv->len == 'L')
			*va_arg(*ap, long double *) = f;
		else if (cv->len == 'l')
			*va_arg(*ap, double *) = f;
		else {
			*va_arg(*ap, float *) = strtof(buf, NULL);
			errno = save;
		}
		return 1;
	}
	base = cv->c == 'i' ? 0 : cv->c == 'o' ? 8 :
	    strchr("xXp", cv->c) != NULL ? 16 : 10;
	n = collect_int(in, width, &base, buf);
	if (strchr("di", cv->c) != NULL)
		v = strtoll(buf, &end, base);
	else
		v = strtoull(buf, &end, base);
	errno = save;
	if (n == 0 || *end != '\0')
		return 0;
	if (cv->suppress)
		return 1;
	if (cv->c == 'p')
		*va_arg(*ap, void **) = (void *)(uintptr_t)v;
	else
		store_int(cv, ap, v);
	return 1;
}

/*
 * The set of a %[ conversion, from fmt (just past the '[') into set:
 * "^" first inverts it, a ']' first is a member, "a-z" is a range.
 * => returns the format past the closing ']', or NULL if there is none.
 */
static const char *
scanset(const char *fmt, unsigned char set[256])
{
	int invert = 0, c;

	if (*fmt == '^') {
		invert = 1;
		fmt++;
	}
	memset(set, 0, 256);
	if (*fmt == ']')
		set[(unsigned char)*fmt++] = 1;
	for (; *fmt != ']'; fmt++) {
		if (*fmt == '\0')
			return NULL;
		if (fmt[0] == '-' && fmt[-1] != '[' && fmt[-1] != '^' &&
		    fmt[1] != ']' && (unsigned char)fmt[-1] <=
		    (unsigned char)fmt[1]) {
			for (c = (unsigned char)fmt[-1];
			    c <= (unsigned char)fmt[1]; c++)
				set[c] = 1;
			fmt++;
		} else
			set[(unsigned char)*fmt] = 1;
	}
	for (c = 0; invert && c < 256; c++)
		set[c] = !set[c];
	return fmt + 1;
}

/*
 * The string conversions: s (a word), c (width characters, 1 if none
 * given; fewer if the input ends, as OpenBSD and glibc do), [ (the
 * longest run in set).  Each writes to a char array the caller made big
 * enough; s and [ add a NUL.
 * => as conv_number.
 */
static int
conv_string(struct source *in, const struct conv *cv, va_list *ap,
    const unsigned char *set)
{
	char *dst = cv->suppress ? NULL : va_arg(*ap, char *);
	int n = 0, c, width = cv->width;

	if (cv->c == 's' && skip_space(in) == EOF)
		return EOF;
	if (cv->c == 'c' && width == INT_MAX)
		width = 1;
	while ((c = in_next(in, n, width)) >= 0) {
		if ((cv->c == 's' && isspace(c)) ||
		    (cv->c == '[' && !set[c]))
			break;
		if (dst != NULL)
			dst[n] = c;
		n++;
	}
	in_unget(in, c);
	if (n == 0)
		return c == EOF ? EOF : 0;
	if (dst != NULL && cv->c != 'c')
		dst[n] = '\0';
	return 1;
}

/* The flags, width and length of a conversion at fmt (past the '%'). */
static const char *
parse_conv(const char *fmt, struct conv *cv)
{
	cv->suppress = *fmt == '*';
	fmt += cv->suppress;
	for (cv->width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
		if (cv->width < INT_MAX / 10)
			cv->width = cv->width * 10 + *fmt - '0';
	if (cv->width == 0)
		cv->width = INT_MAX;
	cv->len = 0;
	if (*fmt == 'h' || *fmt == 'l') {
		cv->len = *fmt++;
		if (*fmt == cv->len) {
			cv->len = cv->len == 'h' ? 'H' : 'q';
			fmt++;
		}
	} else if (*fmt == 'j' || *fmt == 'L') {
		cv->len = *fmt == 'j' ? 'q' : 'L';
		fmt++;
	} else if (*fmt == 'z' || *fmt == 't')
		fmt++;			/* the size of an int */
	cv->c = *fmt;
	return fmt;
}

/*
 * vscan, the engine: the directives of fmt against the input.
 * => the assignments made; EOF if the input ended before any conversion
 *    (even a suppressed one) was done.
 */
static int
vscan(struct source *in, const char *fmt, va_list ap0)
{
	unsigned char set[256];
	int assigned = 0, converted = 0, r = 0, c;
	struct conv cv;
	va_list ap;

	va_copy(ap, ap0);	/* so &ap is a va_list * on every ABI */
	for (; *fmt != '\0'; fmt++) {
		if (isspace((unsigned char)*fmt)) {
			skip_space(in);
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			if (*fmt == '%' && skip_space(in) == EOF)
				goto input;
			fmt += *fmt == '%';
			if ((c = in_get(in)) == (unsigned char)*fmt)
				continue;
			in_unget(in, c);
			if (c == EOF)
				goto input;
			break;
		}
		fmt = parse_conv(fmt + 1, &cv);
		if (cv.c == 'n') {
			if (!cv.suppress)
				store_int(&cv, &ap, in->count);
			continue;
		}
		if (cv.len == 'l' && strchr("sc[", cv.c) != NULL)
			break;			/* no wide characters */
		if (cv.c == '[' && (fmt = scanset(fmt + 1, set)) == NULL)
			break;
		if (cv.c == '[') {
			fmt--;		/* the loop steps past the ']' */
			r = conv_string(in, &cv, &ap, set);
		} else if (cv.c == 's' || cv.c == 'c')
			r = conv_string(in, &cv, &ap, NULL);
		else if (cv.c != '\0' &&
		    strchr("diouxXpaAeEfFgG", cv.c) != NULL)
			r = conv_number(in, &cv, &ap);
		else
			break;			/* an unknown conversion */
		if (r == EOF)
			goto input;
		if (r == 0)
			break;
		converted++;
		assigned += !cv.suppress;
	}
	va_end(ap);
	return assigned;
input:
	va_end(ap);
	return converted == 0 ? EOF : assigned;
}

int
vfscanf(FILE *fp, const char *fmt, va_list ap)
{
	struct source in = { fp, NULL, 0 };
	int n;

	/* One lock for the whole conversion: fgetc inside nests in it. */
	if (__isthreaded)
		flockfile(fp);
	n = vscan(&in, fmt, ap);
	if (__isthreaded)
		funlockfile(fp);
	return n;
}

int
vscanf(const char *fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int
vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct source in = { NULL, s, 0 };

	return vscan(&in, fmt, ap);
}

int
scanf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}

int
fscanf(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(fp, fmt, ap);
	va_end(ap);
	return n;
}

int
sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}
