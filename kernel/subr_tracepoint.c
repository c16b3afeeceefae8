/*
 * kernel/subr_tracepoint.c: the ring buffer behind TRACEPOINT()
 * (<sys/tracepoint.h>).  Entry points: tracepoint_record() (what the
 * macro calls), tracepoint_read() and tracepoint_count().
 *
 * Every hit is record number tp_count (counting from 0 since boot, 64
 * bits, so it never wraps) and goes into slot tp_count % TP_NRECS: the
 * ring keeps the last TP_NRECS hits, and a reader asks for a hit by its
 * number.  A reader that falls more than TP_NRECS behind finds its
 * records overwritten (ENOENT) and can tell how many it missed from
 * tracepoint_count().
 *
 *   tp_count = 300, TP_NRECS = 256:  records 44..299 are readable;
 *   record 299 is in slot 299 % 256 = 43, record 44 in slot 44.
 *
 * PORT: upstream's trace points feed dt(4); see <sys/tracepoint.h>.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/errno.h>
#include <sys/time.h>
#include <sys/tracepoint.h>
#include <machine/intr.h>

static struct tp_record tp_ring[TP_NRECS];
static uint64_t tp_count;		/* records ever made */

/*
 * Record a hit of provider:name with nargs arguments (at most TP_NARGS
 * are kept), stamped with the uptime.
 * => any context; provider and name are static strings
 */
void
tracepoint_record(const char *provider, const char *name, int nargs,
    const long *args)
{
	struct tp_record *tr;
	int i, s;

	if (nargs > TP_NARGS)
		nargs = TP_NARGS;
	s = splhigh();
	tr = &tp_ring[tp_count % TP_NRECS];
	tr->tr_nsec = getnsecuptime();
	tr->tr_provider = provider;
	tr->tr_name = name;
	tr->tr_nargs = nargs;
	for (i = 0; i < TP_NARGS; i++)
		tr->tr_args[i] = i < nargs ? args[i] : 0;
	tp_count++;
	splx(s);
}

/*
 * Copy record number seq into *out.
 * => 0, or ENOENT if seq is not made yet or already overwritten
 */
int
tracepoint_read(uint64_t seq, struct tp_record *out)
{
	int s, error = ENOENT;

	s = splhigh();
	if (seq < tp_count && tp_count - seq <= TP_NRECS) {
		*out = tp_ring[seq % TP_NRECS];
		error = 0;
	}
	splx(s);
	return error;
}

/* How many hits were ever recorded: the next record's number. */
uint64_t
tracepoint_count(void)
{
	uint64_t n;
	int s;

	s = splhigh();
	n = tp_count;
	splx(s);
	return n;
}
