/*
 * kernel/tests/ktest_cons.c: the console input queue: order, the CR to NL
 * translation, and that a full queue drops input instead of overwriting.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/cons.h>
#include <sys/ktest.h>
#include <machine/intr.h>

#define CONS_INQ_SIZE	256		/* as in kern_cons.c */

KTEST(cons_input_queue)
{
	int i, s;

	cons_input_flush();
	KT_EQ(cn_trygetc(), -1);
	s = spltty();			/* as the input interrupts run */
	cons_input('o');
	cons_input('k');
	cons_input('\r');
	splx(s);
	KT_EQ(cn_trygetc(), 'o');
	KT_EQ(cn_trygetc(), 'k');
	KT_EQ(cn_trygetc(), '\n');
	KT_EQ(cn_trygetc(), -1);

	s = spltty();
	for (i = 0; i < CONS_INQ_SIZE + 10; i++)
		cons_input('a' + i % 26);
	splx(s);
	for (i = 0; i < CONS_INQ_SIZE; i++)
		KT_EQ(cn_trygetc(), 'a' + i % 26);
	KT_EQ(cn_trygetc(), -1);	/* the 10 extra were dropped */
}
