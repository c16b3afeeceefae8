/*
 * kernel/arch/i386/idt.c: the interrupt descriptor table.
 *
 *   vector   gate        handler
 *   0-31     interrupt   exceptions: Xtrap0.. (vector.asm) -> trap()
 *   8        task        the double-fault task (GDFTSS_SEL)
 *   32-47    interrupt   IRQ 0-15 from the 8259s -> trap() -> intr_dispatch()
 *   others   not present (a stray "int n" raises #GP, reported as such)
 *
 * Interrupt gates clear IF on entry, so every handler starts with
 * interrupts off; intr_dispatch() turns them back on once the spl level
 * holds off what must wait.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <lib/libkern/libkern.h>
#include <machine/segments.h>
#include <machine/trap.h>
#include <machine/intr.h>
#include <machine/cpufunc.h>

struct gate_descriptor idt[NIDT] __aligned(8);
extern void (*idt_vectors[ICU_OFFSET + NIRQ])(void);

void
setgate(struct gate_descriptor *gd, void *func, int args, int type, int dpl,
    int selector)
{
	gd->gd_looffset = (uint32_t)func & 0xffff;
	gd->gd_selector = selector;
	gd->gd_stkcpy = args;
	gd->gd_type = type;
	gd->gd_dpl = dpl;
	gd->gd_p = 1;
	gd->gd_hioffset = (uint32_t)func >> 16;
}

void	Xsyscall(void);

void
idt_init(void)
{
	struct region_descriptor rd;
	int v;

	memset(idt, 0, sizeof(idt));
	for (v = 0; v < ICU_OFFSET + NIRQ; v++)
		setgate(&idt[v], idt_vectors[v], 0, SDT_SYS386IGT, SEL_KPL,
		    GSEL(GCODE_SEL, SEL_KPL));
	/* #BP is "int3" and may come from ring 3 once user space exists. */
	idt[T_BPTFLT].gd_dpl = SEL_UPL;
	setgate(&idt[T_DOUBLEFLT], NULL, 0, SDT_SYSTASKGT, SEL_KPL,
	    GSEL(GDFTSS_SEL, SEL_KPL));
	/*
	 * System calls: int $0x80 from ring 3, as on OpenBSD/i386.  An
	 * interrupt gate, like the rest: syscall() turns interrupts on
	 * once the frame is complete.
	 */
	setgate(&idt[T_SYSCALL], Xsyscall, 0, SDT_SYS386IGT, SEL_UPL,
	    GSEL(GCODE_SEL, SEL_KPL));

	rd.rd_limit = sizeof(idt) - 1;
	rd.rd_base = (uint32_t)idt;
	lidt(&rd);
}
