/*
 * user/lib/math.c: the part of <math.h> that can be exact cheaply:
 * fabs, copysign, trunc, floor, ceil, round, modf, frexp, ldexp/scalbn,
 * fmod, sqrt, fmin, fmax, and float forms of some of them.
 *
 * Every result here is the exact or correctly rounded one, and none
 * uses the FPU's own instructions beyond + - *: they work on a double's
 * bits (sign, an 11-bit exponent biased by 1023, 52 fraction bits) with
 * integer arithmetic.  sqrt is the schoolbook digit-by-digit root, two
 * bits of the radicand for each bit of the root; fmod is long division
 * on the significands.  No exp, log, pow or trigonometry: doing those
 * well is a library of its own (FIXME: port OpenBSD's libm).
 *
 * Domain errors (sqrt of a negative, fmod by 0 or of an infinity) give
 * a NaN and set errno to EDOM (math_errhandling is MATH_ERRNO).
 */

#include <errno.h>
#include <math.h>
#include <stdint.h>

#define EXP_BIAS	1023
#define FRAC_BITS	52
#define FRAC_MASK	((UINT64_C(1) << FRAC_BITS) - 1)
#define HIDDEN		(UINT64_C(1) << FRAC_BITS)
#define SIGN_BIT	(UINT64_C(1) << 63)
#define EXP_MAX		0x7ff		/* inf and NaN */

static uint64_t
bits(double x)
{
	union {
		double d;
		uint64_t u;
	} v = { .d = x };

	return v.u;
}

static double
from_bits(uint64_t u)
{
	union {
		double d;
		uint64_t u;
	} v = { .u = u };

	return v.d;
}

/* The exponent field of x. */
static int
expfield(uint64_t u)
{
	return (u >> FRAC_BITS) & EXP_MAX;
}

/*
 * |x| as m * 2^e with m in [2^52, 2^53) (subnormals shifted up).
 * => x finite and non-zero.
 */
static void
split(uint64_t u, uint64_t *m, int *e)
{
	int ef = expfield(u);

	*m = u & FRAC_MASK;
	if (ef != 0) {
		*m |= HIDDEN;
		*e = ef - EXP_BIAS - FRAC_BITS;
		return;
	}
	*e = 1 - EXP_BIAS - FRAC_BITS;
	while (*m < HIDDEN) {
		*m <<= 1;
		(*e)--;
	}
}

/*
 * The double m * 2^e with the sign bit sign, when that is exact: m < 2^53
 * and either normal or a subnormal whose bits all fit (fmod's results).
 */
static double
join(uint64_t sign, uint64_t m, int e)
{
	if (m == 0)
		return from_bits(sign);
	while (m < HIDDEN) {
		m <<= 1;
		e--;
	}
	if (e + EXP_BIAS + FRAC_BITS <= 0)	/* subnormal: shift back */
		return from_bits(sign | m >> (1 - e - EXP_BIAS - FRAC_BITS));
	return from_bits(sign | (uint64_t)(e + EXP_BIAS + FRAC_BITS) <<
	    FRAC_BITS | (m & FRAC_MASK));
}

double
fabs(double x)
{
	return from_bits(bits(x) & ~SIGN_BIT);
}

double
copysign(double x, double y)
{
	return from_bits((bits(x) & ~SIGN_BIT) | (bits(y) & SIGN_BIT));
}

/* x without its fraction: the fraction bits below the point cleared. */
double
trunc(double x)
{
	uint64_t u = bits(x);
	int e = expfield(u) - EXP_BIAS;

	if (e >= FRAC_BITS)		/* an integer already, inf, NaN */
		return x;
	if (e < 0)			/* |x| < 1 */
		return from_bits(u & SIGN_BIT);
	return from_bits(u & ~(FRAC_MASK >> e));
}

double
floor(double x)
{
	double t = trunc(x);

	return x < 0 && t != x ? t - 1.0 : t;
}

double
ceil(double x)
{
	double t = trunc(x);

	return x > 0 && t != x ? t + 1.0 : t;
}

/* The nearest integer, halfway cases away from zero. */
double
round(double x)
{
	double t = trunc(x);

	if (fabs(x - t) >= 0.5)		/* exact: x - t is x's fraction */
		return t + copysign(1.0, x);
	return t;
}

/* x's integer part in *ip; its fraction, with x's sign, returned. */
double
modf(double x, double *ip)
{
	*ip = trunc(x);
	if (isinf(x))
		return copysign(0.0, x);
	return copysign(x - *ip, x);
}

