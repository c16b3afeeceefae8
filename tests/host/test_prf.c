/*
 * tests/host/test_prf.c: host tests for kernel/subr_prf.c, the kernel's
 * printf engine.
 *
 * Every conversion (%d %i %u %x %X %o %p %s %c %%) with widths, the '-'
 * and '0' flags, precisions and '*', the length modifiers hh h l ll z and
 * the extreme values of each; snprintf's truncation and return value;
 * unknown conversions; a table of formats compared with the C library's
 * snprintf; printf() through a cnputc() that records what it is given;
 * panic() and KASSERT with a boot() that jumps back into the test.
 */

#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <cmocka.h>

/* The C library's snprintf, to compare with: the shim renames the name. */
static int (*const libc_snprintf)(char *, size_t, const char *, ...) =
    snprintf;

#include "host_shim.h"
#include "../../kernel/subr_prf.c"

/* What subr_prf.c calls: a console that records, a marked backtrace. */
#define KERN_STUBS_CONSOLE
#define KERN_STUBS_BACKTRACE	"<backtrace>\n"
#include "kern_stubs.h"

/*
 * snprintf into a roomy buffer; the text must be want and the return value
 * its length.  A macro, so a failure names the caller's line.
 */
#define FMT_IS(want, ...) do {						\
	char _buf[512];							\
	int _n;								\
									\
	memset(_buf, 0x7f, sizeof(_buf));				\
	_n = snprintf(_buf, sizeof(_buf), __VA_ARGS__);			\
	assert_string_equal(_buf, (want));				\
	assert_int_equal(_n, strlen(want));				\
} while (0)

/* ---- conversions -------------------------------------------------------- */

static void
test_signed_decimal(void **state)
{
	(void)state;
	FMT_IS("0", "%d", 0);
	FMT_IS("42 -42", "%d %i", 42, -42);
	FMT_IS("2147483647", "%d", INT_MAX);
	FMT_IS("-2147483648", "%d", INT_MIN);
	FMT_IS("-2147483648", "%i", INT_MIN);
	FMT_IS("x=-1;", "x=%d;", -1);
}

static void
test_unsigned_bases(void **state)
{
	(void)state;
	FMT_IS("0 0 0 0", "%u %x %X %o", 0U, 0U, 0U, 0U);
	FMT_IS("4294967295", "%u", UINT_MAX);
	FMT_IS("ffffffff FFFFFFFF", "%x %X", UINT_MAX, UINT_MAX);
	FMT_IS("37777777777", "%o", UINT_MAX);
	FMT_IS("deadbeef DEADBEEF", "%x %X", 0xdeadbeefU, 0xdeadbeefU);
	FMT_IS("17 10 10", "%o %o %o", 15U, 8U, 010U);
	/* A negative int read as unsigned: two's complement. */
	FMT_IS("4294967295 ffffffff", "%u %x", (unsigned int)-1,
	    (unsigned int)-1);
}

static void
test_pointer(void **state)
{
	(void)state;
	FMT_IS("0xc0100000", "%p", (void *)0xc0100000UL);
	FMT_IS("0x0", "%p", NULL);
	FMT_IS("0x1234abcd", "%p", (void *)0x1234abcdUL);
	FMT_IS("    0x1234", "%10p", (void *)0x1234UL);
	FMT_IS("0x1234    |", "%-10p|", (void *)0x1234UL);
}

static void
test_string_and_char(void **state)
{
	const char *volatile null = NULL;	/* hidden from gcc's checks */

	(void)state;
	FMT_IS("hello", "%s", "hello");
	FMT_IS("", "%s", "");
	FMT_IS("(null)", "%s", null);
	FMT_IS("[(nu]", "[%.3s]", null);
	FMT_IS("[  abc]", "[%5s]", "abc");
	FMT_IS("[abc  ]", "[%-5s]", "abc");
	FMT_IS("[abc]", "[%2s]", "abc");	/* width never cuts */
	FMT_IS("[hel]", "[%.3s]", "hello");
	FMT_IS("[hi]", "[%.3s]", "hi");
	FMT_IS("[   he]", "[%5.2s]", "hello");
	FMT_IS("[]", "[%.0s]", "hello");
	FMT_IS("x", "%c", 'x');
	FMT_IS("[  x]", "[%3c]", 'x');
	FMT_IS("[x  ]", "[%-3c]", 'x');
	FMT_IS("100%", "100%%");
	FMT_IS("%d", "%%d");
	FMT_IS("a%b%%c", "a%%b%%%%c");
}

