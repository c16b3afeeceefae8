/*
 * sys/smr.h: safe memory reclamation, smr_read_enter(9).
 *
 * PORT: Tine has no SMR-protected data yet and one CPU.  smr_idle() is
 * the scheduler's report that this CPU has passed a quiescent state; it
 * counts them so a later smr_barrier() can wait for one, and runs nothing
 * else, because with one CPU and no SMR readers there is nothing to run.
 */
#ifndef _SYS_SMR_H_
#define _SYS_SMR_H_

void	smr_idle(void);
extern unsigned long smr_quiescent;	/* quiescent states passed */

#endif /* _SYS_SMR_H_ */
