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
uint64_t cpu_tsc_early(void);	/* the TSC, or 0 without one */
u_int	cpu_feature_early(void);	/* CPUID 1 %edx, or 0 */
extern uint64_t boot_entry_tsc;	/* the TSC as init386() began */
u_int	i8253_read_count(void);	/* channel 0's current count */

extern int boot_exit_status;	/* for isa-debug-exit in a test run */

/*
 * The one CPU's state (OpenBSD's struct cpu_info, the fields Tine uses).
 * Written as a per-CPU structure so a second CPU means a second one.
 */
#include <sys/sched.h>

struct proc;

struct cpu_info {
	struct	cpu_info *ci_self;
	struct	proc *ci_curproc;	/* the running thread */
	struct	schedstate_percpu ci_schedstate;
	u_int	ci_cpuid;		/* 0 */
	volatile int ci_want_resched;	/* a better thread is runnable */
	int	ci_idepth;		/* interrupt nesting */
	uint64_t ci_nswitch;		/* context switches */
};

extern struct cpu_info cpu_info_primary;

#define curcpu()		(&cpu_info_primary)
#define CPU_INFO_UNIT(ci)	((ci)->ci_cpuid)
#define CPU_IS_PRIMARY(ci)	((ci) == &cpu_info_primary)
#define CPU_INFO_ITERATOR	int
#define CPU_INFO_FOREACH(cii, ci)					\
	for ((cii) = 0, (ci) = &cpu_info_primary; (cii) < 1; (cii)++)

/*
 * Ask the running thread to give up the CPU: at the next return to user
 * mode (the AST) or the next safe point in the kernel.
 */
void	need_resched(struct cpu_info *);
#define clear_resched(ci)	((ci)->ci_want_resched = 0)
#define want_resched(ci)	((ci)->ci_want_resched)
void	aston(struct proc *);
void	cpu_idle_cycle(void);
void	proc0_md_init(struct proc *);
void	cpu_proc_free(struct proc *);
void	setregs(struct proc *, u_long entry, u_long stack);
void	cpu_exec(struct proc *);
int	md_ramdisk(const char **, size_t *);
void	npxinit(void);
extern u_long npx_nswitch;
void	npxsave_proc(struct proc *, int);
int	npxdna(void);

#endif /* _MACHINE_CPU_H_ */
