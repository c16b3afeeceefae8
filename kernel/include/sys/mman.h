/* sys/mman.h: memory protections, with OpenBSD's values. */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#define PROT_NONE	0x00
#define PROT_READ	0x01
#define PROT_WRITE	0x02
#define PROT_EXEC	0x04

typedef int vm_prot_t;

/* Inheritance of a mapping by a child at fork (minherit(2)). */
#define MAP_INHERIT_SHARE	0	/* the same memory, writes seen both ways */
#define MAP_INHERIT_COPY	1	/* a copy-on-write copy */
#define MAP_INHERIT_NONE	2	/* nothing: a hole in the child */

#endif /* _SYS_MMAN_H_ */
