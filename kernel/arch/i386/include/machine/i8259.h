/* machine/i8259.h: the two cascaded 8259A interrupt controllers (i8259.c). */
#ifndef _MACHINE_I8259_H_
#define _MACHINE_I8259_H_

#include <sys/types.h>

#define IRQ_SLAVE	2	/* the slave PIC hangs off the master's IRQ 2 */

void	i8259_init(int vector_base);
void	i8259_setmask(uint16_t mask);
void	i8259_eoi(int irq);
uint16_t i8259_irr(void);
uint16_t i8259_isr(void);

#endif /* _MACHINE_I8259_H_ */