/* %c of NUL stores the NUL and counts it, as the C library does. */
static void
test_char_nul(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, sizeof(buf), "a%cb", 0), 3);
	assert_memory_equal(buf, "a\0b\0", 4);
}

/* ---- flags, width, precision -------------------------------------------- */

static void
test_width_and_flags(void **state)
{
	(void)state;
	FMT_IS("[   42]", "[%5d]", 42);
	FMT_IS("[42   ]", "[%-5d]", 42);
	FMT_IS("[00042]", "[%05d]", 42);
	FMT_IS("[-0042]", "[%05d]", -42);
	FMT_IS("[  -42]", "[%5d]", -42);
	FMT_IS("[-42  ]", "[%-5d]", -42);
	FMT_IS("[123456]", "[%3d]", 123456);	/* width never cuts */
	FMT_IS("[000000ff]", "[%08x]", 0xffU);
	FMT_IS("[0000017]", "[%07o]", 017U);
	FMT_IS("[     ]", "[%5s]", "");
}

static void
test_precision(void **state)
{
	(void)state;
	FMT_IS("[005]", "[%.3d]", 5);
	FMT_IS("[-005]", "[%.3d]", -5);
	FMT_IS("[12345]", "[%.3d]", 12345);
	FMT_IS("[    -005]", "[%8.3d]", -5);
	FMT_IS("[-005    ]", "[%-8.3d]", -5);
	FMT_IS("[00ff]", "[%.4x]", 0xffU);
	FMT_IS("[]", "[%.0d]", 0);		/* C: no digits for zero */
	FMT_IS("[   ]", "[%3.0d]", 0);
	FMT_IS("[]", "[%.0x]", 0U);
	FMT_IS("[]", "[%.0u]", 0U);
	FMT_IS("[7]", "[%.0d]", 7);
	FMT_IS("[]", "[%.d]", 0);		/* "." alone: precision 0 */
}

static void
test_star(void **state)
{
	(void)state;
	FMT_IS("[   42]", "[%*d]", 5, 42);
	FMT_IS("[42   ]", "[%-*d]", 5, 42);
	FMT_IS("[42   ]", "[%*d]", -5, 42);	/* negative: left-justify */
	FMT_IS("[ab   ]", "[%*s]", -5, "ab");
	FMT_IS("[00042]", "[%.*d]", 5, 42);
	FMT_IS("[42]", "[%.*d]", -1, 42);	/* negative: no precision */
	FMT_IS("[hel]", "[%.*s]", 3, "hello");
	FMT_IS("[hello]", "[%.*s]", -3, "hello");
	FMT_IS("[  007]", "[%*.*d]", 5, 3, 7);
	FMT_IS("[007  ]", "[%*.*d]", -5, 3, 7);
	FMT_IS("[]", "[%.*d]", 0, 0);
	FMT_IS("[   ab|cd]", "[%*s|%s]", 5, "ab", "cd");	/* in step */
}

/* ---- length modifiers --------------------------------------------------- */

static void
test_length_char_short(void **state)
{
	(void)state;
	FMT_IS("-1", "%hhd", 0xff);
	FMT_IS("-56", "%hhd", 200);
	FMT_IS("-128 127", "%hhd %hhd", -128, 127);
	FMT_IS("255 ff", "%hhu %hhx", 0x1ff, 0x1ff);
	FMT_IS("-1", "%hd", 0xffff);
	FMT_IS("-32768 32767", "%hd %hd", SHRT_MIN, SHRT_MAX);
	FMT_IS("2345 9029", "%hx %hu", 0x12345, 0x12345);
	FMT_IS("65535", "%hu", -1);
	FMT_IS("177777", "%ho", 0xffff);
}

