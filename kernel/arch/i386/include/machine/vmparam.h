/*
 * machine/vmparam.h: i386 sizes of a process's data and stack, the
 * values of OpenBSD's i386 vmparam.h.  kern_resource.c makes the
 * default limits of them; mmap places its mappings above MAXDSIZ of
 * heap so the break can always grow to its hard limit.
 */

#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#define DFLDSIZ		(64*1024*1024)		/* initial data size limit */
#define MAXDSIZ		(1024*1024*1024)	/* max data size */
#define DFLSSIZ		(4*1024*1024)		/* initial stack size limit */
#define MAXSSIZ		(32*1024*1024)		/* max stack size */

#endif /* _MACHINE_VMPARAM_H_ */
