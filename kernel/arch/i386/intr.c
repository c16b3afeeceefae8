/*
 * kernel/arch/i386/intr.c: IRQ handlers and the interrupt priority level.
 *
 * Every IRQ is established at an IPL (machine/intr.h).  imask[l] is the set
 * of IRQs whose level is <= l: at cpl l they are held back.
 *
 *   IPL_NONE   only IRQs with no handler   splx(IPL_NONE) == spl0()
 *   IPL_SOFTCLOCK  (no IRQ: holds softclock, the timeouts, back)
 *   IPL_TTY    + keyboard, COM1         spltty()
 *   IPL_CLOCK  + the PIT (IRQ 0)        splclock()
 *   IPL_HIGH   every IRQ                splhigh()
 *
 * An IRQ arriving at vector 32 + n goes through intr_dispatch(): raise cpl
 * to the IRQ's level (which holds back it and everything at or below it),
 * acknowledge the 8259, turn interrupts on so higher levels can nest, run
 * the handlers, then restore cpl.
 *
 * Holding back is lazy, as OpenBSD's i386 does it: splraise() only
 * stores cpl, so the 8259s are not reprogrammed twice per spl pair (a
 * mutex, a malloc, a pool_get each take one).  Only when an IRQ arrives
 * while cpl blocks it does intr_dispatch() mask its line in the 8259,
 * acknowledge it and note it in ipending; splx() lowering cpl below its
 * level runs it (intr_replay) and unmasks the line.  Meanwhile further
 * requests on that line wait in the 8259's request register (one is
 * latched, the rest lost, as when the line is masked on real hardware).
 * The 8259s mask imask[IPL_NONE] (lines with no handler) | ipending.
 *
 *   splclock()  cpl = CLOCK                       8259: as it was
 *   IRQ 0       level CLOCK <= cpl: ipending |= 1  8259: mask line 0, EOI
 *   splx(s)     cpl = s; ipending & ~imask[s]:    clockintr() runs, then
 *                                                  8259: unmask line 0
 *
 * Soft interrupts have no IRQ line: softintr_schedule() sets a bit in
 * softpending, and whoever next lowers cpl below the handler's level runs
 * it (softintr_dispatch), the way an unmasked IRQ would arrive:
 *
 *   hardclock() at IPL_CLOCK         softintr_schedule(softclock_si)
 *   intr_dispatch() ends, or         cpl = IPL_SOFTCLOCK, interrupts on,
 *   splx() drops below IPL_SOFTCLOCK   softclock(); then cpl = the lower
 *                                      level again
 *
 * While it runs cpl is its level, so neither splx() inside it nor an IRQ
 * returning to it starts it again; a schedule meanwhile makes it run once
 * more when it is done.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <dev/rndvar.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/frame.h>
#include <machine/intr.h>
#include <machine/i8259.h>
#include <machine/psl.h>
#include <machine/segments.h>
#include <machine/specialreg.h>

#define NHANDLERS	4	/* per IRQ line: ISA lines can be shared */
#define NSOFTINTR	4	/* soft interrupt handlers in all */

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

struct softintr {
	void	(*si_fun)(void *);
	void	*si_arg;
	int	si_ipl;
};

static volatile uint16_t ipending;	/* IRQs held back by cpl */

static void intr_run(int, struct trapframe *, int);

static struct softintr softintrs[NSOFTINTR];
static volatile u_int softpending;	/* bit i: softintrs[i] scheduled */
static u_int softmask[NIPL];		/* bit i: softintrs[i] is above l */

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
	i8259_setmask(imask[IPL_NONE] | ipending);
	intr_restore(ef);
}

/*
 * Raise cpl to at least ipl; returns the old level for splx().  Only a
 * store: an IRQ that arrives meanwhile at or below cpl is held back by
 * intr_dispatch(), not by the 8259.  An interrupt between the load and
 * the store finds the old level, which is still right, and puts it back.
 */
int
splraise(int ipl)
{
	int old = cpl;

	if (ipl > old)
		cpl = ipl;
	__asm volatile("" ::: "memory");	/* no access moves above */
	return old;
}

/* Which pending IRQ runs first: the highest level, then the lowest line. */
static int
intr_pending_next(uint16_t run)
{
	int irq, best = -1;

	for (irq = 0; irq < NIRQ; irq++)
		if ((run & (1 << irq)) &&
		    (best < 0 || irq_level[irq] > irq_level[best]))
			best = irq;
	return best;
}

/*
 * Run the held-back IRQs that cpl (now ipl) no longer blocks, as if each
 * had just arrived, then let the 8259 deliver its line again.  They were
 * held back in the kernel (in user mode cpl is IPL_NONE), so the frame
 * their handlers see says kernel mode, as the interrupted code was.
 * => interrupts off, cpl == ipl; both are so again on return.  The
 *    handlers run with interrupts on only if the caller had them on.
 */
static void
intr_replay(int ipl, int intr_on)
{
	static const struct trapframe kframe = {
		.tf_cs = GSEL(GCODE_SEL, SEL_KPL),
	};
	struct trapframe tf;
	int irq;

	while ((ipending & ~imask[ipl]) != 0) {
		irq = intr_pending_next(ipending & ~imask[ipl]);
		ipending &= ~(1 << irq);
		tf = kframe;
		tf.tf_trapno = ICU_OFFSET + irq;
		intr_run(irq, &tf, intr_on);
		cpl = ipl;
		i8259_setmask(imask[IPL_NONE] | ipending);
	}
}

