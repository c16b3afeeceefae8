/*
 * tests/host/test_bootopt.c: host tests for kernel/subr_bootopt.c, the
 * boot command line parser (sys/bootopt.h).
 *
 * A table like init_main.c's (flags, numbers with a range, a string) is
 * parsed against command lines good and bad; each test checks the values
 * set, the number of problems bootopt_parse() returns, and the sentences
 * it reports, word for word where the wording matters to a user.  The
 * messages are formatted by the kernel's own vsnprintf (subr_prf.c).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"
#include "../../kernel/subr_prf.c"
#include "../../kernel/subr_bootopt.c"

/* What subr_prf.c calls; the console discards, and no panic is expected. */
#include "kern_stubs.h"

/* ---- the options and what was reported ---------------------------------- */

#define HZ_DEFAULT	100
#define SEED_DEFAULT	7

static int opt_test, opt_quiet;
static unsigned int opt_hz, opt_seed;
static char opt_filter[8];		/* up to 7 characters */

static const struct bootopt opts[] = {
	{ "test", BOOTOPT_FLAG, &opt_test, 0, 0, "run the self-tests" },
	{ "quiet", BOOTOPT_FLAG, &opt_quiet, 0, 0, "fewer messages" },
	{ "hz", BOOTOPT_UINT, &opt_hz, 10, 1000, "clock rate" },
	{ "seed", BOOTOPT_UINT, &opt_seed, 0, 0xffffffffU, "any 32 bits" },
	{ "filter", BOOTOPT_STRING, opt_filter, 0, sizeof(opt_filter),
	    "which self-tests" },
};

#define MAXMSGS	16

struct report_log {
	int	n;
	char	msg[MAXMSGS][200];
};

static struct report_log reports;

/* The report callback: keep each sentence; arg must be our log. */
static void
record(const char *msg, void *arg)
{
	struct report_log *log = arg;

	assert_ptr_equal(log, &reports);
	assert_true(log->n < MAXMSGS);
	strlcpy(log->msg[log->n++], msg, sizeof(log->msg[0]));
}

/* Run before each test: every option at its default, no reports. */
static int
reset(void **state)
{
	(void)state;
	opt_test = opt_quiet = 0;
	opt_hz = HZ_DEFAULT;
	opt_seed = SEED_DEFAULT;
	strlcpy(opt_filter, "all", sizeof(opt_filter));
	memset(&reports, 0, sizeof(reports));
	return 0;
}

/* Parse cmdline; the problem count must match the reports made. */
static int
parse(const char *cmdline)
{
	int problems;

	reports.n = 0;
	problems = bootopt_parse(cmdline, opts, nitems(opts), record,
	    &reports);
	assert_int_equal(problems, reports.n);
	return problems;
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_empty(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("   \t  "), 0);
	assert_int_equal(opt_test, 0);
	assert_int_equal(opt_hz, HZ_DEFAULT);
	assert_string_equal(opt_filter, "all");
}

static void
test_flags(void **state)
{
	(void)state;
	assert_int_equal(parse("test"), 0);
	assert_int_equal(opt_test, 1);
	assert_int_equal(opt_quiet, 0);
	assert_int_equal(parse("quiet test"), 0);
	assert_int_equal(opt_quiet, 1);
}

static void
test_uint_values(void **state)
{
	(void)state;
	assert_int_equal(parse("hz=250 seed=0x2a"), 0);
	assert_int_equal(opt_hz, 250);
	assert_int_equal(opt_seed, 42);
	assert_int_equal(parse("seed=0XfF"), 0);
	assert_int_equal(opt_seed, 255);
	assert_int_equal(parse("seed=0xDeadBeef"), 0);
	assert_int_equal(opt_seed, 0xdeadbeefU);
	assert_int_equal(parse("hz=010"), 0);		/* decimal, not octal */
	assert_int_equal(opt_hz, 10);
	assert_int_equal(parse("hz=1000"), 0);		/* both ends count */
	assert_int_equal(opt_hz, 1000);
	assert_int_equal(parse("seed=0"), 0);
	assert_int_equal(opt_seed, 0);
	assert_int_equal(parse("seed=4294967295"), 0);
	assert_int_equal(opt_seed, 0xffffffffU);
	assert_int_equal(parse("seed=0xffffffff"), 0);
	assert_int_equal(opt_seed, 0xffffffffU);
	assert_int_equal(parse("hz=200 hz=300"), 0);	/* the last one wins */
	assert_int_equal(opt_hz, 300);
}

static void
test_uint_out_of_range(void **state)
{
	(void)state;
	assert_int_equal(parse("hz=5"), 1);
	assert_string_equal(reports.msg[0],
	    "boot option 'hz=5': out of range 10..1000; using hz=100");
	assert_int_equal(opt_hz, HZ_DEFAULT);
	assert_int_equal(parse("hz=1001"), 1);
	assert_int_equal(opt_hz, HZ_DEFAULT);
	assert_int_equal(parse("hz=0x3e9"), 1);		/* 1001 */
	assert_string_equal(reports.msg[0],
	    "boot option 'hz=0x3e9': out of range 10..1000; using hz=100");
	assert_int_equal(opt_hz, HZ_DEFAULT);
}

