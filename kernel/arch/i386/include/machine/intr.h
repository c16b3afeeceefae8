/*
 * machine/intr.h: interrupt priority levels and the spl functions.
 *
 * As in OpenBSD, code raises the CPU's priority level (cpl) to hold off
 * interrupts that share data with it: s = splclock(); ...; splx(s).  Each
 * IRQ is established at a level; at cpl L every IRQ of level <= L is held
 * back until splx() lowers cpl again.  Raising cpl is a single store: an
 * IRQ that arrives while cpl blocks it is masked in the 8259 then, kept in
 * ipending, and run by splx() (intr.c: the "lazy" spl OpenBSD's i386 has
 * too).  An interrupt handler runs at its own level with the CPU's IF on,
 * so a higher-level interrupt can still nest.  splhigh() holds back every
 * IRQ.
 *
 * Soft interrupts are work an interrupt handler leaves for later, at a
 * lower level: hardclock() at IPL_CLOCK schedules softclock(), which runs
 * the due timeouts at IPL_SOFTCLOCK.  softintr_schedule() marks one
 * pending; it runs, with interrupts on and cpl at its own level, as soon
 * as cpl drops below that level: in splx(), or as an interrupt returns.
 * docs/interrupts.md has the picture.
 */
#ifndef _MACHINE_INTR_H_
#define _MACHINE_INTR_H_

#define IPL_NONE	0
#define IPL_SOFTCLOCK	1
#define IPL_BIO		2
#define IPL_NET		3
#define IPL_TTY		4
#define IPL_VM		5
#define IPL_CLOCK	6
#define IPL_STATCLOCK	IPL_CLOCK
#define IPL_SCHED	7
#define IPL_HIGH	8
#define NIPL		9

#define NIRQ		16

#ifndef _LOCORE
struct trapframe;

extern volatile int cpl;

int	splraise(int);
void	splx(int);

#define splsoftclock()	splraise(IPL_SOFTCLOCK)
#define splbio()	splraise(IPL_BIO)
#define splnet()	splraise(IPL_NET)
#define spltty()	splraise(IPL_TTY)
#define splvm()		splraise(IPL_VM)
#define splclock()	splraise(IPL_CLOCK)
#define splstatclock()	splraise(IPL_STATCLOCK)
#define splsched()	splraise(IPL_SCHED)
#define splhigh()	splraise(IPL_HIGH)
#define spl0()		splx(IPL_NONE)

#define splassert(l)	KASSERT(cpl >= (l))

/* An interrupt handler returns 1 if its device had interrupted. */
typedef int (*intr_handler_t)(void *arg, struct trapframe *);

void	intr_init(void);
void	intr_establish(int irq, int level, intr_handler_t, void *arg,
	    const char *name);
void	intr_dispatch(struct trapframe *);
int	intr_held(int irq);
unsigned long intr_count(int irq);

void	*softintr_establish(int ipl, void (*)(void *), void *arg);
void	softintr_schedule(void *);
#endif

#endif /* _MACHINE_INTR_H_ */
