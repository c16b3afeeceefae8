/* sys/errno.h: error numbers, with OpenBSD's values. */
#ifndef _SYS_ERRNO_H_
#define _SYS_ERRNO_H_

#define EPERM		1	/* Operation not permitted */
#define ENOENT		2	/* No such file or directory */
#define ESRCH		3	/* No such process */
#define EINTR		4	/* Interrupted system call */
#define EIO		5	/* Input/output error */
#define ENXIO		6	/* Device not configured */
#define E2BIG		7	/* Argument list too long */
#define ENOEXEC		8	/* Exec format error */
#define EBADF		9	/* Bad file descriptor */
#define ECHILD		10	/* No child processes */
#define EDEADLK		11	/* Resource deadlock avoided */
#define ENOMEM		12	/* Cannot allocate memory */
#define EACCES		13	/* Permission denied */
#define EFAULT		14	/* Bad address */
#define EBUSY		16	/* Device busy */
#define EEXIST		17	/* File exists */
#define ENOTDIR		20	/* Not a directory */
#define ENODEV		19	/* Operation not supported by device */
#define EISDIR		21	/* Is a directory */
#define EINVAL		22	/* Invalid argument */
#define ENFILE		23	/* Too many open files in system */
#define EMFILE		24	/* Too many open files */
#define ENOTTY		25	/* Inappropriate ioctl for device */
#define ESPIPE		29	/* Illegal seek */
#define EPIPE		32	/* Broken pipe */
#define ERANGE		34	/* Result too large */
#define EAGAIN		35	/* Resource temporarily unavailable */
#define EWOULDBLOCK	EAGAIN		/* operation would block */
#define EROFS		30	/* Read-only file system */
#define ETIMEDOUT	60	/* Operation timed out */
#define ENAMETOOLONG	63	/* File name too long */
#define ENOSYS		78	/* Function not implemented */
#define ECANCELED	88	/* Operation canceled */
#define ENOTSUP		91	/* Not supported */

/* Kernel-internal: never seen by user programs. */
#define ERESTART	(-1)	/* restart the system call */
#define EJUSTRETURN	(-2)	/* the frame is set: do not touch it */

#endif /* _SYS_ERRNO_H_ */
