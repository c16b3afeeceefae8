/* sys/unistd.h: lseek(2)'s whence values (OpenBSD's), kernel and libc. */
#ifndef _SYS_UNISTD_H_
#define _SYS_UNISTD_H_

#define SEEK_SET	0	/* offset from the start */
#define SEEK_CUR	1	/* from the current offset */
#define SEEK_END	2	/* from the end of the file */

#endif /* _SYS_UNISTD_H_ */
