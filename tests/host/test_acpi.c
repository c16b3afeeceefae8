/*
 * tests/host/test_acpi.c: host tests for kernel/arch/i386/acpi_s5.c,
 * acpi_find_s5(), which finds \_S5's two sleep type values in AML.
 *
 * Each test hands it AML bytes in a heap block of exactly their length,
 * so AddressSanitizer catches a read past the end: the package as
 * compilers write it (ByteConst, Zero and One values, the '\' root
 * prefix, one- and two-byte PkgLength), patterns that only look like it,
 * no \_S5 at all, and every truncation of a good package.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"
#include "../../kernel/arch/i386/acpi_s5.c"

#define S5	'_', 'S', '5', '_'
#define NAME	0x08
#define ROOT	'\\'
#define PKG	0x12
#define BYTE	0x0A

static uint8_t sa, sb;		/* what acpi_find_s5() found */

/* acpi_find_s5() on the first len bytes of aml, copied to the heap. */
static int
find(const uint8_t *aml, size_t len)
{
	uint8_t *p = malloc(len > 0 ? len : 1);
	int r;

	assert_non_null(p);
	if (len > 0)
		memcpy(p, aml, len);
	sa = sb = 0xee;
	r = acpi_find_s5(p, len, &sa, &sb);
	free(p);
	return r;
}

#define FIND(...) find((const uint8_t[]){ __VA_ARGS__ },		\
	sizeof((const uint8_t[]){ __VA_ARGS__ }))

/* What iasl makes of Name (_S5, Package () { 5, 7, 0, 0 }). */
static const uint8_t good[] = {
	NAME, S5, PKG, 0x0A, 0x04, BYTE, 0x05, BYTE, 0x07, 0x00, 0x00,
};

static void
test_byte_values(void **state)
{
	(void)state;
	assert_int_equal(find(good, sizeof(good)), 0);
	assert_int_equal(sa, 5);
	assert_int_equal(sb, 7);
	/* Only two values: the last bytes of the block. */
	assert_int_equal(FIND(NAME, S5, PKG, 0x06, 0x02, BYTE, 0x03, BYTE,
	    0x04), 0);
	assert_int_equal(sa, 3);
	assert_int_equal(sb, 4);
}

static void
test_zero_and_one(void **state)
{
	(void)state;
	assert_int_equal(FIND(NAME, S5, PKG, 0x06, 0x04, 0x00, 0x00, 0x00,
	    0x00), 0);
	assert_int_equal(sa, 0);
	assert_int_equal(sb, 0);
	assert_int_equal(FIND(NAME, S5, PKG, 0x06, 0x04, 0x01, BYTE, 0x06,
	    0x00, 0x00), 0);
	assert_int_equal(sa, 1);
	assert_int_equal(sb, 6);
	assert_int_equal(FIND(NAME, S5, PKG, 0x06, 0x02, BYTE, 0x02, 0x01),
	    0);
	assert_int_equal(sa, 2);
	assert_int_equal(sb, 1);
}

/* Name (\_S5, ...): the root prefix between NameOp and the name. */
static void
test_root_prefix(void **state)
{
	(void)state;
	assert_int_equal(FIND(NAME, ROOT, S5, PKG, 0x0A, 0x04, BYTE, 0x05,
	    BYTE, 0x05, 0x00, 0x00), 0);
	assert_int_equal(sa, 5);
	assert_int_equal(sb, 5);
	/* The prefix alone, without NameOp before it, is not a Name(). */
	assert_int_equal(FIND(0x10, ROOT, S5, PKG, 0x0A, 0x04, BYTE, 0x05,
	    BYTE, 0x05, 0x00, 0x00), -1);
}

/* A PkgLength with bits 7-6 set has that many more bytes. */
static void
test_long_pkglength(void **state)
{
	(void)state;
	assert_int_equal(FIND(NAME, S5, PKG, 0x40 | 0x0A, 0x00, 0x04, BYTE,
	    0x05, BYTE, 0x06, 0x00, 0x00), 0);
	assert_int_equal(sa, 5);
	assert_int_equal(sb, 6);
	assert_int_equal(FIND(NAME, S5, PKG, 0x80 | 0x0A, 0x00, 0x00, 0x04,
	    0x01, 0x00), 0);
	assert_int_equal(sa, 1);
	assert_int_equal(sb, 0);
}

