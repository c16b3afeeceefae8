/*
 * kernel/arch/i386/mc146818.c: the CMOS chip (Motorola MC146818 and its
 * successors): a real-time clock that ticks on its own crystal, plus
 * NVRAM where the BIOS records the installed memory.  Tine reads it for a
 * second opinion: the self-tests check the PIT against the RTC's seconds
 * and the multiboot2 memory map against the BIOS's memory size.
 */

#include <sys/types.h>
#include <machine/cpufunc.h>
#include <machine/mc146818.h>

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71
#define CMOS_NMI_OFF	0x80	/* keep NMIs off while the index is set */

#define MC_SEC		0x00
#define MC_REGA		0x0a
#define MC_REGA_UIP	0x80	/* update in progress: fields are changing */
#define MC_REGB		0x0b
#define MC_REGB_BINARY	0x04	/* else BCD */
#define NVRAM_EXTMEM_LO	0x30	/* KiB above 1 MiB, up to 64 MiB */
#define NVRAM_EXTMEM_HI	0x31
#define NVRAM_EXT16_LO	0x34	/* 64 KiB blocks above 16 MiB */
#define NVRAM_EXT16_HI	0x35

uint8_t
mc146818_read(int reg)
{
	u_int ef = intr_disable();
	uint8_t v;

	outb(CMOS_INDEX, CMOS_NMI_OFF | reg);
	v = inb(CMOS_DATA);
	outb(CMOS_INDEX, 0);
	intr_restore(ef);
	return v;
}

/* The RTC's seconds field, 0..59, read outside an update cycle. */
int
rtc_seconds(void)
{
	uint8_t s;

	while (mc146818_read(MC_REGA) & MC_REGA_UIP)
		continue;
	s = mc146818_read(MC_SEC);
	if ((mc146818_read(MC_REGB) & MC_REGB_BINARY) == 0)
		s = (s >> 4) * 10 + (s & 0xf);
	return s;
}

/*
 * The memory size the BIOS wrote into NVRAM, in bytes: 16 MiB plus the
 * 64 KiB blocks above it when there are any, else 1 MiB plus the KiB of
 * extended memory.  QEMU, Bochs and PC BIOSes fill both fields.
 */
uint64_t
cmos_memory_size(void)
{
	u_int ext16 = mc146818_read(NVRAM_EXT16_LO) |
	    mc146818_read(NVRAM_EXT16_HI) << 8;
	u_int extkb = mc146818_read(NVRAM_EXTMEM_LO) |
	    mc146818_read(NVRAM_EXTMEM_HI) << 8;

	if (ext16 != 0)
		return 16ULL * 1024 * 1024 + (uint64_t)ext16 * 65536;
	return 1024ULL * 1024 + (uint64_t)extkb * 1024;
}

/* A BCD or binary RTC field, as register B says. */
static int
rtc_field(int reg, int binary)
{
	uint8_t v = mc146818_read(reg);

	return binary ? v : (v >> 4) * 10 + (v & 0xf);
}

/*
 * The RTC's date and time as seconds since 1970 (UTC: PCs run their
 * clock in local time, but Tine, like OpenBSD, takes it as UTC), read
 * outside an update cycle.  The year's century is taken to be 20xx.
 */
time_t
rtc_gettime(void)
{
	int binary, sec, min, hour, day, mon, year, y, m;
	int64_t days;

	while (mc146818_read(MC_REGA) & MC_REGA_UIP)
		continue;
	binary = (mc146818_read(MC_REGB) & MC_REGB_BINARY) != 0;
	sec = rtc_field(0x00, binary);
	min = rtc_field(0x02, binary);
	hour = rtc_field(0x04, binary) & 0x3f;
	day = rtc_field(0x07, binary);
	mon = rtc_field(0x08, binary);
	year = 2000 + rtc_field(0x09, binary);
	/* Days since 1970-01-01 of a proleptic Gregorian date. */
	y = mon <= 2 ? year - 1 : year;
	m = mon <= 2 ? mon + 9 : mon - 3;
	days = 365LL * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 +
	    day - 1 - 719468;
	return days * 86400 + hour * 3600 + min * 60 + sec;
}
