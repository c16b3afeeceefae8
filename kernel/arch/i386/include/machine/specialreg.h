/* machine/specialreg.h: control register bits and CPUID feature flags. */
#ifndef _MACHINE_SPECIALREG_H_
#define _MACHINE_SPECIALREG_H_

#define CR0_PE	0x00000001	/* protected mode */
#define CR0_MP	0x00000002
#define CR0_EM	0x00000004
#define CR0_TS	0x00000008	/* task switched: next FPU use traps (#NM) */
#define CR0_NE	0x00000020
#define CR0_WP	0x00010000	/* supervisor writes honour read-only pages */
#define CR0_PG	0x80000000	/* paging */

#define CR4_PGE	0x00000080	/* global pages survive a CR3 load */

/* CPUID leaf 1, %edx */
#define CPUID_FPU	0x00000001
#define CPUID_VME	0x00000002
#define CPUID_DE	0x00000004
#define CPUID_PSE	0x00000008
#define CPUID_TSC	0x00000010
#define CPUID_MSR	0x00000020
#define CPUID_PAE	0x00000040
#define CPUID_MCE	0x00000080
#define CPUID_CX8	0x00000100
#define CPUID_APIC	0x00000200
#define CPUID_SEP	0x00000800
#define CPUID_MTRR	0x00001000
#define CPUID_PGE	0x00002000
#define CPUID_MCA	0x00004000
#define CPUID_CMOV	0x00008000
#define CPUID_PAT	0x00010000
#define CPUID_PSE36	0x00020000
#define CPUID_CFLUSH	0x00080000
#define CPUID_MMX	0x00800000
#define CPUID_FXSR	0x01000000
#define CPUID_SSE	0x02000000
#define CPUID_SSE2	0x04000000
#define CPUID_HTT	0x10000000

#endif /* _MACHINE_SPECIALREG_H_ */
