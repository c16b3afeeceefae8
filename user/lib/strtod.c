/*
 * user/lib/strtod.c: strtod, strtof, strtold and atof: text to binary
 * floating point, correctly rounded (to nearest, ties to even).
 *
 * A decimal number is read as its significant digits D (at most
 * MAXDIG of them, and a note, "sticky", of whether a non-zero digit came
 * after those) and a power of ten E, so that its value is V = D * 10^E.
 * A first guess b comes from long double arithmetic; it is within an ulp
 * (unit in the last place) or two of the answer.  Then b is checked
 * exactly, with big integers: V is compared with the two points halfway
 * to b's neighbours, and b moves one ulp at a time until V lies between
 * them.  That is the idea of Clinger's algorithm R ("How to read
 * floating point numbers accurately", PLDI 1990), done the simple way:
 *
 *            mid below           mid above
 *      b - ulp    |        b        |    b + ulp
 *   -----+--------+--------+--------+--------+-----
 *         V < mid below: down    V > mid above: up    (V = mid: the even
 *                                                      one of the two)
 *
 * MAXDIG digits are enough: a point halfway between two doubles has at
 * most 767 significant decimal digits, so digits past 800 can only break
 * a tie, and sticky does that.  Hexadecimal input ("0x1.8p3") is binary
 * already: its bits are rounded once (round_bin).
 *
 * The same code makes floats: a struct fmt describes the format.
 * strtold gives a double's precision (there is no long double version of
 * the check).  errno is ERANGE on overflow (the result +-HUGE_VAL) and on
 * underflow (a result that is 0 or subnormal and not exact).
 */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAXDIG		800	/* significant decimal digits kept */
#define BIG_WORDS	136	/* 4352 bits; the largest need is ~3800 */

/* A binary floating-point format, described by its parameters. */
struct fmt {
	int	mant;		/* significand bits, the hidden one too */
	int	emin, emax;	/* exponents of the smallest, largest normal */
	int	decmax, decmin;	/* nd + E beyond these: surely inf, 0 */
};

static const struct fmt fmt_double = { 53, -1022, 1023, 310, -324 };
static const struct fmt fmt_float = { 24, -126, 127, 40, -46 };

/* The bits of a value: exponent field above the fraction, no sign. */
#define F_INF(f)	\
	((uint64_t)((f)->emax - (f)->emin + 2) << ((f)->mant - 1))
#define F_FRAC(f)	(((uint64_t)1 << ((f)->mant - 1)) - 1)

/* A decimal number: digits (0..9) d[0..nd), V = d * 10^e. */
struct dec {
	unsigned char d[MAXDIG];
	int	nd, e, sticky;
};

/* ---- big unsigned integers, just enough for the comparison ---- */

struct big {
	int	n;			/* words in use */
	uint32_t w[BIG_WORDS];		/* least significant first */
};

static void
big_set(struct big *b, uint64_t v)
{
	b->w[0] = v;
	b->w[1] = v >> 32;
	b->n = b->w[1] != 0 ? 2 : 1;
}

/* b = b * m + a */
static void
big_muladd(struct big *b, uint32_t m, uint32_t a)
{
	uint64_t t = a;
	int i;

	for (i = 0; i < b->n; i++) {
		t += (uint64_t)b->w[i] * m;
		b->w[i] = t;
		t >>= 32;
	}
	if (t != 0)
		b->w[b->n++] = t;
}

static const uint32_t pow10_32[] = { 1, 10, 100, 1000, 10000, 100000,
    1000000, 10000000, 100000000, 1000000000 };

/* b *= 10^e, e >= 0: nine digits at a time. */
static void
big_pow10(struct big *b, int e)
{
	for (; e >= 9; e -= 9)
		big_muladd(b, pow10_32[9], 0);
	if (e > 0)
		big_muladd(b, pow10_32[e], 0);
}

/* b <<= bits */
static void
big_shl(struct big *b, int bits)
{
	int words = bits / 32, s = bits % 32, i;

	if (s != 0) {
		b->w[b->n] = 0;
		for (i = b->n; i > 0; i--)
			b->w[i] = b->w[i] << s | b->w[i - 1] >> (32 - s);
		b->w[0] <<= s;
		if (b->w[b->n] != 0)
			b->n++;
	}
	if (words > 0) {
		memmove(b->w + words, b->w, b->n * sizeof(b->w[0]));
		memset(b->w, 0, words * sizeof(b->w[0]));
		b->n += words;
	}
}

