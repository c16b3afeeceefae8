/* machine/reg.h: struct reg and struct fpreg, the kernel's i386 layout. */
#ifndef _USER_MACHINE_REG_H_
#define _USER_MACHINE_REG_H_

#include_next <machine/reg.h>

#endif /* _USER_MACHINE_REG_H_ */
