/*
 * machine/tcb.h: the thread control block on i386.  User code finds its
 * TCB through %gs (the first word of the TCB points at itself); the
 * kernel keeps its address in the thread's PCB and loads it into the
 * user %gs descriptor when it switches to the thread (cpu_switchto).
 */
#ifndef _MACHINE_TCB_H_
#define _MACHINE_TCB_H_

#include <machine/param.h>

/*
 * No TCB_INVALID, as in OpenBSD/i386 (only amd64 checks its canonical
 * addresses): any value will do for __tfork and __set_tcb, because %gs's
 * base only shifts user accesses, which paging still checks; a TCB in the
 * kernel's half just faults when user code uses it.
 */

struct proc;
void	*tcb_get(struct proc *);
void	tcb_set(struct proc *, void *);
#define TCB_GET(p)	tcb_get(p)
#define TCB_SET(p, tcb)	tcb_set((p), (tcb))

#endif /* _MACHINE_TCB_H_ */
