/* termios.h: terminal settings (the kernel's sys/termios.h), termios(4). */
#ifndef _TERMIOS_H_
#define _TERMIOS_H_

#include <sys/types.h>
#include <sys/termios.h>

int	tcgetattr(int, struct termios *);
int	tcsetattr(int, int, const struct termios *);
pid_t	tcgetpgrp(int);
int	tcsetpgrp(int, pid_t);
void	cfmakeraw(struct termios *);
speed_t	cfgetispeed(const struct termios *);
speed_t	cfgetospeed(const struct termios *);

#endif /* _TERMIOS_H_ */
