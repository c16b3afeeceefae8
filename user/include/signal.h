/* signal.h: signal numbers (the kernel's sys/signal.h) and kill(2). */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/types.h>
#include <sys/signal.h>

int	kill(pid_t, int);

#endif /* _SIGNAL_H_ */
