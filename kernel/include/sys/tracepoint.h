/*
 * sys/tracepoint.h: static trace points, TRACEPOINT(provider, name, ...).
 *
 * PORT: OpenBSD's trace points feed dt(4) probes.  Tine's record every
 * hit into a kernel ring buffer (subr_tracepoint.c) with the time, the
 * probe's name and up to four integer arguments; a later tool (and the
 * kernel monitor's "trace" command) reads it back.
 */
#ifndef _SYS_TRACEPOINT_H_
#define _SYS_TRACEPOINT_H_

#include <sys/types.h>

#define TP_NARGS	4
#define TP_NRECS	256	/* ring buffer entries */

struct tp_record {
	uint64_t tr_nsec;		/* nanouptime of the hit */
	const char *tr_provider;	/* "sched" */
	const char *tr_name;		/* "fork" */
	int	tr_nargs;
	long	tr_args[TP_NARGS];
};

void	tracepoint_record(const char *, const char *, int, const long *);
int	tracepoint_read(uint64_t, struct tp_record *);
uint64_t tracepoint_count(void);

#define TP_ARGC(...)	(sizeof((long[]){ __VA_ARGS__ }) / sizeof(long))

/* Each argument is converted to a long; at most TP_NARGS. */
#define TRACEPOINT(func, name, ...) do {				\
	long __tpa[] = { __VA_ARGS__ };					\
	_Static_assert(nitems(__tpa) <= TP_NARGS, "too many args");	\
	tracepoint_record(#func, #name, nitems(__tpa), __tpa);		\
} while (0)

#endif /* _SYS_TRACEPOINT_H_ */
