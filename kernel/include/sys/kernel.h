/* sys/kernel.h: global kernel state: the clock and the boot options. */
#ifndef _SYS_KERNEL_H_
#define _SYS_KERNEL_H_

#include <sys/types.h>

extern int hz;			/* clock interrupts per second */
extern int tick;		/* microseconds per clock tick */
extern int tick_nsec;		/* nanoseconds per clock tick */
extern volatile int ticks;	/* clock interrupts since boot */

extern int boot_test_mode;	/* "test": run the self-tests, power off */
extern int boot_bench_mode;	/* "bench": run the benchmarks, power off */
extern int boot_benchboot;	/* "benchboot": time the boot to the shell */
extern u_int boot_seed;		/* "seed=N" */
extern char boot_ktest_filter[32];	/* "ktest=NAME" */
extern char boot_crash[16];	/* "crash=KIND": a deliberate panic */
extern int boot_kmon;		/* "kmon": the kernel monitor, no user space */

void	initclocks(void);
struct clockframe;
void	hardclock(struct clockframe *);
void	delay(int usec);

#endif /* _SYS_KERNEL_H_ */