static void
test_uint_not_a_number(void **state)
{
	static const char *const bad[] = {
		"hz=abc", "hz=12x", "hz=-5", "hz=+5", "hz=0x", "hz=0xg1",
		"hz=1.5", "hz=", "hz==5", "hz=5=", "hz= ",
	};
	size_t i;

	(void)state;
	assert_int_equal(parse("hz=abc"), 1);
	assert_string_equal(reports.msg[0],
	    "boot option 'hz=abc': not a number; using hz=100");
	for (i = 0; i < nitems(bad); i++) {
		assert_int_equal(parse(bad[i]), 1);
		assert_non_null(strstr(reports.msg[0], "not a number"));
		assert_int_equal(opt_hz, HZ_DEFAULT);
	}
}

/* Values over 32 bits are refused, not wrapped. */
static void
test_uint_overflow(void **state)
{
	static const char *const big[] = {
		"seed=4294967296", "seed=0x100000000", "seed=0x1ffffffff",
		"seed=99999999999999999999999999", "seed=0x00000000100000000",
		"seed=18446744073709551617",
	};
	size_t i;

	(void)state;
	for (i = 0; i < nitems(big); i++) {
		assert_int_equal(parse(big[i]), 1);
		assert_non_null(strstr(reports.msg[0], "not a number"));
		assert_int_equal(opt_seed, SEED_DEFAULT);
	}
	assert_string_equal(reports.msg[0], "boot option "
	    "'seed=18446744073709551617': not a number; using seed=7");
	/* Leading zeros do not count towards the limit. */
	assert_int_equal(parse("seed=0x0000000000ffffffff"), 0);
	assert_int_equal(opt_seed, 0xffffffffU);
}

static void
test_uint_missing_value(void **state)
{
	(void)state;
	assert_int_equal(parse("hz"), 1);
	assert_string_equal(reports.msg[0],
	    "boot option 'hz' needs a value, as hz=N; using hz=100");
	assert_int_equal(opt_hz, HZ_DEFAULT);
}

/* The "using" part names the value in force, not the compiled default. */
static void
test_bad_value_keeps_current(void **state)
{
	(void)state;
	assert_int_equal(parse("hz=200 hz=abc"), 1);
	assert_int_equal(opt_hz, 200);
	assert_string_equal(reports.msg[0],
	    "boot option 'hz=abc': not a number; using hz=200");
}

static void
test_flag_with_value(void **state)
{
	(void)state;
	assert_int_equal(parse("test=1"), 1);
	assert_string_equal(reports.msg[0],
	    "boot option 'test=1': 'test' takes no value; ignored");
	assert_int_equal(opt_test, 0);
	assert_int_equal(parse("test="), 1);
	assert_string_equal(reports.msg[0],
	    "boot option 'test=': 'test' takes no value; ignored");
	assert_int_equal(opt_test, 0);
}

static void
test_unknown_names(void **state)
{
	(void)state;
	assert_int_equal(parse("bogus"), 1);
	assert_string_equal(reports.msg[0],
	    "unknown boot option 'bogus'; ignored");
	assert_int_equal(parse("bogus=3"), 1);
	assert_string_equal(reports.msg[0],
	    "unknown boot option 'bogus'; ignored");
	assert_int_equal(parse("TEST"), 1);		/* names are exact */
	assert_int_equal(parse("tes"), 1);
	assert_int_equal(parse("=5"), 1);
	assert_string_equal(reports.msg[0], "unknown boot option ''; ignored");
	assert_int_equal(opt_test, 0);
}

static void
test_string_option(void **state)
{
	(void)state;
	assert_int_equal(parse("filter=prf"), 0);
	assert_string_equal(opt_filter, "prf");
	assert_int_equal(parse("filter=abcdefg"), 0);	/* 7: just fits */
	assert_string_equal(opt_filter, "abcdefg");
	assert_int_equal(parse("filter=a=b"), 0);	/* only the first '=' */
	assert_string_equal(opt_filter, "a=b");
}

static void
test_string_too_long_or_empty(void **state)
{
	(void)state;
	assert_int_equal(parse("filter=abcdefgh"), 1);
	assert_string_equal(reports.msg[0], "boot option 'filter=abcdefgh': "
	    "longer than 7 characters; ignored");
	assert_string_equal(opt_filter, "all");
	assert_int_equal(parse("filter="), 1);
	assert_string_equal(reports.msg[0], "boot option 'filter' needs a "
	    "value, as filter=WORD; ignored");
	assert_string_equal(opt_filter, "all");
	assert_int_equal(parse("filter"), 1);
	assert_string_equal(reports.msg[0], "boot option 'filter' needs a "
	    "value, as filter=WORD; ignored");
	assert_string_equal(opt_filter, "all");
}