static void
test_length_long(void **state)
{
	char want[64];

	(void)state;
	FMT_IS("-1 123456", "%ld %lu", -1L, 123456UL);
	FMT_IS("abcdef", "%lx", 0xabcdefUL);
	libc_snprintf(want, sizeof(want), "%ld %ld", LONG_MIN, LONG_MAX);
	FMT_IS(want, "%ld %ld", LONG_MIN, LONG_MAX);
	libc_snprintf(want, sizeof(want), "%lu %lx", ULONG_MAX, ULONG_MAX);
	FMT_IS(want, "%lu %lx", ULONG_MAX, ULONG_MAX);
}

static void
test_length_long_long(void **state)
{
	(void)state;
	FMT_IS("-9223372036854775808", "%lld", LLONG_MIN);
	FMT_IS("9223372036854775807", "%lld", LLONG_MAX);
	FMT_IS("-9223372036854775808", "%lli", LLONG_MIN);
	FMT_IS("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	FMT_IS("ffffffffffffffff", "%llx", (unsigned long long)UINT64_MAX);
	FMT_IS("FFFFFFFFFFFFFFFF", "%llX", (unsigned long long)UINT64_MAX);
	FMT_IS("1777777777777777777777", "%llo",
	    (unsigned long long)UINT64_MAX);
	FMT_IS("100000000", "%llx", 1ULL << 32);
	FMT_IS("4294967296", "%llu", 1ULL << 32);
	FMT_IS("[-00000000000000000001]", "[%021lld]", -1LL);
	FMT_IS("[     18446744073709551615]", "[%25llu]",
	    (unsigned long long)UINT64_MAX);
	/* The widest output, octal of 2^64-1, zero-padded past the buffer. */
	FMT_IS("[000000000000001777777777777777777777]", "[%036llo]",
	    (unsigned long long)UINT64_MAX);
}

static void
test_length_size_t(void **state)
{
	char want[64];

	(void)state;
	FMT_IS("42 2a", "%zu %zx", (size_t)42, (size_t)42);
	FMT_IS("-1", "%zd", (ssize_t)-1);
	libc_snprintf(want, sizeof(want), "%zu", SIZE_MAX);
	FMT_IS(want, "%zu", SIZE_MAX);
	FMT_IS("[   12]", "[%5zu]", sizeof(int) * 3);
}

/* ---- odd formats: flags C ignores, unknown conversions ------------------ */

/* These formats are odd on purpose: silence gcc's format checks. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

/* '0' loses to '-' and to a precision, as in C; with %p it pads after 0x. */
static void
test_zero_flag_ignored(void **state)
{
	(void)state;
	FMT_IS("[42   ]", "[%-05d]", 42);
	FMT_IS("[42   ]", "[%0-5d]", 42);
	FMT_IS("[     005]", "[%08.3d]", 5);
	FMT_IS("[    -005]", "[%08.3d]", -5);
	FMT_IS("[0x00001234]", "[%010p]", (void *)0x1234UL);
	FMT_IS("[  abc]", "[%05s]", "abc");
}

static void
test_unknown_conversion(void **state)
{
	(void)state;
	FMT_IS("%q", "%q");
	FMT_IS("a %q b", "a %q b");
	FMT_IS("%y 5", "%y %d", 5);		/* takes no argument */
	FMT_IS("%k%d", "%k%%d");
	FMT_IS("abc%", "abc%");			/* '%' at the very end */
	FMT_IS("%", "%");
	FMT_IS("x%", "x%5");			/* width, then the end */
}

#pragma GCC diagnostic pop

/* ---- snprintf: truncation and the return value -------------------------- */

static void
test_snprintf_truncates(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 6, "hello world"), 11);
	assert_string_equal(buf, "hello");
	assert_int_equal(buf[6], 'z');		/* nothing past size */

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 6, "%d", 1234567), 7);
	assert_string_equal(buf, "12345");

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 6, "12345"), 5);	/* exact fit */
	assert_string_equal(buf, "12345");

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 5, "12345"), 5);	/* one short */
	assert_string_equal(buf, "1234");

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 1, "abc"), 3);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'z');

	memset(buf, 'z', sizeof(buf));
	assert_int_equal(snprintf(buf, 8, "%s|%5d", "abcdef", 42), 12);
	assert_string_equal(buf, "abcdef|");
}

