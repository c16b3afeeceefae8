/*
 * sys/atomic.h: atomic operations.  The i386 versions (machine/atomic.h)
 * use locked instructions, so they are atomic against interrupts on this
 * CPU and would stay so with a second one.
 */
#ifndef _SYS_ATOMIC_H_
#define _SYS_ATOMIC_H_

#include <machine/atomic.h>

#endif /* _SYS_ATOMIC_H_ */
