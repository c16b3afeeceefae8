/*
 * machine/multiboot2.h: the boot information a multiboot2 loader passes
 * (Multiboot2 specification, section 3.6), and what multiboot2.c makes of
 * it.  boot/entry.asm copies the information into mb2_copy before paging.
 */
#ifndef _MACHINE_MULTIBOOT2_H_
#define _MACHINE_MULTIBOOT2_H_

#include <stdint.h>
#include <stddef.h>

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1
#define MB2_TAG_LOADER		2
#define MB2_TAG_MODULE		3
#define MB2_TAG_BASIC_MEMINFO	4
#define MB2_TAG_MMAP		6
#define MB2_TAG_ACPI_OLD	14
#define MB2_TAG_ACPI_NEW	15

#define MB2_MEMORY_AVAILABLE	1
#define MB2_MEMORY_RESERVED	2
#define MB2_MEMORY_ACPI		3	/* ACPI reclaimable */
#define MB2_MEMORY_NVS		4
#define MB2_MEMORY_BADRAM	5

struct mb2_tag {
	uint32_t type;
	uint32_t size;
};

struct mb2_mmap_entry {
	uint64_t base_addr;
	uint64_t length;
	uint32_t type;
	uint32_t zero;
};

#define MB2_MAX_REGIONS	32
#define MB2_MAX_MODULES	8
#define MB2_CMDLINE_MAX	256

struct mb2_region {
	uint64_t base, length;
	uint32_t type;
};

struct mb2_module {
	uint32_t start, end;		/* physical */
	char	cmdline[64];
};

/* What mb2_parse() found.  Sizes are in bytes. */
struct mb2_info {
	int	truncated;		/* more than MB2_COPY_MAX bytes came */
	int	have_mmap, have_meminfo;
	char	cmdline[MB2_CMDLINE_MAX];
	char	loader[64];
	uint32_t mem_lower_kb, mem_upper_kb;	/* basic meminfo tag */
	int	nregions;
	struct mb2_region regions[MB2_MAX_REGIONS];
	int	nmodules;
	struct mb2_module modules[MB2_MAX_MODULES];
	int	acpi_rsdp_len;		/* 0: the loader gave none */
	uint8_t	acpi_rsdp[36];		/* a copy of the RSDP */
	uint64_t usable_total;		/* available regions, summed */
	uint64_t usable_low;		/* ... below 1 MiB */
	uint64_t usable_high;		/* ... at or above 1 MiB */
	uint64_t physmem;		/* installed RAM, estimated */
};

#define MB2_COPY_MAX	16384		/* as in machine/param.inc */

extern uint8_t mb2_copy[];
extern uint32_t mb2_copied;
extern struct mb2_info mb2_info;

/* Returns 0, or -1 with a reason in *why when the information is unusable. */
int	mb2_parse(const void *info, size_t copied, struct mb2_info *out,
	    const char **why);

#endif /* _MACHINE_MULTIBOOT2_H_ */
