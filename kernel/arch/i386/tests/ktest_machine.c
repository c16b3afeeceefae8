/*
 * kernel/arch/i386/tests/ktest_machine.c: what the kernel learnt about
 * the machine matches a second source: the memory map against the BIOS's
 * CMOS figure, the segment registers against the GDT's layout, the CPUID
 * answers against each other; the VGA console draws what printf says; a
 * keystroke travels from the 8042 through IRQ 1 to the console queue.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/cons.h>
#include <sys/ktest.h>
#include <lib/libkern/libkern.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/segments.h>
#include <machine/specialreg.h>
#include <machine/multiboot2.h>
#include <machine/mc146818.h>
#include <machine/acpi.h>
#include <machine/vga.h>
#include <machine/intr.h>

#define MIB		(1024 * 1024)
#define KBC_DATA	0x60
#define KBC_CMD		0x64
#define KBC_STATUS	0x64
#define KBS_IBF		0x02	/* input buffer full: controller busy */
#define KBC_WRITE_KBD_OUT 0xd2	/* next data byte: "as if from the keyboard" */

extern struct gate_descriptor idt[];

/* The memory map's RAM size is the one the emulator was given. */
KTEST(memory_map_matches_cmos)
{
	const struct mb2_info *mi = &mb2_info;
	uint64_t cmos = cmos_memory_size();

	ktest_diag("multiboot2 map: %llu MiB installed, %llu KiB usable; "
	    "CMOS: %llu MiB", mi->physmem / MIB, mi->usable_total / 1024,
	    cmos / MIB);
	KT_ASSERT(mi->have_mmap);
	KT_EQ(mi->physmem / MIB, (cmos + MIB - 1) / MIB);
	KT_RANGE(mi->usable_total, mi->physmem - MIB, mi->physmem);
	KT_RANGE(mi->usable_low, 600 * 1024, 640 * 1024);
}

KTEST(segments_and_tasks)
{
	KT_EQ(rcs(), GSEL(GCODE_SEL, SEL_KPL));
	KT_EQ(rds(), GSEL(GDATA_SEL, SEL_KPL));
	KT_EQ(rtr(), GSEL(GTSS_SEL, SEL_KPL));
	KT_EQ(gdt[GUCODE_SEL].sd_dpl, SEL_UPL);
	KT_EQ(gdt[GUCODE_SEL].sd_type, SDT_MEMERA);
	KT_EQ(gdt[GUDATA_SEL].sd_dpl, SEL_UPL);
	KT_EQ(idt[8].gd_type, SDT_SYSTASKGT);
	KT_EQ(idt[8].gd_selector, GSEL(GDFTSS_SEL, SEL_KPL));
	KT_EQ(idt[14].gd_type, SDT_SYS386IGT);
	/* The first per-thread TSS is init's (available 9, or busy 11). */
	KT_EQ(gdt[GTSS_FIRST].sd_type & ~2, SDT_SYS386TSS);
	KT_EQ(NTSS_SLOTS, NGDT - GTSS_FIRST);
	KT_ASSERT(rcr0() & CR0_WP);
	KT_ASSERT(rcr0() & CR0_PG);
}

KTEST(cpu_identification)
{
	const struct cpu_ident *ci = &cpu_ident;
	size_t i;

	KT_ASSERT(ci->ci_level >= 4);
	if (!ci->ci_has_cpuid)
		ktest_skip("no CPUID on this processor");
	KT_EQ(strlen(ci->ci_vendor), 12);
	for (i = 0; i < 12; i++)
		KT_RANGE(ci->ci_vendor[i], ' ', '~');
	KT_RANGE(ci->ci_family, 4, 0x10f);
	if (ci->ci_family == 4)		/* a 486: no Pentium features */
		KT_EQ(ci->ci_feature_flags & (CPUID_TSC | CPUID_CMOV), 0);
	if (ci->ci_feature_flags & CPUID_TSC) {
		uint64_t t0 = rdtsc();

		delay(1000);
		KT_ASSERT(rdtsc() > t0);
	}
}

KTEST(acpi_tables_found)
{
	if (acpi_sc.sc_rsdp == 0 && mb2_info.acpi_rsdp_len == 0)
		ktest_skip("this machine has no ACPI");
	KT_ASSERT(acpi_sc.sc_ready);
	KT_ASSERT(acpi_sc.sc_pm1a_cnt != 0);
	KT_ASSERT(acpi_sc.sc_dsdt != 0);
}

/* printf's colour escape reaches the VGA cell's attribute. */
KTEST(vga_draws_printf)
{
	int row, col;

	printf("# vga: \033[1;32mK\033[41mR\033[0m");
	vga_cursor(&row, &col);
	KT_EQ(vga_char_at(row, col - 2), 'K');
	KT_EQ(vga_attr_at(row, col - 2), 0x0a);	/* bright green on black */
	KT_EQ(vga_char_at(row, col - 1), 'R');
	KT_EQ(vga_attr_at(row, col - 1), 0x4a);	/* ... on red */
	printf("\n");
	vga_cursor(&row, &col);
	KT_EQ(col, 0);
}

static void
kbc_write(uint16_t port, uint8_t v)
{
	int i;

	for (i = 0; i < 100000 && (inb(KBC_STATUS) & KBS_IBF); i++)
		continue;
	outb(port, v);
}

/* Ask the 8042 to deliver a byte as if the keyboard had sent it. */
static void
kbc_fake_key(uint8_t sc)
{
	int t0 = ticks;

	kbc_write(KBC_CMD, KBC_WRITE_KBD_OUT);
	kbc_write(KBC_DATA, sc);
	while (ticks - t0 < hz / 10)	/* let IRQ 1 take it */
		continue;
}

/*
 * Scancodes for shift-h, i, Enter go through the controller, IRQ 1,
 * pckbd's handler and kbd_translate() into the console queue.
 */
KTEST(keyboard_irq_to_console)
{
	static const uint8_t keys[] = {
		0x2a, 0x23, 0xa3, 0xaa,		/* shift down, h, up, shift up */
		0x17, 0x97,			/* i */
		0x1c, 0x9c,			/* Enter */
	};
	unsigned long irq0 = intr_count(1);
	size_t i;

	cons_input_flush();
	for (i = 0; i < nitems(keys); i++)
		kbc_fake_key(keys[i]);
	ktest_diag("IRQ 1 came %lu times", intr_count(1) - irq0);
	KT_EQ(intr_count(1) - irq0, nitems(keys));
	KT_EQ(cn_trygetc(), 'H');
	KT_EQ(cn_trygetc(), 'i');
	KT_EQ(cn_trygetc(), '\n');
	KT_EQ(cn_trygetc(), -1);
}
