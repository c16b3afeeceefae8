/*
 * sys/types.h: the kernel's basic types.  The fixed-width ones come from
 * the compiler's freestanding <stdint.h>; the BSD ones (u_int, vaddr_t,
 * pid_t, ...) are defined here with OpenBSD/i386's sizes.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <sys/cdefs.h>

typedef unsigned char	u_char;
typedef unsigned short	u_short;
typedef unsigned int	u_int;
typedef unsigned long	u_long;
typedef uint8_t		u_int8_t;
typedef uint16_t	u_int16_t;
typedef uint32_t	u_int32_t;
typedef uint64_t	u_int64_t;

typedef unsigned long	vaddr_t;	/* virtual address */
typedef unsigned long	paddr_t;	/* physical address */
typedef unsigned long	vsize_t;
typedef unsigned long	psize_t;
typedef unsigned long	__uintptr_t;	/* OpenBSD/i386's: struct kevent */

typedef long		ssize_t;
typedef int64_t		off_t;
typedef int64_t		time_t;
typedef int32_t		pid_t;
typedef uint32_t	uid_t;
typedef uint32_t	gid_t;
typedef uint32_t	mode_t;
typedef int32_t		dev_t;		/* a device: major and minor */
typedef uint64_t	ino_t;		/* a file's number */
typedef uint32_t	nlink_t;
typedef int64_t		blkcnt_t;	/* blocks of a file */
typedef int32_t		blksize_t;
typedef char *		caddr_t;
typedef int32_t		segsz_t;	/* segment size, in pages */
typedef int32_t		register_t;	/* a register's worth, for retval */
typedef uint32_t	fixpt_t;	/* fixed point, FSHIFT bits */

#endif /* _SYS_TYPES_H_ */
