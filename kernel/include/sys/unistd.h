/* sys/unistd.h: kernel-side unistd constants. */
#ifndef _SYS_UNISTD_H_
#define _SYS_UNISTD_H_
#endif /* _SYS_UNISTD_H_ */
