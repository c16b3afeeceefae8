/*
 * sys/ktrace.h: kernel tracing, ktrace(2).  PORT: not configured: the
 * kernel is built without KTRACE, so the seed's #ifdef KTRACE blocks are
 * compiled out, as in an OpenBSD kernel without "option KTRACE".  The
 * flag the seed tests is defined for the struct's sake.
 */
#ifndef _SYS_KTRACE_H_
#define _SYS_KTRACE_H_

#define KTRFAC_INHERIT	0x40000000	/* children inherit tracing */

#endif /* _SYS_KTRACE_H_ */