static int
big_cmp(const struct big *a, const struct big *b)
{
	int i;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* The digits of x as a big integer, nine at a time. */
static void
big_digits(struct big *b, const struct dec *x)
{
	uint32_t chunk;
	int i, k;

	big_set(b, 0);
	for (i = 0; i < x->nd; i += k) {
		chunk = 0;
		for (k = 0; k < 9 && i + k < x->nd; k++)
			chunk = chunk * 10 + x->d[i + k];
		big_muladd(b, pow10_32[k], chunk);
	}
}

/*
 * Compare x's value D * 10^E with h = N * 2^j: both sides are scaled to
 * integers (10^-E and 2^-j move to the other side) and compared.
 * => < 0, 0 or > 0 as the digits (sticky left out) are below, at, above h.
 */
static int
cmp_half(const struct big *digits, int e, uint64_t n, int j)
{
	struct big a = *digits, b;

	big_set(&b, n);
	if (e >= 0)
		big_pow10(&a, e);
	else
		big_pow10(&b, -e);
	if (j >= 0)
		big_shl(&b, j);
	else
		big_shl(&a, -j);
	return big_cmp(&a, &b);
}

/* ---- rounding ---- */

/*
 * The value bits nearest m * 2^e2 in format f, sticky saying that bits
 * below m's last were set; ERANGE on overflow and inexact underflow.
 * => m != 0.
 */
static uint64_t
round_bin(uint64_t m, int e2, int sticky, const struct fmt *f)
{
	uint64_t q, rest, half, u;
	int e, drop;

	while (!(m >> 63)) {
		m <<= 1;
		e2--;
	}
	e = e2 + 63;			/* the exponent of m's top bit */
	if (e > f->emax) {
		errno = ERANGE;
		return F_INF(f);
	}
	drop = 64 - f->mant;		/* the bits that do not fit */
	if (e < f->emin)
		drop += f->emin - e;	/* subnormal: fewer fit */
	if (drop > 64)
		q = 0, rest = 1, half = 2;	/* under half the least */
	else if (drop == 64)
		q = 0, rest = m, half = (uint64_t)1 << 63;
	else {
		q = m >> drop;
		rest = m & (((uint64_t)1 << drop) - 1);
		half = (uint64_t)1 << (drop - 1);
	}
	if (rest > half || (rest == half && (sticky || (q & 1))))
		q++;
	/* The hidden bit of q (and a carry out of it) add to the exponent. */
	u = (e >= f->emin ? (uint64_t)(e - f->emin) << (f->mant - 1) : 0) + q;
	if (u >= F_INF(f)) {
		errno = ERANGE;
		return F_INF(f);
	}
	if (u <= F_FRAC(f) && (rest != 0 || sticky))
		errno = ERANGE;
	return u;
}

/* The long double guess at x's value, as bits of format f. */
static uint64_t
guess(const struct dec *x, const struct fmt *f)
{
	static const long double p10[] = { 1e1L, 1e2L, 1e4L, 1e8L, 1e16L,
	    1e32L, 1e64L, 1e128L, 1e256L, 1e512L, 1e1024L, 1e2048L };
	union {
		long double v;
		struct { uint64_t m; uint16_t se; } p;
	} g;
	uint64_t m = 0;
	int i, e = x->e, k;

	for (i = 0; i < x->nd && i < 19; i++)
		m = m * 10 + x->d[i];
	e += x->nd - i;
	g.v = m;
	for (k = 0, i = e < 0 ? -e : e; i != 0 && k < 12; k++, i >>= 1)
		if (i & 1)
			g.v = e < 0 ? g.v / p10[k] : g.v * p10[k];
	if (g.v == 0)
		return 0;
	return round_bin(g.p.m, (g.p.se & 0x7fff) - 16383 - 63, 0, f);
}

/*
 * The bits of format f nearest x's value (x non-zero): the guess, then
 * corrected by exact comparisons, as the header explains.
 */
static uint64_t
refine(const struct dec *x, const struct fmt *f)
{
	int save = errno, c, k, expf, sh = f->mant - 1;
	uint64_t u, mant;
	struct big digits;

	u = guess(x, f);
	if (u == F_INF(f))
		u--;			/* the largest finite: check it */
	errno = save;
	big_digits(&digits, x);
	for (;;) {
		expf = u >> sh;
		mant = (u & F_FRAC(f)) | (expf != 0 ? F_FRAC(f) + 1 : 0);
		k = (expf != 0 ? expf - 1 : 0) + f->emin - sh;	/* ulp 2^k */
		c = cmp_half(&digits, x->e, 2 * mant + 1, k - 1);
		if (c > 0 || (c == 0 && (x->sticky || (u & 1)))) {
			if (++u == F_INF(f))
				break;
			continue;
		}
		if (u == 0)
			break;
		/* At a power of two the gap below is half the one above. */
		if ((u & F_FRAC(f)) == 0 && expf > 1)
			c = cmp_half(&digits, x->e, 4 * mant - 1, k - 2);
		else
			c = cmp_half(&digits, x->e, 2 * mant - 1, k - 1);
		if (c < 0 || (c == 0 && !x->sticky && (u & 1))) {
			u--;
			continue;
		}
		break;
	}
	if (u == F_INF(f) || u <= F_FRAC(f))
		errno = ERANGE;		/* overflow; underflow (inexact) */
	return u;
}

/* ---- parsing ---- */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Does s start with word (lower case), in either case? */
static int
prefix(const char *s, const char *word)
{
	for (; *word != '\0'; s++, word++)
		if (*s != *word && *s != *word - 'a' + 'A')
			return 0;
	return 1;
}

/* An exponent's digits at s, after [eEpP]: added to *e, clamped. */
static const char *
exponent(const char *s, int *e)
{
	int neg = 0, v = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (*s < '0' || *s > '9')
		return NULL;
	for (; *s >= '0' && *s <= '9'; s++)
		if (v < 100000)
			v = v * 10 + *s - '0';
	*e += neg ? -v : v;
	return s;
}

/* Decimal digits at s into x; returns the end, or s if none. */
static const char *
parse_dec(const char *s, struct dec *x)
{
	const char *start = s, *t;
	int any = 0, point = 0, zeros = 0;

	x->nd = x->e = x->sticky = 0;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			break;
		any = 1;
		if (*s == '0' && x->nd == 0) {		/* a leading zero */
			x->e -= point;
			continue;
		}
		if (*s == '0') {
			zeros++;	/* kept only if a non-zero follows */
		} else {
			for (; zeros > 0; zeros--)
				if (x->nd < MAXDIG)
					x->d[x->nd++] = 0;
				else
					x->e++;
			if (x->nd < MAXDIG)
				x->d[x->nd++] = *s - '0';
			else {
				x->sticky = 1;
				x->e++;
			}
		}
		x->e -= point;
	}
	x->e += zeros;		/* trailing zeros: a power of ten */
	if (!any)
		return start;
	if ((*s == 'e' || *s == 'E') && (t = exponent(s + 1, &x->e)) != NULL)
		s = t;
	return s;
}

