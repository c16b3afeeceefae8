/* machine/mc146818.h: the CMOS real-time clock and its NVRAM (mc146818.c). */
#ifndef _MACHINE_MC146818_H_
#define _MACHINE_MC146818_H_

#include <sys/types.h>

uint8_t	mc146818_read(int reg);
int	rtc_seconds(void);
time_t	rtc_gettime(void);
uint64_t cmos_memory_size(void);

#endif /* _MACHINE_MC146818_H_ */
