/*
 * machine/tss.h: the 32-bit task state segment (Intel SDM vol. 3, 7.2.1).
 * A hardware task switch saves the running task's registers into its TSS
 * and loads the next task's from its own; esp0/ss0 give the kernel stack
 * for traps from user mode.  Field names are OpenBSD's i386tss.
 */
#ifndef _MACHINE_TSS_H_
#define _MACHINE_TSS_H_

#include <sys/types.h>

struct i386tss {
	uint32_t __tss_link;	/* back link: the task we nested from */
	uint32_t tss_esp0;	/* kernel stack for traps from ring 3 */
	uint32_t tss_ss0;
	uint32_t tss_esp1, tss_ss1, tss_esp2, tss_ss2;
	uint32_t tss_cr3;
	uint32_t tss_eip;
	uint32_t tss_eflags;
	uint32_t tss_eax, tss_ecx, tss_edx, tss_ebx;
	uint32_t tss_esp, tss_ebp, tss_esi, tss_edi;
	uint32_t tss_es, tss_cs, tss_ss, tss_ds, tss_fs, tss_gs;
	uint32_t tss_ldt;
	uint32_t tss_ioopt;	/* T bit, and the I/O bitmap's offset << 16 */
};

extern struct i386tss df_tss;
int	tss_alloc(struct i386tss *);
void	tss_free(int sel);
int	tss_slots_used(void);

struct i386tss *tss_of_selector(int sel);

#endif /* _MACHINE_TSS_H_ */
