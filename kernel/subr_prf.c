/*
 * kernel/subr_prf.c: the kernel's printf family and panic().
 *
 * kprintf() is the one formatting engine: printf() sends its characters to
 * every console (cnputc, kern_cons.c), snprintf() into a buffer.  It knows
 * the conversions the kernel uses:
 *
 *	%d %i %u %x %X %o %p %s %c %%
 *	flags '-' (left-justify) and '0' (zero padding), a width and a
 *	precision (both may be '*'), length modifiers hh h l ll z
 *
 * panic() prints its message, a backtrace (db_trace.c) and stops the
 * machine; in a test run the harness sees "Bail out!" and a failure status.
 * tests/host/test_prf.c runs this file on the host.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/reboot.h>
#include <sys/ktest.h>

#define KPRINTF_BUFSIZE	32	/* digits of the widest number (octal 64-bit) */

/* A conversion specification, as parsed from the format. */
struct fmtspec {
	int	left;		/* '-' */
	int	zero;		/* '0' */
	int	width;
	int	prec;		/* -1: none */
	int	lng;		/* 0 int, 1 long, 2 long long; -1 short, -2 char */
	int	sizet;		/* 'z' */
};

struct outstate {
	void	(*put)(int, void *);
	void	*arg;
	int	n;		/* characters produced */
};

static void
out(struct outstate *o, int c)
{
	o->put(c, o->arg);
	o->n++;
}

static void
pad(struct outstate *o, int c, int count)
{
	while (count-- > 0)
		out(o, c);
}

/* Emit the string s of length len, padded to the field width. */
static void
emit_field(struct outstate *o, const struct fmtspec *fs, const char *s,
    int len)
{
	int fill = fs->width > len ? fs->width - len : 0;

	if (!fs->left)
		pad(o, ' ', fill);
	while (len-- > 0)
		out(o, *s++);
	if (fs->left)
		pad(o, ' ', fill);
}

/*
 * Emit an unsigned number in base 8, 10 or 16 with an optional sign and
 * prefix ("0x"), honouring precision (minimum digits), width and padding.
 */
static void
emit_number(struct outstate *o, const struct fmtspec *fs, uint64_t v,
    int base, int upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[KPRINTF_BUFSIZE];
	int len = 0, plen = 0;
	int zeros, fill;

	do {
		buf[len++] = digits[v % base];
		v /= base;
	} while (v != 0);
	if (fs->prec == 0 && len == 1 && buf[0] == '0')
		len = 0;		/* "%.0d" of 0 prints nothing */

	while (prefix[plen] != '\0')
		plen++;
	zeros = fs->prec > len ? fs->prec - len : 0;
	fill = fs->width - plen - zeros - len;
	if (fill > 0 && fs->zero && !fs->left && fs->prec < 0) {
		zeros += fill;
		fill = 0;
	}
	if (!fs->left)
		pad(o, ' ', fill);
	while (*prefix != '\0')
		out(o, *prefix++);
	pad(o, '0', zeros);
	while (len > 0)
		out(o, buf[--len]);
	if (fs->left)
		pad(o, ' ', fill);
}

