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

/* mmap(2) flags */
#define MAP_SHARED	0x0001	/* writes seen by every sharer */
#define MAP_PRIVATE	0x0002	/* a private copy-on-write mapping */
#define MAP_FIXED	0x0010	/* exactly at addr, replacing what is there */
#define MAP_ANON	0x1000	/* memory, not a file */
#define MAP_ANONYMOUS	MAP_ANON
#define MAP_STACK	0x4000
#define MAP_FAILED	((void *)-1)

#endif /* _SYS_MMAN_H_ */
