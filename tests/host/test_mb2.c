/*
 * tests/host/test_mb2.c: host tests for kernel/arch/i386/multiboot2.c,
 * mb2_parse() over the multiboot2 boot information.
 *
 * Each test builds an information block the way a loader would (a header,
 * 8-byte aligned tags, an end tag), copies it into a heap block of exactly
 * the size given to mb2_parse(), so AddressSanitizer catches any read
 * beyond, and checks what came out: the strings, the memory map and its
 * sums, the physical memory estimate, the modules and the ACPI RSDP, the
 * errors for unusable information, and the walk's defences against
 * truncated input and lying sizes.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host_shim.h"
#include "../../kernel/arch/i386/multiboot2.c"

#define KIB		0x400ULL
#define MIB		0x100000ULL
#define RAM(b, l)	{ (b), (l), MB2_MEMORY_AVAILABLE, 0 }
#define RSV(b, l)	{ (b), (l), MB2_MEMORY_RESERVED, 0 }
#define ACPI(b, l)	{ (b), (l), MB2_MEMORY_ACPI, 0 }

/* ---- building an information block ------------------------------------- */

static union {
	uint8_t	b[8192];
	uint64_t align;			/* loaders align it to 8 */
} mbi;
static size_t mbi_len;
static uint8_t pad_byte;		/* what fills a tag's tail to 8 */

static void
put(const void *p, size_t n)
{
	assert_true(mbi_len + n <= sizeof(mbi.b));
	if (n == 0)
		return;			/* p may be NULL */
	memcpy(mbi.b + mbi_len, p, n);
	mbi_len += n;
}

static void
put32(uint32_t v)
{
	put(&v, sizeof(v));
}

/* The fixed header; total_size is filled in by mbi_end(). */
static void
mbi_begin(void)
{
	memset(&mbi, 0, sizeof(mbi));
	mbi_len = 0;
	pad_byte = 0;
	put32(0);
	put32(0);
}

/* A tag whose size field says size, followed by plen bytes of payload. */
static void
tag_raw(uint32_t type, uint32_t size, const void *payload, size_t plen)
{
	put32(type);
	put32(size);
	put(payload, plen);
	while (mbi_len % 8 != 0)
		put(&pad_byte, 1);
}

static void
tag(uint32_t type, const void *payload, size_t plen)
{
	tag_raw(type, 8 + plen, payload, plen);
}

static void
tag_string(uint32_t type, const char *s)
{
	tag(type, s, strlen(s) + 1);
}

static void
tag_meminfo(uint32_t lower_kb, uint32_t upper_kb)
{
	uint32_t p[2] = { lower_kb, upper_kb };

	tag(MB2_TAG_BASIC_MEMINFO, p, sizeof(p));
}

/* A memory map tag with entries of esize bytes (24 today). */
static void
tag_mmap_esize(uint32_t esize, const struct mb2_mmap_entry *e, int n)
{
	uint8_t p[2048];
	size_t len = 8;
	int i;

	memset(p, 0, sizeof(p));
	memcpy(p, &esize, 4);
	for (i = 0; i < n; i++, len += esize) {
		assert_true(len + esize <= sizeof(p));
		memcpy(p + len, &e[i], sizeof(e[i]));
	}
	tag(MB2_TAG_MMAP, p, len);
}

#define TAG_MMAP(...) do {						\
	const struct mb2_mmap_entry _e[] = { __VA_ARGS__ };		\
	tag_mmap_esize(sizeof(_e[0]), _e, nitems(_e));			\
} while (0)

/* The end tag, and total_size in the header; returns the total. */
static size_t
mbi_end(void)
{
	uint32_t total;

	tag(MB2_TAG_END, NULL, 0);
	total = mbi_len;
	memcpy(mbi.b, &total, 4);
	return mbi_len;
}

/* ---- parsing it --------------------------------------------------------- */

static struct mb2_info mi;
static const char *why;

/* mb2_parse() on the first copied bytes, in a heap block of that size. */
static int
parse_copied(size_t copied)
{
	uint8_t *p = malloc(copied > 0 ? copied : 1);
	int r;

	assert_non_null(p);
	memcpy(p, mbi.b, copied);
	memset(&mi, 0xa5, sizeof(mi));		/* mb2_parse must clear it */
	why = "not set";
	r = mb2_parse(p, copied, &mi, &why);
	free(p);
	if (r == 0)
		assert_null(why);
	else
		assert_non_null(why);
	return r;
}

static int
parse(void)
{
	return parse_copied(mbi_len);
}