/* Parse flags, width, precision and length; *fmtp moves past them. */
static void
parse_spec(const char **fmtp, struct fmtspec *fs, va_list *ap)
{
	const char *f = *fmtp;

	fs->left = fs->zero = fs->width = fs->lng = fs->sizet = 0;
	fs->prec = -1;
	for (;; f++) {
		if (*f == '-')
			fs->left = 1;
		else if (*f == '0')
			fs->zero = 1;
		else
			break;
	}
	if (*f == '*') {
		fs->width = va_arg(*ap, int);
		if (fs->width < 0) {		/* "%*d" with -5: left, 5 */
			fs->left = 1;
			fs->width = fs->width < -__INT_MAX__ ?
			    __INT_MAX__ : -fs->width;	/* INT_MIN */
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			fs->width = fs->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		fs->prec = 0;
		if (*f == '*') {
			fs->prec = va_arg(*ap, int);
			if (fs->prec < 0)
				fs->prec = -1;
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				fs->prec = fs->prec * 10 + (*f++ - '0');
		}
	}
	for (;; f++) {
		if (*f == 'l')
			fs->lng++;
		else if (*f == 'h')
			fs->lng--;
		else if (*f == 'z')
			fs->sizet = 1;
		else
			break;
	}
	*fmtp = f;
}

static uint64_t
fetch_unsigned(const struct fmtspec *fs, va_list *ap)
{
	if (fs->sizet)
		return va_arg(*ap, size_t);
	if (fs->lng >= 2)
		return va_arg(*ap, unsigned long long);
	if (fs->lng == 1)
		return va_arg(*ap, unsigned long);
	if (fs->lng == -1)
		return (unsigned short)va_arg(*ap, unsigned int);
	if (fs->lng <= -2)
		return (unsigned char)va_arg(*ap, unsigned int);
	return va_arg(*ap, unsigned int);
}

static int64_t
fetch_signed(const struct fmtspec *fs, va_list *ap)
{
	if (fs->sizet)
		return va_arg(*ap, ssize_t);
	if (fs->lng >= 2)
		return va_arg(*ap, long long);
	if (fs->lng == 1)
		return va_arg(*ap, long);
	if (fs->lng == -1)
		return (short)va_arg(*ap, int);
	if (fs->lng <= -2)
		return (signed char)va_arg(*ap, int);
	return va_arg(*ap, int);
}

/* One conversion; c is the conversion character. */
static void
convert(struct outstate *o, struct fmtspec *fs, int c, va_list *ap)
{
	const char *s;
	char ch;
	int64_t sv;
	int len;

	switch (c) {
	case 'd':
	case 'i':
		sv = fetch_signed(fs, ap);
		if (sv < 0)
			emit_number(o, fs, -(uint64_t)sv, 10, 0, "-");
		else
			emit_number(o, fs, sv, 10, 0, "");
		break;
	case 'u':
		emit_number(o, fs, fetch_unsigned(fs, ap), 10, 0, "");
		break;
	case 'o':
		emit_number(o, fs, fetch_unsigned(fs, ap), 8, 0, "");
		break;
	case 'x':
	case 'X':
		emit_number(o, fs, fetch_unsigned(fs, ap), 16, c == 'X', "");
		break;
	case 'p':
		emit_number(o, fs, (uintptr_t)va_arg(*ap, void *), 16, 0, "0x");
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (s == NULL)
			s = "(null)";
		for (len = 0; s[len] != '\0' && (fs->prec < 0 ||
		    len < fs->prec); len++)
			continue;
		emit_field(o, fs, s, len);
		break;
	case 'c':
		ch = (char)va_arg(*ap, int);
		emit_field(o, fs, &ch, 1);
		break;
	case '%':
		out(o, '%');
		break;
	default:
		/* Unknown: print it as written, so the mistake is visible. */
		out(o, '%');
		if (c != '\0')
			out(o, c);
		break;
	}
}

int
kprintf(void (*put)(int, void *), void *arg, const char *fmt, va_list ap0)
{
	struct outstate o = { put, arg, 0 };
	struct fmtspec fs;
	va_list ap;

	va_copy(ap, ap0);
	while (*fmt != '\0') {
		if (*fmt != '%') {
			out(&o, *fmt++);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &fs, &ap);
		convert(&o, &fs, *fmt, &ap);
		if (*fmt != '\0')
			fmt++;
	}
	va_end(ap);
	return o.n;
}

/* snprintf: the buffer and how much room is left in it. */
struct snbuf {
	char	*p;
	size_t	left;
};

static void
snput(int c, void *arg)
{
	struct snbuf *b = arg;

	if (b->left > 1) {
		*b->p++ = c;
		b->left--;
	}
}

int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct snbuf b = { buf, size };
	int n;

	n = kprintf(snput, &b, fmt, ap);
	if (size > 0)
		*b.p = '\0';
	return n;
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void
cnput(int c, void *arg __unused)
{
	cnputc(c);
}

int
vprintf(const char *fmt, va_list ap)
{
	return kprintf(cnput, NULL, fmt, ap);
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

const char *panicstr;
static char panicbuf[256];

/*
 * Stop the kernel: print the message and a backtrace, then halt (or, in a
 * test run, power off with a failure status).  A panic during the panic
 * stops at once.
 */
void
panic(const char *fmt, ...)
{
	va_list ap;

	if (panicstr != NULL) {
		printf("\npanic while panicking: ");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf("\n");
		boot(RB_HALT | RB_NOSYNC);
	}
	va_start(ap, fmt);
	vsnprintf(panicbuf, sizeof(panicbuf), fmt, ap);
	va_end(ap);
	panicstr = panicbuf;

	printf("\n\033[1;31mpanic: %s\033[0m\n", panicbuf);
	db_stack_dump();
	if (ktest_running())
		printf("Bail out! panic: %s\n", panicbuf);
	boot(RB_HALT | RB_NOSYNC);
}

/* KASSERT's failure path, worded as OpenBSD's. */
void
__assert(const char *t, const char *f, int l, const char *e)
{
	panic("kernel %sassertion \"%s\" failed: file \"%s\", line %d",
	    t, e, f, l);
}
