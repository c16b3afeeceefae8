/*
 * tests/host/test_prodcons.c: user/bin/prodcons.c, Tine's portable
 * producer/consumer demo, built unchanged against the host's glibc and
 * its pthreads (only main is renamed, so cmocka can call it) and run
 * with several shapes of producers, consumers and items.  What this
 * proves: the demo uses POSIX alone, so a program written for Tine's
 * <pthread.h> builds elsewhere, and its logic is right under a real
 * multiprocessor scheduler (and AddressSanitizer/UBSan).
 */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmocka.h>

int	prodcons_main(int, char *[]);

#define main prodcons_main
#include "../../user/bin/prodcons.c"
#undef main

/* prodcons with these arguments, its output thrown away: its status. */
static int
run(int argc, char *argv[])
{
	int saved, devnull, r;

	fflush(stdout);
	saved = dup(1);
	devnull = open("/dev/null", O_WRONLY);
	dup2(devnull, 1);
	r = prodcons_main(argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(devnull);
	return r;
}

static void
test_default(void **state)
{
	char *argv[] = { "prodcons", NULL };

	(void)state;
	assert_int_equal(run(1, argv), 0);
}

static void
test_shapes(void **state)
{
	char *a1[] = { "prodcons", "20000", "1", "1", NULL };
	char *a2[] = { "prodcons", "5000", "8", "2", NULL };
	char *a3[] = { "prodcons", "5000", "2", "8", NULL };
	char *a4[] = { "prodcons", "1", "16", "16", NULL };

	(void)state;
	assert_int_equal(run(4, a1), 0);
	assert_int_equal(run(4, a2), 0);
	assert_int_equal(run(4, a3), 0);
	assert_int_equal(run(4, a4), 0);
}

static void
test_usage(void **state)
{
	char *argv[] = { "prodcons", "10", "0", NULL };
	int saved = dup(2), devnull = open("/dev/null", O_WRONLY);

	(void)state;
	dup2(devnull, 2);
	assert_int_equal(run(3, argv), 2);
	dup2(saved, 2);
	close(saved);
	close(devnull);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default),
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_usage),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