/* Size 0 writes nothing, not even the NUL; buf may then be NULL. */
static void
test_snprintf_size_zero(void **state)
{
	char buf[4] = { 'z', 'z', 'z', 'z' };

	(void)state;
	assert_int_equal(snprintf(buf, 0, "hello %d", 42), 8);
	assert_memory_equal(buf, "zzzz", 4);
	assert_int_equal(snprintf(NULL, 0, "%s", "measure me"), 10);
	assert_int_equal(snprintf(buf, sizeof(buf), "%s", ""), 0);
	assert_string_equal(buf, "");
}

/* Long output: far more than the engine's digit buffer. */
static void
test_long_output(void **state)
{
	char big[400], buf[32];
	char want[400];

	(void)state;
	memset(big, 'x', 300);
	big[300] = '\0';
	assert_int_equal(snprintf(buf, sizeof(buf), "<%s>", big), 302);
	assert_int_equal(strlen(buf), sizeof(buf) - 1);
	assert_memory_equal(buf, "<xxxxxxxx", 9);

	memset(want, ' ', 199);
	strcpy(want + 199, "7");
	FMT_IS(want, "%200d", 7);
}

static int
call_vsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void
test_vsnprintf(void **state)
{
	char buf[8];

	(void)state;
	assert_int_equal(call_vsnprintf(buf, sizeof(buf), "%s=%d", "hz",
	    250), 6);
	assert_string_equal(buf, "hz=250");
	assert_int_equal(call_vsnprintf(buf, 4, "%x", 0xabcdefU), 6);
	assert_string_equal(buf, "abc");
}

/* ---- against the C library ---------------------------------------------- */

/*
 * Formats whose meaning the kernel shares with C: each is run on every
 * value by both engines, which must agree on text and return value.
 */
static void
test_matches_libc(void **state)
{
	static const char *const ifmt[] = {
		"%d", "%i", "%u", "%x", "%X", "%o", "[%6d]", "[%-6d]",
		"[%06d]", "[%.3d]", "[%8.3d]", "[%-8.3d]", "[%08.3d]",
		"[%.0d]", "[%3.0d]", "[%.0x]", "[%012x]", "[%-12o]",
		"%hhd", "%hhu", "%hhx", "%hd", "%hu", "%hX",
	};
	static const int ival[] = {
		0, 1, -1, 7, -42, 255, 256, 4096, 65535, 65536, -32768,
		123456789, INT_MAX, INT_MIN, INT_MIN + 1,
	};
	static const char *const llfmt[] = {
		"%lld", "%llu", "%llx", "%llo", "[%25lld]", "[%-25llu]",
		"[%025lld]", "[%.20lld]", "[%30.22llo]",
	};
	static const long long llval[] = {
		0, 1, -1, LLONG_MAX, LLONG_MIN, 1LL << 32, -(1LL << 32),
		1234567890123456789LL,
	};
	static const char *const sfmt[] = {
		"%s", "[%10s]", "[%-10s]", "[%.3s]", "[%10.3s]", "[%.0s]",
		"[%-4.2s]", "[%1s]",
	};
	static const char *const sval[] = {
		"", "a", "hello", "hello, world",
	};
	char mine[128], theirs[128];
	size_t f, v;
	int n, m;

	(void)state;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	for (f = 0; f < nitems(ifmt); f++)
		for (v = 0; v < nitems(ival); v++) {
			n = snprintf(mine, sizeof(mine), ifmt[f], ival[v]);
			m = libc_snprintf(theirs, sizeof(theirs), ifmt[f],
			    ival[v]);
			assert_string_equal(mine, theirs);
			assert_int_equal(n, m);
		}
	for (f = 0; f < nitems(llfmt); f++)
		for (v = 0; v < nitems(llval); v++) {
			n = snprintf(mine, sizeof(mine), llfmt[f], llval[v]);
			m = libc_snprintf(theirs, sizeof(theirs), llfmt[f],
			    llval[v]);
			assert_string_equal(mine, theirs);
			assert_int_equal(n, m);
		}
	for (f = 0; f < nitems(sfmt); f++)
		for (v = 0; v < nitems(sval); v++) {
			n = snprintf(mine, sizeof(mine), sfmt[f], sval[v]);
			m = libc_snprintf(theirs, sizeof(theirs), sfmt[f],
			    sval[v]);
			assert_string_equal(mine, theirs);
			assert_int_equal(n, m);
		}
#pragma GCC diagnostic pop
}

/* ---- printf() and the console ------------------------------------------- */

