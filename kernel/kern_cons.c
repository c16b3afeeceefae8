/*
 * kernel/kern_cons.c: the console, the meeting point of the VGA screen, the
 * COM1 serial line and the keyboard.
 *
 * Output: cnputc() hands each character to every attached console device
 * at splhigh(), so that an interrupt handler's printf cannot tear a
 * device's state (cursor, escape sequence) in half.
 *
 * Input: the keyboard and serial interrupt handlers (IPL_TTY) call
 * cons_input(); the characters wait in a ring, guarded by spltty(), until
 * cngetc() takes them.  A carriage return becomes a newline on the way in
 * (the serial line sends CR for Enter).
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/param.h>
#include <sys/proc.h>
#include <machine/cpufunc.h>
#include <machine/intr.h>

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
	int s = splhigh(), i;

	for (i = 0; i < nconsdev; i++)
		consdevs[i]->cn_putc(c);
	splx(s);
}

void
cnputs(const char *s)
{
	while (*s != '\0')
		cnputc(*s++);
}

/*
 * Queue one input character.  A full queue drops the character, as a
 * terminal would.
 * => called at IPL_TTY (interrupt handlers) or with spltty() held.
 */
void
cons_input(int c)
{
	splassert(IPL_TTY);
	if (c == '\r')
		c = '\n';
	if (cons_inq_head - cons_inq_tail >= CONS_INQ_SIZE)
		return;
	cons_inq[cons_inq_head % CONS_INQ_SIZE] = c;
	cons_inq_head++;
	if (curcpu()->ci_schedstate.spc_idleproc != NULL)
		wakeup(&cons_inq_head);
}

void
cons_input_flush(void)
{
	int s = spltty();

	cons_inq_tail = cons_inq_head;
	splx(s);
}

/* The next input character, or -1 if none is waiting. */
int
cn_trygetc(void)
{
	int s = spltty(), c = -1;

	if (cons_inq_tail != cons_inq_head) {
		c = (u_char)cons_inq[cons_inq_tail % CONS_INQ_SIZE];
		cons_inq_tail++;
	}
	splx(s);
	return c;
}

/*
 * Wait for an input character.  Once the scheduler runs, the thread
 * sleeps and other threads get the CPU; the check and the sleep happen
 * at spltty, so a character arriving in between wakes it.  Before that
 * (early boot) the CPU halts between interrupts: the check and the halt
 * happen with interrupts off until cpu_idle_wait()'s "sti; hlt".
 */
int
cngetc(void)
{
	u_int ef;
	int c, s;

	for (;;) {
		if ((c = cn_trygetc()) != -1)
			return c;
		if (curcpu()->ci_schedstate.spc_idleproc != NULL &&
		    panicstr == NULL) {
			s = spltty();
			if (cons_inq_tail == cons_inq_head)
				tsleep_nsec(&cons_inq_head, PWAIT, "cnin",
				    INFSLP);
			splx(s);
			continue;
		}
		ef = intr_disable();
		if (cons_inq_tail == cons_inq_head)
			cpu_idle_wait();
		intr_restore(ef);
	}
}
