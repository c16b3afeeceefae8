/*
 * kernel/arch/i386/intr.c: IRQ handlers and the interrupt priority level.
 *
 * Every IRQ is established at an IPL (machine/intr.h).  imask[l] is the set
 * of IRQs whose level is <= l; at cpl l the 8259s mask exactly imask[l].
 *
 *   IPL_NONE   only IRQs with no handler   splx(IPL_NONE) == spl0()
 *   IPL_TTY    + keyboard, COM1         spltty()
 *   IPL_CLOCK  + the PIT (IRQ 0)        splclock()
 *   IPL_HIGH   every IRQ                splhigh()
 *
 * An IRQ arriving at vector 32 + n goes through intr_dispatch(): raise cpl
 * to the IRQ's level (which masks it and everything at or below it),
 * acknowledge the 8259, turn interrupts on so higher levels can nest, run
 * the handlers, then restore cpl.  A masked IRQ is simply not delivered
 * until splx() lowers cpl: the 8259 keeps it in its request register.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/intr.h>
#include <machine/i8259.h>
#include <machine/segments.h>

#define NHANDLERS	4	/* per IRQ line: ISA lines can be shared */

struct intrhand {
	intr_handler_t ih_fun;
	void	*ih_arg;
	const char *ih_name;
};

volatile int cpl = IPL_HIGH;		/* until intr_init() is done */
static uint16_t imask[NIPL];
static int irq_level[NIRQ];
static struct intrhand intrhand[NIRQ][NHANDLERS];
static unsigned long intrcnt[NIRQ], intrstray[NIRQ];

/* Recompute imask[] after an IRQ's level changed. */
static void
intr_calculate_masks(void)
{
	int l, irq;

	for (l = 0; l < NIPL; l++) {
		imask[l] = 0;
		for (irq = 0; irq < NIRQ; irq++)
			if (irq_level[irq] == 0 || irq_level[irq] <= l)
				imask[l] |= 1 << irq;
	}
	imask[IPL_HIGH] = 0xffff;
}

void
intr_init(void)
{
	i8259_init(ICU_OFFSET);
	intr_calculate_masks();		/* nothing established: all masked */
	cpl = IPL_HIGH;
	i8259_setmask(imask[IPL_HIGH]);
}

/*
 * Attach a handler to an IRQ line at a level.  Lines shared by several
 * handlers take the highest of their levels.
 */
void
intr_establish(int irq, int level, intr_handler_t fun, void *arg,
    const char *name)
{
	u_int ef = intr_disable();
	int i;

	KASSERT(irq >= 0 && irq < NIRQ && irq != IRQ_SLAVE);
	KASSERT(level > IPL_NONE && level < IPL_HIGH);
	for (i = 0; i < NHANDLERS && intrhand[irq][i].ih_fun != NULL; i++)
		continue;
	if (i == NHANDLERS)
		panic("intr_establish: IRQ %d has %d handlers", irq, i);
	intrhand[irq][i] = (struct intrhand){ fun, arg, name };
	if (level > irq_level[irq])
		irq_level[irq] = level;
	intr_calculate_masks();
	i8259_setmask(imask[cpl]);
	intr_restore(ef);
}

/* Raise cpl to at least ipl; returns the old level for splx(). */
int
splraise(int ipl)
{
	int old = cpl;

	if (ipl > old) {
		u_int ef = intr_disable();

		cpl = ipl;
		i8259_setmask(imask[ipl]);
		intr_restore(ef);
	}
	return old;
}

/* Set cpl back to a level splraise() returned. */
void
splx(int ipl)
{
	u_int ef = intr_disable();

	cpl = ipl;
	i8259_setmask(imask[ipl]);
	intr_restore(ef);
}

/*
 * A spurious IRQ 7 or 15 (the line dropped before the CPU acknowledged it)
 * is not in the in-service register and must not be acknowledged, except
 * that a spurious IRQ 15 still needs the master's EOI for the cascade.
 */
static int
intr_spurious(int irq)
{
	if ((irq != 7 && irq != 15) || (i8259_isr() & (1 << irq)))
		return 0;
	if (irq == 15)
		i8259_eoi(IRQ_SLAVE);
	intrstray[irq]++;
	return 1;
}

void
intr_dispatch(struct trapframe *tf)
{
	int irq = tf->tf_trapno - ICU_OFFSET;
	int s, i, claimed = 0;

	if (intr_spurious(irq))
		return;
	s = splraise(irq_level[irq] ? irq_level[irq] : IPL_HIGH);
	i8259_eoi(irq);
	intrcnt[irq]++;
	enable_intr();
	for (i = 0; i < NHANDLERS && intrhand[irq][i].ih_fun != NULL; i++)
		claimed |= intrhand[irq][i].ih_fun(intrhand[irq][i].ih_arg, tf);
	disable_intr();
	if (!claimed)
		intrstray[irq]++;
	splx(s);
}

/* How many times an IRQ has been delivered. */
unsigned long
intr_count(int irq)
{
	return irq >= 0 && irq < NIRQ ? intrcnt[irq] : 0;
}