/*
 * Hexadecimal digits at s (after "0x") as m * 2^e2 with sticky; returns
 * the end, or NULL if there is no digit.
 */
static const char *
parse_hex(const char *s, uint64_t *m, int *e2, int *sticky)
{
	int any = 0, point = 0, v;
	const char *t;

	*m = 0;
	*e2 = *sticky = 0;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if ((v = hexval(*s)) < 0)
			break;
		any = 1;
		if (*m >> 60 == 0) {
			*m = *m << 4 | v;
			*e2 -= 4 * point;
		} else {
			*sticky |= v != 0;
			*e2 += 4 * !point;
		}
	}
	if (!any)
		return NULL;
	if ((*s == 'p' || *s == 'P') && (t = exponent(s + 1, e2)) != NULL)
		s = t;
	return s;
}

/*
 * The whole conversion, into format f: the bits of the value (sign
 * apart, in *neg); *endp past the text used, or nptr if there was none.
 */
static uint64_t
scan(const char *nptr, char **endp, const struct fmt *f, int *neg)
{
	const char *s = nptr, *t;
	uint64_t u = 0, m;
	int e2, sticky;
	struct dec x;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	*neg = 0;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if (prefix(s, "inf")) {
		s += prefix(s, "infinity") ? 8 : 3;
		u = F_INF(f);
	} else if (prefix(s, "nan")) {
		s += 3;
		/* nan(n-char-sequence): letters, digits and '_' */
		for (t = s + 1; *s == '(' && (*t == '_' || hexval(*t) >= 0 ||
		    (*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z')); t++)
			continue;
		if (*s == '(' && *t == ')')
			s = t + 1;
		u = F_INF(f) | (F_FRAC(f) + 1) >> 1;	/* a quiet NaN */
	} else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    (t = parse_hex(s + 2, &m, &e2, &sticky)) != NULL) {
		s = t;
		u = m == 0 ? 0 : round_bin(m, e2, sticky, f);
	} else if ((t = parse_dec(s, &x)) != s) {
		s = t;
		if (x.nd == 0)
			u = 0;
		else if (x.nd + x.e > f->decmax) {
			errno = ERANGE;
			u = F_INF(f);
		} else if (x.nd + x.e < f->decmin) {
			errno = ERANGE;
			u = 0;
		} else
			u = refine(&x, f);
	} else
		s = nptr;		/* nothing to convert */
	if (endp != NULL)
		*endp = (char *)s;
	return u;
}

double
strtod(const char *nptr, char **endp)
{
	union {
		double d;
		uint64_t u;
	} v;
	int neg;

	v.u = scan(nptr, endp, &fmt_double, &neg);
	v.u |= (uint64_t)neg << 63;
	return v.d;
}

float
strtof(const char *nptr, char **endp)
{
	union {
		float f;
		uint32_t u;
	} v;
	int neg;

	v.u = scan(nptr, endp, &fmt_float, &neg);
	v.u |= (uint32_t)neg << 31;
	return v.f;
}

/* XXX a double's precision only: there is no long double refine. */
long double
strtold(const char *nptr, char **endp)
{
	return strtod(nptr, endp);
}

double
atof(const char *s)
{
	return strtod(s, NULL);
}