/* Found among other AML, as in a real DSDT. */
static void
test_inside_dsdt(void **state)
{
	uint8_t aml[600];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(aml); i++)
		aml[i] = (uint8_t)(i * 7 + 0x30);	/* no "_S5_" in it */
	memcpy(aml + 417, good, sizeof(good));
	assert_int_equal(find(aml, sizeof(aml)), 0);
	assert_int_equal(sa, 5);
	assert_int_equal(sb, 7);
	/* An _S4_ package before it is not mistaken for it. */
	assert_int_equal(FIND(NAME, '_', 'S', '4', '_', PKG, 0x06, 0x02, BYTE,
	    0x01, BYTE, 0x01, NAME, S5, PKG, 0x06, 0x02, BYTE, 0x07, BYTE,
	    0x07), 0);
	assert_int_equal(sa, 7);
}

static void
test_absent(void **state)
{
	uint8_t aml[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(aml); i++)
		aml[i] = (uint8_t)i;
	assert_int_equal(find(aml, sizeof(aml)), -1);
	assert_int_equal(find(aml, 0), -1);
	assert_int_equal(FIND(NAME, '_', 'S', '4', '_', PKG, 0x06, 0x02, BYTE,
	    0x05, BYTE, 0x05), -1);
}

/* "_S5_" where it is not a Name() of a package is passed over. */
static void
test_lookalikes(void **state)
{
	(void)state;
	/* At the very start: no NameOp before it. */
	assert_int_equal(FIND(S5, PKG, 0x06, 0x02, BYTE, 0x05, BYTE, 0x05),
	    -1);
	/* A reference, not a Name (e.g. a method call's argument). */
	assert_int_equal(FIND(0x70, S5, PKG, 0x06, 0x02, BYTE, 0x05, BYTE,
	    0x05), -1);
	/* A Name that is not a package (an integer). */
	assert_int_equal(FIND(NAME, S5, BYTE, 0x05, BYTE, 0x05), -1);
	/* A package of values this finder does not read (WordConst). */
	assert_int_equal(FIND(NAME, S5, PKG, 0x08, 0x02, 0x0B, 0x05, 0x00,
	    0x0B, 0x05, 0x00), -1);
	/* A bad first occurrence, then the real one. */
	assert_int_equal(FIND(0x70, S5, 0x00, NAME, S5, PKG, 0x06, 0x02, BYTE,
	    0x03, 0x01), 0);
	assert_int_equal(sa, 3);
	assert_int_equal(sb, 1);
}

/* Every cut of a good package short of its second value fails cleanly. */
static void
test_truncated(void **state)
{
	static const uint8_t root[] = {
		NAME, ROOT, S5, PKG, 0x40 | 0x0A, 0x00, 0x04, BYTE, 0x05,
		BYTE, 0x06,
	};
	size_t len, need = 12;	/* up to and including the second value */

	(void)state;
	for (len = 0; len < need; len++)
		assert_int_equal(find(good, len), -1);
	assert_int_equal(find(good, need), 0);
	assert_int_equal(sb, 7);

	/* With the root prefix and a two-byte PkgLength too. */
	for (len = 0; len < sizeof(root); len++)
		assert_int_equal(find(root, len), -1);
	assert_int_equal(find(root, sizeof(root)), 0);
	assert_int_equal(sb, 6);

	/* A PkgLength claiming more bytes than there are. */
	assert_int_equal(FIND(NAME, S5, PKG, 0xC0), -1);
	assert_int_equal(FIND(NAME, S5, PKG, 0xC0, 0x00), -1);
	assert_int_equal(FIND(NAME, S5, PKG, 0x06, 0x02, BYTE), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_byte_values),
		cmocka_unit_test(test_zero_and_one),
		cmocka_unit_test(test_root_prefix),
		cmocka_unit_test(test_long_pkglength),
		cmocka_unit_test(test_inside_dsdt),
		cmocka_unit_test(test_absent),
		cmocka_unit_test(test_lookalikes),
		cmocka_unit_test(test_truncated),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
