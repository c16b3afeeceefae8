/* machine/psl.h: EFLAGS bits. */
#ifndef _MACHINE_PSL_H_
#define _MACHINE_PSL_H_

#define PSL_C		0x00000001	/* carry */
#define PSL_MBO		0x00000002	/* must be one */
#define PSL_PF		0x00000004
#define PSL_Z		0x00000040	/* zero */
#define PSL_T		0x00000100	/* trap (single step) */
#define PSL_I		0x00000200	/* interrupts enabled */
#define PSL_D		0x00000400	/* direction */
#define PSL_IOPL	0x00003000
#define PSL_NT		0x00004000	/* nested task */
#define PSL_RF		0x00010000
#define PSL_VM		0x00020000
#define PSL_AC		0x00040000	/* alignment check: 486 and later */
#define PSL_ID		0x00200000	/* writable when CPUID exists */

#endif /* _MACHINE_PSL_H_ */
