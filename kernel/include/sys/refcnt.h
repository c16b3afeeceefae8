/*
 * sys/refcnt.h: reference counters, refcnt_init(9).
 */
#ifndef _SYS_REFCNT_H_
#define _SYS_REFCNT_H_

#include <sys/types.h>

struct refcnt {
	volatile u_int r_refs;
};

#define REFCNT_INITIALIZER()	{ .r_refs = 1 }

/* One reference, the creator's. */
static inline void
refcnt_init(struct refcnt *r)
{
	r->r_refs = 1;
}

static inline void
refcnt_take(struct refcnt *r)
{
	r->r_refs++;
}

/* Drop a reference; 1 when it was the last, and the object must go. */
static inline int
refcnt_rele(struct refcnt *r)
{
	if (r->r_refs == 0)
		panic("refcnt_rele: %p has no references", r);
	return --r->r_refs == 0;
}

static inline u_int
refcnt_read(struct refcnt *r)
{
	return r->r_refs;
}

#endif /* _SYS_REFCNT_H_ */
