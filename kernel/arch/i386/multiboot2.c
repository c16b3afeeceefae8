/*
 * kernel/arch/i386/multiboot2.c: read the multiboot2 boot information.
 *
 * The information is a list of tags, each 8-byte aligned, ended by a tag
 * of type 0:
 *
 *   u32 total_size | u32 reserved | tag | tag | ... | end tag
 *   tag: u32 type | u32 size | size - 8 bytes of payload
 *
 * mb2_parse() copies out what the kernel uses (command line, loader name,
 * memory map, modules, the ACPI RSDP) and sums the memory map.  It trusts
 * nothing: a tag that runs past the end stops the walk.  It is plain C
 * over bytes, so tests/host/test_mb2.c runs it on crafted inputs.
 */

#include <stdint.h>
#include <stddef.h>
#include <machine/multiboot2.h>

#define MB2_ONE_MIB	0x100000ULL

static void
copy_string(char *dst, size_t size, const char *src, size_t max)
{
	size_t i;

	for (i = 0; i + 1 < size && i < max && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
}

static void
copy_bytes(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	while (n-- > 0)
		*d++ = *s++;
}

/* The memory map tag: u32 entry_size | u32 entry_version | entries. */
static void
parse_mmap(const uint8_t *tag, uint32_t size, struct mb2_info *mi)
{
	uint32_t esize = *(const uint32_t *)(tag + 8);
	uint32_t off;

	if (esize < sizeof(struct mb2_mmap_entry))
		return;
	mi->have_mmap = 1;
	for (off = 16; esize <= size - off; off += esize) {	/* no wrap */
		const struct mb2_mmap_entry *e =
		    (const struct mb2_mmap_entry *)(tag + off);
		struct mb2_region *r;

		if (mi->nregions == MB2_MAX_REGIONS)
			break;
		r = &mi->regions[mi->nregions++];
		r->base = e->base_addr;
		r->length = e->length;
		r->type = e->type;
	}
}

static void
parse_module(const uint8_t *tag, uint32_t size, struct mb2_info *mi)
{
	struct mb2_module *m;

	if (mi->nmodules == MB2_MAX_MODULES || size < 16)
		return;
	m = &mi->modules[mi->nmodules++];
	m->start = *(const uint32_t *)(tag + 8);
	m->end = *(const uint32_t *)(tag + 12);
	copy_string(m->cmdline, sizeof(m->cmdline), (const char *)tag + 16,
	    size - 16);
}

static void
parse_tag(const uint8_t *tag, uint32_t type, uint32_t size,
    struct mb2_info *mi)
{
	switch (type) {
	case MB2_TAG_CMDLINE:
		copy_string(mi->cmdline, sizeof(mi->cmdline),
		    (const char *)tag + 8, size - 8);
		break;
	case MB2_TAG_LOADER:
		copy_string(mi->loader, sizeof(mi->loader),
		    (const char *)tag + 8, size - 8);
		break;
	case MB2_TAG_MODULE:
		parse_module(tag, size, mi);
		break;
	case MB2_TAG_BASIC_MEMINFO:
		if (size >= 16) {
			mi->have_meminfo = 1;
			mi->mem_lower_kb = *(const uint32_t *)(tag + 8);
			mi->mem_upper_kb = *(const uint32_t *)(tag + 12);
		}
		break;
	case MB2_TAG_MMAP:
		if (size >= 16)
			parse_mmap(tag, size, mi);
		break;
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		if (mi->acpi_rsdp_len == 0 || type == MB2_TAG_ACPI_NEW) {
			uint32_t n = size - 8;

			if (n > sizeof(mi->acpi_rsdp))
				n = sizeof(mi->acpi_rsdp);
			copy_bytes(mi->acpi_rsdp, tag + 8, n);
			mi->acpi_rsdp_len = n;
		}
		break;
	}
}

/*
 * Sum the usable memory, split at 1 MiB, and estimate the installed RAM:
 * the end of the highest usable region, rounded up to a MiB (firmware
 * keeps the last few KiB of RAM for its tables, typed "reserved" or
 * "ACPI").  Without a map, fall back to the basic meminfo tag.
 */
static void
sum_memory(struct mb2_info *mi)
{
	uint64_t top = 0;
	int i;

	for (i = 0; i < mi->nregions; i++) {
		const struct mb2_region *r = &mi->regions[i];
		uint64_t end = r->base + r->length;

		if (r->type != MB2_MEMORY_AVAILABLE || r->length == 0)
			continue;
		if (r->base < MB2_ONE_MIB) {
			uint64_t lowend = end < MB2_ONE_MIB ? end : MB2_ONE_MIB;

			mi->usable_low += lowend - r->base;
			mi->usable_high += end - lowend;
		} else
			mi->usable_high += r->length;
		if (end > top)
			top = end;
	}
	if (!mi->have_mmap && mi->have_meminfo) {
		mi->usable_low = (uint64_t)mi->mem_lower_kb * 1024;
		mi->usable_high = (uint64_t)mi->mem_upper_kb * 1024;
		top = MB2_ONE_MIB + mi->usable_high;
	}
	mi->usable_total = mi->usable_low + mi->usable_high;
	mi->physmem = (top + MB2_ONE_MIB - 1) & ~(MB2_ONE_MIB - 1);
}

int
mb2_parse(const void *info, size_t copied, struct mb2_info *mi,
    const char **why)
{
	const uint8_t *p = info;
	uint32_t total, off = 8;
	size_t i;

	for (i = 0; i < sizeof(*mi); i++)
		((uint8_t *)mi)[i] = 0;
	*why = NULL;
	if (copied < 16) {
		*why = "the boot information is too short";
		return -1;
	}
	total = *(const uint32_t *)p;
	if (total > copied) {
		mi->truncated = 1;
		total = copied;
	}
	while (off + 8 <= total) {
		uint32_t type = *(const uint32_t *)(p + off);
		uint32_t size = *(const uint32_t *)(p + off + 4);

		if (type == MB2_TAG_END)
			break;
		if (size < 8 || size > total - off)
			break;		/* runs past the end: stop trusting */
		parse_tag(p + off, type, size, mi);
		off += (size + 7) & ~7U;
	}
	sum_memory(mi);
	if (!mi->have_mmap && !mi->have_meminfo) {
		*why = "the loader passed no memory map";
		return -1;
	}
	if (mi->usable_high == 0) {
		*why = "the memory map has no usable memory above 1 MiB";
		return -1;
	}
	return 0;
}
