/*
 * user/lib/tib.c: the main thread's TIB, and errno through the TIB.
 *
 * crt0 hands __main_tib to __set_tcb before anything else, so %gs is
 * usable from the first line of C on; a thread made by pthread_create
 * gets its own TIB from __tfork (rthread.c).  <tib.h> draws the layout.
 */

#include <sys/types.h>
#include <errno.h>
#include <tib.h>

#include "thread_private.h"

struct tib __main_tib = { .tib_self = &__main_tib };

/* errno's address: the calling thread's tib_errno. */
int *
__errno(void)
{
	return &__tib_get()->tib_errno;
}

/* Set by the first pthread_create (thread_private.h). */
int __isthreaded;

/* What fork()'s child must redo once threads exist (rthread.c sets it). */
void (*_thread_fork_child_hook)(void);
