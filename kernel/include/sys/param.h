/*
 * sys/param.h: system-wide constants and small macros (OpenBSD's names).
 */
#ifndef _SYS_PARAM_H_
#define _SYS_PARAM_H_

#include <sys/types.h>
#include <machine/param.h>
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/time.h>

#define NGROUPS_MAX	16		/* supplementary groups */
#define MAXLOGNAME	32
#define MAXUSERS	80		/* OpenBSD i386 GENERIC's */

/*
 * Sleep priorities (tsleep_nsec's priority argument); lower is more
 * urgent.  Threads woken from a sleep at these run before user work
 * (PUSER and above).  PCATCH or'ed in makes the sleep interruptible.
 */
#define PSWP	0
#define PVM	4
#define PINOD	8
#define PRIBIO	16
#define PVFS	20
#define PZERO	22		/* no signals below this */
#define PSOCK	24
#define PWAIT	32
#define PLOCK	36
#define PPAUSE	40
#define PUSER	50
#define MAXPRI	127		/* the worst priority */
#define PRIMASK	0x0ff
#define PCATCH	0x100		/* a signal ends the sleep */
#define PNORELOCK 0x200

#define NZERO	20		/* default nice */

/* nitems() is in sys/cdefs.h; MIN, MAX, howmany, roundup in libkern.h. */

#define SET(t, f)	((t) |= (f))
#define CLR(t, f)	((t) &= ~(f))
#define ISSET(t, f)	((t) & (f))

#endif /* _SYS_PARAM_H_ */