/*
 * Run the scheduled soft interrupts whose level is above ipl, the highest
 * level first, each at its own level with interrupts on.
 * => interrupts off, cpl == ipl; both are so again on return.
 */
static void
softintr_dispatch(int ipl)
{
	struct softintr *si;
	int i, best;

	while ((softpending & softmask[ipl]) != 0) {
		best = -1;
		for (i = 0; i < NSOFTINTR; i++)
			if ((softpending & softmask[ipl] & (1U << i)) &&
			    (best < 0 ||
			    softintrs[i].si_ipl > softintrs[best].si_ipl))
				best = i;
		si = &softintrs[best];
		softpending &= ~(1U << best);
		cpl = si->si_ipl;
		enable_intr();
		si->si_fun(si->si_arg);
		disable_intr();
		cpl = ipl;
		if ((ipending & ~imask[ipl]) != 0)
			intr_replay(ipl, 1);
	}
}

/*
 * Set cpl back to a level splraise() returned.  IRQs held back meanwhile
 * that the new level lets through run now; then the soft interrupts
 * pending above it, unless the caller has interrupts off: they need them
 * on, so they wait for the next splx() or interrupt return.
 */
void
splx(int ipl)
{
	u_int ef = intr_disable();

	cpl = ipl;
	if ((ipending & ~imask[ipl]) != 0)
		intr_replay(ipl, ef & PSL_I);
	if ((softpending & softmask[ipl]) != 0 && (ef & PSL_I))
		softintr_dispatch(ipl);
	intr_restore(ef);
}

/*
 * Register fun(arg) as a soft interrupt at level ipl; returns the handle
 * for softintr_schedule().  PORT: a fixed table of NSOFTINTR entries and
 * no softintr_disestablish(); every level below IPL_HIGH may be used.
 * => at boot, before the handle is first scheduled; panics if full.
 */
void *
softintr_establish(int ipl, void (*fun)(void *), void *arg)
{
	int i, l;

	KASSERT(ipl > IPL_NONE && ipl < IPL_HIGH);
	for (i = 0; i < NSOFTINTR && softintrs[i].si_fun != NULL; i++)
		continue;
	if (i == NSOFTINTR)
		panic("softintr_establish: all %d soft interrupts taken", i);
	softintrs[i] = (struct softintr){ fun, arg, ipl };
	for (l = 0; l < ipl; l++)
		softmask[l] |= 1U << i;
	return &softintrs[i];
}

/*
 * Mark a soft interrupt pending.  It runs once however often it was
 * scheduled before it got to run.
 * => any level, interrupts on or off.
 */
void
softintr_schedule(void *cookie)
{
	struct softintr *si = cookie;
	u_int ef = intr_disable();

	KASSERT(si >= softintrs && si < softintrs + NSOFTINTR);
	softpending |= 1U << (si - softintrs);
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

/*
 * Run irq's handlers at its level, with interrupts on if intr_on so that
 * higher levels can nest.  => interrupts off; cpl is left at the IRQ's
 * level, for the caller to lower.
 */
static void
intr_run(int irq, struct trapframe *tf, int intr_on)
{
	int i, claimed = 0;

	/*
	 * A timing sample for the random generator (kernel/rnd.c): the
	 * cycle counter's low bits, or the tick count without a TSC (reading
	 * the PIT here would cost microseconds).  A few instructions.
	 */
	enqueue_randomness((cpu_ident.ci_feature_flags & CPUID_TSC ?
	    (u_int)rdtsc() : (u_int)ticks) ^ irq);
	cpl = irq_level[irq] ? irq_level[irq] : IPL_HIGH;
	intrcnt[irq]++;
	curcpu()->ci_idepth++;
	if (intr_on)
		enable_intr();
	for (i = 0; i < NHANDLERS && intrhand[irq][i].ih_fun != NULL; i++)
		claimed |= intrhand[irq][i].ih_fun(intrhand[irq][i].ih_arg, tf);
	disable_intr();
	curcpu()->ci_idepth--;
	if (!claimed)
		intrstray[irq]++;
}

/*
 * An IRQ from the 8259.  If cpl blocks its level, hold it back: mask its
 * line (so it cannot come again), acknowledge it, and leave it in
 * ipending for splx() to run.  Else run it now, then lower cpl again.
 * => interrupts off (an interrupt gate).
 */
void
intr_dispatch(struct trapframe *tf)
{
	int irq = tf->tf_trapno - ICU_OFFSET;
	int s;

	if (intr_spurious(irq))
		return;
	if (imask[cpl] & (1 << irq)) {
		ipending |= 1 << irq;
		i8259_setmask(imask[IPL_NONE] | ipending);
		i8259_eoi(irq);
		return;
	}
	i8259_eoi(irq);
	s = cpl;
	intr_run(irq, tf, 1);
	/*
	 * Back to the interrupted level, and what it lets through: the
	 * IRQs held back while the handlers ran, then the soft interrupts
	 * they scheduled, each with interrupts on (we are at an interrupt's
	 * end, where they may be on), so the clock can still nest.
	 */
	cpl = s;
	if ((ipending & ~imask[s]) != 0)
		intr_replay(s, 1);
	softintr_dispatch(s);
}

/* Has the 8259 delivered irq while cpl held it back (i8253.c asks)? */
int
intr_held(int irq)
{
	return (ipending >> irq) & 1;
}

/* How many times an IRQ has been delivered. */
unsigned long
intr_count(int irq)
{
	return irq >= 0 && irq < NIRQ ? intrcnt[irq] : 0;
}
