/*
 * sys/wait.h: wait4(2) options and status macros, OpenBSD's encoding.
 */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#define _WSTATUS(x)	((x) & 0177)
#define _WSTOPPED	0177
#define _WCONTINUED	0177777
#define WIFSTOPPED(x)	(((x) & 0xff) == _WSTOPPED)
#define WSTOPSIG(x)	(int)(((unsigned)(x) >> 8) & 0xff)
#define WIFSIGNALED(x)	(_WSTATUS(x) != _WSTOPPED && _WSTATUS(x) != 0)
#define WTERMSIG(x)	(_WSTATUS(x))
#define WIFEXITED(x)	(_WSTATUS(x) == 0)
#define WEXITSTATUS(x)	(int)(((unsigned)(x) >> 8) & 0xff)
#define WIFCONTINUED(x)	(((x) & _WCONTINUED) == _WCONTINUED)
#define WCOREFLAG	0200

#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | _WSTOPPED)

#define WNOHANG		0x01	/* do not wait */
#define WUNTRACED	0x02	/* report stopped children */
#define WCONTINUED	0x08	/* report continued children */

#define WAIT_ANY	(-1)
#define WAIT_MYPGRP	0

#endif /* _SYS_WAIT_H_ */
