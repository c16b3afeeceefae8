/*
 * sys/fcntl.h: open(2) flags and the kernel's file flags (OpenBSD's
 * values).  FREAD and FWRITE are O_RDONLY + 1 and O_WRONLY + 1: the
 * kernel keeps "readable" and "writable" as bits.
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

#define O_RDONLY	0x0000
#define O_WRONLY	0x0001
#define O_RDWR		0x0002
#define O_ACCMODE	0x0003
#define O_NONBLOCK	0x0004
#define O_APPEND	0x0008
#define O_CREAT		0x0200
#define O_TRUNC		0x0400
#define O_EXCL		0x0800
#define O_NOCTTY	0x8000		/* do not make it the controlling tty */
#define O_CLOEXEC	0x10000

#define FREAD		0x0001
#define FWRITE		0x0002
#define FFLAGS(oflags)	((oflags) + 1)
#define OFLAGS(fflags)	((fflags) - 1)

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	10
#define FD_CLOEXEC	1

/* The file flags F_SETFL may change. */
#define FCNTLFLAGS	(O_NONBLOCK | O_APPEND)

#endif /* _SYS_FCNTL_H_ */