/* Some loaders pass the kernel's path first: skipped, only there. */
static void
test_kernel_path(void **state)
{
	(void)state;
	assert_int_equal(parse("/boot/tine.elf test hz=250"), 0);
	assert_int_equal(opt_test, 1);
	assert_int_equal(opt_hz, 250);
	assert_int_equal(parse("  /boot/tine.elf"), 0);
	assert_int_equal(parse("test /boot/tine.elf"), 1);
	assert_string_equal(reports.msg[0],
	    "unknown boot option '/boot/tine.elf'; ignored");
}

/* A path longer than a word is still the path, not an over-long option. */
static void
test_long_kernel_path(void **state)
{
	char cmdline[256];

	(void)state;
	strlcpy(cmdline, "/boot/", sizeof(cmdline));
	memset(cmdline + 6, 'k', 100);
	strlcpy(cmdline + 106, ".elf quiet", sizeof(cmdline) - 106);
	assert_int_equal(parse(cmdline), 0);
	assert_int_equal(opt_quiet, 1);
}

static void
test_whitespace(void **state)
{
	(void)state;
	assert_int_equal(parse("  test\t\thz=250   \t quiet  "), 0);
	assert_int_equal(opt_test, 1);
	assert_int_equal(opt_hz, 250);
	assert_int_equal(opt_quiet, 1);
	assert_int_equal(parse("\thz=300\t"), 0);
	assert_int_equal(opt_hz, 300);
}

/* Words are at most 63 characters; a longer one is reported, cut. */
static void
test_over_long_word(void **state)
{
	char cmdline[200], word[80];

	(void)state;
	memset(word, 'a', 63);
	word[63] = '\0';
	assert_int_equal(parse(word), 1);	/* fits: parsed, unknown */
	assert_non_null(strstr(reports.msg[0], "unknown boot option"));

	memset(word, 'a', 64);
	word[64] = '\0';
	snprintf(cmdline, sizeof(cmdline), "quiet %s hz=250", word);
	assert_int_equal(parse(cmdline), 1);
	assert_string_equal(reports.msg[0], "boot option "
	    "'aaaaaaaaaaaaaaaaaaaa...': longer than 63 characters; ignored");
	assert_int_equal(opt_quiet, 1);		/* the words around it count */
	assert_int_equal(opt_hz, 250);

	/* A too-long value is still one word: the option keeps its value. */
	memset(cmdline, 0, sizeof(cmdline));
	strlcpy(cmdline, "hz=", sizeof(cmdline));
	memset(cmdline + 3, '1', 100);
	assert_int_equal(parse(cmdline), 1);
	assert_int_equal(opt_hz, 250);
}

/* Every problem is counted and reported, in order; the rest still apply. */
static void
test_problem_count(void **state)
{
	(void)state;
	assert_int_equal(parse("bogus hz=5 test=1 filter= test seed=0x10 x"),
	    5);
	assert_string_equal(reports.msg[0],
	    "unknown boot option 'bogus'; ignored");
	assert_string_equal(reports.msg[1],
	    "boot option 'hz=5': out of range 10..1000; using hz=100");
	assert_string_equal(reports.msg[2],
	    "boot option 'test=1': 'test' takes no value; ignored");
	assert_string_equal(reports.msg[3], "boot option 'filter' needs a "
	    "value, as filter=WORD; ignored");
	assert_string_equal(reports.msg[4], "unknown boot option 'x'; ignored");
	assert_int_equal(opt_test, 1);
	assert_int_equal(opt_seed, 16);
	assert_int_equal(opt_hz, HZ_DEFAULT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_empty, reset),
		cmocka_unit_test_setup(test_flags, reset),
		cmocka_unit_test_setup(test_uint_values, reset),
		cmocka_unit_test_setup(test_uint_out_of_range, reset),
		cmocka_unit_test_setup(test_uint_not_a_number, reset),
		cmocka_unit_test_setup(test_uint_overflow, reset),
		cmocka_unit_test_setup(test_uint_missing_value, reset),
		cmocka_unit_test_setup(test_bad_value_keeps_current, reset),
		cmocka_unit_test_setup(test_flag_with_value, reset),
		cmocka_unit_test_setup(test_unknown_names, reset),
		cmocka_unit_test_setup(test_string_option, reset),
		cmocka_unit_test_setup(test_string_too_long_or_empty, reset),
		cmocka_unit_test_setup(test_kernel_path, reset),
		cmocka_unit_test_setup(test_long_kernel_path, reset),
		cmocka_unit_test_setup(test_whitespace, reset),
		cmocka_unit_test_setup(test_over_long_word, reset),
		cmocka_unit_test_setup(test_problem_count, reset),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
