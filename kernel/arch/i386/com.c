/*
 * kernel/arch/i386/com.c: the COM1 serial console, a 16550 UART at 0x3F8,
 * 115200 baud, 8 data bits, no parity, 1 stop bit.
 *
 * Output is polled (wait for the transmit holding register to empty, then
 * write), so it works from the first line of init386 to the last line of a
 * panic.  Input arrives by interrupt (IRQ 4) and goes to the console queue.
 * A PC without COM1 is detected by the loopback test and simply not used.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/com.h>

#define COM1_BASE	0x3F8
#define COM1_IRQ	4
#define COM_SPEED	115200
#define COM_FREQ	1843200		/* the UART's crystal */

/* Registers, as offsets from the base port. */
#define com_data	0	/* receive / transmit holding (DLAB=0) */
#define com_ier		1	/* interrupt enable (DLAB=0) */
#define com_dlbl	0	/* divisor latch low (DLAB=1) */
#define com_dlbh	1	/* divisor latch high (DLAB=1) */
#define com_fifo	2	/* FIFO control (write) */
#define com_lcr		3	/* line control */
#define com_mcr		4	/* modem control */
#define com_lsr		5	/* line status */
#define com_scratch	7

#define IER_ERXRDY	0x01	/* interrupt when a byte arrives */
#define FIFO_ENABLE	0x01
#define FIFO_RCV_RST	0x02
#define FIFO_XMT_RST	0x04
#define FIFO_TRIGGER_1	0x00
#define LCR_DLAB	0x80
#define LCR_8BITS	0x03	/* with no parity and 1 stop bit */
#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define MCR_IENABLE	0x08	/* OUT2: connects the UART's IRQ line */
#define MCR_LOOPBACK	0x10
#define LSR_RXRDY	0x01
#define LSR_TXRDY	0x20

#define COM_TX_SPINS	100000	/* then the UART is wedged: drop the byte */

static int com_present;

static inline void
com_out(int reg, uint8_t v)
{
	outb(COM1_BASE + reg, v);
}

static inline uint8_t
com_in(int reg)
{
	return inb(COM1_BASE + reg);
}

static void
com_rawputc(int c)
{
	int spins = COM_TX_SPINS;

	while ((com_in(com_lsr) & LSR_TXRDY) == 0 && --spins > 0)
		continue;
	com_out(com_data, c);
}

static void
com_putc(int c)
{
	if (c == '\n')
		com_rawputc('\r');
	com_rawputc(c);
}

static const struct consdev com_cons = { "com0", com_putc };

/*
 * Program the UART and check, in loopback mode, that a byte sent comes
 * back: a missing or broken UART fails that and is left alone.
 */
static int
com_probe_and_init(void)
{
	int divisor = COM_FREQ / 16 / COM_SPEED;

	com_out(com_scratch, 0x5a);
	if (com_in(com_scratch) != 0x5a)
		return 0;
	com_out(com_ier, 0);
	com_out(com_lcr, LCR_DLAB);
	com_out(com_dlbl, divisor & 0xff);
	com_out(com_dlbh, divisor >> 8);
	com_out(com_lcr, LCR_8BITS);
	com_out(com_fifo, FIFO_ENABLE | FIFO_RCV_RST | FIFO_XMT_RST |
	    FIFO_TRIGGER_1);
	com_out(com_mcr, MCR_LOOPBACK | MCR_RTS | MCR_DTR);
	com_rawputc(0xae);
	if (com_in(com_data) != 0xae)
		return 0;
	com_out(com_mcr, MCR_DTR | MCR_RTS | MCR_IENABLE);
	return 1;
}

/* Set up COM1 and attach it as a console; returns 0 if there is none. */
int
com_cninit(void)
{
	com_present = com_probe_and_init();
	if (com_present)
		cn_attach(&com_cons);
	return com_present;
}

/* IRQ 4: move every received byte to the console's input queue. */
static int
comintr(void *arg __unused, struct trapframe *tf __unused)
{
	int n = 0;

	while (com_in(com_lsr) & LSR_RXRDY) {
		cons_input(com_in(com_data));
		n++;
	}
	return n > 0;
}

/* Start taking input by interrupt, once the interrupt system is up. */
void
com_attach_input(void)
{
	if (!com_present)
		return;
	intr_establish(COM1_IRQ, IPL_TTY, comintr, NULL, "com0");
	while (com_in(com_lsr) & LSR_RXRDY)	/* drop what came before */
		(void)com_in(com_data);
	com_out(com_ier, IER_ERXRDY);
}