/* A map with usable memory from 1 MiB to 32 MiB, for the tests below. */
static void
tag_small_map(void)
{
	TAG_MMAP(RAM(0, 0x9fc00), RAM(MIB, 31 * MIB));
}

/* ---- the tests ---------------------------------------------------------- */

static void
test_too_short(void **state)
{
	size_t n;

	(void)state;
	mbi_begin();
	tag_small_map();
	mbi_end();
	for (n = 0; n < 16; n++) {
		assert_int_equal(parse_copied(n), -1);
		assert_string_equal(why, "the boot information is too short");
		assert_int_equal(mi.nregions, 0);
		assert_int_equal(mi.truncated, 0);
	}
}

static void
test_cmdline_and_loader(void **state)
{
	(void)state;
	mbi_begin();
	tag_string(MB2_TAG_CMDLINE, "test hz=250");
	tag_string(MB2_TAG_LOADER, "GRUB 2.06-13+deb12u1");
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_string_equal(mi.cmdline, "test hz=250");
	assert_string_equal(mi.loader, "GRUB 2.06-13+deb12u1");
	assert_int_equal(mi.truncated, 0);
	assert_int_equal(mi.nmodules, 0);
	assert_int_equal(mi.acpi_rsdp_len, 0);
}

/* Strings are cut to the field, and never read past their tag. */
static void
test_string_bounds(void **state)
{
	char longcmd[400];

	(void)state;
	memset(longcmd, 'c', sizeof(longcmd) - 1);
	longcmd[sizeof(longcmd) - 1] = '\0';
	mbi_begin();
	tag_string(MB2_TAG_CMDLINE, longcmd);
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(strlen(mi.cmdline), MB2_CMDLINE_MAX - 1);
	assert_memory_equal(mi.cmdline, longcmd, MB2_CMDLINE_MAX - 1);

	/* No NUL in the tag: the copy stops at the tag's size. */
	mbi_begin();
	pad_byte = 'X';
	tag(MB2_TAG_CMDLINE, "abc", 3);
	tag(MB2_TAG_LOADER, "", 0);
	pad_byte = 0;
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_string_equal(mi.cmdline, "abc");
	assert_string_equal(mi.loader, "");
}

/* What QEMU's BIOS reports with -m 32. */
static void
test_qemu_32m(void **state)
{
	(void)state;
	mbi_begin();
	tag_string(MB2_TAG_CMDLINE, "");
	tag_meminfo(639, 31744);
	TAG_MMAP(RAM(0, 0x9fc00), RSV(0x9fc00, 0x400), RSV(0xf0000, 0x10000),
	    RAM(0x100000, 0x1ee0000), RSV(0x1fe0000, 0x20000),
	    RSV(0xfffc0000, 0x40000));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.have_mmap, 1);
	assert_int_equal(mi.have_meminfo, 1);
	assert_int_equal(mi.mem_lower_kb, 639);
	assert_int_equal(mi.mem_upper_kb, 31744);
	assert_int_equal(mi.nregions, 6);
	assert_int_equal(mi.regions[3].base, 0x100000);
	assert_int_equal(mi.regions[3].length, 0x1ee0000);
	assert_int_equal(mi.regions[3].type, MB2_MEMORY_AVAILABLE);
	assert_int_equal(mi.regions[5].base, 0xfffc0000);
	assert_int_equal(mi.regions[5].type, MB2_MEMORY_RESERVED);
	assert_int_equal(mi.usable_low, 0x9fc00);
	assert_int_equal(mi.usable_high, 0x1ee0000);
	assert_int_equal(mi.usable_total, 0x9fc00 + 0x1ee0000);
	assert_int_equal(mi.physmem, 32 * MIB);
}

/* A usable region across 1 MiB is split between the two sums. */
static void
test_straddle_1m(void **state)
{
	(void)state;
	mbi_begin();
	TAG_MMAP(RAM(0x80000, 0x100000));	/* 512 KiB to 1.5 MiB */
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.usable_low, 0x80000);
	assert_int_equal(mi.usable_high, 0x80000);
	assert_int_equal(mi.usable_total, 0x100000);
	assert_int_equal(mi.physmem, 2 * MIB);

	/* Ending exactly at 1 MiB is all low. */
	mbi_begin();
	TAG_MMAP(RAM(0, MIB), RAM(2 * MIB, MIB));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.usable_low, MIB);
	assert_int_equal(mi.usable_high, MIB);
	assert_int_equal(mi.physmem, 3 * MIB);
}

