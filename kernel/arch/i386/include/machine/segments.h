/*
 * machine/segments.h: segment descriptors, gates, and the GDT's layout.
 *
 * Tine uses flat segments (base 0, limit 4 GiB) and paging for protection;
 * the GDT exists for the privilege levels, the TSSs and %fs/%gs.  Slot
 * GTSS_FIRST onwards is room for one TSS descriptor per thread, which the
 * task switching code (cpu_fork) fills; the GDT can hold 8192 descriptors,
 * so that room caps the number of threads.  docs/interrupts.md draws it.
 */
#ifndef _MACHINE_SEGMENTS_H_
#define _MACHINE_SEGMENTS_H_

#include <sys/types.h>

#define SEL_KPL		0		/* kernel privilege level */
#define SEL_UPL		3		/* user privilege level */
#define GSEL(slot, rpl)	(((slot) << 3) | (rpl))
#define ISPL(sel)	((sel) & 3)

/* GDT slots. */
#define GNULL_SEL	0
#define GCODE_SEL	1	/* kernel code */
#define GDATA_SEL	2	/* kernel data and stack */
#define GUCODE_SEL	3	/* user code */
#define GUDATA_SEL	4	/* user data and stack */
#define GUFS_SEL	5	/* user %fs */
#define GUGS_SEL	6	/* user %gs: the thread's TCB */
#define GTSS_SEL	7	/* the boot TSS (proc0 until threads own one) */
#define GDFTSS_SEL	8	/* the double-fault task's TSS */
#define GTSS_FIRST	9	/* first per-thread TSS slot */
#define NGDT		8192	/* the architecture's maximum */
#define NTSS_SLOTS	(NGDT - GTSS_FIRST)

/*
 * May user code have sel in a segment register?  The return to user mode
 * loads the registers from a trap frame in kernel mode (vector.asm's
 * trap_return), where a bad selector would fault in the kernel: so a
 * frame from user data (sigreturn's context, ptrace's PT_SETREGS) may
 * name only the user segment meant for that register, or (nullok, the
 * data segments) the null selector.
 */
static inline int
user_sel_ok(int sel, int slot, int nullok)
{
	sel &= 0xffff;
	return sel == GSEL(slot, SEL_UPL) || (nullok && sel == 0);
}

/* A segment or system descriptor, as the CPU reads it. */
struct segment_descriptor {
	uint16_t sd_lolimit;
	uint16_t sd_lobase;
	uint8_t	 sd_midbase;
	uint8_t	 sd_type:5;		/* SDT_* (includes the S bit) */
	uint8_t	 sd_dpl:2;
	uint8_t	 sd_p:1;
	uint8_t	 sd_hilimit:4;
	uint8_t	 sd_xx:2;
	uint8_t	 sd_def32:1;
	uint8_t	 sd_gran:1;		/* limit in pages */
	uint8_t	 sd_hibase;
} __packed;

/* An interrupt, trap or task gate. */
struct gate_descriptor {
	uint16_t gd_looffset;
	uint16_t gd_selector;
	uint8_t	 gd_stkcpy;
	uint8_t	 gd_type:5;
	uint8_t	 gd_dpl:2;
	uint8_t	 gd_p:1;
	uint16_t gd_hioffset;
} __packed;

/* The operand of lgdt and lidt. */
struct region_descriptor {
	uint16_t rd_limit;
	uint32_t rd_base;
} __packed;

/* Descriptor types (S bit included). */
#define SDT_SYS386TSS	 9	/* available 32-bit TSS */
#define SDT_SYS386BSY	11	/* busy 32-bit TSS */
#define SDT_SYSTASKGT	 5	/* task gate */
#define SDT_SYS386IGT	14	/* 32-bit interrupt gate: clears IF */
#define SDT_SYS386TGT	15	/* 32-bit trap gate */
#define SDT_MEMRWA	19	/* data, read/write, accessed */
#define SDT_MEMERA	27	/* code, execute/read, accessed */

#define NIDT		256
#define ICU_OFFSET	32	/* IRQ 0 arrives at vector 32 */

extern struct segment_descriptor gdt[NGDT];

void	setsegment(struct segment_descriptor *, uint32_t base, uint32_t limit,
	    int type, int dpl, int def32, int gran);
void	setgate(struct gate_descriptor *, void *func, int args, int type,
	    int dpl, int selector);
void	gdt_init(void);
void	idt_init(void);

#endif /* _MACHINE_SEGMENTS_H_ */
