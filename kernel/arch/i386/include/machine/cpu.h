/*
 * machine/cpu.h: the i386 machine-dependent interface the MI kernel calls,
 * and what identcpu.c learnt about the processor.
 */
#ifndef _MACHINE_CPU_H_
#define _MACHINE_CPU_H_

#include <sys/types.h>

struct cpu_ident {
	int	ci_level;		/* 3 (386), 4 (486), 5, 6 ... */
	int	ci_has_cpuid;
	char	ci_vendor[13];
	char	ci_brand[49];
	u_int	ci_family, ci_model, ci_stepping;
	u_int	ci_feature_flags;	/* CPUID leaf 1 %edx */
};
extern struct cpu_ident cpu_ident;

void	identifycpu(void);
void	cpu_startup(void);
void	cpu_configure(void);
void	init386(void);
void	cpu_initclocks(void);
void	cpu_reset(void) __attribute__((__noreturn__));
void	cpu_powerdown(void);
void	*bootmap_phys(paddr_t pa, size_t len);
void	call_on_stack(void (*fn)(void *), void *arg, vaddr_t stack_top);
uint64_t cpu_counter(void);	/* cycles (TSC), else the PIT */
u_int	i8253_read_count(void);	/* channel 0's current count */

extern int boot_exit_status;	/* for isa-debug-exit in a test run */

#endif /* _MACHINE_CPU_H_ */
