/*
 * kernel/param.c: system-wide limits, as OpenBSD's sys/conf/param.c sets
 * them for a GENERIC i386 kernel (MAXUSERS 80).
 *
 * maxthread must stay below the GDT's per-thread TSS slots (8183, see
 * kernel/arch/i386/tss.c): every thread is a hardware task with its own
 * descriptor.  2620 threads leave room to spare; the u-areas' kernel
 * virtual space (64 MiB, 20 KiB each with the guard page) and physical
 * memory run out first, and fork then fails with ENOMEM.  Root may lower
 * either with sysctl(2) (kern.maxproc, kern.maxthread), and raise it
 * again up to these values.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/segments.h>

#define NPROCESS	(30 + 16 * MAXUSERS)

int	maxprocess = NPROCESS;		/* kern.maxproc */
int	maxthread = 2 * NPROCESS;	/* kern.maxthread */

/* The most root may raise them to with sysctl(2). */
const int maxprocess_limit = NPROCESS;
const int maxthread_limit = 2 * NPROCESS;

CTASSERT(2 * NPROCESS < NTSS_SLOTS);
