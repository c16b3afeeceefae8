/* machine/types.h: i386 types used by MI code. */
#ifndef _MACHINE_TYPES_H_
#define _MACHINE_TYPES_H_

/* What setjmp() saves: ebx, esp, ebp, esi, edi, eip. */
typedef struct label_t {
	int	val[6];
} label_t;

#endif /* _MACHINE_TYPES_H_ */
