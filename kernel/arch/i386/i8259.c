/*
 * kernel/arch/i386/i8259.c: the PC's two 8259A programmable interrupt
 * controllers, master (IRQ 0-7) and slave (IRQ 8-15, cascaded into the
 * master's IRQ 2).
 *
 * The BIOS leaves them delivering IRQ 0-7 at vectors 8-15, on top of the
 * CPU's exceptions; i8259_init() moves IRQ 0-15 to vectors 32-47.  The
 * interrupt mask register (IMR) is how spl levels hold IRQs off (intr.c):
 * a masked IRQ stays requested in the IRR and arrives once unmasked.
 */

#include <sys/types.h>
#include <machine/cpufunc.h>
#include <machine/i8259.h>

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA	0x21
#define PIC_SLAVE_CMD	0xA0
#define PIC_SLAVE_DATA	0xA1

#define ICW1_ICW4	0x01	/* ICW4 follows */
#define ICW1_INIT	0x10	/* start initialisation */
#define ICW4_8086	0x01	/* 8086 mode, normal EOI */
#define OCW2_EOI	0x20	/* non-specific end of interrupt */
#define OCW3_READ_IRR	0x0A
#define OCW3_READ_ISR	0x0B

static uint16_t i8259_mask = 0xffff;

/* Remap IRQ 0-15 to vector_base .. vector_base + 15, everything masked. */
void
i8259_init(int vector_base)
{
	outb(PIC_MASTER_DATA, 0xff);
	outb(PIC_SLAVE_DATA, 0xff);

	outb(PIC_MASTER_CMD, ICW1_INIT | ICW1_ICW4);
	outb(PIC_MASTER_DATA, vector_base);		/* ICW2: vectors */
	outb(PIC_MASTER_DATA, 1 << IRQ_SLAVE);		/* ICW3: slave at 2 */
	outb(PIC_MASTER_DATA, ICW4_8086);

	outb(PIC_SLAVE_CMD, ICW1_INIT | ICW1_ICW4);
	outb(PIC_SLAVE_DATA, vector_base + 8);
	outb(PIC_SLAVE_DATA, IRQ_SLAVE);		/* ICW3: its id */
	outb(PIC_SLAVE_DATA, ICW4_8086);

	i8259_mask = 0xffff;
	outb(PIC_MASTER_DATA, 0xff);
	outb(PIC_SLAVE_DATA, 0xff);
}

/*
 * Set the IMR: bit n set masks IRQ n.  The cascade line stays open so the
 * slave's own mask alone decides for IRQ 8-15.  Only changed halves are
 * written: port I/O is slow on real hardware.
 */
void
i8259_setmask(uint16_t mask)
{
	uint16_t old = i8259_mask;

	mask &= ~(1 << IRQ_SLAVE);
	i8259_mask = mask;
	if ((old ^ mask) & 0x00ff)
		outb(PIC_MASTER_DATA, mask & 0xff);
	if ((old ^ mask) & 0xff00)
		outb(PIC_SLAVE_DATA, mask >> 8);
}

/* End of interrupt: a slave IRQ needs it sent to both controllers. */
void
i8259_eoi(int irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, OCW2_EOI);
	outb(PIC_MASTER_CMD, OCW2_EOI);
}

static uint16_t
i8259_read(uint8_t ocw3)
{
	outb(PIC_MASTER_CMD, ocw3);
	outb(PIC_SLAVE_CMD, ocw3);
	return inb(PIC_MASTER_CMD) | inb(PIC_SLAVE_CMD) << 8;
}

/* IRQs requested but not yet delivered. */
uint16_t
i8259_irr(void)
{
	return i8259_read(OCW3_READ_IRR);
}

/* IRQs being serviced (delivered, no EOI yet). */
uint16_t
i8259_isr(void)
{
	return i8259_read(OCW3_READ_ISR);
}
