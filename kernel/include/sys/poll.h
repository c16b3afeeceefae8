/*
 * sys/poll.h: poll(2)'s structure and events, OpenBSD's values; and the
 * kernel's wakeup for select and poll sleepers (selwakeup).
 */
#ifndef _SYS_POLL_H_
#define _SYS_POLL_H_

struct pollfd {
	int	fd;
	short	events;		/* what to look for */
	short	revents;	/* what was found */
};

typedef unsigned int nfds_t;

#define POLLIN		0x0001	/* data to read */
#define POLLPRI		0x0002	/* urgent data */
#define POLLOUT		0x0004	/* room to write */
#define POLLERR		0x0008	/* an error (revents only) */
#define POLLHUP		0x0010	/* hung up (revents only) */
#define POLLNVAL	0x0020	/* not an open descriptor (revents only) */
#define POLLRDNORM	0x0040
#define POLLNORM	POLLRDNORM
#define POLLWRNORM	POLLOUT
#define POLLRDBAND	0x0080
#define POLLWRBAND	0x0100

#define INFTIM		(-1)

#ifdef _KERNEL
void	selwakeup(void);
#endif

#endif /* _SYS_POLL_H_ */
