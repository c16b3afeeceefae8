/*
 * math.h: the exact part of the C library's mathematics (user/lib/
 * math.c), the classification macros and the constants.  There is no
 * exp, log, pow, trigonometry or hyperbolic function (docs/libc.md).
 */
#ifndef _MATH_H_
#define _MATH_H_

#define HUGE_VAL	__builtin_huge_val()
#define HUGE_VALF	__builtin_huge_valf()
#define INFINITY	__builtin_inff()
#define NAN		__builtin_nanf("")

#define MATH_ERRNO	1
#define MATH_ERREXCEPT	2
#define math_errhandling MATH_ERRNO	/* domain errors set errno (EDOM) */

#define FP_NAN		0
#define FP_INFINITE	1
#define FP_ZERO		2
#define FP_SUBNORMAL	3
#define FP_NORMAL	4

/* The classification macros, for float, double and long double alike. */
#define fpclassify(x)	__builtin_fpclassify(FP_NAN, FP_INFINITE,	\
			    FP_NORMAL, FP_SUBNORMAL, FP_ZERO, (x))
#define isnan(x)	__builtin_isnan(x)
#define isinf(x)	__builtin_isinf(x)
#define isfinite(x)	__builtin_isfinite(x)
#define isnormal(x)	__builtin_isnormal(x)
#define signbit(x)	__builtin_signbit(x)

/* POSIX's (XSI) constants. */
#define M_E		2.7182818284590452354	/* e */
#define M_LOG2E		1.4426950408889634074	/* log2(e) */
#define M_LOG10E	0.43429448190325182765	/* log10(e) */
#define M_LN2		0.69314718055994530942	/* ln(2) */
#define M_LN10		2.30258509299404568402	/* ln(10) */
#define M_PI		3.14159265358979323846	/* pi */
#define M_PI_2		1.57079632679489661923	/* pi/2 */
#define M_PI_4		0.78539816339744830962	/* pi/4 */
#define M_1_PI		0.31830988618379067154	/* 1/pi */
#define M_2_PI		0.63661977236758134308	/* 2/pi */
#define M_2_SQRTPI	1.12837916709551257390	/* 2/sqrt(pi) */
#define M_SQRT2		1.41421356237309504880	/* sqrt(2) */
#define M_SQRT1_2	0.70710678118654752440	/* 1/sqrt(2) */

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

#endif /* _MATH_H_ */
