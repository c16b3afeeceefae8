/* poll.h: poll(2) (the kernel's sys/poll.h). */
#ifndef _POLL_H_
#define _POLL_H_

#include <sys/poll.h>

int	poll(struct pollfd *, nfds_t, int);

#endif /* _POLL_H_ */