static int
call_vprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

static void
test_printf_to_console(void **state)
{
	(void)state;
	stubs_reset();
	assert_int_equal(printf("cpu%d: %s at 0x%x\n", 0, "i486", 0x1000U),
	    21);
	assert_string_equal(cons, "cpu0: i486 at 0x1000\n");
	assert_int_equal(call_vprintf("[%-4s]", "ok"), 6);
	assert_string_equal(cons, "cpu0: i486 at 0x1000\n[ok  ]");
	assert_int_equal(printf("%s", ""), 0);
	assert_int_equal(ncons, 27);
}

/* ---- panic() and KASSERT ------------------------------------------------ */

static void
test_panic(void **state)
{
	(void)state;
	stubs_reset();
	CATCH_PANIC(panic("disk %d on fire", 7), "panic");
	assert_int_equal(boot_howto, RB_HALT | RB_NOSYNC);
	assert_string_equal(cons,
	    "\n\033[1;31mpanic: disk 7 on fire\033[0m\n<backtrace>\n");
	assert_non_null(panicstr);
	assert_string_equal(panicstr, "disk 7 on fire");
	panicstr = NULL;
}

/* In a self-test run the harness needs TAP's "Bail out!". */
static void
test_panic_in_ktest(void **state)
{
	(void)state;
	stubs_reset();
	in_ktest = 1;
	CATCH_PANIC(panic("%s", "oops"), "panic");
	assert_string_equal(cons, "\n\033[1;31mpanic: oops\033[0m\n"
	    "<backtrace>\nBail out! panic: oops\n");
	panicstr = NULL;
}

/* A panic during a panic prints its message and stops at once. */
static void
test_panic_while_panicking(void **state)
{
	(void)state;
	stubs_reset();
	panicstr = "the first one";
	CATCH_PANIC(panic("second %d", 2), "panic");
	assert_int_equal(boot_howto, RB_HALT | RB_NOSYNC);
	assert_string_equal(cons, "\npanic while panicking: second 2\n");
	assert_string_equal(panicstr, "the first one");
	panicstr = NULL;
}

/* The message is cut to panicbuf's size, not beyond it. */
static void
test_panic_long_message(void **state)
{
	char longmsg[600];

	(void)state;
	stubs_reset();
	memset(longmsg, 'm', sizeof(longmsg) - 1);
	longmsg[sizeof(longmsg) - 1] = '\0';
	CATCH_PANIC(panic("%s", longmsg), "panic");
	assert_int_equal(strlen(panicstr), sizeof(panicbuf) - 1);
	panicstr = NULL;
}

static void
test_kassert(void **state)
{
	char want[256];
	int line;

	(void)state;
	stubs_reset();
	KASSERT(1 + 1 == 2);		/* holds: no panic */
	assert_int_equal(boot_howto, -1);
	line = __LINE__ + 1;
	CATCH_PANIC(KASSERT(ncons == 12345), "panic");
	libc_snprintf(want, sizeof(want), "kernel diagnostic assertion "
	    "\"ncons == 12345\" failed: file \"%s\", line %d", __FILE__, line);
	assert_string_equal(panicstr, want);
	panicstr = NULL;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signed_decimal),
		cmocka_unit_test(test_unsigned_bases),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_string_and_char),
		cmocka_unit_test(test_char_nul),
		cmocka_unit_test(test_width_and_flags),
		cmocka_unit_test(test_precision),
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_length_char_short),
		cmocka_unit_test(test_length_long),
		cmocka_unit_test(test_length_long_long),
		cmocka_unit_test(test_length_size_t),
		cmocka_unit_test(test_zero_flag_ignored),
		cmocka_unit_test(test_unknown_conversion),
		cmocka_unit_test(test_snprintf_truncates),
		cmocka_unit_test(test_snprintf_size_zero),
		cmocka_unit_test(test_long_output),
		cmocka_unit_test(test_vsnprintf),
		cmocka_unit_test(test_matches_libc),
		cmocka_unit_test(test_printf_to_console),
		cmocka_unit_test(test_panic),
		cmocka_unit_test(test_panic_in_ktest),
		cmocka_unit_test(test_panic_while_panicking),
		cmocka_unit_test(test_panic_long_message),
		cmocka_unit_test(test_kassert),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
