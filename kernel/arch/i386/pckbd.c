/*
 * kernel/arch/i386/pckbd.c: the PS/2 keyboard behind the 8042 controller.
 *
 * The keyboard interrupts on IRQ 1 for each byte it sends; the byte waits
 * in the controller's output buffer (port 0x60).  kbd_translate() (MI,
 * kbd_us.c) turns scancodes into characters for the console queue.
 * The BIOS has already set the controller up (IRQ on, translation to
 * scancode set 1), which Tine relies on.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/kbd.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>
#include <machine/pckbd.h>

#define KBC_DATA	0x60
#define KBC_STATUS	0x64
#define KBS_OBF		0x01	/* output buffer full: a byte to read */
#define KBS_AUX		0x20	/* ... and it is from the mouse port */
#define PCKBD_IRQ	1

static struct kbd_state pckbd_state;

static int
pckbdintr(void *arg __unused, struct trapframe *tf __unused)
{
	char out[KBD_MAXSEQ];
	int n, i, claimed = 0;
	uint8_t st;

	while ((st = inb(KBC_STATUS)) & KBS_OBF) {
		uint8_t sc = inb(KBC_DATA);

		claimed = 1;
		if (st & KBS_AUX)
			continue;		/* a mouse byte: not ours */
		n = kbd_translate(&pckbd_state, sc, out);
		for (i = 0; i < n; i++)
			cons_input(out[i]);
	}
	return claimed;
}

void
pckbd_attach(void)
{
	int i;

	for (i = 0; i < 16 && (inb(KBC_STATUS) & KBS_OBF); i++)
		(void)inb(KBC_DATA);		/* stale bytes from the BIOS */
	intr_establish(PCKBD_IRQ, IPL_TTY, pckbdintr, NULL, "pckbd");
}
