/*
 * kernel/kern_smr.c: safe memory reclamation, the quiescent-state count.
 *
 * PORT: upstream's SMR defers frees until every CPU has passed a
 * quiescent state.  Tine has one CPU and no SMR-protected data yet, so
 * smr_idle() (the scheduler's report, from proc_trampoline_mi and the
 * idle loop) only counts; see <sys/smr.h>.
 */

#include <sys/types.h>
#include <sys/smr.h>

unsigned long smr_quiescent;		/* quiescent states passed */

/* This CPU has passed a quiescent state. */
void
smr_idle(void)
{
	smr_quiescent++;
}