/* physmem: the end of the highest usable region, up to a whole MiB. */
static void
test_physmem(void **state)
{
	(void)state;
	mbi_begin();
	TAG_MMAP(RAM(0, 0x9fc00), RAM(MIB, 0x7fe0000 - MIB),
	    ACPI(0x7fe0000, 0x20000));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.physmem, 128 * MIB);

	/* Already whole: not rounded further.  Order does not matter. */
	mbi_begin();
	TAG_MMAP(RAM(MIB, 63 * MIB), RAM(0, 0x9f000));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.physmem, 64 * MIB);

	/* Memory above 4 GiB counts. */
	mbi_begin();
	TAG_MMAP(RAM(MIB, 3071 * MIB), RSV(0xc0000000ULL, 0x40000000ULL),
	    RAM(0x100000000ULL, 1024 * MIB));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.physmem, 5 * 1024 * MIB);
	assert_int_equal(mi.usable_high, 4095 * MIB);

	/* Reserved, ACPI and zero-length usable regions do not count. */
	mbi_begin();
	TAG_MMAP(RAM(MIB, 15 * MIB), RSV(16 * MIB, 16 * MIB),
	    RAM(64 * MIB, 0), ACPI(80 * MIB, MIB));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.usable_total, 15 * MIB);
	assert_int_equal(mi.physmem, 16 * MIB);
}

static void
test_only_low_memory(void **state)
{
	(void)state;
	mbi_begin();
	TAG_MMAP(RAM(0, 0x9fc00), RSV(0xf0000, 0x10000),
	    RSV(MIB, 31 * MIB));
	mbi_end();
	assert_int_equal(parse(), -1);
	assert_string_equal(why,
	    "the memory map has no usable memory above 1 MiB");
	assert_int_equal(mi.usable_low, 0x9fc00);
	assert_int_equal(mi.usable_high, 0);
}

static void
test_no_memory_information(void **state)
{
	(void)state;
	mbi_begin();
	tag_string(MB2_TAG_CMDLINE, "test");
	mbi_end();
	assert_int_equal(parse(), -1);
	assert_string_equal(why, "the loader passed no memory map");
	assert_string_equal(mi.cmdline, "test");	/* parsed anyway */
	assert_int_equal(mi.have_mmap, 0);
	assert_int_equal(mi.have_meminfo, 0);
}

/* No map: the basic meminfo tag's two numbers stand in for it. */
static void
test_meminfo_fallback(void **state)
{
	(void)state;
	mbi_begin();
	tag_meminfo(639, 31744);
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.have_mmap, 0);
	assert_int_equal(mi.nregions, 0);
	assert_int_equal(mi.usable_low, 639 * KIB);
	assert_int_equal(mi.usable_high, 31744 * KIB);
	assert_int_equal(mi.usable_total, (639 + 31744) * KIB);
	assert_int_equal(mi.physmem, 32 * MIB);

	/* Upper memory 0: nothing above 1 MiB. */
	mbi_begin();
	tag_meminfo(640, 0);
	mbi_end();
	assert_int_equal(parse(), -1);
	assert_non_null(strstr(why, "no usable memory above 1 MiB"));
}

/* With both, the map is believed. */
static void
test_map_beats_meminfo(void **state)
{
	(void)state;
	mbi_begin();
	tag_meminfo(639, 1024);
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.usable_high, 31 * MIB);
	assert_int_equal(mi.physmem, 32 * MIB);
}

static void
test_modules(void **state)
{
	uint8_t p[64];
	uint32_t se[2] = { 0x200000, 0x234567 };

	(void)state;
	mbi_begin();
	memcpy(p, se, 8);
	strcpy((char *)p + 8, "initrd.img");
	tag(MB2_TAG_MODULE, p, 8 + 11);
	memcpy(p, (uint32_t[]){ 0x300000, 0x301000 }, 8);
	tag(MB2_TAG_MODULE, p, 8);		/* no string at all */
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.nmodules, 2);
	assert_int_equal(mi.modules[0].start, 0x200000);
	assert_int_equal(mi.modules[0].end, 0x234567);
	assert_string_equal(mi.modules[0].cmdline, "initrd.img");
	assert_int_equal(mi.modules[1].start, 0x300000);
	assert_string_equal(mi.modules[1].cmdline, "");
}

static void
test_module_limit(void **state)
{
	uint32_t se[2] = { 0x200000, 0x201000 };
	int i;

	(void)state;
	mbi_begin();
	for (i = 0; i < MB2_MAX_MODULES + 3; i++)
		tag(MB2_TAG_MODULE, se, sizeof(se));
	tag(MB2_TAG_MODULE, se, 4);		/* too short to be one */
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.nmodules, MB2_MAX_MODULES);
}

