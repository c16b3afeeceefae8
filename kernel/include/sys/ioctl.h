/*
 * sys/ioctl.h: ioctl(2), device control (OpenBSD's header: the terminal
 * commands of <sys/ttycom.h>).
 */
#ifndef _SYS_IOCTL_H_
#define _SYS_IOCTL_H_

#include <sys/termios.h>
#include <sys/ttycom.h>

#ifndef _KERNEL
int	ioctl(int, unsigned long, ...);
#endif

#endif /* _SYS_IOCTL_H_ */
