/*
 * machine/atomic.h: atomic bit operations with locked instructions.
 */
#ifndef _MACHINE_ATOMIC_H_
#define _MACHINE_ATOMIC_H_

static inline void
atomic_setbits_int(volatile unsigned int *p, unsigned int bits)
{
	__asm volatile("lock; orl %1, %0" : "+m"(*p) : "ir"(bits) : "memory");
}

static inline void
atomic_clearbits_int(volatile unsigned int *p, unsigned int bits)
{
	__asm volatile("lock; andl %1, %0" : "+m"(*p) : "ir"(~bits) :
	    "memory");
}

/*
 * Stores before the barrier are seen before stores after it.  x86 keeps
 * stores in order, so only the compiler must be told not to move them.
 */
#define membar_producer()	__asm volatile("" ::: "memory")
#define membar_consumer()	__asm volatile("" ::: "memory")
#define membar_sync()		__asm volatile("lock; addl $0,0(%%esp)" \
				    ::: "memory")

#endif /* _MACHINE_ATOMIC_H_ */