/* The RSDP: ACPI 1.0's (tag 14) unless a 2.0 one (tag 15) came too. */
static void
test_acpi_rsdp(void **state)
{
	uint8_t old[20], new[36], big[48];

	(void)state;
	memset(old, 0x11, sizeof(old));
	memset(new, 0x22, sizeof(new));
	memset(big, 0x33, sizeof(big));

	mbi_begin();
	tag(MB2_TAG_ACPI_OLD, old, sizeof(old));
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.acpi_rsdp_len, 20);
	assert_memory_equal(mi.acpi_rsdp, old, 20);

	mbi_begin();
	tag(MB2_TAG_ACPI_OLD, old, sizeof(old));
	tag(MB2_TAG_ACPI_NEW, new, sizeof(new));
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.acpi_rsdp_len, 36);
	assert_memory_equal(mi.acpi_rsdp, new, 36);

	mbi_begin();
	tag(MB2_TAG_ACPI_NEW, new, sizeof(new));
	tag(MB2_TAG_ACPI_OLD, old, sizeof(old));	/* does not replace */
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.acpi_rsdp_len, 36);
	assert_memory_equal(mi.acpi_rsdp, new, 36);

	mbi_begin();
	tag(MB2_TAG_ACPI_NEW, big, sizeof(big));	/* cut to the field */
	tag_small_map();
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.acpi_rsdp_len, sizeof(mi.acpi_rsdp));
}

/*
 * More came than was copied (total_size > copied): marked truncated, and
 * the tags that fit whole are parsed.
 */
static void
test_truncated(void **state)
{
	size_t cut, total;

	(void)state;
	mbi_begin();
	tag_string(MB2_TAG_CMDLINE, "test");
	tag_small_map();
	cut = mbi_len;
	tag_string(MB2_TAG_LOADER, "GRUB");
	total = mbi_end();
	assert_int_equal(parse_copied(cut), 0);
	assert_int_equal(mi.truncated, 1);
	assert_string_equal(mi.cmdline, "test");
	assert_int_equal(mi.nregions, 2);
	assert_string_equal(mi.loader, "");

	/* Every shorter cut: no read beyond it, the map whole or absent. */
	for (; cut >= 16; cut--) {
		int r = parse_copied(cut);

		assert_int_equal(mi.truncated, 1);
		assert_true(mi.nregions == 0 || mi.nregions == 2);
		assert_int_equal(r, mi.nregions == 2 ? 0 : -1);
	}

	/* And the full copy is not truncated. */
	assert_int_equal(parse_copied(total), 0);
	assert_int_equal(mi.truncated, 0);
	assert_string_equal(mi.loader, "GRUB");
}

/* total_size smaller than what was copied: the walk ends at total_size. */
static void
test_total_size_bounds_walk(void **state)
{
	uint32_t total;

	(void)state;
	mbi_begin();
	tag_small_map();
	total = mbi_len;
	tag_string(MB2_TAG_CMDLINE, "beyond the end");
	mbi_end();
	memcpy(mbi.b, &total, 4);
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.truncated, 0);
	assert_string_equal(mi.cmdline, "");
}

/* A tag whose size runs past the end stops the walk there. */
static void
test_tag_past_end(void **state)
{
	static const uint32_t lies[] = {
		4000, 0x10000, 0x7ffffff8, 0xfffffff0, 0xfffffff8, 0xffffffff,
	};
	size_t i;

	(void)state;
	for (i = 0; i < nitems(lies); i++) {
		mbi_begin();
		tag_string(MB2_TAG_CMDLINE, "before");
		tag_small_map();
		tag_raw(MB2_TAG_LOADER, lies[i], "liar", 5);
		tag_string(MB2_TAG_MODULE, "after");
		mbi_end();
		assert_int_equal(parse(), 0);
		assert_string_equal(mi.cmdline, "before");
		assert_int_equal(mi.nregions, 2);
		assert_string_equal(mi.loader, "");
		assert_int_equal(mi.nmodules, 0);
	}
	/* The same lie in a memory map tag: no map, no reading beyond. */
	for (i = 0; i < nitems(lies); i++) {
		mbi_begin();
		tag_raw(MB2_TAG_MMAP, lies[i], (uint32_t[]){ 24, 0 }, 8);
		mbi_end();
		assert_int_equal(parse(), -1);
		assert_int_equal(mi.have_mmap, 0);
	}
}

/* A size below the 8-byte header would loop forever: the walk stops. */
static void
test_tag_too_small(void **state)
{
	uint32_t size;

	(void)state;
	for (size = 0; size < 8; size++) {
		mbi_begin();
		tag_small_map();
		tag_raw(MB2_TAG_CMDLINE, size, NULL, 0);
		tag_string(MB2_TAG_LOADER, "after");
		mbi_end();
		assert_int_equal(parse(), 0);
		assert_int_equal(mi.nregions, 2);
		assert_string_equal(mi.loader, "");
	}
}

