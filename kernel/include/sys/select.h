/* sys/select.h: select(2)'s descriptor sets, OpenBSD's layout. */
#ifndef _SYS_SELECT_H_
#define _SYS_SELECT_H_

#include <sys/types.h>

#define FD_SETSIZE	1024
#define __NFDBITS	32			/* bits in a mask word */
#define __howmany(x, y)	(((x) + ((y) - 1)) / (y))

typedef uint32_t __fd_mask;

typedef struct fd_set {
	__fd_mask fds_bits[__howmany(FD_SETSIZE, __NFDBITS)];
} fd_set;

#define FD_SET(n, p)	((p)->fds_bits[(n) / __NFDBITS] |= \
			    (1U << ((n) % __NFDBITS)))
#define FD_CLR(n, p)	((p)->fds_bits[(n) / __NFDBITS] &= \
			    ~(1U << ((n) % __NFDBITS)))
#define FD_ISSET(n, p)	(((p)->fds_bits[(n) / __NFDBITS] & \
			    (1U << ((n) % __NFDBITS))) != 0)
#define FD_ZERO(p)	do {						\
	fd_set *_p = (p);						\
	unsigned int _n;						\
	for (_n = 0; _n < __howmany(FD_SETSIZE, __NFDBITS); _n++)	\
		_p->fds_bits[_n] = 0;					\
} while (0)

#endif /* _SYS_SELECT_H_ */