/* x = f * 2^*e with |f| in [0.5, 1); f returned (0, inf, NaN: as is). */
double
frexp(double x, int *e)
{
	uint64_t u = bits(x), m;

	*e = 0;
	if ((u & ~SIGN_BIT) == 0 || expfield(u) == EXP_MAX)
		return x;
	split(u, &m, e);
	*e += FRAC_BITS + 1;
	return from_bits((u & SIGN_BIT) |
	    (uint64_t)(EXP_BIAS - 1) << FRAC_BITS | (m & FRAC_MASK));
}

/*
 * x * 2^n, rounded once: the product is exact in long double (the x87's
 * 15-bit exponent holds any double times 2^+-2200), then one rounding
 * to double, through a volatile so that it happens here.
 */
double
scalbn(double x, int n)
{
	union {
		long double v;
		struct {
			uint64_t m;
			uint16_t se;
		} p;
	} s;
	volatile double r;

	if (n > 2200)			/* past any double's range either way */
		n = 2200;
	if (n < -2200)
		n = -2200;
	s.p.m = UINT64_C(1) << 63;
	s.p.se = 16383 + n;
	r = x * s.v;
	if (isinf(r) && !isinf(x))
		errno = ERANGE;
	return r;
}

double
ldexp(double x, int n)
{
	return scalbn(x, n);
}

/*
 * x - n * y for the integer n = trunc(x / y), exactly: the significands'
 * long division, one bit of the quotient per step, keeping only the
 * remainder.  The result has x's sign.
 */
double
fmod(double x, double y)
{
	uint64_t ux = bits(x), uy = bits(y), mx, my;
	int ex, ey;

	if (isnan(x) || isnan(y))
		return x + y;
	if (isinf(x) || y == 0) {
		errno = EDOM;
		return NAN;
	}
	if (isinf(y) || fabs(x) < fabs(y))
		return x;
	split(ux, &mx, &ex);
	split(uy, &my, &ey);
	for (; ex > ey; ex--) {
		if (mx >= my)
			mx -= my;
		mx <<= 1;
	}
	if (mx >= my)
		mx -= my;
	return join(ux & SIGN_BIT, mx, ey);
}

/*
 * The square root, correctly rounded.  With x = m * 2^e (e even, m < 2^54)
 * the root is sqrt(m * 2^54) * 2^((e - 54) / 2), and q = floor(sqrt(m *
 * 2^54)) has 54 bits: the digit-by-digit method finds them, taking two
 * bits of m * 2^54 for each one, and what remains says whether anything
 * lies beyond q's last bit.  Rounding q to 53 bits cannot meet a tie (an
 * exact root has at most 27 bits).
 */
double
sqrt(double x)
{
	uint64_t u = bits(x), m, q = 0, r = 0, t;
	int e, i;

	if (isnan(x) || x == 0 || (x > 0 && isinf(x)))
		return x;		/* NaN, +-0, +inf */
	if (x < 0) {
		errno = EDOM;
		return NAN;
	}
	split(u, &m, &e);
	if (e & 1) {
		m <<= 1;
		e--;
	}
	for (i = 53; i >= 0; i--) {
		/* The next two bits of m * 2^54 (bits 2i+1, 2i). */
		r = r << 2 | (i >= 27 ? (m >> (2 * i - 54)) & 3 : 0);
		t = q << 2 | 1;		/* (2q + 1)^2 - (2q)^2 = 4q + 1 */
		q <<= 1;
		if (r >= t) {
			r -= t;
			q |= 1;
		}
	}
	/* q in [2^53, 2^54): drop its last bit, rounding to nearest. */
	t = (q >> 1) + ((q & 1) != 0 && (r != 0 || (q & 2) != 0));
	e = (e - 54) / 2 + 1;
	if (t == HIDDEN << 1) {
		t >>= 1;
		e++;
	}
	return join(0, t, e);
}

double
fmin(double x, double y)
{
	if (isnan(x))
		return y;
	if (isnan(y))
		return x;
	return x < y || (x == y && signbit(x)) ? x : y;
}

double
fmax(double x, double y)
{
	if (isnan(x))
		return y;
	if (isnan(y))
		return x;
	return x > y || (x == y && !signbit(x)) ? x : y;
}

/*
 * The float forms: each double result is a float already (floor, fmod)
 * or rounds to the correctly rounded float (sqrt: 53 bits are more than
 * 2 * 24 + 2, so rounding twice cannot go wrong).
 */
float
fabsf(float x)
{
	return fabs(x);
}

float
sqrtf(float x)
{
	return sqrt(x);
}

float
floorf(float x)
{
	return floor(x);
}

float
ceilf(float x)
{
	return ceil(x);
}

float
truncf(float x)
{
	return trunc(x);
}

float
roundf(float x)
{
	return round(x);
}

float
fmodf(float x, float y)
{
	return fmod(x, y);
}