/* Tags after the end tag are not looked at. */
static void
test_end_tag_stops(void **state)
{
	(void)state;
	mbi_begin();
	tag_small_map();
	tag(MB2_TAG_END, NULL, 0);
	tag_string(MB2_TAG_CMDLINE, "after the end");
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_string_equal(mi.cmdline, "");
}

/* entry_size: below 24 the map is refused; above, entries still parse. */
static void
test_mmap_entry_size(void **state)
{
	const struct mb2_mmap_entry e[] = {
		RAM(0, 0x9fc00), RAM(MIB, 15 * MIB), RSV(16 * MIB, MIB),
	};

	(void)state;
	mbi_begin();
	tag_mmap_esize(16, e, 3);
	mbi_end();
	assert_int_equal(parse(), -1);
	assert_int_equal(mi.have_mmap, 0);
	assert_string_equal(why, "the loader passed no memory map");

	mbi_begin();
	tag_mmap_esize(32, e, 3);		/* a later version's entries */
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.nregions, 3);
	assert_int_equal(mi.regions[2].base, 16 * MIB);
	assert_int_equal(mi.regions[2].type, MB2_MEMORY_RESERVED);
	assert_int_equal(mi.physmem, 16 * MIB);

	/* A partial last entry is not read. */
	mbi_begin();
	tag_mmap_esize(24, e, 2);		/* 64 bytes, at offset 8 */
	put(&e[2], 16);				/* 16 of the third's 24 */
	memcpy(mbi.b + 12, (uint32_t[]){ 64 + 16 }, 4);
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.nregions, 2);
}

/*
 * An entry_size that wraps the walk's arithmetic reads nothing beyond the
 * tag (here the meminfo tag follows, inside the block).  The map has no
 * entries, so no memory: an empty map is not replaced by the meminfo.
 */
static void
test_mmap_entry_size_huge(void **state)
{
	static const uint32_t esizes[] = {
		0x7fffffff, 0xffffffe8, 0xfffffff0, 0xfffffff8, 0xffffffff,
	};
	size_t i;

	(void)state;
	for (i = 0; i < nitems(esizes); i++) {
		mbi_begin();
		tag(MB2_TAG_MMAP, (uint32_t[]){ esizes[i], 0 }, 8);
		tag_meminfo(639, 31744);
		mbi_end();
		assert_int_equal(parse(), -1);
		assert_int_equal(mi.have_mmap, 1);
		assert_int_equal(mi.nregions, 0);
		assert_int_equal(mi.physmem, 0);
	}
}

/* More regions than MB2_MAX_REGIONS: the first ones are kept. */
static void
test_region_limit(void **state)
{
	struct mb2_mmap_entry e[MB2_MAX_REGIONS + 8];
	size_t i;

	(void)state;
	for (i = 0; i < nitems(e); i++) {
		e[i].base_addr = MIB * (i + 1);
		e[i].length = MIB;
		e[i].type = MB2_MEMORY_AVAILABLE;
		e[i].zero = 0;
	}
	mbi_begin();
	tag_mmap_esize(24, e, nitems(e));
	mbi_end();
	assert_int_equal(parse(), 0);
	assert_int_equal(mi.nregions, MB2_MAX_REGIONS);
	assert_int_equal(mi.usable_high, MB2_MAX_REGIONS * MIB);
	assert_int_equal(mi.physmem, (MB2_MAX_REGIONS + 1) * MIB);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_too_short),
		cmocka_unit_test(test_cmdline_and_loader),
		cmocka_unit_test(test_string_bounds),
		cmocka_unit_test(test_qemu_32m),
		cmocka_unit_test(test_straddle_1m),
		cmocka_unit_test(test_physmem),
		cmocka_unit_test(test_only_low_memory),
		cmocka_unit_test(test_no_memory_information),
		cmocka_unit_test(test_meminfo_fallback),
		cmocka_unit_test(test_map_beats_meminfo),
		cmocka_unit_test(test_modules),
		cmocka_unit_test(test_module_limit),
		cmocka_unit_test(test_acpi_rsdp),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_total_size_bounds_walk),
		cmocka_unit_test(test_tag_past_end),
		cmocka_unit_test(test_tag_too_small),
		cmocka_unit_test(test_end_tag_stops),
		cmocka_unit_test(test_mmap_entry_size),
		cmocka_unit_test(test_mmap_entry_size_huge),
		cmocka_unit_test(test_region_limit),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
