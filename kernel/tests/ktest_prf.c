/*
 * kernel/tests/ktest_prf.c: printf formatting, run in the kernel itself.
 * The host tests (tests/host/test_prf.c) cover the engine in depth; this
 * proves the cross-compiled kernel agrees, 64-bit division in libgcc
 * included (%llu needs __udivdi3 on i386).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>

static char buf[96];
static const char *volatile null_string;	/* hidden from gcc's checks */

#define FMT_IS(want, ...) do {						\
	snprintf(buf, sizeof(buf), __VA_ARGS__);			\
	KT_STREQ(buf, want);						\
} while (0)

KTEST(printf_formats)
{
	FMT_IS("42 -42 42", "%d %i %u", 42, -42, 42U);
	FMT_IS("ff FF 0xc0100000 17", "%x %X %p %o", 255, 255,
	    (void *)0xc0100000, 15);
	FMT_IS("[   7] [7   ] [0007]", "[%4d] [%-4d] [%04d]", 7, 7, 7);
	FMT_IS("[  ab] [ab  ] [a]", "[%4s] [%-4s] [%.1s]", "ab", "ab", "ab");
	FMT_IS("x%y", "%c%%%c", 'x', 'y');
	FMT_IS("-2147483648", "%d", (int)0x80000000);
	FMT_IS("18446744073709551615", "%llu", ~0ULL);
	FMT_IS("-9223372036854775808", "%lld", (long long)(1ULL << 63));
	FMT_IS("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	FMT_IS("4294967295 ffffffff", "%lu %lx", 0xffffffffUL, 0xffffffffUL);
	FMT_IS("(null)", "%s", null_string);
	FMT_IS("[  -5] [-005]", "[%*d] [%.3d]", 4, -5, -5);
	FMT_IS("200 -1", "%hhu %hd", 200, 0xffff);
	FMT_IS("12345", "%zu", (size_t)12345);
}

KTEST(snprintf_truncates)
{
	char small[6];
	int n;

	n = snprintf(small, sizeof(small), "%s", "truncated");
	KT_EQ(n, 9);			/* the length it wanted */
	KT_STREQ(small, "trunc");	/* size - 1 characters and a NUL */
	n = snprintf(small, 0, "%d", 12345);
	KT_EQ(n, 5);
	KT_STREQ(small, "trunc");	/* size 0: untouched */
}
