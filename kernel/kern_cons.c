/*
 * kernel/kern_cons.c: the console, the meeting point of the VGA screen, the
 * COM1 serial line and the keyboard.
 *
 * Output: cnputc() hands each character to every attached console device,
 * with interrupts off so that an interrupt handler's printf cannot tear a
 * device's state (cursor, escape sequence) in half.
 *
 * Input: the keyboard and serial interrupt handlers call cons_input(); the
 * characters wait in a ring until cngetc() takes them.  A carriage return
 * becomes a newline on the way in (the serial line sends CR for Enter).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <machine/cpufunc.h>

#define NCONSDEV	4
#define CONS_INQ_SIZE	256		/* a power of two */

static const struct consdev *consdevs[NCONSDEV];
static int nconsdev;

static volatile char cons_inq[CONS_INQ_SIZE];
static volatile u_int cons_inq_head, cons_inq_tail;	/* free-running */

void
cn_attach(const struct consdev *cd)
{
	KASSERT(nconsdev < NCONSDEV);
	consdevs[nconsdev++] = cd;
}

void
cnputc(int c)
{
	u_int ef = intr_disable();
	int i;

	for (i = 0; i < nconsdev; i++)
		consdevs[i]->cn_putc(c);
	intr_restore(ef);
}

void
cnputs(const char *s)
{
	while (*s != '\0')
		cnputc(*s++);
}

/*
 * Queue one input character.  Called from interrupt handlers; a full queue
 * drops the character, as a terminal would.
 */
void
cons_input(int c)
{
	if (c == '\r')
		c = '\n';
	if (cons_inq_head - cons_inq_tail >= CONS_INQ_SIZE)
		return;
	cons_inq[cons_inq_head % CONS_INQ_SIZE] = c;
	cons_inq_head++;
}

void
cons_input_flush(void)
{
	cons_inq_tail = cons_inq_head;
}

/* The next input character, or -1 if none is waiting. */
int
cn_trygetc(void)
{
	u_int ef = intr_disable();
	int c = -1;

	if (cons_inq_tail != cons_inq_head) {
		c = (u_char)cons_inq[cons_inq_tail % CONS_INQ_SIZE];
		cons_inq_tail++;
	}
	intr_restore(ef);
	return c;
}

/*
 * Wait for an input character.  The CPU halts between interrupts; the
 * check and the halt happen with interrupts off until cpu_idle_wait()'s
 * "sti; hlt", so a character arriving in between is not slept through.
 */
int
cngetc(void)
{
	u_int ef;
	int c;

	for (;;) {
		if ((c = cn_trygetc()) != -1)
			return c;
		ef = intr_disable();
		if (cons_inq_tail == cons_inq_head)
			cpu_idle_wait();
		intr_restore(ef);
	}
}
