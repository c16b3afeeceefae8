/*
 * kernel/arch/i386/acpi_s5.c: find \_S5's sleep type values in AML.
 *
 * acpi.c powers off by writing the sleep type for S5 to the PM1 control
 * ports; the values are in the DSDT, as a package named \_S5.  Tine runs
 * no AML: acpi_find_s5() looks for the bytes a compiler emits for
 *
 *	Name (\_S5, Package () { 5, 5, 0, 0 })
 *
 *	08 [5C] '_S5_' 12 PkgLength NumElements value value ...
 *	NameOp  root  name  PackageOp
 *
 * where each value is a ByteConst (0A n), Zero (00) or One (01).  Pure C
 * over bytes, kept apart from acpi.c's port I/O and mappings so that
 * tests/host/test_acpi.c runs it on the host.
 */

#include <stdint.h>
#include <stddef.h>
#include <lib/libkern/libkern.h>
#include <machine/acpi.h>

#define AML_NAME_OP	0x08
#define AML_PACKAGE_OP	0x12
#define AML_BYTE_PREFIX	0x0A
#define AML_ZERO_OP	0x00
#define AML_ONE_OP	0x01

/*
 * Find "_S5_" followed by a package, in a Name() of the DSDT:
 *   NameOp '_S5_' PackageOp PkgLength NumElements SLP_TYPa SLP_TYPb ...
 * where each value is a ByteConst (0x0A n) or Zero/One.
 * => reads only aml[0 .. len-1].
 * => returns 0 with the two values in *a and *b, or -1 if there is no
 *    such package (*a may have been written).
 */
int
acpi_find_s5(const uint8_t *aml, size_t len, uint8_t *a, uint8_t *b)
{
	size_t i, j;
	uint8_t *out[2] = { a, b };
	int k;

	for (i = 1; i + 4 < len; i++) {
		if (memcmp(aml + i, "_S5_", 4) != 0 ||
		    (aml[i - 1] != AML_NAME_OP && !(i >= 2 &&
		    aml[i - 1] == '\\' && aml[i - 2] == AML_NAME_OP)))
			continue;
		j = i + 4;
		if (j >= len || aml[j++] != AML_PACKAGE_OP || j >= len)
			continue;
		j += 1 + (aml[j] >> 6);		/* PkgLength's bytes */
		j++;				/* NumElements */
		for (k = 0; k < 2 && j < len; k++) {
			if (aml[j] == AML_BYTE_PREFIX && j + 1 < len) {
				*out[k] = aml[j + 1];
				j += 2;
			} else if (aml[j] == AML_ZERO_OP ||
			    aml[j] == AML_ONE_OP)
				*out[k] = aml[j++];
			else
				break;
		}
		if (k == 2)
			return 0;
	}
	return -1;
}
