/*
 * tib.h: the thread information block, Tine's TCB on i386.
 *
 * Every thread's %gs segment is based at its TIB (the kernel loads the
 * base from __tfork's tf_tcb or from __set_tcb), and the TIB's first word
 * holds the TIB's own address, so one load, "mov eax, [gs:0]", turns %gs
 * into an ordinary pointer (__tib_get).  crt0 installs the main thread's
 * (__main_tib) before anything else runs; pthread_create gives each new
 * thread one inside its struct pthread.  The generated system call stubs
 * store errno at TIB_ERRNO_OFFSET through %gs:0, so every thread has
 * its own errno (docs/threads.md).
 *
 *	%gs:0 --> +0   tib_self    this TIB's address
 *	          +4   tib_errno   errno (the stubs write it here)
 *	          +8   tib_tid     the kernel's tid; __threxit zeroes it
 *	          +12  tib_thread  the struct pthread, NULL until needed
 */
#ifndef _TIB_H_
#define _TIB_H_

#include <sys/types.h>

struct pthread;

struct tib {
	struct tib	*tib_self;	/* %gs:0: must stay first */
	int		 tib_errno;	/* must stay at TIB_ERRNO_OFFSET */
	pid_t		 tib_tid;	/* set by __tfork, cleared by __threxit */
	struct pthread	*tib_thread;	/* libpthread's view of this thread */
};

#define TIB_ERRNO_OFFSET	4	/* makesyscalls.pl's stubs use it */

extern struct tib __main_tib;		/* the initial thread's (tib.c) */

#ifndef _SYS_PROC_H_
/* __tfork(2)'s parameter block, as in the kernel's <sys/proc.h>. */
struct __tfork {
	void	*tf_tcb;		/* the new thread's %gs base */
	pid_t	*tf_tid;		/* where the kernel writes its tid */
	void	*tf_stack;		/* its first %esp */
};
#endif

struct tib *__tib_get(void);		/* %gs:0 */
int	__set_tcb(void *);
void	*__get_tcb(void);
int	__tfork(const struct __tfork *, size_t);
int	__tfork_thread(const struct __tfork *, size_t, void (*)(void *),
	    void *);
__dead void __threxit(pid_t *);
int	thrkill(pid_t, int, void *);

#endif /* _TIB_H_ */
