/*
 * kernel/arch/i386/gdt.c: the global descriptor table and the two TSSs
 * the kernel starts with.
 *
 *   slot  selector  what
 *   0     0x00      null
 *   1     0x08      kernel code   (flat 4 GiB, DPL 0)
 *   2     0x10      kernel data   (flat 4 GiB, DPL 0)
 *   3     0x1b      user code     (flat, DPL 3: paging keeps users out of
 *   4     0x23      user data      the kernel's half)
 *   5, 6            user %fs, %gs (the thread's TCB, set per thread later)
 *   7     0x38      boot TSS: the running context until threads own one
 *   8     0x40      double-fault TSS (IDT vector 8 is a task gate to it)
 *   9 ... 8191      one TSS descriptor per thread (cpu_fork fills them)
 *
 * docs/interrupts.md explains why the double fault is a separate task.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <machine/param.h>
#include <machine/segments.h>
#include <machine/tss.h>
#include <machine/psl.h>
#include <machine/cpufunc.h>
#include <machine/pcb.h>

struct segment_descriptor gdt[NGDT] __aligned(8);
struct i386tss df_tss;

/* The double-fault task's own stack (vector.asm sets esp from it). */
uint8_t df_stack[4096] __aligned(16);

extern char boot_pd[];
void	Xdoubleflt(void);
void	gdt_load(const struct region_descriptor *, int csel, int dsel);

void
setsegment(struct segment_descriptor *sd, uint32_t base, uint32_t limit,
    int type, int dpl, int def32, int gran)
{
	sd->sd_lolimit = limit & 0xffff;
	sd->sd_lobase = base & 0xffff;
	sd->sd_midbase = (base >> 16) & 0xff;
	sd->sd_type = type;
	sd->sd_dpl = dpl;
	sd->sd_p = 1;
	sd->sd_hilimit = (limit >> 16) & 0xf;
	sd->sd_xx = 0;
	sd->sd_def32 = def32;
	sd->sd_gran = gran;
	sd->sd_hibase = base >> 24;
}

static void
settss(int slot, struct i386tss *tss)
{
	setsegment(&gdt[slot], (uint32_t)tss, sizeof(*tss) - 1,
	    SDT_SYS386TSS, SEL_KPL, 0, 0);
}

/* The TSS a selector names, read back from its descriptor's base. */
struct i386tss *
tss_of_selector(int sel)
{
	struct segment_descriptor *sd = &gdt[sel >> 3];

	return (struct i386tss *)(sd->sd_lobase | sd->sd_midbase << 16 |
	    sd->sd_hibase << 24);
}

/*
 * The double-fault task: entered through the task gate at vector 8 with
 * its own stack and interrupts off, so it runs even when the kernel stack
 * is gone.  Its page directory is the boot one, whose kernel half every
 * address space shares.
 */
static void
df_tss_init(void)
{
	memset(&df_tss, 0, sizeof(df_tss));
	df_tss.tss_cr3 = VTOP((vaddr_t)boot_pd);
	df_tss.tss_eip = (uint32_t)Xdoubleflt;
	df_tss.tss_eflags = 0x2;		/* bit 1 is always set; IF off */
	df_tss.tss_esp = (uint32_t)(df_stack + sizeof(df_stack));
	df_tss.tss_ss = df_tss.tss_ds = df_tss.tss_es = GSEL(GDATA_SEL, SEL_KPL);
	df_tss.tss_cs = GSEL(GCODE_SEL, SEL_KPL);
	df_tss.tss_ioopt = sizeof(df_tss) << 16;	/* no I/O bitmap */
}

/* Build the GDT, load it and the boot TSS. */
void
gdt_init(void)
{
	struct region_descriptor rd;

	memset(gdt, 0, sizeof(gdt));
	setsegment(&gdt[GCODE_SEL], 0, 0xfffff, SDT_MEMERA, SEL_KPL, 1, 1);
	setsegment(&gdt[GDATA_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_KPL, 1, 1);
	setsegment(&gdt[GUCODE_SEL], 0, 0xfffff, SDT_MEMERA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUDATA_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUFS_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);
	setsegment(&gdt[GUGS_SEL], 0, 0xfffff, SDT_MEMRWA, SEL_UPL, 1, 1);

	/*
	 * A task switch saves the outgoing task's registers in its TSS but
	 * never its CR3: a switch back loads CR3 from the TSS as it was
	 * written here.  So the boot TSS must name the boot page directory.
	 */
	memset(&boot_tss, 0, sizeof(boot_tss));
	boot_tss.tss_ss0 = GSEL(GDATA_SEL, SEL_KPL);
	boot_tss.tss_cr3 = VTOP((vaddr_t)boot_pd);
	boot_tss.tss_ioopt = sizeof(boot_tss) << 16;
	settss(GTSS_SEL, &boot_tss);
	df_tss_init();
	settss(GDFTSS_SEL, &df_tss);

	rd.rd_limit = sizeof(gdt) - 1;
	rd.rd_base = (uint32_t)gdt;
	gdt_load(&rd, GSEL(GCODE_SEL, SEL_KPL), GSEL(GDATA_SEL, SEL_KPL));
	ltr(GSEL(GTSS_SEL, SEL_KPL));
}
