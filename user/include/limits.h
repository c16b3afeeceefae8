/*
 * limits.h: the C limits (from gcc's predefined macros: its own limits.h
 * wants a system one under it) and the POSIX ones Tine has.
 */
#ifndef _LIMITS_H_
#define _LIMITS_H_

#define CHAR_BIT	__CHAR_BIT__
#define SCHAR_MAX	__SCHAR_MAX__
#define SCHAR_MIN	(-SCHAR_MAX - 1)
#define UCHAR_MAX	(SCHAR_MAX * 2 + 1)
#define CHAR_MAX	SCHAR_MAX	/* char is signed on i386 */
#define CHAR_MIN	SCHAR_MIN
#define SHRT_MAX	__SHRT_MAX__
#define SHRT_MIN	(-SHRT_MAX - 1)
#define USHRT_MAX	(SHRT_MAX * 2 + 1)
#define INT_MAX		__INT_MAX__
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	(INT_MAX * 2U + 1U)
#define LONG_MAX	__LONG_MAX__
#define LONG_MIN	(-LONG_MAX - 1L)
#define ULONG_MAX	(LONG_MAX * 2UL + 1UL)
#define LLONG_MAX	__LONG_LONG_MAX__
#define LLONG_MIN	(-LLONG_MAX - 1LL)
#define ULLONG_MAX	(LLONG_MAX * 2ULL + 1ULL)
#define SSIZE_MAX	INT_MAX
#define MB_LEN_MAX	1

#define PATH_MAX	1024	/* bytes in a path, with its NUL */
#define NAME_MAX	255	/* bytes in a file name */
#define ARG_MAX		(256 * 1024)
#define OPEN_MAX	64
#define PIPE_BUF	512
#define PAGESIZE	4096
#define PAGE_SIZE	PAGESIZE
#define CLK_TCK		100	/* sysconf(_SC_CLK_TCK), as OpenBSD */
#define NGROUPS_MAX	16
#define LINE_MAX	2048

#endif /* _LIMITS_H_ */
