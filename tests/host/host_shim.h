/*
 * tests/host/host_shim.h: what a kernel file needs to compile on the host.
 *
 * The host tests are unity builds: each tests/host/test_NAME.c includes
 * the C library's headers and cmocka, then this file, then the kernel
 * files it tests ("#include ../../kernel/subr_prf.c").  The Makefile puts
 * the kernel's include directories after the system ones (-idirafter), so
 * for a name both have (<sys/types.h>, <sys/cdefs.h>) the C library's
 * header wins, and kernel-only headers (<sys/systm.h>, <machine/...>) are
 * still found.  What that leaves to patch is below: names the kernel
 * defines differently from glibc are renamed, and what the kernel's own
 * <sys/cdefs.h> and <sys/types.h> would have given is defined here.
 *
 * Include it after every system header: the renames apply to all that
 * follows.  The stubs for what the kernel files call (console, panic's
 * boot(), spl, uvm_km) are in kern_stubs.h, included after them.
 */
#ifndef _HOST_SHIM_H_
#define _HOST_SHIM_H_

#include <stddef.h>

/*
 * The kernel's printf family (sys/systm.h, subr_prf.c) would collide with
 * the C library's.  Tests call them by the kernel names; cmocka, compiled
 * separately, keeps the C library's.
 */
#define printf		kern_printf
#define vprintf		kern_vprintf
#define snprintf	kern_snprintf
#define vsnprintf	kern_vsnprintf

/* KASSERT's hook (sys/systm.h); glibc exports a 3-argument __assert. */
#define __assert	kern___assert

/*
 * <sys/ktest.h> declares setjmp/longjmp on a label_t, cmocka's <setjmp.h>
 * on a jmp_buf (and makes setjmp a macro).  Tests that need a non-local
 * jump use sigsetjmp and siglongjmp, which are not renamed.
 */
#undef setjmp
#define setjmp		kern_setjmp
#define longjmp		kern_longjmp

/* <sys/cdefs.h>: glibc's is found first and lacks OpenBSD's names. */
#ifndef __packed
#define __packed		__attribute__((__packed__))
#endif
#ifndef __aligned
#define __aligned(x)		__attribute__((__aligned__(x)))
#endif
#ifndef __dead
#define __dead			__attribute__((__noreturn__))
#endif
#ifndef __unused
#define __unused		__attribute__((__unused__))
#endif
#ifndef __used
#define __used			__attribute__((__used__))
#endif
#ifndef __section
#define __section(s)		__attribute__((__section__(s)))
#endif
#ifndef __printflike
#define __printflike(f, a)	__attribute__((__format__(__printf__, f, a)))
#endif
#ifndef nitems
#define nitems(a)		(sizeof(a) / sizeof((a)[0]))
#endif

/*
 * <sys/reboot.h>: glibc has one too (reboot(2)'s RB_* values, which differ),
 * and it would be found first.  Mark glibc's as read, so it reads as empty,
 * and take the kernel's (boot(), db_stack_dump(), OpenBSD's RB_* values).
 * The other clashes, <sys/types.h> and <sys/cdefs.h>, are bridged below;
 * <sys/time.h> is not needed by any file under test.
 */
#define _SYS_REBOOT_H	1
#include "../../kernel/include/sys/reboot.h"

/* <sys/types.h>: glibc's is found first and lacks OpenBSD/i386's VM types. */
typedef unsigned long	vaddr_t;
typedef unsigned long	paddr_t;
typedef unsigned long	vsize_t;
typedef unsigned long	psize_t;

/*
 * strlcpy (lib/libkern/libkern.h): glibc has it only from 2.38; Debian 12
 * has 2.36.  Renamed, so a newer glibc's declaration does not clash.
 * OpenBSD's meaning: copy at most size - 1 bytes, always NUL-terminate
 * (if size > 0), return strlen(src).
 */
#define strlcpy		host_strlcpy
static inline size_t
host_strlcpy(char *dst, const char *src, size_t size)
{
	size_t n = 0;

	while (src[n] != '\0') {
		if (n + 1 < size)
			dst[n] = src[n];
		n++;
	}
	if (size > 0)
		dst[n < size ? n : size - 1] = '\0';
	return n;
}

#endif /* _HOST_SHIM_H_ */
